import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LanguageServiceOptions } from '../service/languageService';
import type { Paths } from '../service/paths';
import { IndexCache } from './indexCache';
import { nodeWorkspace } from './nodeWorkspace';
import { summaryPool } from './summaryPool';

export const nodePaths: Paths = {
  toUri: (path) => pathToFileURL(path).href,
  toPath(uri) {
    try {
      return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
    } catch {
      return undefined;
    }
  },
};

/**
 * The language service's host on Node: the disk, worker threads for a large archive, and the
 * summaries kept between sessions under `cacheDir` (VS Code's extension storage), else the
 * user's cache folder.
 */
export function nodeHost(cacheDir?: string): Pick<LanguageServiceOptions, 'workspace' | 'reader' | 'cache' | 'paths'> {
  return { workspace: nodeWorkspace, reader: summaryPool(), cache: (roots) => new IndexCache(cacheDir, roots), paths: nodePaths };
}

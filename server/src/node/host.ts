import type { LanguageServiceOptions } from '../service/languageService';
import { nodeFonts } from './fonts';
import { loadSpeller } from './speller';
import { IndexCache } from './indexCache';
import { nodeWorkspace } from './nodeWorkspace';
import { nodePaths } from './paths';
import { summaryPool } from './summaryPool';

/**
 * The language service's host on Node: the disk, worker threads for a large archive, the PDF
 * renderer's fonts, and the summaries kept between sessions under `cacheDir` (VS Code's extension
 * storage), else the user's cache folder.
 */
export function nodeHost(cacheDir?: string): Pick<LanguageServiceOptions, 'workspace' | 'reader' | 'cache' | 'paths' | 'fonts' | 'speller'> {
  return {
    workspace: nodeWorkspace,
    reader: summaryPool(),
    cache: (roots) => new IndexCache(cacheDir, roots),
    paths: nodePaths,
    fonts: nodeFonts,
    speller: () => loadSpeller(),
  };
}

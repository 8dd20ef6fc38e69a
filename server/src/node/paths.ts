import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Paths } from '../service/paths';

/** File paths and `file:` URIs as node's url module makes them, like VS Code's on this platform. */
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

import { resolve } from 'node:path';
import { filePaths, type Paths } from '../service/paths';

const platformPaths = filePaths(process.platform === 'win32' ? 'windows' : 'posix');

/** File paths and `file:` URIs as VS Code writes them on this platform; a relative path is taken from the working folder. */
export const nodePaths: Paths = {
  toUri: (path) => platformPaths.toUri(resolve(path)),
  toPath: (uri) => platformPaths.toPath(uri),
};

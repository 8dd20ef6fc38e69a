import { URI } from 'vscode-uri';

/** How the host turns its file paths into document URIs and back. */
export interface Paths {
  toUri(path: string): string;
  /** The path of a `file:` URI; undefined for any other scheme (an untitled document). */
  toPath(uri: string): string | undefined;
}

/** Which file system's paths: `/home/x/a.referat`, or `C:\Users\x\a.referat` and `\\server\share\a.referat`. */
export type PathStyle = 'posix' | 'windows';

const DRIVE = /^\/?([A-Za-z]):/;

/**
 * `file:` URIs written exactly as VS Code writes them (vscode-uri: `C:\Users\x\a b.referat` is
 * `file:///c%3A/Users/x/a%20b.referat`), so a document the editor names and the same file found on
 * disk are one URI. A path's drive letter comes back upper case.
 */
export function filePaths(style: PathStyle): Paths {
  const windows = style === 'windows';
  return {
    toUri(path) {
      let p = windows ? path.replace(/\\/g, '/') : path;
      let authority = '';
      // A UNC share: `\\server\share\x` is `file://server/share/x`.
      if (p.startsWith('//')) {
        const cut = p.indexOf('/', 2);
        authority = cut < 0 ? p.slice(2) : p.slice(2, cut);
        p = cut < 0 ? '/' : p.slice(cut);
      }
      if (!p.startsWith('/')) p = `/${p}`;
      return URI.from({ scheme: 'file', authority, path: p, query: '', fragment: '' }).toString();
    },
    toPath(uri) {
      let parsed: URI;
      try {
        parsed = URI.parse(uri);
      } catch {
        return undefined;
      }
      if (parsed.scheme !== 'file') return undefined;
      const path = parsed.authority && parsed.path.length > 1 ? `//${parsed.authority}${parsed.path}` : parsed.path;
      if (!windows) return path;
      const drive = DRIVE.exec(path);
      const local = drive ? `${drive[1]!.toUpperCase()}:${path.slice(drive[0].length)}` : path;
      return local.replace(/\//g, '\\');
    },
  };
}

/** `/`-separated paths: the core's default, and every host but Windows. */
export const defaultPaths: Paths = filePaths('posix');

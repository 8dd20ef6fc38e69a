import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { scanOutlines } from './outlinePool';
import type { ScanResult } from './scanFile';

/**
 * The files the server sees, injected by the host: the real file system in the language server;
 * another host (a browser, a test) would give its own. Features never touch fs directly.
 */
export interface Workspace {
  /** Every `*.referat` below a folder (hidden folders and node_modules skipped). */
  listReferater(folder: string): Promise<string[]>;
  readFile(path: string): Promise<Uint8Array>;
  exists(path: string): Promise<boolean>;
  /**
   * Reads and scans archive files, a batch at a time, in parallel where the host can; every path
   * gets one result (its summary, a reason it was skipped, or gone).
   */
  scanOutlines(paths: readonly string[], onResults: (results: readonly ScanResult[]) => void): Promise<{ threads: number }>;
}

export const nodeWorkspace: Workspace = {
  async listReferater(folder) {
    const out: string[] = [];
    // Sibling folders are read at once, not one after another: an archive has a folder per
    // body and year, and a listing is on the path to the first file read.
    const walk = async (dir: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      const folders: Promise<void>[] = [];
      for (const e of entries) {
        if (e.name.startsWith('.') || e.name === 'node_modules') continue;
        const p = join(dir, e.name);
        if (e.isDirectory()) folders.push(walk(p));
        else if (e.isFile() && e.name.endsWith('.referat')) out.push(p);
      }
      await Promise.all(folders);
    };
    await walk(folder);
    return out.sort();
  },
  readFile: (path) => readFile(path),
  // The worker is bundled next to the server (dist/indexWorker.js).
  scanOutlines: (paths, onResults) => scanOutlines(join(__dirname, 'indexWorker.js'), paths, onResults),
  async exists(path) {
    try {
      await stat(path);
      return true;
    } catch {
      return false;
    }
  },
};

/** The nearest `referat.yaml` in the document's folder or above it, up to the workspace root. */
export async function nearestConfig(ws: Workspace, file: string, roots: readonly string[]): Promise<string | undefined> {
  const root = roots.map((r) => resolve(r)).filter((r) => resolve(file).startsWith(r)).sort((a, b) => b.length - a.length)[0];
  let dir = dirname(resolve(file));
  for (;;) {
    const candidate = join(dir, 'referat.yaml');
    if (await ws.exists(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir || (root !== undefined && dir === root) || (root !== undefined && !up.startsWith(root))) return undefined;
    dir = up;
  }
}

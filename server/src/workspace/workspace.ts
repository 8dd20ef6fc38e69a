import { readdir, readFile, stat } from 'node:fs/promises';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { scanInWorkers } from './outlinePool';
import type { ScanResult } from './scanFile';

/**
 * The files the server sees, injected by the host: the real file system in the server, a map in
 * tests. Features never touch fs directly.
 */
export interface Workspace {
  /** Every `*.referat` below a folder (hidden folders and node_modules skipped). */
  listReferater(folder: string): Promise<string[]>;
  readFile(path: string): Promise<Uint8Array>;
  /**
   * The same, at once: for indexing thousands of small files in short synchronous chunks, which is
   * several times faster than queueing them through the thread pool.
   */
  readFileNow?(path: string): Uint8Array;
  size(path: string): Promise<number | undefined>;
  sizeNow?(path: string): number | undefined;
  exists(path: string): Promise<boolean>;
  /**
   * Reads and scans many files at once, in parallel where the host can; returns the paths it could
   * not scan, for the caller to read itself.
   */
  scanOutlines?(paths: readonly string[], onResults: (results: readonly ScanResult[]) => void): Promise<string[]>;
}

export const nodeWorkspace: Workspace = {
  async listReferater(folder) {
    const out: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (e.name.startsWith('.') || e.name === 'node_modules') continue;
        const p = join(dir, e.name);
        if (e.isDirectory()) await walk(p);
        else if (e.isFile() && e.name.endsWith('.referat')) out.push(p);
      }
    };
    await walk(folder);
    return out.sort();
  },
  readFile: (path) => readFile(path),
  readFileNow: (path) => readFileSync(path),
  // The worker is bundled next to the server (dist/indexWorker.js).
  scanOutlines: (paths, onResults) => scanInWorkers(join(__dirname, 'indexWorker.js'), paths, onResults),
  sizeNow(path) {
    try {
      return statSync(path).size;
    } catch {
      return undefined;
    }
  },
  async size(path) {
    try {
      return (await stat(path)).size;
    } catch {
      return undefined;
    }
  },
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

import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readFileSafely, REFERAT_LIMIT } from './files';
import { decodeReferat, type DecodeResult } from '../workspace/decode';
import type { Workspace } from '../workspace/workspace';

/** The real file system, for the language server and the command line. */
export const nodeWorkspace: Workspace = {
  async listReferater(folder, options = {}) {
    const out: string[] = [];
    // Sibling folders are read at once, not one after another: an archive has a folder per
    // body and year, and a listing is on the path to the first file read.
    const walk = async (dir: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (e) {
        options.unreadable?.(dir, (e as NodeJS.ErrnoException).code ?? 'EIO');
        return;
      }
      const folders: Promise<void>[] = [];
      for (const e of entries) {
        if (e.name.startsWith('.') || e.name === 'node_modules') continue;
        const p = join(dir, e.name);
        if (e.isDirectory()) folders.push(walk(p));
        // A link to a referat is the referat (its reading refuses a FIFO or a device behind it); links to folders are not followed, so no loop is walked.
        else if ((e.isFile() || e.isSymbolicLink()) && e.name.endsWith('.referat')) out.push(p);
      }
      await Promise.all(folders);
    };
    await walk(folder);
    return out.sort();
  },
  // A FIFO or a device named like a referat (or referat.yaml) is refused, never waited on.
  async readFile(path) {
    const read = await readFileSafely(path, REFERAT_LIMIT);
    if (read.ok) return read.bytes;
    throw Object.assign(new Error(`${path}: ${read.problem.en}`), { code: read.code ?? 'EINVAL', problem: read.problem });
  },
  async fingerprint(path) {
    try {
      const s = await stat(path, { bigint: true });
      return `${s.size}:${s.mtimeNs}:${s.ino}:${s.dev}`;
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

/** A referat file's text as the editor reads it (its byte order mark dropped, UTF-16 by its mark); throws where it cannot be read. */
export async function readReferatText(path: string): Promise<DecodeResult> {
  return decodeReferat(await nodeWorkspace.readFile(path));
}

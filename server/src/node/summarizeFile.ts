import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { summarizeBytes, tooLarge, type SummaryResult } from '../archive/reader';

/** Reads and summarises one file with one open for size, time and bytes; never throws. */
export function summarizeFile(path: string): SummaryResult {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { path, size: 0, mtimeMs: 0, outcome: { kind: 'gone' } };
    return {
      path,
      size: 0,
      mtimeMs: 0,
      outcome: { kind: 'skipped', reason: { da: `kan ikke læses (${code ?? String(e)})`, en: `cannot read (${code ?? String(e)})` } },
    };
  }
  let size = 0;
  let mtimeMs = 0;
  let bytes: Buffer;
  try {
    // The archive's files are read by the thousand: one open, one stat, one read.
    const s = fstatSync(fd);
    size = s.size;
    mtimeMs = s.mtimeMs;
    if (!s.isFile()) return { path, size, mtimeMs, outcome: { kind: 'skipped', reason: { da: 'ikke en fil', en: 'not a file' } } };
    const large = tooLarge(size);
    if (large) return { path, size, mtimeMs, outcome: large };
    bytes = Buffer.allocUnsafe(size);
    let n = 0;
    for (let r = 1; n < size && r > 0; n += r) r = readSync(fd, bytes, n, size - n, n);
    // A file cut short while being read: what is there is scanned, and its change event comes next.
    bytes = bytes.subarray(0, n);
  } catch (e) {
    return {
      path,
      size,
      mtimeMs,
      outcome: {
        kind: 'skipped',
        reason: { da: `kan ikke læses (${(e as { code?: string }).code ?? String(e)})`, en: `cannot read (${(e as { code?: string }).code ?? String(e)})` },
      },
    };
  } finally {
    closeSync(fd);
  }
  return { path, size, mtimeMs, outcome: summarizeBytes(bytes) };
}

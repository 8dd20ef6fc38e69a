import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { summarizeReferat, type ReferatSummary } from '../archive/summary';
import { decodeReferat } from './decode';

/** Files larger than this are not minutes; they are skipped with a log line. */
export const MAX_REFERAT_BYTES = 20 * 1024 * 1024;

/** One archive file read and scanned, or why it was not. Plain data: it crosses from a worker thread. */
export type ScanOutcome =
  | { readonly kind: 'summary'; readonly summary: ReferatSummary }
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'gone' };

export interface ScanResult {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly outcome: ScanOutcome;
}

/** Reads, checks and scans one file; never throws. */
export function scanFile(path: string): ScanResult {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { path, size: 0, mtimeMs: 0, outcome: { kind: 'gone' } };
    return { path, size: 0, mtimeMs: 0, outcome: { kind: 'skipped', reason: `cannot read (${code ?? String(e)}) / kan ikke læses` } };
  }
  let size = 0;
  let mtimeMs = 0;
  let bytes: Buffer;
  try {
    // One open for size, time and bytes: the archive's files are read by the thousand.
    const s = fstatSync(fd);
    size = s.size;
    mtimeMs = s.mtimeMs;
    if (!s.isFile()) return { path, size, mtimeMs, outcome: { kind: 'skipped', reason: 'not a file / ikke en fil' } };
    if (size > MAX_REFERAT_BYTES) return { path, size, mtimeMs, outcome: { kind: 'skipped', reason: `${(size / 1e6).toFixed(0)} MB is too large for a referat / ${(size / 1e6).toFixed(0)} MB er for stort til et referat` } };
    bytes = Buffer.allocUnsafe(size);
    let n = 0;
    for (let r = 1; n < size && r > 0; n += r) r = readSync(fd, bytes, n, size - n, n);
    // A file cut short while being read: what is there is scanned, and its change event comes next.
    bytes = bytes.subarray(0, n);
  } catch (e) {
    return { path, size, mtimeMs, outcome: { kind: 'skipped', reason: `cannot read (${(e as { code?: string }).code ?? String(e)}) / kan ikke læses` } };
  } finally {
    closeSync(fd);
  }
  const decoded = decodeReferat(bytes);
  if (!decoded.ok) return { path, size, mtimeMs, outcome: { kind: 'skipped', reason: decoded.problem } };
  try {
    return { path, size, mtimeMs, outcome: { kind: 'summary', summary: summarizeReferat(decoded.text) } };
  } catch (e) {
    // The scan is total by design; this keeps one odd file from stopping the index if it is not.
    return { path, size, mtimeMs, outcome: { kind: 'skipped', reason: `could not be read as a referat (${String(e)}) / kunne ikke læses som et referat` } };
  }
}

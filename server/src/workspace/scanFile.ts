import { readFileSync, statSync } from 'node:fs';
import { scanOutline, type OutlineSource } from '../archive/summary';
import { decodeReferat } from './decode';

/** Files larger than this are not minutes; they are skipped with a log line. */
export const MAX_REFERAT_BYTES = 20 * 1024 * 1024;

/** One archive file read and scanned, or why it was not. Plain data: it crosses from a worker thread. */
export type ScanOutcome =
  | { readonly kind: 'outline'; readonly source: OutlineSource }
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'gone' };

export interface ScanResult {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly outcome: ScanOutcome;
}

/** Reads, decodes and scans one file; never throws. */
export function scanFile(path: string): ScanResult {
  let size = 0;
  let mtimeMs = 0;
  try {
    const s = statSync(path);
    size = s.size;
    mtimeMs = s.mtimeMs;
  } catch {
    return { path, size, mtimeMs, outcome: { kind: 'gone' } };
  }
  if (size > MAX_REFERAT_BYTES) return { path, size, mtimeMs, outcome: { kind: 'skipped', reason: `${(size / 1e6).toFixed(0)} MB is too large for a referat` } };
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return { path, size, mtimeMs, outcome: { kind: 'skipped', reason: `cannot read (${(e as { code?: string }).code ?? String(e)})` } };
  }
  const decoded = decodeReferat(bytes);
  if (!decoded.ok) return { path, size, mtimeMs, outcome: { kind: 'skipped', reason: decoded.problem } };
  try {
    return { path, size, mtimeMs, outcome: { kind: 'outline', source: scanOutline(decoded.text) } };
  } catch (e) {
    // The scan is total by design; this keeps one odd file from stopping the index if it is not.
    return { path, size, mtimeMs, outcome: { kind: 'skipped', reason: `could not be read as a referat (${String(e)})` } };
  }
}

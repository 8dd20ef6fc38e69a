import { summarizeBytes, tooLarge, type SummaryResult } from '../archive/reader';
import { readFileSafelySync, REFERAT_LIMIT } from './files';

/**
 * Reads and summarises one file; never throws, never waits: a FIFO, a device or a folder with a
 * referat's name is skipped from its stat, before it is opened.
 */
export function summarizeFile(path: string): SummaryResult {
  const read = readFileSafelySync(path, REFERAT_LIMIT);
  const size = read.stats?.size ?? 0;
  const mtimeMs = read.stats?.mtimeMs ?? 0;
  if (read.ok) return { path, size, mtimeMs, outcome: summarizeBytes(read.bytes) };
  if (read.kind === 'missing') return { path, size: 0, mtimeMs: 0, outcome: { kind: 'gone' } };
  // The archive's own words for a file too large, as its other readers say it.
  const large = read.stats?.isFile() ? tooLarge(size) : undefined;
  return { path, size, mtimeMs, outcome: large ?? { kind: 'skipped', reason: read.problem } };
}

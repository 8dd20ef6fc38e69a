import type { LocalizedText } from '../i18n/locale';
import type { CancellationToken } from '../workspace/cancellation';
import { decodeReferat } from '../workspace/decode';
import { yieldToHost, type Workspace } from '../workspace/workspace';
import { summarizeReferat, type ReferatSummary } from './summary';

/** Files larger than this are not minutes; they are skipped with a log line. */
export const MAX_REFERAT_BYTES = 20 * 1024 * 1024;

/** One archive file read and summarised, or why it was not. Plain data: it crosses from a worker thread. */
export type SummaryOutcome =
  { readonly kind: 'summary'; readonly summary: ReferatSummary } | { readonly kind: 'skipped'; readonly reason: LocalizedText } | { readonly kind: 'gone' };

export interface SummaryResult {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly outcome: SummaryOutcome;
}

/**
 * How a host reads many archive files into summaries, a batch at a time: on worker threads where
 * it has them (`node/summaryPool.ts`), else on its own thread. Every path gets one result, unless
 * the token is cancelled (the service disposed): a reader may then stop between batches.
 */
export interface SummaryReader {
  read(paths: readonly string[], onResults: (results: readonly SummaryResult[]) => void, token?: CancellationToken): Promise<{ threads: number }>;
}

/** The summaries kept from the last session, reused for every file whose size and time are unchanged. */
export interface SummaryCache {
  readonly file: string;
  load(): number;
  lookup(path: string): SummaryResult | undefined;
  put(path: string, size: number, mtimeMs: number, summary: ReferatSummary): void;
  retain(paths: ReadonlySet<string>): void;
  save(): void;
}

/** A file too large to be minutes, said without reading it. */
export function tooLarge(size: number): SummaryOutcome | undefined {
  if (size <= MAX_REFERAT_BYTES) return undefined;
  const mb = (size / 1e6).toFixed(0);
  return { kind: 'skipped', reason: { da: `${mb} MB er for stort til et referat`, en: `${mb} MB is too large for a referat` } };
}

/** A file's bytes as the archive takes them: a summary, or why it is not a referat. Never throws. */
export function summarizeBytes(bytes: Uint8Array): SummaryOutcome {
  const large = tooLarge(bytes.length);
  if (large) return large;
  const decoded = decodeReferat(bytes);
  if (!decoded.ok) return { kind: 'skipped', reason: decoded.problem };
  try {
    return { kind: 'summary', summary: summarizeReferat(decoded.text) };
  } catch (e) {
    // The scan is total by design; this keeps one odd file from stopping the index if it is not.
    return { kind: 'skipped', reason: { da: `kunne ikke læses som et referat (${String(e)})`, en: `could not be read as a referat (${String(e)})` } };
  }
}

/** Reads through the workspace on this thread, yielding between batches: for hosts without threads. */
export function workspaceReader(workspace: Workspace, batch = 25): SummaryReader {
  return {
    async read(paths, onResults, token) {
      for (let i = 0; i < paths.length && !token?.isCancellationRequested; i += batch) {
        const results: SummaryResult[] = [];
        for (const path of paths.slice(i, i + batch)) {
          let bytes: Uint8Array;
          try {
            bytes = await workspace.readFile(path);
          } catch {
            results.push({ path, size: 0, mtimeMs: 0, outcome: { kind: 'gone' } });
            continue;
          }
          results.push({ path, size: bytes.length, mtimeMs: 0, outcome: summarizeBytes(bytes) });
        }
        onResults(results);
        await yieldToHost();
      }
      return { threads: 0 };
    },
  };
}

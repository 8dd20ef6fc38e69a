import { join } from 'node:path';
import type { SummaryReader } from '../archive/reader';
import { summarizeFile } from './summarizeFile';
import { runPool } from './threadPool';

/**
 * The node host's summary reader: a batch of files at a time, never blocking the server thread
 * for more than one batch: on worker threads when there are many files (a cold index of
 * thousands of referater then uses every core), else on this thread with a yield between batches.
 * The worker is bundled next to the server (`dist/summaryWorker.js`).
 */
export function summaryPool(threads?: number, workerFile = join(__dirname, 'summaryWorker.js')): SummaryReader {
  return {
    read: (paths, onResults) =>
      runPool(paths, { workerFile, parallelFrom: 100, batch: 25, ...(threads ? { threads } : {}), local: summarizeFile, yieldBetweenBatches: true }, onResults),
  };
}

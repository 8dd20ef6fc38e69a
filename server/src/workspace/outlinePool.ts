import { scanFile, type ScanResult } from './scanFile';
import { runPool } from './threadPool';

/**
 * Reads and summarises archive files a batch at a time, never blocking the server thread for
 * more than one batch: on worker threads when there are many files (a cold index of thousands
 * of referater then uses every core), else on this thread with a yield between batches.
 */
export function scanOutlines(workerFile: string, paths: readonly string[], onResults: (results: readonly ScanResult[]) => void, threads?: number): Promise<{ threads: number }> {
  return runPool(paths, { workerFile, parallelFrom: 100, batch: 25, ...(threads ? { threads } : {}), local: scanFile, yieldBetweenBatches: true }, onResults);
}

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { scanFile, type ScanResult } from './scanFile';

const BATCH = 25;
/** Below this many files, threads cost more to start than they save. */
const PARALLEL_FROM = 100;

/**
 * Reads and scans files a batch at a time, never blocking the server thread for more than one
 * batch: on worker threads when there are many files (a cold index of thousands of referater
 * then uses every core), else on this thread with a yield between batches. Files a failed worker
 * could not finish are scanned here. Says how many worker threads did the work (0: none).
 */
export async function scanOutlines(workerFile: string, paths: readonly string[], onResults: (results: readonly ScanResult[]) => void, threads = defaultThreads()): Promise<{ threads: number }> {
  const queue: string[][] = [];
  for (let i = 0; i < paths.length; i += BATCH) queue.push(paths.slice(i, i + BATCH));
  let used = 0;
  if (paths.length >= PARALLEL_FROM && existsSync(workerFile)) {
    await Promise.all(
      Array.from({ length: Math.min(threads, queue.length) }, async () => {
        let worker: Worker;
        try {
          worker = new Worker(workerFile);
        } catch {
          return;
        }
        used++;
        try {
          for (let batch = queue.shift(); batch; batch = queue.shift()) {
            const current = batch;
            try {
              onResults(await ask(worker, current));
            } catch {
              // This worker is gone: its batch goes back for another worker or this thread.
              queue.push(current);
              return;
            }
          }
        } finally {
          void worker.terminate();
        }
      }),
    );
  }
  for (let batch = queue.shift(); batch; batch = queue.shift()) {
    onResults(batch.map(scanFile));
    await new Promise((r) => setImmediate(r));
  }
  return { threads: used };
}

function ask(worker: Worker, paths: string[]): Promise<ScanResult[]> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (r: ScanResult[]): void => {
      done();
      resolve(r);
    };
    const onError = (e: Error): void => {
      done();
      reject(e);
    };
    const onExit = (code: number): void => {
      done();
      reject(new Error(`worker exited with ${code}`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(paths);
  });
}

/** One thread per core, up to four; the disk is the limit beyond that. */
function defaultThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

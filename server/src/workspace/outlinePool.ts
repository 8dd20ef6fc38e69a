import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ScanResult } from './scanFile';

const BATCH = 25;

/**
 * Scans files on worker threads, a batch at a time, so a cold index of thousands of referater uses
 * every core and the server thread stays free to answer requests. Resolves with the paths no worker
 * could scan (a worker that failed to start or died), for the caller to scan itself.
 */
export async function scanInWorkers(workerFile: string, paths: readonly string[], onResults: (results: readonly ScanResult[]) => void, threads = defaultThreads()): Promise<string[]> {
  if (!existsSync(workerFile) || paths.length === 0) return [...paths];
  const queue: string[][] = [];
  for (let i = 0; i < paths.length; i += BATCH) queue.push(paths.slice(i, i + BATCH));
  const leftover: string[] = [];

  await Promise.all(
    Array.from({ length: Math.min(threads, queue.length) }, async () => {
      let worker: Worker;
      try {
        worker = new Worker(workerFile);
      } catch {
        return;
      }
      try {
        for (let batch = queue.shift(); batch; batch = queue.shift()) {
          const current = batch;
          try {
            onResults(await ask(worker, current));
          } catch {
            // This worker is gone: its batch goes back, another worker (or the caller) takes it.
            leftover.push(...current);
            return;
          }
        }
      } finally {
        void worker.terminate();
      }
    }),
  );
  // Batches no worker took because every worker failed.
  for (const b of queue) leftover.push(...b);
  return leftover;
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

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
          await drive(worker, queue, onResults);
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

/** Batches a worker has been sent ahead: it starts the next while this thread takes in the last. */
const IN_FLIGHT = 2;

/**
 * Feeds one worker from the shared queue until the queue is empty. If the worker dies, the
 * batches it had not answered go back to the queue, for another worker or this thread.
 */
function drive(worker: Worker, queue: string[][], onResults: (results: readonly ScanResult[]) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const sent: string[][] = [];
    let settled = false;
    const settle = (error?: unknown): void => {
      if (settled) return;
      settled = true;
      worker.off('message', onMessage);
      worker.off('error', onGone);
      worker.off('exit', onGone);
      if (error === undefined) resolve();
      else reject(error);
    };
    const send = (): void => {
      const batch = queue.shift();
      if (!batch) return;
      sent.push(batch);
      worker.postMessage(batch);
    };
    const onMessage = (results: ScanResult[]): void => {
      sent.shift();
      send();
      try {
        onResults(results);
      } catch (e) {
        queue.push(...sent.splice(0));
        settle(e);
        return;
      }
      if (sent.length === 0) settle();
    };
    const onGone = (): void => {
      queue.push(...sent.splice(0));
      settle();
    };
    worker.on('message', onMessage);
    worker.on('error', onGone);
    worker.on('exit', onGone);
    for (let i = 0; i < IN_FLIGHT; i++) send();
    if (sent.length === 0) settle();
  });
}

/** One thread per core, up to four; the disk is the limit beyond that. */
function defaultThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

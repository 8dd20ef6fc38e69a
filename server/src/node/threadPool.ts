import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

export interface PoolOptions<R> {
  /** The bundled worker script: it answers each message (an array of paths) with an array of results. */
  readonly workerFile: string;
  /** Passed to every worker as its workerData. */
  readonly workerData?: unknown;
  /** Below this many paths no thread is started: threads cost more to start than they save. */
  readonly parallelFrom: number;
  readonly batch: number;
  readonly threads?: number;
  /** The same work on this thread: for small jobs, and for what a failed worker could not finish. */
  readonly local: (path: string) => R | Promise<R>;
  /** Yield to the event loop between local batches, so a server stays responsive. */
  readonly yieldBetweenBatches?: boolean;
}

/**
 * Does per-path work a batch at a time on worker threads when there are many paths, else on this
 * thread. Every path gets exactly one result, even when a worker dies. Says how many worker
 * threads did the work (0: none).
 */
export async function runPool<R>(paths: readonly string[], options: PoolOptions<R>, onResults: (results: readonly R[]) => void): Promise<{ threads: number }> {
  const queue: string[][] = [];
  for (let i = 0; i < paths.length; i += options.batch) queue.push(paths.slice(i, i + options.batch));
  let used = 0;
  if (paths.length >= options.parallelFrom && existsSync(options.workerFile)) {
    const threads = options.threads ?? defaultThreads();
    await Promise.all(
      Array.from({ length: Math.min(threads, queue.length) }, async () => {
        let worker: Worker;
        try {
          worker = new Worker(options.workerFile, { workerData: options.workerData });
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
    onResults(await Promise.all(batch.map(options.local)));
    if (options.yieldBetweenBatches) await new Promise((r) => setImmediate(r));
  }
  return { threads: used };
}

/** Batches a worker has been sent ahead: it starts the next while this thread takes in the last. */
const IN_FLIGHT = 2;

/**
 * Feeds one worker from the shared queue until the queue is empty. If the worker dies, the
 * batches it had not answered go back to the queue, for another worker or this thread.
 */
function drive<R>(worker: Worker, queue: string[][], onResults: (results: readonly R[]) => void): Promise<void> {
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
      else reject(error instanceof Error ? error : new Error(`worker failed: ${JSON.stringify(error)}`));
    };
    const send = (): void => {
      const batch = queue.shift();
      if (!batch) return;
      sent.push(batch);
      worker.postMessage(batch);
    };
    const onMessage = (results: R[]): void => {
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

/** One thread per core, up to four by default; the disk is the limit beyond that. */
export function defaultThreads(max = 4): number {
  return Math.max(1, Math.min(max, availableParallelism()));
}

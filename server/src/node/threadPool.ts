// The one pool of worker threads: the CLI's batches (check, import, the archive's summaries), the
// language server's imports and its PDF exports all run on it. A job is a message to a bundled
// worker script, its answer the worker's reply. A thread at work keeps the process alive for its
// answer; an idle one does not, and ends after a while. A cancelled job ends its thread (work on a
// thread cannot be interrupted otherwise); a thread that dies rejects its jobs with `ThreadGone`,
// and the caller decides whether to do them on its own thread.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

export interface ThreadPoolOptions {
  /** The bundled worker script: it answers each message with one message. */
  readonly workerFile: string;
  /** Passed to every worker as its workerData. */
  readonly workerData?: unknown;
  /** At most this many threads; two by default (a server shares the machine with its editor). */
  readonly threads?: number;
  /** Jobs sent to a thread ahead of its answers, so it starts the next while this thread takes in the last. */
  readonly perThread?: number;
  /** Idle threads end after this long. */
  readonly idleMs?: number;
  /** A thread's heap: a pathological job ends its thread with an error, never the process. */
  readonly heapMb?: number;
  /**
   * After a thread dies: `replace` it when work waits (a long-lived pool, where one bad job must not
   * end the service), or `shrink` the pool by one (a batch run, where a worker that always dies must
   * not be started again for every batch); a pool shrunk to nothing rejects what waits.
   */
  readonly afterDeath?: 'replace' | 'shrink';
}

/** Why a job got no answer: its thread could not start, failed or exited. */
export class ThreadGone extends Error {
  override readonly name = 'ThreadGone';
}

/** Threads end after this long without work: imports and exports come now and then. */
const IDLE_MS = 30_000;

interface Entry<J, A> {
  readonly job: J;
  readonly resolve: (answer: A | 'cancelled') => void;
  readonly reject: (e: Error) => void;
}

interface Slot<J, A> {
  readonly worker: Worker;
  /** Sent and not yet answered, in the order sent (a worker answers in order). */
  readonly entries: Entry<J, A>[];
  ended: boolean;
}

export class ThreadPool<J, A> {
  private readonly slots: Slot<J, A>[] = [];
  private readonly queue: Entry<J, A>[] = [];
  private idle: ReturnType<typeof setTimeout> | undefined;
  private startedCount = 0;
  private lost = 0;

  constructor(private readonly options: ThreadPoolOptions) {}

  /** Whether there is a worker script to run (tests from source have none: the caller works on its own thread). */
  get available(): boolean {
    return existsSync(this.options.workerFile);
  }

  /** How many threads are alive, busy or idle. */
  get threadCount(): number {
    return this.slots.length;
  }

  /** How many threads were started in all. */
  get started(): number {
    return this.startedCount;
  }

  /** The job's answer, or `cancelled` once `signal` aborts or the pool is disposed; rejects with `ThreadGone`. */
  run(job: J, signal?: AbortSignal): Promise<A | 'cancelled'> {
    if (signal?.aborted) return Promise.resolve('cancelled');
    return new Promise((resolve, reject) => {
      const entry: Entry<J, A> = { job, resolve, reject };
      signal?.addEventListener('abort', () => this.cancel(entry), { once: true });
      this.queue.push(entry);
      this.pump();
    });
  }

  /** Starts the threads ahead of their jobs, so they are ready (their bundle loaded) when the jobs come. */
  prestart(): void {
    const threads = (this.options.threads ?? defaultThreads(2)) - this.lost;
    for (let n = this.slots.length; n < threads; n++) if (!this.start()) break;
    // Idle threads: they end after the idle time if no job comes.
    this.pump();
  }

  /** Ends every thread; jobs running or waiting are cancelled. */
  async dispose(): Promise<void> {
    clearTimeout(this.idle);
    for (const e of this.queue.splice(0)) e.resolve('cancelled');
    const slots = this.slots.splice(0);
    for (const s of slots) {
      s.ended = true;
      for (const e of s.entries.splice(0)) e.resolve('cancelled');
    }
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private cancel(entry: Entry<J, A>): void {
    const waiting = this.queue.indexOf(entry);
    if (waiting >= 0) this.queue.splice(waiting, 1);
    const slot = this.slots.find((s) => s.entries.includes(entry));
    if (slot) {
      // The thread is deep in the job: ending it is the only way to stop it. What it had been sent besides goes back first in line.
      const others = slot.entries.splice(0).filter((e) => e !== entry);
      this.end(slot);
      this.queue.unshift(...others);
    }
    entry.resolve('cancelled');
    this.pump();
  }

  private pump(): void {
    clearTimeout(this.idle);
    while (this.queue.length > 0) {
      const slot = this.slotForNext();
      if (!slot) break;
      const entry = this.queue.shift()!;
      if (slot === 'failed') {
        entry.reject(new ThreadGone('no worker thread could take the job'));
        continue;
      }
      slot.entries.push(entry);
      slot.worker.ref();
      slot.worker.postMessage(entry.job);
    }
    if (this.slots.length > 0 && this.queue.length === 0 && this.slots.every((s) => s.entries.length === 0))
      this.idle = setTimeout(() => void this.endIdle(), this.options.idleMs ?? IDLE_MS).unref();
  }

  /** An idle thread first, then a new one, then one with room for another job ahead. */
  private slotForNext(): Slot<J, A> | 'failed' | undefined {
    const idle = this.slots.find((s) => s.entries.length === 0);
    if (idle) return idle;
    const threads = (this.options.threads ?? defaultThreads(2)) - this.lost;
    if (threads <= 0) return 'failed';
    if (this.slots.length < threads) return this.start() ?? 'failed';
    const perThread = this.options.perThread ?? 1;
    return this.slots.filter((s) => s.entries.length < perThread).sort((a, b) => a.entries.length - b.entries.length)[0];
  }

  private start(): Slot<J, A> | undefined {
    let worker: Worker;
    try {
      worker = new Worker(this.options.workerFile, {
        workerData: this.options.workerData,
        ...(this.options.heapMb ? { resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb } } : {}),
      });
    } catch {
      return undefined;
    }
    this.startedCount++;
    const slot: Slot<J, A> = { worker, entries: [], ended: false };
    worker.on('message', (answer: A) => {
      const entry = slot.entries.shift();
      if (slot.entries.length === 0) worker.unref();
      entry?.resolve(answer);
      this.pump();
    });
    const gone = (why: unknown): void => {
      if (slot.ended) return;
      this.remove(slot);
      if (this.options.afterDeath === 'shrink') this.lost++;
      const reason = why instanceof Error ? why.message : `exit code ${String(why)}`;
      for (const e of slot.entries.splice(0)) e.reject(new ThreadGone(reason));
      this.pump();
    };
    worker.on('error', gone);
    worker.on('exit', gone);
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private endIdle(): void {
    for (const s of this.slots.filter((x) => x.entries.length === 0)) this.end(s);
  }

  private end(slot: Slot<J, A>): void {
    this.remove(slot);
    void slot.worker.terminate();
  }

  private remove(slot: Slot<J, A>): void {
    slot.ended = true;
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
  }
}

export interface BatchOptions<R> {
  /** The bundled worker script: it answers each message (an array of paths) with an array of results. */
  readonly workerFile: string;
  readonly workerData?: unknown;
  /** Below this many paths no thread is started: threads cost more to start than they save. */
  readonly parallelFrom: number;
  readonly batch: number;
  readonly threads?: number;
  /** The same work on this thread: for small jobs, and for what a thread that died could not finish. */
  readonly local: (path: string) => R | Promise<R>;
  /** Yield to the event loop between local batches, so a server stays responsive. */
  readonly yieldBetweenBatches?: boolean;
  /** Batches sent to a thread ahead of its answers; two by default. */
  readonly ahead?: number;
  /** Threads `startPool` started with these options before the paths were known: used here, and ended. */
  readonly started?: ThreadPool<string[], R[]>;
}

/** Batches a thread has been sent ahead of its answers, by default: it starts the next while this thread takes in the last. */
const BATCHES_AHEAD = 2;

function batchPool<R>(options: Omit<BatchOptions<R>, 'local'>, threads: number): ThreadPool<string[], R[]> {
  return new ThreadPool<string[], R[]>({
    workerFile: options.workerFile,
    workerData: options.workerData,
    threads,
    perThread: options.ahead ?? BATCHES_AHEAD,
    afterDeath: 'shrink',
  });
}

/**
 * The threads for `runPool` with these options, started now: each loads its bundle while the
 * caller still looks for the paths. Given to `runPool` as `started`, which uses and ends them
 * (below `parallelFrom` paths, ends them unused).
 */
export function startPool<R>(options: Omit<BatchOptions<R>, 'local' | 'started'>): ThreadPool<string[], R[]> {
  const pool = batchPool(options, options.threads ?? defaultThreads());
  if (pool.available) pool.prestart();
  return pool;
}

/**
 * Per-path work a batch at a time: on the pool's threads when there are many paths, else on this
 * thread. Every path gets exactly one result, even when a thread dies. Says how many threads did
 * the work (0: none).
 */
export async function runPool<R>(paths: readonly string[], options: BatchOptions<R>, onResults: (results: readonly R[]) => void): Promise<{ threads: number }> {
  let batches: string[][] = [];
  for (let i = 0; i < paths.length; i += options.batch) batches.push(paths.slice(i, i + options.batch));
  let threads = 0;
  if (paths.length < options.parallelFrom) await options.started?.dispose();
  else {
    const pool = options.started ?? batchPool(options, Math.min(options.threads ?? defaultThreads(), batches.length));
    if (pool.available) {
      const left: string[][] = [];
      try {
        await Promise.all(
          batches.map(async (batch) => {
            try {
              const results = await pool.run(batch);
              if (results !== 'cancelled') onResults(results);
            } catch (e) {
              if (!(e instanceof ThreadGone)) throw e;
              left.push(batch);
            }
          }),
        );
      } finally {
        threads = pool.started;
        await pool.dispose();
      }
      batches = left;
    }
  }
  for (const batch of batches) {
    onResults(await Promise.all(batch.map(options.local)));
    if (options.yieldBetweenBatches) await new Promise((r) => setImmediate(r));
  }
  return { threads };
}

/** One thread per core, up to four by default; the disk is the limit beyond that. */
export function defaultThreads(max = 4): number {
  return Math.max(1, Math.min(max, availableParallelism()));
}

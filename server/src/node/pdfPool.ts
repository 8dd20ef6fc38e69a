// The language server's PDF exports, on a worker thread: laying out a long referat holds a thread
// for seconds, and hover and diagnostics must not wait for it. An export that is cancelled ends
// its thread (a layout cannot be interrupted otherwise). Threads end when idle a while. Without the
// worker bundle (tests from source) the work is done here.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Rendered } from '../service/languageService';
import type { PdfJob } from './pdfJob';
import { defaultThreads } from './threadPool';

/** A worker's answer to one job. */
export type PdfAnswer = { readonly rendered: Rendered<Uint8Array>; readonly error?: undefined } | { readonly error: string; readonly rendered?: undefined };

/** The export's outcome: the PDF or its refusal, or `cancelled` when the requester gave up. */
export type PdfOutcome = Rendered<Uint8Array> | 'cancelled';

interface Job {
  readonly job: PdfJob;
  readonly resolve: (r: PdfOutcome) => void;
  readonly reject: (e: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  job?: Job;
}

/** Threads end after this long without work: exports come now and then. */
const IDLE_MS = 30_000;
/** A thread's heap: a pathological referat ends its thread with an error, never the language server. */
const WORKER_HEAP_MB = 1_536;

export interface PdfPoolOptions {
  /** The bundled worker script (`dist/pdfWorker.js`). */
  readonly workerFile?: string;
  readonly threads?: number;
  /** The same work on this thread, where there is no worker script. */
  readonly local: (job: PdfJob) => Promise<Rendered<Uint8Array>>;
}

export class PdfPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private idle: ReturnType<typeof setTimeout> | undefined;
  private readonly workerFile: string;
  private readonly threads: number;

  constructor(private readonly options: PdfPoolOptions) {
    this.workerFile = options.workerFile ?? join(__dirname, 'pdfWorker.js');
    this.threads = options.threads ?? defaultThreads(2);
  }

  /** How many threads are alive (busy or idle). */
  get threadCount(): number {
    return this.slots.length;
  }

  /** The PDF, its refusal, or `cancelled` once `signal` aborts; rejects when the rendering fails. */
  render(job: PdfJob, signal?: AbortSignal): Promise<PdfOutcome> {
    if (signal?.aborted) return Promise.resolve('cancelled');
    if (!existsSync(this.workerFile)) return this.options.local(job);
    return new Promise((resolve, reject) => {
      const entry: Job = { job, resolve, reject };
      signal?.addEventListener('abort', () => this.cancel(entry), { once: true });
      this.queue.push(entry);
      this.pump();
    });
  }

  /** Ends every thread; exports still running or waiting are cancelled. */
  async dispose(): Promise<void> {
    clearTimeout(this.idle);
    for (const j of this.queue.splice(0)) j.resolve('cancelled');
    const slots = this.slots.splice(0);
    for (const s of slots) s.job?.resolve('cancelled');
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private cancel(entry: Job): void {
    const waiting = this.queue.indexOf(entry);
    if (waiting >= 0) this.queue.splice(waiting, 1);
    const slot = this.slots.find((s) => s.job === entry);
    if (slot) {
      // The thread is deep in a layout: ending it is the only way to stop it.
      slot.job = undefined;
      this.remove(slot);
      void slot.worker.terminate();
    }
    entry.resolve('cancelled');
    this.pump();
  }

  private pump(): void {
    clearTimeout(this.idle);
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.job);
      if (!slot && this.slots.length < this.threads) slot = this.start();
      if (!slot) return;
      const entry = this.queue.shift()!;
      slot.job = entry;
      // A thread at work keeps the process alive for its answer; an idle one does not.
      slot.worker.ref();
      slot.worker.postMessage(entry.job);
    }
    if (this.slots.length > 0 && this.slots.every((s) => !s.job)) this.idle = setTimeout(() => void this.dispose(), IDLE_MS).unref();
  }

  private start(): Slot {
    const worker = new Worker(this.workerFile, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    const slot: Slot = { worker };
    worker.on('message', (answer: PdfAnswer) => {
      const entry = slot.job;
      slot.job = undefined;
      worker.unref();
      if (entry) {
        if (answer.rendered) entry.resolve(answer.rendered);
        else entry.reject(new Error(`the PDF thread failed: ${answer.error}`));
      }
      this.pump();
    });
    const gone = (why: unknown): void => {
      this.remove(slot);
      // Not done again here: what ended a thread (memory) would end the language server.
      const entry = slot.job;
      slot.job = undefined;
      if (entry) entry.reject(new Error(`the PDF thread stopped: ${why instanceof Error ? why.message : `exit code ${String(why)}`}`));
      this.pump();
    };
    worker.on('error', gone);
    worker.on('exit', gone);
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private remove(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
  }
}

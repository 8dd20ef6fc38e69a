// The language server's import: each source read on a worker thread (pdf.js would hold the server's
// thread for seconds on a large PDF), a few threads kept while the import goes on and ended when it
// has been idle a while. Without the worker bundle (tests from source) the work is done here.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileImport } from './importer';
import { defaultThreads } from './threadPool';

interface Job {
  readonly path: string;
  readonly resolve: (r: FileImport) => void;
}

interface Slot {
  readonly worker: Worker;
  job?: Job;
}

/** Threads end after this long without work: a session imports now and then, not all day. */
const IDLE_MS = 30_000;

export class ImportPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private idle: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly workerFile: string = join(__dirname, 'importWorker.js'),
    private readonly threads: number = defaultThreads(2),
  ) {}

  /** The source's minutes, or why not; never rejects. */
  import(path: string): Promise<FileImport> {
    if (!existsSync(this.workerFile)) return this.here(path);
    return new Promise((resolve) => {
      this.queue.push({ path, resolve });
      this.pump();
    });
  }

  /** Ends every thread; jobs still waiting are done on this thread. */
  async dispose(): Promise<void> {
    clearTimeout(this.idle);
    const waiting = this.queue.splice(0);
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
    for (const j of waiting) j.resolve(await this.here(j.path));
  }

  private async here(path: string): Promise<FileImport> {
    const { importFile } = await import('./importer');
    return importFile(path);
  }

  private pump(): void {
    clearTimeout(this.idle);
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.job);
      if (!slot && this.slots.length < this.threads) slot = this.start();
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.postMessage([job.path]);
    }
    if (this.slots.every((s) => !s.job)) this.idle = setTimeout(() => void this.dispose(), IDLE_MS);
  }

  private start(): Slot {
    const worker = new Worker(this.workerFile);
    const slot: Slot = { worker };
    worker.on('message', (results: FileImport[]) => {
      const job = slot.job;
      slot.job = undefined;
      if (job) job.resolve(results[0] ?? { path: job.path, problem: { da: 'intet svar fra importen', en: 'no answer from the import' } });
      this.pump();
    });
    const gone = (): void => {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      // A thread that died takes no job with it: the job is done here instead.
      const job = slot.job;
      slot.job = undefined;
      if (job) void this.here(job.path).then(job.resolve);
      this.pump();
    };
    worker.on('error', gone);
    worker.on('exit', gone);
    worker.unref();
    this.slots.push(slot);
    return slot;
  }
}

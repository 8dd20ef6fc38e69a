// One PDF export as plain data, how the language server's PDF thread (pdfWorker.ts) makes it, and
// the threads that run it. Where there is no worker bundle (tests from source) the server's own
// service makes it instead.
import { join } from 'node:path';
import { createLanguageService, type ReferatLanguageService, type Rendered } from '../service/languageService';
import { nodeFonts } from './fonts';
import { nodePaths } from './paths';
import { nodeWorkspace } from './nodeWorkspace';
import { defaultThreads, ThreadPool } from './threadPool';

export type PdfJobOptions = Parameters<ReferatLanguageService['renderPdf']>[1];

/** What a thread needs to make the PDF the editor asked for: the text as it stands in the editor. */
export interface PdfJob {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly options: PdfJobOptions;
}

/**
 * The PDF of the job's text, or the public version's refusal, decided on the same thread from the
 * same reading of the text. A service of its own per job: it reads the referat.yaml on the disk now,
 * as the language server's own service does, and keeps nothing between exports.
 */
export function renderPdfJob(job: PdfJob): Promise<Rendered<Uint8Array>> {
  const service = createLanguageService({ workspace: nodeWorkspace, paths: nodePaths, fonts: nodeFonts });
  return service.renderPdf({ uri: job.uri, version: job.version, getText: () => job.text }, job.options).finally(() => service.dispose());
}

/** The PDF thread's answer to one job. */
export type PdfAnswer = { readonly rendered: Rendered<Uint8Array>; readonly error?: undefined } | { readonly error: string; readonly rendered?: undefined };

/** The export's outcome: the PDF or its refusal, or `cancelled` when the requester gave up. */
export type PdfOutcome = Rendered<Uint8Array> | 'cancelled';

/** A thread's heap for one export: a pathological referat ends its thread with an error, never the language server. */
const PDF_THREAD_HEAP_MB = 1_536;

export interface PdfThreadsOptions {
  /** The bundled worker script (`dist/pdfWorker.js`). */
  readonly workerFile?: string;
  readonly threads?: number;
  /** The same work on this thread, where there is no worker script. */
  readonly local: (job: PdfJob) => Promise<Rendered<Uint8Array>>;
}

/**
 * The language server's PDF exports on the thread pool: hover and diagnostics never wait for a
 * layout, and a cancelled export ends its thread. A thread that dies is not replaced by this one:
 * what ended it (memory) would end the language server.
 */
export class PdfThreads {
  private readonly pool: ThreadPool<PdfJob, PdfAnswer>;

  constructor(private readonly options: PdfThreadsOptions) {
    this.pool = new ThreadPool({
      workerFile: options.workerFile ?? join(__dirname, 'pdfWorker.js'),
      threads: options.threads ?? defaultThreads(2),
      heapMb: PDF_THREAD_HEAP_MB,
    });
  }

  get threadCount(): number {
    return this.pool.threadCount;
  }

  /** The PDF, its refusal, or `cancelled` once `signal` aborts; rejects when the rendering fails. */
  async render(job: PdfJob, signal?: AbortSignal): Promise<PdfOutcome> {
    if (signal?.aborted) return 'cancelled';
    if (!this.pool.available) return this.options.local(job);
    let answer: PdfAnswer | 'cancelled';
    try {
      answer = await this.pool.run(job, signal);
    } catch (e) {
      throw new Error(`the PDF thread stopped: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (answer === 'cancelled') return answer;
    if (answer.rendered) return answer.rendered;
    throw new Error(`the PDF thread failed: ${answer.error}`);
  }

  dispose(): Promise<void> {
    return this.pool.dispose();
  }
}

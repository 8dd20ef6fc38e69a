// A worker thread that reads PDFs, for an import of many files: each message names a file (or
// carries its bytes) and is answered with the reader's result, plain data both ways. A file that
// cannot be read from disk, or a reader that cannot start, is answered with `error`.
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { readPdf } from './read';
import type { PdfReadResult } from './types';

export type PdfJob = { readonly id: number; readonly path: string } | { readonly id: number; readonly bytes: Uint8Array };
export type PdfJobResult = { readonly id: number; readonly result: PdfReadResult } | { readonly id: number; readonly error: string };

parentPort?.on('message', (job: PdfJob) => {
  void answer(job).then((reply) => parentPort?.postMessage(reply));
});

async function answer(job: PdfJob): Promise<PdfJobResult> {
  try {
    const bytes = 'bytes' in job ? job.bytes : await readFile(job.path);
    return { id: job.id, result: await readPdf(bytes) };
  } catch (error) {
    return { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
}

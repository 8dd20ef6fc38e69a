// A worker thread that reads PDFs, for an import of many files: each message names a file (or
// carries its bytes) and is answered with the reader's result, plain data both ways.
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { readPdf } from './read';
import type { PdfReadResult } from './types';

export type PdfJob = { readonly id: number; readonly path: string } | { readonly id: number; readonly bytes: Uint8Array };
export type PdfJobResult = { readonly id: number; readonly result: PdfReadResult } | { readonly id: number; readonly ioError: string };

parentPort?.on('message', (job: PdfJob) => {
  void answer(job).then((reply) => parentPort?.postMessage(reply));
});

async function answer(job: PdfJob): Promise<PdfJobResult> {
  let bytes: Uint8Array;
  if ('bytes' in job) bytes = job.bytes;
  else {
    try {
      bytes = await readFile(job.path);
    } catch (error) {
      return { id: job.id, ioError: error instanceof Error ? error.message : String(error) };
    }
  }
  return { id: job.id, result: await readPdf(bytes) };
}

// The language server's PDF thread: makes each export it is sent (node/pdfJob.ts's PdfThreads) and answers
// with the PDF's bytes (moved, not copied), the refusal, or what went wrong.
import { parentPort } from 'node:worker_threads';
import { renderPdfJob, type PdfAnswer, type PdfJob } from './pdfJob';

parentPort?.on('message', (job: PdfJob) => {
  renderPdfJob(job).then(
    (rendered) => {
      const answer: PdfAnswer = { rendered };
      parentPort?.postMessage(answer, rendered.output ? [rendered.output.buffer as ArrayBuffer] : []);
    },
    (e: unknown) => {
      const answer: PdfAnswer = { error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
      parentPort?.postMessage(answer);
    },
  );
});

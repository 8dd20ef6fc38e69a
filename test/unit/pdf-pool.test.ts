import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PdfThreads, type PdfJob } from '../../server/src/node/pdfJob';
import { corpusDir, repoRoot, scratchDir } from '../helpers';

const job = (text: string): PdfJob => ({ uri: 'file:///tmp/x.referat', version: 1, text, options: { audience: 'internal' } });
const never = (): Promise<never> => Promise.reject(new Error('not on this thread'));

/** A worker script made for the test: `body` handles each job. */
function workerScript(body: string): string {
  const file = join(scratchDir('referat-pdfpool-'), 'worker.js');
  writeFileSync(file, `const { parentPort } = require('node:worker_threads');\nparentPort.on('message', (job) => { ${body} });\n`);
  return file;
}

test('a cancelled export ends its thread, even one that never gives the event loop back; the next export gets a new one', async () => {
  // Busy until the job says otherwise, as a layout of a pathological referat is.
  const file = workerScript(`if (job.text === 'spin') for (;;) {} parentPort.postMessage({ rendered: { output: new Uint8Array([37, 80, 68, 70]) } });`);
  const pool = new PdfThreads({ workerFile: file, threads: 1, local: never });
  const cancel = new AbortController();
  const spinning = pool.render(job('spin'), cancel.signal);
  // Queued behind it, on the one thread: it runs once the spinning job is gone.
  const next = pool.render(job('ok'));
  cancel.abort();
  assert.equal(await spinning, 'cancelled');
  const done = await next;
  assert.ok(done !== 'cancelled' && done.output);
  assert.deepEqual([...done.output], [37, 80, 68, 70]);
  assert.equal(pool.threadCount, 1, 'the spinning thread ended, a new one did the next job');
  // Cancelled before it starts: never sent to a thread.
  const before = new AbortController();
  before.abort();
  assert.equal(await pool.render(job('spin'), before.signal), 'cancelled');
  await pool.dispose();
  assert.equal(pool.threadCount, 0);
});

test('a thread that fails or dies rejects its export with the reason, and the pool goes on', async () => {
  const file = workerScript(
    `if (job.text === 'die') process.exit(3); if (job.text === 'throw') parentPort.postMessage({ error: 'kaput' }); else parentPort.postMessage({ rendered: { output: null, refused: { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, message: { da: 'nej', en: 'no' } } } });`,
  );
  const pool = new PdfThreads({ workerFile: file, threads: 1, local: never });
  await assert.rejects(pool.render(job('die')), /PDF thread stopped: exit code 3/);
  await assert.rejects(pool.render(job('throw')), /PDF thread failed: kaput/);
  const refused = await pool.render(job('refuse'));
  assert.ok(refused !== 'cancelled' && refused.refused);
  assert.equal(refused.refused.message.en, 'no');
  await pool.dispose();
});

test('dist/pdfWorker.js makes the PDF of a referat on its thread, from the bundles beside it and the fonts', async () => {
  const pool = new PdfThreads({ workerFile: join(repoRoot, 'dist/pdfWorker.js'), local: never });
  const text = readFileSync(join(corpusDir, 'direktionen-2023-12-07.referat'), 'utf8');
  const r = await pool.render({ ...job(text), options: { audience: 'public' } });
  assert.ok(r !== 'cancelled' && r.output);
  assert.equal(Buffer.from(r.output).subarray(0, 5).toString(), '%PDF-');
  // A public version with a CPR number is refused on the thread too.
  const withCpr = text.replace('Sagsfremstilling', 'Sagsfremstilling\n\nBorgeren 010190-1234 har klaget.\n');
  const refused = await pool.render({ ...job(withCpr), options: { audience: 'public' } });
  assert.ok(refused !== 'cancelled' && refused.refused, 'refused');
  await pool.dispose();
});

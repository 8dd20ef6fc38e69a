import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { summaryPool } from '../../server/src/node/summaryPool';
import type { SummaryResult } from '../../server/src/archive/reader';
import { corpusFiles, scratchDir } from '../helpers';

/** 120 referater and three files that are not, in a fresh folder. */
function archive(): { dir: string; paths: string[] } {
  const dir = scratchDir('referat-pool-');
  const corpus = corpusFiles().map((f) => f.text);
  const paths: string[] = [];
  for (let i = 0; i < 120; i++) {
    const p = join(dir, `m${i}.referat`);
    writeFileSync(p, corpus[i % corpus.length]!);
    paths.push(p);
  }
  writeFileSync(join(dir, 'binær.referat'), Buffer.from([1, 0, 2]));
  writeFileSync(join(dir, 'latin1.referat'), Buffer.from('M\xf8dedato', 'latin1'));
  paths.push(join(dir, 'binær.referat'), join(dir, 'latin1.referat'), join(dir, 'findes-ikke.referat'));
  return { dir, paths };
}

async function summarizeAll(workerFile: string, paths: string[]): Promise<{ threads: number; results: SummaryResult[] }> {
  const results: SummaryResult[] = [];
  const { threads } = await summaryPool(2, workerFile).read(paths, (r) => results.push(...r));
  return { threads, results };
}

function summary(results: SummaryResult[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of results) out[r.outcome.kind] = (out[r.outcome.kind] ?? 0) + 1;
  return out;
}

test('a worker that dies hands its files back: every file still gets exactly one result', async () => {
  const { dir, paths } = archive();
  const dying = join(dir, 'dying-worker.js');
  writeFileSync(dying, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n");
  const { threads, results } = await summarizeAll(dying, paths);
  assert.equal(threads, 2, 'both workers started');
  assert.deepEqual(results.map((r) => r.path).sort(), [...paths].sort());
  assert.deepEqual(summary(results), { summary: 120, skipped: 2, gone: 1 });
  const skipped = results.filter((r) => r.outcome.kind === 'skipped').map((r) => (r.outcome as { reason: { en: string } }).reason.en);
  assert.ok(skipped.some((s) => s.startsWith('binary file')));
  assert.ok(skipped.some((s) => s.startsWith('not valid UTF-8')));
});

test('without a worker file the server thread scans everything, the same way', async () => {
  const { dir, paths } = archive();
  const { threads, results } = await summarizeAll(join(dir, 'no-such-worker.js'), paths);
  assert.equal(threads, 0);
  assert.deepEqual(summary(results), { summary: 120, skipped: 2, gone: 1 });
  const titles = results.filter((r) => r.outcome.kind === 'summary').map((r) => (r.outcome as { summary: { udvalg?: string } }).summary.udvalg);
  assert.ok(
    titles.every((t) => t === 'Direktionen'),
    'every summary has its udvalg from the title line',
  );
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPool, startPool, ThreadGone, ThreadPool } from '../../server/src/node/threadPool';
import { scratchDir } from '../helpers';

/** A worker script made for the test: `body` handles each message `m`. */
function workerScript(body: string): string {
  const file = join(scratchDir('referat-pool-'), 'worker.js');
  writeFileSync(file, `const { parentPort, workerData, threadId } = require('node:worker_threads');\nparentPort.on('message', (m) => { ${body} });\n`);
  return file;
}

test('every path gets exactly one result on the threads, in batches, with the workerData each thread was given', async () => {
  const file = workerScript(`parentPort.postMessage(m.map((p) => workerData.prefix + p));`);
  const paths = Array.from({ length: 50 }, (_, i) => `p${i}`);
  const got: string[] = [];
  const { threads } = await runPool(
    paths,
    { workerFile: file, workerData: { prefix: 'T:' }, parallelFrom: 10, batch: 3, threads: 2, local: (p) => `L:${p}` },
    (r) => got.push(...r),
  );
  assert.equal(threads, 2);
  assert.deepEqual(got.sort(), paths.map((p) => `T:${p}`).sort());
});

test('below parallelFrom, or without a worker script, the work is done on this thread', async () => {
  const file = workerScript(`parentPort.postMessage(m.map((p) => 'T:' + p));`);
  const few: string[] = [];
  assert.equal((await runPool(['a', 'b'], { workerFile: file, parallelFrom: 10, batch: 1, local: (p) => `L:${p}` }, (r) => few.push(...r))).threads, 0);
  assert.deepEqual(few, ['L:a', 'L:b']);
  const none: string[] = [];
  const missing = join(tmpdir(), 'no-such-worker.js');
  assert.equal((await runPool(['a', 'b', 'c'], { workerFile: missing, parallelFrom: 1, batch: 1, local: (p) => `L:${p}` }, (r) => none.push(...r))).threads, 0);
  assert.deepEqual(none.sort(), ['L:a', 'L:b', 'L:c']);
});

test('a thread that dies loses no path: what it had not answered is done on this thread, each path once', async () => {
  // The thread dies on the batch holding `p7`; the batches sent ahead to it go with it.
  const file = workerScript(`if (m.includes('p7')) process.exit(5); parentPort.postMessage(m.map((p) => 'T:' + p));`);
  const paths = Array.from({ length: 30 }, (_, i) => `p${i}`);
  const got: string[] = [];
  await runPool(paths, { workerFile: file, parallelFrom: 1, batch: 2, threads: 2, local: (p) => `L:${p}` }, (r) => got.push(...r));
  assert.equal(got.length, paths.length);
  assert.deepEqual(got.map((r) => r.slice(2)).sort(), [...paths].sort());
  assert.ok(got.includes('L:p7'), "the dead thread's batch was done here");
});

test('a dying thread rejects its jobs with ThreadGone and the reason; the pool starts another for the next', async () => {
  const file = workerScript(`if (m === 'die') process.exit(3); parentPort.postMessage('ok:' + m);`);
  const pool = new ThreadPool<string, string>({ workerFile: file, threads: 1 });
  await assert.rejects(pool.run('die'), (e: unknown) => e instanceof ThreadGone && /exit code 3/.test(e.message));
  assert.equal(await pool.run('x'), 'ok:x');
  assert.equal(pool.started, 2);
  await pool.dispose();
  assert.equal(pool.threadCount, 0);
});

test('a cancelled job ends its thread; jobs sent ahead to that thread are run again, not lost', async () => {
  const file = workerScript(`if (m === 'spin') for (;;) {} parentPort.postMessage('ok:' + m);`);
  const pool = new ThreadPool<string, string>({ workerFile: file, threads: 1, perThread: 2 });
  const cancel = new AbortController();
  const spinning = pool.run('spin', cancel.signal);
  // Sent ahead to the same thread, behind the spinning job.
  const behind = pool.run('b');
  cancel.abort();
  assert.equal(await spinning, 'cancelled');
  assert.equal(await behind, 'ok:b');
  assert.equal(pool.started, 2, 'the spinning thread ended; a new one answered');
  // Disposing cancels what is waiting.
  const spin2 = pool.run('spin');
  const waiting = pool.run('c');
  await pool.dispose();
  assert.equal(await spin2, 'cancelled');
  assert.equal(await waiting, 'cancelled');
});

test('idle threads end by themselves and do not keep the process alive', async () => {
  const file = workerScript(`parentPort.postMessage('ok:' + m);`);
  const pool = new ThreadPool<string, string>({ workerFile: file, threads: 2, idleMs: 20 });
  assert.deepEqual(await Promise.all([pool.run('a'), pool.run('b')]), ['ok:a', 'ok:b']);
  assert.equal(pool.threadCount, 2);
  // Wait for the pool's own timer: the count drops when the threads have ended, whatever the machine's speed.
  while (pool.threadCount > 0) await new Promise((r) => setTimeout(r, 10));
  assert.equal(pool.threadCount, 0);
  await pool.dispose();
});

test('a batch run does not start a thread again for every batch when its worker always dies: the pool shrinks, the rest is done here', async () => {
  const file = workerScript(`process.exit(9);`);
  const paths = Array.from({ length: 200 }, (_, i) => `p${i}`);
  const got: string[] = [];
  const { threads } = await runPool(paths, { workerFile: file, parallelFrom: 1, batch: 2, threads: 2, local: (p) => `L:${p}` }, (r) => got.push(...r));
  assert.equal(threads, 2);
  assert.deepEqual(got.sort(), paths.map((p) => `L:${p}`).sort());
});

test('threads started ahead of the paths (startPool) do the work and are ended; below parallelFrom they are ended unused', async () => {
  // Each thread says who it is, so the results show which threads answered.
  const file = workerScript(`parentPort.postMessage(m.map((p) => threadId + ':' + p));`);
  const options = { workerFile: file, parallelFrom: 4, batch: 1, threads: 2, ahead: 1 };
  const early = startPool<string>(options);
  assert.equal(early.threadCount, 2, 'started before any job');
  const paths = Array.from({ length: 12 }, (_, i) => `p${i}`);
  const got: string[] = [];
  const { threads } = await runPool(paths, { ...options, started: early, local: (p) => `L:${p}` }, (r) => got.push(...r));
  assert.equal(threads, 2);
  assert.equal(early.threadCount, 0, 'ended by the run');
  assert.deepEqual(got.map((r) => r.slice(r.indexOf(':') + 1)).sort(), [...paths].sort());
  assert.ok(got.every((r) => !r.startsWith('L:')));
  assert.equal(new Set(got.map((r) => r.slice(0, r.indexOf(':')))).size, 2, 'both threads started ahead answered');

  const unused = startPool<string>(options);
  const few: string[] = [];
  assert.equal((await runPool(['a', 'b'], { ...options, started: unused, local: (p) => `L:${p}` }, (r) => few.push(...r))).threads, 0);
  assert.deepEqual(few, ['L:a', 'L:b']);
  assert.equal(unused.threadCount, 0);
});

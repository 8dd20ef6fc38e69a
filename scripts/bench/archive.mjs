// The archive at a secretariat's scale: 2,000 generated referater (five bodies, weekly meetings).
// Time from server start to a complete index, the server's resident memory, and p95 of references
// and workspace symbols, side by side in the same run with `grep -rl` for the same journal number
// and with the floor: a node process that reads every file and tests one regex per line.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateArchive } from './gen-archive.mjs';
import { createRequire } from 'node:module';
import { row, stats, time, timeCollected } from './stats.mjs';

// The protocol tests' own client, bundled by the build: one LSP client for tests and benchmarks.
const { LspClient } = createRequire(import.meta.url)('../../out/bench/lspClient.js');

const quick = process.argv.includes('--quick');
const COUNT = quick ? 400 : 2000;
const RUNS = quick ? 2 : 5;
const N = quick ? 50 : 200;
const dir = mkdtempSync(join(tmpdir(), 'referat-archive-'));
const files = generateArchive(dir, COUNT);
const bytes = files.reduce((n, f) => n + statSync(f.file).size, 0);
const journal = '00.01.00P20-1-16'; // the case Direktionen carries from meeting to meeting

function rssMb(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** Starts a server, times it to a complete index, checks what it reused, notes its memory. */
async function startAndIndex(cacheDir, samples, expectReused) {
  const server = new LspClient();
  const indexed = server.waitFor('referat/indexed');
  const t0 = process.hrtime.bigint();
  await server.initialize(dir, { locale: 'da', cacheDir });
  const report = await indexed;
  samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  if (report.referater !== COUNT || report.reused !== expectReused)
    throw new Error(`indexed ${report.referater} of ${COUNT}, ${report.reused} reused, ${expectReused} expected`);
  rss.push(rssMb(server.child.pid));
  return server;
}

const grep = [];
const floor = [];
const floorScript = fileURLToPath(new URL('floor-dir.mjs', import.meta.url));
const startToIndex = [];
const warmToIndex = [];
const cacheRoot = mkdtempSync(join(tmpdir(), 'referat-cache-'));
const rss = [];
let refs = [];
let syms = [];
let refCount = 0;
for (let run = 0; run < RUNS; run++) {
  // Interleaved with the server runs, so both see the same machine.
  grep.push(await time(() => execFileSync('grep', ['-rl', '--include=*.referat', journal, dir])));
  floor.push(await time(() => execFileSync(process.execPath, [floorScript, dir])));
  const cacheDir = join(cacheRoot, String(run));
  // Cold: an empty cache, every file read and scanned.
  const cold = await startAndIndex(cacheDir, startToIndex, 0);
  await cold.stop();
  // Warm: the next session, nothing changed on disk.
  const server = await startAndIndex(cacheDir, warmToIndex, COUNT);
  if (run === RUNS - 1) {
    let text = '';
    const target = files.find((f) => f.body === 'Direktionen' && (text = readFileSync(f.file, 'utf8')).includes(journal));
    const uri = pathToFileURL(target.file).href;
    await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'referat', version: 1, text } });
    const line = text.split('\n').findIndex((l) => l.trim() === journal);
    const queries = ['handleplan', 'fælles sag', 'profilering', '00.13.02', 'eventuelt', 'lukket', 'deltagerkreds', 'indsigt'];
    for (let i = 0; i < N; i++) {
      refs.push(
        await timeCollected(async () => {
          const r = await server.conn.sendRequest('textDocument/references', {
            textDocument: { uri },
            position: { line, character: 3 },
            context: { includeDeclaration: true },
          });
          refCount = r.length;
        }),
      );
      syms.push(await timeCollected(() => server.conn.sendRequest('workspace/symbol', { query: queries[i % queries.length] })));
    }
  }
  await server.stop();
}

// The same folder through the CLI, as a secretary checks the archive before publishing: on two
// worker threads, and on one thread (--jobs 1).
const cli = join(fileURLToPath(new URL('../..', import.meta.url)), 'dist/cli.js');
const checkAll = [];
const checkOne = [];
for (let run = 0; run < (quick ? 1 : 3); run++) {
  checkAll.push(await time(() => execFileSync(process.execPath, [cli, 'check', '--jobs', '2', dir])));
  checkOne.push(await time(() => execFileSync(process.execPath, [cli, 'check', '--jobs', '1', dir])));
}

const grepHits = execFileSync('grep', ['-rl', '--include=*.referat', journal, dir], { encoding: 'utf8' }).trim().split('\n').length;
const g = stats(grep);
const fl = stats(floor);
const s = stats(startToIndex);
const widths = [12, 46, 10, 10];
console.log(`\narchive of ${COUNT} referater, ${(bytes / 1e6).toFixed(1)} MB — ${RUNS} server starts, ${N} requests each\n`);
console.log(row(['', 'what', 'p50 ms', 'p95 ms'], widths));
console.log(row(['baseline', `grep -rl ${journal} (${grepHits} files)`, g.median.toFixed(1), g.p95.toFixed(1)], widths));
const wi = stats(warmToIndex);
console.log(row(['index', 'server start → index complete, first session', s.median.toFixed(1), s.p95.toFixed(1)], widths));
console.log(row(['', `  × grep`, (s.median / g.median).toFixed(1), ''], widths));
console.log(row(['', `  × the floor (node reads every file, one regex per line: ${fl.median.toFixed(0)} ms)`, (s.median / fl.median).toFixed(1), ''], widths));
console.log(row(['', 'next session, nothing changed (cache)', wi.median.toFixed(1), wi.p95.toFixed(1)], widths));
console.log(row(['', `  × grep`, (wi.median / g.median).toFixed(1), ''], widths));
const r = stats(refs);
const w = stats(syms);
console.log(row(['references', `on ${journal} (${refCount} punkter)`, r.median.toFixed(2), r.p95.toFixed(2)], widths));
console.log(row(['symbols', 'workspace symbols, 8 queries', w.median.toFixed(2), w.p95.toFixed(2)], widths));
console.log(
  row(['memory', `server resident set after indexing: median ${stats(rss).median.toFixed(0)} MB, max ${Math.max(...rss).toFixed(0)} MB`, '', ''], widths),
);
const ca = stats(checkAll);
const co = stats(checkOne);
console.log(row(['cli', `referat check --jobs 2 on the folder`, ca.median.toFixed(0), ca.p95.toFixed(0)], widths));
console.log(row(['', `referat check --jobs 1 (one thread)`, co.median.toFixed(0), co.p95.toFixed(0)], widths));
rmSync(dir, { recursive: true, force: true });
rmSync(cacheRoot, { recursive: true, force: true });

// Speed of the PDF reader of `referat import` (dist/pdfWorker.js, pdf.js on a worker thread), side
// by side in one run with `pdftotext -layout` (poppler, C++) on the same PDFs: pages per second,
// median and p95 of repeated reads, and the reader's share of pdftotext's speed. Then a folder:
// many PDFs on one and on all worker threads, against as many pdftotext processes at once.
// No result is asserted: the machine is shared and noisy.
//
//   node scripts/bench/pdf-text.mjs [--quick] [--runs N] [--folder N] [file.pdf ...]
//
// Without files it reads the published minutes in ../shared/corpus-external/sources.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ensureSystemDeps } from '../test/system-deps.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const runs = option('--runs', quick ? 5 : 15);
const folderSize = option('--folder', quick ? 30 : 120);
const given = args.filter((a, i) => a.endsWith('.pdf') && !['--runs', '--folder'].includes(args[i - 1]));
const sources = join(root, '../shared/corpus-external/sources');
const files = given.length > 0 ? given : readdirSync(sources).filter((f) => f.endsWith('.pdf')).sort().map((f) => join(sources, f));

const workerFile = join(root, 'dist/pdfWorker.js');
if (!existsSync(workerFile)) {
  console.error('bench: dist/pdfWorker.js is missing; run `npm run build` first');
  process.exit(2);
}
if (!ensureSystemDeps({ quiet: true }) || !existsSync('/usr/bin/pdftotext')) {
  console.error('bench: pdftotext (Debian package poppler-utils) is needed for the comparison');
  process.exit(2);
}

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { median: q(0.5), p95: q(0.95) };
}

/** One reader thread, answering reads of whole files; resolves with the result per job id. */
function startReader() {
  const worker = new Worker(workerFile);
  const waiting = new Map();
  let next = 0;
  worker.on('message', (m) => {
    waiting.get(m.id)?.(m);
    waiting.delete(m.id);
  });
  return {
    read: (path) => new Promise((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      worker.postMessage({ id, path });
    }),
    stop: () => worker.terminate(),
  };
}

async function timeReader(reader, path) {
  const t0 = process.hrtime.bigint();
  const m = await reader.read(path);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (!m.result?.ok) throw new Error(`${path}: ${m.error ?? m.result.problem}`);
  return { ms, pages: m.result.pages.length };
}

function timePdftotext(path) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('pdftotext', ['-layout', path, '-'], { maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`pdftotext ${path}: ${r.stderr}`);
  return ms;
}

const fmt = (n) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const reader = startReader();

// Per document. The first read also loads pdf.js into the thread: measured on its own.
const t0 = process.hrtime.bigint();
await reader.read(files[0]);
const firstMs = Number(process.hrtime.bigint() - t0) / 1e6;
const rows = [];
const pageCounts = new Map();
for (const f of files) {
  pageCounts.set(f, (await timeReader(reader, f)).pages);
  timePdftotext(f);
}
const samples = new Map(files.map((f) => [f, { reader: [], pdftotext: [] }]));
// Interleaved, so a burst of load on the shared machine hits both alike.
for (let i = 0; i < runs; i++) {
  for (const f of files) {
    samples.get(f).reader.push((await timeReader(reader, f)).ms);
    samples.get(f).pdftotext.push(timePdftotext(f));
  }
}
await reader.stop();

console.log(`PDF text, pages per second (median / p95 of ${runs} reads; p95 is the slow end)`);
console.log(`first read in a fresh thread, pdf.js loading included: ${fmt(firstMs)} ms\n`);
console.log(['document'.padEnd(62), 'pages', 'reader p/s'.padStart(16), 'pdftotext p/s'.padStart(16), 'reader/pdftotext'.padStart(18)].join(' '));
const ratios = [];
for (const f of files) {
  const pages = pageCounts.get(f);
  const r = stats(samples.get(f).reader);
  const p = stats(samples.get(f).pdftotext);
  const rate = (ms) => (pages * 1000) / ms;
  const ratio = { median: rate(r.median) / rate(p.median), p95: rate(r.p95) / rate(p.p95) };
  ratios.push(ratio.median);
  rows.push([f.split('/').pop().slice(0, 62).padEnd(62), String(pages).padStart(5), `${fmt(rate(r.median))} / ${fmt(rate(r.p95))}`.padStart(16), `${fmt(rate(p.median))} / ${fmt(rate(p.p95))}`.padStart(16), `${ratio.median.toFixed(2)} / ${ratio.p95.toFixed(2)}`.padStart(18)].join(' '));
}
for (const row of rows) console.log(row);

// A folder of PDFs (the three, over and over): one reader thread, then one per core, against as
// many pdftotext processes at a time.
const folder = Array.from({ length: folderSize }, (_, i) => files[i % files.length]);
const folderPages = folder.reduce((n, f) => n + pageCounts.get(f), 0);
async function readFolder(threads) {
  const readers = Array.from({ length: threads }, startReader);
  await Promise.all(readers.map((r) => r.read(files[0])));
  const queue = [...folder];
  const t = process.hrtime.bigint();
  await Promise.all(readers.map(async (r) => {
    for (let f = queue.shift(); f; f = queue.shift()) await timeReader(r, f);
  }));
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  await Promise.all(readers.map((r) => r.stop()));
  return ms;
}
async function pdftotextFolder(processes) {
  const queue = [...folder];
  const t = process.hrtime.bigint();
  await Promise.all(Array.from({ length: processes }, async () => {
    for (let f = queue.shift(); f; f = queue.shift()) {
      await new Promise((resolve, reject) => {
        const child = spawn('pdftotext', ['-layout', f, '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
        child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`pdftotext ${f}: exit ${code}`))));
      });
    }
  }));
  return Number(process.hrtime.bigint() - t) / 1e6;
}
const cores = Math.max(1, availableParallelism());
console.log(`\nfolder of ${folderSize} PDFs, ${folderPages} pages (pages per second overall)`);
for (const threads of [...new Set([1, cores])]) {
  const r = await readFolder(threads);
  const p = await pdftotextFolder(threads);
  const rate = (ms) => (folderPages * 1000) / ms;
  console.log(`  ${String(threads).padStart(2)} at a time: reader ${fmt(rate(r))} p/s (${(r / 1000).toFixed(1)} s), pdftotext ${fmt(rate(p))} p/s (${(p / 1000).toFixed(1)} s), ratio ${(rate(r) / rate(p)).toFixed(2)}; 500 such PDFs: reader ~${((r / folderSize) * 500 / 1000).toFixed(0)} s`);
}
const overall = stats(ratios);
console.log(`\nreader/pdftotext, median over documents: ${overall.median.toFixed(2)}`);

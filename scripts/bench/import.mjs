// Speed of `referat import` on PDFs, side by side in one run with `pdftotext -layout` (poppler, C++)
// on the same files: pages per second and the import's share of pdftotext's speed, as a ratio.
//  1. Per document: the import's worker thread (dist/importWorker.js: pdf.js, layout, page
//     furniture, the referat's text) reading each published PDF again and again, against pdftotext;
//     medians and p95 of the repeated reads.
//  2. A folder: `referat import --out-dir` on many PDFs (the three, over and over) on its worker
//     threads, with its one progress line, against as many pdftotext processes at a time.
// No result is asserted: the machine is shared and noisy.
//
//   node scripts/bench/import.mjs [--quick] [--runs N] [--folder N] [file.pdf ...]
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
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
const folderSize = option('--folder', quick ? 30 : 500);
const given = args.filter((a, i) => a.endsWith('.pdf') && !['--runs', '--folder'].includes(args[i - 1]));
const sources = join(root, 'test/fixtures/sources');
const files =
  given.length > 0
    ? given
    : readdirSync(sources)
        .filter((f) => f.endsWith('.pdf'))
        .sort()
        .map((f) => join(sources, f));

const workerFile = join(root, 'dist/importWorker.js');
if (!existsSync(workerFile)) {
  console.error('bench: dist/importWorker.js is missing; run `npm run build` first');
  process.exit(2);
}
if (!ensureSystemDeps({ quiet: true }) || !existsSync('/usr/bin/pdftotext')) {
  // The other figures stand without this one: skipped, with the reason.
  console.log('\nreferat import against pdftotext: skipped, pdftotext (Debian package poppler-utils) is not installed');
  process.exit(0);
}

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { median: q(0.5), p95: q(0.95) };
}

/** One import thread; each read is a batch of one path, answered with the import's result. */
function startReader() {
  const worker = new Worker(workerFile);
  let waiting;
  worker.on('message', (results) => waiting?.(results[0]));
  return {
    read: (path) =>
      new Promise((resolve) => {
        waiting = resolve;
        worker.postMessage([path]);
      }),
    stop: () => worker.terminate(),
  };
}

async function timeReader(reader, path) {
  const t0 = process.hrtime.bigint();
  const r = await reader.read(path);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (!r.result?.ok) throw new Error(`${path}: ${r.problem?.en ?? r.result.problem}`);
  return { ms, pages: r.result.pages };
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

// The first read also loads pdf.js into the thread: measured on its own.
const t0 = process.hrtime.bigint();
await reader.read(files[0]);
const firstMs = Number(process.hrtime.bigint() - t0) / 1e6;
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

console.log(`\nreferat import, PDF: pages per second against pdftotext -layout (median / p95 of ${runs} reads; p95 is the slow end)`);
console.log(`first read in a fresh thread, pdf.js loading included: ${fmt(firstMs)} ms\n`);
console.log(['document'.padEnd(62), 'pages', 'import p/s'.padStart(16), 'pdftotext p/s'.padStart(16), 'import/pdftotext'.padStart(18)].join(' '));
const ratios = [];
for (const f of files) {
  const pages = pageCounts.get(f);
  const r = stats(samples.get(f).reader);
  const p = stats(samples.get(f).pdftotext);
  const rate = (ms) => (pages * 1000) / ms;
  const ratio = { median: rate(r.median) / rate(p.median), p95: rate(r.p95) / rate(p.p95) };
  ratios.push(ratio.median);
  console.log(
    [
      basename(f).slice(0, 62).padEnd(62),
      String(pages).padStart(5),
      `${fmt(rate(r.median))} / ${fmt(rate(r.p95))}`.padStart(16),
      `${fmt(rate(p.median))} / ${fmt(rate(p.p95))}`.padStart(16),
      `${ratio.median.toFixed(2)} / ${ratio.p95.toFixed(2)}`.padStart(18),
    ].join(' '),
  );
}
console.log(`import/pdftotext, median over documents: ${stats(ratios).median.toFixed(2)}`);

// A folder: the command as she runs it, on its worker threads, against pdftotext processes: 24
// PDFs (a week's agendas) against pdftotext on each file one after another, as the issue measures
// it, the two run in turn seven times (one run of each was what a burst of load on the machine made
// it); then the large folder, once, against as many pdftotext processes at a time as there are cores.
async function folderRun(size, parallel, repeats) {
  const dir = mkdtempSync(join(tmpdir(), 'referat-import-bench-'));
  const folder = join(dir, 'kilder');
  const out = join(dir, 'ud');
  spawnSync('mkdir', ['-p', folder, out]);
  const names = [];
  for (let i = 0; i < size; i++) {
    const f = files[i % files.length];
    const name = join(folder, `${String(i).padStart(4, '0')}-${basename(f)}`);
    copyFileSync(f, name);
    names.push([name, pageCounts.get(f)]);
  }
  const folderPages = names.reduce((n, [, p]) => n + p, 0);
  const importRuns = [];
  const popplerRuns = [];
  // Interleaved, so a burst of load on the shared machine hits both alike; medians of the repeats.
  for (let r = 0; r < repeats; r++) {
    const t1 = process.hrtime.bigint();
    const imp = spawnSync(process.execPath, [join(root, 'dist/cli.js'), 'import', '--force', '--out-dir', out, folder], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    importRuns.push(Number(process.hrtime.bigint() - t1) / 1e6);
    if (imp.status !== 0) throw new Error(`referat import: ${imp.stderr.slice(0, 2000)}`);
    const queue = names.map(([n]) => n);
    const t2 = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        for (let f = queue.shift(); f; f = queue.shift()) {
          await new Promise((resolve, reject) => {
            const child = spawn('pdftotext', ['-layout', f, '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
            child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`pdftotext ${f}: exit ${code}`))));
          });
        }
      }),
    );
    popplerRuns.push(Number(process.hrtime.bigint() - t2) / 1e6);
  }
  rmSync(dir, { recursive: true, force: true });
  const importMs = stats(importRuns).median;
  const popplerMs = stats(popplerRuns).median;
  const rate = (ms) => (folderPages * 1000) / ms;
  const ratios = importRuns.map((ms, i) => (ms / popplerRuns[i]).toFixed(2)).join(', ');
  console.log(
    `\nfolder of ${size} PDFs, ${folderPages} pages (pages per second overall, start-up included; ${repeats === 1 ? 'one run' : `median of ${repeats} runs`})`,
  );
  console.log(
    `  referat import --out-dir: ${fmt(rate(importMs))} p/s (${(importMs / 1000).toFixed(2)} s); pdftotext, ${parallel === 1 ? 'one after another' : `${parallel} at a time`}: ${fmt(rate(popplerMs))} p/s (${(popplerMs / 1000).toFixed(2)} s); import takes ${(importMs / popplerMs).toFixed(2)}× pdftotext's time${repeats === 1 ? '' : ` (each run: ${ratios})`}`,
  );
}

await folderRun(24, 1, quick ? 3 : 7);
await folderRun(folderSize, Math.max(1, availableParallelism()), 1);

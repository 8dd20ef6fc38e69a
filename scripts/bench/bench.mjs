// npm run bench: speed of `referat check`, side by side in one run with the floor (read, split,
// one regex per line) and with markdownlint on the same text. Medians and p95 of repeated runs;
// no result is asserted, the machine is shared and noisy.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateReferat } from './gen-referat.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const quick = process.argv.includes('--quick');
if (!existsSync(join(root, 'dist/cli.js'))) {
  console.error('bench: dist/cli.js is missing; run `npm install` (or `npm run build`) first');
  process.exit(2);
}

export function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { median: q(0.5), p95: q(0.95), n: s.length };
}

function timeProcess(cmd, args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error) throw r.error;
  return { ms, status: r.status, stdout: r.stdout };
}

const dir = mkdtempSync(join(tmpdir(), 'referat-bench-'));
const sizes = quick ? [1_000_000] : [1_000_000, 8_000_000];
const runs = quick ? 3 : 7;
const markdownlint = join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
const hasMarkdownlint = existsSync(markdownlint);

const rows = [];
for (const size of sizes) {
  const text = generateReferat(size);
  const file = join(dir, `bench-${size}.referat`);
  const md = join(dir, `bench-${size}.md`);
  writeFileSync(file, text);
  writeFileSync(md, text);
  const mb = Buffer.byteLength(text) / 1e6;
  const contenders = [
    ['floor (read, split, 1 regex/line)', process.execPath, [join(root, 'scripts/bench/floor.mjs'), file]],
    ['referat check', process.execPath, [join(root, 'dist/cli.js'), 'check', file]],
    ...(hasMarkdownlint ? [['markdownlint-cli2', process.execPath, [markdownlint, md]]] : []),
  ];
  const samples = new Map(contenders.map(([name]) => [name, []]));
  // Interleaved, so a burst of load on the shared machine hits every contender alike.
  for (let i = 0; i < runs; i++) {
    for (const [name, cmd, args] of contenders) {
      const r = timeProcess(cmd, args);
      if (name === 'referat check' && r.status !== 0) throw new Error(`generated referat gave findings:\n${r.stdout.slice(0, 2000)}`);
      samples.get(name).push(r.ms);
    }
  }
  const floor = stats(samples.get(contenders[0][0])).median;
  for (const [name] of contenders) {
    const s = stats(samples.get(name));
    rows.push({ size: `${mb.toFixed(1)} MB`, what: name, median: s.median, p95: s.p95, mbps: mb / (s.median / 1000), vsFloor: s.median / floor });
  }
}

// In-process: parse + all rules, without node's start-up, to see the core's own throughput.
const { execFileSync } = await import('node:child_process');
const inproc = execFileSync(process.execPath, [join(root, 'scripts/bench/inprocess.cjs'), ...sizes.map(String), String(quick ? 3 : 9)], { encoding: 'utf8' });

console.log(`\nreferat check — ${runs} runs each, interleaved; whole processes (node start-up included)\n`);
console.log(`${'size'.padEnd(8)} ${'what'.padEnd(34)} ${'median ms'.padStart(10)} ${'p95 ms'.padStart(10)} ${'MB/s'.padStart(8)} ${'× floor'.padStart(8)}`);
for (const r of rows) {
  console.log(
    `${r.size.padEnd(8)} ${r.what.padEnd(34)} ${r.median.toFixed(1).padStart(10)} ${r.p95.toFixed(1).padStart(10)} ${r.mbps.toFixed(1).padStart(8)} ${r.vsFloor.toFixed(2).padStart(8)}`,
  );
}
console.log(inproc);
rmSync(dir, { recursive: true, force: true });

// The language server's, the archive index's, the import's and the bounded-cost benchmarks, where they exist.
for (const extra of ['server.mjs', 'archive.mjs', 'import.mjs', 'bounded.mjs']) {
  const p = join(root, 'scripts/bench', extra);
  if (existsSync(p)) {
    const r = spawnSync(process.execPath, [p, ...(quick ? ['--quick'] : [])], { stdio: 'inherit' });
    if (r.status !== 0) process.exitCode = r.status ?? 1;
  }
}

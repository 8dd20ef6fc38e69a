// Bounded cost (issue 20): what pathological text costs beside ordinary text of the same size.
//  - check: 100,000 lone `-` lines (each an empty bullet, each a finding) against 100,000
//    ordinary lines, in-process (parse + every rule) and as `referat check` (its output included);
//  - PDF: a referat with one 5,000-character word with no place to break against the same referat
//    without it, in-process (a new word every run: the layout keeps the widths it has measured);
//  - once each, in a fresh process: 1 MB of digits, 50,000 `**`, 500,000 emoji in a punkt's body,
//    with the process's peak memory.
// Medians and p95; the goal for the two ratios is at most 5×. Nothing is asserted: the machine is shared.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { row, stats, time } from './stats.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const quick = process.argv.includes('--quick');
const RUNS = quick ? 3 : 7;
const LINES = 100_000;
/** A pathological case that takes longer than this is reported as not finished. */
const ONE_LIMIT_MS = 120_000;

const head = `REFERAT Direktionen d. 07-12-2023

Mødedato Torsdag d. 07. december 2023 kl. 09:00

Mødested Udvalgsværelse 1, Lemvig Rådhus

Punkt 1: Et punkt

00.01.00I00-1-23

Sagsfremstilling

`;
const tail = '\n\nBeslutning\n\nGodkendt.\n';
const referat = (body) => `${head}${body}${tail}`;
let seed = 1;
const letters = (n) => Array.from({ length: n }, () => String.fromCharCode(97 + ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % 26))).join('');

const PATHOLOGICAL = {
  'a 1 MB number (digits, no break)': () => referat('1'.repeat(1_000_000)),
  '50,000 `**` in a sentence': () => referat(`Tekst ${'**'.repeat(50_000)} slut.`),
  '500,000 emoji (no glyph, no break)': () => referat('😀'.repeat(500_000)),
};

// A child run: one pathological referat to PDF, its time and its peak memory on stdout.
if (process.argv[2] === '--one') {
  const { parseReferat } = require('../../out/bench/core.js');
  const { renderPdf } = require('../../dist/pdf.js');
  const fonts = fontFiles();
  const text = PATHOLOGICAL[process.argv[3]]();
  await renderPdf(parseReferat('Referat\n'), { audience: 'internal', fonts });
  const ms = await time(() => renderPdf(parseReferat(text), { audience: 'internal', fonts }));
  console.log(JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

function fontFiles() {
  const dir = join(root, 'server/data/fonts');
  const read = (f) => readFileSync(join(dir, f));
  return { regular: read('SourceSans3-Regular.ttf'), bold: read('SourceSans3-Bold.ttf'), italic: read('SourceSans3-Italic.ttf') };
}

const widths = [50, 10, 10, 10];
const lines = [
  `\nbounded cost — ${RUNS} runs each, interleaved; goal: pathological ≤ 5× ordinary\n`,
  row(['what', 'median ms', 'p95 ms', '× ordinary'], widths),
];
const report = (name, samples, base) => {
  const s = stats(samples);
  lines.push(row([name, s.median.toFixed(1), s.p95.toFixed(1), base === undefined ? '' : (s.median / base).toFixed(2)], widths));
  return s.median;
};

// check: 100,000 lone dashes after a sentence (every one a finding) against 100,000 sentences.
{
  const { parseReferat, checkReferat } = require('../../out/bench/core.js');
  const dashes = referat(`Følgende:\n${'-\n'.repeat(LINES)}`);
  const ordinary = referat(`${'Almindelig linje med tekst.\n'.repeat(LINES)}`);
  const found = checkReferat(parseReferat(dashes)).filter((d) => d.code === 'empty-bullet').length;
  if (found !== LINES) throw new Error(`bench: ${found} empty bullets found, ${LINES} expected`);
  const dir = mkdtempSync(join(tmpdir(), 'referat-bounded-'));
  writeFileSync(join(dir, 'dashes.referat'), dashes);
  writeFileSync(join(dir, 'ordinary.referat'), ordinary);
  const inproc = { dashes: [], ordinary: [] };
  const proc = { dashes: [], ordinary: [] };
  const check = (file) => {
    const t0 = process.hrtime.bigint();
    spawnSync(process.execPath, [join(root, 'dist/cli.js'), 'check', file], { maxBuffer: 1 << 28 });
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  for (let i = 0; i < RUNS; i++) {
    inproc.ordinary.push(await time(() => checkReferat(parseReferat(ordinary))));
    inproc.dashes.push(await time(() => checkReferat(parseReferat(dashes))));
    proc.ordinary.push(check(join(dir, 'ordinary.referat')));
    proc.dashes.push(check(join(dir, 'dashes.referat')));
  }
  const base = report(`check in-process: ${LINES.toLocaleString('en')} ordinary lines`, inproc.ordinary);
  report(`check in-process: ${LINES.toLocaleString('en')} lone \`-\` (findings)`, inproc.dashes, base);
  const pbase = report(`referat check: ${LINES.toLocaleString('en')} ordinary lines`, proc.ordinary);
  report(`referat check: ${LINES.toLocaleString('en')} lone \`-\` (prints each)`, proc.dashes, pbase);
  rmSync(dir, { recursive: true, force: true });
}

// PDF: the same referat with and without one word of 5,000 characters.
{
  const { parseReferat } = require('../../out/bench/core.js');
  const { renderPdf } = require('../../dist/pdf.js');
  const fonts = fontFiles();
  const plain = referat('Ord før og efter, som i ethvert andet referat.');
  await renderPdf(parseReferat(plain), { audience: 'internal', fonts });
  const samples = { plain: [], word: [] };
  for (let i = 0; i < RUNS; i++) {
    samples.plain.push(await time(() => renderPdf(parseReferat(plain), { audience: 'internal', fonts })));
    const long = referat(`Ord før ${letters(5_000)} og efter, som i ethvert andet referat.`);
    samples.word.push(await time(() => renderPdf(parseReferat(long), { audience: 'internal', fonts })));
  }
  const base = report('PDF in-process: a short punkt', samples.plain);
  report('PDF in-process: the same with a 5,000-char word', samples.word, base);
}

if (!quick) {
  lines.push('', row(['once, in a fresh process (PDF)', 'ms', 'peak MB', ''], widths));
  for (const name of Object.keys(PATHOLOGICAL)) {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--one', name], { encoding: 'utf8', timeout: ONE_LIMIT_MS });
    const out = r.status === 0 ? JSON.parse(r.stdout.trim().split('\n').pop()) : undefined;
    lines.push(row([name, out ? out.ms.toFixed(0) : `not done in ${ONE_LIMIT_MS / 1000} s`, out ? out.rssMb.toFixed(0) : '', ''], widths));
  }
}
console.log(lines.join('\n'));

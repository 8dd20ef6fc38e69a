import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  buildLines,
  cleanGlyphs,
  findFurniture,
  pagesToText,
  readColumns,
  readPdf,
  renderLines,
  type PageRuns,
  type PdfReadResult,
  type PlacedPage,
  type TextRun,
} from '../../server/src/import/pdf';
import { fontOptions, loadPdfjs } from '../../server/src/import/pdf/pdfjs';
import { cMapReader } from '../../server/src/node/importer';
import { repoRoot, scratchDir } from '../helpers';
import { importSource } from '../../server/src/import/index';
import { sourcesDir, externalPdf, makePdf, pdfFixtureDir, scannedPage, textContent } from '../pdfFixtures';

const AARHUS = 'aarhus-byraadet-2025-08-27';
const BALLERUP = 'ballerup-sundheds-og-forebyggelsesudvalget-2012-12-04';
const SYDDJURS = 'syddjurs-udvalget-for-plan-udvikling-og-kultur-2013-06-20';

/** The running headers and footers in each reference text, written out for the test only. */
const REFERENCE_FURNITURE: Record<string, RegExp[]> = {
  [AARHUS]: [],
  [BALLERUP]: [/^Sundheds- og Forebyggelsesudvalget$/, /^Referat$/, /^Åbent referat$/, /^Dato: 04\.12\.2012$/, /^Side \d+$/],
  [SYDDJURS]: [/^\d of 5$/, /^Referat For Udvalget for plan, udvikling og kultur \(PUK\) Side \d$/, /^20\. juni 2013 - kl\. 10:30$/],
};

const norm = (line: string): string => line.replace(/\s+/g, ' ').trim();
const words = (text: string): Set<string> => new Set(text.match(/[\p{L}\p{N}]+/gu) ?? []);

function ok(result: PdfReadResult): Extract<PdfReadResult, { ok: true }> {
  if (!result.ok) assert.fail(`expected text, got ${result.problem}: ${result.detail ?? ''}`);
  return result;
}

const read = new Map<string, Promise<PdfReadResult>>();
function readExternal(name: string): Promise<PdfReadResult> {
  let r = read.get(name);
  if (!r) read.set(name, (r = readPdf(externalPdf(name).bytes)));
  return r;
}

// --- The three published PDFs, against pdftotext -layout --------------------------------------

for (const name of [AARHUS, BALLERUP, SYDDJURS]) {
  test(`${name}: at least 98% of the reference's distinct words, page furniture aside`, async (t) => {
    const result = ok(await readExternal(name));
    const reference = externalPdf(name)
      .reference.split('\n')
      .filter((l) => !REFERENCE_FURNITURE[name]!.some((re) => re.test(norm(l))))
      .join('\n');
    const expected = words(reference);
    const got = words(result.text);
    const missing = [...expected].filter((w) => !got.has(w));
    const share = (expected.size - missing.length) / expected.size;
    t.diagnostic(
      `${name}: ${expected.size - missing.length}/${expected.size} distinct words (${(share * 100).toFixed(2)}%), missing: ${missing.join(' ') || 'none'}`,
    );
    assert.ok(share >= 0.98, `only ${(share * 100).toFixed(1)}%; missing: ${missing.slice(0, 30).join(' ')}`);
  });
}

test('Aarhus and Ballerup: line for line the text of pdftotext -layout, but for spacing and the furniture', async () => {
  for (const name of [AARHUS, BALLERUP]) {
    const result = ok(await readExternal(name));
    const reference = externalPdf(name)
      .reference.split('\n')
      .map(norm)
      .filter((l) => l !== '');
    const { onlyInA, onlyInB } = lineDiff(
      reference,
      result.pages
        .flat()
        .map(norm)
        .filter((l) => l !== ''),
    );
    assert.deepEqual(onlyInB, [], `${name}: lines pdftotext does not have`);
    assert.deepEqual(onlyInA.sort(), result.furniture.map(norm).sort(), `${name}: lines missing that are not furniture`);
  }
});

/** The lines of a and of b outside their longest common subsequence. */
function lineDiff(a: readonly string[], b: readonly string[]): { onlyInA: string[]; onlyInB: string[] } {
  const lcs: Uint16Array[] = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const onlyInA: string[] = [];
  const onlyInB: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) onlyInA.push(a[i++]!);
    else onlyInB.push(b[j++]!);
  }
  return { onlyInA: [...onlyInA, ...a.slice(i)], onlyInB: [...onlyInB, ...b.slice(j)] };
}

test('Aarhus (no running headers) loses nothing to furniture removal', async () => {
  const result = ok(await readExternal(AARHUS));
  assert.deepEqual(result.furniture, []);
  assert.equal(result.pages.length, 28);
});

test("Ballerup: the header block and its 'Side N' are gone from every page, the cover's own title stays", async () => {
  const result = ok(await readExternal(BALLERUP));
  assert.equal(result.pages.length, 15);
  for (let n = 1; n <= 15; n++) assert.ok(result.furniture.includes(`Side ${n}`), `Side ${n} not removed`);
  assert.equal(result.furniture.filter((f) => f === 'Dato: 04.12.2012').length, 15);
  assert.equal(result.furniture.length, 15 * 5);
  for (const line of result.pages.flat()) {
    assert.doesNotMatch(line, /^\s*Side \d+\s*$/);
    assert.doesNotMatch(line, /Dato: 04\.12\.2012/);
  }
  // Page 1 repeats the header's words as its centred title, lower on the page: body text.
  const cover = result.pages[0]!.map(norm);
  for (const l of ['Referat', 'Sundheds- og Forebyggelsesudvalget', 'tirsdag den 4. december 2012, kl. 13:00', 'Åbent referat', 'Tilstede']) {
    assert.ok(cover.includes(l), `cover lost "${l}"`);
  }
  assert.match(result.pages[2]![0]!, /^1\. +Meddelelser$/);
});

test("Syddjurs: 'N of 5' and the running header (also where a section moves it) are gone", async () => {
  const result = ok(await readExternal(SYDDJURS));
  for (let n = 1; n <= 5; n++) assert.ok(result.furniture.includes(`${n} of 5`));
  for (let n = 1; n <= 4; n++) assert.ok(result.furniture.includes(`Referat For Udvalget for plan, udvikling og kultur (PUK) Side ${n}`));
  assert.equal(result.furniture.filter((f) => f === '20. juni 2013 - kl. 10:30').length, 4);
  for (const line of result.pages.flat()) {
    assert.doesNotMatch(line, /\d of 5|Referat For Udvalget|20\. juni 2013 - kl/);
  }
  // Body lines that look like the header stay: the cover's own time and title.
  assert.ok(result.pages[0]!.includes('Kl. 10:30'));
  assert.equal(result.pages[0]![0], 'Referat');
});

test('Syddjurs: the two-column member list is read column by column, label and value stay on one line', async () => {
  const result = ok(await readExternal(SYDDJURS));
  const cover = result.pages[0]!.map(norm).filter((l) => l !== '');
  const at = cover.indexOf('Medlemmer');
  assert.deepEqual(cover.slice(at, at + 7), [
    'Medlemmer',
    'Jesper Mathiesen (A)',
    'Ole Bollesen (A)',
    'Niels Viderø (A)',
    'Ole Bjerregaard (V)',
    'Steen Fris (C)',
    'Fraværende',
  ]);
  const all = result.pages.flat();
  assert.ok(all.some((l) => /^Sagsnr\.: {2,}12\/27845$/.test(l)));
  assert.ok(all.some((l) => /^Sagen afgøres i: {2,}Udvalget for plan, udvikling og kultur \(PUK\)$/.test(l)));
  // A table of attachments is read by rows.
  assert.ok(all.some((l) => /^1 +Åben +Opsamlingsnotat\. Temamøde 20\.09\.2012 +222359\/12$/.test(l)));
});

test("Aarhus: 'Mødedato   Onsdag d. 27. august 2025 kl. 16:00' on one line", async () => {
  const result = ok(await readExternal(AARHUS));
  assert.match(
    result.pages[0]!.find((l) => l.startsWith('Mødedato'))!,
    /^Mødedato {2,}Onsdag d\. 27\. august 2025 kl\. 16:00$/,
  );
  assert.equal(result.pages[0]![0], 'REFERAT Aarhus Byråd d. 27-08-2025');
});

test("Syddjurs: the Symbol font's U+F0B7 bullets become '- '", async () => {
  const result = ok(await readExternal(SYDDJURS));
  assert.ok(!result.text.includes('\uF0B7'));
  const bullets = result.pages
    .flat()
    .filter((l) => /^\s*- /.test(l))
    .map(norm);
  assert.deepEqual(bullets, ['- Hvad vil du gerne have opnået i 2017?', '- Hvad vil det kræve? – og af hvem?', '- Hvem får det betydning for?']);
});

test("the caller's bytes are left as they were (pdf.js detaches what it is given)", async () => {
  const { bytes } = externalPdf(SYDDJURS);
  const before = bytes.byteLength;
  ok(await readPdf(bytes));
  assert.equal(bytes.byteLength, before);
  ok(await readPdf(bytes));
});

// --- Bad input: a typed problem, never a throw ------------------------------------------------

async function problemOf(bytes: Uint8Array): Promise<string> {
  const r = await readPdf(bytes);
  if (r.ok) return 'ok';
  assert.ok(r.message.da.length > 0 && r.message.en.length > 0 && r.message.da !== r.message.en);
  return r.problem;
}

test('an empty file is empty', async () => {
  assert.equal(await problemOf(new Uint8Array(0)), 'empty');
  assert.equal(await problemOf(new Uint8Array(4096)), 'empty');
});

test('a file that is not a PDF says so, and what it is when that helps', async () => {
  const html = readFileSync(join(sourcesDir, 'aarhus-teknisk-udvalg-2025-10-01.html'));
  const r = await readPdf(html);
  assert.ok(!r.ok && r.problem === 'not-pdf');
  assert.match(r.message.en, /web page/);
  assert.match(r.message.da, /webside/);
  assert.equal(await problemOf(readFileSync(join(sourcesDir, 'greve-byraadet-2024-10-02.json'))), 'not-pdf');
  assert.equal(await problemOf(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3])), 'not-pdf');
});

test('a truncated or garbled PDF is corrupt', async () => {
  const { bytes } = externalPdf(BALLERUP);
  assert.equal(await problemOf(bytes.subarray(0, bytes.length >> 1)), 'corrupt');
  assert.equal(await problemOf(bytes.subarray(0, 1000)), 'corrupt');
  assert.equal(await problemOf(bytes.subarray(0, bytes.length - 10)), 'corrupt');
  // Cut off, then an end marker pasted on: the cross-reference table is gone.
  assert.equal(await problemOf(Buffer.concat([bytes.subarray(0, bytes.length >> 1), Buffer.from('\n%%EOF\n')])), 'corrupt');
  assert.equal(await problemOf(Buffer.from(`%PDF-1.7\n${'x'.repeat(5000)}\n%%EOF\n`)), 'corrupt');
});

test('a PDF that needs a password is encrypted; one with only an owner password is read', async () => {
  const r = await readPdf(readFileSync(join(pdfFixtureDir, 'password.pdf')));
  assert.ok(!r.ok && r.problem === 'encrypted');
  assert.match(r.message.da, /adgangskode/);
  const open = ok(await readPdf(readFileSync(join(pdfFixtureDir, 'owner-password-only.pdf'))));
  assert.deepEqual(
    open.pages[0]!.map(norm).filter((l) => l !== ''),
    ['Referat', 'Mødedato Onsdag d. 27. august 2025 kl. 16:00'],
  );
});

test('a scanned PDF (pictures, no text layer) has no text; a scanned page among text pages is named', async () => {
  const r = await readPdf(makePdf([scannedPage, scannedPage]));
  assert.ok(!r.ok && r.problem === 'no-text');
  assert.match(r.message.en, /no text.*scanned pages need text recognition/);
  const mixed = ok(await readPdf(makePdf([{ content: textContent([{ x: 72, y: 760, text: 'Punkt 1' }]) }, scannedPage])));
  assert.deepEqual(mixed.pagesWithoutText, [2]);
  assert.deepEqual(mixed.pages, [['Punkt 1'], []]);
});

test('a page with /Rotate is read the way it is shown', async () => {
  // Text written upwards on a portrait page turned a quarter clockwise: left to right on screen.
  const upwards = (x: number, y: number, text: string): string => `BT /F1 11 Tf 0 1 -1 0 ${x} ${y} Tm (${text}) Tj ET`;
  const r = ok(await readPdf(makePdf([{ rotate: 90, content: [upwards(100, 72, 'Punkt 1: Budget'), upwards(120, 72, 'Sagsnr.: 12/27845')].join('\n') }])));
  assert.deepEqual(
    r.pages[0]!.filter((l) => l !== ''),
    ['Punkt 1: Budget', 'Sagsnr.: 12/27845'],
  );
});

test('a page whose content is damaged is read as far as it goes and named', async () => {
  const broken = `${textContent([{ x: 72, y: 760, text: 'Side med fejl' }])}\nBT 72 730 Td -f (x) Tj ET\n${textContent([{ x: 72, y: 700, text: 'efter fejlen' }])}`;
  const r = ok(await readPdf(makePdf([{ content: broken }, { content: textContent([{ x: 72, y: 760, text: 'Hel side' }]) }])));
  assert.deepEqual(r.damagedPages, [1]);
  assert.ok(r.pages[0]!.includes('Side med fejl'));
  assert.deepEqual(r.pages[1], ['Hel side']);
});

test('a font in a predefined CJK encoding is read with the CMaps; without them its text is missing, not made up', async () => {
  const pdf = cjkPdf();
  assert.equal(ok(await readPdf(pdf, { cMaps: cMapReader(join(repoRoot, 'node_modules/pdfjs-dist/cmaps')) })).text, 'Abæ');
  const without = await readPdf(pdf, { cMaps: cMapReader(join(repoRoot, 'no-such-folder')) });
  assert.ok(!without.ok);
});

/**
 * Resolves once the process holds nothing the reader left behind (no timer, immediate, or I/O beyond
 * those of `baseline`) and a turn of the event loop has passed: by then a rejection anything left
 * could make has been reported. Still-scheduled work after a generous limit fails the test.
 */
async function nothingLeftRunning(baseline: readonly string[]): Promise<void> {
  const limit = Date.now() + 30_000;
  const left = (): string[] => {
    const expected = [...baseline];
    return process.getActiveResourcesInfo().filter((r) => {
      const i = expected.indexOf(r);
      if (i >= 0) expected.splice(i, 1);
      return i < 0;
    });
  };
  await new Promise((resolve) => setImmediate(resolve));
  while (left().length > 0) {
    if (Date.now() > limit) assert.fail(`still scheduled after the read: ${left().join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await new Promise((resolve) => setImmediate(resolve));
}

test('a document not read in time is given up as corrupt, with nothing left running to fail later', async () => {
  const rejections: unknown[] = [];
  const onRejection = (r: unknown): void => void rejections.push(r);
  process.on('unhandledRejection', onRejection);
  const baseline = process.getActiveResourcesInfo();
  try {
    const r = await readPdf(externalPdf(AARHUS).bytes, { timeoutMs: 1 });
    assert.ok(!r.ok && r.problem === 'corrupt' && /not read within/.test(r.detail ?? ''));
    await nothingLeftRunning(baseline);
  } finally {
    process.off('unhandledRejection', onRejection);
  }
  assert.deepEqual(rejections, []);
});

test('damaged copies of real PDFs: always a result, never a throw, a hang or an unhandled rejection', async () => {
  const rejections: unknown[] = [];
  const onRejection = (r: unknown): void => void rejections.push(r);
  process.on('unhandledRejection', onRejection);
  const sources = [externalPdf(BALLERUP).bytes, externalPdf(SYDDJURS).bytes];
  let seed = 20251126;
  const random = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const outcomes: Record<string, number> = {};
  const baseline = process.getActiveResourcesInfo();
  try {
    for (let i = 0; i < 24; i++) {
      const b = Buffer.from(sources[i % sources.length]!);
      const at = Math.floor(random() * b.length);
      if (i % 3 === 0) for (let k = at; k < Math.min(b.length, at + 2000); k++) b[k] = Math.floor(random() * 256);
      else if (i % 3 === 1) for (let k = 0; k < 50; k++) b[Math.floor(random() * b.length)] = Math.floor(random() * 256);
      else b.copyWithin(at, Math.floor(random() * b.length));
      const r = await readPdf(b, { timeoutMs: 30_000 });
      const key = r.ok ? (r.damagedPages.length > 0 ? 'ok, damaged pages' : 'ok') : r.problem;
      outcomes[key] = (outcomes[key] ?? 0) + 1;
    }
    await nothingLeftRunning(baseline);
  } finally {
    process.off('unhandledRejection', onRejection);
  }
  assert.deepEqual(rejections, []);
  assert.ok(
    Object.keys(outcomes).every((k) => ['ok', 'ok, damaged pages', 'corrupt', 'no-text', 'not-pdf'].includes(k)),
    JSON.stringify(outcomes),
  );
});

const builtins = (): unknown[] =>
  (
    [
      [Array.prototype, 'push'],
      [JSON, 'parse'],
      [JSON, 'stringify'],
      [Function.prototype, 'toString'],
    ] as const
  ).map(([owner, name]) => Object.getOwnPropertyDescriptor(owner, name)?.value as unknown);
/** Node's own, taken when this file loads, before any PDF is read. */
const nodeBuiltins = builtins();

test("pdf.js's polyfills leave Node's Array.prototype.push, JSON and Function.prototype.toString in place", async () => {
  ok(await readExternal(SYDDJURS));
  assert.deepEqual(builtins(), nodeBuiltins);
  assert.match(Function.prototype.toString.call(nodeBuiltins[0]), /\[native code\]/);
});

test('pdf.js leaves no stand-in DOMMatrix or Response behind', async () => {
  ok(await readExternal(SYDDJURS));
  assert.equal((globalThis as { DOMMatrix?: unknown }).DOMMatrix, undefined);
  // Node's own web Response, made when first touched, after the stand-in that pdf.js loaded beside.
  assert.equal(await new Response('svar').text(), 'svar');
});

test('pdf.js builds no glyph outlines: a read only needs the text, and the outlines were a tenth of its time', async () => {
  const lib = loadPdfjs();
  const doc = await lib.getDocument({
    data: new Uint8Array(externalPdf(SYDDJURS).bytes),
    verbosity: lib.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    useSystemFonts: false,
    ...fontOptions(),
  }).promise;
  try {
    const page = await doc.getPage(1);
    await page.getTextContent();
    const list = await page.getOperatorList();
    // The page shows text in its fonts, and they reached this side as fonts, not as paths per glyph.
    assert.ok(list.fnArray.includes(lib.OPS.showText));
    const ids = [...(page.commonObjs as unknown as Iterable<[string, unknown]>)].map(([id]) => id);
    assert.ok(ids.length > 0, 'no font reached this side');
    assert.deepEqual(
      ids.filter((id) => id.includes('_path_')),
      [],
    );
  } finally {
    await doc.destroy();
  }
});

// --- The built bundle, on a worker thread -----------------------------------------------------

test('dist/importWorker.js reads PDFs on a worker thread: pdf.js, its worker and the CMaps survive bundling, and stderr stays quiet', () => {
  const dir = scratchDir('referat-pdf-');
  const cjk = join(dir, 'cjk.pdf');
  // A title above the CJK text: a page that holds no meeting (no header, no punkt) is refused as no minutes.
  writeFileSync(cjk, cjkPdf('Referat'));
  const script = `
    const { Worker } = require('node:worker_threads');
    const paths = JSON.parse(process.argv[1]);
    const w = new Worker(${JSON.stringify(join(repoRoot, 'dist/importWorker.js'))});
    w.on('message', (results) => {
      process.stdout.write(JSON.stringify(results.map((r) => r.result ? (r.result.ok ? { ok: true, text: r.result.meetings[0].text, pages: r.result.pages } : { ok: false, problem: r.result.problem }) : { error: r.problem.en })));
      w.terminate();
    });
    w.postMessage(paths);
  `;
  const paths = [
    join(sourcesDir, `${BALLERUP}.pdf`),
    join(sourcesDir, `${SYDDJURS}.pdf`),
    cjk,
    join(pdfFixtureDir, 'password.pdf'),
    join(repoRoot, 'no-such-file.pdf'),
  ];
  const res = spawnSync(process.execPath, ['-e', script, JSON.stringify(paths)], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(res.status, 0, res.stderr);
  assert.equal(res.stderr, '');
  const out = JSON.parse(res.stdout) as { ok?: boolean; text?: string; pages?: number; problem?: string; error?: string }[];
  assert.equal(out[0]!.pages, 15);
  assert.match(out[0]!.text!, /Sundheds- og Forebyggelsesudvalgets beslutning den 04\.12\.2012 Punkt 1/);
  assert.doesNotMatch(out[0]!.text!, /^Side \d+$/m);
  assert.match(out[1]!.text!, /- Hvad vil du gerne have opnået i 2017\?/);
  assert.equal(out[2]!.text, 'Referat\n\nAbæ\n', 'the CMaps beside the bundle were not found');
  assert.equal(out[3]!.problem, 'encrypted');
  assert.match(out[4]!.error!, /no such file/);
});

/** A font that is not embedded, in Adobe's UniJIS-UCS2-H encoding: its text needs the CMaps. A heading above it in Helvetica, if given. */
function cjkPdf(heading?: string): Uint8Array {
  const above = heading ? `BT /F1 12 Tf 72 740 Td (${heading}) Tj ET ` : '';
  return makePdf(
    [{ content: `${above}BT /F2 12 Tf 72 700 Td <0041006200E6> Tj ET`, resources: '/Font << /F1 3 0 R /F2 5 0 R >>' }],
    [
      '<< /Type /Font /Subtype /Type0 /BaseFont /KozMinPr6N-Regular /Encoding /UniJIS-UCS2-H /DescendantFonts [6 0 R] >>',
      '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /KozMinPr6N-Regular /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 6 >> /FontDescriptor 7 0 R >>',
      '<< /Type /FontDescriptor /FontName /KozMinPr6N-Regular /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
    ],
  );
}

// --- Layout over the item model, without PDFs -------------------------------------------------

let seqCounter = 0;
/** A run of 10-pt text, half an em per character. */
function run(text: string, x: number, y: number, size = 10, seq = seqCounter++): TextRun {
  return { text, x, y, width: [...text].length * size * 0.5, size, seq };
}
const page = (runs: TextRun[]): PageRuns => ({ width: 595, height: 842, runs });
const laidOut = (runs: TextRun[]): string[] => renderLines(readColumns(buildLines(page(runs))));

test('layout: runs on one baseline make a line; kerning splits join, word gaps are one space', () => {
  // 'REFERA' + 'T' overlapping a little, as a kerned capital pair comes out.
  assert.deepEqual(laidOut([run('REFERA', 40, 100), run('T', 69.5, 100), run('Aarhus', 77, 100)]), ['REFERAT Aarhus']);
  // Out of order in the stream, a raised footnote mark, a baseline a point off.
  assert.deepEqual(laidOut([run('ord', 69, 100.8), run('To', 40, 100), run('1', 50.5, 97, 6), run('og', 56, 100)]), ['To1 og ord']);
});

test('layout: a wide gap keeps label and value on one line, spaced; lines far apart get one blank line', () => {
  const lines = laidOut([run('Mødedato', 40, 100), run('Onsdag d. 27. august 2025', 100, 100), run('Mødested', 40, 124), run('Byrådssalen', 100, 124)]);
  assert.equal(lines.length, 3);
  assert.match(lines[0]!, /^Mødedato {2,}Onsdag d\. 27\. august 2025$/);
  assert.equal(lines[1], '');
  // The values line up in one column, as pdftotext -layout shows them.
  assert.equal(lines[0]!.indexOf('Onsdag'), lines[2]!.indexOf('Byrådssalen'));
});

test('layout: indentation is kept from the page margin', () => {
  assert.deepEqual(laidOut([run('1.', 40, 100), run('Meddelelser', 60, 100), run('Sagsnr.: 2011-29298', 60, 112)]), [
    '1.  Meddelelser',
    '    Sagsnr.: 2011-29298',
  ]);
});

test('layout: a two-column list is read column by column, whichever order the producer wrote it in', () => {
  const names = [
    ['Jesper Mathiesen (A)', 'Ole Bjerregaard (V)'],
    ['Ole Bollesen (A)', 'Steen Fris (C)'],
    ['Niels Viderø (A)', undefined],
  ] as const;
  const columnOrder = [...names.map(([l], i) => run(l, 70, 100 + 12 * i)), ...names.flatMap(([, r], i) => (r ? [run(r, 300, 100 + 12 * i)] : []))];
  const rowOrder = names.flatMap(([l, r], i) => [run(l, 70, 100 + 12 * i), ...(r ? [run(r, 300, 100 + 12 * i)] : [])]);
  const expected = ['Jesper Mathiesen (A)', 'Ole Bollesen (A)', 'Niels Viderø (A)', 'Ole Bjerregaard (V)', 'Steen Fris (C)'];
  assert.deepEqual(laidOut(columnOrder), expected);
  assert.deepEqual(laidOut(rowOrder), expected);
});

test('layout: forms, tables of numbers and a table of contents are read row by row', () => {
  const rows = (pairs: [string, string][], rightX = 200, order: 'rows' | 'columns' = 'rows'): TextRun[] =>
    order === 'rows'
      ? pairs.flatMap(([l, r], i) => [run(l, 70, 100 + 12 * i), run(r, rightX, 100 + 12 * i)])
      : [...pairs.map(([l], i) => run(l, 70, 100 + 12 * i)), ...pairs.map(([, r], i) => run(r, rightX, 100 + 12 * i))];
  const byRows = (lines: string[]): string[][] => lines.map((l) => l.split(/ {2,}/));
  const form: [string, string][] = [
    ['Sagsnr.:', '12/27845'],
    ['Sagen afgøres i:', 'Udvalget for plan'],
  ];
  assert.deepEqual(byRows(laidOut(rows(form, 200, 'columns'))), form);
  const single: [string, string][] = [
    ['Mødedato', 'Onsdag d. 27. august'],
    ['Mødested', 'Byrådssalen i Aarhus'],
  ];
  assert.deepEqual(byRows(laidOut(rows(single))), single);
  const table: [string, string][] = [
    ['Budget 2013', '1.316.000 kr.'],
    ['Forbrug 2013', '954.000 kr.'],
  ];
  assert.deepEqual(byRows(laidOut(rows(table, 200, 'columns'))), table);
  const toc: [string, string][] = [
    ['Godkendelse af dagsorden', '3'],
    ['Bro mellem Dokk1 og Balticagade', '16'],
  ];
  assert.deepEqual(byRows(laidOut(rows(toc, 400, 'columns'))), toc);
});

test('glyphs: Symbol and Wingdings bullets become "- ", at a line start or after a wide gap', () => {
  assert.equal(cleanGlyphs('\uF0B7   Hvad vil du gerne have opnået i 2017?'), '- Hvad vil du gerne have opnået i 2017?');
  assert.equal(cleanGlyphs('    \uF0B7Ildsjæle'), '    - Ildsjæle');
  assert.equal(cleanGlyphs('\uF0A7 a    \uF0D8 b'), '- a    - b');
  assert.equal(cleanGlyphs('• Punkt'), '- Punkt');
  assert.equal(cleanGlyphs('Ja    ✓'), 'Ja    ✓');
  assert.equal(cleanGlyphs('kr.\u00A0100\u200B'), 'kr. 100');
  assert.equal(cleanGlyphs('ikke\u00AD'), 'ikke-');
});

test('pagesToText: furniture, columns and bullets over runs, without a PDF', () => {
  const pages = [1, 2, 3].map((n) =>
    page([
      run('Økonomiudvalget', 300, 30, 8),
      run(`Side ${n} af 3`, 500, 820, 8),
      run(`Punkt ${n}: ${['Godkendelse af dagsorden', 'Budget 2026', 'Eventuelt'][n - 1]}`, 40, 120),
      run('\uF0B7', 50, 140),
      run(['at dagsordenen godkendes', 'at budgettet vedtages', 'intet'][n - 1]!, 70, 140),
    ]),
  );
  const r = pagesToText(pages);
  assert.ok(r.ok);
  assert.deepEqual(r.furniture, ['Økonomiudvalget', 'Side 1 af 3', 'Økonomiudvalget', 'Side 2 af 3', 'Økonomiudvalget', 'Side 3 af 3']);
  assert.deepEqual(r.pages[1], ['Punkt 2: Budget 2026', '', '  - at budgettet vedtages']);
});

// --- Page breaks: a paragraph that runs on over a page's edge --------------------------------

/**
 * Two pages, each with its footer `Side N` (furniture, dropped): the first with a line of prose
 * as wide as the page's text and `last` below it, the second beginning with `first`.
 */
function acrossPages(last: readonly TextRun[], first: readonly TextRun[]): Extract<PdfReadResult, { ok: true }> {
  const wide = 'Udvalget drøftede sagen og lagde vægt på, at borgerne bliver hørt i god tid om';
  const r = pagesToText([
    page([run(wide, 40, 100), ...last.map((l) => ({ ...l, y: 112 })), run('Side 1', 280, 820, 8)]),
    page([...first.map((l) => ({ ...l, y: 100 })), run('og det blev vedtaget.', 40, 112), run('Side 2', 280, 820, 8)]),
  ]);
  assert.ok(r.ok);
  return r;
}

test('pagesToText: a sentence running over the edge of a page goes on on the next line, its footer dropped between', () => {
  // The last line reaches the page's right edge and its sentence is not done: the next word did not fit.
  const lowerCase = acrossPages(
    [run('planen for trafiksikkerhed, og der kom mange svar fra både skoler, foreninger og de', 40, 0)],
    [run('lokale råd, som bakkede op om planen,', 40, 0)],
  );
  assert.deepEqual(lowerCase.furniture, ['Side 1', 'Side 2']);
  assert.match(lowerCase.text, /foreninger og de\nlokale råd, som bakkede op/);
  assert.deepEqual(lowerCase.runOnPages, [2]);
  // A name in capitals goes on too: `… i forhold til Region` / `Hovedstadens 21 pct.`
  const name = acrossPages(
    [run('måneder er 16 pct. stadig røgfri, hvilket ligger lidt lavere i forhold til Region', 40, 0)],
    [run('Hovedstadens 21 pct. Til gengæld har', 40, 0)],
  );
  assert.match(name.text, /forhold til Region\nHovedstadens 21 pct\./);
  // Each page's lines stay as they were read.
  assert.deepEqual(name.pages[1], ['Hovedstadens 21 pct. Til gengæld har', 'og det blev vedtaget.']);
});

test('pagesToText: a paragraph, heading, punkt, section, list item or table row at the top of a page stays apart from the page before', () => {
  const full = (text: string): TextRun => run(text, 40, 0);
  const cases: [string, TextRun[], TextRun[]][] = [
    // A sentence ends the page: the next page's sentence may begin a paragraph of its own.
    [
      'a sentence ended',
      [full('Høringen gav mange svar fra skoler, foreninger og lokalråd i hele byen og omegnen.')],
      [full('Forvaltningen anbefaler, at planen vedtages.')],
    ],
    [
      'a clause ending in a colon',
      [full('Følgende deltog ikke i behandlingen af punktet og heller ikke i resten af mødet:')],
      [full('3.   Kvalitetsstandarder for stof- og alkoholbehandling')],
    ],
    // A short line is a paragraph's last, or a heading: the next page's first word would have fitted on it.
    ['a short line', [full('Høringssvarene i kort form')], [full('Der kom fyrre svar, de fleste positive,')]],
    ['a short line, lower case below', [full('Se også kortet over ruten')], [full('og resten af bilagene er lagt på sagen,')]],
    // The page before ends mid-sentence at the edge, but what follows is no prose that goes on.
    ['a punkt', [full('planen for trafiksikkerhed, og der kom mange svar fra både skoler, foreninger og de')], [full('Punkt 2: Eventuelt')]],
    ['a section', [full('planen for trafiksikkerhed, og der kom mange svar fra både skoler, foreninger og de')], [full('Beslutning')]],
    [
      'a bullet',
      [full('planen for trafiksikkerhed, og der kom mange svar fra både skoler, foreninger og de')],
      [run('\uF0B7', 40, 0), run('lokale råd', 60, 0)],
    ],
    ['a dash item', [full('planen for trafiksikkerhed, og der kom mange svar fra både skoler, foreninger og de')], [full('- lokale råd og foreninger,')]],
    ['a numbered item', [full('planen for trafiksikkerhed, og der kom mange svar fra både skoler, foreninger og de')], [full('1) lokale råd og foreninger,')]],
    ['a lettered item', [full('planen for trafiksikkerhed, og der kom mange svar fra både skoler, foreninger og de')], [full('a) lokale råd og foreninger,')]],
    [
      'an outline number',
      [full('planen for trafiksikkerhed, og der kom mange svar fra både skoler, foreninger og de')],
      [full('1.2  Status på udviklingsønsker')],
    ],
    [
      'a heading in capitals',
      [full('planen for trafiksikkerhed, og der kom mange svar fra både skoler, foreninger og de')],
      [full('INDSTILLING FRA BORGMESTERENS AFDELING')],
    ],
    ['a label and its value', [full('planen for trafiksikkerhed, og der kom mange svar fra både skoler, foreninger og de')], [full('Dato: 26-03-2025')]],
    [
      'a table row',
      [full('planen for trafiksikkerhed, og der kom mange svar fra både skoler, foreninger og de')],
      [run('Budget 2013', 40, 0), run('1.316.000 kr.', 300, 0)],
    ],
    ['a larger heading', [full('planen for trafiksikkerhed, og der kom mange svar fra både skoler, foreninger og de')], [run('lokale forhold', 40, 0, 14)]],
  ];
  for (const [what, last, first] of cases) {
    const r = acrossPages(last, first);
    assert.deepEqual(r.runOnPages, [], what);
    assert.equal(r.text, [...r.pages[0]!, '', ...r.pages[1]!].join('\n'), what);
  }
});

test('import: a paragraph that runs over a page break is one paragraph in the referat; one that begins at the top of a page stays apart', async () => {
  const footer = (n: number) => ({ x: 280, y: 40, text: `Side ${n}`, size: 8 });
  const pages = [
    textContent([
      { x: 72, y: 770, text: 'REFERAT Direktionen d. 07-12-2023' },
      { x: 72, y: 740, text: 'Punkt 1: Trafikplan' },
      { x: 72, y: 710, text: 'Sagsfremstilling' },
      { x: 72, y: 690, text: 'Kommunen har i efteråret hørt borgerne om den nye plan for trafiksikkerhed, og' },
      { x: 72, y: 676, text: 'der kom mange svar fra både skoler, idrætsforeninger, grundejere og de lokale' },
      footer(1),
    ]),
    textContent([{ x: 72, y: 770, text: 'råd, som alle bakkede op om planens mål og dens tidsplan for de næste fire år.' }, footer(2)]),
    textContent([
      { x: 72, y: 770, text: 'Forvaltningen anbefaler, at planen vedtages.' },
      { x: 72, y: 740, text: 'Beslutning' },
      { x: 72, y: 726, text: 'Godkendt.' },
      footer(3),
    ]),
  ];
  const r = await importSource('trafik.pdf', makePdf(pages.map((content) => ({ content }))));
  assert.ok(r.ok);
  const text = r.meetings[0]!.text;
  assert.doesNotMatch(text, /Side \d/);
  // The sentence that runs from page 1 onto page 2: one paragraph, as its lines on one page would be.
  assert.match(text, /grundejere og de lokale\nråd, som alle bakkede op/);
  // Page 2 ends its sentence and page 3 begins a new one: the blank line between pages stays.
  assert.match(text, /de næste fire år\.\n\nForvaltningen anbefaler/);
});

// --- Furniture removal: properties ------------------------------------------------------------

const EDGE = 0.25;

/** A document of arbitrary lines, made to collide: few heights, few words, digits that vary. */
const adversarialDoc = fc
  .array(
    fc.array(
      fc.record({
        y: fc.oneof(fc.constantFrom(30, 31, 45, 60, 120, 400, 700, 790, 800, 812), fc.integer({ min: 0, max: 842 })),
        text: fc
          .array(
            fc.oneof(fc.constantFrom('Side', 'Referat', 'Dato:', 'of', 'af', 'Beslutning', 'EMN-2023-0098'), fc.integer({ min: 0, max: 12 }).map(String)),
            { minLength: 1, maxLength: 4 },
          )
          .map((ws) => ws.join(' ')),
      }),
      { maxLength: 10 },
    ),
    { minLength: 1, maxLength: 7 },
  )
  .map((pages): PlacedPage[] => pages.map((lines) => ({ height: 842, lines: lines.slice().sort((a, b) => a.y - b.y) })));

const shape = (text: string): string => text.replace(/\s+/g, ' ').trim().replace(/\d+/g, '#');

test('property: furniture is only ever taken from a page edge, and only what repeats on half the pages', () => {
  fc.assert(
    fc.property(adversarialDoc, (doc) => {
      const marks = findFurniture(doc);
      const minPages = Math.max(2, Math.ceil(doc.length / 2));
      doc.forEach((p, pi) => {
        p.lines.forEach((line, i) => {
          if (!marks[pi]![i]) return;
          const fromTop = line.y <= p.height * EDGE && marks[pi]!.slice(0, i).every(Boolean);
          const fromBottom = line.y >= p.height * (1 - EDGE) && marks[pi]!.slice(i + 1).every(Boolean);
          assert.ok(fromTop || fromBottom, `page ${pi} line ${i} "${line.text}" removed away from the edge`);
          const pagesWithIt = doc.filter((q, qi) => q.lines.some((l, li) => marks[qi]![li] && shape(l.text) === shape(line.text))).length;
          assert.ok(pagesWithIt >= minPages, `"${line.text}" removed though on ${pagesWithIt} pages of ${doc.length}`);
        });
      });
      // A line that does not repeat on another page is never furniture.
      doc.forEach((p, pi) =>
        p.lines.forEach((line, i) => {
          const elsewhere = doc.some((q, qi) => qi !== pi && q.lines.some((l) => shape(l.text) === shape(line.text)));
          if (!elsewhere) assert.equal(marks[pi]![i], false, `unique line "${line.text}" removed`);
        }),
      );
    }),
    { numRuns: 2000, seed: 20251126 },
  );
});

/** Headers and footers as the three systems print them, with the page number where they have one. */
const FURNITURE_KINDS: ((page: number, pages: number) => string)[] = [
  () => 'Sundheds- og Forebyggelsesudvalget',
  () => 'Dato: 04.12.2012',
  (p) => `Side ${p}`,
  (p, n) => `${p} of ${n}`,
  (p, n) => `Side ${p} af ${n}`,
  (p) => `Referat For Udvalget for plan, udvikling og kultur (PUK) Side ${p - 1}`,
];

const letters = (n: number): string => n.toString(26).replace(/./g, (c) => String.fromCharCode(97 + parseInt(c, 26)));

test('property: with running headers and footers on every page, no word of the body is ever dropped and every header goes', () => {
  const doc = fc.record({
    pages: fc.integer({ min: 2, max: 9 }),
    header: fc.uniqueArray(fc.integer({ min: 0, max: FURNITURE_KINDS.length - 1 }), { maxLength: 3 }),
    footer: fc.uniqueArray(fc.integer({ min: 0, max: FURNITURE_KINDS.length - 1 }), { maxLength: 2 }),
    coverHasHeader: fc.boolean(),
    // Within the 3 pt that counts as one height.
    jitter: fc.array(fc.integer({ min: -1, max: 1 }), { minLength: 9, maxLength: 9 }),
    body: fc.array(
      fc.array(fc.record({ y: fc.integer({ min: 110, max: 730 }), numbers: fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 3 }) }), { maxLength: 25 }),
      { minLength: 9, maxLength: 9 },
    ),
  });
  fc.assert(
    fc.property(doc, (d) => {
      const pages: PlacedPage[] = [];
      const expectedFurniture: string[] = [];
      const bodyWords: string[] = [];
      for (let p = 0; p < d.pages; p++) {
        const lines: { y: number; text: string }[] = [];
        const j = d.jitter[p]!;
        // A cover without the header still leaves it on half the pages when there are three or more.
        if (p > 0 || d.coverHasHeader || d.pages === 2) {
          d.header.forEach((k, i) => lines.push({ y: 30 + 15 * i + j, text: FURNITURE_KINDS[k]!(p + 1, d.pages) }));
          d.footer.forEach((k, i) => lines.push({ y: 790 + 15 * i + j, text: FURNITURE_KINDS[k]!(p + 1, d.pages) }));
          expectedFurniture.push(...lines.map((l) => l.text));
        }
        d.body[p]!.forEach((b, i) => {
          // Letters only: a word with digits in it could track the page number like `Side 3`.
          const word = `ord${letters(p)}x${letters(i)}`;
          bodyWords.push(word);
          lines.push({ y: b.y, text: [word, ...b.numbers.map(String)].join(' ') });
        });
        pages.push({ height: 842, lines: lines.sort((a, b) => a.y - b.y) });
      }
      const marks = findFurniture(pages);
      const kept = pages.flatMap((p, pi) => p.lines.filter((_, i) => !marks[pi]![i]).map((l) => l.text)).join(' ');
      const removed = pages.flatMap((p, pi) => p.lines.filter((_, i) => marks[pi]![i]).map((l) => l.text));
      for (const w of bodyWords) assert.ok(kept.split(' ').includes(w), `body word ${w} dropped`);
      assert.deepEqual(removed.slice().sort(), expectedFurniture.slice().sort());
    }),
    { numRuns: 1500, seed: 4 },
  );
});

test('a two-page PDF: what was taken for its running header is named in a note; with more pages, where evidence is firm, nothing is said', async () => {
  const header = { x: 72, y: 805, text: 'Lemvig Kommune' };
  const first = textContent([
    header,
    { x: 72, y: 700, text: 'REFERAT Direktionen d. 07-12-2023' },
    { x: 72, y: 680, text: 'Mødedato Torsdag d. 07. december 2023 kl. 09:00' },
    { x: 72, y: 660, text: 'Mødested Rådhuset' },
    { x: 72, y: 620, text: 'Punkt 1: Sag' },
    { x: 72, y: 600, text: 'Beslutning' },
    { x: 72, y: 580, text: 'Godkendt.' },
  ]);
  const next = (n: number) =>
    textContent([header, { x: 72, y: 700, text: `Punkt ${n}: Sag ${n}` }, { x: 72, y: 680, text: 'Beslutning' }, { x: 72, y: 660, text: 'Godkendt.' }]);
  const two = await importSource('to.pdf', makePdf([{ content: first }, { content: next(2) }]));
  assert.ok(two.ok);
  assert.doesNotMatch(two.meetings[0]!.text, /Lemvig Kommune/);
  assert.deepEqual(
    two.notes.map((n) => n.da),
    [
      'Taget for sidehoved eller sidefod og udeladt, da de står ens øverst eller nederst på begge sider: «Lemvig Kommune». Hører noget af det til referatet, så skriv det ind igen.',
    ],
  );
  const three = await importSource('tre.pdf', makePdf([{ content: first }, { content: next(2) }, { content: next(3) }]));
  assert.ok(three.ok);
  assert.doesNotMatch(three.meetings[0]!.text, /Lemvig Kommune/);
  assert.deepEqual(three.notes, []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { importSource, type ImportResult } from '../../server/src/import/index';
import { pagesToText, readPdf, type PageRuns } from '../../server/src/import/pdf';
import { pageRanges, scannedPagesNote } from '../../server/src/import/pdf/messages';
import { getOrganizedPdf, makePdf, scannedPage, sourcesDir, textContent } from '../pdfFixtures';
import { scratchDir } from '../helpers';

/*
 * Import keeps every word or says what it lost: a PDF that pdf.js reads only in part is imported
 * with one line naming the pages that lost text, or refused; what it should hold is what
 * `pdftotext` (poppler, in the tests only) reads of the same damaged bytes.
 */

const PDFTOTEXT = '/usr/bin/pdftotext';
const noPoppler = existsSync(PDFTOTEXT) ? false : `${PDFTOTEXT} is missing (Debian package poppler-utils)`;

const words = (text: string): Set<string> => new Set(text.match(/[\p{L}\p{N}]{2,}/gu) ?? []);

const scratch = scratchDir('referat-damage-');
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

/** What poppler reads of the bytes: the words the pages should hold. */
function popplerWords(bytes: Uint8Array): Set<string> {
  const file = join(scratch, 'damaged.pdf');
  writeFileSync(file, bytes);
  try {
    return words(execFileSync(PDFTOTEXT, ['-layout', file, '-'], { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 }).toString('utf8'));
  } catch {
    return new Set();
  }
}

/** Where each `stream` keyword's data starts, in the file's own bytes. */
function streamStarts(bytes: Uint8Array): number[] {
  const latin1 = Buffer.from(bytes).toString('latin1');
  return [...latin1.matchAll(/stream\r?\n/g)].map((m) => m.index + m[0].length);
}

/** Deterministic damage: four kinds, each at places a seeded generator picks. */
function damage(source: Uint8Array, i: number): { kind: string; bytes: Uint8Array } {
  let seed = 20 + i * 7919;
  const random = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const b = Buffer.from(source);
  switch (i % 4) {
    case 0: {
      // Bytes flipped in the middle of one stream: a content stream, a font or a picture.
      const starts = streamStarts(b);
      const at = starts[Math.floor(random() * starts.length)]! + 40;
      for (let k = 0; k < 8; k++) b[at + k] = (b[at + k] ?? 0) ^ 0x5a;
      return { kind: 'stream bytes flipped', bytes: b };
    }
    case 1:
      for (let k = 0; k < 50; k++) b[Math.floor(random() * b.length)] = Math.floor(random() * 256);
      return { kind: '50 random bytes', bytes: b };
    case 2: {
      const at = Math.floor(random() * b.length);
      for (let k = at; k < Math.min(b.length, at + 2000); k++) b[k] = Math.floor(random() * 256);
      return { kind: '2,000 bytes overwritten', bytes: b };
    }
    default: {
      // The cross-reference table broken: its offsets shifted.
      const xref = b.lastIndexOf('xref');
      if (xref > 0) for (let k = xref + 30; k < Math.min(b.length, xref + 400); k += 20) b[k] = 0x39;
      return { kind: 'xref broken', bytes: b };
    }
  }
}

/** Words kept, as a share of poppler's. */
function kept(r: ImportResult, expected: Set<string>): number {
  if (!r.ok || expected.size === 0) return 1;
  const got = words(r.meetings.map((m) => m.text).join('\n'));
  return [...expected].filter((w) => got.has(w)).length / expected.size;
}

const DAMAGED_NOTE = /damaged: text on pages? [\d–, ]+(?: and \d+ more pages)? could not be read in full/;
/** Below this share of poppler's words an import must say which pages lost text. */
const SILENT_LOSS = 0.9;

test(
  'damaged copies of real PDFs: each is refused as damaged, or imported with what poppler reads, or with a line naming the pages that lost text',
  { skip: noPoppler },
  async (t) => {
    const sources = [
      'ballerup-sundheds-og-forebyggelsesudvalget-2012-12-04.pdf',
      'syddjurs-udvalget-for-plan-udvikling-og-kultur-2013-06-20.pdf',
      'aarhus-byraadet-2025-08-27.pdf',
    ];
    const outcomes: string[] = [];
    for (let i = 0; i < 30; i++) {
      const name = sources[i % 12 === 2 ? 2 : i % 2]!;
      const { kind, bytes } = damage(readFileSync(join(sourcesDir, name)), i);
      const expected = popplerWords(bytes);
      const r = await importSource(name, bytes, { pdfTimeoutMs: 30_000 });
      const share = kept(r, expected);
      const notes = r.ok ? r.notes.map((n) => n.en) : [];
      outcomes.push(
        `${i} ${name.slice(0, 8)} ${kind}: ${r.ok ? `ok, ${(share * 100).toFixed(0)}% of poppler's words${notes.length ? `; ${notes.join(' ')}` : ''}` : `${r.problem}: ${r.message.en}`}`,
      );
      if (!r.ok) {
        assert.ok(['corrupt', 'not-pdf'].includes(r.problem), `${kind}: ${r.problem}`);
        assert.doesNotMatch(r.message.en, /scanned/);
        assert.doesNotMatch(r.message.en, /\n/);
      } else if (share < SILENT_LOSS) {
        assert.ok(
          notes.some((n) => DAMAGED_NOTE.test(n)),
          `${name}, ${kind}: ${(share * 100).toFixed(0)}% of poppler's ${expected.size} words kept, and not a word said: ${JSON.stringify(notes)}`,
        );
      }
      for (const n of notes) assert.doesNotMatch(n, /\n/);
    }
    t.diagnostic(outcomes.join('\n'));
  },
);

/** A one-font PDF whose page 2's content stream is compressed: `packed`, in place of a placeholder. */
function pdfWithPackedPage2(packed: Buffer): Uint8Array {
  const good = textContent([{ x: 72, y: 760, text: 'Punkt 1: Budget' }]);
  const pdf = Buffer.from(makePdf([{ content: good }, { content: 'PAGE2' }])).toString('latin1');
  return new Uint8Array(
    Buffer.from(
      pdf.replace(
        '<< /Length 5 >>\nstream\nPAGE2\nendstream',
        `<< /Length ${packed.length} /Filter /FlateDecode >>\nstream\n${packed.toString('latin1')}\nendstream`,
      ),
      'latin1',
    ),
  );
}

test('a content stream that unpacks to gigabytes (a few hundred kilobytes of file) is given up at the limit, its page named as damaged', async () => {
  // 160 MB of spaces and then text, over the limit of 128 MB: deflated to some 160 KB (a 4 MB file unpacked to 4 GB took 10 GB of memory).
  const spaces = Buffer.alloc(160 * 1024 * 1024, 0x20);
  const packed = deflateSync(Buffer.concat([spaces, Buffer.from(textContent([{ x: 72, y: 740, text: 'Punkt 2: Regnskab' }]), 'latin1')]), { level: 9 });
  const r = await importSource('bombe.pdf', pdfWithPackedPage2(packed));
  if (!r.ok) assert.fail(`${r.problem}: ${r.message.en}`);
  assert.match(r.meetings[0]!.text, /Punkt 1: Budget/);
  assert.doesNotMatch(r.meetings[0]!.text, /Regnskab/);
  assert.deepEqual(
    r.notes.map((n) => n.en),
    ['The PDF file is damaged: text on page 2 could not be read in full. Compare with the original, or download the file again.'],
  );
});

/** A one-font PDF whose page 2 has its content stream compressed and then damaged (offsets after it are off: pdf.js mends them). */
function pdfWithDamagedStream(): Uint8Array {
  const content = textContent([
    { x: 72, y: 760, text: 'Punkt 2: Regnskab' },
    { x: 72, y: 740, text: 'Tekst der skal med' },
  ]);
  const packed = deflateSync(Buffer.from(content, 'latin1'));
  packed.fill(0x41, 10, 30);
  return pdfWithPackedPage2(packed);
}

test('a page whose compressed content stream is damaged is named as damaged (not as scanned), and the other pages are imported', async () => {
  const r = await importSource('skadet.pdf', pdfWithDamagedStream());
  if (!r.ok) assert.fail(`${r.problem}: ${r.message.en}`);
  assert.match(r.meetings[0]!.text, /Punkt 1: Budget/);
  assert.deepEqual(
    r.notes.map((n) => n.en),
    ['The PDF file is damaged: text on page 2 could not be read in full. Compare with the original, or download the file again.'],
  );
  assert.match(r.notes[0]!.da, /^PDF-filen er beskadiget: tekst på side 2 kunne ikke læses helt/);
});

test('a PDF with 15,547 NUL bytes after %%EOF (GetOrganized, Aarhus) imports, not refused as cut off', async () => {
  const bytes = readFileSync(getOrganizedPdf);
  assert.equal(
    bytes.subarray(bytes.length - 15_547).every((b) => b === 0),
    true,
  );
  const r = await importSource('referat.pdf', bytes);
  if (!r.ok) assert.fail(`${r.problem}: ${r.message.en} (${r.detail ?? ''})`);
  assert.deepEqual(r.notes, []);
  assert.match(r.meetings[0]!.text, /Referat:/);
  // Padding after any PDF is no damage; a PDF cut off before its end still is.
  const padded = Buffer.concat([Buffer.from(makePdf([{ content: textContent([{ x: 72, y: 760, text: 'Referat' }]) }])), Buffer.alloc(20_000)]);
  assert.ok((await readPdf(padded)).ok);
  assert.equal((await importSource('afbrudt.pdf', bytes.subarray(0, bytes.length - 15_547 - 200))).ok, false);
});

test('words the GetOrganized PDF holds are all imported (poppler for reference)', { skip: noPoppler }, async () => {
  const bytes = readFileSync(getOrganizedPdf);
  const r = await importSource('referat.pdf', bytes);
  assert.ok(r.ok);
  assert.ok(kept(r, popplerWords(bytes)) >= 0.98);
});

test('a PDF of blank pages says it has no text, its pages are blank: not that it holds only images', async () => {
  const blank = { content: '' };
  const r = await importSource('tom.pdf', makePdf([blank, blank, blank]));
  assert.ok(!r.ok && r.problem === 'blank', JSON.stringify(r));
  assert.doesNotMatch(r.message.en, /image|scan/i);
  assert.match(r.message.en, /no text: its pages are blank/);
  assert.match(r.message.da, /ingen tekst: dens sider er tomme/);
  // Pictures only is still a scan.
  const scan = await importSource('scan.pdf', makePdf([scannedPage, blank]));
  assert.ok(!scan.ok && scan.problem === 'no-text');
  // A blank page among text pages loses nothing, so is not mentioned; a scanned one is.
  const mixed = await importSource('blandet.pdf', makePdf([{ content: textContent([{ x: 72, y: 760, text: 'Referat' }]) }, blank, scannedPage]));
  assert.ok(mixed.ok);
  assert.deepEqual(
    mixed.notes.map((n) => n.en),
    ['Page 3 has no text, only images (perhaps scanned); what is written on them needs text recognition (OCR).'],
  );
});

test('4,999 textless pages are one short line: page ranges, not a list of every page', () => {
  const textless = Array.from({ length: 4999 }, (_, i) => i + 1);
  const note = scannedPagesNote(textless);
  assert.equal(note.en, 'Pages 1–4999 have no text, only images (perhaps scanned); what is written on them needs text recognition (OCR).');
  assert.match(note.da, /^Siderne 1–4999 har ingen tekst/);
  // Every other page: eight runs named, the rest counted.
  const odd = Array.from({ length: 2500 }, (_, i) => 2 * i + 1);
  const en = scannedPagesNote(odd).en;
  assert.ok(en.length < 200, en);
  assert.match(en, /^Pages 1, 3, 5, 7, 9, 11, 13, 15 and 2492 more pages have no text/);
  assert.equal(pageRanges([4, 1, 2, 3, 7, 9, 10]), '1–4, 7, 9–10');
  // Through the reader: 4,999 pictures and one page of text.
  const runs: PageRuns[] = Array.from({ length: 5000 }, (_, i) =>
    i === 4999
      ? { width: 595, height: 842, runs: [{ text: 'Referat', x: 72, y: 80, width: 40, size: 11, seq: 0 }] }
      : { width: 595, height: 842, runs: [], pictures: true },
  );
  const r = pagesToText(runs);
  assert.ok(r.ok);
  assert.deepEqual(r.scannedPages, textless);
});

test('a page or an XML file nested tens of thousands of elements deep is refused in one line, not parsed in quadratic time', async () => {
  const page = readFileSync(join(sourcesDir, 'aarhus-teknisk-udvalg-2025-10-01.html'), 'utf8');
  const body = page.indexOf('>', page.indexOf('<body')) + 1;
  const deepPage = `${page.slice(0, body)}${'<div>'.repeat(60_000)}x${'</div>'.repeat(60_000)}${page.slice(body)}`;
  const xml = readFileSync(join(sourcesDir, 'ballerup-kmb-it-udvalget-dagsorden-2013-05-15.xml'), 'utf8');
  const root = xml.indexOf('>', xml.indexOf('<', xml.indexOf('?>') + 2)) + 1;
  const deepXml = `${xml.slice(0, root)}${'<a>'.repeat(60_000)}${'</a>'.repeat(60_000)}${xml.slice(root)}`;
  for (const [name, text] of [
    ['dyb.html', deepPage],
    ['dyb.xml', deepXml],
  ] as const) {
    const r = await importSource(name, new Uint8Array(Buffer.from(text)));
    assert.equal(r.ok, false, name);
    if (r.ok) continue;
    assert.equal(r.problem, 'malformed', name);
    assert.match(r.detail ?? '', /nested more than 25000 deep/, name);
  }
  // The same files as published import.
  assert.equal((await importSource('side.html', new Uint8Array(Buffer.from(page)))).ok, true);
  assert.equal((await importSource('eksport.xml', new Uint8Array(Buffer.from(xml)))).ok, true);
});

test('an XML export cut off midway imports what it holds, with a note that it is cut off; the whole file has none', async () => {
  const xml = readFileSync(join(sourcesDir, 'ballerup-kmb-it-udvalget-dagsorden-2013-05-15.xml'), 'utf8');
  const whole = await importSource('eksport.xml', new Uint8Array(Buffer.from(xml)));
  if (!whole.ok) assert.fail(whole.problem);
  assert.deepEqual(whole.notes, []);
  const cut = await importSource('eksport.xml', new Uint8Array(Buffer.from(xml.slice(0, Math.floor(xml.length / 2)))));
  if (!cut.ok) assert.fail(cut.problem);
  assert.deepEqual(
    cut.notes.map((n) => n.en),
    ['The XML file ends before its elements are closed: it is cut off, and items may be missing. Export it again.'],
  );
});

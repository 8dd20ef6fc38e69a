import { test } from 'node:test';
import { untakenName } from '../../server/src/protocol';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { checkReferat, parseReferat } from '../../server/src/core';
import { documentSymbols } from '../../server/src/features/symbols';
import { htmlToLines } from '../../server/src/import/html';
import { importSource, type ImportResult } from '../../server/src/import/index';
import { cleanGlyphs, pagesToText, type PageRuns, type TextRun } from '../../server/src/import/pdf';
import { meetingFileName } from '../../server/src/import/write';
import { cMapReader, defaultCMapDir } from '../../server/src/node/importer';
import { referenceDir, sourcesDir } from '../pdfFixtures';

/*
 * Each reader of `referat import` on the published sources (test/fixtures/sources): one referat per
 * meeting, in the source's dialect, every punkt in its outline, zero findings, and the words of the
 * reference kept (the PDF and HTML texts in test/fixtures/external; the JSON's and XML's own fields).
 */

interface Source {
  readonly file: string;
  readonly dialect: string;
  readonly document: 'referat' | 'dagsorden';
  readonly punkter: number;
  readonly fileName: string;
}

const SOURCES: readonly Source[] = [
  { file: 'aarhus-byraadet-2025-08-27.pdf', dialect: 'first-agenda-pdf', document: 'referat', punkter: 21, fileName: 'aarhus-byraad-2025-08-27.referat' },
  {
    file: 'aarhus-teknisk-udvalg-2025-10-01.html',
    dialect: 'first-agenda-page',
    document: 'referat',
    punkter: 6,
    fileName: 'teknisk-udvalg-2025-10-01.referat',
  },
  {
    file: 'aarhus-byraadet-dagsorden-2025-10-08.html',
    dialect: 'first-agenda-page',
    document: 'dagsorden',
    punkter: 33,
    fileName: 'aarhus-byraad-dagsorden-2025-10-08.referat',
  },
  { file: 'greve-byraadet-2024-10-02.json', dialect: 'greve', document: 'referat', punkter: 15, fileName: 'byraad-2022-2025-2024-10-02.referat' },
  {
    file: 'greve-klima-teknik-og-miljoeudvalget-2024-09-05.json',
    dialect: 'greve',
    document: 'referat',
    punkter: 12,
    fileName: 'klima-teknik-og-miljoeudvalget-2024-09-05.referat',
  },
  {
    file: 'greve-beskaeftigelses-og-erhvervsudvalget-2024-11-18.json',
    dialect: 'greve',
    document: 'referat',
    punkter: 13,
    fileName: 'beskaeftigelses-og-erhvervsudvalget-2024-11-18.referat',
  },
  {
    file: 'ballerup-sundheds-og-forebyggelsesudvalget-2012-12-04.pdf',
    dialect: 'edoc',
    document: 'referat',
    punkter: 8,
    fileName: 'sundheds-og-forebyggelsesudvalget-2012-12-04.referat',
  },
  {
    file: 'ballerup-kmb-it-udvalget-dagsorden-2013-05-15.xml',
    dialect: 'sbsys-edagsorden',
    document: 'dagsorden',
    punkter: 5,
    fileName: 'kmb-it-udvalget-dagsorden-2013-05-15.referat',
  },
  {
    file: 'syddjurs-udvalget-for-plan-udvikling-og-kultur-2013-06-20.pdf',
    dialect: 'acadre',
    document: 'referat',
    punkter: 1,
    fileName: 'udvalget-for-plan-udvikling-og-kultur-puk-2013-06-20.referat',
  },
];

const results = new Map<string, Promise<ImportResult>>();
function imported(file: string): Promise<ImportResult> {
  let r = results.get(file);
  if (!r) results.set(file, (r = importSource(file, readFileSync(join(sourcesDir, file)), { cMap: cMapReader(defaultCMapDir()) })));
  return r;
}
async function textOf(file: string): Promise<string> {
  const r = await imported(file);
  if (!r.ok) assert.fail(`${file}: ${r.problem} ${r.detail ?? ''}`);
  assert.equal(r.meetings.length, 1);
  return r.meetings[0]!.text;
}

const words = (text: string): Set<string> => new Set(text.match(/[\p{L}\p{N}]+/gu) ?? []);
/** HTML's text for the reference: inline tags join their words, block tags part them. */
const htmlWords = (html: string): string =>
  html
    .replace(/<\/?(?:p|div|br|li|ul|ol|h\d|tr|td|th|table|span class=['"]?ukendt['"]?)\b[^>]*>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(
      /&([a-z]+|#\d+);/gi,
      (m, e: string) => ({ aring: 'å', oslash: 'ø', aelig: 'æ', Aring: 'Å', Oslash: 'Ø', AElig: 'Æ', amp: '&', quot: '"', '#39': "'" })[e] ?? m,
    );

/** The reference text: what a person reads in the source (text/ for PDF and HTML, the items' own fields for JSON and XML). */
function reference(file: string): string {
  if (file.endsWith('.pdf') || file.endsWith('.html')) return readFileSync(join(referenceDir, file.replace(/\.\w+$/, '.txt')), 'utf8');
  const source = readFileSync(join(sourcesDir, file), 'utf8');
  if (file.endsWith('.json')) {
    const data = JSON.parse(source) as { Dagsordenpunkter: { Caption: string; CaseNumber: string | null; Felter: { Html: string | null }[] }[] };
    return data.Dagsordenpunkter.map((p) => [p.Caption, p.CaseNumber ?? '', ...p.Felter.map((f) => htmlWords(f.Html ?? ''))].join('\n')).join('\n');
  }
  // The XML: each item's caption, case number and fields (their HTML escaped inside the XML).
  const items = source.split('<Item ID=').slice(1);
  return items
    .map((item) => {
      const caption = /<Caption><!\[CDATA\[(.*?)\]\]><\/Caption>/.exec(item)?.[1] ?? '';
      const caseNumber = /<Case[^>]*>\s*<Number>(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?<\/Number>/.exec(item)?.[1] ?? '';
      const fields = [...item.matchAll(/<Content>(?:<!\[CDATA\[)?([\s\S]*?)(?:\]\]>)?<\/Content>/g)].map((m) =>
        htmlWords(m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')),
      );
      const captions = [...item.matchAll(/<ItemField[\s\S]*?<Caption>(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?<\/Caption>/g)].map((m) => m[1]!);
      return [caption, caseNumber, ...captions, ...fields].join('\n');
    })
    .join('\n');
}

for (const s of SOURCES) {
  test(`${s.file}: one ${s.document} in the ${s.dialect} dialect, ${s.punkter} punkter in its outline, named ${s.fileName}`, async () => {
    const r = await imported(s.file);
    if (!r.ok) assert.fail(`${r.problem}: ${r.detail ?? ''}`);
    const m = r.meetings[0]!;
    assert.equal(m.dialect, s.dialect);
    assert.equal(m.document, s.document);
    assert.equal(m.fileName, s.fileName);
    assert.equal(m.punkter, s.punkter);
    const referat = parseReferat(m.text);
    assert.equal(referat.dialect.id, s.dialect);
    assert.equal(referat.kind, s.document);
    const outline = documentSymbols(referat).filter((x) => x.name.startsWith('Punkt '));
    assert.equal(outline.length, s.punkter);
  });

  test(`${s.file}: the import checks with zero errors and zero warnings`, async () => {
    const text = await textOf(s.file);
    const findings = checkReferat(parseReferat(text), { locale: 'en' }).map((d) => `${d.range.start.line + 1} ${d.code}: ${d.message}`);
    assert.deepEqual(findings, []);
  });

  test(`${s.file}: at least 98% of the reference's distinct words are kept`, async (t) => {
    const expected = words(reference(s.file));
    const got = words(await textOf(s.file));
    const missing = [...expected].filter((w) => !got.has(w));
    const share = (expected.size - missing.length) / expected.size;
    t.diagnostic(
      `${s.file}: ${expected.size - missing.length}/${expected.size} distinct words (${(share * 100).toFixed(2)}%), missing: ${missing.join(' ') || 'none'}`,
    );
    assert.ok(share >= 0.98, `only ${(share * 100).toFixed(1)}%; missing: ${missing.slice(0, 30).join(' ')}`);
  });
}

test('PDF: the page furniture is gone, the bullets are "- ", the two-column member list is read by column, a wrapped title is joined', async () => {
  const ballerup = await textOf('ballerup-sundheds-og-forebyggelsesudvalget-2012-12-04.pdf');
  assert.doesNotMatch(ballerup, /^\s*(?:Side \d+|Dato: 04\.12\.2012)\s*$/m);
  assert.match(ballerup, /^6\. +Prioritering af midler til kronisk syge borgere og hverdagsrehabilitering for ældre$/m);
  const syddjurs = await textOf('syddjurs-udvalget-for-plan-udvikling-og-kultur-2013-06-20.pdf');
  assert.doesNotMatch(syddjurs, /\d of 5|\uF0B7/);
  assert.match(syddjurs, /^\s*- Hvad vil du gerne have opnået i 2017\?$/m);
  assert.match(syddjurs, /Jesper Mathiesen \(A\)\n\s*Ole Bollesen \(A\)\n\s*Niels Viderø \(A\)\n\s*Ole Bjerregaard \(V\)\n\s*Steen Fris \(C\)/);
  const aarhus = await textOf('aarhus-byraadet-2025-08-27.pdf');
  assert.match(aarhus, /^Mødedato {2,}Onsdag d\. 27\. august 2025 kl\. 16:00$/m);
  assert.match(aarhus, /^Punkt 2: Svar på forslag fra DD om principbeslutning om at sikre Havnens Perles fremtid på Aarhus Ø$/m);
  assert.match(aarhus, /^Punkt 7: Afrapportering på klimaregnskab samt orientering om ny 2030-fremskrivning$/m);
  assert.match(aarhus, /^Punkt 21: Lukket: Køb af landbrugsejendom$/m);
  assert.ok(parseReferat(aarhus).punkter[20]!.closed);
});

test('First Agenda page: the header from its fields, the number above the title, the attachments by name, no buttons or menus', async () => {
  const text = await textOf('aarhus-teknisk-udvalg-2025-10-01.html');
  assert.equal(
    text.split('\n').slice(0, 7).join('\n'),
    'Referat 1. oktober 2025 kl. 15.45\n\nTeknisk Udvalg - Udvalgsværelse 398\nUdvalg:\tTeknisk Udvalg\nMødedato:\tonsdag den 1. oktober 2025 kl. 15.45\nMødested:\tUdvalgsværelse 398\nMødedeltagere:',
  );
  assert.match(
    text,
    /\n1\n\nReferat fra sidste udvalgsmøde\nEMN-2025-010561\n\nBeslutninger\nIngen bemærkninger\.\n\nBilag\n- Referat fra møde den 22\. september 2025\n/,
  );
  assert.doesNotMatch(text, /Hent som PDF|Kopier link|Tilbage til forsiden|Tip en ven|<|&[a-z]+;/);
});

test('Greve JSON: the header written from the meeting, closed only by the title, the signature sheet without a decision, attachments with their address', async () => {
  const text = await textOf('greve-byraadet-2024-10-02.json');
  assert.equal(
    text.split('\n').slice(0, 7).join('\n'),
    'REFERAT Byråd 2022-2025 d. 02-10-2024\n\nMødedato   Onsdag d. 2. oktober 2024 kl. 19:00\n\nMødested   Byrådssalen\n\nMødedeltagere   Bjarke Abel, John T. Olsen, Hans-Jørgen Kirstein, Claus Dyremose, Charlotte Levin, Lone Mortensen, Mehmet Zeki Dogru, Per Lund Sørensen, Marc Genning, Simon Østergaard, Torben Hoffmann, Claus Jensen, Ronni Mark Nielsen, Pernille Beckmann, Tina Rottbøll, Maria Witthøft, Linda Heegaard, Brigitte Klintskov Jerkel, Liselott Blixt, Anne Marie Lyduch',
  );
  assert.match(text, /^Afbud {3}Kenneth Jerkel$/m);
  const r = parseReferat(text);
  // IsOpen is false on every item; only the two `Lukket:` titles are closed.
  assert.deepEqual(
    r.punkter.filter((p) => p.closed).map((p) => p.number),
    [2, 3],
  );
  const sheet = r.punkter[14]!;
  assert.equal(sheet.title, 'Underskriftsark');
  // Its decision, where it has one, is only who sent apologies.
  for (const d of sheet.sections.filter((s) => s.kind === 'beslutning'))
    assert.deepEqual(
      d.body.map((l) => l.text).filter((t) => t.trim() !== ''),
      ['Afbud: Kenneth Jerkel'],
    );
  assert.match(
    text,
    /^Bilag\n- Bilag 1\. Miljøminister og minister for ligestilling Magnus Heunickes svar på din henvendelse af 9\. september 2024 \(https:\/\/dagsordener\.greve\.dk\/vis\/pdf\/bilag\/4d20c7a6-be99-48d2-bce8-92aa506db723\)$/m,
  );
  assert.doesNotMatch(text, /<[a-z/]|&[a-z]+;/);
  // Tables: a row a line, cells by a tab.
  assert.match(text, /^Serviceudgifter \(mio\. kr\.\)\tOprindelig Serviceramme\tKorrigeret Serviceramme\tForventet regnskab\tAfvigelse\tAfvigelse \(%\)$/m);
});

test('SBSYS XML: the header from the meeting, no case numbers and not faulted for it, the empty decision field the publication shows, attachments by name', async () => {
  const text = await textOf('ballerup-kmb-it-udvalget-dagsorden-2013-05-15.xml');
  assert.equal(
    text.split('\n').slice(0, 5).join('\n'),
    'Dagsorden\n\nKMB IT-udvalget\nonsdag den 15. maj 2013, kl. 16:30\ni Mødecenter A, Lokale 3 på Ballerup Rådhus',
  );
  const r = parseReferat(text);
  assert.deepEqual(
    r.punkter.map((p) => p.journal),
    [undefined, undefined, undefined, undefined, undefined],
  );
  assert.match(text, /^Indstilling\nCenter for IT og Digitalisering indstiller, at\nA\. Gennemførelse af pilottest/m);
  assert.match(text, /^Bilag\n- Brev fra KL til Kommunalbestyrelsen vedr Monopolbrud$/m);
  assert.doesNotMatch(text, /<[a-z/]|&[a-z]+;|CDATA/);
});

test('SBSYS XML in UTF-16 (with its byte order mark, or without, either order), and in UTF-8 declared as ISO-8859-1, reads as the UTF-8 file does', async () => {
  const bytes = readFileSync(join(sourcesDir, 'ballerup-kmb-it-udvalget-dagsorden-2013-05-15.xml'));
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const expected = await textOf('ballerup-kmb-it-udvalget-dagsorden-2013-05-15.xml');
  const little = Buffer.from(text.replace(/encoding="[^"]*"/i, 'encoding="UTF-16"'), 'utf16le');
  const big = Buffer.from(little).swap16();
  const mislabelled = Buffer.from(text.replace(/<\?xml[^>]*\?>/, '<?xml version="1.0" encoding="iso-8859-1"?>'), 'utf8');
  assert.match(mislabelled.toString('latin1'), /encoding="iso-8859-1"/);
  for (const [what, variant] of [
    ['UTF-16LE with its mark', Buffer.concat([Buffer.from([0xff, 0xfe]), little])],
    ['UTF-16BE with its mark', Buffer.concat([Buffer.from([0xfe, 0xff]), big])],
    ['UTF-16LE without a mark', little],
    ['UTF-8 declared as ISO-8859-1', mislabelled],
  ] as const) {
    const r = await importSource('dagsorden.xml', new Uint8Array(variant));
    if (!r.ok) assert.fail(`${what}: ${r.problem}: ${r.message.en}`);
    assert.equal(r.meetings[0]!.text, expected, what);
  }
});

// --- Bad input, in process: a typed problem with a message in both languages, never a throw ------

async function problemOf(name: string, bytes: Uint8Array | string): Promise<string> {
  const r = await importSource(name, typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes);
  if (r.ok) return 'ok';
  assert.ok(r.message.da.length > 0 && r.message.en.length > 0 && r.message.da !== r.message.en);
  assert.doesNotMatch(r.message.en, /\n/);
  return r.problem;
}

test('bad input: empty, not minutes, malformed and unknown files each say what is wrong', async () => {
  assert.equal(await problemOf('tom.pdf', new Uint8Array(0)), 'empty');
  assert.equal(await problemOf('tom.html', '  \n'), 'empty');
  assert.equal(await problemOf('side.html', '<!doctype html><html><body><h1>Velkommen</h1><p>Ingen møder i dag.</p></body></html>'), 'no-minutes');
  assert.equal(await problemOf('data.json', '{"Udvalg": {"Navn": "Byrådet"}}'), 'no-minutes');
  assert.equal(await problemOf('data.json', '{"Dagsordenpunkter": []}'), 'no-minutes');
  assert.equal(await problemOf('data.json', '{"Dagsordenpunkter": [{"Caption": "'), 'malformed');
  assert.equal(await problemOf('data.xml', '<?xml version="1.0"?><Feed><Item/></Feed>'), 'no-minutes');
  assert.equal(await problemOf('data.xml', '<?xml version="1.0"?><Publication><Agendas><Agenda/></Agendas></Publication>'), 'no-minutes');
  assert.equal(await problemOf('referat.docx', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])), 'unsupported');
  assert.equal(await problemOf('noter.txt', 'Bare nogle noter'), 'unsupported');
  const pdf = readFileSync(join(sourcesDir, 'ballerup-sundheds-og-forebyggelsesudvalget-2012-12-04.pdf'));
  assert.equal(await problemOf('afbrudt.pdf', pdf.subarray(0, pdf.length >> 1)), 'corrupt');
  assert.equal(await problemOf('side.pdf', '<!doctype html><html><body>Not found</body></html>'), 'no-minutes');
});

test('every source named by body and date, Danish letters spelled out, an agenda marked as such', () => {
  assert.equal(meetingFileName('Aarhus Byråd', '2025-08-27', 'referat', 'x'), 'aarhus-byraad-2025-08-27.referat');
  assert.equal(meetingFileName('Beskæftigelses- og Erhvervsudvalget', '2024-11-18', 'referat', 'x'), 'beskaeftigelses-og-erhvervsudvalget-2024-11-18.referat');
  assert.equal(meetingFileName('Økonomiudvalget', '2024-01-03', 'dagsorden', 'x'), 'oekonomiudvalget-dagsorden-2024-01-03.referat');
  assert.equal(meetingFileName('', undefined, 'referat', 'Mødet i går'), 'moedet-i-gaar.referat');
});

// --- Text cleaning never drops a word that is not furniture: properties ------------------------

const word = fc.stringMatching(/^[a-zæøåA-ZÆØÅ0-9]{1,8}$/);

/** Random HTML as the publications write it: blocks, lists, headings, tables, inline markup, entities. */
type Html = { html: string; words: string[] };
const htmlTree: fc.Arbitrary<Html> = fc.letrec<{ node: Html }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    word.map((w) => ({ html: w, words: [w] })),
    fc.constantFrom('&nbsp;', '<br>', '<br/>', ' ', '\n\t', '&amp;').map((h) => ({ html: h, words: [] })),
    fc
      .tuple(fc.constantFrom('p', 'div', 'span', 'em', 'strong', 'h3', 'h4', 'li', 'section', 'u'), fc.array(tie('node'), { maxLength: 4 }))
      .map(([tag, kids]) => ({ html: `<${tag}>${kids.map((k) => k.html).join(' ')}</${tag}>`, words: kids.flatMap((k) => k.words) })),
    fc
      .tuple(fc.constantFrom('ul', 'ol'), fc.array(tie('node'), { maxLength: 4 }))
      .map(([tag, kids]) => ({ html: `<${tag}>${kids.map((k) => `<li>${k.html}</li>`).join('')}</${tag}>`, words: kids.flatMap((k) => k.words) })),
    fc.array(fc.array(tie('node'), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }).map((rows) => ({
      html: `<table>${rows.map((r) => `<tr>${r.map((c) => `<td>${c.html}</td>`).join('')}</tr>`).join('')}</table>`,
      words: rows.flatMap((r) => r.flatMap((c) => c.words)),
    })),
  ),
})).node;

test('property: laying out HTML keeps every word of its text, with no markup or entity left over', () => {
  fc.assert(
    fc.property(htmlTree, ({ html, words: ws }) => {
      const text = htmlToLines(html).join('\n');
      const tokens = new Set(text.split(/[\s\t]+|(?<=^[-\d]+\.?) /));
      for (const w of ws) assert.ok(tokens.has(w) || text.split(/\s+/).includes(w), `"${w}" dropped from ${html} → ${JSON.stringify(text)}`);
      assert.doesNotMatch(text, /<|&(?:nbsp|amp);/);
    }),
    { numRuns: 1500, seed: 13 },
  );
});

test('property: glyph cleaning never drops or changes a word of letters and digits', () => {
  const line = fc
    .array(fc.oneof(word, fc.constantFrom('\uF0B7', '•', '\u00A0', '\u200B', '  ', ' ', '\u00AD', '-', '✓')), { maxLength: 12 })
    .map((parts) => parts.join(' '));
  fc.assert(
    fc.property(line, (l) => {
      const before = (l.replace(/[\u00AD\u200B]/g, '').match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
      const after = (cleanGlyphs(l).match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
      assert.equal(after, before);
    }),
    { numRuns: 3000, seed: 7 },
  );
});

/** A document of runs: running headers and footers on every page around body lines of words. */
test('property: the whole PDF text cleaning (layout, furniture, glyphs) keeps every body word and removes only the running lines', () => {
  let seq = 0;
  const run = (text: string, x: number, y: number, size = 10): TextRun => ({ text, x, y, width: [...text].length * size * 0.5, size, seq: seq++ });
  const doc = fc.record({
    pages: fc.integer({ min: 2, max: 6 }),
    body: fc.array(fc.array(fc.array(word, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }), { minLength: 6, maxLength: 6 }),
    bullets: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
  });
  fc.assert(
    fc.property(doc, (d) => {
      const pages: PageRuns[] = [];
      const bodyWords: string[] = [];
      for (let p = 0; p < d.pages; p++) {
        const runs: TextRun[] = [run('Sundheds- og Forebyggelsesudvalget', 300, 30, 8), run(`Side ${p + 1} af ${d.pages}`, 480, 820, 8)];
        d.body[p]!.forEach((ws, i) => {
          const y = 120 + i * 40;
          if (d.bullets[i]) runs.push(run('\uF0B7', 60, y));
          runs.push(run(ws.join(' '), 80, y));
          bodyWords.push(...ws);
        });
        pages.push({ width: 595, height: 842, runs });
      }
      const r = pagesToText(pages);
      assert.ok(r.ok);
      const got = new Set(r.text.match(/[\p{L}\p{N}]+/gu) ?? []);
      for (const w of bodyWords) assert.ok(got.has(w), `body word ${w} dropped`);
      assert.doesNotMatch(r.text, /Side \d+ af|Forebyggelsesudvalget|\uF0B7/);
    }),
    { numRuns: 300, seed: 11 },
  );
});

test('Greve JSON: a field that is not text (a list, an object) and an item that is no object are named in a note, and the rest is imported', async () => {
  const data = JSON.parse(readFileSync(join(sourcesDir, 'greve-byraadet-2024-10-02.json'), 'utf8')) as { Dagsordenpunkter: Record<string, unknown>[] };
  data.Dagsordenpunkter[0]!.Navn = ['Godkendelse af dagsorden'];
  data.Dagsordenpunkter[0]!.Caption = { tekst: 'Godkendelse af dagsorden' };
  (data.Dagsordenpunkter as unknown[]).push('et punkt som tekst');
  const r = await importSource('moede.json', new TextEncoder().encode(JSON.stringify(data)));
  if (!r.ok) assert.fail(r.problem);
  assert.equal(parseReferat(r.meetings[0]!.text).punkter.length, 15);
  assert.deepEqual(
    r.notes.map((n) => n.en),
    [
      '3 fields of the file could not be read as text and are left out: Dagsordenpunkter[15] (string), Dagsordenpunkter[0].Caption (object), Dagsordenpunkter[0].Navn (list).',
    ],
  );
  assert.match(r.notes[0]!.da, /^3 felter i filen kunne ikke læses som tekst/);
});

test('property: Greve JSON with any of its fields of another type imports, or says why, and names every field it could not read', async () => {
  const source = JSON.parse(readFileSync(join(sourcesDir, 'greve-byraadet-2024-10-02.json'), 'utf8')) as Record<string, unknown>;
  // Every place in the JSON, as a path of keys.
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]): void => {
    if (path.length > 0) paths.push(path);
    if (Array.isArray(v)) v.slice(0, 3).forEach((x, i) => walk(x, [...path, i]));
    else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(source, []);
  const other = fc.constantFrom<unknown>([], ['x'], {}, { a: 1 }, true, null, 0, 'tekst');
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(fc.nat(paths.length - 1), other), { minLength: 1, maxLength: 4 }), async (changes) => {
      const data = structuredClone(source);
      for (const [at, value] of changes) {
        const path = paths[at]!;
        let parent = data as Record<string | number, unknown>;
        for (const k of path.slice(0, -1)) {
          const next = parent?.[k];
          if (typeof next !== 'object' || next === null) return;
          parent = next as Record<string | number, unknown>;
        }
        parent[path[path.length - 1]!] = structuredClone(value);
      }
      const r = await importSource('moede.json', new TextEncoder().encode(JSON.stringify(data)));
      if (!r.ok) {
        assert.ok(r.message.en.length > 0);
        return;
      }
      // A field the import always reads, given as a list or an object, is named by its path (or counted among the rest).
      const named = r.notes.map((n) => n.en).join(' ');
      // As the JSON has it: a list's items by number, an object's fields by name.
      const valueAt = (path: readonly (string | number)[]): unknown =>
        path.reduce<unknown>(
          (v, k) =>
            typeof v === 'object' && v !== null && Array.isArray(v) === (typeof k === 'number') ? (v as Record<string | number, unknown>)[k] : undefined,
          JSON.parse(JSON.stringify(data)) as unknown,
        );
      const alwaysRead = (path: readonly (string | number)[]): boolean =>
        (path[0] === 'Dagsordenpunkter' && path.length === 3 && (path[2] === 'Caption' || path[2] === 'CaseNumber')) ||
        (path[0] === 'Dagsordenpunkter' && path[2] === 'Felter' && path.length === 5 && (path[4] === 'Html' || path[4] === 'Navn')) ||
        (path.length === 2 && ((path[0] === 'Moede' && path[1] === 'Sted') || (path[0] === 'Udvalg' && path[1] === 'Navn')));
      for (const [at] of changes) {
        const path = paths[at]!;
        const value = valueAt(path);
        if (!alwaysRead(path) || typeof value !== 'object' || value === null) continue;
        const written = path
          .map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`))
          .join('')
          .slice(1);
        assert.ok(named.includes(written) || named.includes(' more'), `${written} in ${JSON.stringify(changes)}: ${named}`);
      }
    }),
    { numRuns: 150 },
  );
});

test('HTML tables: an empty cell keeps the cells after it in their columns, as a non-breaking space; empty cells at a row’s end are left out', () => {
  const html =
    '<table><tr><th></th><th>Budget</th><th>Forbrug</th></tr>' +
    '<tr><td>Drift</td><td></td><td>12</td></tr>' +
    '<tr><td>&nbsp;</td><td>5</td><td></td></tr>' +
    '<tr><td></td><td></td><td></td></tr></table>';
  assert.deepEqual(htmlToLines(html), ['\u00a0\tBudget\tForbrug', 'Drift\t\u00a0\t12', '\u00a0\t5']);
});

test('HTML tables: a cell spanning columns or rows keeps the cells after it, and in the rows below, in their columns', () => {
  const html =
    '<table><tr><th rowspan="2">Område</th><th colspan="2">2024</th><th>2025</th></tr>' +
    '<tr><th>Budget</th><th>Forbrug</th><th>Budget</th></tr>' +
    '<tr><td>Drift</td><td colspan="2">12</td><td>14</td></tr>' +
    '<tr><td rowspan="2">Anlæg</td><td>3</td><td>4</td><td>5</td></tr>' +
    '<tr><td>6</td><td>7</td><td>8</td></tr>' +
    // A span a browser reads as 1, and one far wider than any table: bounded.
    '<tr><td colspan="0">a</td><td colspan="x">b</td><td colspan="99999999">c</td></tr></table>';
  assert.deepEqual(htmlToLines(html), [
    'Område\t2024\t\u00a0\t2025',
    '\u00a0\tBudget\tForbrug\tBudget',
    'Drift\t12\t\u00a0\t14',
    'Anlæg\t3\t4\t5',
    '\u00a0\t6\t7\t8',
    'a\tb\tc',
  ]);
});

test('HTML tables: cells of as many short lines side by side keep an empty cell between them as a column', () => {
  // Region Hovedstaden's form, with an empty cell between the names and the amounts.
  const html =
    '<table><tr><td><p>Bornholms Hospital</p><p>Gentofte Hospital</p></td><td></td><td><p>1,80</p><p>5,30</p></td></tr>' +
    '<tr><td><p>Herlev</p><p>Hvidovre</p></td><td><p>2,1</p><p>3,2</p></td><td><p> </p></td><td><p>x</p><p>y</p></td></tr></table>';
  assert.deepEqual(htmlToLines(html), [
    'Bornholms Hospital\t\u00a0\t1,80',
    'Gentofte Hospital\t\u00a0\t5,30',
    'Herlev\t2,1\t\u00a0\tx',
    'Hvidovre\t3,2\t\u00a0\ty',
  ]);
});

test('untakenName: a second and third meeting of one name in one import get -2 and -3; a name not taken is kept', () => {
  const taken = new Set(['a.referat', 'a-2.referat']);
  assert.equal(
    untakenName('b.referat', (n) => taken.has(n)),
    'b.referat',
  );
  assert.equal(
    untakenName('a.referat', (n) => taken.has(n)),
    'a-3.referat',
  );
  assert.equal(
    untakenName('/ud/x.referat', (n) => n === '/ud/x.referat'),
    '/ud/x-2.referat',
  );
});

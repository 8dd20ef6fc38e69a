import { htmlLines } from '../../server/src/import/systemXml';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { checkReferat, parseReferat } from '../../server/src/core';
import { documentSymbols } from '../../server/src/features/symbols';
import { importSource, type ImportResult } from '../../server/src/import/index';
import { nodeFonts } from '../../server/src/node/fonts';
import { createLanguageService } from '../../server/src/service/languageService';
import { defaultPaths } from '../../server/src/service/paths';
import { MemoryWorkspace } from '../../server/src/workspace/memoryWorkspace';
import { punktSymbols, repoRoot } from '../helpers';

/*
 * The meeting systems' own exports, as they write them (test/fixtures/systems, copied from
 * ../shared/corpus-external/systems, which names the public repositories and commits they come
 * from): Acadre's referat and its index (Syddjurs), eDoc (Fujitsu)'s two agendas as XML and as its
 * HTML page (Middelfart), GetOrganized's publication XML (Aarhus). Each imports as one meeting, every
 * item in the outline under its title, the closed items closed and absent from the public HTML,
 * zero findings, and the source's words kept; a damaged export is refused in one line, never thrown.
 */

const systemsDir = join(repoRoot, 'test/fixtures/systems');
const ACADRE = join(systemsDir, 'acadre-syddjurs-udvalget-for-plan-udvikling-og-kultur-2013-06-20');
const FUJITSU = join(systemsDir, 'edoc-fujitsu-middelfart-testudvalg-2017-05-02');
const GO = join(systemsDir, 'getorganized-aarhus-moedesystemgruppen-2016-10-06');
const E91 = 'e9117c72-1d79-4fe9-9653-ef7ab6f27187';
const A41 = '41a93779-8b2a-414b-9f87-691e24f8f40a';

/** The host's lookup of the files beside an index: a path as the index writes it, without regard to case. */
function folderFind(dir: string): (name: string) => Uint8Array | undefined {
  const files = readdirSync(dir, { recursive: true }) as string[];
  return (name) => {
    const want = name.replace(/\\/g, '/').toLowerCase();
    const hit = files.find((f) => f.replace(/\\/g, '/').toLowerCase() === want);
    return hit ? readFileSync(join(dir, hit)) : undefined;
  };
}

interface Export {
  readonly name: string;
  readonly dir: string;
  readonly file: string;
  readonly kind: string;
  readonly dialect: string;
  readonly document: 'referat' | 'dagsorden';
  /** The outline's punkter, `Punkt N: Title`, in order. */
  readonly outline: readonly string[];
  readonly closed: readonly string[];
  readonly find?: boolean;
}

const FUJITSU_6 = [
  'Punkt 1: test',
  'Punkt 2: test tabel',
  'Punkt 3: Fejloprettet',
  'Punkt 4: Fejloprettet',
  "Punkt 5: Lukket: Anders' møgsag",
  'Punkt 6: Lukket: Underskriftsblad',
];
const FUJITSU_5 = ['Punkt 2: test', 'Punkt 3: test tabel', 'Punkt 4: Fejloprettet', 'Punkt 5: Fejloprettet', 'Punkt 6: Underskriftsblad'];
const ACADRE_1 = ['Punkt 715: Kulturkommune 2017. Politiske fokusområder'];
const EXPORTS: readonly Export[] = [
  { name: 'Acadre referat', dir: ACADRE, file: '3687981.XML', kind: 'acadre-xml', dialect: 'acadre', document: 'referat', outline: ACADRE_1, closed: [] },
  {
    name: 'Acadre index',
    dir: ACADRE,
    file: 'XML_1863.xml',
    kind: 'acadre-index',
    dialect: 'acadre',
    document: 'referat',
    outline: ACADRE_1,
    closed: [],
    find: true,
  },
  {
    name: 'Fujitsu XML (6)',
    dir: FUJITSU,
    file: `${E91}.xml`,
    kind: 'edoc-fujitsu-xml',
    dialect: 'edoc-fujitsu',
    document: 'dagsorden',
    outline: FUJITSU_6,
    closed: ['5', '6'],
  },
  {
    name: 'Fujitsu page (6)',
    dir: FUJITSU,
    file: `${E91}.html`,
    kind: 'edoc-fujitsu-page',
    dialect: 'edoc-fujitsu',
    document: 'dagsorden',
    outline: FUJITSU_6,
    closed: ['5', '6'],
  },
  {
    name: 'Fujitsu XML (5)',
    dir: FUJITSU,
    file: `${A41}.xml`,
    kind: 'edoc-fujitsu-xml',
    dialect: 'edoc-fujitsu',
    document: 'dagsorden',
    outline: FUJITSU_5,
    closed: [],
  },
  {
    name: 'Fujitsu page (5)',
    dir: FUJITSU,
    file: `${A41}.html`,
    kind: 'edoc-fujitsu-page',
    dialect: 'edoc-fujitsu',
    document: 'dagsorden',
    outline: FUJITSU_5,
    closed: [],
  },
  {
    name: 'GetOrganized publication',
    dir: GO,
    file: 'publication.xml',
    kind: 'getorganized-xml',
    dialect: 'getorganized-publication',
    document: 'dagsorden',
    outline: [
      'Punkt 1: First Agenda',
      'Punkt 1.1: Status siden sidst',
      'Punkt 1.2: Status på udviklingsønsker',
      'Punkt 1.3: Besøg af First Agenda',
      'Punkt 1.4: Plan for resten af året',
      'Punkt 2: GetOrganized',
      'Punkt 2.1: Status siden sidst',
      'Punkt 2.2: Plan for resten af året',
      'Punkt 2.3: Status over udviklingsønsker',
      'Punkt 3: Eventuelt',
    ],
    closed: [],
  },
];

const bytesOf = (e: Export): Uint8Array => readFileSync(join(e.dir, e.file));
const results = new Map<string, Promise<ImportResult>>();
function imported(e: Export): Promise<ImportResult> {
  let r = results.get(e.name);
  if (!r) results.set(e.name, (r = importSource(e.file, bytesOf(e), e.find ? { find: folderFind(e.dir) } : {})));
  return r;
}
async function textOf(e: Export): Promise<string> {
  const r = await imported(e);
  if (!r.ok) assert.fail(`${e.name}: ${r.problem} ${r.message.en}`);
  assert.equal(r.meetings.length, 1);
  return r.meetings[0]!.text;
}

const words = (text: string): Set<string> => new Set(text.match(/[\p{L}\p{N}]+/gu) ?? []);
const decode = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
/** HTML's words: tags part words, entities decoded. */
const htmlText = (html: string): string =>
  decode(html.replace(/<[^>]+>/g, ' '))
    .replace(/&nbsp;/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(+n));

/** What a person reads in each source: the fields the meeting is made of, not identifiers, addresses or dates the system keeps for itself. */
function reference(e: Export): string {
  const source = new TextDecoder().decode(bytesOf(e));
  if (e.kind === 'edoc-fujitsu-page') {
    // The page as a browser shows it, without its table of contents and the part headers (`Åbne sager`), which repeat it.
    const body = source.slice(source.indexOf('xsltItemsHeader'));
    return htmlText(source.slice(0, source.indexOf('xsltListOfContentBegin')) + body.replace(/<div class="xsltItemsHeader">[\s\S]*?<\/div>/g, ' '));
  }
  const acadreFile = e.kind === 'acadre-index' ? new TextDecoder().decode(readFileSync(join(ACADRE, '3687981.XML'))) : source;
  const fields = (text: string, names: string): string[] =>
    [...text.matchAll(new RegExp(`<(?:\\w+:)?(?:${names})(?: [^>]*)?>(?:<!\\[CDATA\\[)?([\\s\\S]*?)(?:\\]\\]>)?</(?:\\w+:)?(?:${names})>`, 'g'))].map(
      (m) => m[1]!,
    );
  if (e.kind.startsWith('acadre')) {
    const acadre = (names: string): string[] =>
      [...acadreFile.matchAll(new RegExp(`<field name="(?:${names})">([^<]*)</field>`, 'g'))].map((m) => decode(m[1]!));
    return [...acadre('name|caseno|bulletname|location|fileno'), ...acadre('bulletcontent|address').map(htmlText)].join('\n');
  }
  if (e.kind === 'edoc-fujitsu-xml')
    return [...fields(source, 'Name|Title|CaseNumber|MeetingLocation|PoliticalPartyList'), ...fields(source, 'Content').map(htmlText)].join('\n');
  return [...fields(source, 'Name|Caption|Where|FileName'), ...fields(source, 'Content').map(htmlText)].join('\n');
}

const service = () => {
  const s = createLanguageService({ workspace: new MemoryWorkspace({}), locale: 'da', fonts: nodeFonts });
  s.setRoots(['/ws']);
  return s;
};

for (const e of EXPORTS) {
  test(`${e.name}: one ${e.document} in the ${e.dialect} dialect, every item in the outline under its title`, async () => {
    const r = await imported(e);
    if (!r.ok) assert.fail(`${r.problem}: ${r.message.en}`);
    assert.equal(r.kind, e.kind);
    assert.equal(r.meetings.length, 1);
    const m = r.meetings[0]!;
    assert.equal(m.dialect, e.dialect);
    assert.equal(m.document, e.document);
    assert.equal(m.punkter, e.outline.length);
    const referat = parseReferat(m.text);
    assert.equal(referat.dialect.id, e.dialect, 'the dialect the text is read in is the one it was written in');
    assert.deepEqual(
      punktSymbols(documentSymbols(referat)).map((s) => s.name),
      e.outline,
    );
    const closed = referat.punkter.filter((p) => p.closed).map((p) => String(p.number));
    assert.deepEqual(closed, e.closed);
  });

  test(`${e.name}: the import checks with zero errors and zero warnings`, async () => {
    const text = await textOf(e);
    const findings = checkReferat(parseReferat(text), { locale: 'en' }).map((d) => `${d.range.start.line + 1} ${d.code}: ${d.message}`);
    assert.deepEqual(findings, []);
  });

  test(`${e.name}: at least 98% of the source's distinct words are kept`, async (t) => {
    const expected = words(reference(e));
    const got = words(await textOf(e));
    const missing = [...expected].filter((w) => !got.has(w));
    const share = (expected.size - missing.length) / expected.size;
    t.diagnostic(`${expected.size - missing.length}/${expected.size} distinct words (${(share * 100).toFixed(2)}%), missing: ${missing.join(' ') || 'none'}`);
    assert.ok(share >= 0.98, `only ${(share * 100).toFixed(1)}%; missing: ${missing.slice(0, 30).join(' ')}`);
  });
}

test('Acadre: the same meeting as its PDF: header, members with their party, the item, its sections and its decisions as the PDF prints them', async () => {
  const text = await textOf(EXPORTS[0]!);
  assert.match(
    text,
    /^Referat\nUdvalget for plan, udvikling og kultur \(PUK\)\nEkstraordinært PUK\nTorsdag den 20\. juni 2013\nKl\. 10:30\nKaløvig Kursuscenter\nPræstekravevej 46\nFølle Strand\n8410 Rønde\n/,
  );
  assert.match(text, /\nMedlemmer\nJesper Mathiesen \(A\)\nOle Bollesen \(A\)\nNiels Viderø \(A\)\nOle Bjerregaard \(V\)\nSteen Fris \(C\)\n/);
  assert.match(text, /\n715\. Kulturkommune 2017\. Politiske fokusområder\nSagsnr\.: 12\/27845\n/);
  assert.match(text, /\nBilag\n- Opsamlingsnotat\. Temamøde 20\.09\.2012 \(222359\/12\)\n/);
  const referat = parseReferat(text);
  assert.deepEqual(
    referat.header.deltagere?.names.map((n) => n.name),
    ['Jesper Mathiesen', 'Ole Bollesen', 'Niels Viderø', 'Ole Bjerregaard', 'Steen Fris'],
  );
  assert.equal(referat.header.moedeDato?.date?.date?.day, 20);
  const p = referat.punkter[0]!;
  assert.equal(p.journal?.kind, 'valid');
  assert.deepEqual(
    p.sections.map((s) => s.kind),
    [
      'resume',
      'sagsfremstilling',
      'oekonomi',
      'indstilling',
      'tidligereBeslutning',
      'supplerendeSagsfremstilling',
      'tidligereBeslutning',
      'beslutning',
      'bilag',
    ],
  );
  // The words of the PDF's item are all here but its page furniture (`4 of 5`, `Referat For …`, `Side 3`),
  // the line `Sagen afgøres i:`, which the export has no field for, and each enclosure's access (`Åben`).
  const pdf = readFileSync(join(repoRoot, 'test/fixtures/external/syddjurs-udvalget-for-plan-udvikling-og-kultur-2013-06-20.txt'), 'utf8');
  const item = pdf.slice(pdf.indexOf('715. Kulturkommune'), pdf.indexOf('Underskriftsside'));
  const missing = [...words(item)].filter((w) => !words(text).has(w) && !/^\d$/.test(w));
  assert.deepEqual(missing.sort(), ['For', 'Side', 'afgøres', 'of', 'Åben'].sort());
  assert.match(text, /\nFraværende\n/);
  // Its bold and italic as Markdown: the field says 'the items in italic are not realised yet', and which they are stays told.
  assert.match(text, /\n\*\*Tidsplan:\*\*\n/);
  assert.match(text, /\nSept\. 2012: Anderledes temaworkshop for byrådet\n\*Sept\. 2012: Kulturelt Samvirke etableres\*\n/);
  assert.equal((text.match(/^\*[A-Z][^*\n]*\*$/gm) ?? []).length, 5);
  assert.match(text, /\nTidsplanens punkter markeret med kursiv er ikke realiseret pt\.\n/);
});

test('HTML laid out: emphasis as Markdown marks where an importer asks for them (within a line, never across a break), and <br><br> as an empty line', () => {
  const marked = (html: string): string[] => htmlLines(html, { emphasis: 'marked' });
  assert.deepEqual(marked('<p>Det er <b> ikke </b>vedtaget.</p>'), ['Det er **ikke** vedtaget.']);
  assert.deepEqual(marked('<p><i>Sept. 2012</i></p><p><em>Okt.</em> <strong>2012</strong></p>'), ['*Sept. 2012*', '*Okt.* **2012**']);
  // Nested: the outer one only. Across a line break or a block: none, as a mark left open would run on.
  assert.deepEqual(marked('<p><b>A <i>b</i> c</b></p>'), ['**A b c**']);
  assert.deepEqual(marked('<p><b>linje et<br>linje to</b></p>'), ['linje et', 'linje to']);
  assert.deepEqual(marked('<b><p>afsnit</p></b>'), ['afsnit']);
  // Nothing to mark, or words holding the mark themselves: left as they are.
  assert.deepEqual(marked('<p>a<b> </b>b <i>2*3</i></p>'), ['a b 2*3']);
  // A <br> on a line with no words yet is an empty line, as a browser draws it: eDoc's paragraphs.
  assert.deepEqual(htmlLines('Første afsnit.<br/><br/>Andet afsnit.<br/>samme afsnit.'), ['Første afsnit.', '', 'Andet afsnit.', 'samme afsnit.']);
  assert.deepEqual(htmlLines('<p>Linje<br></p><p>Næste</p>'), ['Linje', 'Næste']);
  // By default the lines are plain, as every other importer reads them.
  assert.deepEqual(htmlLines('<p>Det er <b>ikke</b> <i>vedtaget</i>.</p>'), ['Det er ikke vedtaget.']);
});

test("Acadre: an item without its own place (`sort`) is numbered from the agenda's `startAgendaItemNo`", async () => {
  const text = readFileSync(join(ACADRE, '3687981.XML'), 'utf8').replace('<field name="sort">715</field>', '');
  assert.ok(!text.includes('name="sort">715'));
  const r = await importSource('3687981.XML', new TextEncoder().encode(text));
  assert.ok(r.ok);
  assert.match(r.meetings[0]!.text, /\n715\. Kulturkommune 2017/);
});

test('Acadre index: it leads to the referat beside it and notes the dagsorden it names that is not there; alone, it is refused in one line', async () => {
  const r = await imported(EXPORTS[1]!);
  if (!r.ok) assert.fail(r.message.en);
  assert.equal(r.notes.length, 1);
  assert.match(r.notes[0]!.en, /Acadre index names 3686423\.xml, which is not here/);
  assert.match(r.notes[0]!.da, /3686423\.xml/);
  assert.equal(r.meetings[0]!.text, await textOf(EXPORTS[0]!), 'the referat is read as when it is imported alone');
  const alone = await importSource('XML_1863.xml', readFileSync(join(ACADRE, 'XML_1863.xml')));
  assert.equal(alone.ok, false);
  if (alone.ok) return;
  assert.equal(alone.problem, 'index-without-files');
  for (const message of [alone.message.da, alone.message.en]) {
    assert.doesNotMatch(message, /\n/);
    assert.match(message, /Acadre/);
    assert.match(message, /Files_1863_3687982\/3687981\.xml/);
  }
  // The folder the index names, where it is: found there without regard to case.
  const inFolder = await importSource('XML_1863.xml', readFileSync(join(ACADRE, 'XML_1863.xml')), {
    find: (name) => (name.toLowerCase() === 'files_1863_3687982/3687981.xml' ? readFileSync(join(ACADRE, '3687981.XML')) : undefined),
  });
  assert.ok(inFolder.ok && inFolder.meetings.length === 1);
});

test('eDoc (Fujitsu): the closed items are closed, and the public HTML holds none of their text; the XML and its page give the same punkter', async () => {
  const s = service();
  for (const e of EXPORTS.filter((x) => x.name.endsWith('(6)'))) {
    const text = await textOf(e);
    assert.match(text, /Anders har sjusket/, 'the internal text holds the closed item');
    const html = await s.renderHtml({ uri: defaultPaths.toUri(`/ws/${e.file}.referat`), version: 1, getText: () => text }, { audience: 'public' });
    assert.ok(html.output, `${e.name}: public HTML made`);
    for (const secret of ['sjusket', 'gulvtæppet', 'Meget er skrevet', 'For dyrt', 'Geosager'])
      assert.ok(!html.output.includes(secret), `${e.name}: the public HTML holds "${secret}"`);
    assert.match(html.output, /Anders&#39; møgsag|Anders' møgsag/, 'the closed heading is published');
  }
  const xml = parseReferat(await textOf(EXPORTS[2]!));
  const page = parseReferat(await textOf(EXPORTS[3]!));
  assert.deepEqual(
    page.punkter.map((p) => [p.number, p.title, p.closed, p.journal?.kind === 'valid' ? p.journal.journal.text : undefined]),
    xml.punkter.map((p) => [p.number, p.title, p.closed, p.journal?.kind === 'valid' ? p.journal.journal.text : undefined]),
  );
  // Who takes part, with their party, and who has sent word, from the XML's participants.
  assert.deepEqual(
    xml.header.afbud?.names.map((n) => n.name),
    ['Niels Bebe'],
  );
  assert.match(await textOf(EXPORTS[2]!), /\nDeltagere\nHanne Lauritsen \(F\)\nAllan Buch \(A\)\n/);
});

test("GetOrganized: the referat documents are the meeting's documents, not punkter numbered 0, and no case number is made up", async () => {
  const text = await textOf(EXPORTS[6]!);
  assert.doesNotMatch(text, /^Punkt 0/m);
  assert.doesNotMatch(text, /MDR-2016|Sagsnr/);
  assert.match(text, /\nÅbent referat\n- Referat - Åbent \(Appendix_referat - åbent\.pdf\)\n/);
  const referat = parseReferat(text);
  assert.ok(referat.punkter.every((p) => p.journal === undefined));
  assert.equal(referat.header.moedeDato?.date?.date?.month, 10);
});

test('sub-items: numbered from 1 under their punkt, a number out of turn reported at either level, and the fix renumbers it', () => {
  const text = (b: string, c: string, d: string) =>
    `Dagsorden\nMødesystemgruppen\nMødedato:\t6. oktober 2016\nTidspunkt:\t13:00 - 15:00\n\nPunkt 1: A\n\nPunkt 1.1: B\n\nPunkt ${b}: C\n\nPunkt ${c}: D\n\nPunkt ${d}: E\n`;
  const findings = (t: string) => checkReferat(parseReferat(t), { locale: 'en' }).filter((x) => x.code === 'punkt-numbering');
  assert.deepEqual(findings(text('1.2', '2', '2.1')), []);
  const skipped = findings(text('1.3', '2', '2.1'));
  assert.deepEqual(
    skipped.map((x) => x.message),
    ['Item 1.3 should be numbered 1.2.'],
  );
  assert.equal(skipped[0]!.fixes?.[0]?.edits[0]?.newText, '1.2');
  assert.deepEqual(
    findings(text('1.2', '3', '3.1')).map((x) => x.message),
    ['Item 3 should be numbered 2.'],
  );
  const p = parseReferat(text('1.2', '2', '2.1')).punkter[2]!;
  assert.deepEqual([p.number, p.subNumber, p.title], [1, 2, 'C']);
});

test('untidy exports: a BOM, a declared windows-1252 and a character reference XML 1.0 forbids are read as their text', async () => {
  const original = readFileSync(join(ACADRE, '3687981.XML'), 'utf8');
  const expected = await textOf(EXPORTS[0]!);
  // windows-1252, declared, with a BOM-less body: every Danish letter one byte.
  const latin = original.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="windows-1252"?>');
  const bytes = Uint8Array.from(
    [...latin].map((c) => (c.charCodeAt(0) <= 0xff ? c.charCodeAt(0) : c === '’' ? 0x92 : c === '”' ? 0x94 : c === '–' ? 0x96 : c === '…' ? 0x85 : 0x3f)),
  );
  const r1 = await importSource('3687981.XML', bytes);
  assert.ok(r1.ok, 'windows-1252 read');
  assert.equal(r1.meetings[0]!.text, expected);
  const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...readFileSync(join(ACADRE, '3687981.XML'))]);
  const r2 = await importSource('3687981.XML', withBom);
  assert.ok(r2.ok && r2.meetings[0]!.text === expected, 'a BOM is no content');
  const forbidden = original.replace('Ingen.&lt;/p&gt;', 'Ingen.&#xC;&lt;/p&gt;&#x1;');
  const r3 = await importSource('3687981.XML', new TextEncoder().encode(forbidden));
  assert.ok(r3.ok, 'a forbidden character reference does not stop the reader');
  assert.deepEqual(
    checkReferat(parseReferat(r3.meetings[0]!.text), { locale: 'en' }).map((d) => d.code),
    [],
  );
});

test('an export without its items names its system and what it lacks, in one line', async () => {
  const cases: [string, string, RegExp][] = [
    [
      '3687981.XML',
      readFileSync(join(ACADRE, '3687981.XML'), 'utf8').replace(/<table name="agendaitemparents">[\s\S]*<\/table><\/table><\/table>/, '</table>'),
      /Acadre.*agendaitem/,
    ],
    [
      `${E91}.xml`,
      readFileSync(join(FUJITSU, `${E91}.xml`), 'utf8').replace(/<edoc:AgendaElements>[\s\S]*<\/edoc:AgendaElements>/, ''),
      /eDoc \(Fujitsu\).*AgendaElement/,
    ],
    ['publication.xml', readFileSync(join(GO, 'publication.xml'), 'utf8').replace(/<Item ID="\d+_case[\s\S]*?<\/Item>/g, ''), /GetOrganized.*Item/],
    [
      `${E91}.html`,
      readFileSync(join(FUJITSU, `${E91}.html`), 'utf8').replace(/<table class="xsltTitleTableBegin">[\s\S]*<\/table>/, ''),
      /eDoc \(Fujitsu\).*xsltTitleTableBegin/,
    ],
  ];
  for (const [name, text, pattern] of cases) {
    const r = await importSource(name, new TextEncoder().encode(text));
    assert.equal(r.ok, false, name);
    if (r.ok) continue;
    assert.equal(r.problem, 'incomplete-export', name);
    assert.match(r.message.en, pattern);
    assert.doesNotMatch(r.message.en, /no meeting with items/);
    assert.doesNotMatch(`${r.message.da}${r.message.en}`, /\n/);
  }
});

test('a truncated export is read as far as it goes or refused in one line, never thrown', async () => {
  const sources = EXPORTS.filter((e) => !e.find).map((e) => ({ name: e.file, bytes: bytesOf(e) }));
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 0, max: sources.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), async (which, at) => {
      const { name, bytes } = sources[which]!;
      const cut = bytes.subarray(0, Math.floor(bytes.length * at));
      const r = await importSource(name, cut);
      if (r.ok) {
        assert.ok(r.meetings.length >= 1);
        for (const m of r.meetings) assert.ok(m.text.endsWith('\n'));
      } else {
        assert.doesNotMatch(r.message.da, /\n/);
        assert.doesNotMatch(r.message.en, /\n/);
      }
    }),
    { numRuns: 60 },
  );
});

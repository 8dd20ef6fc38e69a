import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { checkReferat, parseReferat, renderHtml } from '../../server/src/core';
import { MAX_SOURCE_BYTES, MAX_SOURCE_FILES, sourceFolder, unzip, type SourceFile } from '../../server/src/import/bundle';
import { importFolder, importSource, type ImportResult, type ImportedMeeting } from '../../server/src/import/index';
import { readSourceFolder } from '../../server/src/node/files';
import { cMapReader, defaultCMapDir, importFile } from '../../server/src/node/importer';
import { repoRoot, scratchDir } from '../helpers';
import { todaysDecision } from '../../server/src/model/decision';
import { protokolData } from '../../server/src/render/data';
import { createReferat } from '../../server/src/features/createReferat';
import { EMPTY_CATALOG } from '../../server/src/config/catalog';

/*
 * What SBSYS and eDoc write themselves (test/fixtures/systems): the folder, the same folder as a
 * zip, and the XML alone each import as one meeting with every item under its title, zero errors
 * and warnings, at least 98% of the export's distinct words; blank enclosures and missing files are
 * notes, never the reason the meeting fails; a closed item's text is never in the public version.
 */

const systemsDir = join(repoRoot, 'test/fixtures/systems');
const host = { cMap: cMapReader(defaultCMapDir()) };
const sbsysZip = readFileSync(join(systemsDir, 'sbsys-publication-region-hovedstaden-2012-09-25/Publication553.zip'));
const edocDir = join(systemsDir, 'edoc-ballerup-sundheds-og-forebyggelsesudvalget-2012-12-04');
const edocFile = (name: string): SourceFile => ({ name, bytes: readFileSync(join(edocDir, name)) });
const edocXml = readFileSync(join(edocDir, 'eDocAgendaPublishing.xml'));

function sbsysFiles(): SourceFile[] {
  const files = unzip(sbsysZip);
  if (!Array.isArray(files)) assert.fail(`the zip: ${files.problem} ${files.detail}`);
  return files;
}
const sbsysXmlBytes = (): Uint8Array => sbsysFiles().find((f) => f.name === 'Publication553/Publication553.xml')!.bytes;

function one(r: ImportResult): ImportedMeeting & { notes: string[] } {
  if (!r.ok) assert.fail(`${r.problem}: ${r.message.en} ${r.detail ?? ''}`);
  assert.equal(r.meetings.length, 1, 'one meeting');
  return { ...r.meetings[0]!, notes: r.notes.map((n) => n.en) };
}

function findings(text: string): string[] {
  return checkReferat(parseReferat(text), { locale: 'en' }).map((d) => `${d.range.start.line + 1} ${d.code}: ${d.message}`);
}

const words = (text: string): Set<string> => new Set(text.match(/[\p{L}\p{N}]+/gu) ?? []);

function wordsKept(reference: string, text: string): { share: number; missing: string[] } {
  const expected = words(reference);
  const got = words(text);
  const missing = [...expected].filter((w) => !got.has(w));
  return { share: (expected.size - missing.length) / expected.size, missing };
}

/** An element's texts, as the XML holds them (CDATA and entities as a reader reads them; HTML inside a field as its text). */
function texts(xml: string, element: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(new RegExp(`<${element}>([\\s\\S]*?)</${element}>`, 'g'))) {
    const raw = m[1]!.replace(/^<!\[CDATA\[([\s\S]*)\]\]>$/, '$1');
    out.push(
      raw
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/<\/?(?:p|div|br|li|ul|ol|h\d|tr|td|th|table)\b[^>]*>/gi, ' ')
        .replace(/<[^>]+>/g, '')
        .replace(/&nbsp;/g, ' ')
        .replace(/&([a-z]+);/gi, (e, n: string) => ({ aring: 'å', oslash: 'ø', aelig: 'æ', Aring: 'Å', Oslash: 'Ø', AElig: 'Æ', amp: '&' })[n] ?? e),
    );
  }
  return out;
}

// --- SBSYS publication (Region Hovedstaden) ------------------------------------------------------

const SBSYS_TITLES = [
  '2. behandling af forslag til styrelsesvedtægt – nedsættelse af stående udvalg',
  'Anvendelse af beløb til hospitalsudstyr og patientnære arealer',
  'Særpublikation og konference om infrastruktur og vækst',
  'Anmodning fra Hans Toft (C) om offentliggørelse af beslutning truffet af Movias bestyrelse',
];

test('SBSYS publication as its zip, its folder and its XML alone: one agenda, its 4 items by number and title, zero findings', async () => {
  const zip = one(await importSource('Publication553.zip', sbsysZip, host));
  const folder = one(await importFolder(sourceFolder(sbsysFiles()), host));
  const alone = one(await importSource('Publication553.xml', sbsysXmlBytes(), host));
  for (const m of [zip, folder, alone]) {
    assert.equal(m.dialect, 'sbsys-edagsorden');
    assert.equal(m.document, 'dagsorden');
    assert.equal(m.punkter, 4);
    const referat = parseReferat(m.text);
    assert.deepEqual(
      referat.punkter.map((p) => [p.number, p.title, p.closed]),
      SBSYS_TITLES.map((t, i) => [i + 1, t, false]),
    );
    // The publication's cases have no number: none is made up.
    assert.deepEqual(
      referat.punkter.map((p) => p.journal),
      [undefined, undefined, undefined, undefined],
    );
    assert.deepEqual(findings(m.text), []);
  }
  assert.equal(zip.text, alone.text);
  assert.equal(zip.fileName, 'ekstraordinaert-forretningsudvalgsmoede-dagsorden-2012-09-25.referat');
  assert.equal(zip.source, 'Publication553/Publication553.xml');
});

test('SBSYS publication: the blank enclosures are Bilag with a note, the missing ones are named; the XML alone has no notes', async () => {
  const zip = one(await importSource('Publication553.zip', sbsysZip, host));
  assert.match(zip.text, /^Bilag\n- Mail fra Økonomi- og Indenrigsministeriet med Erhvervs- og Vækstministeriets høringssvar$/m);
  assert.match(zip.text, /^- Bestyrelsesprotokol fra møde den 16\. august 2012 offentliggjort på Movias hjemmeside$/m);
  assert.ok(
    zip.notes.some((n) => /3 enclosures without text, listed as Bilag by name: Enclosures\/1\.pdf, Enclosures\/2\.pdf, Enclosures\/14\.pdf/.test(n)),
    zip.notes.join('\n'),
  );
  assert.ok(zip.notes.some((n) => /11 enclosures named in the export are not in the folder: Enclosures\/3\.pdf/.test(n)));
  const alone = one(await importSource('Publication553.xml', sbsysXmlBytes(), host));
  assert.deepEqual(alone.notes, []);
});

test('SBSYS publication: at least 98% of the distinct words of its items, fields and enclosures are kept', async () => {
  const xml = new TextDecoder().decode(sbsysXmlBytes());
  const items = xml.slice(xml.indexOf('<Items>'), xml.lastIndexOf('</Items>'));
  const reference = [...texts(items, 'Caption'), ...texts(items, 'Content'), ...texts(items, 'Name').filter((n) => !/^[a-z]+$/.test(n))].join('\n');
  const kept = wordsKept(reference, one(await importSource('Publication553.zip', sbsysZip, host)).text);
  assert.ok(kept.share >= 0.98, `${(kept.share * 100).toFixed(1)}%; missing: ${kept.missing.slice(0, 30).join(' ')}`);
});

test('SBSYS publication: a punkt renumbered by hand in the written text is reported', async () => {
  const text = one(await importSource('Publication553.zip', sbsysZip, host)).text;
  const renumbered = text.replace(/^3\.( +Særpublikation)/m, '5.$1');
  assert.notEqual(renumbered, text);
  const found = checkReferat(parseReferat(renumbered), { locale: 'en' }).filter((d) => d.code === 'punkt-numbering');
  assert.equal(found.length, 1, findings(renumbered).join('\n'));
  assert.match(found[0]!.message, /5/);
});

test('SBSYS publication: an item the publication marks closed is closed, and the public version holds none of its text', async () => {
  const xml = new TextDecoder().decode(sbsysXmlBytes());
  // Item 3's flag, and nothing else, says closed.
  const at = xml.indexOf('<Caption><![CDATA[Særpublikation og konference');
  const flag = xml.indexOf('<IsPublic><![CDATA[True]]></IsPublic>', at);
  const closed = `${xml.slice(0, flag)}<IsPublic><![CDATA[False]]></IsPublic>${xml.slice(flag + '<IsPublic><![CDATA[True]]></IsPublic>'.length)}`;
  const m = one(await importSource('Publication553.xml', new TextEncoder().encode(closed), host));
  const referat = parseReferat(m.text);
  assert.deepEqual(
    referat.punkter.map((p) => p.closed),
    [false, false, true, false],
  );
  assert.deepEqual(findings(m.text), []);
  const html = renderHtml(referat, { audience: 'public' });
  assert.match(m.text, /Mandag Morgen/);
  assert.doesNotMatch(html, /Mandag Morgen|Trængselskommission|særpublikation om nye grønne veje/);
  assert.match(html, /Anvendelse af beløb til hospitalsudstyr/);
});

// --- eDoc publication (Ballerup) -----------------------------------------------------------------

const EDOC_TITLES = [
  'Meddelelser',
  'Bygningsvedligeholdelse 2013 - anlægsbevilling',
  'Kvalitetsstandarder for stof- og alkoholbehandling 2012-2013',
  'Takstreduktion på aflastningstilbuddet Torvevej i Skovlunde i 2013',
  "KL's opfølgningsproces vedrørende det nære sundhedsvæsen",
  'Prioritering af midler til kronisk syge borgere og hverdagsrehabilitering for ældre',
  'Etablering af aktivitetscenter på Solvej 6 i Ballerup',
  'Evaluering af rygestopkurser',
];

const edocFolder = (): SourceFile[] => ['eDocAgendaPublishing.xml', '1552823.PDF', '1552824.PDF'].map(edocFile);

test('eDoc publication as its folder, its zip and its XML alone: one referat, its 8 items in order, zero findings, no control characters', async () => {
  const folder = one(await importFolder(sourceFolder(edocFolder()), host));
  const zipped = zipSync(Object.fromEntries(edocFolder().map((f) => [`04-12-2012 13.00.00/${f.name}`, f.bytes])));
  const zip = one(await importSource('eksport.zip', zipped, host));
  const alone = one(await importSource('eDocAgendaPublishing.xml', edocXml, host));
  assert.match(new TextDecoder().decode(edocXml), /&#xC;/);
  for (const m of [folder, zip, alone]) {
    assert.equal(m.dialect, 'edoc');
    assert.equal(m.document, 'referat');
    assert.equal(m.fileName, 'sundheds-og-forebyggelsesudvalget-2012-12-04.referat');
    const referat = parseReferat(m.text);
    assert.deepEqual(
      referat.punkter.map((p) => [p.number, p.title]),
      EDOC_TITLES.map((t, i) => [i + 1, t]),
    );
    assert.equal(referat.dialect.id, 'edoc');
    assert.deepEqual(findings(m.text), []);
    // No control character but the line break and the tab (the page breaks' `&#xC;` among them).
    assert.ok(![...m.text].some((c) => c !== '\n' && c !== '\t' && /\p{Cc}/u.test(c)));
    assert.match(m.text, /^Tilstede\nLolan Ottesen \(A\) - formand$/m);
  }
  assert.equal(folder.text, zip.text);
});

test("eDoc publication: the punkter's own PDFs are read under their punkt, their heading once; the missing ones noted", async () => {
  const folder = one(await importFolder(sourceFolder(edocFolder()), host));
  // The PDF's lines as the page has them (the XML holds each paragraph on one line).
  assert.match(
    folder.text,
    /^Det årlige bygningssyn er nu afsluttet, og der er foretaget en prioritering af\naktiviteter for bygningsvedligeholdelse 2013\.$/m,
  );
  assert.match(folder.text, /^ a\. +Møder og konferencer$/m);
  assert.equal(folder.text.match(/^\d+\. +Bygningsvedligeholdelse 2013 - anlægsbevilling$/gm)?.length, 1);
  assert.equal(folder.text.match(/^\d+\. +Meddelelser$/gm)?.length, 1);
  const [two, three] = [parseReferat(folder.text).punkter[1]!, parseReferat(folder.text).punkter[2]!];
  assert.ok(two.sections.some((s) => s.kind === 'beslutning'));
  assert.ok(three.sections.some((s) => s.kind === 'beslutning'));
  assert.ok(
    folder.notes.some((n) => /6 items' PDFs named in the export are not in the folder \(1552822\.PDF, .*\); the text is read from the XML/.test(n)),
    folder.notes.join('\n'),
  );
  const alone = one(await importSource('eDocAgendaPublishing.xml', edocXml, host));
  assert.deepEqual(alone.notes, []);
  assert.match(alone.text, /^Det årlige bygningssyn er nu afsluttet, og der er foretaget en prioritering af aktiviteter for bygningsvedligeholdelse 2013\.$/m);
});

test("eDoc publication: the agenda's and the attachments' PDFs in its folder are the export's, not minutes of their own", async () => {
  // Stand-ins under the names the XML gives the whole agenda's PDF and an attachment's: the system writes them beside it.
  const pdf = edocFile('1552823.PDF').bytes;
  const files = [...edocFolder(), { name: '1552814.PDF', bytes: pdf.slice() }, { name: '1537646.pdf', bytes: edocFile('1552824.PDF').bytes.slice() }];
  const r = await importFolder(sourceFolder(files), host);
  const m = one(r);
  assert.equal(m.punkter, 8);
  assert.ok(!m.notes.some((n) => /1552814|1537646/.test(n)), m.notes.join('\n'));
});

test("eDoc publication: at least 98% of the distinct words of the agenda's and the items' text are kept", async () => {
  const xml = new TextDecoder().decode(edocXml);
  // The meeting's text: the agenda's and each item's FullText, not the attached documents' (the Bilag, which a referat names).
  const itemTexts = [...xml.matchAll(/<MeetingAgendaItem>[\s\S]*?<\/Document>\s*<FullText>([\s\S]*?)<\/FullText>/g)].map((m) => m[1]!);
  const agenda = /<\/MeetingAgendaItems>\s*<FullText>([\s\S]*?)<\/FullText>/.exec(xml)?.[1] ?? '';
  assert.equal(itemTexts.length, 8);
  const reference = [agenda, ...itemTexts].join('\n').replace(/&#x[0-9a-f]+;/gi, ' ');
  for (const m of [one(await importFolder(sourceFolder(edocFolder()), host)), one(await importSource('eDocAgendaPublishing.xml', edocXml, host))]) {
    const kept = wordsKept(reference, m.text);
    assert.ok(kept.share >= 0.98, `${(kept.share * 100).toFixed(1)}%; missing: ${kept.missing.slice(0, 30).join(' ')}`);
  }
});

test('eDoc publication: an item of the closed agenda is closed, and the public version holds none of its text', async () => {
  const xml = new TextDecoder()
    .decode(edocXml)
    .replace('<AgendaType>Åben dagsorden</AgendaType>\r\n      <PDFDocument>', '<AgendaType>Lukket dagsorden</AgendaType>\r\n      <PDFDocument>');
  assert.match(xml, /Lukket dagsorden/);
  const m = one(await importSource('eDocAgendaPublishing.xml', new TextEncoder().encode(xml), host));
  const referat = parseReferat(m.text);
  assert.ok(referat.punkter.length === 8 && referat.punkter.every((p) => p.closed));
  const html = renderHtml(referat, { audience: 'public' });
  assert.match(m.text, /Det årlige bygningssyn/);
  assert.doesNotMatch(html, /bygningssyn|Taget til efterretning|rygestopkurserne/);
});

test('eDoc publication: an item whose document is not to be published is closed, the others open', async () => {
  const xml = new TextDecoder().decode(edocXml);
  const at = xml.indexOf('<Title>Evaluering af rygestopkurser</Title>');
  const flag = xml.indexOf('<PublishingType>SKAL PUBLICERES</PublishingType>', at);
  const closed = `${xml.slice(0, flag)}<PublishingType>MÅ IKKE PUBLICERES</PublishingType>${xml.slice(flag + '<PublishingType>SKAL PUBLICERES</PublishingType>'.length)}`;
  const m = one(await importSource('eDocAgendaPublishing.xml', new TextEncoder().encode(closed), host));
  const referat = parseReferat(m.text);
  assert.deepEqual(
    referat.punkter.map((p) => p.closed),
    [false, false, false, false, false, false, false, true],
  );
  assert.doesNotMatch(renderHtml(referat, { audience: 'public' }), /rygestopkurserne/);
  assert.deepEqual(findings(m.text), []);
});

test("a punkt's own PDF imported alone is refused in one line that says which file to import", async () => {
  for (const name of ['1552823.PDF', '1552824.PDF']) {
    const r = await importSource(name, edocFile(name).bytes, host);
    assert.equal(r.ok, false, name);
    if (r.ok) continue;
    assert.equal(r.problem, 'part-of-export');
    assert.match(r.message.en, /eDocAgendaPublishing\.xml/);
    assert.doesNotMatch(r.message.en, /\n/);
  }
});

// --- Folders and zips ----------------------------------------------------------------------------

test('a folder finds a file as an export names it: without regard to case, from its own folder, else by its base name', () => {
  const bytes = new Uint8Array([1]);
  const folder = sourceFolder([
    { name: 'Publication553\\Publication553.xml', bytes },
    { name: 'Publication553/Enclosures/1.pdf', bytes },
    { name: 'XML_1863.xml', bytes },
    { name: '3687981.XML', bytes },
    { name: '__MACOSX/._1.pdf', bytes },
    { name: 'Publication553/._x.pdf', bytes },
  ]);
  assert.deepEqual(
    folder.files.map((f) => f.name),
    ['Publication553/Publication553.xml', 'Publication553/Enclosures/1.pdf', 'XML_1863.xml', '3687981.XML'],
  );
  assert.equal(folder.find('Enclosures\\1.PDF', 'Publication553/Publication553.xml')?.name, 'Publication553/Enclosures/1.pdf');
  assert.equal(folder.find('publication553/enclosures/1.pdf')?.name, 'Publication553/Enclosures/1.pdf');
  assert.equal(folder.find('Files_1863_3687982/3687981.xml', 'XML_1863.xml')?.name, '3687981.XML');
  assert.equal(folder.find('3686423.xml', 'XML_1863.xml'), undefined);
  assert.equal(folder.find(''), undefined);
});

test('a zip: names normalised, folders and resource forks left out; too many entries or a declared size over the limit refused before unpacking', () => {
  const zipped = zipSync({ 'a/b.xml': strToU8('<x/>'), 'a/': new Uint8Array(0), '__MACOSX/a/._b.xml': strToU8('fork'), '.\\c.pdf': strToU8('%PDF-') });
  const files = unzip(zipped);
  assert.ok(Array.isArray(files));
  assert.deepEqual(
    files.map((f) => f.name),
    ['a/b.xml', 'c.pdf'],
  );
  const many = zipSync(Object.fromEntries(Array.from({ length: MAX_SOURCE_FILES + 1 }, (_, i) => [`f${i}.txt`, new Uint8Array(0)])));
  assert.deepEqual((unzip(many) as { problem: string }).problem, 'too-large');
  // A bomb: the directory says the one entry unpacks to 4 GB.
  const bomb = zipSync({ 'b.xml': new Uint8Array(1000) });
  const central = findLast(bomb, [0x50, 0x4b, 0x01, 0x02]);
  new DataView(bomb.buffer, bomb.byteOffset).setUint32(central + 24, 0xfffffff0, true);
  assert.deepEqual((unzip(bomb) as { problem: string }).problem, 'too-large');
  assert.deepEqual((unzip(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3])) as { problem: string }).problem, 'malformed');
});

test('a zip bomb the directory does not show is refused at once: an entry that unpacks to more than it declares, entries that share one stream', () => {
  // 64 MB of zeros, deflated to some 64 KB, declared as 10 bytes in the directory and the local header.
  const lying = zipSync({ 'a.xml': new Uint8Array(64 * 1024 * 1024) }, { level: 9 });
  const view = new DataView(lying.buffer, lying.byteOffset);
  view.setUint32(findLast(lying, [0x50, 0x4b, 0x01, 0x02]) + 24, 10, true);
  view.setUint32(22, 10, true);
  assert.deepEqual(unzip(lying), { problem: 'too-large', detail: 'a.xml: unpacks to more than the 10 bytes it declares' });
  // Three entries of the directory over one entry's data: each declares what it holds, together three times what is there.
  const one = zipSync({ 'a.xml': strToU8('<x>'.repeat(1000)) });
  const cd = findLast(one, [0x50, 0x4b, 0x01, 0x02]);
  const end = findLast(one, [0x50, 0x4b, 0x05, 0x06]);
  const entry = one.subarray(cd, end);
  const names = ['a.xml', 'b.xml', 'c.xml'].map((n) => {
    const e = entry.slice();
    e.set(strToU8(n), 46);
    return e;
  });
  const directory = new Uint8Array(names.reduce((n, e) => n + e.length, 0));
  names.reduce((at, e) => (directory.set(e, at), at + e.length), 0);
  const record = one.slice(end);
  const rv = new DataView(record.buffer);
  rv.setUint16(8, 3, true);
  rv.setUint16(10, 3, true);
  rv.setUint32(12, directory.length, true);
  const overlapping = new Uint8Array(cd + directory.length + record.length);
  overlapping.set(one.subarray(0, cd), 0);
  overlapping.set(directory, cd);
  overlapping.set(record, cd + directory.length);
  assert.deepEqual(unzip(overlapping), { problem: 'too-large', detail: 'entries share their data' });
});

function findLast(bytes: Uint8Array, signature: readonly number[]): number {
  for (let i = bytes.length - signature.length; i >= 0; i--) if (signature.every((b, k) => bytes[i + k] === b)) return i;
  return -1;
}

test('property: random bytes and random zips never throw, and what they give stays within the limits', async () => {
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (tail) => {
      const bytes = new Uint8Array([0x50, 0x4b, 3, 4, ...tail]);
      const files = unzip(bytes);
      if (Array.isArray(files)) assert.ok(files.length <= MAX_SOURCE_FILES && files.reduce((n, f) => n + f.bytes.length, 0) <= MAX_SOURCE_BYTES);
      const r = await importSource('x.zip', bytes);
      assert.equal(typeof r.ok, 'boolean');
    }),
    { numRuns: 200 },
  );
  // (fflate's zipSync itself stumbles on an entry named `__proto__`: the generator leaves that name out.)
  const name = fc.stringMatching(/^[A-Za-z0-9_./\\ æøå-]{1,30}$/).filter((n) => n !== '__proto__');
  const entry = fc.tuple(name, fc.uint8Array({ maxLength: 200 }));
  await fc.assert(
    fc.asyncProperty(fc.array(entry, { maxLength: 8 }), fc.integer({ min: 0, max: 400 }), async (entries, cut) => {
      const zipped = zipSync(Object.fromEntries(entries));
      for (const bytes of [zipped, zipped.subarray(0, Math.max(4, zipped.length - cut))]) {
        const files = unzip(bytes);
        if (Array.isArray(files)) {
          assert.ok(files.length <= entries.length);
          for (const f of files) assert.ok(f.name !== '' && !f.name.includes('\\') && !f.name.split('/').includes('..'));
        }
        const r = await importSource('x.zip', bytes);
        assert.equal(typeof r.ok, 'boolean');
        if (!r.ok) assert.ok(r.message.en.length > 0 && !r.message.en.includes('\n'));
      }
    }),
    { numRuns: 150 },
  );
});

test("SBSYS publication's minutes: each handling in a body's decision field is a dated decision; the meeting's own is this meeting's, the council's to come is left out", async () => {
  const xml = new TextDecoder().decode(sbsysXmlBytes()).replace('<PublicationTypeAsEnum><![CDATA[Draft]]>', '<PublicationTypeAsEnum><![CDATA[Minutes]]>');
  const m = one(await importSource('Publication553.xml', new TextEncoder().encode(xml), host));
  assert.equal(m.document, 'referat');
  assert.equal(m.dialect, 'sbsys-edagsorden');
  const referat = parseReferat(m.text);
  assert.equal(referat.dialect.id, 'sbsys-edagsorden');
  // Item 1's field holds the handling of 18 September and the empty one of this meeting.
  assert.match(m.text, /^FORRETNINGSUDVALGETS BESLUTNING den 18\.09\.2012\nSagen udsat til behandling/m);
  assert.match(m.text, /^FORRETNINGSUDVALGETS BESLUTNING den 25\.09\.2012 Punkt 1$/m);
  assert.doesNotMatch(m.text, /^REGIONSRÅDETS BESLUTNING/m);
  assert.doesNotMatch(m.text, /Tomt indhold/);
  const first = referat.punkter[0]!;
  assert.deepEqual(
    first.sections.filter((x) => x.kind === 'tidligereBeslutning' || x.kind === 'beslutning').map((x) => [x.kind, x.earlier?.date?.date ?? null]),
    [
      ['tidligereBeslutning', { year: 2012, month: 9, day: 18 }],
      ['beslutning', null],
    ],
  );
  // The minutes publish no decision: none is read as written, and who was absent on 18 September was not absent today.
  assert.deepEqual(
    referat.punkter.map((p) => todaysDecision(p).written),
    [false, false, false, false],
  );
  // Each at this meeting's own heading.
  const headings = m.text
    .split('\n')
    .flatMap((l, i) => (/^FORRETNINGSUDVALGETS BESLUTNING den 25\.09\.2012 Punkt \d$/.test(l) ? [`${i + 1} missing-beslutning`] : []));
  assert.equal(headings.length, 4);
  assert.deepEqual(
    findings(m.text).map((f) => f.replace(/:.*/, '')),
    headings,
  );
  const data = protokolData(referat, { audience: 'internal' });
  assert.deepEqual(
    data.punkter.map((p) => [p.decision, p.absent]),
    [
      [null, []],
      [null, []],
      [null, []],
      [null, []],
    ],
  );
});

test("SBSYS publication's agenda: the committee's own decision field has this meeting's heading, empty, which the referat made of it is written in", async () => {
  const m = one(await importSource('Publication553.zip', sbsysZip, host));
  assert.equal(m.document, 'dagsorden');
  assert.deepEqual(findings(m.text), []);
  const made = createReferat(m.text, parseReferat(m.text), EMPTY_CATALOG);
  assert.ok(made.ok);
  if (!made.ok) return;
  assert.equal(made.decisions, 4);
  // No second decision heading: the field's own heading is where she writes.
  assert.doesNotMatch(made.text, /^Beslutning$/m);
  assert.equal(made.text.split('\n')[made.cursor.line - 1], 'FORRETNINGSUDVALGETS BESLUTNING den 25.09.2012 Punkt 1');
  // Her line is right under the heading, as the system's text stands under its captions, with a blank line before Bilag.
  const lines = made.text.split('\n');
  assert.deepEqual(lines.slice(made.cursor.line - 1, made.cursor.line + 3), ['FORRETNINGSUDVALGETS BESLUTNING den 25.09.2012 Punkt 1', '', '', 'Bilag']);
  const written = made.text.replace(/^(FORRETNINGSUDVALGETS BESLUTNING den 25\.09\.2012 Punkt \d)\n\n/gm, '$1\nTiltrådt.\n');
  assert.deepEqual(findings(written), []);
  assert.match(written, /^Tiltrådt\.\n\nBilag$/m);
  // The fix of an empty one puts her there too, adding no line where the ones needed are there.
  const d = checkReferat(parseReferat(made.text), { locale: 'da' }).find((x) => x.code === 'missing-beslutning')!;
  assert.match(d.message, /afsnittet "FORRETNINGSUDVALGETS BESLUTNING den 25\.09\.2012 Punkt 1" er tomt/);
  assert.deepEqual(d.fixes[0]!.edits, []);
  assert.equal(d.fixes[0]!.cursor?.line, made.cursor.line);
});

test("SBSYS publication: the council's minutes read the committee's handling as earlier and its own, dated either way, as this meeting's", async () => {
  const xml = new TextDecoder().decode(sbsysXmlBytes());
  const item = xml.indexOf('Anvendelse af beløb til hospitalsudstyr');
  const committeeField = xml.indexOf('<Content></Content>', xml.indexOf('FORRETNINGSUDVALGETS BESLUTNING', item));
  const councilField = xml.indexOf('<Content></Content>', xml.indexOf('REGIONSRÅDETS BESLUTNING', item));
  const minutes = [
    xml.slice(0, committeeField),
    '<Content><![CDATA[<p>18.09.2012: Anbefales.</p><p>Julie Herdal Molbech (F) deltog ikke i sagens behandling.</p>]]></Content>',
    xml.slice(committeeField + '<Content></Content>'.length, councilField),
    '<Content><![CDATA[<p>25. september 2012: Godkendt.</p>]]></Content>',
    xml.slice(councilField + '<Content></Content>'.length),
  ]
    .join('')
    .replace('<PublicationTypeAsEnum><![CDATA[Draft]]>', '<PublicationTypeAsEnum><![CDATA[Minutes]]>')
    .replace('<Name><![CDATA[FORRETNINGSUDVALGET]]></Name>', '<Name><![CDATA[REGIONSRÅDET]]></Name>');
  assert.notEqual(minutes.indexOf('REGIONSRÅDET]]'), -1);
  const m = one(await importSource('Publication553.xml', new TextEncoder().encode(minutes), host));
  assert.match(m.text, /^FORRETNINGSUDVALGETS BESLUTNING den 18\.09\.2012\nAnbefales\.$/m);
  assert.match(m.text, /^REGIONSRÅDETS BESLUTNING den 25\.09\.2012 Punkt 2\nGodkendt\.$/m);
  const referat = parseReferat(m.text);
  const second = referat.punkter[1]!;
  assert.deepEqual(
    second.sections.filter((x) => x.kind === 'tidligereBeslutning' || x.kind === 'beslutning').map((x) => x.kind),
    ['tidligereBeslutning', 'beslutning'],
  );
  const data = protokolData(referat, { audience: 'internal' });
  assert.equal(data.punkter[1]!.decision, 'Godkendt.');
  assert.deepEqual(data.punkter[1]!.absent, []);
});

test("SBSYS publication: an item's history is its earlier decisions, before this meeting's; the type's number says minutes; a protected enclosure is named, not linked", async () => {
  const xml = new TextDecoder().decode(sbsysXmlBytes());
  const item = xml.indexOf('Anvendelse af beløb til hospitalsudstyr');
  const fieldsEnd = xml.indexOf('</Fields>', item) + '</Fields>'.length;
  const history =
    '<ItemHistory>' +
    '<ItemField ID="1"><Caption><![CDATA[Beslutning]]></Caption><HasContent><![CDATA[True]]></HasContent>' +
    '<Content><![CDATA[<p>Anbefales.</p><p>Hans Toft (C) deltog ikke i sagens behandling.</p>]]></Content>' +
    '<MeetingDetails><CommitteeName><![CDATA[Økonomiudvalget]]></CommitteeName><MeetingDueDate><![CDATA[2012-09-18T10:00:00]]></MeetingDueDate></MeetingDetails></ItemField>' +
    '<ItemField ID="2"><Caption><![CDATA[Indstilling]]></Caption><HasContent><![CDATA[False]]></HasContent><Content></Content></ItemField>' +
    '</ItemHistory>';
  const withHistory = `${xml.slice(0, fieldsEnd)}${history}${xml.slice(fieldsEnd)}`;
  const url = withHistory.indexOf('<DownloadUrl></DownloadUrl>', item);
  assert.ok(url > item);
  const edited = [
    withHistory.slice(0, url),
    '<IsProtected>True</IsProtected><DownloadUrl>https://example.org/fortrolig.pdf</DownloadUrl>',
    withHistory.slice(url + '<DownloadUrl></DownloadUrl>'.length),
  ]
    .join('')
    .replace('<PublicationTypeAsValue><![CDATA[0]]>', '<PublicationTypeAsValue><![CDATA[2]]>')
    .replace('<PublicationTypeAsEnum><![CDATA[Draft]]>', '<PublicationTypeAsEnum><![CDATA[Final]]>');
  const m = one(await importSource('Publication553.xml', new TextEncoder().encode(edited), host));
  assert.equal(m.document, 'referat');
  assert.match(
    m.text,
    /^Beslutning fra Økonomiudvalget den 18\.09\.2012\nAnbefales\.\nHans Toft \(C\) deltog ikke i sagens behandling\.\n\nFORRETNINGSUDVALGETS BESLUTNING den 25\.09\.2012 Punkt 2$/m,
  );
  assert.doesNotMatch(m.text, /fortrolig\.pdf/);
  const referat = parseReferat(m.text);
  const second = referat.punkter[1]!;
  assert.deepEqual(
    second.sections.filter((x) => x.kind === 'tidligereBeslutning' || x.kind === 'beslutning').map((x) => [x.kind, x.earlier?.date?.date ?? null]),
    [
      ['tidligereBeslutning', { year: 2012, month: 9, day: 18 }],
      ['beslutning', null],
    ],
  );
  // Who was absent from the earlier meeting was not absent today.
  assert.deepEqual(protokolData(referat, { audience: 'internal' }).punkter[1]!.absent, []);
});

test('character references XML forbids (a page break, NUL, U+0001) neither fail an import nor reach its text', async () => {
  const xml = new TextDecoder()
    .decode(sbsysXmlBytes())
    .replace(/Ingen særskilt kommunikationsindsats planlagt\./g, 'Ingen&#xC; særskilt&#x1; kommunikationsindsats&#0; planlagt.');
  const caption = xml.replace('<Where><![CDATA[H2]]></Where>', '<Where>H2&#xC;&#x1;</Where>');
  const m = one(await importSource('Publication553.xml', new TextEncoder().encode(caption), host));
  assert.ok(![...m.text].some((c) => c !== '\n' && c !== '\t' && /\p{Cc}/u.test(c)));
  assert.match(m.text, /^Ingen særskilt kommunikationsindsats planlagt\.$/m);
  assert.equal(m.punkter, 4);
  assert.deepEqual(findings(m.text), []);
});

test("GetOrganized's publication, which names its root as SBSYS's does, is not read as SBSYS's", async () => {
  const getOrganized =
    '<?xml version="1.0" encoding="utf-8"?><Publication TimeStamp="2017-10-12T11:54:45"><Agendas><Agenda ID="MDR-2016-02836"><PublicationTypeAsValue>2</PublicationTypeAsValue><Items><Item><Number>0</Number><Caption>Åbent referat</Caption><IsPublic>true</IsPublic></Item></Items></Agenda></Agendas></Publication>';
  const r = await importSource('publication.xml', new TextEncoder().encode(getOrganized));
  assert.ok(!r.ok || r.kind !== 'sbsys-xml', 'read as an SBSYS publication');
});

test('a zip that is no export (a Word document) is refused as before; an empty folder says so', async () => {
  const docx = zipSync({ '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'), 'word/document.xml': strToU8('<?xml version="1.0"?><w:document/>') });
  const r = await importSource('referat.docx', docx);
  assert.equal(r.ok, false);
  if (!r.ok) assert.equal(r.problem, 'unsupported');
  const empty = await importFolder(sourceFolder([]));
  assert.equal(empty.ok, false);
});

// --- The command line ----------------------------------------------------------------------------

const cli = join(repoRoot, 'dist/cli.js');
function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' }, timeout: 240_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('referat import: the zip, the folder and the XML each give one referat that checks clean; a lone punkt PDF is one line, exit 2', () => {
  const dir = scratchDir('referat-systems-');
  const out = join(dir, 'ud');
  const edoc = join(dir, '04-12-2012 13.00.00');
  mkdirSync(edoc);
  for (const f of edocFolder()) writeFileSync(join(edoc, f.name), f.bytes);
  const zip = join(dir, 'Publication553.zip');
  writeFileSync(zip, sbsysZip);
  const r = run(['import', '--out-dir', out, zip, edoc]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(readdirSync(out).sort(), [
    'ekstraordinaert-forretningsudvalgsmoede-dagsorden-2012-09-25.referat',
    'sundheds-og-forebyggelsesudvalget-2012-12-04.referat',
  ]);
  assert.match(r.stdout, /agenda with 4 items from Publication553\/Publication553\.xml \(sbsys-edagsorden\)/);
  assert.match(r.stdout, /minutes with 8 items from eDocAgendaPublishing\.xml \(edoc\)/);
  assert.match(r.stderr, /3 enclosures without text/);
  const check = run(['check', out]);
  assert.equal(check.code, 0, check.stdout);
  const lone = run(['import', '--out-dir', join(dir, 'ud2'), join(edoc, '1552823.PDF')]);
  assert.equal(lone.code, 2);
  assert.equal(lone.stdout, '');
  assert.equal(lone.stderr.trim().split('\n').length, 1);
  assert.match(lone.stderr, /1552823\.PDF: .*eDocAgendaPublishing\.xml/);
  assert.equal(existsSync(join(dir, 'ud2')), false);
});

test('a folder read from disk: its files in sub-folders too, by their path in it; links, FIFOs and hidden files passed over', async () => {
  const dir = scratchDir('referat-folder-read-');
  mkdirSync(join(dir, 'Enclosures'));
  writeFileSync(join(dir, 'Publication553.xml'), '<Publication/>');
  writeFileSync(join(dir, 'Enclosures', '1.pdf'), '%PDF-1.4');
  writeFileSync(join(dir, '.DS_Store'), 'x');
  symlinkSync('/etc/hostname', join(dir, 'link.pdf'));
  symlinkSync(tmpdir(), join(dir, 'linked-folder'));
  const fifo = spawnSync('mkfifo', [join(dir, 'pipe.xml')]);
  const read = await readSourceFolder(dir);
  if (!read.ok) assert.fail(read.problem.en);
  assert.deepEqual(
    read.files.map((f) => f.name),
    ['Enclosures/1.pdf', 'Publication553.xml'],
  );
  assert.equal(fifo.status === 0 ? existsSync(join(dir, 'pipe.xml')) : true, true);
  const missing = await readSourceFolder(join(dir, 'findes-ikke'));
  assert.equal(missing.ok, false);
});

test("a file on its own on disk reads what it names beside it: eDoc's XML its punkter's PDFs, Acadre's index its referat", async () => {
  const edoc = await importFile(join(edocDir, 'eDocAgendaPublishing.xml'));
  if ('problem' in edoc) assert.fail(edoc.problem.en);
  const m = one(edoc.result);
  assert.match(m.text, /^Det årlige bygningssyn er nu afsluttet, og der er foretaget en prioritering af\naktiviteter for bygningsvedligeholdelse 2013\.$/m);
  assert.deepEqual(m.notes, []);
  const index = await importFile(join(systemsDir, 'acadre-syddjurs-udvalget-for-plan-udvikling-og-kultur-2013-06-20', 'XML_1863.xml'));
  if ('problem' in index) assert.fail(index.problem.en);
  assert.equal(one(index.result).punkter, 1);
});

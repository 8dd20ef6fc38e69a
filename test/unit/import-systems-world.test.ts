import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReferat, parseReferat } from '../../server/src/core';
import { sourceFolder, unzip, type SourceFile } from '../../server/src/import/bundle';
import { importFolder, importSource, type ImportResult, type ImportedMeeting } from '../../server/src/import/index';
import { cMapReader, defaultCMapDir } from '../../server/src/node/importer';
import { repoRoot } from '../helpers';

/*
 * Exports of the same systems that the issue did not show (test/fixtures/systems-world, README
 * there): Ballerup's SBSYS publication, the rest of Ballerup's eDoc folder (each PDF the XML names
 * again under its title) and Greve's questions and answers of 2024, published still open.
 */

const world = join(repoRoot, 'test/fixtures/systems-world');
const systems = join(repoRoot, 'test/fixtures/systems');
const host = { cMap: cMapReader(defaultCMapDir()) };

function one(r: ImportResult): ImportedMeeting & { notes: string[] } {
  if (!r.ok) assert.fail(`${r.problem}: ${r.message.en} ${r.detail ?? ''}`);
  assert.equal(r.meetings.length, 1, `one meeting, not ${r.meetings.map((m) => m.fileName).join(', ')}`);
  return { ...r.meetings[0]!, notes: r.notes.map((n) => n.en) };
}

function findings(text: string): string[] {
  return checkReferat(parseReferat(text), { locale: 'en' }).map((d) => `${d.range.start.line + 1} ${d.code}: ${d.message}`);
}

const words = (text: string): Set<string> => new Set(text.match(/[\p{L}\p{N}]+/gu) ?? []);

/** The HTML entities SBSYS writes in its fields, as text. */
function entity(name: string): string | undefined {
  if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
  return ({ nbsp: ' ', aring: 'å', oslash: 'ø', aelig: 'æ', Aring: 'Å', Oslash: 'Ø', AElig: 'Æ', amp: '&', quot: '"' } as Record<string, string>)[name];
}

// --- SBSYS publication (Ballerup) ----------------------------------------------------------------

const sbsysZip = readFileSync(join(world, 'sbsys-publication-ballerup-kmb-it-udvalget-2013-05-15/Publication32.zip'));

const SBSYS_TITLES = [
  'Meddelelser',
  'Oplæg til standard it-arbejdsplads for Kommunalbestyrelsens medlemmer i 2014-2018',
  'Indførelse af systemet SAPA (Sagsoverblik/Partskontakt)',
  'Regler for indkøb af it-udstyr',
  'Status på eDagsorden',
];

test("Ballerup's SBSYS publication as its zip and its XML alone: one agenda, its 5 items by number and title, zero findings, every word", async () => {
  const files = unzip(sbsysZip);
  if (!Array.isArray(files)) assert.fail(files.detail);
  const xml = files.find((f) => f.name === 'Publication32/Publication32.xml')!.bytes;
  const zip = one(await importSource('Publication32.zip', sbsysZip, host));
  const alone = one(await importSource('Publication32.xml', xml, host));
  for (const m of [zip, alone]) {
    assert.equal(m.dialect, 'sbsys-edagsorden');
    assert.equal(m.document, 'dagsorden');
    assert.equal(m.fileName, 'kmb-it-udvalget-dagsorden-2013-05-15.referat');
    const referat = parseReferat(m.text);
    assert.deepEqual(
      referat.punkter.map((p) => [p.number, p.title, p.closed, p.journal]),
      SBSYS_TITLES.map((t, i) => [i + 1, t, false, undefined]),
    );
    assert.deepEqual(findings(m.text), []);
  }
  assert.match(zip.text, /^Bilag\n- Brev fra KL til Kommunalbestyrelsen vedr Monopolbrud$/m);
  // The items' captions and fields, as the XML holds them (CDATA, HTML inside a field read as text).
  const source = new TextDecoder().decode(xml);
  const items = source.slice(source.indexOf('<Items>'), source.lastIndexOf('</Items>'));
  const reference = [...items.matchAll(/<(Caption|Content)><!\[CDATA\[([\s\S]*?)\]\]><\/\1>/g)]
    .map((m) => m[2]!.replace(/<[^>]+>/g, ' ').replace(/&(#\d+|[a-z]+);/gi, (e, n: string) => entity(n) ?? e))
    .join('\n');
  const expected = words(reference);
  const missing = [...expected].filter((w) => !words(zip.text).has(w));
  assert.ok(expected.size > 300 && missing.length / expected.size <= 0.02, missing.join(' '));
});

// --- eDoc publication (Ballerup): the folder with each PDF again under its title -----------------

const edocDir = join(systems, 'edoc-ballerup-sundheds-og-forebyggelsesudvalget-2012-12-04');
const bilagDir = join(world, 'edoc-ballerup-sundheds-og-forebyggelsesudvalget-2012-12-04');
const file = (dir: string, name: string): SourceFile => ({ name, bytes: readFileSync(join(dir, name)) });
const COPIES = ['Forslag til takstreduktion aflastningstilbuddet Torvevej 2013.pdf', 'Sundheds- og Forebyggelsesudvalget.pdf'];
/** The folder as Ballerup published it: each PDF the XML names, and the Bilag's and the whole agenda's again under their titles (fixtures/README.md). */
function publishedFolder(): SourceFile[] {
  const bilag = readFileSync(join(bilagDir, '1548285.PDF'));
  const agenda = readFileSync(join(repoRoot, 'test/fixtures/sources/ballerup-sundheds-og-forebyggelsesudvalget-2012-12-04.pdf'));
  return [
    ...['eDocAgendaPublishing.xml', '1552823.PDF', '1552824.PDF'].map((n) => file(edocDir, n)),
    { name: '1548285.PDF', bytes: bilag },
    { name: '1552814.PDF', bytes: agenda },
    { name: COPIES[0]!, bytes: bilag.slice() },
    { name: COPIES[1]!, bytes: agenda.slice() },
  ];
}

test('eDoc publication with its PDFs also under their titles, as published: one referat, the copies named in a note, not meetings of their own', async () => {
  const folder = publishedFolder();
  const m = one(await importFolder(sourceFolder(folder), host));
  assert.equal(m.dialect, 'edoc');
  assert.equal(m.fileName, 'sundheds-og-forebyggelsesudvalget-2012-12-04.referat');
  assert.equal(parseReferat(m.text).punkter.length, 8);
  assert.deepEqual(findings(m.text), []);
  assert.ok(m.notes.includes(`2 files are copies of files the export read, under other names; passed over: ${COPIES.join(', ')}.`), m.notes.join('\n'));
  // A copy of a file the export did not read is still read on its own.
  const alone = await importFolder(sourceFolder([folder.find((f) => f.name === COPIES[1])!]), host);
  assert.ok(alone.ok && alone.meetings.length === 1);
});

// --- First Agenda JSON (Greve): the questions and answers of 2024, published still open ----------

test("Greve's questions and answers of 2024, published open (Afsluttet false), are refused in one line as no meeting", async () => {
  const name = join(world, 'greve-2024/greve-spoergsmaal-svar-til-byraadet-2022-2025-2024-12-31-4173e720.json');
  const bytes = readFileSync(name);
  assert.match(new TextDecoder().decode(bytes), /"Afsluttet": false/);
  const r = await importSource(name, bytes);
  if (r.ok) assert.fail(`imported as ${r.meetings.map((m) => m.fileName).join(', ')}`);
  assert.equal(r.problem, 'no-minutes');
  assert.equal(
    r.message.en,
    'The file is no meeting but documents published as one ("Spørgsmål / Svar til Byrådet 2022-2025": 103 attachments, no text, no decision, nobody attending). There are no minutes to import.',
  );
});

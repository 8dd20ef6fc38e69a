import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReferat, parseReferat } from '../../server/src/core';
import { detectDialect } from '../../server/src/dialect/detect';
import { documentSymbols } from '../../server/src/features/symbols';
import { sourceFolder } from '../../server/src/import/bundle';
import { arrangeGetOrganized } from '../../server/src/import/getOrganized';
import { importFolder, importSource, type ImportResult } from '../../server/src/import/index';
import { readPdf } from '../../server/src/import/pdf';
import { PunktMemory } from '../../server/src/model/build';
import { todaysDecision } from '../../server/src/model/decision';
import { punktLabel } from '../../server/src/model/numbering';
import { spelledOnDisk } from '../../server/src/node/files';
import { nodeFonts } from '../../server/src/node/fonts';
import { createLanguageService } from '../../server/src/service/languageService';
import { defaultPaths } from '../../server/src/service/paths';
import { MemoryWorkspace } from '../../server/src/workspace/memoryWorkspace';
import { punktSymbols, repoRoot, scratchDir } from '../helpers';
import { inspectPdf, type OutlineEntry } from '../render/pdfInspect';
import { GETORGANIZED_FOLDER, GETORGANIZED_PDF_NAME, getOrganizedPdf, makePdf, textContent } from '../pdfFixtures';

/*
 * GetOrganized's referat PDF as Aarhus published it (test/fixtures/systems/getorganized-…: the
 * file under its published name, NFD as a Mac's zip wrote it): one meeting in the `getorganized`
 * dialect, its header read, every item and sub-item a punkt under its title, `Referat:` its
 * decision; an attachment that holds no meeting refused in one line; and a name given in one
 * Unicode normalisation found on a disk that spells it in the other.
 */
const ATTACHMENT = join(repoRoot, 'test/fixtures/systems/not-minutes/aarhus-bilag-sager-paa-vej.pdf');
const OUTLINE = [
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
];
/** The items whose `Referat:` the published text leaves empty: missing a decision, truly. */
const EMPTY_REFERAT = ['1.2', '1.3', '1.4', '2.1', '2.2', '2.3', '3'];

let imported: Promise<ImportResult> | undefined;
async function referatText(): Promise<string> {
  imported ??= importSource(GETORGANIZED_PDF_NAME, readFileSync(getOrganizedPdf));
  const r = await imported;
  if (!r.ok) assert.fail(`${r.problem}: ${r.message.en}`);
  assert.equal(r.meetings.length, 1);
  return r.meetings[0]!.text;
}

const words = (text: string): Set<string> => new Set(text.match(/[\p{L}\p{N}]+/gu) ?? []);

test('the GetOrganized referat PDF is one referat in the getorganized dialect, every item and sub-item in the outline under its title', async () => {
  const r = await importSource(GETORGANIZED_PDF_NAME, readFileSync(getOrganizedPdf));
  if (!r.ok) assert.fail(r.message.en);
  assert.equal(r.kind, 'pdf');
  const m = r.meetings[0]!;
  assert.deepEqual([m.dialect, m.document, m.udvalg, m.date, m.punkter], ['getorganized', 'referat', 'Mødesystemgruppen', '2016-10-06', 10]);
  assert.equal(m.fileName, 'moedesystemgruppen-2016-10-06.referat');
  const referat = parseReferat(m.text);
  assert.equal(referat.dialect.id, 'getorganized', 'the text is read in the dialect it was written in');
  assert.deepEqual(
    punktSymbols(documentSymbols(referat)).map((s) => s.name),
    OUTLINE,
  );
  // Each sub-item under its item, whose range reaches over them.
  const top = documentSymbols(referat).filter((s) => s.name.startsWith('Punkt '));
  assert.deepEqual(
    top.map((s) => [s.name, (s.children ?? []).filter((c) => c.name.startsWith('Punkt ')).length]),
    [
      ['Punkt 1: First Agenda', 4],
      ['Punkt 2: GetOrganized', 3],
      ['Punkt 3: Eventuelt', 0],
    ],
  );
  for (const t of top) for (const c of t.children ?? []) assert.ok(c.range.end.line <= t.range.end.line && c.range.start.line >= t.range.start.line, c.name);
  // As the PDF prints them: the outline's numbers, the titles after a gap.
  assert.match(m.text, /\n1 {2}First Agenda\n1\.1 {2}Status siden sidst\nOplæg:\n/);
  assert.deepEqual(
    referat.punkter.filter((p) => p.closed),
    [],
  );
});

test('GetOrganized: the header is read: committee, date, time, place, who took part and who sent word', async () => {
  const h = parseReferat(await referatText()).header;
  assert.equal(h.title?.udvalg, 'Mødesystemgruppen');
  assert.deepEqual(h.moedeDato?.date?.date, { year: 2016, month: 10, day: 6 });
  assert.equal(h.moedeDato?.time?.text, '13:00');
  assert.equal(h.moedested?.value, 'Rådhuset lokale 233');
  assert.deepEqual(
    h.deltagere?.names.map((n) => n.name),
    [
      'Jeppe Kirkegaard',
      'Tilde Ølholm',
      'Peter Marker',
      'Mona Olesen',
      'Carl Brockdorff',
      'Lone Jelle',
      'Kasper Bang Nielsen',
      'Anne Arndt Nielsen',
      'Natascia Tacchini',
      'Morten Kjeldsen Kusk',
    ],
  );
  assert.deepEqual(
    h.afbud?.names.map((n) => n.name),
    ['Tilde'],
  );
});

test("GetOrganized: each item's Oplæg is its account and its Referat its decision, the text on the Referat's line kept under it", async () => {
  const text = await referatText();
  const referat = parseReferat(text);
  for (const p of referat.punkter.filter((x) => x.subNumber !== undefined || x.number === 3))
    assert.deepEqual(
      p.sections.map((s) => [s.kind, s.title]),
      [
        ['sagsfremstilling', 'Oplæg:'],
        ['beslutning', 'Referat:'],
      ],
      punktLabel(p),
    );
  const decision = todaysDecision(referat.punkter[1]!);
  assert.ok(decision.written);
  assert.match(text, /\nReferat:\nAlle skal have indhold\. Byrådsmedlemmer/);
  // The group headings have nothing of their own.
  for (const p of [referat.punkter[0]!, referat.punkter[5]!]) assert.deepEqual(p.sections, []);
});

test("GetOrganized: a sentence that runs over a page's edge is one paragraph; an item or a section at the top of a page stays apart", async () => {
  const text = await referatText();
  // Item 2.2's sentence runs from page 3 onto page 4, the footer `Side 3` dropped between: no blank line splits it.
  assert.match(text, /tilpasse teksten dertil\. Derudover er det også muligt\nfor den enkelte dagsordensansvarlige at se, hvorvidt/);
  // Pages 2 and 3 begin an item and a section: a blank line before each, as between paragraphs.
  assert.match(text, /når man tilknytter til et udvalg\.\n\n1\.2 {2}Status på udviklingsønsker\nOplæg:/);
  assert.match(text, /FØLG OP PÅ SAMMEN MED KASPER\.\n\nReferat:\n/);
  const read = await readPdf(readFileSync(getOrganizedPdf));
  if (!read.ok) assert.fail(read.detail);
  assert.deepEqual(read.runOnPages, [4]);
});

test('GetOrganized: the check reports exactly the items whose Referat the published text leaves empty, and nothing else', async () => {
  const referat = parseReferat(await referatText());
  const findings = checkReferat(referat, { locale: 'en' });
  assert.deepEqual(
    findings.map((d) => d.code),
    EMPTY_REFERAT.map(() => 'missing-beslutning'),
  );
  const lines = (await referatText()).split('\n');
  for (const [i, d] of findings.entries()) {
    assert.equal(lines[d.range.start.line], 'Referat:');
    assert.equal(d.message, `The decision of item ${EMPTY_REFERAT[i]} is not written: its "Referat" section is empty.`);
  }
});

test("GetOrganized: the import keeps every word the PDF reader read, and at least 98% of poppler's", async (t) => {
  const bytes = readFileSync(getOrganizedPdf);
  const read = await readPdf(bytes);
  if (!read.ok) assert.fail(read.detail);
  const got = words(await referatText());
  const ours = words(read.pages.map((p) => p.join('\n')).join('\n'));
  assert.deepEqual(
    [...ours].filter((w) => !got.has(w)),
    [],
  );
  const pdftotext = '/usr/bin/pdftotext';
  if (!existsSync(pdftotext)) return t.skip(`${pdftotext} is missing (Debian package poppler-utils)`);
  const scratch = scratchDir('referat-go-');
  const file = join(scratch, 'referat.pdf');
  writeFileSync(file, bytes);
  const poppler = words(execFileSync(pdftotext, ['-layout', file, '-'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString('utf8'));
  const missing = [...poppler].filter((w) => !got.has(w));
  const share = (poppler.size - missing.length) / poppler.size;
  t.diagnostic(`${poppler.size - missing.length}/${poppler.size} distinct words (${(share * 100).toFixed(2)}%), missing: ${missing.join(' ') || 'none'}`);
  assert.ok(share >= 0.98, `only ${(share * 100).toFixed(1)}%; missing: ${missing.join(' ')}`);
});

test('GetOrganized: a section with its text on its line gets the text on the next; the letterhead goes below the committee, in the header', () => {
  const raw = [
    'Tværgående møder',
    'IT og Digitalisering',
    '',
    'Referat',
    '',
    'Mødesystemgruppen',
    '',
    'Dato:         6. oktober 2016',
    'Sted:         Rådhuset',
    '',
    '1  Sag',
    'Oplæg: Kort oplæg.',
    'Referat: Godkendt.',
    '',
  ].join('\n');
  const arranged = arrangeGetOrganized(raw);
  assert.equal(
    arranged,
    [
      'Referat',
      '',
      'Mødesystemgruppen',
      'Tværgående møder',
      'IT og Digitalisering',
      '',
      'Dato:         6. oktober 2016',
      'Sted:         Rådhuset',
      '',
      '1  Sag',
      'Oplæg:',
      'Kort oplæg.',
      'Referat:',
      'Godkendt.',
      '',
    ].join('\n'),
  );
  const referat = parseReferat(arranged);
  assert.equal(referat.header.title?.udvalg, 'Mødesystemgruppen');
  assert.deepEqual(checkReferat(referat), []);
});

test('GetOrganized: items the PDF marks closed read closed (a closed part, a closed title), and the public version holds none of their text', async () => {
  const raw = [
    'Referat',
    '',
    'Mødesystemgruppen',
    '',
    'Dato:         6. oktober 2016',
    '',
    '1  Åben sag',
    'Oplæg:',
    'Offentlig tekst.',
    'Referat:',
    'Godkendt.',
    '',
    'Lukket referat',
    '',
    '2  Køb af grund',
    'Oplæg:',
    'Hemmelig pris.',
    'Referat:',
    'Købet godkendt.',
    '',
    '3  Lukket punkt - Personsag',
    'Oplæg:',
    'Fortrolige oplysninger.',
    'Referat:',
    'Drøftet.',
    '',
  ].join('\n');
  const text = arrangeGetOrganized(raw);
  const referat = parseReferat(text);
  assert.equal(referat.dialect.id, 'getorganized');
  assert.deepEqual(
    referat.punkter.map((p) => [p.number, p.title, p.closed]),
    [
      [1, 'Åben sag', false],
      [2, 'Lukket: Køb af grund', true],
      [3, 'Lukket punkt: Personsag', true],
    ],
  );
  const service = createLanguageService({ workspace: new MemoryWorkspace({}), locale: 'da', fonts: nodeFonts });
  service.setRoots(['/ws']);
  const html = await service.renderHtml({ uri: defaultPaths.toUri('/ws/go.referat'), version: 1, getText: () => text }, { audience: 'public' });
  assert.ok(html.output);
  assert.match(html.output, /Offentlig tekst/);
  for (const secret of ['Hemmelig pris', 'Købet godkendt', 'Fortrolige oplysninger']) assert.ok(!html.output.includes(secret), secret);
});

test("detectDialect: GetOrganized's referat is told from its outline-numbered items with their Oplæg, its publication and the others as before", async () => {
  assert.equal(detectDialect(await referatText()).id, 'getorganized');
  const read = await readPdf(readFileSync(getOrganizedPdf));
  if (!read.ok) assert.fail(read.detail);
  assert.equal(detectDialect(read.pages.map((p) => p.join('\n')).join('\n')).id, 'getorganized', 'the PDF text before it is arranged');
  const publication = readFileSync(join(repoRoot, 'test/fixtures/dialects/rules/getorganized-publication/ok.referat'), 'utf8');
  assert.equal(detectDialect(publication).id, 'getorganized-publication');
  // An outline number in a Lemvig referat's text, under a `Punkt N:` heading, is no GetOrganized item.
  assert.equal(detectDialect('REFERAT Direktionen d. 07-12-2023\n\nPunkt 1: Sag\n\n1  Indledning\nOplæg: se bilag\n').id, 'sbsys');
});

test('getorganized: a numbered line in an item’s text is text, a heading only where its sections or its first sub-item follow', () => {
  const text = [
    'Referat',
    'Mødesystemgruppen',
    'Dato: 6. oktober 2016',
    'Sted: Rådhuset',
    '',
    '1  Sag',
    'Oplæg:',
    'Der var:',
    '2  medlemmer til stede',
    'og fire afbud.',
    'Referat:',
    'Drøftet.',
    '',
    '2  Gruppe',
    '2.1  Underpunkt',
    'Oplæg:',
    'Tekst.',
    'Referat:',
    'Godkendt.',
    '',
  ].join('\n');
  const referat = parseReferat(text);
  assert.deepEqual(
    referat.punkter.map((p) => punktLabel(p)),
    ['1', '2', '2.1'],
  );
  assert.deepEqual(checkReferat(referat), []);
});

test('a PDF that holds no meeting (no header, no punkter) is refused as not minutes; one with a header or a punkt is read', async () => {
  const attachment = await importSource('aarhus-bilag-sager-paa-vej.pdf', readFileSync(ATTACHMENT));
  assert.equal(attachment.ok, false);
  if (attachment.ok) return;
  assert.equal(attachment.problem, 'no-meeting');
  for (const message of [attachment.message.da, attachment.message.en]) assert.doesNotMatch(message, /\n/);
  assert.match(attachment.message.en, /holds no meeting \(no meeting header, no items\)/);
  assert.match(attachment.message.da, /rummer intet møde \(intet mødehoved, ingen punkter\)/);
  const page = (lines: string[]) => makePdf([{ content: textContent(lines.map((text, i) => ({ x: 72, y: 760 - 20 * i, text }))) }]);
  const list = await importSource('liste.pdf', page(['Sager på vej', 'Budget 2026      Økonomi      November']));
  assert.ok(!list.ok && list.problem === 'no-meeting', JSON.stringify(list));
  const titled = await importSource('forside.pdf', page(['Referat', 'Mødedato   Onsdag d. 27. august 2025 kl. 16:00']));
  assert.ok(titled.ok, 'a header alone is a meeting');
});

const cli = join(repoRoot, 'dist/cli.js');
const runCli = (args: readonly string[], cwd?: string) => {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' }, cwd, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

test('referat import of an attachment: one line naming the file and saying it holds no meeting, exit 2, nothing written', () => {
  const out = join(scratchDir('referat-go-'), 'ud');
  const r = runCli(['import', '--out-dir', out, ATTACHMENT]);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.ok(lines[0]!.startsWith(`${ATTACHMENT}: `), lines[0]);
  assert.match(lines[0]!, /holds no meeting \(no meeting header, no items\)/);
  assert.equal(existsSync(out), false, 'the out-dir made for it is not left behind');
  const beside = scratchDir('referat-go-');
  copyFileSync(ATTACHMENT, join(beside, 'bilag.pdf'));
  assert.equal(runCli(['import', join(beside, 'bilag.pdf')]).code, 2);
  assert.deepEqual(readdirSync(beside), ['bilag.pdf']);
});

test('a name given in NFC for a file the disk spells in NFD, or the other way round, is found by import, check and render', () => {
  const dir = scratchDir('referat-go-');
  const nfd = join(dir, GETORGANIZED_PDF_NAME);
  copyFileSync(getOrganizedPdf, nfd);
  const nfc = nfd.normalize('NFC');
  assert.notEqual(nfc, nfd);
  const imported = runCli(['import', nfc, '-o', join(dir, 'referat.referat')]);
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, /minutes with 10 items from Appendix_referat - .*\.pdf \(getorganized\)/);
  // A referat written under the other spelling: checked and rendered by either name.
  const referat = readFileSync(join(dir, 'referat.referat'), 'utf8');
  writeFileSync(join(dir, 'm\u00f8de-\u00e5bent.referat'.normalize('NFD')), referat);
  const check = runCli(['check', join(dir, 'møde-åbent.referat'.normalize('NFC'))]);
  assert.equal(check.code, 1, check.stderr);
  assert.equal(check.stdout.trim().split('\n').length, EMPTY_REFERAT.length);
  const render = runCli(['render', join(dir, 'møde-åbent.referat'.normalize('NFC')), '-o', join(dir, 'møde.html')]);
  assert.equal(render.code, 0, render.stderr);
  assert.match(readFileSync(join(dir, 'møde.html'), 'utf8'), /Status siden sidst/);
  writeFileSync(join(dir, 'r\u00e5.referat'), referat);
  assert.equal(spelledOnDisk(join(dir, 'r\u00e5.referat'.normalize('NFD'))), join(dir, 'r\u00e5.referat'));
  assert.equal(spelledOnDisk(join(dir, 'findes-ikke-\u00e5.referat')), join(dir, 'findes-ikke-\u00e5.referat'), 'a missing file keeps its name');
});

test("the folder reader's find matches a name regardless of Unicode normalisation, as it does regardless of case", () => {
  const bytes = new Uint8Array([1]);
  const folder = sourceFolder([{ name: `Bilag/${GETORGANIZED_PDF_NAME}`, bytes }]);
  assert.equal(folder.find(`bilag/${GETORGANIZED_PDF_NAME.normalize('NFC').toUpperCase()}`)?.bytes, bytes);
  assert.equal(folder.find(GETORGANIZED_PDF_NAME.normalize('NFC'))?.bytes, bytes, 'by its name alone');
  const nfc = sourceFolder([{ name: 'Referat - åbent.pdf'.normalize('NFC'), bytes }]);
  assert.equal(nfc.find('Referat - åbent.pdf'.normalize('NFD'))?.bytes, bytes);
  assert.ok(readdirSync(GETORGANIZED_FOLDER).includes(GETORGANIZED_PDF_NAME), 'the fixture keeps its published NFD name');
});

test('a group heading judged again when the punkt after it changes: the remembered check equals one from scratch', () => {
  // GetOrganized's publication made minutes, `Punkt 2: GetOrganized` with nothing of its own above its sub-items.
  const published = readFileSync(join(repoRoot, 'test/fixtures/dialects/rules/getorganized-publication/ok.referat'), 'utf8');
  const text = published.replace('Punkt 2: GetOrganized\n\nBeslutning\nTaget til efterretning.\n', 'Punkt 2: GetOrganized\n\n\n\n');
  assert.notEqual(text, published);
  const memory = new PunktMemory();
  const heading = (t: string): number => t.split('\n').indexOf('Punkt 2: GetOrganized');
  const before = checkReferat(parseReferat(text, undefined, { memory }));
  assert.deepEqual(
    before.map((d) => d.code),
    [],
  );
  // `2.1` made an item of its own, its line count and `Punkt 2`'s own lines as they were: now `Punkt 2` lacks a decision.
  const edited = text.replace('Punkt 2.1: Status siden sidst', 'Punkt 3: Status siden sidst');
  const remembered = checkReferat(parseReferat(edited, undefined, { memory }));
  assert.deepEqual(remembered, checkReferat(parseReferat(edited)));
  assert.ok(remembered.some((d) => d.code === 'missing-beslutning' && d.range.start.line === heading(edited)));
});

test('GetOrganized rendered: an empty Referat is shown as a decision not written, a group heading as what it is, without one', async () => {
  const text = await referatText();
  const service = createLanguageService({ workspace: new MemoryWorkspace({}), locale: 'da', fonts: nodeFonts });
  service.setRoots(['/ws']);
  const html = await service.renderHtml({ uri: defaultPaths.toUri('/ws/go.referat'), version: 1, getText: () => text }, { audience: 'internal' });
  assert.ok(html.output);
  const punkter = html.output.split('<section class="punkt').slice(1);
  assert.equal(punkter.length, OUTLINE.length);
  const missing = punkter.map((s, i) => [OUTLINE[i], s.includes('missing-decision')] as const).filter(([, m]) => m);
  assert.deepEqual(
    missing.map(([name]) => name),
    OUTLINE.filter((name) => EMPTY_REFERAT.some((label) => name.startsWith(`Punkt ${label}:`))),
  );
});

test('GetOrganized as PDF: a group heading shares its page with its first sub-item instead of a page of its own with nothing under it; the table of contents gives each sub-item its own page', async () => {
  const text = await referatText();
  const service = createLanguageService({ workspace: new MemoryWorkspace({}), locale: 'da', fonts: nodeFonts });
  service.setRoots(['/ws']);
  const pdf = await service.renderPdf({ uri: defaultPaths.toUri('/ws/go.referat'), version: 1, getText: () => text }, { audience: 'public' });
  assert.ok(pdf.output);
  const info = await inspectPdf(pdf.output);
  const pageOf = new Map<string, number>();
  const walk = (entries: readonly OutlineEntry[]): void => entries.forEach((e) => (pageOf.set(e.title, e.page), walk(e.items)));
  walk(info.outline);
  const page = (title: string): number => pageOf.get(title) ?? assert.fail(`no bookmark ${title} among ${[...pageOf.keys()].join(', ')}`);
  assert.equal(page('Punkt 1: First Agenda'), page('Punkt 1.1: Status siden sidst'));
  assert.equal(page('Punkt 2: GetOrganized'), page('Punkt 2.1: Status siden sidst'));
  // Every other punkt still begins a page of its own.
  assert.ok(page('Punkt 1.2: Status på udviklingsønsker') > page('Punkt 1.1: Status siden sidst'));
  assert.ok(page('Punkt 2.1: Status siden sidst') > page('Punkt 1.4: Plan for resten af året'));
  // The table of contents gives each sub-item its own page and link, not its item's (all of 1.1–1.4 said page 2).
  const toc = info.pages.flatMap((p) => p.annotations).filter((a) => a.subtype === 'Link' && typeof a.dest === 'string');
  assert.equal(toc.length, OUTLINE.length);
  for (const [i, a] of toc.entries()) {
    assert.equal(await info.destinationPage(a.dest as string), page(OUTLINE[i]!), OUTLINE[i]);
    assert.ok(a.contents.endsWith(`, side ${page(OUTLINE[i]!)}`), a.contents);
  }
});

test("GetOrganized's folder is one meeting: the referat its publication names, read from the PDF beside it, not the publication's empty items as a dagsorden besides", async () => {
  const dir = join(repoRoot, 'test/fixtures/systems/getorganized-aarhus-moedesystemgruppen-2016-10-06');
  const folder = sourceFolder(readdirSync(dir).map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) })));
  const r = await importFolder(folder);
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.meetings.length, 1);
  const m = r.meetings[0]!;
  assert.equal(m.dialect, 'getorganized');
  assert.equal(m.document, 'referat');
  assert.equal(m.punkter, 10);
  assert.match((m.source ?? '').normalize('NFC'), /publication\.xml\/Appendix_referat - åbent\.pdf$/);
  assert.ok(r.notes.some((n) => /the meeting is read from Appendix_referat - åbent\.pdf, which the export names as its referat/.test(n.en.normalize('NFC'))));
  // With the export's closed referat beside it (the open punkter and the closed, none marked closed),
  // the public one is read; the closed one only where it is alone, and she is told to mark its closed punkter.
  const open = readFileSync(
    join(
      dir,
      readdirSync(dir).find((n) => n.normalize('NFC') === 'Appendix_referat - åbent.pdf')!,
    ),
  );
  const files = (names: readonly string[]) =>
    sourceFolder([
      { name: 'publication.xml', bytes: new Uint8Array(readFileSync(join(dir, 'publication.xml'))) },
      ...names.map((name) => ({ name, bytes: new Uint8Array(open) })),
    ]);
  const both = await importFolder(files(['Appendix_referat - åbent og lukket.pdf', 'Appendix_referat - åbent.pdf']));
  assert.ok(both.ok);
  assert.match((both.meetings[0]!.source ?? '').normalize('NFC'), /Appendix_referat - åbent\.pdf$/);
  assert.ok(!both.notes.some((n) => /not public/.test(n.en)));
  const closedOnly = await importFolder(files(['Appendix_referat - åbent og lukket.pdf']));
  assert.ok(closedOnly.ok);
  assert.match((closedOnly.meetings[0]!.source ?? '').normalize('NFC'), /åbent og lukket\.pdf$/);
  assert.ok(closedOnly.notes.some((n) => /is not public \(the export's closed referat\), and its closed items are not marked closed/.test(n.en)));
  // The publication alone, with nothing beside it, is still its agenda.
  const alone = await importSource('publication.xml', new Uint8Array(readFileSync(join(dir, 'publication.xml'))));
  assert.ok(alone.ok && alone.meetings[0]!.dialect === 'getorganized-publication');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { checkReferat, parseReferat } from '../../server/src/core';
import { documentSymbols } from '../../server/src/features/symbols';
import { detectDialect } from '../../server/src/dialect/detect';
import { dialectFromSettings, type DialectSettings } from '../../server/src/dialect/extend';
import { PunktMemory } from '../../server/src/model/build';
import { repoRoot, rulesDir } from '../helpers';

/*
 * Minutes from other municipalities and meeting systems (test/fixtures/external: the texts of
 * ../shared/corpus-external, byte for byte; test/fixtures/dialects: the eDoc and Acadre texts with
 * their PDFs' page furniture removed, Greve's laid out from its publication JSON).
 */
const external = join(repoRoot, 'test/fixtures/external');
const dialects = join(repoRoot, 'test/fixtures/dialects');
const read = (path: string): string => readFileSync(path, 'utf8');
const findingsOf = (text: string, locale: 'da' | 'en' = 'da'): string[] =>
  checkReferat(parseReferat(text), { locale }).map((d) => `${d.range.start.line + 1} ${d.code}: ${d.message}`);

interface Known {
  readonly file: string;
  readonly dialect: string;
  readonly kind: 'referat' | 'dagsorden';
  readonly punkter: number;
  readonly first: number;
}
const KNOWN: readonly Known[] = [
  { file: 'external/aarhus-byraadet-2025-08-27.txt', dialect: 'first-agenda-pdf', kind: 'referat', punkter: 21, first: 1 },
  { file: 'external/aarhus-teknisk-udvalg-2025-10-01.txt', dialect: 'first-agenda-page', kind: 'referat', punkter: 6, first: 1 },
  { file: 'external/aarhus-byraadet-dagsorden-2025-10-08.txt', dialect: 'first-agenda-page', kind: 'dagsorden', punkter: 33, first: 1 },
  { file: 'dialects/greve-byraadet-2024-10-02.referat', dialect: 'greve', kind: 'referat', punkter: 15, first: 1 },
  { file: 'dialects/greve-klima-teknik-og-miljoeudvalget-2024-09-05.referat', dialect: 'greve', kind: 'referat', punkter: 12, first: 1 },
  { file: 'dialects/greve-beskaeftigelses-og-erhvervsudvalget-2024-11-18.referat', dialect: 'greve', kind: 'referat', punkter: 13, first: 1 },
  { file: 'dialects/ballerup-edoc.referat', dialect: 'edoc', kind: 'referat', punkter: 8, first: 1 },
  { file: 'dialects/syddjurs-acadre.referat', dialect: 'acadre', kind: 'referat', punkter: 1, first: 715 },
];

for (const k of KNOWN) {
  const text = read(join(repoRoot, 'test/fixtures', k.file));
  test(`${k.file}: zero errors and zero warnings, in Danish and English`, () => {
    assert.deepEqual(findingsOf(text, 'da'), []);
    assert.deepEqual(findingsOf(text, 'en'), []);
  });

  test(`${k.file}: read as ${k.dialect} ${k.kind}, every punkt found with its case number and decision`, () => {
    const r = parseReferat(text);
    assert.equal(r.dialect.id, k.dialect);
    assert.equal(r.kind, k.kind);
    assert.equal(r.punkter.length, k.punkter);
    assert.deepEqual(
      r.punkter.map((p) => p.number),
      Array.from({ length: k.punkter }, (_, i) => k.first + i),
    );
    for (const p of r.punkter) {
      // Every punkt has its case number, but Eventuelt, which has none.
      if (p.title !== 'Eventuelt') assert.equal(p.journal?.kind, 'valid', `punkt ${p.number} ${p.title}: case number ${JSON.stringify(p.journal)}`);
      const decisions = p.sections.filter((s) => s.kind === 'beslutning');
      if (k.kind === 'dagsorden') assert.deepEqual(decisions, [], `the agenda's punkt ${p.number} has no decision`);
      else if (!p.closed && !/^underskrift/i.test(p.title)) assert.ok(decisions.length > 0, `punkt ${p.number} ${p.title} has its decision`);
    }
  });

  test(`${k.file}: the outline is one symbol per punkt, detail the case number as written without a label`, () => {
    const r = parseReferat(text);
    const symbols = documentSymbols(r).filter((s) => s.name.startsWith('Punkt '));
    assert.equal(symbols.length, k.punkter);
    symbols.forEach((s, i) => {
      const p = r.punkter[i]!;
      assert.equal(s.name, `Punkt ${p.number}: ${p.title}`);
      if (p.title !== 'Eventuelt') assert.match(s.detail ?? '', /^(?:EMN-\d{4}-\d{6}|\d{2}-\d{6}|\d{4}-\d{4,6}|\d{2}\/\d{4,6})$/);
      assert.ok(!p.closed ? s.kind === SymbolKind.Number : s.kind === SymbolKind.Package);
    });
  });
}

test('the Aarhus referat: decisions are Events, each earlier handling in a Sagsforløb a Key with its date', () => {
  const r = parseReferat(read(join(external, 'aarhus-byraadet-2025-08-27.txt')));
  const punkt2 = documentSymbols(r).find((s) => s.name.startsWith('Punkt 2:'))!;
  const kinds = (punkt2.children ?? []).map((c: DocumentSymbol) => [c.kind, c.detail ?? '']);
  assert.deepEqual(
    kinds.filter(([k]) => k === SymbolKind.Event),
    [[SymbolKind.Event, '']],
  );
  assert.deepEqual(
    kinds.filter(([k]) => k === SymbolKind.Key),
    [
      [SymbolKind.Key, '26-03-2025, pkt. 21'],
      [SymbolKind.Key, '09-04-2025, pkt. 3'],
      [SymbolKind.Key, '19-08-2025, pkt. 4'],
    ],
  );
});

test('Acadre: of the three dated decision headings, the one dated this meeting is its decision (Event), the others earlier (Key)', () => {
  const r = parseReferat(read(join(dialects, 'syddjurs-acadre.referat')));
  const [punkt] = documentSymbols(r).filter((s) => s.name.startsWith('Punkt '));
  assert.equal(punkt!.detail, '12/27845');
  assert.deepEqual(
    punkt!.children!.filter((c) => c.kind !== SymbolKind.Field).map((c) => [c.kind, c.detail]),
    [
      [SymbolKind.Key, '10-04-2013'],
      [SymbolKind.Key, '24-04-2013'],
      [SymbolKind.Event, undefined],
    ],
  );
});

test('the eDoc and Acadre fixtures are the published texts with only page furniture lines removed', () => {
  for (const [cleaned, published] of [
    ['ballerup-edoc.referat', 'ballerup-sundheds-og-forebyggelsesudvalget-2012-12-04.txt'],
    ['syddjurs-acadre.referat', 'syddjurs-udvalget-for-plan-udvikling-og-kultur-2013-06-20.txt'],
  ] as const) {
    const kept = read(join(dialects, cleaned)).split('\n');
    const all = read(join(external, published)).split('\n');
    // Every kept line is a published line, in order; what is left out is furniture or blank.
    let i = 0;
    const removed: string[] = [];
    for (const line of kept) {
      while (i < all.length && all[i] !== line) removed.push(all[i++]!);
      assert.ok(i < all.length, `${cleaned}: "${line}" is not in the published text in this order`);
      i++;
    }
    removed.push(...all.slice(i));
    for (const line of removed)
      assert.match(
        line,
        /^\s*$|\b\d+ of \d+\s*$|Side \d+\s*$|^\s*\d{1,2}\. \w+ \d{4} - kl\. \d{2}:\d{2}\s*$|^\s*Dato: \d{2}\.\d{2}\.\d{4}\s*$|^\s*(?:Sundheds- og Forebyggelsesudvalget|Referat|Åbent referat)\s*$/,
        `${cleaned}: removed "${line}"`,
      );
  }
});

test('the dialect is told from the document itself: the Lemvig corpus is SBSYS, each other system its own', () => {
  for (const name of readdirSync(join(repoRoot, 'test/fixtures/corpus')))
    assert.equal(detectDialect(read(join(repoRoot, 'test/fixtures/corpus', name))).id, 'sbsys', name);
  for (const k of KNOWN) assert.equal(detectDialect(read(join(repoRoot, 'test/fixtures', k.file))).id, k.dialect, k.file);
});

/*
 * Per dialect, a fixture cut from real minutes where each rule must fire, one defect put in, and
 * the same cut unchanged where nothing may. SBSYS's are the general rule fixtures.
 */
const dialectRules = join(dialects, 'rules');
const expected = JSON.parse(read(join(dialectRules, 'expected.json'))) as Record<string, Record<string, [string, number][]>>;
const SBSYS: Record<string, [string, number][]> = {
  'base.ok.referat': [],
  'missing-beslutning.referat': [['missing-beslutning', 16]],
  'weekday-mismatch.referat': [['weekday-mismatch', 3]],
  // Two items shifted by one skipped number: one finding, with one fix for both.
  'punkt-numbering.gap.referat': [['punkt-numbering', 72]],
  'reference-date.referat': [['reference-date', 60]],
};

const REQUIRED = ['missing-beslutning', 'weekday-mismatch', 'punkt-numbering', 'reference-date'];

for (const [dialect, files] of [['sbsys', SBSYS] as const, ...Object.entries(expected)]) {
  const dir = dialect === 'sbsys' ? rulesDir : join(dialectRules, dialect);
  for (const [file, want] of Object.entries(files)) {
    test(`${dialect}: ${file} gives ${want.length === 0 ? 'no findings' : want.map(([c, l]) => `${c}@${l}`).join(', ')}`, () => {
      const r = parseReferat(read(join(dir, file)));
      assert.equal(r.dialect.id, dialect);
      assert.deepEqual(
        checkReferat(r).map((d) => [d.code, d.range.start.line + 1]),
        want,
      );
    });
  }
  test(`${dialect}: a missing decision, a wrong weekday, a skipped punkt number and a late earlier decision each fire, and a clean cut gives nothing`, () => {
    const fired = new Set(Object.values(files).flatMap((w) => w.map(([c]) => c)));
    assert.deepEqual(
      REQUIRED.filter((c) => !fired.has(c)),
      [],
    );
    assert.ok(
      Object.values(files).some((w) => w.length === 0),
      'a fixture where nothing fires',
    );
  });
}

test("a referat.yaml dialect is one object per reading of its settings, so a document's punkter are remembered between edits", () => {
  const text = readFileSync(join(repoRoot, 'test/fixtures/corpus/direktionen-2023-12-07.referat'), 'utf8');
  const settings: DialectSettings = { afsnit: new Map([['referentens note', 'sagsfremstilling' as const]]) };
  const first = dialectFromSettings(settings, text);
  assert.equal(dialectFromSettings(settings, `${text}\nMere tekst.\n`), first);
  assert.ok(first.extraSectionNames?.includes('referentens note'));
  // The same document, edited, keeps every untouched punkt object.
  const memory = new PunktMemory();
  const before = parseReferat(text, first, { memory });
  const edited = text.replace('Profilering af Lemvig Kommune blev drøftet.', 'Profilering af Lemvig Kommune blev drøftet grundigt.');
  const after = parseReferat(edited, dialectFromSettings(settings, edited), { memory });
  const kept = after.punkter.filter((p, i) => p === before.punkter[i]).length;
  assert.equal(kept, after.punkter.length - 1);
  // Settings read anew (the file changed) make another dialect.
  assert.notEqual(dialectFromSettings({ ...settings }, text), first);
});

test("one of another system's words in a Lemvig referat does not change its dialect: a closed punkt's first text stays unpublished", () => {
  const base = readFileSync(join(repoRoot, 'test/fixtures/rules/base.ok.referat'), 'utf8');
  assert.equal(detectDialect(base).id, 'sbsys');
  const lines = base.split('\n');
  const at = lines.findIndex((l) => l === 'Sagsfremstilling');
  assert.ok(at > 0);
  for (const added of [['Sagens forløb', 'Tekst.'], ['Fremstilling'], ['Beslutninger'], ['23-001234'], ['Sagens forløb', '', '23-001234']]) {
    const text = [...lines.slice(0, at), ...added, '', ...lines.slice(at)].join('\n');
    assert.equal(detectDialect(text).id, 'sbsys', added.join('|'));
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { checkReferat, parseReferat, type Referat } from '../../server/src/core';
import { LIST_ITEM_WORDS, MONTH_WORDS, ORDINAL_NOUNS } from '../../server/src/dialect/vocabulary';
import { numberDotForm } from '../../server/src/syntax/numberDot';
import { repoRoot } from '../helpers';

/*
 * Issue 23, the parser: in the dialects whose punkt heading is `3.   Title` (eDoc, Acadre, SBSYS
 * eDagsorden, eDoc (Fujitsu)), a line that begins with a number and a period is a punkt heading only
 * where the dialect's heading form and the numbering say so: never a date (`30. november 2022
 * vedtages 14 nye strategier.` became punkt 30 with 16 false alarms), an ordinal (`2. behandling af
 * …`) or a numbered list's item (`1. at …`). Every number-dot fixture, each in its system's form:
 * the dialects' rule fixtures, Ballerup's eDoc and Syddjurs' Acadre minutes, and Region Hovedstaden's
 * SBSYS publication (systems/…/Publication553.zip as `referat import` writes it, made a referat with
 * `referat create-referat` and each decision written `Godkendt.`), whose decision quotes earlier
 * dates (`18. september 2012: …`) and whose item 3 recommends a numbered list (`1. at …`).
 */
const fixtures = join(repoRoot, 'test/fixtures/dialects');
interface Fixture {
  readonly file: string;
  readonly dialect: string;
  readonly numbers: readonly number[];
}
const FIXTURES: readonly Fixture[] = [
  { file: 'rules/edoc/ok.referat', dialect: 'edoc', numbers: [1, 2] },
  { file: 'ballerup-edoc.referat', dialect: 'edoc', numbers: [1, 2, 3, 4, 5, 6, 7, 8] },
  { file: 'rules/acadre/ok.referat', dialect: 'acadre', numbers: [715, 716] },
  { file: 'syddjurs-acadre.referat', dialect: 'acadre', numbers: [715] },
  { file: 'rules/sbsys-edagsorden/ok.referat', dialect: 'sbsys-edagsorden', numbers: [1, 2, 3, 4, 5] },
  { file: 'sbsys-publication-region-hovedstaden-2012-09-25.referat', dialect: 'sbsys-edagsorden', numbers: [1, 2, 3, 4] },
  { file: 'rules/edoc-fujitsu/ok.referat', dialect: 'edoc-fujitsu', numbers: [1, 2, 3, 4, 5, 6] },
];
const read = (f: Fixture): string => readFileSync(join(fixtures, f.file), 'utf8');
const findings = (r: Referat): string[] => checkReferat(r).map((d) => `${d.range.start.line + 1} ${d.code}: ${d.message}`);

for (const f of FIXTURES) {
  test(`${f.file}: read as ${f.dialect}, every punkt found (${f.numbers.join(', ')}), nothing reported`, () => {
    const r = parseReferat(read(f));
    assert.equal(r.dialect.id, f.dialect);
    assert.deepEqual(
      r.punkter.map((p) => p.number),
      f.numbers,
    );
    assert.deepEqual(findings(r), []);
  });
}

test('SBSYS publication: the quoted dates and the recommendation`s list are text of their punkt, and "2. behandling af …" is punkt 1`s whole title', () => {
  const text = read(FIXTURES.find((f) => f.file.startsWith('sbsys-publication'))!);
  const r = parseReferat(text);
  assert.equal(r.punkter[0]!.title, '2. behandling af forslag til styrelsesvedtægt – nedsættelse af stående udvalg');
  const lines = text.split('\n');
  const punktOf = (start: string): number => {
    const line = lines.findIndex((l) => l.startsWith(start));
    assert.ok(line >= 0, start);
    return r.punkter.filter((p) => p.headingRange.start.line < line).at(-1)!.number;
  };
  assert.equal(punktOf('Forretningsudvalget den 18. september 2012, sag nr. 10'), 1);
  assert.equal(punktOf('Sagen udsat til behandling'), 1);
  assert.equal(punktOf('FORRETNINGSUDVALGETS BESLUTNING den 25.09.2012 Punkt 1'), 1);
  for (const item of ['1. at regionsrådet tiltræder', '2. at regionen', '3. at de samlede udgifter']) assert.equal(punktOf(item), 3, item);
});

test('a punkt titled with an ordinal keeps its whole title, in each number-dot form', () => {
  for (const f of FIXTURES) {
    const text = read(f);
    const first = parseReferat(text).punkter[0]!;
    const lines = text.split('\n');
    const at = first.titleRange.start;
    lines[at.line] = `${lines[at.line]!.slice(0, at.character)}2. behandling af budget ${first.title}`;
    const r = parseReferat(lines.join('\n'));
    assert.deepEqual(
      r.punkter.map((p) => p.number),
      f.numbers,
      f.file,
    );
    assert.equal(r.punkter[0]!.title, `2. behandling af budget ${first.title}`, f.file);
  }
});

test("a line's words: a day of a month, an ordinal or a list's `at` is never a heading's; a title's form is", () => {
  for (const line of [
    '30. november 2022 vedtages 14 nye strategier.',
    '1. januar',
    '1. jan. 2023',
    '15. maj kl. 14',
    '31. december',
    '1. Januar 2023 træder ordningen i kraft',
    '3. Dec. 2024',
    '2. behandling af budget 2025',
    '1. gang',
    '3. kvartal 2023 viste et mindreforbrug',
    '2. halvår',
    '1. del af projektet',
    '4. udgave',
    '1. at regionsrådet tiltræder konferencen,',
    '2. og sidste etape',
  ])
    assert.equal(numberDotForm(line), 'not', line);
  for (const line of ['2. Behandling af høringssvar', '715. Kulturkommune 2017. Politiske fokusområder', '3. Maj-festival 2025', '1. 2. behandling af budget'])
    assert.equal(numberDotForm(line), 'plain', line);
  // Read as text unless the numbering is sure: a lower-case word, a month's name alone, a sentence, a line that runs on.
  for (const line of ['1. test', '4. November', '2. Budgettet godkendes.', '1. Regionsrådet tiltræder,']) assert.equal(numberDotForm(line), 'doubtful', line);
});

// ------------------------------------------------------------------ the property

const capital = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
const SHORT_MONTH = 4;
const day = fc.integer({ min: 1, max: 31 });
/** A paragraph (its lines) that begins with a number and a period and is no heading. */
const date = fc
  .tuple(
    day,
    fc.constantFrom(...MONTH_WORDS),
    fc.boolean(),
    fc.constantFrom(' 2022 vedtages 14 nye strategier.', ' kl. 14 holdes der møde.', ': Sagen udsat.', ' 2023', '', ' var udvalget på besøg.'),
  )
  .map(([d, m, dot, tail]) => [`${d}. ${m}${dot && m.length <= SHORT_MONTH ? '.' : ''}${tail}`]);
const datedInCapitals = fc
  .tuple(day, fc.constantFrom(...MONTH_WORDS), fc.integer({ min: 1990, max: 2040 }), fc.constantFrom(' vedtages budgettet.', '', ': Sagen udsat.'))
  .map(([d, m, y, tail]) => [`${d}. ${capital(m)} ${y}${tail}`]);
const ordinal = fc
  .tuple(
    fc.integer({ min: 1, max: 9 }),
    fc.constantFrom(...ORDINAL_NOUNS),
    fc.constantFrom(' af budgettet', ' 2023 viste et mindreforbrug.', '', ' er afsluttet'),
  )
  .map(([n, noun, tail]) => [`${n}. ${noun}${tail}`]);
const list = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.constantFrom(...LIST_ITEM_WORDS), fc.boolean(), fc.boolean())
  .map(([k, word, spaced, capitalised]) =>
    Array.from({ length: k }, (_, i) => [
      `${i + 1}. ${word} ${capitalised ? 'Regionsrådet' : 'udvalget'} godkender punkt ${String.fromCharCode(97 + i)},`,
      ...(spaced ? [''] : []),
    ]).flat(),
  );
// A list of two items or more in a title's form: its items follow one another.
const titledList = fc
  .tuple(fc.integer({ min: 2, max: 4 }), fc.boolean())
  .map(([k, spaced]) => Array.from({ length: k }, (_, i) => [`${i + 1}. Budget ${2025 + i} godkendes`, ...(spaced ? [''] : [])]).flat());
// A paragraph whose line break (a PDF's) falls before a year, an amount or a number: the line runs on from the one above.
const runOn = fc
  .tuple(fc.constantFrom('2023', '2024', '3', '12', '1'), fc.constantFrom('Herefter vedtages planen.', 'Budgettet blev godkendt', 'Økonomi'))
  .map(([n, rest]) => ['Planen blev forelagt udvalget i', `${n}. ${rest}`]);
const paragraph = fc.oneof(date, datedInCapitals, ordinal, list, titledList, runOn);

/** Where a paragraph may go: after any line of a punkt's sections (its heading, its text). */
function bodyLines(r: Referat): number[] {
  const lines: number[] = [];
  for (const p of r.punkter) for (const s of p.sections) for (let l = s.headingRange.start.line; l <= s.range.end.line; l++) lines.push(l);
  return lines;
}

test('a paragraph that begins with a date, an ordinal or a list item, anywhere in a punkt of any number-dot form, changes no punkt and raises no finding', () => {
  const bases = FIXTURES.map((f) => {
    const text = read(f);
    const r = parseReferat(text);
    return { f, lines: text.split('\n'), after: bodyLines(r), titles: r.punkter.map((p) => p.title) };
  });
  fc.assert(
    fc.property(fc.nat({ max: bases.length - 1 }), fc.nat(), paragraph, fc.boolean(), fc.boolean(), (which, where, para, blankBefore, blankAfter) => {
      const base = bases[which]!;
      const at = base.after[where % base.after.length]! + 1;
      const inserted = [...(blankBefore ? [''] : []), ...para, ...(blankAfter ? [''] : [])];
      const r = parseReferat([...base.lines.slice(0, at), ...inserted, ...base.lines.slice(at)].join('\n'));
      assert.deepEqual(
        r.punkter.map((p) => p.number),
        base.f.numbers,
        `${base.f.file}, after line ${at}: ${JSON.stringify(inserted)}`,
      );
      assert.deepEqual(
        r.punkter.map((p) => p.title),
        base.titles,
      );
      assert.deepEqual(findings(r), [], `${base.f.file}, after line ${at}: ${JSON.stringify(inserted)}`);
    }),
    { numRuns: 1500, seed: 23 },
  );
});

test('a punkt renumbered by hand, skipped or repeated, is still a punkt and reported, in each number-dot form', () => {
  for (const f of FIXTURES) {
    const text = read(f);
    const r = parseReferat(text);
    const running = r.dialect.numbering === 'running';
    for (const [i, p] of r.punkter.entries()) {
      // Where numbers run on through the year, the first punkt's number is any number.
      if (running && i === 0) continue;
      for (const to of new Set([p.number - 1, p.number + 1, p.number + 7, r.punkter[0]!.number]))
        if (to >= 1 && to !== p.number) {
          const lines = text.split('\n');
          const line = p.numberRange.start.line;
          lines[line] = lines[line]!.replace(/^\d+/, String(to));
          const changed = parseReferat(lines.join('\n'));
          const what = `${f.file}: punkt ${p.number} numbered ${to}`;
          assert.equal(changed.punkter.length, r.punkter.length, what);
          assert.ok(
            checkReferat(changed).some((d) => d.code === 'punkt-numbering'),
            what,
          );
        }
    }
  }
});

test('the issue`s paragraph after punkt 1 of the eDoc and the Acadre referat, with the next heading after it, is text of punkt 1', () => {
  for (const f of FIXTURES.filter((x) => x.file.startsWith('rules/edoc/') || x.file.startsWith('rules/acadre/'))) {
    const text = read(f);
    const r = parseReferat(text);
    const lines = text.split('\n');
    // Right above the second heading, set apart, as the last paragraph of punkt 1's decision.
    const at = r.punkter[1]!.headingRange.start.line;
    for (const para of [
      '30. november 2022 vedtages 14 nye strategier.',
      '30. November 2022 vedtages 14 nye strategier',
      '2. behandling af budgettet sker i december.',
    ]) {
      const changed = parseReferat([...lines.slice(0, at), para, '', ...lines.slice(at)].join('\n'));
      assert.deepEqual(
        changed.punkter.map((p) => p.number),
        f.numbers,
        `${f.file}: ${para}`,
      );
      assert.deepEqual(findings(changed), [], `${f.file}: ${para}`);
      assert.ok(changed.punkter[0]!.sections.some((s) => s.body.some((b) => b.text === para)));
    }
  }
});

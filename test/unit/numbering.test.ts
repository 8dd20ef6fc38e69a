import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkReferat, parseReferat } from '../../server/src/core';
import { codeActions } from '../../server/src/features/codeActions';
import { applyEdits } from '../features/helpers';

// The punkter's numbering: one inserted or removed punkt shifts every punkt after it, and that is one
// mistake, not one per punkt; every fix, and the whole-document renumbering, leaves the numbers right.

const HEADER = `REFERAT Direktionen d. 07-12-2023

Mødedato Torsdag d. 07. december 2023 kl. 09:00

Mødested Udvalgsværelse 1, Lemvig Rådhus

Mødedeltagere Claus Borg, Lars Borst Hansen og Søren Søndergaard Kjær
`;

/** A referat with punkter numbered as given (`3`, `3.1`). */
function referatOf(labels: readonly string[]): string {
  return HEADER + labels.map((l, i) => `\nPunkt ${l}: Sag ${i + 1}\n\nBeslutning\n\nGodkendt.\n`).join('');
}

const numberingOf = (text: string, locale: 'da' | 'en' = 'en') => checkReferat(parseReferat(text), { locale }).filter((d) => d.code === 'punkt-numbering');

const labelsOf = (text: string): string[] =>
  parseReferat(text).punkter.map((p) => (p.subNumber === undefined ? String(p.number) : `${p.number}.${p.subNumber}`));

const lineOfPunkt = (text: string, index: number): number => parseReferat(text).punkter[index]!.headingRange.start.line;

test('an inserted punkt written with the number of the next: one finding on it, one fix renumbering it and every punkt after it', () => {
  const text = referatOf(['1', '2', '2', '3', '4']);
  const found = numberingOf(text);
  assert.deepEqual(
    found.map((d) => [d.range.start.line, d.message]),
    [[lineOfPunkt(text, 2), `Item 2 already exists (line ${lineOfPunkt(text, 1) + 1}); the items from here, 2–4, should be numbered 3–5.`]],
  );
  assert.equal(found[0]!.fixes[0]!.title, 'Renumber 2–4 to 3–5');
  assert.deepEqual(labelsOf(applyEdits(text, found[0]!.fixes[0]!.edits)), ['1', '2', '3', '4', '5']);
  assert.equal(
    numberingOf(text, 'da')[0]!.message,
    `Punkt 2 findes allerede (linje ${lineOfPunkt(text, 1) + 1}); punkterne herfra, 2–4, skal have numrene 3–5.`,
  );
});

test('a removed punkt: one finding naming the skipped number, and its fix', () => {
  const text = referatOf(['1', '2', '4', '5', '6']);
  const found = numberingOf(text);
  assert.deepEqual(
    found.map((d) => [d.range.start.line, d.message]),
    [[lineOfPunkt(text, 2), 'Number 3 is skipped: items 4–6 should be numbered 3–5.']],
  );
  assert.deepEqual(labelsOf(applyEdits(text, found[0]!.fixes[0]!.edits)), ['1', '2', '3', '4', '5']);
  assert.equal(numberingOf(text, 'da')[0]!.fixes[0]!.title, 'Omnummerér 4–6 til 3–5');
});

test('one punkt out of turn among right ones is reported alone, as before', () => {
  const text = referatOf(['1', '7', '3', '4']);
  const found = numberingOf(text);
  assert.deepEqual(
    found.map((d) => [d.range.start.line, d.message]),
    [[lineOfPunkt(text, 1), 'Item 7 should be numbered 2.']],
  );
  assert.deepEqual(labelsOf(applyEdits(text, found[0]!.fixes[0]!.edits)), ['1', '2', '3', '4']);
});

test('a shifted run ends where the numbers are right again, and a second shift is its own finding', () => {
  const text = referatOf(['1', '3', '4', '4', '6', '7', '7']);
  const found = numberingOf(text);
  assert.deepEqual(
    found.map((d) => [d.range.start.line, d.message]),
    [
      [lineOfPunkt(text, 1), 'Number 2 is skipped: items 3–4 should be numbered 2–3.'],
      [lineOfPunkt(text, 4), 'Number 5 is skipped: items 6–7 should be numbered 5–6.'],
    ],
  );
});

test('sub-items move with their item: its fix renumbers them, and no sub-item is left under the old number', () => {
  const text = referatOf(['1', '3', '3.1', '3.2', '4', '4.1']);
  const found = numberingOf(text);
  assert.deepEqual(
    found.map((d) => d.message),
    ['Number 2 is skipped: items 3–4 should be numbered 2–3.'],
  );
  assert.deepEqual(labelsOf(applyEdits(text, found[0]!.fixes[0]!.edits)), ['1', '2', '2.1', '2.2', '3', '3.1']);
  // One item alone out of turn takes its sub-items along too.
  const single = referatOf(['1', '5', '5.1', '3']);
  const one = numberingOf(single);
  assert.deepEqual(
    one.map((d) => d.message),
    ['Item 5 should be numbered 2.'],
  );
  assert.deepEqual(labelsOf(applyEdits(single, one[0]!.fixes[0]!.edits)), ['1', '2', '2.1', '3']);
});

/** Applies every finding's first fix at once, as fixing them one after another would. */
function withEveryFix(text: string): string {
  return applyEdits(
    text,
    numberingOf(text).flatMap((d) => d.fixes[0]?.edits ?? []),
  );
}

const labels = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 12 }), fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 3 })), { minLength: 1, maxLength: 14 })
  .map((items) => items.flatMap(([n, subs]) => [String(n), ...subs.map((s) => `${n}.${s}`)]));

test('property: any numbering is made right by its findings’ fixes, and by the whole-document renumbering; no finding overlaps another’s edits', () => {
  fc.assert(
    fc.property(labels, (written) => {
      const text = referatOf(written);
      const found = numberingOf(text);
      const edited = found.flatMap((d) => d.fixes[0]?.edits ?? []).map((e) => e.range.start.line);
      assert.equal(new Set(edited).size, edited.length, 'no punkt is renumbered by two findings');
      // Every finding is a punkt written wrong: none on a right one.
      assert.ok(found.length <= written.length);
      assert.deepEqual(numberingOf(withEveryFix(text)), [], 'the fixes leave nothing');
      const referat = parseReferat(text);
      const all = codeActions(referat, [], { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, 'file:///x.referat', 'en').find(
        (a) => a.title === 'Renumber the items 1..N',
      );
      assert.equal(all !== undefined, found.length > 0, 'the renumbering is offered exactly when a number is wrong');
      if (all) assert.deepEqual(numberingOf(applyEdits(text, Object.values(all.edit!.changes!)[0]!)), [], 'the renumbering leaves nothing');
    }),
    { numRuns: 400 },
  );
});

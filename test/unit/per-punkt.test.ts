import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kleCatalog } from '../../server/src/model/kle';
import { parseReferat } from '../../server/src/model/parse';
import { PunktMemory } from '../../server/src/model/build';
import { documentFacts, punktFindings, punktRule } from '../../server/src/rules/perPunkt';
import { checkReferat } from '../../server/src/rules/index';
import { rejectedWords } from '../../server/src/rules/writing';
import type { Diagnostic, Rule, SpellingKnowledge } from '../../server/src/rules/types';
import type { Speller } from '../../server/src/spelling/speller';
import { repoRoot } from '../helpers';

const text = readFileSync(join(repoRoot, 'test/fixtures/corpus/direktionen-2023-12-07.referat'), 'utf8');

/** The rule's findings on each text read with one document's memory; `judged` holds the punkter judged the last time. */
function checker(rule: Rule, judged: number[], memory = new PunktMemory()) {
  return (t: string) => {
    const referat = parseReferat(t, undefined, { memory });
    const ctx = { referat, kle: kleCatalog() };
    judged.length = 0;
    return { found: punktFindings(rule, rule.perPunkt!, ctx, documentFacts(ctx)), referat };
  };
}

test("a per-punkt rule judges again only the punkter an edit touched, and every punkt when the document's facts change", () => {
  const judged: number[] = [];
  const rule = punktRule({
    code: 'test-rule',
    severity: 'warning',
    description: { da: 'prøve', en: 'test' },
    checkPunkt(p) {
      judged.push(p.number);
      return /drøftet grundigt/.test(p.sections.map((s) => s.body.map((l) => l.text).join('\n')).join('\n'))
        ? [{ range: p.headingRange, message: { da: 'grundigt', en: 'thoroughly' } }]
        : [];
    },
  });
  const memory = new PunktMemory();
  const run = checker(rule, judged, memory);
  const first = run(text);
  assert.equal(judged.length, first.referat.punkter.length);
  assert.equal(first.found.length, 0);
  // One punkt edited: it alone is judged, and its new finding comes out.
  const edited = text.replace('Profilering af Lemvig Kommune blev drøftet.', 'Profilering af Lemvig Kommune blev drøftet grundigt.');
  const second = run(edited);
  assert.equal(judged.length, 1);
  assert.equal(second.found.length, 1);
  // Nothing changed: nothing judged, the finding remembered.
  assert.equal(run(edited).found.length, 1);
  assert.equal(judged.length, 0);
  // The header's text is no fact of a punkt: a weekday or a place edited there judges nothing again.
  const place = edited.replace('Mødedato Torsdag d. 07.', 'Mødedato Fredag d. 07.').replace('Mødested Udvalgsværelse 1', 'Mødested Udvalgsværelse 2');
  assert.notEqual(place, edited);
  assert.equal(run(place).found.length, 1);
  assert.equal(judged.length, 0);
  // Another meeting day is another fact: every punkt is judged again.
  const moved = place.replace('Mødedato Fredag d. 07. december 2023', 'Mødedato Fredag d. 08. december 2023');
  assert.notEqual(moved, place, 'Mødedato names the meeting day');
  run(moved);
  assert.equal(judged.length, first.referat.punkter.length);
});

test('a line added or removed above the punkter moves them: none is judged again, and their findings move with them', () => {
  const judged: number[] = [];
  const rule = punktRule({
    code: 'test-moved',
    severity: 'warning',
    description: { da: 'prøve', en: 'test' },
    checkPunkt(p) {
      judged.push(p.number);
      return [
        {
          range: p.titleRange,
          message: { da: 'titel', en: 'title' },
          fixes: [{ title: { da: 'ret', en: 'fix' }, edits: [{ range: p.titleRange, newText: 'x' }], cursor: p.titleRange.end }],
        },
      ];
    },
  });
  const memory = new PunktMemory();
  const run = checker(rule, judged, memory);
  const first = run(text);
  assert.equal(judged.length, first.referat.punkter.length);
  // Enter at the end of the place's line: every punkt is one line further down.
  const at = text.indexOf('\n', text.indexOf('Mødested'));
  const down = `${text.slice(0, at)}\n${text.slice(at)}`;
  const second = run(down);
  assert.equal(judged.length, 0, 'no punkt judged again');
  assert.ok(
    second.referat.punkter.every(
      (p, i) => p !== first.referat.punkter[i] && p.headingRange.start.line === first.referat.punkter[i]!.headingRange.start.line + 1,
    ),
  );
  // The model and the findings are those of a reading from scratch, the quick fixes' edits and cursor too.
  const fresh = parseReferat(down);
  assert.deepEqual(second.referat.punkter, fresh.punkter);
  const freshCtx = { referat: fresh, kle: kleCatalog() };
  assert.deepEqual(second.found, punktFindings(rule, rule.perPunkt!, freshCtx, undefined));
  // And back up again.
  const third = run(text);
  assert.equal(judged.length, 0);
  assert.deepEqual(third.found, first.found);
  // Two Enters read (as completion reads the text while she types) before the next check: the punkter
  // moved twice still take their findings from the last punkter checked.
  parseReferat(down, undefined, { memory });
  const twice = `${down.slice(0, at)}\n${down.slice(at)}`;
  const fourth = run(twice);
  assert.equal(judged.length, 0, 'no punkt judged again after two moves');
  assert.deepEqual(fourth.found, punktFindings(rule, rule.perPunkt!, { referat: parseReferat(twice), kle: kleCatalog() }, undefined));
  // A rule whose message names a line is judged again where its punkt moved.
  const naming = punktRule({
    code: 'test-names-line',
    severity: 'warning',
    description: { da: 'prøve', en: 'test' },
    namesLines: true,
    checkPunkt(p) {
      judged.push(p.number);
      return [{ range: p.headingRange, message: { da: `linje ${p.headingRange.start.line + 1}`, en: `line ${p.headingRange.start.line + 1}` } }];
    },
  });
  const named = checker(naming, judged, memory);
  named(text);
  const moved = named(down).found;
  assert.equal(judged.length, first.referat.punkter.length);
  assert.equal(moved[0]!.message.en, `line ${second.referat.punkter[0]!.headingRange.start.line + 1}`);
});

test("the check's findings on an edited document equal a check from scratch, rule for rule", () => {
  const memory = new PunktMemory();
  checkReferat(parseReferat(text, undefined, { memory }));
  const edited = text.replace('Profilering af Lemvig Kommune blev drøftet.', 'Profilering af Lemvig Kommune blev.\n\n- \n');
  const remembered = checkReferat(parseReferat(edited, undefined, { memory }));
  assert.ok(remembered.some((d) => d.code === 'empty-bullet'));
  assert.deepEqual(remembered, checkReferat(parseReferat(edited)));
});

test('a referat checked once (the command line) has the findings of one checked with memory, in every dialect and fixture', () => {
  const dirs = ['test/fixtures/corpus', 'test/fixtures/dialects', 'test/fixtures/rules', 'test/fixtures/protokol'].map((d) => join(repoRoot, d));
  const files = dirs
    .flatMap((d) => (existsSync(d) ? readdirSync(d, { recursive: true }).map((f) => join(d, String(f))) : []))
    .filter((f) => f.endsWith('.referat'));
  assert.ok(files.length >= 20, `only ${files.length} fixtures`);
  let findings = 0;
  for (const file of files) {
    const t = readFileSync(file, 'utf8');
    const once = checkReferat(parseReferat(t), { reading: 'once' });
    findings += once.length;
    assert.deepEqual(once, checkReferat(parseReferat(t)), file);
  }
  assert.ok(findings > 0, 'no fixture had a finding: nothing was compared');
});

test("a new spell-check knowledge over the same dictionary reads no line again; its notes are a fresh check's", () => {
  // A dictionary of short words: every long word is rejected, and the knowledge decides which of those it knows.
  const speller: Speller = { correct: (w) => w.length < 9, suggest: () => [] };
  const knowledge = (known: ReadonlySet<string>, reads: { n: number }, dictionary: Speller = speller): SpellingKnowledge => ({
    speller: dictionary,
    isKnown: (w) => known.has(w.toLowerCase()),
    rejected(line, place) {
      reads.n++;
      return rejectedWords(line, place, { speller: dictionary });
    },
  });
  const spellingOf = (found: readonly Diagnostic[]) => found.filter((d) => d.code === 'spelling');
  const referat = parseReferat(text);
  const first = { n: 0 };
  const before = spellingOf(checkReferat(referat, { spelling: knowledge(new Set(), first) }));
  assert.ok(first.n > 0 && before.length > 3, `${first.n} lines read, ${before.length} notes`);
  // The archive came to know three of the words: the notes follow, from the verdicts already made.
  const learnt = new Set(before.slice(0, 3).map((d) => /"(.+)"/.exec(d.message)![1]!.toLowerCase()));
  assert.equal(learnt.size, 3);
  const again = { n: 0 };
  const after = spellingOf(checkReferat(referat, { spelling: knowledge(learnt, again) }));
  assert.equal(again.n, 0, 'lines were read again for a knowledge over the same dictionary');
  assert.deepEqual(after, spellingOf(checkReferat(parseReferat(text), { spelling: knowledge(learnt, { n: 0 }) })));
  const wordOf = (d: Diagnostic): string => /"(.+)"/.exec(d.message)![1]!.toLowerCase();
  assert.deepEqual(
    after,
    before.filter((d) => !learnt.has(wordOf(d))),
  );
  // Another dictionary's verdicts are its own.
  const other = { n: 0 };
  checkReferat(referat, { spelling: knowledge(learnt, other, { correct: (w) => w.length < 12, suggest: () => [] }) });
  assert.ok(other.n > 0);
});

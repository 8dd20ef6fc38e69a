import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APPROVAL_WORDS, CASE_NUMBER_SCHEMES, DOCUMENT_WORDS, HEADER_LABELS, SECTION_NAMES } from '../../server/src/dialect/vocabulary';
import { DIALECTS } from '../../server/src/dialect/dialects';
import { parseReferat } from '../../server/src/core';
import { repoRoot } from '../helpers';

/*
 * The format's words live in one table (server/src/dialect/vocabulary.ts). What cannot read it at
 * run time, the TextMate grammar, is held to it here: a word added to the table and not to the
 * grammar fails this test, which prints the alternation to paste.
 */
const grammar = JSON.parse(readFileSync(join(repoRoot, 'grammar/referat.tmLanguage.json'), 'utf8')) as {
  repository: Record<string, { match: string }>;
};

/** The alternation the grammar writes for a list of words: longest first, regex characters escaped. */
function alternation(words: readonly string[]): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('|');
}

test('the grammar highlights every section heading of the vocabulary', () => {
  const want = alternation(SECTION_NAMES.map((s) => s.name));
  assert.ok(grammar.repository.sectionHeading!.match.includes(`(?i:${want})`), `sectionHeading should hold (?i:${want})`);
});

test('the grammar highlights every header label of the vocabulary', () => {
  const want = alternation(HEADER_LABELS.map((l) => l.label));
  assert.ok(grammar.repository.field!.match.includes(`(${want})`), `field should hold (${want})`);
});

test('the grammar highlights the approval block: its headings and its fields', () => {
  assert.ok(grammar.repository.approvalHeading!.match.includes(`(${APPROVAL_WORDS.heading}|${APPROVAL_WORDS.addition})`));
  assert.ok(grammar.repository.approvalField!.match.includes(`(${APPROVAL_WORDS.by}|${APPROVAL_WORDS.seal}|${APPROVAL_WORDS.date})`));
  // Its date is a header field's label too.
  assert.ok(grammar.repository.field!.match.includes(`|${APPROVAL_WORDS.date}|`));
});

test("the grammar's title knows every document word", () => {
  for (const { word } of DOCUMENT_WORDS) assert.ok(grammar.repository.title!.match.includes(word), word);
});

test("every case-number scheme's example is highlighted as a case number", () => {
  // Oniguruma's syntax here is also JavaScript's, but for the case-insensitive groups this pattern does not use.
  const pattern = new RegExp(grammar.repository.caseNumber!.match.replace(/\(\?i:/g, '(?:'), 'u');
  const kle = new RegExp(grammar.repository.journal!.match, 'u');
  for (const scheme of CASE_NUMBER_SCHEMES) assert.ok(pattern.test(scheme.example) || kle.test(scheme.example), `${scheme.id}: ${scheme.example}`);
});

test('every dialect names only sections the vocabulary knows, and the parser reads each of them as a section', () => {
  for (const d of DIALECTS)
    for (const name of d.sections.keys()) {
      assert.ok(
        SECTION_NAMES.some((s) => s.name.toLowerCase() === name),
        `${d.id}: ${name}`,
      );
      const text = `REFERAT Udvalget d. 03-02-2025\n\nMødedato Mandag d. 3. februar 2025 kl. 16:00\n\nMødested Rådhuset\n\nPunkt 1: Sag\n\n00.01.00A00-1-25\n\n${SECTION_NAMES.find((s) => s.name.toLowerCase() === name)!.name}\n\nTekst.\n`;
      const referat = parseReferat(text, d);
      assert.ok(
        referat.punkter[0]?.sections.some((s) => s.title.toLowerCase() === name),
        `${d.id}: ${name} read as a section`,
      );
    }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, BASE, documentOf, lineAt, ROOT, serviceWith } from './helpers';
import { parseReferat } from '../../server/src/core';
import { approve } from '../../server/src/features/approve';
import { literal } from '../../server/src/features/hover';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';

/** The hover's text at the cursor, or null. */
async function check(marked: string, expected: RegExp | null, locale: 'da' | 'en' = 'da'): Promise<void> {
  const { text, position } = at(marked);
  const service = await serviceWith({}, locale);
  const h = await service.hover(documentOf(`${ROOT}/h.referat`, text), position, lineAt(text, position.line));
  if (expected === null) return assert.equal(h, null);
  assert.ok(h, 'a hover');
  assert.match((h.contents as { value: string }).value, expected);
}

test('a journal number, part by part', () =>
  check(BASE.replace('81.39.15G01-4-23', '81.3‸9.15G01-4-23'), /Intern uddannelse[\s\S]*Generelle sager \|[\s\S]*oprettet i 2023/));
test('a journal number in English names the facet once', () => check(BASE.replace('81.39.15G01-4-23', '81.39.15G0‸1-4-23'), /\| General cases \|/, 'en'));
test('the meeting date in the header', () => check(BASE.replace('07. december', '0‸7. december'), /torsdag 7\. december 2023\*\*\n\nmødedagen/));
test('a date in running text, with its distance from the meeting', () =>
  check(BASE.replace('Deltagerkredsen fastholdes.', 'Drøftes igen den 1‸4. december 2023.'), /torsdag 14\. december 2023[\s\S]*7 dage efter mødet/));
test('a numeric date in running text, in English', () =>
  check(BASE.replace('Deltagerkredsen fastholdes.', 'Sendt 30.11‸.2023.'), /Thursday 30 November 2023[\s\S]*7 days before the meeting/, 'en'));
test("a date without a year takes the meeting's and says so", () =>
  check(BASE.replace('Deltagerkredsen fastholdes.', 'Drøftes den 1‸5. maj.'), /mandag 15\. maj 2023[\s\S]*året er ikke skrevet/));
test('a person joining the meeting, with the time', () => check(BASE.replace('Ditte Ågård', 'Ditte Å‸gård'), /Ditte Ågård[\s\S]*deltager fra kl\. 10:00/));
test('a first name alone under Afbud shows whom it is read as', () =>
  check(BASE.replace('Søren Søndergaard Kjær\n', 'Søren Søndergaard Kjær\n\nAfbud Sø‸ren\n'), /\*\*Søren Søndergaard Kjær\*\*/));
test('a section heading says what belongs in it', () => check(BASE.replace('\nBeslutning\n', '\nBeslut‸ning\n'), /\*\*Beslutning\*\* — hvad mødet besluttede/));
test('plain text has no hover', () => check(BASE.replace('Deltagerkredsen fastholdes.', 'Deltagerkredsen ‸fastholdes.'), null));
test('a number that is no date has no hover', () => check(BASE.replace('Deltagerkredsen fastholdes.', 'Budget 1.25‸0.000 kr.'), null));

/** BASE approved by two members, with the cursor marked on the line `line` of the approval block says. */
function approvedBase(change: (text: string) => string = (t) => t): string {
  const result = approve(BASE, parseReferat(BASE), { by: ['Claus Borg', 'Lars Borst Hansen'], date: '2023-12-14' }, (t) => parseReferat(t));
  assert.ok(result.ok);
  return change(result.text);
}
const onSeal = (text: string): string => text.replace('Segl: v1', 'Segl: v‸1');

test('the approval block says who approved and when, what the seal is, and that the text is unchanged', () =>
  check(
    onSeal(approvedBase()),
    /^\*\*Godkendelse\*\* — referatet blev godkendt 14\. december 2023 af Claus Borg og Lars Borst Hansen\.\n\nTeksten er uændret siden godkendelsen\.\n\nSeglet \(linjen "Segl: v1 …"\) er et fingeraftryk af teksten, som den blev godkendt: /,
  ));

test('the approval block names what changed since, in English too', async () => {
  const changed = approvedBase((t) => t.replace('Deltagerkredsen fastholdes.', 'Deltagerkredsen ændres.'));
  await check(onSeal(changed), /\n\nÆndret siden godkendelsen: punkt 1 \(Deltagerkreds, Lederforum\)\.\n\n/);
  await check(changed.replace('Godkendt af:', 'Godk‸endt af:'), /\n\nÆndret siden godkendelsen: punkt 1 \(Deltagerkreds, Lederforum\)\.\n\n/);
  await check(
    onSeal(changed),
    /^\*\*Godkendelse\*\* — the referat was approved on 14 December 2023 by Claus Borg and Lars Borst Hansen\.\n\nChanged since the approval: item 1 \(Deltagerkreds, Lederforum\)\.\n\n/,
    'en',
  );
});

test('a damaged seal is said so in the hover', () =>
  check(onSeal(approvedBase((t) => t.replace(/ h:\S+/, ''))), /\n\nSeglet kan ikke læses: seglet mangler en del \(a: eller h:\)\.\n\n/));

test('property: the document’s own text in a hover stays text, whatever markup it holds', () => {
  const md = new MarkdownIt();
  fc.assert(
    fc.property(
      fc.array(
        fc.oneof(
          fc.string({ unit: 'grapheme' }),
          fc.constantFrom('![x](https://t.example/p.png)', '[a](https://b.example)', '<img src=x>', '**', '`c`', '&amp;', '\\', '~~s~~', '| a |', '# h', '_i_'),
        ),
        {
          maxLength: 6,
        },
      ),
      (parts) => {
        const text = parts.join('').replace(/[\r\n]/g, ' ');
        assert.equal(md.renderInline(literal(text)), md.utils.escapeHtml(text));
      },
    ),
    { numRuns: 2000 },
  );
});

test('a name written as markup in the approval block is shown as written, not fetched as a picture', () =>
  check(
    `${BASE}\nGodkendelse\n\nGodkendt af: ![x](https://t.example/p.png), Claus Borg\nDato: 2023-12-14\nSegl: v‸1 a:x\n`,
    /godkendt 14\. december 2023 af \\!\\\[x\\\]\(https:\/\/t\.example\/p\.png\) og Claus Borg\./,
  ));

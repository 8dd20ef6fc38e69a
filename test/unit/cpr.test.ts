import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReferat, parseReferat } from '../../server/src/core';
import fc from 'fast-check';
import { CPR_REMOVED, cprNumbersInLine } from '../../server/src/rules/cpr';
import { findCprNumbersIn, findCprNumbersInLines, LineRuns, mayHoldCpr, type NumberedLine } from '../../server/src/privacy/cpr';
import { KLE_JOURNAL_LINE } from '../../server/src/syntax/linePatterns';
import { corpusFiles, repoRoot, rulesDir } from '../helpers';
import { WRITTEN_FORMS } from '../cprForms';

/** The numbers found in a line, as written. */
const found = (line: string): string[] => cprNumbersInLine(line, 0).map((r) => line.slice(r.start.character, r.end.character));

test('cpr-number: the shapes of a CPR number, wherever they stand alone', () => {
  for (const [line, want] of [
    ['010203-1234', ['010203-1234']],
    ['010203 1234', ['010203 1234']],
    ['0102031234', ['0102031234']],
    ['CPR-nr. 010203-1234.', ['010203-1234']],
    ['CPR:0102031234', ['0102031234']],
    ['(310199-1234)', ['310199-1234']],
    ['**010203-1234**', ['010203-1234']],
    ['- 010203-1234', ['010203-1234']],
    ['to borgere: 010203-1234, 020304-2345', ['010203-1234', '020304-2345']],
    // 29 February exists in 2000 (and 1900 was no leap year): in either century is enough.
    ['290200-1234', ['290200-1234']],
    ['290204-1234', ['290204-1234']],
    // A non-breaking space and a non-breaking hyphen, as word processors write them.
    ['010203\u00a01234', ['010203\u00a01234']],
    ['010203\u20111234', ['010203\u20111234']],
    // A path segment of a web address written as a CPR number: published in the link.
    ['https://example.dk/borger/010203-1234', ['010203-1234']],
    ['<https://example.dk/borger/010203-1234/sag?x=1>', ['010203-1234']],
    ['[sagen](https://example.dk/010203-1234.pdf)', ['010203-1234']],
    // Behind a label that says it is one: ten digits however grouped, whatever day they say.
    ['CPR 010203-123 4', ['010203-123 4']],
    ['cpr-nr.: 01.02.03.12.34', ['01.02.03.12.34']],
    ['Personnummer 9999999999.', ['9999999999']],
    ['personnr. 0102 0312 34', ['0102 0312 34']],
    // A dot between the parts, and the last four split by a space, as a reader still reads them.
    ['010203.1234', ['010203.1234']],
    ['010203-12 34', ['010203-12 34']],
    ['CPR nr. 01 02 03 12 34', ['01 02 03 12 34']],
    ['Cpr. nr.: 0102031 234', ['0102031 234']],
    ['cpr nummer 01.02.03.1234', ['01.02.03.1234']],
    ['Person nr. 01 02 03 12 34', ['01 02 03 12 34']],
    ['CPR-numre: 0102031 234', ['0102031 234']],
    ['Personnumre: 01 02 03 12 34', ['01 02 03 12 34']],
    // A label joined to the number by a dash, and a word before one.
    ['Borgerens CPR-2403854821 er noteret.', ['2403854821']],
    ['cpr-nr-240385-4821', ['240385-4821']],
    ['Borger-240385-4821', ['240385-4821']],
    ['kommune.dk/sag-2403854821', ['2403854821']],
    // A web address's path: published in the link, however the number is written.
    ['[sagen](https://kommune.dk/borger/2403854821)', ['2403854821']],
    ['<https://kommune.dk/borger/2403854821>', ['2403854821']],
    // Written as a CPR number is, a label that says it is another kind does not make it one; nor beside a CPR label.
    ['J.nr. 010203-1234', ['010203-1234']],
    ['Tlf. 240385-4821', ['240385-4821']],
    ['Konto 240385-4821', ['240385-4821']],
    ['Sagsnr. 2403854821 (borgerens CPR)', ['2403854821']],
    ['CPR/tlf.: 2403854821', ['2403854821']],
    // Other groupings of the day's digits, and longer gaps.
    ['24-03-85-4821', ['24-03-85-4821']],
    ['24/03/85-4821', ['24/03/85-4821']],
    ['240 385 4821', ['240 385 4821']],
    ['2 4 0 3 8 5 - 4 8 2 1', ['2 4 0 3 8 5 - 4 8 2 1']],
    ['240385 -- - 4821', ['240385 -- - 4821']],
    ['240385 - - - 4821', ['240385 - - - 4821']],
    // The day's last digits written with the four, or its six split five and one, apart by a space.
    ['2403 854821', ['2403 854821']],
    ['24 03 854821', ['24 03 854821']],
    ['24038 54821', ['24038 54821']],
    ['240 3854821', ['240 3854821']],
    ['24038 5-4821', ['24038 5-4821']],
    ['2 40385-4821', ['2 40385-4821']],
    ['Borgeren (2403\u00a0854821) klager.', ['2403\u00a0854821']],
    // Letters a reader takes for digits inside the number.
    ['24O385-482l', ['24O385-482l']],
    ['0I0I90-I234', ['0I0I90-I234']],
    // Separators a reader still reads between the parts.
    ['240385\u00b74821', ['240385\u00b74821']],
    ['240385\\4821', ['240385\\4821']],
    ['240385=4821', ['240385=4821']],
    ['240385\u25004821', ['240385\u25004821']],
    ['240385\u30fc4821', ['240385\u30fc4821']],
    ['240385\u4e004821', ['240385\u4e004821']],
    ['240385\u30014821', ['240385\u30014821']],
  ] as const)
    assert.deepEqual(found(line), want, line);
});

test('cpr-number: every written form a reader sees as a CPR number is found, on its whole extent', () => {
  for (const [what, form] of WRITTEN_FORMS) {
    const line = `Borgeren ${form} klager.`;
    const ranges = cprNumbersInLine(line, 3);
    assert.equal(ranges.length, 1, what);
    const r = ranges[0]!;
    assert.equal(r.start.line, 3, what);
    // The range covers the number from its first digit to its last, markup and all.
    const covered = line.slice(r.start.character, r.end.character);
    assert.match(covered, /^(?:&#x?|\*\*|_|`|~~|4 |%3)?[0-9\uff10\u0660\u24ff\u2776-\u277eO]/, what);
    assert.ok(r.end.character <= line.length - ' klager.'.length + 2, what);
  }
});

test('cpr-number: characters beyond the BMP before it (an emoji, a historic script) leave its range and its fix on the number', () => {
  assert.deepEqual(found('😀 CPR 010190-1234'), ['010190-1234']);
  assert.deepEqual(found('𐀀𐀀𐀀 010190-1234 😀'), ['010190-1234']);
  const text = ['# Referat', '', 'Punkt 1: Sag', '', '𐀀𐀀𐀀 😀', '010190-1234 klager.'].join('\n');
  const cpr = checkReferat(parseReferat(text)).filter((d) => d.code === 'cpr-number');
  assert.deepEqual(
    cpr.map((d) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]),
    [[5, 0, 5, 11]],
  );
  assert.deepEqual(cpr[0]!.fixes[0]!.edits[0]!.range, cpr[0]!.range);
});

test('cpr-number: two in a row, and one broken over a line break', () => {
  assert.deepEqual(found('010190-1234 020290-2345'), ['010190-1234', '020290-2345']);
  assert.deepEqual(found('010190 010190 1234'), ['010190 1234']);
  const text = ['# Referat', '', 'Punkt 1: Sag', '', 'Borgeren med CPR-nr. 010190-', '1234 klager.'].join('\n');
  const cpr = checkReferat(parseReferat(text)).filter((d) => d.code === 'cpr-number');
  assert.deepEqual(
    cpr.map((d) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]),
    [[4, 21, 5, 4]],
  );
  // The last four digits after two blank lines, and a labelled number's digits one a line after blank lines:
  // the line-based finder reads as far as the full reading does.
  for (const [lines, where] of [
    [
      ['Punkt 1: Sag', '', 'Borgeren 010190', '', '', '1234 klager.'],
      [2, 9, 5, 4],
    ],
    [
      ['Punkt 1: Sag', '', 'CPR-nr.:', '', '', '0', '1', '0', '1', '9', '0', '1', '2', '3', '4'],
      [5, 0, 14, 1],
    ],
  ] as const) {
    const found = checkReferat(parseReferat(['# Referat', '', ...lines].join('\n'))).filter((d) => d.code === 'cpr-number');
    assert.deepEqual(
      found.map((d) => [d.range.start.line - 2, d.range.start.character, d.range.end.line - 2, d.range.end.character]),
      [where],
      lines.join('|'),
    );
  }
});

test('cpr-number: no alarm on dates, times, case, phone, account and document numbers, or amounts', () => {
  for (const line of [
    // Not a day that exists.
    '320103-1234',
    '001203-1234',
    '011303-1234',
    '000000-0000',
    '290201-1234',
    '310403-1234',
    // Inside a longer number or a word.
    '01020312345',
    '10102031234',
    '010203-12345',
    'x010203-1234',
    '010203-1234y',
    '56190570-4327-4529-9e33-a74f60bdf',
    'b0d2b45f-eddb-4a24-8bc9-7081984768d2',
    // Case and document numbers.
    'Sagsnr. 24-010203-1234',
    'EMN-2025-0102031234',
    'Sagsnr.: 12/0102031234',
    'Sagsnr.: 0102031234',
    'Dok.nr.: 0102031234',
    // Phone numbers.
    '+45 12 34 56 78',
    '12345678',
    '+45 0102031234',
    'tlf. 0102031234',
    'Telefon: 010203 1234',
    // Accounts, amounts, other registers' numbers.
    '1.234.567 kr.',
    '1234 5678 9012',
    'Reg.nr. 1234 kontonr. 0102031234',
    'konto 1234 0102031234',
    'Kontonr. 1234-0102031234',
    '0102031234,50 kr.',
    '1.0102031234',
    'P-nr. 1003388394',
    'P-nummer: 1003388394',
    'CVR-nr. 0102031234',
    'EAN 0102031234',
    // Dates and times.
    '01.02.2003 12:34',
    '01-02-2003 1234',
    '2003-01-02 12.34',
    '20030102 1234',
    '010203 12:34',
    '0102031234:00',
    '010203 12 3456',
    '1.010203.1234',
    '010203.12345',
    '0102031234-5',
    // A web address's identifiers: a GUID's groups, a number after a number.
    'https://dagsordener.greve.dk/Vis/Pdf/bilag/19863544-4045-4e0d-91bd-14aa96f44985',
    'https://example.dk/sag/24/010203-1234',
    // A year's four digits across the day's six: a date and a page number, a document number.
    'Byrådsdebat 10.09.2025\n\n10',
    '2012-208960 - Hvordan udvikler vi det nære sundhedsvæsen sammen?',
    // The day's end with the four behind a dash, a slash or a dot: a document, case or other number; or with a label that says so.
    '2012-208960',
    '24/03854821',
    '2403.854821',
    '24038-54821',
    'Reg.nr. 2403 kontonr. 854821',
    'konto 2403 854821',
    // Groupings that hold the day's end and the four but begin otherwise: a date and a number, a year and a serial.
    '24 3 854821',
    '2 403 854821',
    '24\t03\t854821',
    '2403  854821',
    // Words beside numbers keep their letters.
    'Olsen 010203 Ilse 1234',
    'lO 01.02.03 l 1234x',
    // Ten digits grouped as an amount.
    '2.403.854.821 kr.',
    '2 403 854 821 kr.',
    // A date with the year whole beside another number, with no CPR label: a period, a date and a count.
    'perioden 01.01.2024-31.12.2024',
    'aftalen 01.01.2024-2025 forlænges',
    'fra 01.01.2024 1234 borgere',
    '01 01 2024 1234',
    // Twelve digits that are no day of a CPR number's years.
    '12345678-1234',
    '01011700-1234',
  ])
    assert.deepEqual(found(line), [], line);
});

test('cpr-number fires in the header and open punkter with a quick fix to [CPR-nr. fjernet], never in a closed punkt', () => {
  const text = readFileSync(join(rulesDir, 'cpr-number.referat'), 'utf8');
  const lines = text.split('\n');
  const cpr = checkReferat(parseReferat(text)).filter((d) => d.code === 'cpr-number');
  assert.deepEqual(
    cpr.map((d) => [d.range.start.line + 1, lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character)]),
    [
      [5, '150550-1234'],
      [28, '010203-1234'],
      [30, '290200 4321'],
      [30, '3112991234'],
    ],
  );
  for (const d of cpr) {
    assert.equal(d.severity, 'error');
    assert.equal(d.fixes.length, 1);
    assert.equal(d.fixes[0]!.preferred, true);
    const edit = d.fixes[0]!.edits[0]!;
    assert.equal(d.fixes[0]!.edits.length, 1);
    assert.equal(edit.newText, CPR_REMOVED);
    assert.deepEqual(edit.range.end, d.range.end);
    // The message says where, never the number itself (it lands in logs and terminals).
    assert.doesNotMatch(d.message, /\d{4}/);
  }
  assert.match(cpr[1]!.message, /åbent punkt/);
  assert.match(checkReferat(parseReferat(text), { locale: 'en' }).find((d) => d.code === 'cpr-number')!.message, /would be published/);
  // The fix applied: no finding is left.
  const fixed = cpr.reduceRight((t, d) => {
    const l = t.split('\n');
    const { range } = d.fixes[0]!.edits[0]!;
    const line = l[range.start.line]!;
    l[range.start.line] = line.slice(0, range.start.character) + CPR_REMOVED + line.slice(range.end.character);
    return l.join('\n');
  }, text);
  // A label before the number goes with it; a number without one is replaced alone.
  const fixedLines = fixed.split('\n');
  assert.equal(fixedLines[27], 'Direktionen bedes drøfte deltagerkredsen igen. Borgeren ([CPR-nr. fjernet]) har klaget.');
  assert.equal(fixedLines[4], 'Mødested Hjemme hos borgeren [CPR-nr. fjernet], Lemvig');
  assert.deepEqual(
    checkReferat(parseReferat(fixed)).filter((d) => d.code === 'cpr-number'),
    [],
  );
});

test('cpr-number: the fix takes the label before the number with it, in each way it is written', () => {
  const base = readFileSync(join(rulesDir, 'base.ok.referat'), 'utf8');
  for (const [written, after] of [
    ['Borgeren, CPR-nr. 010203-1234, har klaget.', 'Borgeren, [CPR-nr. fjernet], har klaget.'],
    ['Borgeren (cpr.nr.: 0102031234) har klaget.', 'Borgeren ([CPR-nr. fjernet]) har klaget.'],
    ['Personnummer 010203-1234 er oplyst.', '[CPR-nr. fjernet] er oplyst.'],
    ['CPR: 010203 1234 er oplyst.', '[CPR-nr. fjernet] er oplyst.'],
    ['Borgeren (CPR nr. 010203-1234) har klaget.', 'Borgeren ([CPR-nr. fjernet]) har klaget.'],
    ['Cpr. nr. 010203-1234 er oplyst.', '[CPR-nr. fjernet] er oplyst.'],
    ['Sagen vedr. CPR nr.: 0102031234.', 'Sagen vedr. [CPR-nr. fjernet].'],
    ['Borgeren (cpr - nummer 010203-1234) har klaget.', 'Borgeren ([CPR-nr. fjernet]) har klaget.'],
    ['Borgeren 010203-1234 har klaget.', 'Borgeren [CPR-nr. fjernet] har klaget.'],
    ['Sagen om princip-CPR 010203-1234.', 'Sagen om princip-[CPR-nr. fjernet].'],
    // A label joined by a dash goes with it too; in a web address the link stays a link.
    ['Borgerens CPR-0101901234 er noteret.', 'Borgerens [CPR-nr. fjernet] er noteret.'],
    ['Se [sagen](https://kommune.dk/borger/2403854821).', 'Se [sagen](https://kommune.dk/borger/CPR-nr-fjernet).'],
    ['Se <https://kommune.dk/borger/2403854821>.', 'Se <https://kommune.dk/borger/CPR-nr-fjernet>.'],
    ['Se https://kommune.dk/borger/240385-4821 nu.', 'Se https://kommune.dk/borger/CPR-nr-fjernet nu.'],
  ] as const) {
    const text = base.replace('Deltagerkredsen fastholdes.', written);
    assert.notEqual(text, base);
    const d = checkReferat(parseReferat(text)).find((x) => x.code === 'cpr-number');
    assert.ok(d, written);
    const { range, newText } = d.fixes[0]!.edits[0]!;
    const line = text.split('\n')[range.start.line]!;
    assert.equal(line.slice(0, range.start.character) + newText + line.slice(range.end.character), after);
  }
});

test("cpr-number: a closed punkt's heading is published, so a number there fires too", () => {
  const text = readFileSync(join(rulesDir, 'cpr-number.closed.ok.referat'), 'utf8').replace(
    'Punkt 4: Lukket: Møde med Borgmesteren',
    'Punkt 4: Lukket: Sag om 010203-1234',
  );
  const cpr = checkReferat(parseReferat(text)).filter((d) => d.code === 'cpr-number');
  assert.deepEqual(
    cpr.map((d) => d.range.start.line + 1),
    [80],
  );
});

const externalDir = join(repoRoot, 'test/fixtures/external');
const external = readdirSync(externalDir)
  .filter((f) => f.endsWith('.txt'))
  .sort();

test('the external corpus is all there: five texts of other municipalities', () => {
  assert.equal(external.length, 5);
});

for (const file of [...corpusFiles().map((c) => c.path), ...external.map((f) => join(externalDir, f))]) {
  test(`no false alarm: cpr-number never fires on ${file.slice(repoRoot.length + 1)}`, () => {
    const referat = parseReferat(readFileSync(file, 'utf8'));
    assert.deepEqual(
      checkReferat(referat)
        .filter((d) => d.code === 'cpr-number')
        .map((d) => `${d.range.start.line + 1}: ${d.message}`),
      [],
    );
  });
}

test('cpr-number: the quick test of which lines to read in full passes over no line the full reading finds a number in (random text of digits, markup, entities, gaps, labels, look-alike digits)', () => {
  const piece = fc.oneof(
    fc.constantFrom('0', '1', '2', '3', '9', '01', '02', '03', '12', '31', '1234', '010203'),
    fc.constantFrom('-', ' ', '.', '/', '\t', '\u00a0', '\u2013', '\u200b', '\u00ad', '*', '_', '~', '`', '\\', '\\-', ','),
    fc.constantFrom(
      '&#48;',
      '&#x31;',
      '&ndash;',
      '&amp;',
      '&',
      '\uff10',
      '\uff11',
      '\u0661',
      '\u00b2',
      'CPR',
      'cpr-nr.: ',
      'personnummer ',
      'Sagsnr. ',
      'G01',
      'a',
      'æ',
      ' x ',
    ),
  );
  const text = fc.array(fc.oneof(piece, fc.constant('\n')), { maxLength: 40 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(text, (source) => {
      // The full reading of the whole text, with no quick test before it.
      const full = findCprNumbersIn(source, 'markdown').map((f) => source.slice(f.from, f.to + 1));
      const lines = source.split('\n');
      const quick = findCprNumbersInLines(lines.map((t, line) => ({ text: t, line }))).map((f) => lines[f.range.start.line]!.slice(f.range.start.character));
      assert.equal(quick.length, full.length, JSON.stringify(source));
      for (let i = 0; i < full.length; i++) assert.ok(quick[i]!.startsWith(full[i]!.split('\n')[0]!), JSON.stringify(source));
      // As a referat's syntax gives them: blank lines left out, the lines between them known to be blank.
      const written = lines.map((t, line) => ({ text: t, line })).filter((l) => l.text !== '');
      assert.equal(findCprNumbersInLines(written, { apart: [] }).length, full.length, JSON.stringify(source));
      // Read as runs kept elsewhere (a referat's punkter), given the candidates: the same numbers at the same places.
      const runs = new LineRuns();
      for (let i = 0; i < written.length;) {
        const n = 1 + (i % 3);
        if (n === 1) runs.push(written[i]!);
        else runs.pushAll(written.slice(i, i + n));
        i += n;
      }
      assert.equal(runs.length, written.length);
      for (let i = 0; i < written.length; i++) assert.equal(runs.at(i), written[i]);
      assert.equal(runs.at(written.length), undefined);
      const candidates = written.flatMap((l, i) => (mayHoldCpr(l.text) ? [i] : []));
      assert.deepEqual(findCprNumbersInLines(runs, { apart: [], candidates }), findCprNumbersInLines(written, { apart: [] }), JSON.stringify(source));
    }),
    { numRuns: 5000 },
  );
});

test('cpr-number: a number broken over lines far down a long open punkt is found at its first line', () => {
  // Long punkter of prose with a number far down in one: found at its line, with the same work done by an array of every line.
  const prose = Array.from({ length: 400 }, (_, i) => `Linje ${i} af sagsfremstillingen.`);
  const punkt = (n: number, extra: readonly string[]): string =>
    [`Punkt ${n}: Sag ${n}`, '', `00.01.00G01-${n}-23`, '', 'Sagsfremstilling', '', ...prose, ...extra, ''].join('\n');
  const text = ['Referat Byrådet d. 07-12-2023', '', punkt(1, []), punkt(2, ['Borgerens CPR-nr.:', '010203-', '1234']), punkt(3, [])].join('\n');
  const referat = parseReferat(text);
  const found = checkReferat(referat).filter((d) => d.code === 'cpr-number');
  const lines = text.split('\n');
  assert.deepEqual(
    found.map((d) => lines[d.range.start.line]),
    ['010203-'],
  );
  const every: NumberedLine[] = lines.map((t, line) => ({ text: t, line }));
  assert.equal(findCprNumbersInLines(every).length, 1);
});

/**
 * The quick test as it was first written, a character at a time: `mayHoldCpr` skips the words between
 * numbers with a regular expression, and must answer as this does for every line.
 */
function mayHoldCprByCharacter(text: string): boolean {
  const isDigitLike = (c: number): boolean => (c >= 48 && c <= 57) || c >= 0x0660 || c === 0xb2 || c === 0xb3 || c === 0xb9 || (c >= 0xbc && c <= 0xbe);
  const isMarkup = (c: number): boolean => c === 42 || c === 95 || c === 126 || c === 96 || c === 92;
  const isSourceSeparator = (c: number): boolean => c === 32 || c === 9 || c === 11 || c === 12 || c === 45 || c === 46 || c === 47 || c === 61;
  const isLookalikeLetter = (c: number): boolean => c === 79 || c === 111 || c === 108 || c === 73;
  const isAsciiLetter = (c: number): boolean => (c | 0x20) >= 97 && (c | 0x20) <= 122;
  const label = /cpr|person[ \t-]*n(?:umme|um)?r/i;
  if (!/[0-9&\u00b2\u00b3\u00b9\u00bc-\u00be\u0660-\uffff]/.test(text)) return label.test(text);
  if (text.length <= 40 && KLE_JOURNAL_LINE.test(text)) return false;
  if (label.test(text)) return true;
  let digits = 0;
  let lastGroup = 0;
  let inGroup = false;
  let gap = 0;
  let leading = false;
  let seenOther = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let digit = isDigitLike(c);
    let separator = false;
    if (!digit) {
      if (c === 38) return true;
      if (c === 37) {
        const a = text.charCodeAt(i + 1);
        const b = text.charCodeAt(i + 2);
        digit = a === 51 && b >= 48 && b <= 57;
        separator = !digit;
        if (digit || (a === 50 && (b === 68 || b === 100))) i += 2;
      } else if (isLookalikeLetter(c)) digit = isDigitLike(text.charCodeAt(i - 1)) || isDigitLike(text.charCodeAt(i + 1));
    }
    if (digit) {
      if (!inGroup) lastGroup = 0;
      if (!seenOther) leading = true;
      inGroup = true;
      digits++;
      lastGroup++;
      gap = 0;
      continue;
    }
    if (c >= 0x80 || isMarkup(c)) continue;
    if (!(separator || isSourceSeparator(c))) seenOther = true;
    if ((separator || isSourceSeparator(c)) && (digits === 0 || gap < 8)) {
      inGroup = false;
      if (digits > 0) gap++;
      continue;
    }
    if ((inGroup && isAsciiLetter(c) ? digits - lastGroup : digits) >= 10) return true;
    digits = 0;
    lastGroup = 0;
    inGroup = false;
    gap = 0;
  }
  return leading || digits >= 10;
}

test('cpr-number: the quick test answers as reading the line a character at a time does, for any line', () => {
  // What its reading turns on: digits and what looks like one, separators, percent signs, markup,
  // letters, characters beyond ASCII (a non-breaking space, a dash, another script's digit, half a surrogate pair).
  const piece = fc.constantFrom(
    ...['0', '1', '2', '3', '9', '٣', '²', '¼', '%', '%3', '%32', '%2D', '%2d', '%2', 'D', 'd', 'O', 'o', 'l', 'I', 'a', 'G', ' ', '\t', '-', '.', '/', '='],
    ...[':', ',', '(', '*', '_', '`', '\\', '&', 'æ', '\u00a0', '–', '\ud83d', 'CPR', 'Punkt ', '00.01.00G01', '240385', '4821', '24.03.85'],
  );
  const line = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(line, (text) => assert.equal(mayHoldCpr(text), mayHoldCprByCharacter(text), JSON.stringify(text))),
    { numRuns: 20_000 },
  );
  // And every line of the corpus.
  for (const { text: corpus } of corpusFiles())
    for (const text of corpus.split('\n')) assert.equal(mayHoldCpr(text), mayHoldCprByCharacter(text), JSON.stringify(text));
});

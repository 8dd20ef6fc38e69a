import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseReferat, parseSyntax, summarizeReferat } from '../../server/src/core';
import { classifyLine, isSectionHeading } from '../../server/src/syntax/classify';
import { corpusFiles } from '../helpers';

test('an empty document has one empty line and no parts', () => {
  const s = parseSyntax('');
  assert.equal(s.lineCount, 1);
  assert.equal(s.punkter.length, 0);
  assert.equal(s.title, undefined);
});

test('CRLF, lone CR and LF count lines as LSP does', () => {
  for (const nl of ['\n', '\r\n', '\r']) {
    const r = parseReferat(['REFERAT Direktionen d. 07-12-2023', '', 'Punkt 1: A', '00.01.00I00-1-23'].join(nl));
    assert.equal(r.punkter[0]?.headingRange.start.line, 2, JSON.stringify(nl));
    assert.equal(r.punkter[0]?.journal?.kind, 'valid');
  }
});

test('a BOM is dropped as VS Code drops it, so columns agree with the editor', () => {
  const r = parseReferat('\ufeffREFERAT Direktionen d. 07-12-2023');
  assert.deepEqual(r.header.title?.date?.range, { start: { line: 0, character: 23 }, end: { line: 0, character: 33 } });
});

test('ranges are UTF-16 columns: an emoji before a date counts two', () => {
  const r = parseReferat('REFERAT 😀 d. 07-12-2023');
  assert.deepEqual(r.header.title?.date?.range.start, { line: 0, character: 14 });
  assert.equal(r.header.title?.udvalg, '😀');
});

test('journal number parts have exact ranges, in both forms', () => {
  const r = parseReferat('Punkt 1: A\n  00.01.00I00-3-23\nPunkt 2: B\n00.16.00-P20-1-16');
  const a = r.punkter[0]!.journal;
  const b = r.punkter[1]!.journal;
  assert.ok(a?.kind === 'valid' && b?.kind === 'valid');
  assert.deepEqual(a.journal.kle?.parts.emne, { start: { line: 1, character: 2 }, end: { line: 1, character: 10 } });
  assert.deepEqual(a.journal.kle?.parts.facet, { start: { line: 1, character: 10 }, end: { line: 1, character: 13 } });
  assert.deepEqual(a.journal.kle?.parts.serial, { start: { line: 1, character: 14 }, end: { line: 1, character: 15 } });
  assert.deepEqual(a.journal.yearRange, { start: { line: 1, character: 16 }, end: { line: 1, character: 18 } });
  assert.deepEqual(b.journal.kle?.parts.facet, { start: { line: 3, character: 9 }, end: { line: 3, character: 12 } });
  assert.equal(b.journal.kle?.form, 'old');
});

test('Markdown decoration is ignored but a deeper heading inside a section is text', () => {
  const r = parseReferat('## **Punkt 1: A**\n00.01.00I00-1-23\n### Sagsfremstilling\nTekst\n#### Økonomi\nMere\n### **Beslutning**\nOK');
  const p = r.punkter[0]!;
  assert.equal(p.title, 'A');
  assert.deepEqual(
    p.sections.map((s) => s.kind),
    ['sagsfremstilling', 'beslutning'],
  );
  assert.equal(p.sections[0]!.body.find((b) => b.text === '#### Økonomi')?.subHeadingLevel, 4);
});

test('a mistyped journal number is read as one, so it is reported as mistyped, not missing', () => {
  const r = parseReferat('Punkt 1: A\n00.01.0 I00-1-23\nBeslutning\nOK');
  assert.equal(r.punkter[0]!.journal?.kind, 'malformed');
});

test('a line in a Beslutning that recommends onwards does not start an Indstilling', () => {
  const r = parseReferat('Punkt 1: A\n00.01.00I00-1-23\nBeslutning\n\nDirektionen indstiller,\n\n- at X godkendes.');
  assert.deepEqual(
    r.punkter[0]!.sections.map((s) => s.kind),
    ['beslutning'],
  );
});

test('a referat without title still has its header fields read', () => {
  const r = parseReferat('Mødedato Torsdag d. 07. december 2023 kl. 09:00\nMødested Rådhuset');
  assert.equal(r.header.title, undefined);
  assert.equal(r.header.moedested?.value, 'Rådhuset');
  assert.deepEqual(r.header.moedeDato?.date?.date, { year: 2023, month: 12, day: 7 });
});

test('attendee list wraps onto the next line and splits on commas and "og"', () => {
  const r = parseReferat(
    'REFERAT Direktionen d. 07-12-2023\nMødedeltagere Claus Borg, Lars Borst Hansen,\nSøren Søndergaard Kjær og Ove Weller Nielsen\n\nMødested X',
  );
  assert.deepEqual(
    r.header.deltagere?.names.map((n) => n.name),
    ['Claus Borg', 'Lars Borst Hansen', 'Søren Søndergaard Kjær', 'Ove Weller Nielsen'],
  );
  assert.deepEqual(r.header.deltagere?.names[2]?.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 22 } });
});

test('a header line that wraps inside a name continues that name, in the model and in the archive summary', () => {
  const text = 'REFERAT Direktionen d. 07-12-2023\nMødedeltagere Claus Borg, Lars Borst Hansen, Søren Søndergaard\nKjær\n\nMødested X\n';
  assert.deepEqual(
    parseReferat(text).header.deltagere?.names.map((n) => n.name),
    ['Claus Borg', 'Lars Borst Hansen', 'Søren Søndergaard Kjær'],
  );
  assert.deepEqual(summarizeReferat(text).deltagere, ['Claus Borg', 'Lars Borst Hansen', 'Søren Søndergaard Kjær']);
});

test('the quick line classifier agrees with the lexer, and its section-heading shortcut with both', () => {
  const lines = [
    ...corpusFiles().flatMap((c) => c.text.split(/\r\n|\r|\n/)),
    'Beslutning fra Direktionen, 3. januar 2024:',
    '## **Beslutning**:',
    '**Beslutning** ',
    'Beslutning fra',
    '#### Økonomi',
    'REFERAT Beslutning',
    'Indholdsfortegnelse',
    'Indstilling.....\t4',
    'Beslutning.....\t4',
    '   ',
    '- Beslutning',
    'Resumé\u00a0',
  ];
  const decorations = ['', '## ', '**', '## **', ' \t', '# * '];
  fc.assert(
    fc.property(fc.constantFrom(...lines), fc.constantFrom(...decorations), fc.string({ maxLength: 6 }), (line, lead, tail) => {
      const l = `${lead}${line}${tail}`;
      const kind = classifyLine(l);
      const lexed = parseSyntax(l);
      const lexedKind =
        lexed.title?.kind ?? lexed.toc?.heading.kind ?? lexed.punkter[0]?.heading.kind ?? lexed.leading[0]?.kind ?? lexed.header[0]?.kind ?? 'blank';
      assert.equal(kind, lexedKind, JSON.stringify(l));
      assert.equal(isSectionHeading(l), kind === 'sectionHeading', JSON.stringify(l));
    }),
    { numRuns: 3000, seed: 11 },
  );
});

test("a line may start with any character of the BMP: the lexer's first-character index still tries every line kind", () => {
  // The custom patterns are filed under one character per bucket of chevrotain's index (tokens.ts).
  const rests = [' indstiller,', 's beslutning den 04.12.2012 Punkt 1', '.....\t4', ' almindelig tekst', ''];
  fc.assert(
    fc.property(fc.integer({ min: 0x21, max: 0xffff }), fc.constantFrom(...rests), (code, rest) => {
      const l = `${String.fromCharCode(code)}${rest}`;
      if (/[\r\n\u2028\u2029]/.test(l)) return;
      const lexed = parseSyntax(l);
      const lexedKind =
        lexed.title?.kind ?? lexed.toc?.heading.kind ?? lexed.punkter[0]?.heading.kind ?? lexed.leading[0]?.kind ?? lexed.header[0]?.kind ?? 'blank';
      assert.equal(lexedKind, classifyLine(l), JSON.stringify(l));
    }),
    { numRuns: 4000, seed: 7 },
  );
  // Each bucket's first and last character, where an off-by-one would lose a line.
  for (const code of [0x100, 0x1fe, 0x1ff, 0x2fd, 0x2fe, 0xfeff - 1, 0xfffe]) {
    const l = `${String.fromCharCode(code)}ndre indstiller,`;
    assert.equal(parseSyntax(l).leading[0]?.kind ?? parseSyntax(l).header[0]?.kind, 'indstiller', l);
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkReferat, parseReferat, type Range, type Referat } from '../../server/src/core';
import { corpusFiles } from '../helpers';

const corpus = corpusFiles().map((c) => c.text);

/** Every range the model hands out lies inside the document. */
function assertRangesInside(r: Referat, text: string): void {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  const inside = (rg: Range, what: string): void => {
    for (const p of [rg.start, rg.end]) {
      assert.ok(p.line >= 0 && p.line < lines.length, `${what}: line ${p.line} of ${lines.length}`);
      assert.ok(p.character >= 0 && p.character <= lines[p.line]!.length, `${what}: character ${p.character} of ${lines[p.line]!.length} on line ${p.line}`);
    }
    assert.ok(rg.start.line < rg.end.line || (rg.start.line === rg.end.line && rg.start.character <= rg.end.character), `${what}: start after end`);
  };
  for (const p of r.punkter) {
    inside(p.range, 'punkt');
    inside(p.headingRange, 'punkt heading');
    inside(p.numberRange, 'punkt number');
    inside(p.titleRange, 'punkt title');
    if (p.journal?.kind === 'valid') {
      inside(p.journal.journal.yearRange, 'journal year');
      for (const part of Object.values(p.journal.journal.kle?.parts ?? {})) inside(part, 'journal part');
    }
    for (const s of p.sections) {
      inside(s.range, 'section');
      for (const b of s.body) inside(b.range, 'body line');
    }
  }
  for (const d of checkReferat(r)) inside(d.range, `diagnostic ${d.code}`);
}

type Mutation =
  { kind: 'delete'; at: number } | { kind: 'duplicate'; at: number } | { kind: 'swap'; a: number; b: number } | { kind: 'bytes'; at: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({
    kind: fc.constant('bytes' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.constantFrom(
        '\r',
        '\r\n',
        '\n',
        '\ufeff',
        '\u00a0',
        '\t',
        '**',
        '## ',
        '😀',
        '\u0000',
        '.....\t',
        'Punkt 7: ',
        'Beslutning',
        'Lukket:',
        'indstiller,',
        '31. november 2023',
        'kl. 25:99',
      ),
    ),
  }),
);

function mutate(text: string, muts: readonly Mutation[]): string {
  let lines = text.split('\n');
  for (const m of muts) {
    const n = Math.max(lines.length, 1);
    switch (m.kind) {
      case 'delete':
        lines.splice(m.at % n, 1);
        break;
      case 'duplicate':
        lines.splice(m.at % n, 0, lines[m.at % n] ?? '');
        break;
      case 'swap': {
        const a = m.a % n;
        const b = m.b % n;
        [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
        break;
      }
      case 'bytes': {
        const joined = lines.join('\n');
        const at = m.at % (joined.length + 1);
        lines = (joined.slice(0, at) + m.text + joined.slice(at)).split('\n');
        break;
      }
    }
  }
  return lines.join('\n');
}

test('thousands of random mutations of the corpus never throw and keep every range inside the document', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: corpus.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 8 }), (which, muts) => {
      const text = mutate(corpus[which]!, muts);
      const r = parseReferat(text);
      assertRangesInside(r, text);
    }),
    { numRuns: 3000, seed: 20261124 },
  );
});

test('arbitrary strings never throw', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
      assertRangesInside(parseReferat(text), text);
    }),
    { numRuns: 3000, seed: 7 },
  );
});

test('the model stays proportional to the input: no line is counted twice', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: corpus.length - 1 }), fc.array(mutation, { maxLength: 8 }), (which, muts) => {
      const text = mutate(corpus[which]!, muts);
      const r = parseReferat(text);
      const lineCount = r.syntax.lineCount;
      const bodyLines = r.punkter.reduce((n, p) => n + p.intro.length + p.sections.reduce((m, s) => m + s.body.length, 0), 0);
      assert.ok(bodyLines + r.punkter.length <= lineCount, `${bodyLines} body lines in ${lineCount}`);
    }),
    { numRuns: 500, seed: 3 },
  );
});

// A backtracking regex would turn these into hours; the test runner's timeout is the guard.
const PATHOLOGICAL: readonly [string, string][] = [
  ['spaces then a letter', `${' '.repeat(2_000_000)}x`],
  ['dots then a letter', `${'.'.repeat(2_000_000)}x`],
  ['a heading word then spaces', `Beslutning${' '.repeat(1_000_000)}x`],
  ['indstiller then spaces', `Kommunaldirektøren indstiller${' '.repeat(1_000_000)}x`],
  ['title then spaces', `REFERAT Direktionen${' '.repeat(1_000_000)}x d. 07-12-2023`],
  ['punkt heading then spaces', `Punkt 1: A${' '.repeat(1_000_000)}x`],
  ['earlier decision then spaces', `Beslutning fra Direktionen${' '.repeat(1_000_000)}x`],
  ['toc line of dots', `Indholdsfortegnelse\n${'a.'.repeat(500_000)}....x\nPunkt 1: A`],
  ['attendees with spaces', `REFERAT X d. 01-01-2024\nMødedeltagere ${'a '.repeat(500_000)}og b`],
  ['attendance sentence repeated', `Punkt 1: A\n00.01.00I00-1-24\nSagsfremstilling\n${'X deltager i mødet '.repeat(100_000)}`],
  ['emoji and nbsp', `${'😀\u00a0'.repeat(500_000)}`],
  ['an unlabelled header line of spaces (eDoc)', `Referat\n${' '.repeat(1_000_000)}x\ntirsdag den 4. december 2012`],
  ['a numbered heading with a long title (eDoc)', `Referat\n\n1.   ${'a '.repeat(500_000)}\n\nSagsnr.: 2012-12345`],
  ['a history entry of spaces (First Agenda)', `Punkt 1: A\nEMN-2025-000001\nSagsforløb\nUdvalg: ${' '.repeat(1_000_000)}x\nDato: 01-01-2025`],
  ['a dated decision heading repeated (eDoc)', `1.   A\n\nSagsnr.: 2012-1\n${'Xs '.repeat(300_000)}beslutning den 04.12.2012`],
  ['a closed title of spaces', `Punkt 1: Lukket${' '.repeat(1_000_000)}(Lukket)`],
];

for (const [name, text] of PATHOLOGICAL) {
  test(`a ${(text.length / 1e6).toFixed(1)} MB pathological line is read: ${name}`, { timeout: 120_000 }, () => {
    const r = parseReferat(text);
    assert.ok(r.syntax.lineCount >= 1);
    checkReferat(r);
  });
}

test('a 5 MB single line and a 10 MB file are read', { timeout: 120_000 }, () => {
  const one = 'Lemvig Kommune '.repeat(350_000);
  assert.equal(parseReferat(one).syntax.lineCount, 1);
  const big = corpus[1]!.repeat(Math.ceil(10_000_000 / corpus[1]!.length));
  const r = parseReferat(big);
  assert.ok(r.punkter.length > 1000);
  assert.ok(checkReferat(r).length > 0, 'repeated punkter are misnumbered');
});

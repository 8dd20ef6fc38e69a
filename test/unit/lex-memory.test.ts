import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { lex, LexMemory, type LexResult } from '../../server/src/syntax/lexer';
import { parseReferat } from '../../server/src/model/parse';
import { PunktMemory } from '../../server/src/model/build';
import { corpusDir, repoRoot } from '../helpers';

/*
 * The lexer's memory is only an optimisation: a text lexed after edits, from the memory of its last
 * version, gives exactly the tokens, line starts and errors of lexing it afresh. Checked over random
 * edits to real referater of every dialect, with every kind of line break and edits across them.
 */

const folders = [corpusDir, join(repoRoot, 'test/fixtures/protokol'), join(repoRoot, 'test/fixtures/dialects')];
const texts = folders
  .flatMap((d) => {
    try {
      return readdirSync(d)
        .filter((f) => f.endsWith('.referat'))
        .map((f) => readFileSync(join(d, f), 'utf8'));
    } catch {
      return [];
    }
  })
  .flatMap((t) => [t, t.replace(/\n/g, '\r\n')]);

interface Edit {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  remove: fc.oneof(fc.constant(0), fc.nat({ max: 3 }), fc.nat({ max: 400 })),
  insert: fc.oneof(
    fc.constantFrom(
      '',
      'x',
      '\n',
      '\r',
      '\r\n',
      '\n\n',
      ' \t',
      'Punkt 3: Nyt punkt\n',
      '\nBeslutning\n\nGodkendt.\n',
      '81.39.15G01-4-23',
      '3.   Meddelelser\n',
      '\u0000',
      '\ufeff',
    ),
    fc.string({ unit: fc.constantFrom('a', 'Æ', ' ', '\n', '\r', '1', '.', ':', '-', '\t'), maxLength: 30 }),
  ),
});

function apply(text: string, e: Edit): string {
  const at = text.length === 0 ? 0 : e.at % (text.length + 1);
  return text.slice(0, at) + e.insert + text.slice(at + e.remove);
}

const plain = (r: LexResult) => ({
  tokens: r.tokens.map((t) => [t.image, t.startOffset, t.tokenType.name, t.tokenTypeIdx]),
  lineStarts: [...r.lineStarts],
  errors: r.errors.map((e) => ({ ...e })),
});

test('a text lexed from the memory of its last version gives the tokens, lines and errors of a fresh lexing', () => {
  assert.ok(texts.length >= 6, 'real referater to edit');
  fc.assert(
    fc.property(fc.nat({ max: texts.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 10 }), (which, edits) => {
      const memory = new LexMemory();
      let text = texts[which]!;
      assert.deepEqual(plain(lex(text, { memory })), plain(lex(text)));
      for (const e of edits) {
        text = apply(text, e);
        assert.deepEqual(plain(lex(text, { memory })), plain(lex(text)));
      }
    }),
    { numRuns: 300 },
  );
});

test('tokens the parser re-typed are, in the next lexing, as the lexer made them', () => {
  const memory = new LexMemory();
  const text = readFileSync(
    join(
      corpusDir,
      readdirSync(corpusDir).find((f) => f.endsWith('.referat'))!,
    ),
    'utf8',
  );
  const first = lex(text, { memory });
  const typeOf = first.tokens[0]!.tokenType;
  for (const t of first.tokens) t.tokenType = typeOf;
  const again = lex(`${text}x`, { memory });
  assert.deepEqual(plain(again), plain(lex(`${text}x`)));
});

test('texts that are empty, all line breaks, or replaced whole read as a fresh lexing does', () => {
  const memory = new LexMemory();
  for (const t of ['', '\n', '\r\n\r\n', 'Punkt 1: A\n', '', '\r', 'x\ry\r\nz\n', 'REFERAT Byrådet d. 01-02-2023\n\nPunkt 1: A\n', '\n\n\n']) {
    assert.deepEqual(plain(lex(t, { memory })), plain(lex(t)), JSON.stringify(t));
  }
});

test('a referat read with a memory that lexes an edit only has the syntax of a fresh reading', () => {
  fc.assert(
    fc.property(fc.nat({ max: texts.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (which, edits) => {
      const memory = new PunktMemory();
      let text = texts[which]!;
      parseReferat(text, undefined, { memory });
      for (const e of edits) {
        text = apply(text, e);
        assert.deepEqual(parseReferat(text, undefined, { memory }).syntax, parseReferat(text).syntax);
      }
    }),
    { numRuns: 80 },
  );
});

test('an edit that brings more lines than are spliced at once (a paste of a whole referat) reads as a fresh lexing does', () => {
  const memory = new LexMemory();
  const big = texts[0]!.repeat(Math.ceil(30_000 / texts[0]!.split('\n').length));
  const before = `${texts[1]!}\n${texts[2]!}`;
  lex(before, { memory });
  const pasted = `${before.slice(0, 40)}${big}${before.slice(40)}`;
  assert.ok(lex(pasted).tokens.length > 10_000, 'more new lines than one splice takes');
  assert.deepEqual(plain(lex(pasted, { memory })), plain(lex(pasted)));
  const edited = `${pasted.slice(0, 5000)}x${pasted.slice(5000)}`;
  assert.deepEqual(plain(lex(edited, { memory })), plain(lex(edited)));
});

import { Lexer, type IToken } from 'chevrotain';
import { ALL_TOKENS } from './tokens';

// Built once, on first use: chevrotain analyses the patterns at construction, which the
// server's start-up need not wait for.
let lexer: Lexer | undefined;
function theLexer(): Lexer {
  // ensureOptimizations: a token that would defeat the first-character optimisation fails at once, in every test.
  return (lexer ??= new Lexer(ALL_TOKENS, { positionTracking: 'onlyOffset', ensureOptimizations: true, skipValidations: true }));
}

export interface LexResult {
  readonly tokens: IToken[];
  /** Start offset of every line; a document always has at least one line. */
  readonly lineStarts: number[];
  /** Offsets the lexer could not read (cannot happen with the catch-all Text token, kept as a guard). */
  readonly errors: { offset: number; length: number }[];
}

/** Start offset of each line, with `\r\n`, `\r` and `\n` as line breaks (as LSP counts them). */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  // Most files have no CR at all: indexOf is much faster than a character loop.
  if (text.indexOf('\r') < 0) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

export function lex(text: string): LexResult {
  const result = theLexer().tokenize(text);
  return {
    tokens: result.tokens,
    lineStarts: computeLineStarts(text),
    errors: result.errors.map((e) => ({ offset: e.offset, length: e.length })),
  };
}

import { Lexer, type IToken, type TokenType } from 'chevrotain';
import { ALL_TOKENS } from './tokens';
import type { SourceLine } from './tree';

// Built once, on first use: chevrotain analyses the patterns at construction, which the
// server's start-up need not wait for.
let lexer: Lexer | undefined;
function theLexer(): Lexer {
  if (lexer) return lexer;
  // ensureOptimizations: a token that would defeat the first-character optimisation fails at once, in every test.
  lexer = new Lexer(ALL_TOKENS, { positionTracking: 'onlyOffset', ensureOptimizations: true, skipValidations: true });
  retypeOnce(lexer);
  return lexer;
}

/**
 * Re-types a token of the lexer's own, and back, before any document is read. The passes after the
 * lexer re-type tokens, and the lexer's memory types kept tokens back. V8 takes a field of an object
 * shape that has only ever held its first value for a constant and compiles code on that, then throws
 * that code away on the first write of another value: in a long document, on its first edit, every
 * pass over the tokens went back to the interpreter (a first save of a 1 MB referat spent 20 ms
 * parsing, its next ones 3 ms). Written once here, the field is a variable from the start.
 */
function retypeOnce(made: Lexer): void {
  const [first, second] = made.tokenize('x\n\n').tokens;
  if (!first || !second || first.tokenType === second.tokenType) return;
  const { tokenType, tokenTypeIdx } = first;
  first.tokenType = second.tokenType;
  first.tokenTypeIdx = second.tokenTypeIdx;
  first.tokenType = tokenType;
  first.tokenTypeIdx = tokenTypeIdx;
}

export interface LexResult {
  readonly tokens: IToken[];
  /** Start offset of every line; a document always has at least one line. */
  readonly lineStarts: number[];
  /** Offsets the lexer could not read (cannot happen with the catch-all Text token, kept as a guard). */
  readonly errors: readonly { offset: number; length: number }[];
}

/** Start offset of each line, with `\r\n`, `\r` and `\n` as line breaks (as LSP counts them). */
export function computeLineStarts(text: string): number[] {
  // Most files have no CR at all: indexOf is much faster than a character loop. The lines are counted
  // first and the array made at its size: grown by pushing, an 8 MB referat's was copied a dozen times.
  if (text.indexOf('\r') < 0) {
    let count = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
    const sized = new Array<number>(count);
    sized[0] = 0;
    let k = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) sized[k++] = i + 1;
    return sized;
  }
  const starts = [0];
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

/**
 * A text lexed, and its tokens as the lexer made them: the next text, which an edit changed in a
 * few lines, is lexed only from the first line the edit touched to the last. Every token is one
 * line judged by that line alone, so the lines around an edit keep their tokens (shifted).
 */
export class LexMemory {
  text = '';
  /** The tokens last handed out: the parser's passes may have re-typed them, `types` says what the lexer made them. */
  tokens: IToken[] = [];
  types: TokenType[] = [];
  /**
   * Beside each token, the syntax line last made of it (the parser's): a kept token's line is kept
   * where its number and kind are. Kept here, not on chevrotain's token: a property added to tokens
   * gives the kept ones another shape than the new ones, and code made for one shape is thrown away
   * on meeting the other (on the first edit, in every pass over the tokens).
   */
  lines: (SourceLine | undefined)[] = [];
  lineStarts: number[] = [0];
  errors: readonly { offset: number; length: number }[] = [];
}

export interface LexOptions {
  /** The document's last lexing, kept by a host that lexes it again after each edit. */
  readonly memory?: LexMemory;
}

/**
 * The line tokens of a text. With a memory, the tokens are the memory's own objects where their
 * lines are unchanged (their types as the lexer made them, their offsets where they now are): a
 * result is read before the next lexing with the same memory, as the parser does.
 */
export function lex(text: string, options: LexOptions = {}): LexResult {
  const { memory } = options;
  if (!memory) return lexWhole(text);
  const { result, types, lines } = memory.text.length > 0 && text.length > 0 ? lexChanged(memory, text) : typed(lexWhole(text));
  memory.text = text;
  memory.tokens = result.tokens;
  memory.types = types;
  memory.lines = lines;
  memory.lineStarts = result.lineStarts;
  memory.errors = result.errors;
  return result;
}

function lexWhole(text: string): LexResult {
  const result = theLexer().tokenize(text);
  return {
    tokens: result.tokens,
    lineStarts: computeLineStarts(text),
    errors: result.errors.map((e) => ({ offset: e.offset, length: e.length })),
  };
}

/** Characters compared at once when looking for where two texts start and stop differing. */
const COMPARE_CHUNK = 1 << 16;

/**
 * The length of the two texts' common beginning, found by native comparisons of halving stretches.
 * Two slices are compared with `===`, which compares their memory at once; `startsWith` and
 * `endsWith` compare a character at a time, ten times slower on a long text.
 */
export function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let at = 0;
  for (let chunk = COMPARE_CHUNK; chunk > 0;) {
    const n = Math.min(chunk, max - at);
    if (n > 0 && a.substring(at, at + n) === b.substring(at, at + n)) at += n;
    else chunk >>= 1;
  }
  return at;
}

/** The length of the two texts' common end, not reaching into the first `floor` characters of either. */
export function commonSuffix(a: string, b: string, floor: number): number {
  const max = Math.min(a.length, b.length) - floor;
  let len = 0;
  for (let chunk = COMPARE_CHUNK; chunk > 0;) {
    const n = Math.min(chunk, max - len);
    if (n > 0 && a.substring(a.length - len - n, a.length - len) === b.substring(b.length - len - n, b.length - len)) len += n;
    else chunk >>= 1;
  }
  return len;
}

const isBreak = (c: number): boolean => c === 10 || c === 13;

/** Above this many new entries an array is made anew: spreading them into one call would pass too many arguments. */
const SPLICE_LIMIT = 10_000;

/** The array with [from, to) replaced by `items`: in place, or made anew for many items. */
function replaced<T>(array: T[], from: number, to: number, items: readonly T[]): T[] {
  if (items.length > SPLICE_LIMIT) return array.slice(0, from).concat(items, array.slice(to));
  array.splice(from, to - from, ...items);
  return array;
}

/** The first index in the sorted numbers at or above `value`. */
export function firstAtOrAbove(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first token starting at or after `offset`. */
function firstTokenFrom(tokens: readonly IToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.startOffset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Typed {
  readonly result: LexResult;
  /** Each token's type as the lexer made it. */
  readonly types: TokenType[];
  /** Each token's syntax line, where one was made of it and it is kept. */
  readonly lines: (SourceLine | undefined)[];
}

function typed(result: LexResult): Typed {
  return { result, types: result.tokens.map((t) => t.tokenType), lines: new Array<SourceLine | undefined>(result.tokens.length) };
}

// The loops over every token and line start are functions of their own: each is made fast once and
// stays so, where inside lexChanged a branch it had not met yet would throw the loop's fast code away.

/** The kept tokens before the edit, their types as the lexer made them. */
function restoreTypes(tokens: readonly IToken[], types: readonly TokenType[], end: number): void {
  for (let i = 0; i < end; i++) restore(tokens[i]!, types[i]!);
}

/** The kept tokens after the edit, their types as the lexer made them, moved by the edit's change of length. */
function restoreAndShift(tokens: readonly IToken[], types: readonly TokenType[], from: number, delta: number): void {
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i]!;
    restore(t, types[i]!);
    t.startOffset += delta;
  }
}

/** The line starts after the edit, moved by its change of length. */
function shiftStarts(starts: number[], from: number, delta: number): void {
  for (let i = from; i < starts.length; i++) starts[i] = starts[i]! + delta;
}

/** A kept token as the lexer made it: the parser's passes re-type tokens in place. */
function restore(t: IToken, type: TokenType): void {
  if (t.tokenType === type) return;
  t.tokenType = type;
  t.tokenTypeIdx = type.tokenTypeIdx!;
}

/**
 * A text lexed from the memory of its last version. Only the lines between the edit's ends are read
 * again: from the last line start inside the common beginning (its line break and first character
 * unchanged, so a line start in both texts) to the first line start whose line break lies in the
 * common end. What comes before is kept; what comes after is kept, shifted.
 */
function lexChanged(memory: LexMemory, text: string): Typed {
  const old = memory.text;
  const { tokens: oldTokens, types: oldTypes, lineStarts, errors } = memory;
  const prefix = commonPrefix(old, text);
  const suffix = prefix === old.length && prefix === text.length ? 0 : commonSuffix(old, text, prefix);
  const delta = text.length - old.length;
  const firstKept = firstAtOrAbove(lineStarts, prefix);
  const from = firstKept > 0 ? lineStarts[firstKept - 1]! : 0;
  const resumeAt = firstAtOrAbove(lineStarts, old.length - suffix + 1);
  const resumeOld = resumeAt < lineStarts.length ? lineStarts[resumeAt]! : old.length;
  const to = resumeOld + delta;
  const middle = from < to ? theLexer().tokenize(text.slice(from, to)) : { tokens: [], errors: [] };
  for (const t of middle.tokens) t.startOffset += from;

  // The memory's arrays are changed in place: a 1 MB referat's are 200 KB each, and an edit changes a few entries.
  const keepBefore = firstTokenFrom(oldTokens, from);
  const resumeToken = firstTokenFrom(oldTokens, resumeOld);
  restoreTypes(oldTokens, oldTypes, keepBefore);
  restoreAndShift(oldTokens, oldTypes, resumeToken, delta);
  const tokens = replaced(oldTokens, keepBefore, resumeToken, middle.tokens);
  const types = replaced(
    oldTypes,
    keepBefore,
    resumeToken,
    middle.tokens.map((t) => t.tokenType),
  );
  const lines = replaced(memory.lines, keepBefore, resumeToken, new Array<SourceLine | undefined>(middle.tokens.length).fill(undefined));

  const middleStarts: number[] = [];
  // The middle's own line starts; its end is one where the kept lines resume, else the text's end may be one.
  const last = resumeAt < lineStarts.length ? to - 1 : to;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!isBreak(c) || (c === 13 && text.charCodeAt(i + 1) === 10)) continue;
    if (i + 1 <= last) middleStarts.push(i + 1);
  }
  shiftStarts(lineStarts, resumeAt, delta);
  const starts = replaced(lineStarts, firstKept === 0 ? 1 : firstKept, resumeAt, middleStarts);

  return {
    result: {
      tokens,
      lineStarts: starts,
      errors: [
        ...errors.filter((e) => e.offset < from),
        ...middle.errors.map((e) => ({ offset: e.offset + from, length: e.length })),
        ...errors.filter((e) => e.offset >= resumeOld).map((e) => ({ offset: e.offset + delta, length: e.length })),
      ],
    },
    types,
    lines,
  };
}

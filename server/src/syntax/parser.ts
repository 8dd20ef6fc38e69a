import type { IToken } from 'chevrotain';
import { LINE_KIND, PunktHeading, Title, TocHeading } from './tokens';
import { lex, type LexOptions } from './lexer';
import { markExtraSections, markPunktHeadings, markTitleSections } from './structure';
import { detectDialect } from '../dialect/detect';
import type { Dialect } from '../dialect/dialects';
import { lineRange } from './range';
import { ADDITION_HEADING, APPROVAL_HEADING, approvalBlockAfter } from './linePatterns';
import { APPROVAL_WORDS } from '../dialect/vocabulary';
import { SourceLine, type ApprovalSyntax, type PunktSyntax, type ReferatSyntax, type SyntaxLine, type SyntaxProblem } from './tree';

interface RawPunkt {
  heading: IToken;
  lines: IToken[];
}

interface RawReferat {
  leading: IToken[];
  title?: IToken;
  header: IToken[];
  toc?: { heading: IToken; lines: IToken[] };
  punkter: RawPunkt[];
}

// A token is Loose unless it is a title, a table of contents' heading or a punkt heading; InPunkt unless a
// punkt heading. Functions of the module, not of each call: a closure made anew at each parse is another
// call target to the code V8 made for the loop, which threw that code away on the first edit.
const isLoose = (t: IToken): boolean => t.tokenType !== Title && t.tokenType !== TocHeading && t.tokenType !== PunktHeading;
const inPunkt = (t: IToken): boolean => t.tokenType !== PunktHeading;

/**
 * referat := Loose* (Title (Loose | Title)*)? (TocHeading InPunkt*)? (PunktHeading InPunkt*)*
 *
 * where Loose is any line but a title, a table of contents' heading or a punkt heading, and InPunkt
 * any line but a punkt heading. Every line is Loose or InPunkt or a PunktHeading, so the grammar
 * accepts every sequence of lines: structure problems (no title, a punkt without a journal number)
 * are the rules' to report, in words a secretary understands. The grammar is regular and decided
 * by one token, so it is read by one loop over the line tokens: it runs at every edit, over every
 * line of a long referat, where a parser's machinery cost more than all the passes that mark them.
 */
function group(tokens: readonly IToken[]): RawReferat {
  const result: RawReferat = { leading: [], header: [], punkter: [] };
  const n = tokens.length;
  let i = 0;
  while (i < n && isLoose(tokens[i]!)) result.leading.push(tokens[i++]!);
  if (i < n && tokens[i]!.tokenType === Title) {
    result.title = tokens[i++]!;
    while (i < n && (isLoose(tokens[i]!) || tokens[i]!.tokenType === Title)) result.header.push(tokens[i++]!);
  }
  if (i < n && tokens[i]!.tokenType === TocHeading) {
    const heading = tokens[i++]!;
    const lines: IToken[] = [];
    while (i < n && inPunkt(tokens[i]!)) lines.push(tokens[i++]!);
    result.toc = { heading, lines };
  }
  // Every token left is a punkt heading or a line in the punkt above it.
  while (i < n) {
    const heading = tokens[i++]!;
    const lines: IToken[] = [];
    while (i < n && inPunkt(tokens[i]!)) lines.push(tokens[i++]!);
    result.punkter.push({ heading, lines });
  }
  return result;
}

/**
 * Parses a referat into its syntax tree, in its dialect (recognised from its own lines where not
 * given). Total: every string gives a tree, never an exception.
 */
export function parseSyntax(input: string, given?: Dialect, options: LexOptions = {}): ReferatSyntax {
  // VS Code drops a BOM when it opens a file; do the same so CLI and editor agree on columns.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const dialect = given ?? detectDialect(text);
  const lexed = lex(text, options);
  const { lineStarts, errors } = lexed;
  // The approval at the end is read apart: the parser groups only the lines before it.
  const { at: approvalAt, unsealed } = approvalStart(lexed.tokens);
  const tokens = approvalAt === undefined ? lexed.tokens : lexed.tokens.slice(0, approvalAt);
  markExtraSections(tokens, dialect);
  markTitleSections(tokens, dialect);
  markPunktHeadings(tokens, dialect, text);
  const problems: SyntaxProblem[] = [];

  const offsetToLine = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  // The raw tree lists tokens in document order, so forward-moving cursors number them and find them.
  let cursor = 0;
  // With a memory, each token's syntax line is kept beside it (the memory's `lines`): an edit's reading
  // makes new lines only where it changed them, and the punkter's memory knows its lines by identity.
  const made = options.memory?.lines;
  const all = lexed.tokens;
  let at = 0;
  const toLine = (t: IToken): SyntaxLine => {
    if (lineStarts[cursor]! > t.startOffset) cursor = offsetToLine(t.startOffset);
    while (cursor + 1 < lineStarts.length && lineStarts[cursor + 1]! <= t.startOffset) cursor++;
    const kind = LINE_KIND.get(t.tokenType) ?? 'text';
    if (!made) return new SourceLine(kind, cursor, t.image);
    // Nearly always the token after the last one; else found by its offset (a token the parser's recovery made is not there).
    if (all[at] !== t) at = tokenAt(all, t);
    if (at < 0) {
      at = 0;
      return new SourceLine(kind, cursor, t.image);
    }
    // A token the lexer's memory kept is a line unchanged: where its kind and number are too, so is its syntax line.
    const last = made[at];
    if (last !== undefined && last.line === cursor && last.kind === kind) {
      at++;
      return last;
    }
    const line = new SourceLine(kind, cursor, t.image);
    made[at++] = line;
    return line;
  };
  for (const e of errors) {
    const line = offsetToLine(e.offset);
    const col = e.offset - lineStarts[line]!;
    problems.push({ range: lineRange(line, col, col + e.length), message: 'unreadable characters' });
  }

  const raw = group(tokens);

  const lastStart = lineStarts[lineStarts.length - 1]!;
  const leading = raw.leading.map(toLine);
  const title = raw.title ? toLine(raw.title) : undefined;
  const header = raw.header.map(toLine);
  const toc = raw.toc ? { heading: toLine(raw.toc.heading), lines: raw.toc.lines.map(toLine) } : undefined;
  const punkter: PunktSyntax[] = raw.punkter.map((p) => ({ heading: toLine(p.heading), lines: p.lines.map(toLine) }));
  // After every other line: the cursor that numbers them only moves forward.
  const approval = approvalAt === undefined ? undefined : approvalSyntax(lexed.tokens.slice(approvalAt).map(toLine));
  return {
    leading,
    ...(title ? { title } : {}),
    header,
    ...(toc ? { toc } : {}),
    punkter,
    ...(approval ? { approval } : {}),
    ...(unsealed.length > 0 ? { unsealedApprovals: unsealed.map((i) => offsetToLine(lexed.tokens[i]!.startOffset)) } : {}),
    dialect,
    lineCount: lineStarts.length,
    lastLineLength: text.length - lastStart,
    problems,
  };
}

/** The token's index among the tokens (sorted by offset), or -1 where it is not one of them. */
function tokenAt(tokens: readonly IToken[], t: IToken): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.startOffset < t.startOffset) lo = mid + 1;
    else hi = mid;
  }
  return tokens[lo] === t ? lo : -1;
}

/** Longer lines are no approval heading: they are passed over unread. */
const APPROVAL_LINE_LIMIT = 200;
const trimmed = (image: string): string => image.trimEnd();

/**
 * Where the approval block starts: the first `Godkendelse` heading whose fields follow it with the
 * seal among them (`approvalBlockAfter`). Headings whose fields hold no seal stay text of their punkt;
 * where no approval follows them, they are named (an approval that lost its seal, or words that look
 * like one). Its heading alone is no approval: a referat may hold the word.
 */
function approvalStart(tokens: readonly IToken[]): { at?: number; unsealed: number[] } {
  const unsealed: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const image = tokens[i]!.image;
    if (image.length > APPROVAL_LINE_LIMIT || !startsLikeApproval(image) || !APPROVAL_HEADING.test(trimmed(image))) continue;
    const block = approvalBlockAfter((k) => tokens[i + 1 + k]?.image);
    // Before the approval, such lines are plainly the text of their punkt: nothing to say of them.
    if (block === 'sealed') return { at: i, unsealed: [] };
    if (block === 'unsealed') unsealed.push(i);
  }
  return { unsealed };
}

/** The approval heading's first letter, either case: a line whose first letter is another heads no approval. */
const APPROVAL_FIRST = [APPROVAL_WORDS.heading.charAt(0).toLowerCase().charCodeAt(0), APPROVAL_WORDS.heading.charAt(0).toUpperCase().charCodeAt(0)];

/**
 * Whether the line's first character after the marks a heading may start with (spaces, `#`, `*`) is
 * the approval heading's first letter: one look per line before the pattern, which nearly every line fails.
 */
function startsLikeApproval(image: string): boolean {
  for (let i = 0; i < image.length; i++) {
    const c = image.charCodeAt(i);
    if (c === 32 || c === 9 || c === 35 || c === 42) continue;
    return c === APPROVAL_FIRST[0] || c === APPROVAL_FIRST[1];
  }
  return false;
}

/** The block's lines: its heading, its own lines, then each `Tilføjelse` with the lines under it. */
function approvalSyntax(lines: readonly SyntaxLine[]): ApprovalSyntax | undefined {
  const [heading, ...rest] = lines;
  if (!heading) return undefined;
  const own: SyntaxLine[] = [];
  const additions: { heading: SyntaxLine; lines: SyntaxLine[] }[] = [];
  for (const l of rest) {
    if (l.text.length <= APPROVAL_LINE_LIMIT && ADDITION_HEADING.test(trimmed(l.text))) additions.push({ heading: l, lines: [] });
    else if (additions.length > 0) additions[additions.length - 1]!.lines.push(l);
    else own.push(l);
  }
  return { heading, lines: own, additions };
}

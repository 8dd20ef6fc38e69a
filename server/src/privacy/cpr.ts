import type { Range } from '../syntax/range';
import { JOINER, readerText, type ReaderText, type SourceKind } from './readerText';

/**
 * The one finder of CPR numbers: in a referat's lines (the rule `cpr-number`, and the refusal of a
 * public version) and in what a rendering shows (the check that the refusal held). It decides on
 * the text as a reader sees it (`readerText`), so `**010190**-1234`, `010190\-1234`,
 * `&#48;10190-1234`, `０１０１９０－１２３４`, a zero-width space or a soft hyphen inside the number, an
 * en dash, a minus sign or ` - ` between its parts, and a line break after `010190-` are all found.
 *
 * A CPR number is six digits that are a day that exists (DDMMYY), written together or in pairs
 * set apart alike by a dot or a space (`01.02.03`), then at most four dashes, spaces or slashes (a
 * line break among them), then four digits, standing alone. After a label that says it is one
 * (`CPR-nr.`, `personnummer`), ten digits are one however they are grouped and whatever day they
 * say. What is not one, on purpose (each is tested):
 * - part of something longer: a word, a longer number, a number grouped on with `-`, `/`, `.`,
 *   `,` or `:` (`24-010203-1234`, `0102031234,50`, `0102031234:00`, a web address's identifiers,
 *   though a path segment written `010203-1234` is one);
 * - a number behind a label that says it is another kind: a case, journal or document number
 *   (`Sagsnr.`, `J.nr.`, `Dok.nr.`), a phone (`Tlf.`, `Telefon`, `Mobil`, a `+45` country code),
 *   an account (`Konto`, `Kontonr.`, `Reg.nr.`, with or without the four-digit registration
 *   number before it), a company or production unit (`CVR`, `SE`, `P-nr.`), `EAN`, an invoice or
 *   an order number.
 * No modulus-11 test: numbers issued since 2007 need not pass one.
 */
export interface FoundCpr {
  /** Source offsets: from the number's first digit to the end of its last. */
  readonly from: number;
  readonly to: number;
}

// Six digits, a gap of dashes and spaces, four digits; markup and invisible characters may stand
// anywhere between the digits (JOINER). The gap is bounded, so the search is linear.
const J = `${JOINER}*`;
// The first part's six digits, or its pairs set apart alike by a dot or a space (`01.02.03`); then the
// parts apart by at most four dashes, spaces or slashes (`010203/1234`). Every run of unseen characters
// stands between two characters it cannot be: no two of them meet, so the search stays linear.
const SIX = `\\d(?:${J}\\d){5}`;
const PAIRS_OF_SIX = `\\d${J}\\d${J}([. ])${J}\\d${J}\\d${J}\\1${J}\\d${J}\\d`;
// Then the gap (dashes, spaces, slashes, a dot, a line break) and the last four digits, which a space may split (`12 34`).
const LAST_FOUR = `\\d(?:${J}(?: ${J})?\\d){3}`;
const CANDIDATE = new RegExp(`(?:${SIX}|${PAIRS_OF_SIX})(?:${J}[- \\n/.]){0,4}${J}${LAST_FOUR}`, 'g');
/**
 * A label that says the number after it is a CPR number, as people write it: `CPR`, `CPR-nr`,
 * `CPR nr`, `Cpr. nr`, `cpr - nummer`, `CPR-numre`, `personnummer`, `person nr` (a dot and a colon after it are
 * the caller's). Its parts stand apart by at most a dot, a dash and a few spaces: the search stays linear.
 */
export const CPR_LABEL_SOURCE = String.raw`(?:cpr|person[ \t]{0,3}-?[ \t]{0,3}(?:nummer|numre|nr))(?:\.?[ \t]{0,3}-?[ \t]{0,3}(?:nr|nummer|numre))?`;
/**
 * After a label that says it is one (`CPR-nr.`, `cpr`, `personnummer`), ten digits are a CPR number
 * however they are grouped (`010203-123 4`, `01.02.03.1234`), and whatever day they say.
 */
const LABELLED = new RegExp(`(?:^|[^\\p{L}])${CPR_LABEL_SOURCE}\\.?${J}(?::${J})?(?:[ \\n]{1,3}${J})?(\\d(?:${J}(?:[-. /\\n]${J})?\\d){9})(?!${J}\\d)`, 'giu');
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;
/** Six digits, one dash, four digits: the way a CPR number is written, read as the reader reads it. */
const WRITTEN_CPR = /^\d{6}-\d{4}$/;
const DIGIT = /[0-9]/;
// A number right after one of these labels is that kind of number, whatever its digits.
const OTHER_NUMBER_LABEL =
  /(?:^|[^\p{L}])(?:(?:sags?-?nr|sagsnummer|sagsid|journal-?nr|j\.?\s?nr|dok(?:ument)?\.?\s?nr|tlf|telefon(?:nr|nummer)?|mobil(?:nr)?|p-?nr|p-nummer|cvr(?:-?nr|-nummer)?|se-?nr|ean(?:-?nr)?|faktura(?:nr|nummer)?|ordre(?:nr|nummer)?)\.?:?\s*|(?:konto(?:nr|nummer)?|reg\.?\s?nr)\.?:?\s*(?:\d{4}[\s-]*)?|\+\d{1,3}\s*)$/iu;
/** How much of the text before a number its label may take. */
const LABEL_WINDOW = 32;

/** The CPR numbers in a text read by {@link readerText}, as source offsets. */
function findCprNumbers(read: ReaderText): FoundCpr[] {
  const out: FoundCpr[] = [];
  const text = read.text;
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const digits = m[0].replace(/[^0-9]/g, '');
    if (isCprDate(digits) && standsAlone(text, start, end)) {
      out.push({ from: read.from[start]!, to: read.to[end - 1]! });
      continue;
    }
    // Not here: it may still begin at the next digit (`010190 010190 1234`).
    CANDIDATE.lastIndex = start + 1;
  }
  LABELLED.lastIndex = 0;
  // The label is looked for first: nearly every text holds none.
  for (let m = CPR_LABEL.test(text) ? LABELLED.exec(text) : null; m; m = LABELLED.exec(text)) {
    const end = m.index + m[0].length;
    const start = end - m[1]!.length;
    const from = read.from[start]!;
    if (!out.some((f) => f.from <= from && from <= f.to)) out.push({ from, to: read.to[end - 1]! });
  }
  return out.sort((a, b) => a.from - b.from);
}

/** The CPR numbers in a source (markdown, or a rendered HTML page), as source offsets. */
export function findCprNumbersIn(source: string, kind: SourceKind): FoundCpr[] {
  return findCprNumbers(readerText(source, { kind }));
}

/** The first six digits are a day that exists: DDMMYY, in 19YY or 20YY. */
function isCprDate(digits: string): boolean {
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const yy = Number(digits.slice(4, 6));
  if (month < 1 || month > 12 || day < 1) return false;
  const daysIn = (year: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= Math.max(daysIn(1900 + yy), daysIn(2000 + yy));
}

/**
 * Not part of something longer. The characters next to the number are read as they stand: a
 * marker (JOINER) beside it separates, so `x_010190-1234` counts as a number of its own: in doubt,
 * the number is one.
 */
function standsAlone(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? '';
  const before2 = text[start - 2] ?? '';
  const after = text[end] ?? '';
  const after2 = text[end + 1] ?? '';
  if (LETTER_OR_DIGIT.test(before) || LETTER_OR_DIGIT.test(after)) return false;
  // Grouped on from a code or a number before it: `EMN-2025-…`, `24/…`, `1.…`, `+…`. But a path
  // segment of a web address that is a CPR number as people write one, `…/borger/010190-1234`,
  // is one: an identifier or a timestamp there is never six digits, a dash and four.
  const pathSegment = before === '/' && LETTER.test(before2) && WRITTEN_CPR.test(text.slice(start, end));
  if ((before === '-' || before === '/' || before === '+') && LETTER_OR_DIGIT.test(before2) && !pathSegment) return false;
  if ((before === '.' || before === ',') && DIGIT.test(before2)) return false;
  // … or after it: `…-56`, `…/2020`, `…,50`, `…:00`.
  if ('-/.,:'.includes(after) && after !== '' && DIGIT.test(after2)) return false;
  const label = text
    .slice(Math.max(0, start - LABEL_WINDOW), start)
    .split(JOINER)
    .join('');
  return !OTHER_NUMBER_LABEL.test(label);
}

/** A line of a document, with its number: what the line-based finder reads. */
export interface NumberedLine {
  readonly text: string;
  readonly line: number;
  /** Where `text` begins in its line, when it is a part of the line (a closed punkt's journal number). */
  readonly offset?: number;
}

/** How many digits the first part of a CPR number has: a line without six of them close together holds none that starts there. */
const FIRST_PART = 6;
// A digit-like character and five more that are digit-like or unseen, or an entity: every line
// `mayHoldCpr` accepts matches this (digit-like characters beyond ASCII are all at U+0080 or above).
const MAY_HOLD = /[\d\u00b2\u00b3\u00b9\u00bc-\u00be\u0660-\uffff][\d*_~`\\\u0080-\uffff]{5}|&/;
// A character `isDigitLike` accepts, or an entity's `&`: a line without one holds no number's digits.
const DIGIT_LIKE_OR_ENTITY = /[0-9&\u00b2\u00b3\u00b9\u00bc-\u00be\u0660-\uffff]/;
// A label that says a number is a CPR number (`CPR`, `personnummer`): after it, any grouping is one.
const CPR_LABEL = /cpr|person[ \t-]*n(?:umme|um)?r/i;

/** The most line breaks a number's gap holds (`CANDIDATE`: at most four dashes, spaces, slashes or line breaks). */
const LINES_AFTER = 4;
/** After a label (`LABELLED`): three line breaks before the digits, and one between each two of the ten. */
const LABELLED_LINES_AFTER = 3 + 9;

export interface FindOptions {
  /**
   * The indices, ascending, of the lines `mayHoldCpr` accepts, where the caller knows them (from an
   * earlier reading of the same lines); without them every line is tested.
   */
  readonly candidates?: readonly number[];
  /**
   * Where lines missing between two given lines are blank (a referat's syntax leaves blank lines out),
   * the indices, ascending, of the lines that must be read apart from the one before: text left out
   * stands between them (a closed punkt's body). Without it, only lines that follow each other are read as one.
   */
  readonly apart?: readonly number[];
}

/**
 * A document's lines as the finder reads them, by index: an array, or a view of the lines that
 * reads them where they are kept (a referat's punkter), so a check of a long referat does not copy
 * its hundreds of thousands of lines into one list to read the few around a number.
 */
export interface LineList {
  readonly length: number;
  at(index: number): NumberedLine | undefined;
}

/**
 * The CPR numbers in a document's lines, as ranges. Lines that follow each other are read as one
 * text, so a number broken over a line break is found; lines that do not (a closed punkt's body
 * left out between them) are read apart. Only lines that could hold a number's first six digits
 * (`mayHoldCpr`), and their neighbours, are read in full: most lines of a referat hold none. Given
 * the candidates, the work is by the candidates, not by the lines.
 */
export function findCprNumbersInLines(lines: LineList, options: FindOptions = {}): LineCpr[] {
  const n = lines.length;
  const line = (i: number): NumberedLine => lines.at(i)!;
  const candidates = options.candidates ?? everyCandidate(lines);
  const apart = options.apart ? new Set(options.apart) : undefined;
  const adjacent = apart
    ? (i: number): boolean => i > 0 && !apart.has(i) && line(i).line > line(i - 1).line
    : (i: number): boolean => i > 0 && line(i).line === line(i - 1).line + 1;
  const out: LineCpr[] = [];
  // A stretch of lines to read, [from, to]: the lines around candidates, joined where they overlap or touch.
  let from = -1;
  let to = -1;
  const read = (): void => {
    for (let i = from; i <= to;) {
      let j = i + 1;
      while (j <= to && adjacent(j)) j++;
      readLines(lines, i, j, out);
      i = j;
    }
  };
  for (const i of candidates) {
    if (i >= n) continue;
    // The lines the number may run on over: the last four digits after as many line breaks as its gap
    // may hold, a labelled one's digits after the label's and between each two. The two lines before
    // are read too, for a label there that says it is another kind of number.
    const after = CPR_LABEL.test(line(i).text) ? LABELLED_LINES_AFTER : LINES_AFTER;
    const first = Math.max(0, i - 2);
    const last = Math.min(n - 1, i + after);
    if (from >= 0 && first <= to + 1) to = Math.max(to, last);
    else {
      if (from >= 0) read();
      from = first;
      to = last;
    }
  }
  if (from >= 0) read();
  return out;
}

/**
 * A {@link LineList} of runs of lines kept elsewhere (a punkt's heading, its lines), each added whole
 * without copying; single lines added one after another share a run of their own.
 */
export class LineRuns implements LineList {
  length = 0;
  private readonly starts: number[] = [];
  private readonly runs: (readonly NumberedLine[])[] = [];
  /** The run single lines are added to, while no whole run came after it. */
  private singles: NumberedLine[] | undefined;

  push(line: NumberedLine): void {
    if (!this.singles) {
      this.singles = [];
      this.addRun(this.singles);
    }
    this.singles.push(line);
    this.length++;
  }

  pushAll(lines: readonly NumberedLine[]): void {
    if (lines.length === 0) return;
    this.singles = undefined;
    this.addRun(lines);
    this.length += lines.length;
  }

  at(index: number): NumberedLine | undefined {
    if (index < 0 || index >= this.length) return undefined;
    // The last run that starts at or before the index.
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return this.runs[lo]![index - this.starts[lo]!];
  }

  private addRun(lines: readonly NumberedLine[]): void {
    this.starts.push(this.length);
    this.runs.push(lines);
  }
}

/** The indices of the lines `mayHoldCpr` accepts, ascending. */
function everyCandidate(lines: LineList): number[] {
  const found: number[] = [];
  for (let i = 0; i < lines.length; i++) if (mayHoldCpr(lines.at(i)!.text)) found.push(i);
  return found;
}

/** A number found in a document's lines: where, and the index in the lines given of the line it starts on. */
export interface LineCpr {
  readonly range: Range;
  readonly index: number;
}

/**
 * The numbers found in each text of lines read in full, by the text: a referat checked again after an
 * edit reads again only the lines the edit touched (a line with a date in pairs, `opd. 30.11.23`, is
 * read in full at every check). Emptied when its texts hold this many characters.
 */
const READ_MEMO_CHARS = 4_000_000;
const readMemoByText = new Map<string, readonly FoundCpr[]>();
let readMemoChars = 0;

function readMemo(text: string): readonly FoundCpr[] {
  let found = readMemoByText.get(text);
  if (!found) {
    if (readMemoChars + text.length > READ_MEMO_CHARS) {
      readMemoByText.clear();
      readMemoChars = 0;
    }
    found = findCprNumbersIn(text, 'markdown');
    readMemoByText.set(text, found);
    readMemoChars += text.length;
  }
  return found;
}

/** Reads lines [from, to) as one text and adds the numbers found, as ranges of those lines. */
function readLines(lines: LineList, from: number, to: number, out: LineCpr[]): void {
  const starts: number[] = [];
  const offsets: number[] = [];
  let text = '';
  const read: NumberedLine[] = [];
  for (let k = from; k < to; k++) read.push(lines.at(k)!);
  for (let k = 0; k < read.length; k++) {
    starts.push(text.length);
    offsets.push(read[k]!.offset ?? 0);
    // The blank lines between them as the reader has them: a number's gap may hold line breaks (more
    // than a number may run on over are one more than that, so a long run of blank lines costs nothing).
    const breaks = k + 1 < read.length ? Math.min(LABELLED_LINES_AFTER + 1, Math.max(1, read[k + 1]!.line - read[k]!.line)) : 0;
    text += read[k]!.text + '\n'.repeat(breaks);
  }
  const indexOf = (offset: number): number => {
    let k = starts.length - 1;
    while (k > 0 && starts[k]! > offset) k--;
    return k;
  };
  const at = (offset: number): { line: number; character: number } => {
    const k = indexOf(offset);
    return { line: read[k]!.line, character: offset - starts[k]! + offsets[k]! };
  };
  for (const found of readMemo(text)) out.push({ range: { start: at(found.from), end: at(found.to) }, index: from + indexOf(found.from) });
}

const isDigitLike = (c: number): boolean => (c >= 48 && c <= 57) || c >= 0x0660 || c === 0xb2 || c === 0xb3 || c === 0xb9 || (c >= 0xbc && c <= 0xbe);
const isMarkup = (c: number): boolean => c === 42 || c === 95 || c === 126 || c === 96 || c === 92;
/** What the reader may not see between a number's characters: markup, and characters beyond ASCII that are no digit. */
const isUnseen = (c: number): boolean => isMarkup(c) || (c >= 0x80 && !isDigitLike(c));
/** Every character `isDigitLike` accepts. */
const DIGIT_LIKE_ANYWHERE = /[0-9\u00b2\u00b3\u00b9\u00bc-\u00be\u0660-\uffff]/g;
/** The first part in pairs: digit, digit, a dot or a space, digit, digit, the same again, digit, digit. */
const PAIRS_SHAPE = 'dd.dd.dd';

/**
 * Whether the line holds six digits in pairs set apart by a dot or a space (`01.02.03`), what the
 * reader may not see between them, and not before a letter (a KLE number, `81.39.15G01`, on the line
 * after every punkt's heading, is passed over). A loop, not an expression: its classes of characters
 * do not overlap, so it reads each line in linear time.
 */
function hasPairsOfSix(text: string): boolean {
  // The engine finds each digit-like character; the loop reads on from there (most lines have a few).
  DIGIT_LIKE_ANYWHERE.lastIndex = 0;
  for (let found = DIGIT_LIKE_ANYWHERE.exec(text); found; found = DIGIT_LIKE_ANYWHERE.exec(text)) {
    const start = found.index;
    let k = 0;
    let i = start;
    for (; i < text.length && k < PAIRS_SHAPE.length; i++) {
      const c = text.charCodeAt(i);
      if (k > 0 && isUnseen(c)) continue;
      // A dot, or a space as the reader reads one (a tab too); a space beyond ASCII is passed over as unseen.
      if (PAIRS_SHAPE[k] === 'd' ? !isDigitLike(c) : c !== 46 && c !== 32 && c !== 9 && c !== 11 && c !== 12) break;
      k++;
    }
    if (k < PAIRS_SHAPE.length) continue;
    while (i < text.length && isMarkup(text.charCodeAt(i))) i++;
    const next = text.charCodeAt(i) | 0x20;
    if (!(next >= 97 && next <= 122)) return true;
  }
  return false;
}

/**
 * Could the line hold the six digits a CPR number begins with? Six digit-like characters with
 * nothing between them but what the reader may not see: markup (`*`, `_`, `~`, backticks, a
 * backslash) and characters beyond ASCII (an invisible one, a full-width or another script's
 * digit, which count as digits); or the six in pairs set apart by a dot or a space; or a label that
 * says a number is a CPR number. An entity (`&`) may be a digit: such a line is always read. The
 * test errs towards reading: a line it passes over cannot hold a number the full reading finds.
 */
export function mayHoldCpr(text: string): boolean {
  // Most lines of a referat hold no digit at all: one scan at the engine's speed leaves only the label to look for.
  if (!DIGIT_LIKE_OR_ENTITY.test(text)) return CPR_LABEL.test(text);
  if (CPR_LABEL.test(text) || hasPairsOfSix(text)) return true;
  // A regular expression rules out nearly every line at the engine's speed; the loop decides the rest.
  if (!MAY_HOLD.test(text)) return false;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 38 /* & */) return true;
    if (isDigitLike(c)) {
      if (++run >= FIRST_PART) return true;
    } else if (!(isMarkup(c) || c >= 0x80)) run = 0;
  }
  return false;
}

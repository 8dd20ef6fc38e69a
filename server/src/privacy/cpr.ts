import { KLE_JOURNAL_LINE } from '../syntax/linePatterns';
import type { Range } from '../syntax/range';
import { JOINER, readerText, type ReaderText, type SourceKind } from './readerText';

/**
 * The one finder of CPR numbers: in a referat's lines (the rule `cpr-number`, and the refusal of a
 * public version) and in what a rendering shows (the check that the refusal held). It decides on
 * the text as a reader sees it (`readerText`), so `**010190**-1234`, `010190\-1234`,
 * `&#48;10190-1234`, `０１０１９０－１２３４`, a zero-width space or a soft hyphen inside the number, an
 * en dash, a minus sign or ` - ` between its parts, and a line break after `010190-` are all found.
 *
 * A CPR number is ten digits whose first six are a day that exists (DDMMYY): the six whole, in
 * pairs or threes set apart alike (`01.02.03`, `24-03-85`, `240 385`), five and one apart by a space,
 * or one by one, then a gap of at most eight separators (dashes, spaces, slashes, a line break among
 * them), then the four (whole, in pairs or one by one), standing alone; or, apart by single spaces,
 * the day's last digits written with the four (`2403 854821`, `24 03 854821`, `24038 54821`). A table's cells and rows (tabs, wide spaces, line breaks) never
 * split a part. After a label that says it is one (`CPR-nr.`, `CPR-`, `personnummer`), ten digits are
 * one however they are grouped and whatever day they say. What is not one, on purpose (each is tested):
 * - part of something longer: a word, a longer number, a number grouped on from a number with `-`,
 *   `/`, `.`, `,` or `:` (`24-010203-1234`, `0102031234,50`, `0102031234:00`), ten digits grouped as
 *   an amount (`2.403.854.821`);
 * - a number behind a label that says it is another kind: a case, journal or document number
 *   (`Sagsnr.`, `J.nr.`, `Dok.nr.`), a phone (`Tlf.`, `Telefon`, `Mobil`, a `+45` country code),
 *   an account (`Konto`, `Kontonr.`, `Reg.nr.`, with or without the four-digit registration
 *   number before it), a company or production unit (`CVR`, `SE`, `P-nr.`), `EAN`, an invoice or
 *   an order number; unless it is written as a CPR number is (`010203-1234`) or a CPR label stands near.
 * No modulus-11 test: numbers issued since 2007 need not pass one.
 */
export interface FoundCpr {
  /** Source offsets: from the number's first digit to the end of its last. */
  readonly from: number;
  readonly to: number;
}

/**
 * A label that says the number after it is a CPR number, as people write it: `CPR`, `CPR-nr`,
 * `CPR nr`, `Cpr. nr`, `cpr - nummer`, `CPR-numre`, `personnummer`, `person nr` (a dot and a colon after it are
 * the caller's). Its parts stand apart by at most a dot, a dash and a few spaces: the search stays linear.
 */
export const CPR_LABEL_SOURCE = String.raw`(?:cpr|person[ \t]{0,3}-?[ \t]{0,3}(?:nummer|numre|nr))(?:\.?[ \t]{0,3}-?[ \t]{0,3}(?:nr|nummer|numre))?`;
const J = `${JOINER}*`;
/**
 * After a label that says it is one (`CPR-nr.`, `cpr`, `personnummer`), ten digits are a CPR number
 * however they are grouped (`010203-123 4`, `01.02.03.1234`), and whatever day they say. The label
 * may be joined to them by a colon, a dash, `=` or `#` (`CPR-0102031234`, `cpr-nr-010203-1234`).
 */
const LABELLED = new RegExp(
  `(?:^|[^\\p{L}])${CPR_LABEL_SOURCE}\\.?${J}(?:[:\\-=#]${J}){0,2}(?:[ \\t\\n]{1,3}${J})?(\\d(?:${J}(?:[-. /\\t\\n]${J})?\\d){9})(?!${J}\\d)`,
  'giu',
);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const DIGIT = /[0-9]/;
// A number right after one of these labels is that kind of number, whatever its digits.
const OTHER_NUMBER_LABEL =
  /(?:^|[^\p{L}])(?:(?:sags?-?nr|sagsnummer|sagsid|journal-?nr|j\.?\s?nr|dok(?:ument)?\.?\s?nr|tlf|telefon(?:nr|nummer)?|mobil(?:nr)?|p-?nr|p-nummer|cvr(?:-?nr|-nummer)?|se-?nr|ean(?:-?nr)?|faktura(?:nr|nummer)?|ordre(?:nr|nummer)?)\.?:?\s*|(?:konto(?:nr|nummer)?|reg\.?\s?nr)\.?:?\s*(?:\d{4}[\s-]*)?|\+\d{1,3}\s*)$/iu;
/** How much of the text before a number its label may take, and after it a label that says it is a CPR number. */
const LABEL_WINDOW = 32;
/** The digits of a CPR number, and of its first part (the day). */
const CPR_DIGITS = 10;
const FIRST_PART = 6;
/** At most this many characters of a gap between two groups of a number's digits (`010203 -- - 1234`). */
const GAP_LIMIT = 8;

/**
 * What may stand between two groups of a number's digits, besides what the reader does not see
 * (JOINER): spaces and dashes (read as ` ` and `-`), a line break, dots, slashes, a backslash, `=`,
 * `_`, `~`, the middle dots and bullets, the Japanese and Chinese marks a dash or a comma looks
 * like, and the box-drawing lines. By code unit.
 */
const SEPARATOR = new Uint8Array(0x10000);
for (const c of ' \t-\n./\\=_~\u00b7\u2022\u2219\u22c5\u30fb\uff65\u3001\u3002\u30fc\u4e00') SEPARATOR[c.charCodeAt(0)] = 1;
for (let c = 0x2500; c <= 0x257f; c++) SEPARATOR[c] = 1;
const JOINER_CODE = JOINER.charCodeAt(0);
const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;

/** A run of a number's digits in the reader's text (markup between them aside), and the gap before it. */
interface Group {
  readonly start: number;
  readonly end: number;
  readonly digits: string;
  /** The gap's characters before this group (none before a chain's first), unseen ones left out. */
  readonly gap: string;
}

/**
 * The CPR numbers in a text read by {@link readerText}, as source offsets. The text's digits are read
 * as chains of groups, each two apart by a short gap of separators (`24 03 85 - 4821`, `2403 854821`,
 * `24/03/85-4821`); any ten digits of a chain that begin and end at its groups' edges are a CPR number
 * where they begin with a day that exists and stand alone. With a right-to-left override in it, the
 * text is read backwards too: `\u202E1284-583042` shows as `240385-4821`.
 */
function findCprNumbers(read: ReaderText, options: { readonly reversed?: boolean } = {}): FoundCpr[] {
  const out: FoundCpr[] = [];
  const text = read.text;
  const map = options.reversed ? (i: number): number => text.length - 1 - i : (i: number): number => i;
  const add = (start: number, end: number): void => {
    const a = map(start);
    const b = map(end - 1);
    const from = read.from[Math.min(a, b)]!;
    const to = read.to[Math.max(a, b)]!;
    if (!out.some((f) => f.from <= from && from <= f.to)) out.push({ from, to });
  };
  forEachChain(digitsAsRead(text), (chain) => {
    for (let a = 0; a < chain.length; a++) {
      let digits = '';
      for (let b = a; b < chain.length && digits.length < CPR_DIGITS; b++) {
        digits += chain[b]!.digits;
        if (digits.length !== CPR_DIGITS) continue;
        const window = chain.slice(a, b + 1);
        if (!groupedAsCpr(window)) continue;
        if (isCprDate(digits) && !amountShaped(window) && standsAlone(text, window)) add(window[0]!.start, window[window.length - 1]!.end);
      }
      // The day written with the year's four digits (`01011990-1234`).
      digits = '';
      for (let b = a; b < chain.length && digits.length < LONG_YEAR_DIGITS; b++) {
        digits += chain[b]!.digits;
        if (digits.length !== LONG_YEAR_DIGITS) continue;
        const window = chain.slice(a, b + 1);
        if (isLongYearDate(digits) && groupedAsLongYearCpr(text, window) && standsAlone(text, window)) add(window[0]!.start, window[window.length - 1]!.end);
      }
    }
  });
  LABELLED.lastIndex = 0;
  // The label is looked for first: nearly every text holds none.
  for (let m = CPR_LABEL.test(text) ? LABELLED.exec(text) : null; m; m = LABELLED.exec(text)) {
    const end = m.index + m[0].length;
    add(end - m[1]!.length, end);
  }
  return out.sort((a, b) => a.from - b.from);
}

/**
 * The letters a reader takes for digits inside a number read as those digits: `O` and `o` as 0, `l` and
 * `I` as 1, where a run of letters and digits has two digits or more and no other letter
 * (`24O385-482l`). Words are left as they are: `Olsen`, `I 2024`. Character for character, so offsets hold.
 */
function digitsAsRead(text: string): string {
  if (!LOOKALIKE_LETTER.test(text)) return text;
  return text.replace(WORD_OF_DIGITS, (word) => {
    let digits = 0;
    for (let i = 0; i < word.length; i++) if (isAsciiDigit(word.charCodeAt(i))) digits++;
    return digits >= 2 ? word.replace(/[Oo]/g, '0').replace(/[lI]/g, '1') : word;
  });
}

/** A letter a reader takes for a digit, beside a digit: nearly every text has the letters, few have them so. */
const LOOKALIKE_LETTER = /[0-9][OolI]|[OolI][0-9]/;
/** A run of digits and the letters that look like them, beside no other letter or digit. */
const WORD_OF_DIGITS = /(?<![\p{L}\p{N}])[0-9OolI]*[0-9][0-9OolI]*(?![\p{L}\p{N}])/gu;

/** Calls `each` with every chain of digit groups in the text, in order. Linear in the text's length. */
function forEachChain(text: string, each: (chain: readonly Group[]) => void): void {
  const n = text.length;
  let chain: Group[] = [];
  let gap = '';
  let i = 0;
  while (i < n) {
    if (!isAsciiDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    // A group: digits, and what the reader does not see between them.
    let digits = '';
    let last = i;
    let j = i;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (isAsciiDigit(c)) {
        digits += text[j];
        last = j;
      } else if (c !== JOINER_CODE) break;
    }
    chain.push({ start: i, end: last + 1, digits, gap });
    // The gap after it: separators and unseen characters, then a digit goes on with the chain.
    let k = last + 1;
    let seen = '';
    let breaks = 0;
    for (; k < n; k++) {
      const c = text.charCodeAt(k);
      if (c === JOINER_CODE) continue;
      if (!SEPARATOR[c] || seen.length >= GAP_LIMIT) break;
      if (c === 10) breaks++;
      seen += text[k];
    }
    if (k < n && isAsciiDigit(text.charCodeAt(k)) && seen.length > 0 && breaks <= LINES_AFTER) {
      gap = seen;
      i = k;
      continue;
    }
    each(chain);
    chain = [];
    gap = '';
    i = Math.max(k, last + 1);
  }
  if (chain.length > 0) each(chain);
}

/**
 * Ten digits in groups as people write a CPR number: one group of ten, or the day's six digits (whole,
 * in pairs apart alike, in threes or four and two apart by other than a dot, or one by one) and then
 * the last four (whole, in pairs, or one by one), as its gaps may split them. Other groupings are other numbers: a year's four digits across the
 * day's six (`10.09.2025` and a page number, a document number's `2012-208960`), a table's amounts
 * (`16.074⇥0⇥-1.314`).
 */
function groupedAsCpr(window: readonly Group[]): boolean {
  if (window.length === 1) return true;
  let k = 0;
  let n = 0;
  while (k < window.length && n < FIRST_PART) n += window[k++]!.digits.length;
  if (n !== FIRST_PART) return k === window.length && lastGroupTakesTheDaysEnd(window);
  const day = window.slice(0, k).map((g) => g.digits.length);
  const last = window.slice(k).map((g) => g.digits.length);
  const dayGaps = window.slice(1, k).map((g) => g.gap);
  const lastGaps = window.slice(k + 1).map((g) => g.gap);
  const dayShaped = DAY_SHAPES.has(day.join()) || (SPACED_DAY_SHAPES.has(day.join()) && dayGaps[0] === ' ');
  if (!dayShaped || !LAST_SHAPES.has(last.join()) || !dayGaps.every((g) => g === dayGaps[0])) return false;
  // Threes, or four and two, apart by a dot are an amount's thousands (`111.086`), a year and a month.
  if (day.length === 2 && dayGaps[0] === '.') return false;
  // Inside either part, a gap is narrow (a table's cells, its rows, stand apart by tabs, wide spaces and
  // line breaks); but pairs may stand apart by tabs, as they always could.
  const pairs = (shape: string, gaps: readonly string[]): boolean => gaps.every((g) => narrow(g) || (shape.startsWith('2,2') && (g === '\t' || g === ' ')));
  return pairs(day.join(), dayGaps) && pairs(last.join(), lastGaps);
}

/** A gap inside a part of a number: no line break, no tab, no two spaces in a row. */
const narrow = (gap: string): boolean => !gap.includes('\n') && !gap.includes('\t') && !gap.includes('  ');

const DAY_SHAPES = new Set(['6', '2,2,2', '3,3', '4,2', '2,4', '1,1,1,1,1,1']);
/** The day's six as five and one, apart by one space (`24038 5-4821`): a slip of the space bar, not a date's or an amount's grouping. */
const SPACED_DAY_SHAPES = new Set(['5,1', '1,5']);
const LAST_SHAPES = new Set(['4', '2,2', '1,1,1,1']);

/**
 * The last group holds the day's last digits and the four (`2403 854821`, `24038 54821`, `24 03
 * 854821`, `240 3854821`): what goes before it is one group of three to five digits, or two pairs,
 * and every gap is one space. With a dash or a slash the same digits are a document or case number
 * (`2012-208960`, `12/345678`), with dots an amount or a date; a table's cells stand apart by more.
 */
function lastGroupTakesTheDaysEnd(window: readonly Group[]): boolean {
  const before = window.slice(0, -1).map((g) => g.digits.length);
  return STRADDLED_DAY_STARTS.has(before.join()) && window.slice(1).every((g) => g.gap === ' ');
}
const STRADDLED_DAY_STARTS = new Set(['3', '4', '5', '2,2']);

/** Ten digits as an amount groups them: one, then three threes, apart alike by a dot or a space (`2.403.854.821`). */
function amountShaped(window: readonly Group[]): boolean {
  if (window.length !== 4 || window[0]!.digits.length !== 1) return false;
  const gap = window[1]!.gap;
  return (gap === '.' || gap === ' ') && window.slice(1).every((g) => g.digits.length === 3 && g.gap === gap);
}

/** Six digits, a dash, four digits: the way a CPR number is written, which no other label's number is. */
function writtenAsCpr(window: readonly Group[]): boolean {
  return window.length === 2 && window[0]!.digits.length === 6 && window[1]!.gap === '-';
}

/** The CPR numbers in a source (markdown, or a rendered HTML page), as source offsets. */
export function findCprNumbersIn(source: string, kind: SourceKind): FoundCpr[] {
  const read = readerText(source, { kind });
  const found = findCprNumbers(read);
  if (!RIGHT_TO_LEFT.test(source)) return found;
  // Reversed a code unit at a time, so each character's index maps back (a surrogate pair's halves swap, and no digit is one).
  const backwards = findCprNumbers({ ...read, text: read.text.split('').reverse().join('') }, { reversed: true });
  return [...found, ...backwards.filter((b) => !found.some((f) => f.from <= b.from && b.from <= f.to))].sort((a, b) => a.from - b.from);
}

/** The controls that make what follows them show right to left: an override, an embedding, an isolate, a mark. */
const RIGHT_TO_LEFT = /[\u202b\u202e\u2067\u200f\u061c]/;

/** A CPR number with the year written whole: the day's eight digits (DDMMYYYY) and the four. */
const LONG_YEAR_DIGITS = 12;
/** The years a CPR number's day can be in (its seventh digit tells the century: 1858 to 2057). */
const CPR_FIRST_YEAR = 1858;
const CPR_LAST_YEAR = 2057;

/** The first eight digits are a day that exists, DDMMYYYY, in the years a CPR number can name. */
function isLongYearDate(digits: string): boolean {
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const year = Number(digits.slice(4, 8));
  if (year < CPR_FIRST_YEAR || year > CPR_LAST_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Twelve digits as a CPR number with a whole year is written: the eight together, a dash, the four
 * (`01011990-1234`); after or before a CPR label also the day apart alike (`01.01.1990-1234`,
 * `0101 1990 1234`). Unlabelled, a date apart by dots and four digits is more often a date and a
 * number (`01.01.2024-2025`), and is left.
 */
function groupedAsLongYearCpr(text: string, window: readonly Group[]): boolean {
  const last = window[window.length - 1]!;
  if (last.digits.length !== 4 || !narrow(last.gap)) return false;
  const day = window.slice(0, -1);
  const shape = day.map((g) => g.digits.length).join();
  const gaps = day.slice(1).map((g) => g.gap);
  if (!gaps.every((g) => g === gaps[0] && narrow(g))) return false;
  if (shape === '8' && last.gap === '-') return true;
  if (shape !== '8' && shape !== '2,2,4' && shape !== '4,4') return false;
  const start = window[0]!.start;
  return cprLabelNear(text, start, last.end);
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
function standsAlone(text: string, window: readonly Group[]): boolean {
  const start = window[0]!.start;
  const end = window[window.length - 1]!.end;
  const before = text[start - 1] ?? '';
  const before2 = text[start - 2] ?? '';
  const after = text[end] ?? '';
  const after2 = text[end + 1] ?? '';
  if (LETTER_OR_DIGIT.test(before) || LETTER_OR_DIGIT.test(after)) return false;
  // Grouped on from a number before it: `24-…`, `12/…`, `1.…`, `+45…`. After a word it is one
  // (`CPR-0102031234`, `borger-010203-1234`, a web address's `…/borger/0102031234`).
  if ((before === '-' || before === '/' || before === '+' || before === '.' || before === ',') && DIGIT.test(before2)) return false;
  // … or after it: `…-56`, `…/2020`, `…,50`, `…:00`.
  if ('-/.,:'.includes(after) && after !== '' && DIGIT.test(after2)) return false;
  // Six digits, a dash and four are a CPR number whatever a label says; so are the digits a CPR label stands near.
  if (writtenAsCpr(window) || cprLabelNear(text, start, end)) return true;
  return !OTHER_NUMBER_LABEL.test(labelBefore(text, start));
}

/** The text a label before a number may take, what the reader does not see left out. */
function labelBefore(text: string, start: number): string {
  return text
    .slice(Math.max(0, start - LABEL_WINDOW), start)
    .split(JOINER)
    .join('');
}

/** A CPR label just before the number [start, end) or just after it. */
function cprLabelNear(text: string, start: number, end: number): boolean {
  return CPR_LABEL.test(labelBefore(text, start)) || CPR_LABEL.test(text.slice(end, end + LABEL_WINDOW));
}

/** A line of a document, with its number: what the line-based finder reads. */
export interface NumberedLine {
  readonly text: string;
  readonly line: number;
  /** Where `text` begins in its line, when it is a part of the line (a closed punkt's journal number). */
  readonly offset?: number;
}

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
    // Before it, a number's first digits as far up as its gap may reach (the candidate may begin with its last ones).
    const first = Math.max(0, i - 2 - LINES_AFTER);
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
/** What stands between two groups of a number's digits in a line as written: a space, a tab, a dash, a dot, a slash, `=`. */
const isSourceSeparator = (c: number): boolean => c === 32 || c === 9 || c === 11 || c === 12 || c === 45 || c === 46 || c === 47 || c === 61;
/** How long a line that is a KLE journal number alone can be (`KLE_JOURNAL_LINE`): longer, it is not tested. */
const KLE_LINE_LONGEST = 40;

/** `O`, `o`, `l`, `I`: letters a reader takes for a digit beside digits. */
const isLookalikeLetter = (c: number): boolean => c === 79 || c === 111 || c === 108 || c === 73;
const isAsciiLetter = (c: number): boolean => (c | 0x20) >= 97 && (c | 0x20) <= 122;

/**
 * Could the line hold a CPR number, or its beginning? The line's digits are counted as the finder
 * chains them (`forEachChain`): digit-like characters with a short gap of separators between them,
 * and what the reader may not see (markup, and every character beyond ASCII, which may be an
 * invisible one, a separator or another script's digit) anywhere. A chain of ten digits may hold one
 * (not counting a last group glued to a letter, as a KLE number's `81.39.15G01` on the line after every
 * punkt's heading is); so may a line that begins with digits, as a number begun on a line above may
 * end there (the finder reads the lines above a candidate with it). An entity (`&`) may be a digit, and after a label that says it is a CPR number any grouping
 * is one: such lines are always read. The test errs towards reading: a line it passes over cannot
 * hold a number the full reading finds.
 */
export function mayHoldCpr(text: string): boolean {
  // Most lines of a referat hold no digit at all: one scan at the engine's speed leaves only the label to look for.
  if (!DIGIT_LIKE_OR_ENTITY.test(text)) return CPR_LABEL.test(text);
  // The KLE journal number under every punkt's heading, alone on its line: no grouping of it is a CPR number.
  if (text.length <= KLE_LINE_LONGEST && KLE_JOURNAL_LINE.test(text)) return false;
  if (CPR_LABEL.test(text) || text.includes('&')) return true;
  const n = text.length;
  // The line's beginning: a digit before any other character may end a number begun on the line above
  // (read, that line is read with it).
  let i = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    const read = readDigit(text, i, c);
    if (read > 0) return true;
    if (read < 0) i -= read + 1;
    else if (!(c >= 0x80 || isMarkup(c) || isSourceSeparator(c))) break;
  }
  let digits = 0;
  let lastGroup = 0;
  let inGroup = false;
  let gap = 0;
  for (i++; i < n; i++) {
    if (digits === 0) {
      // Outside a chain only a digit can begin one: the engine finds the next, past a line's words.
      NEXT_DIGIT.lastIndex = i;
      const next = NEXT_DIGIT.exec(text);
      if (!next) return false;
      i = next.index;
    }
    const c = text.charCodeAt(i);
    const read = readDigit(text, i, c);
    if (read > 0) {
      if (!inGroup) lastGroup = 0;
      inGroup = true;
      digits++;
      lastGroup++;
      gap = 0;
      i += read - 1;
      continue;
    }
    if (read < 0) i -= read + 1;
    if (c >= 0x80 || isMarkup(c)) continue;
    const separator = read < 0 || isSourceSeparator(c);
    if (separator && (digits === 0 || gap < GAP_LIMIT)) {
      inGroup = false;
      if (digits > 0) gap++;
      continue;
    }
    // The chain ends here: a last group glued to a letter is part of a word or a code.
    if ((inGroup && isAsciiLetter(c) ? digits - lastGroup : digits) >= CPR_DIGITS) return true;
    digits = 0;
    lastGroup = 0;
    inGroup = false;
    gap = 0;
  }
  return digits >= CPR_DIGITS;
}

/**
 * The next place a chain of digits can begin, as `readDigit` reads one: a digit-like character, a
 * percent-encoded digit, or a letter that looks like a digit before one (after one, it is inside a
 * chain already); and a percent-encoded dash, whose `2` is no digit.
 */
const NEXT_DIGIT = /[0-9\u00b2\u00b3\u00b9\u00bc-\u00be\u0660-\uffff]|%3[0-9]|%2[Dd]|[OolI](?=[0-9\u00b2\u00b3\u00b9\u00bc-\u00be\u0660-\uffff])/g;

/**
 * How the character at `i` reads in a number: a digit taking this many characters (a percent-encoded
 * one, `%32`, takes three), 0 for none, or a separator taking minus this many (`%2D`, a dash, takes three;
 * any other `%`, one).
 */
function readDigit(text: string, i: number, c: number): number {
  if (isDigitLike(c)) return 1;
  if (c === 37 /* % */) {
    const a = text.charCodeAt(i + 1);
    const b = text.charCodeAt(i + 2);
    if (a === 51 && b >= 48 && b <= 57) return 3;
    return a === 50 && (b === 68 || b === 100) ? -3 : -1;
  }
  if (isLookalikeLetter(c) && (isDigitLike(text.charCodeAt(i - 1)) || isDigitLike(text.charCodeAt(i + 1)))) return 1;
  return 0;
}

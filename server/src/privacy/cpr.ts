import type { Range } from '../syntax/range';
import { JOINER, readerText, type ReaderText, type SourceKind } from './readerText';

/**
 * The one finder of CPR numbers: in a referat's lines (the rule `cpr-number`, and the refusal of a
 * public version) and in what a rendering shows (the check that the refusal held). It decides on
 * the text as a reader sees it (`readerText`), so `**010190**-1234`, `010190\-1234`,
 * `&#48;10190-1234`, `０１０１９０－１２３４`, a zero-width space or a soft hyphen inside the number, an
 * en dash, a minus sign or ` - ` between its parts, and a line break after `010190-` are all found.
 *
 * A CPR number is six digits that are a day that exists (DDMMYY), then at most four dashes or
 * spaces (a line break among them), then four digits, standing alone. What is not one, on
 * purpose (each is tested):
 * - part of something longer: a word, a longer number, a number grouped on with `-`, `/`, `.`,
 *   `,` or `:` (`24-010203-1234`, `0102031234,50`, `0102031234:00`, a web address);
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
const CANDIDATE = new RegExp(`\\d(?:${J}\\d){5}(?:${J}[- \\n]){0,4}${J}\\d(?:${J}\\d){3}`, 'g');
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const DIGIT = /[0-9]/;
// A number right after one of these labels is that kind of number, whatever its digits.
const OTHER_NUMBER_LABEL =
  /(?:^|[^\p{L}])(?:(?:sags?-?nr|sagsnummer|sagsid|journal-?nr|j\.?\s?nr|dok(?:ument)?\.?\s?nr|tlf|telefon(?:nr|nummer)?|mobil(?:nr)?|p-?nr|p-nummer|cvr(?:-?nr|-nummer)?|se-?nr|ean(?:-?nr)?|faktura(?:nr|nummer)?|ordre(?:nr|nummer)?)\.?:?\s*|(?:konto(?:nr|nummer)?|reg\.?\s?nr)\.?:?\s*(?:\d{4}[\s-]*)?|\+\d{1,3}\s*)$/iu;
/** How much of the text before a number its label may take. */
const LABEL_WINDOW = 32;

/** The CPR numbers in a text read by {@link readerText}, as source offsets. */
export function findCprNumbers(read: ReaderText): FoundCpr[] {
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
  return out;
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
  // Grouped on from a code or a number before it: `EMN-2025-…`, `24/…`, `1.…`, `+…`.
  if ((before === '-' || before === '/' || before === '+') && LETTER_OR_DIGIT.test(before2)) return false;
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

/** How many digit-like characters a number needs within three neighbouring lines before the lines are read in full. */
const DIGITS_IN_A_CPR = 10;

/**
 * The CPR numbers in a document's lines, as ranges. Lines that follow each other are read as one
 * text, so a number broken over a line break is found; lines that do not (a closed punkt's body
 * left out between them) are read apart. Only lines with ten digit-like characters among them and
 * their neighbours are read in full: most lines of a referat hold a date at most.
 */
export function findCprNumbersInLines(lines: readonly NumberedLine[]): Range[] {
  const n = lines.length;
  const count = new Int32Array(n);
  for (let i = 0; i < n; i++) count[i] = digitLike(lines[i]!.text);
  const adjacent = (i: number): boolean => i > 0 && lines[i]!.line === lines[i - 1]!.line + 1;
  const hot = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (count[i] === 0) continue;
    const sum = (adjacent(i) ? count[i - 1]! : 0) + count[i]! + (i + 1 < n && adjacent(i + 1) ? count[i + 1]! : 0);
    if (sum < DIGITS_IN_A_CPR) continue;
    // The neighbours too: a number may run over a blank line into the next.
    for (let k = Math.max(0, i - 2); k <= Math.min(n - 1, i + 2); k++) hot[k] = 1;
  }
  const out: Range[] = [];
  let i = 0;
  while (i < n) {
    if (!hot[i]) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && hot[j] && adjacent(j)) j++;
    readLines(lines, i, j, out);
    i = j;
  }
  return out;
}

/** Reads lines [from, to) as one text and adds the numbers found, as ranges of those lines. */
function readLines(lines: readonly NumberedLine[], from: number, to: number, out: Range[]): void {
  const starts: number[] = [];
  const offsets: number[] = [];
  let text = '';
  for (let k = from; k < to; k++) {
    starts.push(text.length);
    offsets.push(lines[k]!.offset ?? 0);
    text += lines[k]!.text + (k + 1 < to ? '\n' : '');
  }
  const at = (offset: number): { line: number; character: number } => {
    let k = starts.length - 1;
    while (k > 0 && starts[k]! > offset) k--;
    return { line: lines[from + k]!.line, character: offset - starts[k]! + offsets[k]! };
  };
  for (const found of findCprNumbersIn(text, 'markdown')) out.push({ start: at(found.from), end: at(found.to) });
}

/** Digits, and what may read as one: an entity, a character beyond Latin-1 (a full-width or another script's digit). */
function digitLike(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 38 || c >= 0x0660 || c === 0xb2 || c === 0xb3 || c === 0xb9 || (c >= 0xbc && c <= 0xbe)) n++;
  }
  return n;
}

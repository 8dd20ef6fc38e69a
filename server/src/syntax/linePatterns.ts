import {
  APPROVAL_WORDS,
  CASE_NUMBER_LINE_LABEL_SOURCE,
  DOCUMENT_WORDS,
  HEADER_LABELS,
  KLE_JOURNAL_NUMBER_SOURCE,
  PUNKT_WORD,
  SECTION_KINDS,
  SECTION_NAMES,
  TOC_HEADING_WORD,
  phraseSource,
} from '../dialect/vocabulary';
import type { LineKind } from './tree';

/*
 * What each kind of line looks like, judged from the line alone. The lexer (tokens.ts) makes its
 * tokens from these patterns and the archive's quick classifier (classify.ts) tests them in the
 * same order, without loading the parser: the index's worker threads only need this file.
 *
 * Every pattern is linear in the line's length: no nested quantifiers, and the few lazy scans are
 * bounded, because a single line can be megabytes long.
 */

// Optional Markdown decoration in front of a line: `## `, `**`, or both. No two adjacent
// `[ \t]*`: on a long run of spaces their splits would make matching quadratic.
const LEAD = String.raw`[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*[ \t]*)?`;
// Optional decoration and punctuation after a heading word, as one character class for the same reason.
const TRAIL = String.raw`[ \t:*]*`;
// End of the line without consuming the break (chevrotain allows no `$`).
const EOL = String.raw`(?=[\r\n]|(?![\s\S]))`;
const WS = String.raw`[ \t\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]`;

const DOCUMENT_WORD_LIST: readonly string[] = DOCUMENT_WORDS.map((d) => d.word);
/**
 * Every section heading any dialect knows (the dialect decides which it uses), but a document word
 * (GetOrganized's `Referat:`): that line is a title to the lexer, and a section only where the parser
 * finds it below the title in a dialect that names it (structure.ts).
 */
export const SECTION_TITLES: readonly string[] = SECTION_NAMES.map((s) => s.name).filter(
  (name) => !DOCUMENT_WORD_LIST.some((w) => w.toLowerCase() === name.toLowerCase()),
);
const FIELD_LABELS: readonly string[] = HEADER_LABELS.map((l) => l.label);

function alternatives(words: readonly string[]): string {
  // Longest first so `Supplerende sagsfremstilling` is not cut at a shorter name.
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \\t]+'))
    .join('|');
}

/** A pattern chevrotain calls with the whole text and an offset; it matches from the offset to at most the line's end. */
export interface LinePattern {
  exec(text: string, offset: number): [string] | null;
}

// Line end from an offset, remembered: several custom matchers ask about the same line in turn.
let cachedOffset = -1;
let cachedText = '';
let cachedEnd = 0;
const REST_OF_LINE = /[^\r\n]*/y;
function lineEnd(text: string, offset: number): number {
  if (offset === cachedOffset && text === cachedText) return cachedEnd;
  // A sticky regex scans at native speed; a charCodeAt loop is several times slower.
  REST_OF_LINE.lastIndex = offset;
  REST_OF_LINE.test(text);
  cachedOffset = offset;
  cachedText = text;
  cachedEnd = REST_OF_LINE.lastIndex;
  return cachedEnd;
}

function matched(text: string, offset: number, end: number): [string] {
  return [text.slice(offset, end)];
}

export const BLANK = new RegExp(`${WS}+${EOL}`);
// chevrotain drops a pattern's `u` flag, so `\p{L}` cannot be used here: a letter or digit that continues a
// word, spelt out (Latin-1's letters cover Danish and the names written in minutes).
const WORD_CHAR = '0-9A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff';
// `REFERAT Direktionen d. …`, `Referat 1. oktober 2025 …`, `Dagsorden`, or the word alone (eDoc, Acadre).
export const TITLE = new RegExp(`${LEAD}(?:${alternatives(DOCUMENT_WORD_LIST)})(?![${WORD_CHAR}])[^\\r\\n]*`);
// A header label, alone or with its value after a colon, a tab or spaces: `Mødedato:⇥onsdag …`, `Tilstede`.
export const FIELD = new RegExp(`${LEAD}(?:${alternatives(FIELD_LABELS)})(?![${WORD_CHAR}/])[^\\r\\n]*`);
export const TOC_HEADING = new RegExp(`${LEAD}${TOC_HEADING_WORD}${TRAIL}${EOL}`, 'i');

/*
 * `Title.....<tab>3`: a dot leader then a page number ends the line. Judged from the line's end
 * in constant time, since every body line is asked.
 */
export const TOC_ENTRY: LinePattern = {
  exec(text, offset) {
    const end = lineEnd(text, offset);
    let i = end;
    while (i > offset && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
    const digitsEnd = i;
    while (i > offset && digitsEnd - i < 4 && text.charCodeAt(i - 1) >= 48 && text.charCodeAt(i - 1) <= 57) i--;
    if (i === digitsEnd) return null;
    while (i > offset && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
    let dots = 0;
    while (i > offset && text.charCodeAt(i - 1) === 46) {
      i--;
      dots++;
    }
    return dots >= 3 ? matched(text, offset, end) : null;
  },
};

export const PUNKT_HEADING = new RegExp(`${LEAD}${PUNKT_WORD}[ \\t]+\\d{1,6}[ \\t]*[:.][^\\r\\n]*`);
export const EARLIER_DECISION = new RegExp(`${LEAD}${phraseSource(SECTION_KINDS.tidligereBeslutning)}[ \\t][^\\r\\n]*`, 'i');
// A dated decision heading: `Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 1` (eDoc),
// `Beslutning i Udvalget for plan, udvikling og kultur (PUK) den 10-04-2013` (Acadre). Every line is asked,
// so a short line that holds the word is the only one the pattern is tried on.
const DECISION = SECTION_KINDS.beslutning;
const DATED_DECISION = new RegExp(
  `^${LEAD}(?:[^\\r\\n]{1,160}?s[ \\t]+${DECISION}|${DECISION}[ \\t]+i[ \\t][^\\r\\n]{1,160}?)[ \\t]+den[ \\t]+\\d{1,2}[.\\-/]\\d{1,2}[.\\-/]\\d{2,4}(?:[ \\t]+${PUNKT_WORD}[ \\t]+\\d{1,6})?[ \\t:*]*$`,
  'i',
);
export const DECISION_HEADING: LinePattern = {
  exec(text, offset) {
    const end = lineEnd(text, offset);
    if (end - offset > 240 || end - offset < 20) return null;
    // It ends in a date or a punkt's number: a line that ends otherwise is passed over unread.
    let i = end;
    while (i > offset && isTrail(text.charCodeAt(i - 1))) i--;
    if (!isDigit(text.charCodeAt(i - 1))) return null;
    const line = text.slice(offset, end);
    // SBSYS's publications write the word in capitals where their captions are (`FORRETNINGSUDVALGETS BESLUTNING den …`).
    if (!line.includes('eslutning') && !line.includes('ESLUTNING')) return null;
    return DATED_DECISION.test(line) ? matched(text, offset, end) : null;
  },
};
export const SECTION_HEADING = new RegExp(`${LEAD}(?:${alternatives(SECTION_TITLES)})${TRAIL}${EOL}`, 'i');
/** The characters a title or a header field can start with, for the lexer's first-character index. */
export const TITLE_STARTS: readonly string[] = [' ', '\t', '#', '*', ...new Set(DOCUMENT_WORD_LIST.map((w) => w.charAt(0)))];
export const FIELD_STARTS: readonly string[] = [' ', '\t', '#', '*', ...new Set(FIELD_LABELS.map((w) => w.charAt(0)))];

/** Blanks and the punctuation or decoration a heading may end in: ` \t,:.*`. */
function isTrail(c: number): boolean {
  return c === 32 || c === 9 || c === 44 || c === 58 || c === 46 || c === 42;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

// `Kommunaldirektøren indstiller,` — a short line ending in the word `indstiller`, judged from its end.
const INDSTILLER_WORD = 'indstiller';
const LETTER = /\p{L}/u;
export const INDSTILLER: LinePattern = {
  exec(text, offset) {
    const end = lineEnd(text, offset);
    if (end - offset > 200) return null;
    let i = end;
    // Trailing `,` `:` `.` `**` and blanks.
    while (i > offset && isTrail(text.charCodeAt(i - 1))) i--;
    const start = i - INDSTILLER_WORD.length;
    // The last letter first: nearly every line is passed over without a copy of it.
    if (start < offset || (text.charCodeAt(i - 1) | 0x20) !== 0x72 || text.slice(start, i).toLowerCase() !== INDSTILLER_WORD) return null;
    // A whole word: `tilindstiller` is not it.
    if (start > offset && LETTER.test(text.charAt(start - 1))) return null;
    return matched(text, offset, end);
  },
};

// One word that starts with a digit, or `EMN-`, perhaps behind a label (`Sagsnr.: 12/27845`): the shape of a
// case number of some scheme (which one, and whether it is valid, is the model's to say).
export const JOURNAL = new RegExp(
  `[ \\t]*(?:\\*\\*)?(?:${CASE_NUMBER_LINE_LABEL_SOURCE}[ \\t]*:?[ \\t]*)?(?:EMN-)?\\d[0-9A-Za-zÆØÅæøå.\\-/]*(?:\\*\\*)?[ \\t]*${EOL}`,
);
export const BULLET = /[ \t]*(?:[-*•–]|\d{1,4}[.)])[ \t]+[^\r\n]*/;
export const TEXT = /[^\r\n]+/;

/** Every kind of line with its pattern, in the order they are tried: the first that matches wins. */
export const LINE_PATTERNS: readonly (readonly [LineKind, RegExp | LinePattern])[] = [
  ['blank', BLANK],
  ['title', TITLE],
  ['field', FIELD],
  ['tocHeading', TOC_HEADING],
  ['punktHeading', PUNKT_HEADING],
  ['earlierDecision', EARLIER_DECISION],
  ['sectionHeading', SECTION_HEADING],
  ['decisionHeading', DECISION_HEADING],
  ['indstiller', INDSTILLER],
  ['tocEntry', TOC_ENTRY],
  ['journal', JOURNAL],
  ['bullet', BULLET],
  ['text', TEXT],
];

/*
 * The approval at the end of a referat (`referat approve`), judged from one line without its
 * break and its trailing blanks: the parser cuts the block off before it groups the punkter, so
 * it is never text of the last punkt. Each is anchored and linear.
 */
/** `## Godkendelse`: the approval's heading, alone on its line. */
export const APPROVAL_HEADING = new RegExp(`^${LEAD}${alternatives([APPROVAL_WORDS.heading])}${TRAIL}$`, 'i');
/** `## Tilføjelse` (perhaps with a date or a few words after it): an addition written after the approval. */
export const ADDITION_HEADING = new RegExp(`^${LEAD}${alternatives([APPROVAL_WORDS.addition])}(?![${WORD_CHAR}])[^\\r\\n]{0,120}$`, 'i');
/** `Godkendt af: Anna Holm, Bent Lund`, `Dato: 10-04-2024`, `Segl: v1 …`: the label (group 1) and the value (group 2). */
export const APPROVAL_FIELD = new RegExp(
  `^${LEAD}(${alternatives([APPROVAL_WORDS.by, APPROVAL_WORDS.date, APPROVAL_WORDS.seal])})[ \\t]*(?:\\*\\*)?[ \\t]*:[ \\t]*(?:\\*\\*[ \\t]*)?([^\\r\\n]*)$`,
  'id',
);

/** A field's label stands within this many characters of its line's start. */
const APPROVAL_LABEL_WITHIN = 200;

/**
 * Whether the line is one of the approval's fields, told by its start alone: the names after
 * `Godkendt af:` may run long (a byråd's 31 members), and a megabyte line is not read to its end.
 */
export function isApprovalField(line: string): boolean {
  return approvalFieldLabel(line) !== undefined;
}

/** The label of the approval's field the line is (`Segl`, in the case written), told by its start alone; undefined where it is none. */
function approvalFieldLabel(line: string): string | undefined {
  return APPROVAL_FIELD.exec(line.slice(0, APPROVAL_LABEL_WITHIN).trimEnd())?.[1];
}

/** After an approval's heading, its fields are read this many lines far at most (blank lines among them). */
const APPROVAL_FIELDS_WITHIN = 12;

/**
 * What the lines after a `Godkendelse` heading make of it, read from `lineAfter(0)` on (undefined past
 * the end): `sealed` where its fields (blank lines between them) hold the seal before any other line, as
 * `referat approve` writes them; `unsealed` where fields follow it but no seal; `none` where no field
 * does. Only a sealed block is the approval the parser cuts off: the words `Godkendelse` and `Godkendt
 * af:` in a closed punkt (a contract approved in a personnel case) were read as the approval, and the
 * rest of the punkt as its published additions.
 */
export function approvalBlockAfter(lineAfter: (k: number) => string | undefined): 'sealed' | 'unsealed' | 'none' {
  let fields = 0;
  for (let k = 0; k < APPROVAL_FIELDS_WITHIN; k++) {
    const line = lineAfter(k);
    if (line === undefined) break;
    if (line.trim() === '') continue;
    const label = approvalFieldLabel(line);
    if (label === undefined) break;
    if (label.toLowerCase() === APPROVAL_WORDS.seal.toLowerCase()) return 'sealed';
    fields++;
  }
  return fields > 0 ? 'unsealed' : 'none';
}

/** A KLE journal number alone on its line, bold allowed (`**00.01.00I00-2-22**`). */
export const KLE_JOURNAL_LINE = new RegExp(String.raw`^[ \t*]*${KLE_JOURNAL_NUMBER_SOURCE}[ \t*]*$`);

// What the structured readers (JSON, XML, a page's fields) write from a source's fields: a field on
// one line, a closed punkt's title in the form the parser knows, and a check that the text written
// has exactly the punkter the source has, none more and none opened.
import { isClosed } from '../model/punkt';
import { CLOSED_MARKER, CLOSED_MARKERS, phraseSource, PUNKT_WORD } from '../dialect/vocabulary';
import { replaceInPieces, spaceRuns } from './html';
import { parseReferat } from '../model/parse';

/**
 * Line breaks of every kind (CR, LF, NEL, LS, PS, VT, FF) and the other control characters: in a
 * field written on one line, each would end the line in some reader (VS Code takes LS, PS and NEL
 * for line ends) and could start a heading of its own.
 */
const CONTROL = /[\p{Cc}\u2028\u2029]+/gu;

/** A field's text on one line: every line break and control character folded to one space, blanks run together, none at the ends. */
export function oneLine(text: string): string {
  return spaceRuns(replaceInPieces(text, CONTROL, ' ')).trim();
}

/** Control characters inside a line of body text as spaces (a tab is kept: it parts a table's cells). */
function withoutControls(line: string): string {
  return replaceInPieces(line, /(?!\t)[\p{Cc}\u2028\u2029]/gu, ' ');
}

/**
 * A case-number field as the punkt's case-number line and what else the field holds, which goes on
 * the next line: the line under a closed punkt's heading is shown in its public version, the rest
 * of its text never is. `24-001234 (tidl. 23-000111)` → `24-001234` and `(tidl. 23-000111)`.
 */
export function caseNumberLines(field: string): string[] {
  const value = oneLine(field);
  const m = /^(\S*\d\S*)[ ]+(\S.*)$/.exec(value);
  return m ? [m[1]!, m[2]!] : value === '' ? [] : [value];
}

/** The closed-punkt words a caption may begin with (`Lukket punkt`, `LUKKET`, `Lukket sag - x`), and what separates them from the title. */
const CLOSED_WORDS = new RegExp(String.raw`^(${CLOSED_MARKERS.map(phraseSource).join('|')})(?![\p{L}\p{N}])[ \t]*(?:[-–—:.][ \t]*)?`, 'iu');

/**
 * The title of a punkt the source marks closed, written so the parser reads it closed: as it is when
 * it already says so (`Lukket: Køb af jord`, `… (Lukket)`); its own closed words given their colon
 * (`Lukket punkt` → `Lukket punkt:`, `Lukket sag - Salg` → `Lukket sag: Salg`); else behind `Lukket: `.
 */
export function closedTitle(caption: string): string {
  // Its own closed words first: `Lukket punkt` and `Lukket - Salg` read closed as they are, and are written as the format writes them.
  const m = CLOSED_WORDS.exec(caption);
  if (m) {
    const rest = caption.slice(m[0].length).trim();
    return rest === '' ? `${m[1]}:` : `${m[1]}: ${rest}`;
  }
  if (isClosed(caption)) return caption;
  return caption === '' ? `${CLOSED_MARKER}:` : `${CLOSED_MARKER}: ${caption}`;
}

/** A punkt heading a reader wrote: its line in the reader's lines, and whether the source marks it closed. */
export interface WrittenHeading {
  readonly line: number;
  readonly closed: boolean;
}

/** Rounds of repair: each one makes every stray heading found plain text, so two settle nearly always. */
const MAX_ROUNDS = 8;

/**
 * The reader's lines with no line the parser takes for a punkt heading but the reader's own: a line
 * of a field's text shaped like one (`Punkt 7: …`, `9. …`, a name or a case number that reads so)
 * has its heading's punctuation escaped as Markdown does (`Punkt 7\: …`, `9\. …`), which the
 * renderings show as written and the parser reads as text. A closed punkt that would still read
 * open is given the `Lukket:` marker. Returns the lines and the punkter the parser reads in them.
 */
export function keepStructure(input: readonly string[], headings: readonly WrittenHeading[]): { lines: string[]; punkter: number } {
  // One element, one line: a break inside one would move every line after it.
  const lines = input.map(withoutControls);
  const expected = new Map(headings.map((h) => [h.line, h.closed]));
  let punkter = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const referat = parseReferat(lines.join('\n'));
    punkter = referat.punkter.length;
    let changed = false;
    for (const p of referat.punkter) {
      const line = p.headingRange.start.line;
      const closed = expected.get(line);
      if (closed === undefined) {
        const plain = asText(lines[line] ?? '');
        if (plain !== lines[line]) {
          lines[line] = plain;
          changed = true;
        }
      } else if (closed && !p.closed) {
        const marked = closeHeading(lines[line] ?? '');
        if (marked !== lines[line]) {
          lines[line] = marked;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return { lines, punkter };
}

// `Punkt 7:` with its decoration, and the punctuation after its number.
const HEADING_PUNCTUATION = new RegExp(String.raw`^([ \t]*(?:#{1,6}[ \t]+)?(?:\*\*[ \t]*)?${PUNKT_WORD}[ \t]+\d{1,6}[ \t]*)([:.])`);
// A heading (`Punkt 7:` or `7.`) with its decoration, and its title.
const HEADING_TITLE = new RegExp(String.raw`^([ \t]*(?:#{1,6}[ \t]+)?(?:\*\*[ \t]*)?(?:${PUNKT_WORD}[ \t]+\d{1,6}[ \t]*[:.]|\d{1,6}\.)[ \t]*)(.*)$`);

/** A heading-shaped line as text: the punctuation after its number escaped, as Markdown escapes it. */
function asText(line: string): string {
  return line.replace(HEADING_PUNCTUATION, '$1\\$2').replace(/^([ \t]*(?:#{1,6}[ \t]+)?(?:\*\*[ \t]*)?\d{1,6})\.(?=[ \t])/, '$1\\.');
}

/** A heading whose title the parser does not read as closed, with the marker in front of its title. */
function closeHeading(line: string): string {
  const m = HEADING_TITLE.exec(line);
  return m && !isClosed(m[2]!) ? `${m[1]}${CLOSED_MARKER}: ${m[2]}` : line;
}

/**
 * The reader's lines with no section heading but its own: a line of a field's text that reads as one
 * (`Baggrund`, a quoted `Beslutning:`, a caption repeated in the text) is written bold with
 * Markdown's underscores, which the renderings show as bold and the parser reads as text (its
 * headings take only asterisks for decoration). `own`: the lines the reader wrote as headings.
 */
export function keepSections(input: readonly string[], own: ReadonlySet<number>): string[] {
  const lines = [...input];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let changed = false;
    for (const p of parseReferat(lines.join('\n')).punkter)
      for (const s of p.sections) {
        const line = s.headingRange.start.line;
        const text = lines[line]?.trim() ?? '';
        if (s.implicit || own.has(line) || text === '' || /^__.*__$/.test(text)) continue;
        lines[line] = `__${text}__`;
        changed = true;
      }
    if (!changed) break;
  }
  return lines;
}

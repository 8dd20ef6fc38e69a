// Where a page ends, does its paragraph? A page break is no paragraph break of the text: a sentence
// that runs over the edge of a page is one paragraph, its lines together as lines of a paragraph on
// one page are. Judged from the text on either side of the break (the running header and footer
// between them already gone) and from where the last line ends on its page.
import { classifyLine } from '../../syntax/classify';
import type { Line, LinedPage } from './types';

/** A page as read: its body's layout (furniture removed) and its lines as text. */
export interface ReadPage {
  readonly layout: LinedPage;
  readonly lines: readonly string[];
}

/** A sentence, a clause introducing a list, or a paragraph ends here: `.`, `!`, `?`, `:` or `;`, perhaps inside quotes or brackets. */
const ENDS_SENTENCE = /[.!?:;…][\p{Pf}\p{Pe}"']*$/u;
/**
 * A numbered heading or list item as the systems print them: `1.2  Status`, `2  GetOrganized`,
 * `a) …`, `A)   …`, `(1) …`. (`3.   Title`, `1) …` and bullets are the lexer's own.)
 */
const NUMBERED = /^(?:\d{1,3}(?:\.\d{1,3})+\.?\s|\d{1,3}\.?(?:\s{2,}|\t)|\(?[\p{L}\d]{1,3}\)\s)/u;
/** A short label and its value, `Dato: 26-03-2025`, `Dok.nr.: 2012-203438`: a field, not a sentence. */
const LABELLED = /^\p{Lu}[\p{L}\p{N}.\- ]{0,30}:(?:\s|$)/u;
/** A heading in capitals, `INDSTILLING FRA BORGMESTERENS AFDELING`. */
const CAPITALS = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;
/** Lines of one paragraph are set in one size; a heading is often larger. */
const SIZE_TOLERANCE = 0.15;

/**
 * Whether the text runs on from the end of `before` to the top of `after`: both lines prose (one
 * cell: no table row, no label with its value; no heading, title, field or list item; not in
 * capitals; one size), the last one ending no sentence, and the next page's first word too wide to
 * have been set on it (so the line was broken there because the word did not fit, as every line
 * of a paragraph but its last is).
 */
export function runsOn(before: ReadPage, after: ReadPage): boolean {
  const last = lastOf(before.layout.lines, (l) => l.cells.length > 0);
  const first = after.layout.lines.find((l) => l.cells.length > 0);
  const lastText = lastOf(before.lines, (l) => l.trim() !== '')?.trim();
  const firstText = after.lines.find((l) => l.trim() !== '')?.trim();
  if (!last || !first || lastText === undefined || firstText === undefined) return false;
  if (last.cells.length !== 1 || first.cells.length !== 1) return false;
  if (Math.abs(first.size - last.size) > SIZE_TOLERANCE * Math.max(first.size, last.size)) return false;
  if (ENDS_SENTENCE.test(lastText) || !prose(lastText) || !prose(firstText)) return false;
  return wrapped(before.layout, last.cells[0]!.right, first.cells[0]!);
}

/** The last item that passes `test` (ES2022 has no `findLast`). */
function lastOf<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return items[i];
  return undefined;
}

/** A line of running text: what the lexer reads as text, and none of the systems' numbered, labelled or capital headings. */
function prose(line: string): boolean {
  return classifyLine(line) === 'text' && !NUMBERED.test(line) && !LABELLED.test(line) && !CAPITALS.test(line);
}

/**
 * Whether a line ending at `right` was broken before the next word: that word, a space before it,
 * would have reached past the page's text (the right edge of its widest line of prose).
 */
function wrapped(page: LinedPage, right: number, next: Line['cells'][number]): boolean {
  const measure = page.lines.reduce((most, l) => (l.cells.length === 1 ? Math.max(most, l.cells[0]!.right) : most), -Infinity);
  const chars = [...next.text].length;
  if (chars === 0) return false;
  const charWidth = (next.right - next.x) / chars;
  const word = [...(next.text.split(/\s/)[0] ?? '')].length;
  return right + charWidth * (word + 1) > measure;
}

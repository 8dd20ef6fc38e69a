import { TOC_PART_LINES } from '../dialect/vocabulary';
import { stripBold } from '../syntax/content';
import { lineRange, range } from '../syntax/range';
import type { SyntaxLine } from '../syntax/tree';
import type { Toc, TocEntry } from './types';

/** `Title.....<tab>3`, `Title........   17` → title span and page; a line without dot leader or page is still an entry. Linear. */
function splitTocLine(text: string): { start: number; end: number; page?: number } {
  let end = text.length;
  while (end > 0 && isBlank(text.charCodeAt(end - 1))) end--;
  let digits = end;
  while (digits > 0 && end - digits < 4 && isDigit(text.charCodeAt(digits - 1))) digits--;
  let page: number | undefined;
  if (digits < end && (digits === 0 || isLeader(text.charCodeAt(digits - 1)))) {
    page = Number(text.slice(digits, end));
    end = digits;
  }
  while (end > 0 && isLeader(text.charCodeAt(end - 1))) end--;
  let start = 0;
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  return { start, end, ...(page !== undefined ? { page } : {}) };
}

// By character code: a pattern per character cost each entry of a long table of contents dozens of regex calls.
const isBlank = (c: number): boolean => c === 32 || c === 9;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
// A dot leader's characters: spaces, tabs and periods.
const isLeader = (c: number): boolean => c === 32 || c === 9 || c === 46;

// `715.   Kulturkommune 2017 …`, `1. Meddelelser`: a numbered entry (eDoc, Acadre).
const NUMBERED = /^(\d{1,4})\.[ \t]+/;

/**
 * The table of contents: one entry per punkt, as the document wrote it. A part's heading (`Åbent
 * referat`, `Punkt nr.   Side`) is no entry; an entry that wraps (`6. Prioritering af … for` /
 * `ældre   10`) is one entry.
 */
export function buildToc(heading: SyntaxLine, lines: readonly SyntaxLine[]): Toc {
  const entries: TocEntry[] = [];
  let lastLine = heading.line;
  let lastLength = heading.text.length;
  let numbered = false;
  for (const l of lines) {
    if (l.kind === 'blank' || TOC_PART_LINES.test(stripBold(l.text))) continue;
    // A line that lost its dot leader is still an entry, so it is compared, not ignored.
    const t = splitTocLine(l.text);
    const text = stripBold(l.text.slice(t.start, t.end)).trim();
    const n = NUMBERED.exec(text);
    const previous = entries[entries.length - 1];
    if (!n && numbered && previous && previous.page === undefined && previous.line === l.line - 1) {
      entries[entries.length - 1] = { ...previous, title: `${previous.title} ${text}`.trim(), ...(t.page !== undefined ? { page: t.page } : {}), line: l.line };
    } else {
      if (n) numbered = true;
      const titleStart = t.start + (n ? l.text.slice(t.start).indexOf(text) + n[0].length : 0);
      entries.push({
        title: n ? text.slice(n[0].length) : text,
        titleRange: lineRange(l.line, titleStart, t.end),
        ...(n ? { number: Number(n[1]) } : {}),
        ...(t.page !== undefined ? { page: t.page } : {}),
        line: l.line,
      });
    }
    lastLine = l.line;
    lastLength = l.text.length;
  }
  return { headingRange: lineRange(heading.line, 0, heading.text.length), entries, range: range(heading.line, 0, lastLine, lastLength) };
}

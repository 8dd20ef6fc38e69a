// GetOrganized's referat as its PDF prints it (Aarhus), arranged as a referat in the `getorganized`
// dialect with its words and its order kept: the letterhead above the title (`Tværgående møder`, `IT
// og Digitalisering`) goes below the committee's name, where a header's lines stand; a section
// written with its text on its line (`Referat: Alle skal have indhold.`) gets its text on the next;
// and the items of a closed part (`Lukket referat`) are marked closed as the parser reads them.
import { GETORGANIZED } from '../dialect/dialects';
import { CLOSED_PART_LINE, OPEN_PART_LINE, SECTION_NAMES } from '../dialect/vocabulary';
import { parseReferat } from '../model/parse';
import { closedTitle } from './fields';

/** The dialect's section names as written (`Oplæg`, `Referat`), longest first. */
const SECTION_WORDS = SECTION_NAMES.filter((s) => GETORGANIZED.sections.has(s.name.toLowerCase()))
  .map((s) => s.name)
  .sort((a, b) => b.length - a.length);
// `Referat: Alle skal have indhold.`: the heading (group 1, with its colon) and its text (group 2).
const SECTION_WITH_TEXT = new RegExp(`^[ \\t]*((?:${SECTION_WORDS.join('|')})[ \\t]*:)[ \\t]*(\\S.*)$`);

export function arrangeGetOrganized(text: string): string {
  const lines = moveLetterhead(text.split('\n'));
  const title = parseReferat(lines.join('\n'), GETORGANIZED).header.title?.range.start.line ?? -1;
  const out: string[] = [];
  lines.forEach((line, i) => {
    const m = i > title ? SECTION_WITH_TEXT.exec(line) : null;
    if (m) out.push(m[1]!, m[2]!);
    else out.push(line);
  });
  return markClosedParts(out);
}

/**
 * The lines above the title (the letterhead: the kind of meeting and the department) moved to below
 * the line after it, the committee's name: there they are lines of the header, not text before it,
 * and the committee stays the line the title's udvalg is read from.
 */
function moveLetterhead(lines: string[]): string[] {
  const title = parseReferat(lines.join('\n'), GETORGANIZED).header.title?.range.start.line;
  if (title === undefined || lines.slice(0, title).every((l) => l.trim() === '')) return lines;
  let udvalg = title + 1;
  while (udvalg < lines.length && lines[udvalg]!.trim() === '') udvalg++;
  if (udvalg >= lines.length) return lines;
  const letterhead = lines.slice(0, title).filter((l) => l.trim() !== '');
  return [...lines.slice(title, udvalg + 1), ...letterhead, ...lines.slice(udvalg + 1)];
}

/** Every item after a closed part's heading (`Lukket referat`), up to an open part's, with its title marked closed as the format marks it. */
function markClosedParts(lines: string[]): string {
  if (!lines.some((l) => CLOSED_PART_LINE.test(l))) return lines.join('\n');
  const referat = parseReferat(lines.join('\n'), GETORGANIZED);
  let closed = false;
  let next = 0;
  for (const p of referat.punkter) {
    const at = p.headingRange.start.line;
    for (; next < at; next++) {
      if (CLOSED_PART_LINE.test(lines[next]!)) closed = true;
      else if (OPEN_PART_LINE.test(lines[next]!)) closed = false;
    }
    // Also a title already read closed is written as the format writes it (`Lukket punkt - X` → `Lukket punkt: X`).
    const title = closed ? closedTitle(p.title) : p.title;
    if (title === p.title) continue;
    const start = p.titleRange.start.character;
    const line = lines[at]!;
    lines[at] = `${line.slice(0, start)}${title}${line.slice(p.titleRange.end.character)}`;
  }
  return lines.join('\n');
}

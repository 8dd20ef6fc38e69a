// A punkt title that a PDF wrapped onto the next line, joined again: `Punkt 2: Svar på forslag … sikre
// Havnens` / `Perles fremtid på Aarhus Ø` is one heading line. The parser already reads the wrapped
// lines as one title (where the dialect wraps titles); this writes them as it reads them, from the
// parser's reading of the text.
import type { Referat } from '../model/types';
import { PUNKT_WORD, TOC_HEADING_WORD } from '../dialect/vocabulary';

export function joinWrappedTitles(text: string, referat: Referat): string {
  const lines = text.split('\n');
  // From the last punkt back, so the line numbers of those before stay right.
  for (const p of [...referat.punkter].reverse()) {
    const h = p.titleRange.start.line;
    const first = lines[h];
    if (first === undefined || h !== p.headingRange.start.line) continue;
    let title = first.slice(p.titleRange.start.character, p.titleRange.end.character).trim();
    if (title === p.title) continue;
    let k = h + 1;
    while (k < lines.length && title.length < p.title.length) {
      const more = lines[k]!.trim();
      if (more === '') break;
      title = /\S-$/.test(title) ? `${title}${more}` : `${title} ${more}`;
      k++;
    }
    // Only where the lines give exactly the title the parser read: otherwise the text stays as it was.
    if (title !== p.title) continue;
    lines.splice(h, k - h, `${first.slice(0, p.titleRange.start.character)}${title}`);
  }
  return lines.join('\n');
}

/** A table of contents' heading line, as the lexer knows it. */
const TOC_HEADING_LINE = new RegExp(String.raw`^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*)?${TOC_HEADING_WORD}[ \t:*]*$`, 'i');
/** `Punkt 2: Lokalplan nr. 102      3`: an entry as a PDF without dot leaders shows it (Referat's own). */
const NUMBERED_ENTRY = new RegExp(String.raw`^[ \t]*${PUNKT_WORD}[ \t]+\d{1,6}[ \t]*[:.][ \t]*(\S.*?)[ \t]{2,}(\d{1,4})[ \t]*$`);
/** Dot leader written between an entry's title and its page. */
const LEADER = '.....';

/**
 * A table of contents whose entries are written as punkt headings with their page after a gap
 * (`Punkt 2: Lokalplan nr. 102   3`, as Referat's own PDF prints it) in the format's form, title,
 * dot leader, tab and page (`Lokalplan nr. 102.....⇥3`): as headings they would each be read as a
 * punkt, a second time, before the real ones. The punkt's number is in its heading.
 */
export function writeTocEntries(text: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => TOC_HEADING_LINE.test(l));
  if (start < 0) return text;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const m = NUMBERED_ENTRY.exec(line);
    if (!m) break;
    lines[i] = `${m[1]!}${LEADER}\t${m[2]!}`;
  }
  return lines.join('\n');
}

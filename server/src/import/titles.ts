// A punkt title that a PDF wrapped onto the next line, joined again: `Punkt 2: Svar på forslag … sikre
// Havnens` / `Perles fremtid på Aarhus Ø` is one heading line. The parser already reads the wrapped
// lines as one title (where the dialect wraps titles); this writes them as it reads them.
import { parseReferat } from '../model/parse';

export function joinWrappedTitles(text: string): string {
  const referat = parseReferat(text);
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

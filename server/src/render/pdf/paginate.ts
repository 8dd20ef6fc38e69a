import type { Line, PlacedLine } from './layout';
import { PAGE } from './style';

/** Fills pages top to bottom; a line that must stay with the next one moves with it. */
export function paginate(lines: readonly Line[]): PlacedLine[][] {
  const pages: PlacedLine[][] = [];
  let page: PlacedLine[] = [];
  let pageStart = 0;
  let y: number = PAGE.top;
  let prev: Line | undefined;
  const newPage = (start: number): void => {
    pages.push(page);
    page = [];
    pageStart = start;
    y = PAGE.top;
    prev = undefined;
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.breakBefore && page.length > 0) {
      newPage(i);
      continue;
    }
    const gap = page.length === 0 ? 0 : (prev?.spaceAfter ?? 0) + line.spaceBefore;
    if (page.length > 0 && y + gap + line.height > PAGE.bottom) {
      // Back to the start of the chain of lines that must stay with this one.
      let j = i;
      while (j > pageStart && lines[j - 1]!.keepWithNext && !lines[j]!.breakBefore) j--;
      if (j > pageStart) {
        page.splice(j - pageStart);
        i = j;
      }
      newPage(i);
      continue;
    }
    page.push({ line, y: y + gap });
    y += gap + line.height;
    prev = line;
    i++;
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

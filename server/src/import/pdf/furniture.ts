// Running headers and footers ("page furniture"), found by what makes them furniture: the same
// line at the same height at the top or bottom edge of most pages, its page number aside. No list
// of known strings: a municipality's next template has other words.
import { PUNKT_HEADING } from '../../syntax/linePatterns';

export interface PlacedLine {
  /** Baseline, down from the top of the page. */
  readonly y: number;
  readonly text: string;
}

export interface PlacedPage {
  readonly height: number;
  /** Top to bottom. */
  readonly lines: readonly PlacedLine[];
}

/** Furniture lives in the top and bottom quarter of a page. */
const EDGE_BAND = 0.25;
/** Headers sit at one height on every page, give or take a baseline shift of a mixed-font line. */
const SAME_HEIGHT_PT = 3;
/** At most this many numbers in a line are tried as page counters. */
const MAX_COUNTERS = 3;
/**
 * A punkt's heading (`Punkt 2: Lokalplan nr. 102`, `3.   Title`): at the top of the page each punkt
 * starts on, its numbers run with the page's, just as a page counter's do. Its numbers are never
 * taken for counters: only the very same heading on most pages could be a running header.
 */
const PUNKT_HEADING_LINE = new RegExp(String.raw`^(?:${PUNKT_HEADING.source})|^[ \t]*\d{1,4}\.[ \t]+\p{L}`, 'u');

interface Occurrence {
  readonly page: number;
  readonly line: number;
  readonly y: number;
  readonly numbers: readonly number[];
  /** Shaped like a punkt's heading: its numbers are never page counters. */
  readonly heading: boolean;
}

/**
 * Marks the furniture lines of a document, `true` per page per line. A line is furniture when
 *  - it lies in the top or bottom quarter of its page, and every line between it and that edge
 *    is furniture too (a header is never below body text);
 *  - a line with the same text at the same height (±3 pt) is furniture in this sense on at least
 *    half of the pages, and on two at least (on a page without it at that height, the same line
 *    at another height in the band counts too: a section with other margins);
 *  - each number in it is either the same on all those pages or runs with the page number
 *    (`Side 3` on the fourth page, `4 of 5`): a case number that differs per page is body text.
 * A one-page document has no furniture: there is nothing to repeat.
 */
export function findFurniture(pages: readonly PlacedPage[]): boolean[][] {
  const marks = pages.map((p) => p.lines.map(() => false));
  const minPages = Math.max(2, Math.ceil(pages.length / 2));
  if (pages.length < 2) return marks;

  // Candidate groups: same shape (digits aside), same height, in an edge band.
  const byShape = new Map<string, Occurrence[]>();
  pages.forEach((page, p) => {
    page.lines.forEach((line, i) => {
      if (line.y > page.height * EDGE_BAND && line.y < page.height * (1 - EDGE_BAND)) return;
      const shape = line.text
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/\p{Nd}+/gu, '#');
      if (shape === '') return;
      const numbers = (line.text.match(/\p{Nd}+/gu) ?? []).map(Number);
      const list = byShape.get(shape) ?? [];
      list.push({ page: p, line: i, y: line.y, numbers, heading: PUNKT_HEADING_LINE.test(line.text.trim()) });
      byShape.set(shape, list);
    });
  });
  let groups: Occurrence[][] = [];
  for (const list of byShape.values()) {
    for (const cluster of clusterByHeight(list)) {
      for (const g of consistentNumbers(cluster)) {
        if (pageCount(g.occurrences) < minPages) continue;
        // A page laid out a little differently (a section with other margins) has the header a
        // few points off: the same line there counts too, on a page that lacks it at this height.
        const pagesHaving = new Set(g.occurrences.map((o) => o.page));
        const elsewhere = list.filter((o) => !pagesHaving.has(o.page) && signature(o, g.mask) === g.signature);
        groups.push([...g.occurrences, ...elsewhere]);
      }
    }
  }

  // A group is furniture only where it lies at an edge; a group that is at the edge of too few
  // pages is body text after all, and without it the edges shrink: repeat until nothing changes.
  for (;;) {
    const candidate = pages.map((p) => p.lines.map(() => false));
    for (const g of groups) for (const o of g) candidate[o.page]![o.line] = true;
    pages.forEach((page, p) => {
      const row = marks[p]!;
      row.fill(false);
      const c = candidate[p]!;
      for (let i = 0; i < page.lines.length && c[i] && page.lines[i]!.y <= page.height * EDGE_BAND; i++) row[i] = true;
      for (let i = page.lines.length - 1; i >= 0 && c[i] && !row[i] && page.lines[i]!.y >= page.height * (1 - EDGE_BAND); i--) row[i] = true;
    });
    const kept = groups.filter((g) => pageCount(g.filter((o) => marks[o.page]![o.line])) >= minPages);
    if (kept.length === groups.length) return marks;
    groups = kept;
  }
}

function pageCount(occurrences: readonly Occurrence[]): number {
  return new Set(occurrences.map((o) => o.page)).size;
}

/** Splits occurrences into runs of nearly the same height, measured from each run's first. */
function clusterByHeight(list: readonly Occurrence[]): Occurrence[][] {
  const sorted = list.slice().sort((a, b) => a.y - b.y);
  const out: Occurrence[][] = [];
  let current: Occurrence[] = [];
  for (const o of sorted) {
    if (current.length > 0 && o.y - current[0]!.y > SAME_HEIGHT_PT) {
      out.push(current);
      current = [];
    }
    current.push(o);
  }
  if (current.length > 0) out.push(current);
  return out;
}

interface NumberedGroup {
  /** Which of the line's numbers count pages, one bit each. */
  readonly mask: number;
  readonly signature: string;
  readonly occurrences: Occurrence[];
}

/** The numbers of a line, those that count pages as their offset from the page's index. */
function signature(o: Occurrence, mask: number): string {
  return o.numbers.map((n, j) => ((mask >> j) & 1 ? `p${n - o.page}` : `${n}`)).join(',');
}

/**
 * The largest set of occurrences whose numbers are each either constant or the page number plus
 * a constant (one reading of which numbers count pages), and what is left, tried again.
 */
function consistentNumbers(cluster: readonly Occurrence[]): NumberedGroup[] {
  const k = cluster[0]!.numbers.length;
  const masks = k <= MAX_COUNTERS && !cluster[0]!.heading ? 1 << k : 1;
  let best: NumberedGroup | undefined;
  for (let mask = 0; mask < masks; mask++) {
    const bySignature = new Map<string, Occurrence[]>();
    for (const o of cluster) {
      const sig = signature(o, mask);
      const list = bySignature.get(sig) ?? [];
      list.push(o);
      bySignature.set(sig, list);
    }
    for (const [sig, list] of bySignature) {
      if (!best || pageCount(list) > pageCount(best.occurrences)) best = { mask, signature: sig, occurrences: list };
    }
  }
  if (!best) return [];
  const taken = best.occurrences;
  const rest = cluster.filter((o) => !taken.includes(o));
  return rest.length > 0 ? [best, ...consistentNumbers(rest)] : [best];
}

// From positioned text runs to lines of text laid out the way `pdftotext -layout` does where a
// reader of minutes cares: lines from baselines, words spaced by their gaps, a label and its value
// on one line, a two-column list read column by column.
import type { Cell, Line, LinedPage, PageRuns, TextRun } from './types';

/** A gap this wide (in ems) between runs on a line separates cells, not words. */
const CELL_GAP_EM = 0.8;
/** Below this gap (in ems) two runs are one word: kerning and glyph-by-glyph placement. */
const WORD_GAP_EM = 0.15;
/** Cells whose left edges are this close (points) are in one column. */
const ALIGN_PT = 3;
/** No page is wider than this many characters; a damaged file's coordinates can claim otherwise. */
const MAX_COLUMN = 400;

/** Groups a page's runs into lines and cells. */
export function buildLines(page: PageRuns): LinedPage {
  const runs = page.runs
    .filter(usable)
    .slice()
    .sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: TextRun[][] = [];
  let anchor: TextRun | undefined;
  for (const run of runs) {
    const current = groups[groups.length - 1];
    if (current && anchor && sameLine(anchor, run)) current.push(run);
    else {
      groups.push([run]);
      anchor = run;
    }
  }
  const lines = groups.map(toLine).sort((a, b) => a.y - b.y);
  return { height: page.height, charWidth: typicalCharWidth(runs), lines };
}

function usable(run: TextRun): boolean {
  return run.text.trim() !== '' && [run.x, run.y, run.width, run.size].every(Number.isFinite) && run.size > 0;
}

/** Vertical extents that overlap by half the smaller one: a raised footnote mark stays on its line. */
function sameLine(a: TextRun, b: TextRun): boolean {
  const top = Math.max(a.y - 0.8 * a.size, b.y - 0.8 * b.size);
  const bottom = Math.min(a.y + 0.2 * a.size, b.y + 0.2 * b.size);
  return bottom - top >= 0.5 * Math.min(a.size, b.size);
}

function toLine(runs: TextRun[]): Line {
  const sorted = runs.slice().sort((a, b) => a.x - b.x || a.seq - b.seq);
  const main = runs.reduce((m, r) => (r.size > m.size ? r : m));
  const cells: Cell[] = [];
  let text = '';
  let start: TextRun | undefined;
  let right = 0;
  let seq = 0;
  let prev: TextRun | undefined;
  const close = (): void => {
    if (start) cells.push({ text: text.trim(), x: start.x, right, seq });
  };
  for (const run of sorted) {
    // Some producers draw a run twice, a hair apart, for a bolder look.
    if (prev && prev.text === run.text && Math.abs(prev.x - run.x) < 1 && Math.abs(prev.y - run.y) < 1) continue;
    const em = Math.max(run.size, prev?.size ?? 0);
    const gap = run.x - right;
    if (!start || gap > CELL_GAP_EM * em) {
      close();
      start = run;
      text = run.text;
      seq = run.seq;
    } else {
      const spaced = gap >= WORD_GAP_EM * em && !/\s$/.test(text) && !/^\s/.test(run.text);
      text += (spaced ? ' ' : '') + run.text;
      seq = Math.min(seq, run.seq);
    }
    right = Math.max(right, run.x + run.width);
    prev = run;
  }
  close();
  return { y: main.y, size: main.size, cells };
}

/** The median width of a character on the page: the grid that indentation and gaps are counted in. */
function typicalCharWidth(runs: readonly TextRun[]): number {
  const widths = runs
    .filter((r) => r.width > 0 && r.text.length > 0)
    .map((r) => r.width / [...r.text].length)
    .sort((a, b) => a - b);
  const median = widths[Math.floor(widths.length / 2)];
  return median && median >= 1 ? median : 5;
}

/** The text of a line with its cells one space apart: what furniture detection compares. */
export function lineText(line: Line): string {
  return line.cells.map((c) => c.text).join(' ');
}

/**
 * Splits two-column lists into one column after the other. A block is a run of lines with one or
 * two cells whose left cells share a left edge and whose right cells share another; it is a list
 * (read by columns) rather than a form or table (read by rows) when no left cell is a label ending
 * in `:`, neither column is numbers, and either the producer wrote the left column before the
 * right one or both columns hold names alike (several words each, of similar width).
 */
export function readColumns(page: LinedPage): LinedPage {
  const out: Line[] = [];
  const lines = page.lines;
  let i = 0;
  while (i < lines.length) {
    const end = blockEnd(lines, i);
    if (end > i && byColumns(lines.slice(i, end))) {
      const block = lines.slice(i, end);
      const x = block[0]!.cells[0]!.x;
      for (const l of block) out.push({ y: l.y, size: l.size, cells: [l.cells[0]!] });
      const last = block[block.length - 1]!;
      for (const l of block) {
        const c = l.cells[1];
        if (c) out.push({ y: last.y, size: l.size, cells: [{ ...c, x, right: x + (c.right - c.x) }] });
      }
      i = end;
    } else {
      out.push(lines[i]!);
      i++;
    }
  }
  return { ...page, lines: out };
}

/** The end (exclusive) of the two-column block starting at `start`, or `start` if none starts there. */
function blockEnd(lines: readonly Line[], start: number): number {
  const first = lines[start]!;
  if (first.cells.length !== 2) return start;
  const left = first.cells[0]!.x;
  const right = first.cells[1]!.x;
  const step = lines[start + 1] ? lines[start + 1]!.y - first.y : 0;
  let end = start + 1;
  let pairs = 1;
  let singlesSeen = false;
  for (; end < lines.length; end++) {
    const line = lines[end]!;
    const prev = lines[end - 1]!;
    // One list: one font size, lines evenly spaced.
    if (Math.abs(line.size - first.size) > 0.15 * first.size || line.y - prev.y > step + 0.3 * first.size) break;
    const [a, b] = line.cells;
    if (!a || line.cells.length > 2 || Math.abs(a.x - left) > ALIGN_PT || a.right >= right) break;
    if (b) {
      // Column by column, the right column is never longer: a row with two cells after one
      // without ends the block.
      if (singlesSeen || Math.abs(b.x - right) > ALIGN_PT) break;
      pairs++;
    } else singlesSeen = true;
  }
  return pairs >= 2 ? end : start;
}

function byColumns(block: readonly Line[]): boolean {
  const left = block.map((l) => l.cells[0]!);
  const right = block.flatMap((l) => (l.cells[1] ? [l.cells[1]] : []));
  if (left.some((c) => /:$/.test(c.text))) return false;
  if (mostlyNumbers(left) || mostlyNumbers(right)) return false;
  // Reduced, not spread: a page of a hundred thousand cells (a damaged or hostile PDF) is no call of as many arguments.
  const producerOrder = left.reduce((most, c) => Math.max(most, c.seq), -Infinity) < right.reduce((least, c) => Math.min(least, c.seq), Infinity);
  return producerOrder || namesAlike(left, right);
}

function mostlyNumbers(cells: readonly Cell[]): boolean {
  const numeric = cells.filter((c) => (c.text.match(/\p{N}/gu)?.length ?? 0) >= (c.text.match(/\p{L}/gu)?.length ?? 0));
  return numeric.length * 2 > cells.length;
}

function namesAlike(left: readonly Cell[], right: readonly Cell[]): boolean {
  const words = (c: Cell): number => c.text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  if (![...left, ...right].every((c) => words(c) >= 2)) return false;
  const width = (cs: readonly Cell[]): number => cs.reduce((most, c) => Math.max(most, c.right - c.x), -Infinity);
  const ratio = width(left) / width(right);
  return ratio >= 0.5 && ratio <= 2;
}

/**
 * The page as text lines: each cell at the column its left edge falls on, counted in typical
 * character widths from the page's left margin (so a table's columns line up), at least two
 * spaces after the cell before it; a blank line where the vertical gap is wider than a line's.
 */
export function renderLines(page: LinedPage): string[] {
  if (page.lines.length === 0) return [];
  const cw = page.charWidth;
  const margin = page.lines.reduce((least, l) => Math.min(least, l.cells[0]?.x ?? Infinity), Infinity);
  const out: string[] = [];
  let prev: Line | undefined;
  for (const line of page.lines) {
    if (line.cells.length === 0) continue;
    if (prev && line.y - prev.y > 0.85 * (line.size + prev.size)) out.push('');
    let text = '';
    for (const c of line.cells) {
      const column = Math.min(MAX_COLUMN, Math.max(0, Math.round((c.x - margin) / cw)));
      text += ' '.repeat(text === '' ? column : Math.max(2, column - text.length)) + c.text;
    }
    out.push(text.trimEnd());
    prev = line;
  }
  return out;
}

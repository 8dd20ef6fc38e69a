import type MarkdownIt from 'markdown-it';
import type { StateBlock } from 'markdown-it';

/** markdown-it's block rule, as its ruler takes one. */
type BlockRule = Parameters<MarkdownIt['block']['ruler']['before']>[2];

/**
 * Rows set out with tabs, as an imported table arrives (`Bornholms Hospital⇥1,80`) and as she lines
 * up two columns herself: two or more lines in a row, each with a tab between its text, are a table
 * (its cells apart at each run of tabs), so the columns line up in the HTML and the PDF, and a
 * screen reader reads them as cells. A column of figures is set to the right. The first row is the
 * header where it names what a column of figures below it holds (`Overslag i 1.000 kr.`, `2023`
 * above amounts); otherwise there is none. A header one cell short of rows that all begin with a label
 * lost its empty corner (as imports made before they kept empty cells, and as she may write it): it heads
 * the columns to the right. An imported table's empty cell is a non-breaking space, and empty here too.
 * A single line with a tab, a quote's line, a heading and a list (rows that all begin as a list's items
 * do) stay as they are; a row that begins so among rows that do not is a row (`10. august⇥Høring`).
 */
export function tabTables(md: MarkdownIt): void {
  // Rows may follow the text above them without a blank line, as an import writes a field's lines.
  md.block.ruler.before('table', 'tab_table', tabTable, { alt: ['paragraph'] });
}

/** A run of tabs between two cells' text; tabs before the text are its indentation. */
const CELL_GAP = /[ ]*\t+[ ]*/;
/** A line another block rule reads, whatever follows: a quote, a heading, a pipe table's row. */
const OTHER_BLOCK = /^(?:>|#{1,6}(?:[ \t]|$)|\|)/;
/**
 * What begins a list's item (`- `, `1. `), and a Danish date as often (`10. august`): a row that begins so
 * is a row where rows that do not stand with it (Greve's timetable under `Dato⇥Aktivitet`, a budget's
 * `- PL Budget 2022⇥412`); rows that all begin so are a list, with their tabs.
 */
const LIST_MARKER = /^(?:[-*+•]|\d{1,9}[.)])[ \t]/;
/** An amount, a count or a share (`1,80`, `-2.500`, `12 %`): a column of them is set to the right, as figures are. */
const FIGURE = /^[-\u2212+]?\d[\d., \u00a0]*(?: ?%)?$/;
/** A year, as a column of figures is headed (`2023`): the one figure a header row holds. */
const YEAR = /^(?:19|20)\d\d$/;
/** A column is of figures where at least this share of its cells with text are (`Afklares` among amounts). */
const FIGURE_SHARE = 2 / 3;
/** A table of more columns than this is not a table of tabs but text with tabs in it. */
const MOST_CELLS = 12;

interface Row {
  readonly cells: string[];
  /** It begins as a list's item does. */
  readonly listLike: boolean;
}

/** The cells of a line set out with tabs, or undefined for a line that is not such a row. */
function rowOf(state: StateBlock, line: number): Row | undefined {
  if (state.sCount[line]! < state.blkIndent) return undefined;
  const text = state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]).trimEnd();
  if (text === '' || OTHER_BLOCK.test(text)) return undefined;
  const cells = text.split(CELL_GAP);
  if (cells.length < 2 || cells.length > MOST_CELLS) return undefined;
  const marker = LIST_MARKER.exec(text);
  // `1.⇥Indledning`, `-⇥Asfalt`: a marker alone before the tab sets out a list's item, it is no cell.
  if (marker && cells[0]!.trim() === marker[0].trim()) return undefined;
  return { cells, listLike: marker !== null };
}

// markdown-it's own signature: `silent` asks only whether the rows are there (may they end a paragraph).
const tabTable: BlockRule = (state, startLine, endLine, silent) => {
  const rows: string[][] = [];
  // Rows that all begin as a list's items are that list.
  let table = false;
  let line = startLine;
  for (; line < endLine; line++) {
    const row = rowOf(state, line);
    if (!row) break;
    rows.push(row.cells);
    table ||= !row.listLike;
  }
  if (rows.length < 2 || !table) return false;
  if (silent) return true;
  // A loop, not a spread: a table of a hundred thousand rows is no call of as many arguments.
  const columns = rows.reduce((most, r) => Math.max(most, r.length), 0);
  const figuresIn = (body: readonly string[][]): boolean[] =>
    Array.from({ length: columns }, (_, c) => {
      // An imported table's empty cell is a non-breaking space (import/html/layout.ts `EMPTY_CELL`): empty, as `''` is.
      const filled = body.map((r) => r[c] ?? '').filter((cell) => cell.trim() !== '');
      const figures = filled.filter((cell) => FIGURE.test(cell)).length;
      return figures > 0 && figures >= filled.length * FIGURE_SHARE;
    });
  const [written, ...below] = rows;
  const underFirst = figuresIn(below);
  const label = (cell: string): boolean => !FIGURE.test(cell) || YEAR.test(cell);
  // `Greve Kommune⇥Hele Danmark` over `2021⇥65,4⇥67,2`: the corner above the rows' labels was empty.
  const cornerLost = below.length > 0 && written!.length === columns - 1 && below.every((r) => r.length === columns && label(r[0]!));
  const first = cornerLost ? ['', ...written!] : written!;
  // A header names a column of figures below it, and holds no figure but a year.
  const header = below.length > 0 && first.every(label) && underFirst.some((figures, c) => figures && (first[c] ?? '').trim() !== '');
  const figures = header ? underFirst : figuresIn(rows);
  const tableOpen = state.push('table_open', 'table', 1);
  tableOpen.map = [startLine, line];
  tableOpen.attrSet('class', 'tab-table');
  const row = (cells: readonly string[], k: number, cell: 'th' | 'td'): void => {
    const at: [number, number] = [startLine + k, startLine + k + 1];
    state.push('tr_open', 'tr', 1).map = at;
    // A row of fewer cells than the widest is filled out with empty ones, so the columns stay columns.
    for (let c = 0; c < columns; c++) {
      const open = state.push(`${cell}_open`, cell, 1);
      open.map = at;
      // As markdown-it writes a pipe table's `---:`: the PDF reads the same.
      if (figures[c]) open.attrSet('style', 'text-align:right');
      const inline = state.push('inline', '', 0);
      inline.content = cells[c] ?? '';
      inline.map = at;
      inline.children = [];
      state.push(`${cell}_close`, cell, -1);
    }
    state.push('tr_close', 'tr', -1);
  };
  if (header) {
    state.push('thead_open', 'thead', 1).map = [startLine, startLine + 1];
    row(first, 0, 'th');
    state.push('thead_close', 'thead', -1);
  }
  state.push('tbody_open', 'tbody', 1).map = [startLine + (header ? 1 : 0), line];
  (header ? below : rows).forEach((cells, k) => row(cells, k + (header ? 1 : 0), 'td'));
  state.push('tbody_close', 'tbody', -1);
  state.push('table_close', 'table', -1);
  state.line = line;
  return true;
};

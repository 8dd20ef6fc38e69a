// HTML as text, the way a browser lays it out where minutes care: block elements on their own lines,
// a blank line before a heading, list items as `- ` or `1. `, a `<br>` ends a line, table cells joined
// by a tab, entities decoded, no markup left over. Every word of the text is kept; only what a
// browser does not show (scripts, styles, `hidden` elements) is left out.
import { childrenOf, spaceRuns, isElement, isScriptOrStyle, isText, parseHtml, type DomDocument, type DomElement, type DomNode } from './dom';

const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'header',
  'hgroup',
  'hr',
  'legend',
  'main',
  'menu',
  'nav',
  'p',
  'pre',
  'section',
  'summary',
  'caption',
  // Rows and cells a parser left outside their table still stand apart.
  'tr',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const INVISIBLE = new Set([
  'script',
  'style',
  'head',
  'title',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'select',
  'input',
  'textarea',
  'img',
]);

/** The lines of an HTML fragment or page, without blank lines at either end or two in a row. */
export function htmlToLines(html: string): string[] {
  return layoutNodes(childrenOf(parseHtml(html)));
}

/**
 * No paragraph of minutes is longer; a longer one (a page's 50 MB of one text) is written as lines
 * of at most this many characters, broken between words, so every step after the layout (the
 * parser, the editor) works on lines of a bounded length and no word is lost.
 */
export const MAX_LINE = 10_000;

/** A line longer than `MAX_LINE` as lines that are not, broken at the last space before the limit (inside a word only where it has none). */
function wrap(line: string): string[] {
  const out: string[] = [];
  let at = 0;
  while (line.length - at > MAX_LINE) {
    const space = line.lastIndexOf(' ', at + MAX_LINE);
    const end = space > at ? space : at + MAX_LINE;
    out.push(line.slice(at, end));
    at = space > at ? end + 1 : end;
  }
  out.push(line.slice(at));
  return out;
}

/**
 * What is left to lay out, last first: a node, written to its `out`, or what an element does once
 * its children are written (end a list item, a heading's line, a table's row). An explicit stack,
 * not recursion: a page nested thousands of elements deep is laid out like any other.
 */
type Task = { readonly node: DomNode | DomDocument; readonly out: Lines } | { readonly then: () => void };

/** How `layoutNodes` writes what it lays out. */
export interface LayoutOptions {
  /**
   * Bold and italic written as Markdown marks (`**Tidsplan:**`, `*Sept. 2012: …*`), where a system
   * says something with them that its other fields do not (Acadre's italic items "not realised yet").
   * Left plain by default: the importers that read their lines further (SBSYS's dated decisions) read them unmarked.
   */
  readonly emphasis?: 'marked' | 'plain';
}

/** The lines of some nodes of a parsed page. */
export function layoutNodes(nodes: readonly (DomNode | DomDocument)[], options: LayoutOptions = {}): string[] {
  const out = new Lines(options.emphasis === 'marked');
  const tasks: Task[] = [];
  pushNodes(tasks, nodes, out);
  while (tasks.length > 0) {
    const t = tasks.pop()!;
    if ('then' in t) t.then();
    else visit(t.node, t.out, tasks);
  }
  return out.finish();
}

/** Nodes to lay out in order (the stack runs last first). */
function pushNodes(tasks: Task[], nodes: readonly (DomNode | DomDocument)[], out: Lines): void {
  for (let i = nodes.length - 1; i >= 0; i--) tasks.push({ node: nodes[i]!, out });
}

class Lines {
  private readonly lines: string[] = [];
  private current = '';
  /** A list item's marker, waiting for the item's first words (which may sit in a nested block). */
  private marker = '';
  /** Lines ended so far: an emphasis whose line ended inside it is not marked. */
  private flushes = 0;
  /** The emphasis being written: its mark, and where in the line it began. One at a time: one inside it adds nothing. */
  private emphasis: { readonly mark: string; readonly at: number; readonly flushes: number } | undefined;

  constructor(private readonly marksEmphasis: boolean) {}

  /** Lines for a part laid out on its own (a table cell), written as these are. */
  nested(): Lines {
    return new Lines(this.marksEmphasis);
  }

  text(t: string): void {
    this.current += t;
  }

  /** An emphasis begins (bold, italic); false where one is being written already. */
  startEmphasis(mark: string): boolean {
    if (!this.marksEmphasis || this.emphasis) return false;
    this.emphasis = { mark, at: this.current.length, flushes: this.flushes };
    return true;
  }

  /**
   * The emphasis ends: its words within the line marked (`**Tidsplan:**`), the blanks around them
   * outside the marks, as Markdown reads them. Not where a line ended inside it, where it holds no
   * words, or where its words hold the mark themselves.
   */
  endEmphasis(): void {
    const e = this.emphasis;
    this.emphasis = undefined;
    if (!e || e.flushes !== this.flushes) return;
    const inner = this.current.slice(e.at);
    const words = inner.trim();
    if (words === '' || words.includes(e.mark.charAt(0))) return;
    const lead = inner.slice(0, inner.length - inner.trimStart().length);
    const trail = inner.slice(inner.trimEnd().length);
    this.current = `${this.current.slice(0, e.at)}${lead}${e.mark}${words}${e.mark}${trail}`;
  }

  /**
   * A `<br>`: it ends the line being written; one on a line with no words yet is an empty line, as a
   * browser draws it (`<br><br>` between two paragraphs of eDoc's text).
   */
  lineBreak(): void {
    if (spaceRuns(this.current).trim() === '' && this.marker === '') this.blank();
    else this.flush();
  }

  /** Ends the line being written, if it has any words. */
  flush(): void {
    this.flushes++;
    // Control characters too: a line break of any kind (NEL, LS, PS) from the source never splits a line.
    const t = spaceRuns(this.current).trim();
    this.current = '';
    if (t === '') return;
    if (t.length <= MAX_LINE) this.lines.push(this.marker + t);
    else this.lines.push(...wrap(this.marker + t));
    this.marker = '';
  }

  blank(): void {
    this.flush();
    if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== '') this.lines.push('');
  }

  startItem(marker: string): void {
    this.flush();
    // An item with no words of its own keeps its marker, as a browser shows it.
    if (this.marker !== '') this.lines.push(this.marker.trimEnd());
    this.marker = marker;
  }

  endItem(): void {
    this.flush();
    if (this.marker !== '') this.lines.push(this.marker.trimEnd());
    this.marker = '';
  }

  /** Lines written by a nested layout (a table cell), taken in as they are. */
  push(lines: readonly string[]): void {
    this.flush();
    for (const l of lines) {
      if (l === '') this.blank();
      else {
        this.lines.push(this.marker + l);
        this.marker = '';
      }
    }
  }

  finish(): string[] {
    this.endItem();
    const out = this.lines;
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    return out;
  }
}

function hidden(e: DomElement): boolean {
  return 'hidden' in e.attribs || e.attribs['aria-hidden'] === 'true' || /display\s*:\s*none/i.test(e.attribs.style ?? '');
}

/** Lays out one node: what comes before its children now, its children and what comes after as tasks. */
function visit(node: DomNode | DomDocument, out: Lines, tasks: Task[]): void {
  if (isText(node)) {
    out.text(node.data);
    return;
  }
  if (!isElement(node)) {
    pushNodes(tasks, childrenOf(node), out);
    return;
  }
  const name = node.name.toLowerCase();
  if (INVISIBLE.has(name) || isScriptOrStyle(node) || hidden(node)) return;
  // Children, then what ends the element: pushed in the reverse order.
  const around = (before: () => void, after: () => void, kids: readonly (DomNode | DomDocument)[] = childrenOf(node)): void => {
    before();
    tasks.push({ then: after });
    pushNodes(tasks, kids, out);
  };
  if (name === 'br') out.lineBreak();
  else if (HEADINGS.has(name))
    around(
      () => out.blank(),
      () => out.flush(),
    );
  else if (name === 'ul' || name === 'ol') {
    out.flush();
    list(node, name === 'ol' ? 'ordered' : 'bullet', out, tasks);
  } else if (name === 'li')
    // An item outside a list: a bullet, as a browser draws it.
    around(
      () => out.startItem('- '),
      () => out.endItem(),
    );
  else if (name === 'table') {
    out.flush();
    table(node, out, tasks);
  } else if (name === 'td' || name === 'th')
    around(
      () => out.text(' '),
      () => out.text(' '),
    );
  else if (BLOCKS.has(name))
    around(
      () => out.flush(),
      () => out.flush(),
    );
  else if (EMPHASIS.has(name) && out.startEmphasis(EMPHASIS.get(name)!))
    // Bold and italic say something in the text (Acadre's `Tidsplan:`, its italic items "not realised yet"): kept as Markdown marks.
    around(
      () => undefined,
      () => out.endEmphasis(),
    );
  else pushNodes(tasks, childrenOf(node), out);
}

/** Inline elements that emphasise, and the Markdown mark each is written with. */
const EMPHASIS: ReadonlyMap<string, string> = new Map([
  ['b', '**'],
  ['strong', '**'],
  ['i', '*'],
  ['em', '*'],
]);

/** `start="3"` and `type="A"` or `list-style-type: upper-alpha` as a browser numbers the items. */
function list(e: DomElement, kind: 'ordered' | 'bullet', out: Lines, tasks: Task[]): void {
  const start = Number.parseInt(e.attribs.start ?? '1', 10);
  let n = Number.isFinite(start) ? start : 1;
  const style = /list-style-type\s*:\s*([a-z-]+)/i.exec(e.attribs.style ?? '')?.[1]?.toLowerCase();
  const type = e.attribs.type ?? (style === 'upper-alpha' || style === 'upper-latin' ? 'A' : style === 'lower-alpha' || style === 'lower-latin' ? 'a' : '1');
  // Each item's marker first, in order; then the items, each between its start and its end.
  const items: Task[][] = [];
  for (const c of childrenOf(e)) {
    if (isElement(c) && c.name.toLowerCase() === 'li' && !hidden(c)) {
      const value = Number.parseInt(c.attribs.value ?? '', 10);
      if (Number.isFinite(value)) n = value;
      const marker = kind === 'ordered' ? `${counter(n, type)}. ` : '- ';
      const item: Task[] = [{ then: () => out.endItem() }];
      pushNodes(item, childrenOf(c), out);
      item.push({ then: () => out.startItem(marker) });
      items.push(item);
      n++;
    } else items.push([{ node: c, out }]);
  }
  for (let i = items.length - 1; i >= 0; i--) tasks.push(...items[i]!);
}

function counter(n: number, type: string): string {
  if ((type === 'A' || type === 'a') && n >= 1 && n <= 26) {
    const letter = String.fromCharCode(64 + n);
    return type === 'a' ? letter.toLowerCase() : letter;
  }
  return String(n);
}

/**
 * What an empty cell is written as, where a cell with text comes after it in its row: a non-breaking
 * space, which the renderings show as an empty cell (`render/tabTable.ts`). Without it the cells after
 * an empty one moved a column to the left (`Drift⇥12` under `Konto⇥Budget⇥Forbrug` made 12 the
 * budget), and a run of tabs is one gap between two cells, as she lines up columns herself.
 */
export const EMPTY_CELL = '\u00a0';

/** A row of one line per cell, its cells joined by a tab; empty cells at its end say nothing and are left out. */
function rowLine(cells: readonly string[]): string {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === '') end--;
  return cells
    .slice(0, end)
    .map((c) => (c === '' ? EMPTY_CELL : c))
    .join('\t');
}

/**
 * Spans are followed in a table's first this many columns, and reach at most this far (a browser reads
 * a `colspan` up to 1,000): a page's `colspan` and `rowspan` of a million on every cell is not a billion
 * empty cells. A cell further right stands where it comes, as every cell did before spans were read.
 */
const SPAN_LIMIT = 1_000;

/** A cell's `colspan` or `rowspan`: a whole number from 1, as a browser reads it (`0`, `x` and the like are 1). */
function span(cell: DomElement, name: 'colspan' | 'rowspan'): number {
  const n = Number.parseInt(cell.attribs[name] ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, SPAN_LIMIT) : 1;
}

/**
 * The columns of a table's rows, as a browser places its cells: a cell spanning columns takes as many,
 * and a cell spanning rows takes its column in the rows below. Each row is given as its columns, in
 * order: the cell that begins there, or nothing where a span covers it (an empty cell there keeps the
 * cells after it in their columns). The work per row is its cells and at most `SPAN_LIMIT` columns.
 */
class RowSpans {
  /** Per column (of the first `SPAN_LIMIT`), how many rows from this one on still belong to a cell above. */
  private readonly below: number[] = [];

  place(cells: readonly DomElement[]): (DomElement | undefined)[] {
    const columns: (DomElement | undefined)[] = [];
    let column = 0;
    const skipCovered = (): void => {
      while (column < SPAN_LIMIT && (this.below[column] ?? 0) > 0) columns[column++] = undefined;
    };
    for (const cell of cells) {
      skipCovered();
      columns[column] = cell;
      if (column >= SPAN_LIMIT) {
        column++;
        continue;
      }
      const wide = Math.min(span(cell, 'colspan'), SPAN_LIMIT - column);
      const tall = span(cell, 'rowspan');
      for (let k = 0; k < wide; k++) {
        if (k > 0) columns[column + k] = undefined;
        this.below[column + k] = Math.max(this.below[column + k] ?? 0, tall);
      }
      column += wide;
    }
    skipCovered();
    // This row is placed: every span reaches one row less further down.
    for (let k = 0; k < this.below.length; k++) if (this.below[k]! > 0) this.below[k]!--;
    return columns;
  }
}

/** A table cell's line this long or shorter is a row of a column (a name, an amount); a longer one is prose. */
const SIDE_BY_SIDE_LINE = 60;

/**
 * Rows on their own lines, cells joined by a tab; cells of as many short lines each side by side, line by
 * line; a cell that holds blocks of its own otherwise is laid out as they are.
 */
function table(e: DomElement, out: Lines, tasks: Task[]): void {
  const rows: DomElement[] = [];
  const captions: DomElement[] = [];
  // Rows inside the table's row groups, however deep a parser nested those, in document order.
  const pending: DomNode[] = [...childrenOf(e)].reverse();
  while (pending.length > 0) {
    const c = pending.pop()!;
    if (!isElement(c) || hidden(c)) continue;
    const name = c.name.toLowerCase();
    if (name === 'tr') rows.push(c);
    else if (name === 'thead' || name === 'tbody' || name === 'tfoot') pending.push(...[...childrenOf(c)].reverse());
    else if (name === 'caption') captions.push(c);
  }
  // A row's cells each into lines of their own, then the row written from them.
  const steps: Task[] = [];
  for (const caption of captions) {
    const lines = out.nested();
    steps.push({ node: caption, out: lines }, { then: () => out.push(lines.finish()) });
  }
  const spans = new RowSpans();
  for (const row of rows) {
    const cells = spans.place(
      childrenOf(row).filter((c): c is DomElement => isElement(c) && (c.name.toLowerCase() === 'td' || c.name.toLowerCase() === 'th') && !hidden(c)),
    );
    const read = cells.map((cell) => ({ cell, lines: out.nested() }));
    for (const { cell, lines } of read) if (cell) for (const k of childrenOf(cell)) steps.push({ node: k, out: lines });
    steps.push({
      then: () => {
        // A column a cell spans, or a cell above reaches down into, is an empty cell of this row.
        const finished = read.map((c) => (c.cell ? c.lines.finish() : []));
        const filled = finished.filter((c) => c.length > 0);
        // Cells of as many short lines each stand side by side, line by line: a row whose first cell
        // holds the names a paragraph each and whose second the amounts (Region Hovedstaden's tables).
        // Paragraphs of prose are not paired: the second of one cell need not answer the second of the next.
        const height = filled[0]?.length ?? 0;
        if (filled.length > 1 && height > 1 && filled.every((c) => c.length === height && c.every((l) => l.length <= SIDE_BY_SIDE_LINE))) {
          const rows: string[] = [];
          for (let k = 0; k < height; k++) rows.push(rowLine(finished.map((c) => c[k] ?? '')));
          out.push(rows);
        } else if (filled.every((c) => c.length === 1)) out.push(filled.length > 0 ? [rowLine(finished.map((c) => c[0] ?? ''))] : []);
        else for (const c of filled) out.push(c);
      },
    });
  }
  for (let i = steps.length - 1; i >= 0; i--) tasks.push(steps[i]!);
}

// Lays the blocks out on A4 pages without drawing anything: lines with positioned text
// fragments, each fragment owned by the structure element it belongs to. Measuring first is
// what lets the table of contents show the pages the punkter really start on.
import type { DocumentLabels } from '../labels';
import type { Anchor, Block, ListItem, PdfDocumentModel, Run, TableRow, TocEntry } from './model';
import { paginate } from './paginate';
import {
  ASCENT,
  BADGE_PAD_X,
  COLOR,
  CONTENT_WIDTH,
  FIELD_LABEL_WIDTH,
  FIELDS,
  ITEM_GAP,
  LIST_INDENT,
  LIST_LABEL_GAP,
  PAGE,
  QUOTE,
  RULE,
  STYLE,
  TABLE,
  TOC,
  TOC_NUMBER_WIDTH,
  type Face,
  type TextStyle,
} from './style';

/** A node of the structure tree; the PDF element is made when its first content is drawn. */
export interface StructNode {
  readonly role: string;
  readonly parent: StructNode | undefined;
  /** Table header cells: which cells they head. */
  readonly scope?: 'Row' | 'Column';
  /** Lists: what their labels are (PDF/UA asks for it where labels number). */
  readonly listNumbering?: 'Disc' | 'Circle' | 'Decimal' | 'None';
}

export type LinkTarget = { readonly kind: 'uri'; readonly uri: string } | { readonly kind: 'dest'; readonly name: string };

/** A link annotation, made right after its fragment is drawn, covering x … x + width of its line. */
export interface Annotation {
  readonly x: number;
  readonly width: number;
  readonly target: LinkTarget;
  /** What the link is, for assistive technology (the annotation's /Contents). */
  readonly contents: string;
}

export interface Frag {
  /** Reading order: fragments are drawn in this order, which is also the structure's order. */
  readonly seq: number;
  readonly x: number;
  readonly text: string;
  /** Advance of the visible text (no trailing space). */
  readonly width: number;
  readonly face: Face;
  readonly size: number;
  readonly color: string;
  readonly owner: StructNode;
  readonly annotation?: Annotation;
  readonly underline?: boolean;
  /** A filled box behind the text (the "Lukket punkt" badge), padX either side. */
  readonly box?: { readonly fill: string; readonly padX: number };
}

export type Decoration =
  | { readonly kind: 'rule'; readonly x: number; readonly width: number; readonly dy: number }
  | { readonly kind: 'dots'; readonly x1: number; readonly x2: number }
  /** A quotation's bar in the margin, the height of the line. */
  | { readonly kind: 'bar'; readonly x: number };

export interface Line {
  height: number;
  /** Baseline, from the line's top. */
  baseline: number;
  spaceBefore: number;
  spaceAfter: number;
  /** Never the last line on a page: headings, first and second-to-last lines of a paragraph. */
  keepWithNext: boolean;
  breakBefore: boolean;
  readonly frags: Frag[];
  readonly decorations: Decoration[];
  readonly anchors: Anchor[];
}

export interface PlacedLine {
  readonly line: Line;
  /** Top of the line on its page. */
  readonly y: number;
}

export interface LaidOut {
  readonly pages: readonly (readonly PlacedLine[])[];
  /** The page (1-based) each punkt starts on. */
  readonly punktPages: ReadonlyMap<string, number>;
}

export type Measure = (text: string, face: Face, size: number) => number;
/** The text with every character the font has no glyph for replaced (an invisible .notdef otherwise). */
export type Showable = (text: string, face: Face) => string;

/** How much room a signature has above its line, and how long the line is (points). */
const SIGNATURE_ROOM = 34;
const SIGNATURE_WIDTH = 260;

/** The named destination of a punkt, as the HTML's id: `punkt-1-2` for 1.2. */
export function destName(label: string): string {
  return `punkt-${label.replace(/\./g, '-')}`;
}

/** Lays the document out; `tocPages` are the page numbers the table of contents shows. */
export function layoutDocument(model: PdfDocumentModel, measure: Measure, showable: Showable, tocPages: ReadonlyMap<string, number>): LaidOut {
  const builder = new LineBuilder(measure, showable, tocPages, model.labels);
  const root: StructNode = { role: 'Document', parent: undefined };
  builder.blocks(model.blocks, { x: PAGE.left, width: CONTENT_WIDTH, parent: root, tight: false });
  const pages = paginate(builder.lines);
  const punktPages = new Map<string, number>();
  pages.forEach((page, i) => {
    for (const p of page) for (const a of p.line.anchors) if (a.kind === 'punkt' && !punktPages.has(a.label)) punktPages.set(a.label, i + 1);
  });
  return { pages, punktPages };
}

interface Context {
  readonly x: number;
  readonly width: number;
  readonly parent: StructNode;
  /** Inside a list item: less space after paragraphs. */
  readonly tight: boolean;
}

/** A word or part of one in one face; breaks are allowed only after a piece with a trailing space. */
interface Piece {
  text: string;
  width: number;
  readonly face: Face;
  readonly size: number;
  readonly color: string;
  readonly owner: StructNode;
  readonly link?: { readonly href: string; readonly text: string };
  readonly box?: { readonly fill: string; readonly padX: number };
  space: boolean;
  readonly hardBreak?: boolean;
}

// Widths of words, kept between layout passes and documents: shaping a word with the font's
// kerning is most of the cost of a layout, and minutes repeat their words. Bounded.
const widths = new Map<string, number>();
const MAX_WIDTHS = 200_000;
/**
 * Longer words are first sized from their characters (see `Glyphs`): shaping all of a word that
 * will be cut anyway is a third of the cost of a very long one.
 */
const LONG_WORD = 256;
/**
 * How far (in ems) an estimate from characters and their pairs may be from the font's own width
 * (a ligature of three letters, a contextual form): within it the font is asked.
 */
const ESTIMATE_DOUBT_EM = 0.05;
/**
 * The most characters of a link's text its annotations repeat (/Contents, what assistive
 * technology reads for it): a link that wraps has one annotation per line, each with the text, so
 * the text of a very long link in every one of them made the file grow with its square.
 */
const MAX_ANNOTATION_CONTENTS = 500;

/**
 * A piece's text as the font's characters: where each starts (never inside a surrogate pair), its
 * advance, and what the font adds or takes between it and the next (kerning, a ligature), each
 * measured once per distinct character or pair. Their sum is the text's width whenever the font's
 * rules look no further than a pair, which is what makes finding where to cut linear.
 */
interface Glyphs {
  readonly starts: readonly number[];
  readonly advances: readonly number[];
  /** Between character i and i + 1. */
  readonly pairs: readonly number[];
}

class LineBuilder {
  readonly lines: Line[] = [];
  private seq = 0;

  constructor(
    private readonly measure: Measure,
    private readonly showable: Showable,
    private readonly tocPages: ReadonlyMap<string, number>,
    private readonly labels: DocumentLabels,
  ) {}

  private width(text: string, face: Face, size: number): number {
    const key = `${face}|${size}|${text}`;
    let w = widths.get(key);
    if (w === undefined) {
      w = this.measure(text, face, size);
      if (widths.size >= MAX_WIDTHS) widths.clear();
      widths.set(key, w);
    }
    return w;
  }

  /**
   * A word's width; a very long one's from its characters when that is far more than any line
   * (it will be cut, and each line measured then), so it is never shaped whole for nothing.
   */
  private wordWidth(word: string, face: Face, size: number): number {
    if (word.length <= LONG_WORD) return this.width(word, face, size);
    const g = this.glyphs(word, face, size);
    const estimate = sum(g.advances, 0, g.advances.length) + sum(g.pairs, 0, g.pairs.length);
    return estimate > 2 * PAGE.width ? estimate : this.width(word, face, size);
  }

  private glyphs(text: string, face: Face, size: number): Glyphs {
    const starts: number[] = [];
    const advances: number[] = [];
    const pairs: number[] = [];
    const advance = new Map<string, number>();
    const pair = new Map<string, number>();
    let prev: string | undefined;
    for (let i = 0; i < text.length;) {
      const len = text.codePointAt(i)! > 0xffff ? 2 : 1;
      const c = text.slice(i, i + len);
      let a = advance.get(c);
      if (a === undefined) {
        a = this.width(c, face, size);
        advance.set(c, a);
      }
      if (prev !== undefined) {
        const two = prev + c;
        let k = pair.get(two);
        if (k === undefined) {
          k = this.width(two, face, size) - advance.get(prev)! - a;
          pair.set(two, k);
        }
        pairs.push(k);
      }
      starts.push(i);
      advances.push(a);
      prev = c;
      i += len;
    }
    starts.push(text.length);
    return { starts, advances, pairs };
  }

  blocks(blocks: readonly Block[], ctx: Context): void {
    for (const b of blocks) this.block(b, ctx);
  }

  private block(b: Block, ctx: Context): void {
    switch (b.kind) {
      case 'heading':
        return this.heading(b.level, b.runs, b.anchor, b.badge, ctx);
      case 'para': {
        const style = b.tone === 'journal' ? STYLE.journal : b.tone === 'note' ? STYLE.note : ctx.tight ? { ...STYLE.body, after: ITEM_GAP } : STYLE.body;
        const node = child('P', ctx.parent);
        const lines = this.text(b.runs, style, ctx.x, ctx.width, node);
        // The journal number stays with its heading; elsewhere no single line is left behind.
        if (b.tone === 'journal') for (const l of lines) l.keepWithNext = true;
        else widowsAndOrphans(lines);
        this.lines.push(...lines);
        return;
      }
      case 'list':
        return this.list(b.items, ctx);
      case 'quote': {
        const node = child('BlockQuote', ctx.parent);
        const start = this.lines.length;
        this.blocks(b.blocks, { ...ctx, x: ctx.x + QUOTE.indent, width: ctx.width - QUOTE.indent, parent: node });
        for (const l of this.lines.slice(start)) l.decorations.push({ kind: 'bar', x: ctx.x + QUOTE.barX });
        return;
      }
      case 'table':
        return this.table(b.rows, ctx);
      case 'fields':
        return this.fields(b.rows, ctx);
      case 'toc':
        return this.toc(b.entries, ctx);
      case 'sect': {
        const start = this.lines.length;
        this.blocks(b.blocks, { ...ctx, parent: child('Sect', ctx.parent) });
        const first = this.lines[start];
        if (b.newPage && first) first.breakBefore = true;
        return;
      }
      case 'rule':
        this.lines.push({ ...emptyLine(RULE.height), keepWithNext: true, decorations: [{ kind: 'rule', x: ctx.x, width: ctx.width, dy: RULE.dy }] });
        return;
      case 'signatures':
        return this.signatures(b.names, ctx);
    }
  }

  /** Room to sign, a line, and the name under it, for each name; a signature is never split from its name. */
  private signatures(names: readonly string[], ctx: Context): void {
    const width = Math.min(ctx.width, SIGNATURE_WIDTH);
    for (const name of names) {
      this.lines.push({ ...emptyLine(SIGNATURE_ROOM), keepWithNext: true, decorations: [{ kind: 'rule', x: ctx.x, width, dy: SIGNATURE_ROOM }] });
      const lines = this.text([{ text: name, face: 'regular' }], { ...STYLE.body, after: 4 }, ctx.x, width, child('P', ctx.parent));
      for (const l of lines.slice(0, -1)) l.keepWithNext = true;
      this.lines.push(...lines);
    }
  }

  private heading(level: number, runs: readonly Run[], anchor: Anchor | undefined, badge: string | undefined, ctx: Context): void {
    const style = level === 1 ? STYLE.h1 : level === 2 ? STYLE.h2 : level === 3 ? STYLE.h3 : STYLE.h4;
    const node = child(`H${level}`, ctx.parent);
    const pieces = this.pieces(runs, style, node);
    if (badge) {
      const b = STYLE.badge;
      const last = pieces[pieces.length - 1];
      if (last) last.space = true;
      const padX = BADGE_PAD_X;
      pieces.push({
        text: badge,
        width: this.width(badge, b.face, b.size) + 2 * padX,
        face: b.face,
        size: b.size,
        color: b.color,
        owner: child('Span', node),
        box: { fill: COLOR.badge, padX },
        space: false,
      });
    }
    const lines = this.breakLines(pieces, style, ctx.x, ctx.width);
    for (const l of lines) l.keepWithNext = true;
    if (anchor && lines[0]) lines[0].anchors.push(anchor);
    this.lines.push(...lines);
  }

  private list(items: readonly ListItem[], ctx: Context): void {
    const first = items[0]?.label ?? '';
    const list: StructNode = {
      role: 'L',
      parent: ctx.parent,
      listNumbering: /^\d/.test(first) ? 'Decimal' : first === '•' ? 'Disc' : first === '◦' ? 'Circle' : 'None',
    };
    const labelWidth = largest(items.map((i) => this.width(i.label, 'regular', STYLE.body.size)));
    const indent = Math.max(LIST_INDENT, labelWidth + LIST_LABEL_GAP);
    items.forEach((item) => {
      const li = child('LI', list);
      const lbl = child('Lbl', li);
      const seq = this.seq++;
      const start = this.lines.length;
      this.blocks(item.blocks, { x: ctx.x + indent, width: ctx.width - indent, parent: child('LBody', li), tight: true });
      const first = this.lines[start];
      if (!first) return;
      first.frags.unshift({
        seq,
        x: ctx.x,
        text: `${item.label} `,
        width: this.width(item.label, 'regular', STYLE.body.size),
        face: 'regular',
        size: STYLE.body.size,
        color: STYLE.body.color,
        owner: lbl,
      });
    });
    const last = this.lines[this.lines.length - 1];
    if (last && !ctx.tight) last.spaceAfter = Math.max(last.spaceAfter, STYLE.body.after);
  }

  private table(rows: readonly TableRow[], ctx: Context): void {
    const table = child('Table', ctx.parent);
    const columns = largest(rows.map((r) => r.cells.length));
    const gutter = TABLE.gutter;
    const widths = this.columnWidths(rows, columns, ctx.width - gutter * (columns - 1));
    const lefts = widths.map((_, c) => ctx.x + widths.slice(0, c).reduce((a, w) => a + w + gutter, 0));
    const tableWidth = widths.reduce((a, w) => a + w, 0) + gutter * (columns - 1);
    rows.forEach((row, r) => {
      const tr = child('TR', table);
      const cells = row.cells.map((cell, c) => {
        const node: StructNode = row.header ? { role: 'TH', parent: tr, scope: 'Column' } : { role: 'TD', parent: tr };
        const style = row.header ? { ...STYLE.body, face: 'bold' as const, after: 0 } : { ...STYLE.body, after: 0 };
        const x = lefts[c]!;
        const lines = this.text(cell.runs, style, x, widths[c]!, node);
        const how = cell.align;
        return how === 'left' ? lines : lines.map((l) => align(l, x, widths[c]!, how));
      });
      const lines = zipLines(cells);
      for (const l of lines.slice(0, -1)) l.keepWithNext = true;
      const last = lines[lines.length - 1];
      if (!last) return;
      last.spaceAfter = r === rows.length - 1 ? STYLE.body.after : TABLE.rowGap;
      if (row.header) {
        last.decorations.push({ kind: 'rule', x: ctx.x, width: tableWidth, dy: last.height + TABLE.headerRuleDy });
        last.keepWithNext = true;
      }
      this.lines.push(...lines);
    });
  }

  /**
   * The columns' widths, as a browser lays out a table: each as wide as its widest cell on one line
   * where they all fit (a table of two short columns is not stretched over the page); else each at
   * least as wide as its longest word, and the room left shared by how much more each would take.
   */
  private columnWidths(rows: readonly TableRow[], columns: number, room: number): number[] {
    const widest = new Array<number>(columns).fill(0);
    const longestWord = new Array<number>(columns).fill(0);
    const size = STYLE.body.size;
    const space = this.width(' ', 'regular', size);
    for (const row of rows)
      row.cells.forEach((cell, c) => {
        let line = 0;
        for (const run of cell.runs) {
          const face = row.header ? 'bold' : run.face;
          run.text.split('\n').forEach((part, k) => {
            // A line break in the cell starts its next line.
            if (k > 0) line = 0;
            for (const word of part.split(/[ \t]+/)) {
              if (word === '') continue;
              const w = this.wordWidth(word, face, size);
              longestWord[c] = Math.max(longestWord[c]!, w);
              line += (line > 0 ? space : 0) + w;
              widest[c] = Math.max(widest[c]!, line);
            }
          });
        }
      });
    const total = widest.reduce((a, w) => a + w, 0);
    if (total <= room) return widest.map((w) => Math.max(w, TABLE.leastColumn));
    const least = longestWord.map((w) => Math.min(w, room / columns));
    const leastTotal = least.reduce((a, w) => a + w, 0);
    const wanted = widest.map((w, c) => w - least[c]!);
    const wantedTotal = wanted.reduce((a, w) => a + w, 0);
    return least.map((w, c) => w + (wantedTotal > 0 ? ((room - leastTotal) * wanted[c]!) / wantedTotal : (room - leastTotal) / columns));
  }

  private fields(rows: readonly { readonly label: string; readonly value: string }[], ctx: Context): void {
    const table = child('Table', ctx.parent);
    rows.forEach((row, r) => {
      const tr = child('TR', table);
      const label = this.text([{ text: row.label, face: 'bold' }], STYLE.fieldLabel, ctx.x, FIELD_LABEL_WIDTH - FIELDS.labelGap, {
        role: 'TH',
        parent: tr,
        scope: 'Row',
      });
      const value = this.text([{ text: row.value, face: 'regular' }], STYLE.fieldValue, ctx.x + FIELD_LABEL_WIDTH, ctx.width - FIELD_LABEL_WIDTH, {
        role: 'TD',
        parent: tr,
      });
      const lines = zipLines([label, value]);
      for (const l of lines.slice(0, -1)) l.keepWithNext = true;
      const last = lines[lines.length - 1];
      if (last) last.spaceAfter = r === rows.length - 1 ? FIELDS.after : FIELDS.rowGap;
      this.lines.push(...lines);
    });
  }

  private toc(entries: readonly TocEntry[], ctx: Context): void {
    const toc = child('TOC', ctx.parent);
    const style = STYLE.toc;
    for (const e of entries) {
      const link = child('Link', child('Reference', child('TOCI', toc)));
      const page = String(this.tocPages.get(e.label) ?? 0);
      const target: LinkTarget = { kind: 'dest', name: destName(e.label) };
      const contents = this.labels.tocLink(annotationContents(e.title), page);
      const lines = this.text([{ text: e.title, face: 'regular' }], style, ctx.x, ctx.width - TOC_NUMBER_WIDTH - TOC.numberGap, link);
      const last = lines[lines.length - 1];
      if (!last) continue;
      const numberWidth = this.width(page, style.face, style.size);
      const numberX = ctx.x + ctx.width - numberWidth;
      // Each line of the entry is one link area; the annotation goes with the line's last fragment.
      for (const l of lines) {
        const f = l.frags[l.frags.length - 1];
        if (f && l !== last) l.frags[l.frags.length - 1] = { ...f, annotation: { x: ctx.x, width: ctx.width, target, contents } };
      }
      const lastFrag = last.frags[last.frags.length - 1];
      const textEnd = lastFrag ? lastFrag.x + lastFrag.width : ctx.x;
      // A space between title and page number in the text, so they are not read as one word.
      if (lastFrag) last.frags[last.frags.length - 1] = { ...lastFrag, text: `${lastFrag.text} ` };
      last.frags.push({
        seq: this.seq++,
        x: numberX,
        text: page,
        width: numberWidth,
        face: style.face,
        size: style.size,
        color: style.color,
        owner: link,
        annotation: { x: ctx.x, width: ctx.width, target, contents },
      });
      if (numberX - textEnd > TOC.leastDots) last.decorations.push({ kind: 'dots', x1: textEnd + TOC.dotsMargin, x2: numberX - TOC.dotsMargin });
      for (const l of lines) l.keepWithNext = true;
      last.keepWithNext = false;
      last.spaceAfter = TOC.entryGap;
      this.lines.push(...lines);
    }
    const last = this.lines[this.lines.length - 1];
    if (last) last.spaceAfter = STYLE.body.after;
  }

  /** Runs set in a style, broken into lines of at most `width`. */
  private text(runs: readonly Run[], style: TextStyle, x: number, width: number, owner: StructNode): Line[] {
    return this.breakLines(this.pieces(runs, style, owner), style, x, width);
  }

  private pieces(runs: readonly Run[], style: TextStyle, owner: StructNode): Piece[] {
    const out: Piece[] = [];
    // Consecutive runs with the same target are one link (one Link element).
    let linkNode: StructNode | undefined;
    let linkHref: string | undefined;
    let linkText = '';
    runs.forEach((run, r) => {
      let o = owner;
      let link: Piece['link'];
      if (run.href !== undefined) {
        if (run.href !== linkHref) {
          linkNode = child('Link', owner);
          linkHref = run.href;
          // The whole link's text, once per link (not once per run of it: a link of thousands of
          // bold and plain runs was quadratic).
          let text = '';
          for (let k = r; k < runs.length && runs[k]!.href === run.href; k++) text += runs[k]!.text;
          linkText = annotationContents(text);
        }
        o = linkNode!;
        link = { href: run.href, text: linkText };
      } else {
        linkHref = undefined;
      }
      const face: Face = style.face === 'bold' ? 'bold' : run.face === 'regular' ? style.face : run.face;
      for (const m of this.showable(run.text, face).matchAll(/\n|[^ \n]+ *| +/g)) {
        const t = m[0];
        if (t === '\n') {
          out.push({ text: '', width: 0, face, size: style.size, color: style.color, owner: o, space: false, hardBreak: true });
          continue;
        }
        if (t.trim() === '') {
          const prev = out[out.length - 1];
          if (prev && !prev.hardBreak) prev.space = true;
          continue;
        }
        const word = t.trimEnd();
        out.push({
          text: word,
          width: this.wordWidth(word, face, style.size),
          face,
          size: style.size,
          color: link ? COLOR.link : style.color,
          owner: o,
          ...(link ? { link } : {}),
          space: word.length < t.length,
        });
      }
    });
    return out;
  }

  /** Greedy line breaking at spaces; a word wider than the line is cut where it must be. */
  private breakLines(pieces: readonly Piece[], style: TextStyle, x: number, width: number): Line[] {
    const rows: Piece[][] = [];
    let row: Piece[] = [];
    let used = 0;
    let i = 0;
    while (i < pieces.length) {
      const p = pieces[i]!;
      if (p.hardBreak) {
        rows.push(row);
        row = [];
        used = 0;
        i++;
        continue;
      }
      // A word is the pieces up to the next break opportunity.
      let j = i;
      let w = 0;
      while (j < pieces.length && !pieces[j]!.hardBreak) {
        w += pieces[j]!.width;
        if (pieces[j]!.space) break;
        j++;
      }
      const end = Math.min(j, pieces.length - 1);
      const word = pieces.slice(i, end + 1).filter((q) => !q.hardBreak);
      const spaceBefore = row.length > 0 && row[row.length - 1]!.space ? this.width(' ', row[row.length - 1]!.face, row[row.length - 1]!.size) : 0;
      if (row.length > 0 && used + spaceBefore + w > width) {
        rows.push(row);
        row = [];
        used = 0;
        continue;
      }
      if (row.length === 0 && w > width) {
        // Longer than a whole line (a long web address): cut it into pieces that fit.
        for (const part of this.cut(word, width)) rows.push(part);
        row = rows.pop() ?? [];
        used = row.reduce((s, q) => s + q.width, 0);
        i += word.length;
        continue;
      }
      row.push(...word);
      used += spaceBefore + w;
      i += word.length;
    }
    if (row.length > 0 || rows.length === 0) rows.push(row);
    const lines = rows.map((r, n) => this.line(r, style, x, { lastOfBlock: n === rows.length - 1 }));
    // A link that wraps stays on one page: one Link element, its annotations on one page.
    for (let n = 0; n + 1 < lines.length; n++) {
      const a = lines[n]!.frags[lines[n]!.frags.length - 1];
      const b = lines[n + 1]!.frags[0];
      if (a?.annotation && b && a.owner === b.owner) lines[n]!.keepWithNext = true;
    }
    return lines;
  }

  /**
   * A word wider than the line, cut into rows that fit. Where a row ends is found by adding up its
   * characters' advances and pairs (`Glyphs`, each measured once); the row is then measured as the
   * font sets it, and moved by a character if that disagrees. Measuring ever longer prefixes
   * instead made a 5,000-character word cost a minute and gigabytes.
   */
  private cut(word: readonly Piece[], width: number): Piece[][] {
    const rows: Piece[][] = [];
    let row: Piece[] = [];
    let used = 0;
    for (const p of word) {
      const { starts, advances, pairs } = this.glyphs(p.text, p.face, p.size);
      const count = advances.length;
      const doubt = ESTIMATE_DOUBT_EM * p.size;
      const textOf = (from: number, to: number): string => p.text.slice(starts[from], starts[to]);
      const fits = (from: number, to: number): boolean => used + this.width(textOf(from, to), p.face, p.size) <= width;
      let at = 0;
      while (at < count) {
        // The most characters that fit by the estimate, at least one …
        let n = 0;
        let estimate = 0;
        const next = (): number => estimate + advances[at + n]! + (n > 0 ? pairs[at + n - 1]! : 0);
        while (at + n < count && used + next() <= width) {
          estimate = next();
          n++;
        }
        if (n === 0) {
          n = 1;
          estimate = advances[at]!;
        }
        // … then the font's own width decides; one more is tried only where the estimate is in
        // doubt (the font's rules reach past a pair).
        if (fits(at, at + n)) {
          while (at + n < count && used + estimate + advances[at + n]! + pairs[at + n - 1]! <= width + doubt && fits(at, at + n + 1)) {
            estimate += advances[at + n]! + pairs[at + n - 1]!;
            n++;
          }
        } else while (n > 1 && !fits(at, at + n)) n--;
        if (used > 0 && !fits(at, at + n)) {
          rows.push(row);
          row = [];
          used = 0;
          continue;
        }
        const text = textOf(at, at + n);
        at += n;
        const w = this.width(text, p.face, p.size);
        row.push({ ...p, text, width: w, space: at === count ? p.space : false });
        used += w;
      }
    }
    if (row.length > 0) rows.push(row);
    return rows;
  }

  /** One line: pieces merged into fragments where face, owner and link agree. */
  private line(row: readonly Piece[], style: TextStyle, x: number, where: { lastOfBlock: boolean }): Line {
    const { lastOfBlock } = where;
    const height = style.size * style.leading;
    const line: Line = { ...emptyLine(height), baseline: (height - style.size) / 2 + style.size * ASCENT };
    let cx = x;
    let current: { x: number; text: string; width: number; piece: Piece } | undefined;
    const flush = (): void => {
      if (!current) return;
      const p = current.piece;
      line.frags.push({
        seq: this.seq++,
        x: current.x + (p.box?.padX ?? 0),
        text: current.text,
        width: current.width,
        face: p.face,
        size: p.size,
        color: p.color,
        owner: p.owner,
        ...(p.link
          ? { annotation: { x: current.x, width: current.width, target: { kind: 'uri', uri: p.link.href }, contents: p.link.text }, underline: true }
          : {}),
        ...(p.box ? { box: p.box, width: current.width - 2 * p.box.padX } : {}),
      });
      current = undefined;
    };
    row.forEach((p, n) => {
      const spaceWidth = p.space ? this.width(' ', p.face, p.size) : 0;
      // The space after a line's last word stays in the text (so words never run together when
      // the text is read out), but takes no room.
      const text = p.text + (p.space && (n < row.length - 1 || !lastOfBlock) ? ' ' : '');
      const same =
        current &&
        current.piece.face === p.face &&
        current.piece.owner === p.owner &&
        current.piece.link?.href === p.link?.href &&
        !p.box &&
        !current.piece.box &&
        current.piece.size === p.size;
      if (current && same) {
        current.text += text;
        current.width = cx + p.width - current.x;
      } else {
        flush();
        current = { x: cx, text, width: p.width, piece: p };
      }
      cx += p.width + (n < row.length - 1 ? spaceWidth : 0);
    });
    flush();
    if (lastOfBlock) line.spaceAfter = style.after;
    return line;
  }
}

function child(role: string, parent: StructNode): StructNode {
  return { role, parent };
}

function emptyLine(height: number): Line {
  return { height, baseline: height, spaceBefore: 0, spaceAfter: 0, keepWithNext: false, breakBefore: false, frags: [], decorations: [], anchors: [] };
}

/** A cell's line moved to the right or the middle of its column. */
function align(line: Line, x: number, width: number, how: 'right' | 'center'): Line {
  const last = line.frags[line.frags.length - 1];
  if (!last) return line;
  const free = x + width - (last.x + last.width);
  const shift = how === 'right' ? free : free / 2;
  return {
    ...line,
    frags: line.frags.map((f) => ({ ...f, x: f.x + shift, ...(f.annotation ? { annotation: { ...f.annotation, x: f.annotation.x + shift } } : {}) })),
  };
}

/** No first line alone at a page's foot, no last line alone at a page's head. */
function widowsAndOrphans(lines: readonly Line[]): void {
  if (lines.length < 2) return;
  lines[0]!.keepWithNext = true;
  lines[lines.length - 2]!.keepWithNext = true;
}

/** Side-by-side cells as one column of lines: line n holds every cell's line n. */
function zipLines(cells: readonly (readonly Line[])[]): Line[] {
  const n = largest(cells.map((c) => c.length));
  const out: Line[] = [];
  for (let i = 0; i < n; i++) {
    const parts = cells.map((c) => c[i]).filter((l): l is Line => l !== undefined);
    const height = largest(parts.map((l) => l.height));
    const baseline = largest(parts.map((l) => l.baseline));
    out.push({ ...emptyLine(height), baseline, frags: parts.flatMap((l) => l.frags), decorations: parts.flatMap((l) => l.decorations) });
  }
  return out;
}

function sum(values: readonly number[], from: number, to: number): number {
  let total = 0;
  for (let i = from; i < to; i++) total += values[i]!;
  return total;
}

/** A link's text as its annotations say it: white space folded, and at most `MAX_ANNOTATION_CONTENTS` characters. */
function annotationContents(text: string): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  if (folded.length <= MAX_ANNOTATION_CONTENTS) return folded;
  const cut = /[\ud800-\udbff]/.test(folded[MAX_ANNOTATION_CONTENTS - 1]!) ? MAX_ANNOTATION_CONTENTS - 1 : MAX_ANNOTATION_CONTENTS;
  return `${folded.slice(0, cut)}…`;
}

/** The largest of the values, -Infinity for none, as Math.max gives it: reduced, not spread, so a list or a table of a hundred thousand entries is no call of as many arguments. */
function largest(values: readonly number[]): number {
  return values.reduce((most, v) => Math.max(most, v), -Infinity);
}

// HTML as text, the way a browser lays it out where minutes care: block elements on their own lines,
// a blank line before a heading, list items as `- ` or `1. `, a `<br>` ends a line, table cells joined
// by a tab, entities decoded, no markup left over. Every word of the text is kept; only what a
// browser does not show (scripts, styles, `hidden` elements) is left out.
import { childrenOf, isElement, isScriptOrStyle, isText, parseHtml, type DomDocument, type DomElement, type DomNode } from './dom';

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

/** The lines of some nodes of a parsed page. */
export function layoutNodes(nodes: readonly (DomNode | DomDocument)[]): string[] {
  const out = new Lines();
  for (const n of nodes) walk(n, out);
  return out.finish();
}

class Lines {
  private readonly lines: string[] = [];
  private current = '';
  /** A list item's marker, waiting for the item's first words (which may sit in a nested block). */
  private marker = '';

  text(t: string): void {
    this.current += t;
  }

  /** Ends the line being written, if it has any words. */
  flush(): void {
    // Control characters too: a line break of any kind (NEL, LS, PS) from the source never splits a line.
    const t = this.current.replace(/[\s\u00A0\u2007\u202F\p{Cc}]+/gu, ' ').trim();
    this.current = '';
    if (t === '') return;
    this.lines.push(this.marker + t);
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

function walk(node: DomNode | DomDocument, out: Lines): void {
  if (isText(node)) {
    out.text(node.data);
    return;
  }
  if (!isElement(node)) {
    for (const c of childrenOf(node)) walk(c, out);
    return;
  }
  const name = node.name.toLowerCase();
  if (INVISIBLE.has(name) || isScriptOrStyle(node) || hidden(node)) return;
  if (name === 'br') {
    out.flush();
    return;
  }
  if (HEADINGS.has(name)) {
    out.blank();
    children(node, out);
    out.flush();
    return;
  }
  if (name === 'ul' || name === 'ol') {
    out.flush();
    list(node, name === 'ol', out);
    return;
  }
  if (name === 'li') {
    // An item outside a list: a bullet, as a browser draws it.
    out.startItem('- ');
    children(node, out);
    out.endItem();
    return;
  }
  if (name === 'table') {
    out.flush();
    table(node, out);
    return;
  }
  if (name === 'td' || name === 'th') {
    out.text(' ');
    children(node, out);
    out.text(' ');
    return;
  }
  if (BLOCKS.has(name)) {
    out.flush();
    children(node, out);
    out.flush();
    return;
  }
  children(node, out);
}

function children(node: DomNode | DomDocument, out: Lines): void {
  for (const c of childrenOf(node)) walk(c, out);
}

/** `start="3"` and `type="A"` or `list-style-type: upper-alpha` as a browser numbers the items. */
function list(e: DomElement, ordered: boolean, out: Lines): void {
  const start = Number.parseInt(e.attribs.start ?? '1', 10);
  let n = Number.isFinite(start) ? start : 1;
  const style = /list-style-type\s*:\s*([a-z-]+)/i.exec(e.attribs.style ?? '')?.[1]?.toLowerCase();
  const type = e.attribs.type ?? (style === 'upper-alpha' || style === 'upper-latin' ? 'A' : style === 'lower-alpha' || style === 'lower-latin' ? 'a' : '1');
  for (const c of childrenOf(e)) {
    if (isElement(c) && c.name.toLowerCase() === 'li' && !hidden(c)) {
      const value = Number.parseInt(c.attribs.value ?? '', 10);
      if (Number.isFinite(value)) n = value;
      out.startItem(ordered ? `${counter(n, type)}. ` : '- ');
      children(c, out);
      out.endItem();
      n++;
    } else walk(c, out);
  }
}

function counter(n: number, type: string): string {
  if ((type === 'A' || type === 'a') && n >= 1 && n <= 26) {
    const letter = String.fromCharCode(64 + n);
    return type === 'a' ? letter.toLowerCase() : letter;
  }
  return String(n);
}

/** Rows on their own lines, cells joined by a tab; a cell that holds blocks of its own is laid out as they are. */
function table(e: DomElement, out: Lines): void {
  const rows: DomElement[] = [];
  const collect = (n: DomNode | DomDocument): void => {
    for (const c of childrenOf(n)) {
      if (!isElement(c) || hidden(c)) continue;
      const name = c.name.toLowerCase();
      if (name === 'tr') rows.push(c);
      else if (name === 'thead' || name === 'tbody' || name === 'tfoot') collect(c);
      else if (name === 'caption') out.push(layoutNodes([c]));
    }
  };
  collect(e);
  for (const row of rows) {
    const cells = childrenOf(row)
      .filter((c): c is DomElement => isElement(c) && (c.name.toLowerCase() === 'td' || c.name.toLowerCase() === 'th') && !hidden(c))
      .map((c) => layoutNodes([...childrenOf(c)]));
    const filled = cells.filter((c) => c.length > 0);
    if (filled.every((c) => c.length === 1)) out.push(filled.length > 0 ? [filled.map((c) => c[0]).join('\t')] : []);
    else for (const c of filled) out.push(c);
  }
}

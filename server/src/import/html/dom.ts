// The little of a DOM the readers need, over htmlparser2's (a forgiving parser of HTML and XML).
import { DomHandler, ElementType, Parser, type ParserOptions } from 'htmlparser2';

export type DomDocument = DomHandler['root'];
export type DomNode = DomDocument['children'][number];
export type DomElement = Extract<DomNode, { name: string; attribs: Record<string, string> }>;

/**
 * Deeper than any page is nested, even one whose word processor never closed a `<span>` (20,000
 * levels import): htmlparser2 keeps its open elements in a list it adds to at the front, so each
 * element opened costs as many steps as are open, and a file of 160,000 nested elements took 39 s.
 */
export const MAX_NESTING = 25_000;

/** Thrown by the parsers past {@link MAX_NESTING}; the import's one line says the file cannot be read. */
export class NestedTooDeep extends Error {
  constructor() {
    super(`elements nested more than ${MAX_NESTING} deep`);
    this.name = 'NestedTooDeep';
  }
}

/** htmlparser2's tree builder, counting the elements open. */
class NestingHandler extends DomHandler {
  depth = 0;

  override onopentag(name: string, attribs: Record<string, string>): void {
    if (++this.depth > MAX_NESTING) throw new NestedTooDeep();
    super.onopentag(name, attribs);
  }

  override onclosetag(): void {
    this.depth--;
    super.onclosetag();
  }
}

/** The XML documents whose end came with elements still open: a file cut off. */
const cutOff = new WeakSet<DomDocument>();

function parseWith(text: string, options: ParserOptions): DomDocument {
  const handler = new NestingHandler(undefined, options);
  const parser = new Parser(handler, options);
  parser.write(text);
  // Elements still open when the text is read, before its end closes them: in XML, a file cut off.
  const open = handler.depth;
  parser.end();
  if (options.xmlMode === true && open > 0) cutOff.add(handler.root);
  return handler.root;
}

/** Whether the XML document ended with elements not closed (its root's end tag missing): it was cut off. */
export function endsUnclosed(doc: DomDocument): boolean {
  return cutOff.has(doc);
}

/** An HTML page or fragment as a tree; entities are decoded. Throws {@link NestedTooDeep} only. */
export function parseHtml(html: string): DomDocument {
  return parseWith(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
}

/** An XML document as a tree: tag names as written, CDATA sections as text. Throws {@link NestedTooDeep} only. */
export function parseXml(xml: string): DomDocument {
  return parseWith(xml, { xmlMode: true, decodeEntities: true, recognizeCDATA: true });
}

/** A run of text (CDATA's text included: it is the child of its section). */
export function isText(node: DomNode | DomDocument): node is Extract<DomNode, { data: string }> {
  return node.type === ElementType.Text && 'data' in node;
}

/** A script or a style: never shown. */
export function isScriptOrStyle(node: DomNode | DomDocument): boolean {
  return node.type === ElementType.Script || node.type === ElementType.Style;
}

export function isElement(node: DomNode | DomDocument): node is DomElement {
  return 'name' in node && 'attribs' in node;
}

export function childrenOf(node: DomNode | DomDocument): readonly DomNode[] {
  return 'children' in node ? node.children : [];
}

/**
 * Every node below `node` in document order, its own children before its next sibling's, without
 * recursion: a page nested thousands of elements deep is walked like any other. `skip` leaves an
 * element's children out.
 */
function* descendants(node: DomNode | DomDocument, skip: (e: DomElement) => boolean = () => false): Generator<DomNode> {
  const stack: DomNode[] = [...childrenOf(node)].reverse();
  while (stack.length > 0) {
    const n = stack.pop()!;
    yield n;
    if (isElement(n) && skip(n)) continue;
    const kids = childrenOf(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
}

/** Every element below `node` that passes `test`, in document order. */
export function findAll(node: DomNode | DomDocument, test: (e: DomElement) => boolean): DomElement[] {
  const out: DomElement[] = [];
  for (const n of descendants(node)) if (isElement(n) && test(n)) out.push(n);
  return out;
}

export function findFirst(node: DomNode | DomDocument, test: (e: DomElement) => boolean): DomElement | undefined {
  for (const n of descendants(node)) if (isElement(n) && test(n)) return n;
  return undefined;
}

/** The element's direct children that are elements with that tag name. */
export function childElements(node: DomNode | DomDocument, name?: string): DomElement[] {
  return childrenOf(node).filter((c): c is DomElement => isElement(c) && (name === undefined || c.name === name));
}

export function hasClass(e: DomElement, cls: string): boolean {
  return (e.attribs.class ?? '').split(/\s+/).includes(cls);
}

/** All the text below a node, as written (CDATA included). */
export function rawText(node: DomNode | DomDocument): string {
  if (isText(node)) return node.data;
  const parts: string[] = [];
  for (const n of descendants(node)) if (isText(n)) parts.push(n.data);
  return parts.join('');
}

/** The text below a node with its white space run together, as a browser shows inline text. */
export function inlineText(node: DomNode | DomDocument): string {
  return collapse(rawText(node));
}

/** White space (no-break spaces included) and control characters as single spaces, none at the ends; invisible characters gone. */
function collapse(text: string): string {
  return spaceRuns(replaceInPieces(text, /\u200B|\u200C|\u200D|\u2060|\uFEFF|\u00AD/g, '')).trim();
}

/**
 * A text this long is replaced in a piece at a time: V8 builds the result of one replace with
 * millions of matches (50 MB of words, a page's one paragraph) as a rope of millions of strings,
 * 1.2 GB for 50 MB; pieces joined are one flat string.
 */
const PIECE = 1 << 16;

/** `text.replace(pattern, replacement)` for a global pattern whose matches are short, in bounded memory. */
export function replaceInPieces(text: string, pattern: RegExp, replacement: string): string {
  if (text.length <= PIECE) return text.replace(pattern, replacement);
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += PIECE) parts.push(text.slice(i, i + PIECE).replace(pattern, replacement));
  return parts.join('');
}

// Runs of white space but a lone plain space, which is left as it is: prose has one between every two
// words, and a replace that rewrote each of those would do millions of needless replacements.
const SPACE_RUNS = / [\s\u00A0\u2007\u202F\p{Cc}]+|(?! )[\s\u00A0\u2007\u202F\p{Cc}]+/gu;

/** Every run of white space and control characters as one space, in bounded memory whatever the text's length. */
export function spaceRuns(text: string): string {
  const spaced = replaceInPieces(text, SPACE_RUNS, ' ');
  // A run cut where two pieces meet is two spaces: one again.
  return text.length <= PIECE ? spaced : spaced.replace(/ {2,}/g, ' ');
}

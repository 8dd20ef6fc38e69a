// The little of a DOM the readers need, over htmlparser2's (a forgiving parser of HTML and XML).
import { ElementType, parseDocument } from 'htmlparser2';

export type DomDocument = ReturnType<typeof parseDocument>;
export type DomNode = DomDocument['children'][number];
export type DomElement = Extract<DomNode, { name: string; attribs: Record<string, string> }>;

/** An HTML page or fragment as a tree; entities are decoded, nothing is ever thrown. */
export function parseHtml(html: string): DomDocument {
  return parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
}

/** An XML document as a tree: tag names as written, CDATA sections as text. */
export function parseXml(xml: string): DomDocument {
  return parseDocument(xml, { xmlMode: true, decodeEntities: true, recognizeCDATA: true });
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

/** Every element below `node` that passes `test`, in document order. */
export function findAll(node: DomNode | DomDocument, test: (e: DomElement) => boolean): DomElement[] {
  const out: DomElement[] = [];
  const walk = (n: DomNode | DomDocument): void => {
    for (const c of childrenOf(n)) {
      if (isElement(c)) {
        if (test(c)) out.push(c);
        walk(c);
      }
    }
  };
  walk(node);
  return out;
}

export function findFirst(node: DomNode | DomDocument, test: (e: DomElement) => boolean): DomElement | undefined {
  for (const c of childrenOf(node)) {
    if (!isElement(c)) continue;
    if (test(c)) return c;
    const below = findFirst(c, test);
    if (below) return below;
  }
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
  return childrenOf(node).map(rawText).join('');
}

/** The text below a node with its white space run together, as a browser shows inline text. */
export function inlineText(node: DomNode | DomDocument): string {
  return collapse(rawText(node));
}

/** White space (no-break spaces included) and control characters as single spaces, none at the ends; invisible characters gone. */
export function collapse(text: string): string {
  return text
    .replace(/\u200B|\u200C|\u200D|\u2060|\uFEFF|\u00AD/g, '')
    .replace(/[\s\u00A0\u2007\u202F\p{Cc}]+/gu, ' ')
    .trim();
}

// Reads a PDF back the way assistive technology and viewers do, with pdf.js (legacy build on Node).
import { inflateSync } from 'node:zlib';

import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

type PdfJs = typeof PdfJsModule;
type PdfDoc = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

let pdfjs: Promise<PdfJs> | undefined;
// pdf.js is ESM only: loaded at run time, outside the test bundle.
const loadPdfJs = (): Promise<PdfJs> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** A structure element as seen on one page: its role, its own text there and all text below it. */
export interface Element {
  readonly role: string;
  readonly ownText: string;
  readonly deepText: string;
  readonly depth: number;
  readonly children: readonly Element[];
  readonly annotations: number;
}

export interface PageInfo {
  /** 1-based. */
  readonly number: number;
  /** All text on the page, white space folded. */
  readonly text: string;
  /** Structure elements with content on this page, in tree (reading) order. */
  readonly elements: readonly Element[];
  /** Text drawn outside any marked content: neither tagged nor an artifact. */
  readonly untagged: readonly string[];
  /** Text marked as artifact (page furniture). */
  readonly artifactText: string;
  /** Role of the element that owns the page's last tagged content, in content order. */
  readonly lastContentRole: string | undefined;
  readonly annotations: readonly {
    readonly subtype: string;
    readonly url?: string;
    readonly dest?: unknown;
    readonly contents: string;
    readonly structParent: number;
  }[];
}

export interface OutlineEntry {
  readonly title: string;
  readonly page: number;
  readonly items: readonly OutlineEntry[];
}

export interface PdfInfo {
  readonly numPages: number;
  readonly pages: readonly PageInfo[];
  readonly outline: readonly OutlineEntry[];
  readonly info: Record<string, unknown>;
  readonly xmpTitle: string | undefined;
  readonly xmpRaw: string | undefined;
  readonly displayDocTitle: boolean;
  readonly marked: boolean;
  /** Page (1-based) of a named destination. */
  destinationPage(name: string): Promise<number | undefined>;
}

export const fold = (s: string): string => s.replace(/\s+/g, ' ').trim();

export async function inspectPdf(bytes: Uint8Array): Promise<PdfInfo> {
  const { getDocument } = await loadPdfJs();
  const doc: PdfDoc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  const pages: PageInfo[] = [];
  for (let n = 1; n <= doc.numPages; n++) pages.push(await inspectPage(doc, n));
  const meta = await doc.getMetadata();
  const prefs = (await doc.getViewerPreferences()) as Record<string, unknown> | null;
  const markInfo = (await doc.getMarkInfo()) as { Marked?: boolean } | null;
  const pageOfDest = async (dest: unknown): Promise<number> => {
    const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : (dest as unknown[] | null);
    if (!explicit) return -1;
    return (await doc.getPageIndex(explicit[0] as { num: number; gen: number })) + 1;
  };
  type RawOutline = { title: string; dest: unknown; items: RawOutline[] };
  const outline = async (items: readonly RawOutline[] | null): Promise<OutlineEntry[]> =>
    Promise.all((items ?? []).map(async (o) => ({ title: o.title, page: await pageOfDest(o.dest), items: await outline(o.items) })));
  const metadata = meta.metadata as { get(name: string): unknown; getRaw(): string } | null;
  return {
    numPages: doc.numPages,
    pages,
    outline: await outline(await doc.getOutline()),
    info: meta.info as Record<string, unknown>,
    xmpTitle: metadata?.get('dc:title') as string | undefined,
    xmpRaw: metadata?.getRaw(),
    displayDocTitle: prefs?.['DisplayDocTitle'] === true,
    marked: markInfo?.Marked === true,
    destinationPage: async (name) => {
      const p = await pageOfDest(name);
      return p > 0 ? p : undefined;
    },
  };
}

type StructNode = { role?: string; type?: string; id?: string; children?: StructNode[] };

async function inspectPage(doc: PdfDoc, number: number): Promise<PageInfo> {
  const page = await doc.getPage(number);
  const content = await page.getTextContent({ includeMarkedContent: true });
  const byId = new Map<string, string[]>();
  const order: string[] = [];
  const untagged: string[] = [];
  const artifact: string[] = [];
  const stack: { id?: string; tag?: string }[] = [];
  for (const item of content.items) {
    if ('type' in item) {
      if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') stack.push(markedContent(item));
      else if (item.type === 'endMarkedContent') stack.pop();
      continue;
    }
    if (item.str === '') continue;
    const id = [...stack].reverse().find((m) => m.id)?.id;
    if (stack.some((m) => m.tag === 'Artifact')) artifact.push(item.str);
    else if (id) {
      if (!byId.has(id)) {
        byId.set(id, []);
        order.push(id);
      }
      byId.get(id)!.push(item.str);
    } else if (item.str.trim() !== '') untagged.push(item.str);
  }
  const text = (id: string): string => (byId.get(id) ?? []).join(' ');
  const ownerRole = new Map<string, string>();
  const walk = (n: StructNode, depth: number): Element | undefined => {
    if (n.type === 'content' || n.type === 'object') return undefined;
    const kids = n.children ?? [];
    const own = kids.filter((c) => c.type === 'content' && c.id).map((c) => text(c.id!));
    for (const c of kids) if (c.type === 'content' && c.id && n.role) ownerRole.set(c.id, n.role);
    const children = kids.map((c) => walk(c, depth + 1)).filter((e): e is Element => e !== undefined);
    const deepText = fold([...own, ...children.map((c) => c.deepText)].join(' '));
    return { role: n.role ?? '', ownText: fold(own.join(' ')), deepText, depth, children, annotations: kids.filter((c) => c.type === 'object').length };
  };
  const tree = (await page.getStructTree()) as StructNode | null;
  const elements: Element[] = [];
  const flatten = (e: Element): void => {
    elements.push(e);
    e.children.forEach(flatten);
  };
  if (tree) {
    const root = walk(tree, 0);
    if (root) flatten(root);
  }
  const annotations = (
    (await page.getAnnotations()) as { subtype: string; url?: string; dest?: unknown; contentsObj?: { str: string }; structParent?: number }[]
  ).map((a) => ({
    subtype: a.subtype,
    ...(a.url !== undefined ? { url: a.url } : {}),
    ...(a.dest !== undefined ? { dest: a.dest } : {}),
    contents: a.contentsObj?.str ?? '',
    structParent: a.structParent ?? -1,
  }));
  const last = order[order.length - 1];
  return {
    number,
    text: fold(content.items.map((i) => ('str' in i ? i.str : ' ')).join(' ')),
    elements,
    untagged,
    artifactText: fold(artifact.join(' ')),
    lastContentRole: last ? ownerRole.get(last) : undefined,
    annotations,
  };
}

/** Every byte string in the file: the raw file and each Flate stream inflated, as latin1 and as UTF-16BE. */
export function rawStrings(bytes: Uint8Array): string[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = [buf.toString('latin1')];
  const s = out[0]!;
  for (let at = s.indexOf('stream'); at >= 0; at = s.indexOf('stream', at + 6)) {
    let start = at + 6;
    if (s[start] === '\r') start++;
    if (s[start] === '\n') start++;
    const end = s.indexOf('endstream', start);
    if (end < 0) break;
    try {
      out.push(inflateSync(buf.subarray(start, end)).toString('latin1'));
    } catch {
      // Not Flate (or not a stream at all): the raw text above covers it.
    }
  }
  // PDF text strings with letters outside Latin-1 are UTF-16BE, at either byte alignment.
  return out.flatMap((t) => [t, utf16be(t, 0), utf16be(t, 1)]);
}

function utf16be(latin1: string, offset: number): string {
  const b = Buffer.from(latin1, 'latin1').subarray(offset);
  return Buffer.from(b.subarray(0, b.length - (b.length % 2)))
    .swap16()
    .toString('utf16le');
}

/** pdf.js's marked-content item: its id (tagged content) or tag (Artifact); its types know only the id. */
function markedContent(item: object): { id?: string; tag?: string } {
  const m = item as { id?: unknown; tag?: unknown };
  return { ...(typeof m.id === 'string' ? { id: m.id } : {}), ...(typeof m.tag === 'string' ? { tag: m.tag } : {}) };
}

const PAINT = new Set(['Tj', 'TJ', "'", '"', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'S', 's', 'Do', 'sh']);

/**
 * Painting operators outside any marked-content sequence in the page content streams: content
 * that is neither tagged nor an artifact (PDF/UA wants none). pdfkit writes text as hex strings,
 * so splitting on white space and delimiters finds the operators.
 */
export function unmarkedPainting(bytes: Uint8Array): string[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const s = buf.toString('latin1');
  const found: string[] = [];
  const streamStart = /\bstream\r?\n/g;
  for (let m = streamStart.exec(s); m; m = streamStart.exec(s)) {
    // The stream's dictionary: from its object's `obj` to `stream`.
    const objAt = s.lastIndexOf(' obj', m.index);
    const dict = s.slice(objAt, m.index);
    const id = /(\d+) \d+$/.exec(s.slice(Math.max(0, objAt - 20), objAt))?.[1] ?? '?';
    // Page contents have only /Length and /Filter; fonts, images and metadata say what they are.
    if (/\/(Type|Subtype|Length1|Width)\b/.test(dict)) continue;
    const start = m.index + m[0].length;
    const end = s.indexOf('endstream', start);
    let text: string;
    try {
      text = /FlateDecode/.test(dict) ? inflateSync(buf.subarray(start, end)).toString('latin1') : s.slice(start, end);
    } catch {
      continue;
    }
    let depth = 0;
    for (const token of text.replace(/<[0-9a-fA-F\s]*>|\([^)]*\)|\[|\]/g, ' ').split(/\s+/)) {
      if (token === 'BDC' || token === 'BMC') depth++;
      else if (token === 'EMC') depth--;
      else if (depth === 0 && PAINT.has(token)) found.push(`object ${id}: ${token}`);
    }
  }
  return found;
}

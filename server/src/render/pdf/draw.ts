// Draws laid-out pages with pdfkit: every text fragment inside a marked-content sequence that
// belongs to its structure element, page furniture and decoration as artifacts.
import type PDFDocument from 'pdfkit';
import type { PdfImage, PdfOutline, PdfStructElement } from 'pdfkit';
import { FONT_NAMES } from './fonts';
import { destName, type Frag, type LaidOut, type PlacedLine, type StructNode } from './layout';
import type { PdfDocumentModel } from './model';
import { COLOR, FURNITURE, PAGE, STYLE } from './style';

export interface Furniture {
  readonly municipality?: string;
  readonly logo?: PdfImage;
}

/** Makes the PDF structure elements in reading order, and ends each as soon as reading has left it. */
class StructWriter {
  private readonly elements = new Map<StructNode, PdfStructElement>();
  private readonly ended = new Set<StructNode>();
  private open: StructNode[] = [];

  constructor(private readonly doc: PDFDocument) {}

  /**
   * Elements left while reading stays in their table row: a row's cells are drawn line by line
   * side by side, so reading goes back to a cell it left (a cell longer than its neighbours, or
   * than a page). They end with their row.
   */
  private readonly deferred = new Map<StructNode, StructNode[]>();

  /** The element for `node`, after ending every open element that is not one of its ancestors. */
  enter(node: StructNode): PdfStructElement {
    const path: StructNode[] = [];
    for (let n: StructNode | undefined = node; n; n = n.parent) path.unshift(n);
    let common = 0;
    while (common < this.open.length && common < path.length && this.open[common] === path[common]) common++;
    for (let i = this.open.length - 1; i >= common; i--) {
      const left = this.open[i]!;
      const row = rowOf(left);
      if (row && row !== left && path.includes(row)) {
        const list = this.deferred.get(row) ?? [];
        if (!list.includes(left)) list.push(left);
        this.deferred.set(row, list);
      } else this.end(left);
    }
    for (let i = common; i < path.length; i++) this.make(path[i]!);
    this.open = path;
    return this.elements.get(node)!;
  }

  finish(): void {
    for (let i = this.open.length - 1; i >= 0; i--) this.end(this.open[i]!);
    this.open = [];
  }

  private make(node: StructNode): void {
    if (this.ended.has(node)) throw new Error(`structure element ${node.role} reopened after it was ended`);
    if (this.elements.has(node)) return;
    const element = this.doc.struct(node.role, node.scope ? { scope: node.scope } : {});
    // pdfkit has no option for list attributes; its element's dictionary is written when it ends.
    if (node.listNumbering) element.dictionary.data['A'] = { O: 'List', ListNumbering: node.listNumbering };
    this.elements.set(node, element);
    if (node.parent) this.elements.get(node.parent)!.add(element);
    else this.doc.addStructure(element);
  }

  private end(node: StructNode): void {
    if (this.ended.has(node)) return;
    // A row's cells (and what is inside them) end before the row, the innermost first.
    const inside = this.deferred.get(node);
    if (inside) {
      this.deferred.delete(node);
      for (let i = inside.length - 1; i >= 0; i--) this.end(inside[i]!);
    }
    this.elements.get(node)?.end();
    this.ended.add(node);
  }
}

/** The table row a structure node stands in (itself, if it is one). */
function rowOf(node: StructNode): StructNode | undefined {
  for (let n: StructNode | undefined = node; n; n = n.parent) if (n.role === 'TR') return n;
  return undefined;
}

export function drawPages(doc: PDFDocument, laidOut: LaidOut, model: PdfDocumentModel, furniture: Furniture): void {
  const structs = new StructWriter(doc);
  const total = laidOut.pages.length;
  let punktOutline: PdfOutline | undefined;
  laidOut.pages.forEach((page, index) => {
    doc.addPage({ size: 'A4', margin: 0 });
    drawHeader(doc, model, furniture);
    for (const placed of page) {
      drawDecorations(doc, placed);
      for (const a of placed.line.anchors) {
        const top = Math.max(0, placed.y - 6);
        const at = { fit: false, top, left: PAGE.width, zoom: 0 } as const;
        if (a.kind === 'punkt') {
          doc.addNamedDestination(destName(a.label), 'XYZ', 0, top, null);
          punktOutline = doc.outline.addItem(a.title, at);
        } else if (punktOutline) {
          punktOutline.addItem(a.title, at);
        }
      }
    }
    // Reading order, which is not always top to bottom (a table row's cells side by side).
    const frags = page.flatMap((p) => p.line.frags.map((frag) => ({ frag, placed: p }))).sort((a, b) => a.frag.seq - b.frag.seq);
    let i = 0;
    while (i < frags.length) {
      // One marked-content sequence per run of fragments of one element on one line.
      let j = i + 1;
      while (j < frags.length && frags[j]!.frag.owner === frags[i]!.frag.owner && frags[j]!.placed === frags[i]!.placed && !frags[j - 1]!.frag.annotation) j++;
      for (let k = i; k < j; k++) drawTextDecoration(doc, frags[k]!.frag, frags[k]!.placed);
      const owner = frags[i]!.frag.owner;
      const element = structs.enter(owner);
      const content = doc.markStructureContent(owner.role);
      for (let k = i; k < j; k++) drawText(doc, frags[k]!.frag, frags[k]!.placed);
      doc.endMarkedContent();
      element.add(content);
      for (let k = i; k < j; k++) {
        const { frag, placed } = frags[k]!;
        if (frag.annotation) annotate(doc, frag, placed, element);
      }
      i = j;
    }
    drawFooter(doc, model, index + 1, total);
  });
  structs.finish();
}

function drawText(doc: PDFDocument, frag: Frag, placed: PlacedLine): void {
  doc
    .font(FONT_NAMES[frag.face])
    .fontSize(frag.size)
    .fillColor(frag.color)
    .text(frag.text, frag.x, placed.y + placed.line.baseline, { lineBreak: false, baseline: 'alphabetic' });
}

/** The badge's box and a link's underline: decoration, drawn before (under) the text as artifacts. */
function drawTextDecoration(doc: PDFDocument, frag: Frag, placed: PlacedLine): void {
  if (!frag.box && !frag.underline) return;
  const baseline = placed.y + placed.line.baseline;
  artifact(doc, () => {
    if (frag.box)
      doc
        .roundedRect(frag.x - frag.box.padX, baseline - frag.size * 1.08, frag.width + 2 * frag.box.padX, frag.size * 1.55, 2)
        .fillColor(frag.box.fill)
        .fill();
    if (frag.underline)
      doc
        .moveTo(frag.x, baseline + 1.6)
        .lineTo(frag.x + frag.width, baseline + 1.6)
        .lineWidth(0.6)
        .strokeColor(frag.color)
        .stroke();
  });
}

function annotate(doc: PDFDocument, frag: Frag, placed: PlacedLine, element: PdfStructElement): void {
  const a = frag.annotation!;
  const y = placed.y + placed.line.baseline - frag.size * 1.05;
  const h = frag.size * 1.4;
  const options = { structParent: element, Contents: new String(a.contents) };
  if (a.target.kind === 'uri') doc.link(a.x, y, a.width, h, a.target.uri, options);
  else doc.goTo(a.x, y, a.width, h, a.target.name, options);
}

function drawDecorations(doc: PDFDocument, placed: PlacedLine): void {
  if (placed.line.decorations.length === 0) return;
  artifact(doc, () => {
    for (const d of placed.line.decorations) {
      if (d.kind === 'bar') {
        doc
          .moveTo(d.x, placed.y)
          .lineTo(d.x, placed.y + placed.line.height)
          .lineWidth(2)
          .strokeColor(COLOR.rule)
          .stroke();
      } else if (d.kind === 'rule') {
        doc
          .moveTo(d.x, placed.y + d.dy)
          .lineTo(d.x + d.width, placed.y + d.dy)
          .lineWidth(0.6)
          .strokeColor(COLOR.rule)
          .stroke();
      } else {
        const y = placed.y + placed.line.baseline - 1;
        doc
          .save()
          .lineCap('round')
          .dash(0.01, { space: 3.2 })
          .lineWidth(1)
          .strokeColor(COLOR.muted)
          .moveTo(d.x1, y)
          .lineTo(d.x2, y)
          .stroke()
          .undash()
          .restore();
      }
    }
  });
}

function artifact(doc: PDFDocument, draw: () => void, options?: { type: 'Pagination'; attached: readonly ('Top' | 'Bottom')[] }): void {
  doc.markContent('Artifact', options ?? { type: 'Layout' });
  draw();
  doc.endMarkedContent();
}

function drawHeader(doc: PDFDocument, model: PdfDocumentModel, furniture: Furniture): void {
  const s = STYLE.furniture;
  const baseline = FURNITURE.headerBaseline;
  const logo = FURNITURE.logo;
  artifact(
    doc,
    () => {
      let x: number = PAGE.left;
      if (furniture.logo) {
        const width = Math.min(logo.width, (furniture.logo.width / furniture.logo.height) * logo.height);
        const height = (furniture.logo.height / furniture.logo.width) * width;
        doc.image(furniture.logo, x, baseline - logo.lift - height / 2, { width, height });
        x += width + logo.gap;
      }
      if (furniture.municipality)
        doc
          .font(FONT_NAMES.bold)
          .fontSize(s.size + 0.5)
          .fillColor(COLOR.heading)
          .text(furniture.municipality, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
      doc.font(FONT_NAMES.regular).fontSize(s.size).fillColor(s.color);
      const w = doc.widthOfString(model.running);
      doc.text(model.running, PAGE.right - w, baseline, { lineBreak: false, baseline: 'alphabetic' });
      doc
        .moveTo(PAGE.left, baseline + FURNITURE.ruleGap)
        .lineTo(PAGE.right, baseline + FURNITURE.ruleGap)
        .lineWidth(0.5)
        .strokeColor(COLOR.rule)
        .stroke();
    },
    { type: 'Pagination', attached: ['Top'] },
  );
}

function drawFooter(doc: PDFDocument, model: PdfDocumentModel, n: number, total: number): void {
  const s = STYLE.furniture;
  const baseline = PAGE.height - FURNITURE.footerBaseline;
  artifact(
    doc,
    () => {
      doc
        .moveTo(PAGE.left, baseline - FURNITURE.ruleGap)
        .lineTo(PAGE.right, baseline - FURNITURE.ruleGap)
        .lineWidth(0.5)
        .strokeColor(COLOR.rule)
        .stroke();
      doc.font(FONT_NAMES.regular).fontSize(s.size).fillColor(s.color);
      doc.text(model.edition, PAGE.left, baseline, { lineBreak: false, baseline: 'alphabetic' });
      const label = model.labels.page(n, total);
      doc.text(label, PAGE.right - doc.widthOfString(label), baseline, { lineBreak: false, baseline: 'alphabetic' });
    },
    { type: 'Pagination', attached: ['Bottom'] },
  );
}

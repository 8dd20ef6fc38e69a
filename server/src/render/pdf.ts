// An accessible, tagged PDF of a referat, as a municipality publishes it (see pdf/ for the parts).
import type PDFDocument from 'pdfkit';
import type { PdfImage } from 'pdfkit';
import type { Referat } from '../model/types';
import type { Audience } from './html';
import { documentModel } from './pdf/content';
import { drawPages } from './pdf/draw';
import { FONT_NAMES, parseFonts } from './pdf/fonts';
import { layoutDocument, type LaidOut, type Measure, type Showable } from './pdf/layout';
import type { PdfDocumentModel } from './pdf/model';
import { modelText } from './pdf/text';
import type { Face, PdfFontFiles } from './pdf/style';

export type { PdfFontFiles } from './pdf/style';

export interface PdfOptions {
  readonly audience: Audience;
  /** The fonts' files, read by the host (`node/fonts.ts` on Node). */
  readonly fonts: PdfFontFiles;
  /** Shown in the page header, and the document's author. */
  readonly municipality?: string;
  /** A PNG or JPEG, shown in the page header. */
  readonly logo?: Uint8Array;
}

const FACES: readonly Face[] = ['regular', 'bold', 'italic'];

/**
 * Combining marks on one letter beyond Unicode's stream-safe limit (UAX #15: 30) are dropped from
 * what is drawn: the font's shaping places each mark by walking back over the marks before it, so
 * a letter with 200,000 accents took minutes.
 */
const MAX_MARKS = 30;
const MARK_PILE = new RegExp(`(\\p{M}{${MAX_MARKS}})\\p{M}+`, 'gu');

/**
 * The referat as a tagged PDF (PDF/UA-1 identification, /Lang da, the title shown as the
 * window title, a bookmark per punkt). For the public, a closed punkt is its heading and
 * journal number and nothing more.
 */
export async function renderPdf(referat: Referat, options: PdfOptions): Promise<Uint8Array> {
  const model = documentModel(referat, options.audience);
  // Loaded on first use: a bundle that imports this module (the CLI, the language server) starts
  // without paying for pdfkit and fontkit (a quarter of a second) until a PDF is made.
  const [{ default: PDF }, parsed] = await Promise.all([import('pdfkit'), parseFonts(options.fonts)]);
  const doc = new PDF({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    pdfVersion: '1.7',
    tagged: true,
    subset: 'PDF/UA',
    lang: model.labels.lang,
    displayTitle: true,
    // No default font: pdfkit would load Helvetica's AFM file, which a bundle does not carry.
    font: null,
    info: { Title: model.title, Creator: 'Referat', ...(options.municipality ? { Author: options.municipality } : {}) },
  });
  escapeXmpInfo(doc);
  for (const face of FACES) doc.registerFont(FONT_NAMES[face], parsed[face]);
  const logo = options.logo ? openLogo(doc, options.logo) : undefined;

  const measure: Measure = (text, face, size) => doc.font(FONT_NAMES[face]).fontSize(size).widthOfString(text);
  const showable: Showable = (text, face) => {
    const font = parsed[face];
    // Most text is Latin and takes the quick test; a missing letter (an emoji, Chinese) becomes `?`.
    if (/^[\u0020-\u007e\u00a0-\u00ff\n]*$/.test(text)) return text;
    return text.replace(/[^\n]/gu, (c) => (font.hasGlyphForCodePoint(c.codePointAt(0)!) ? c : '?')).replace(MARK_PILE, '$1');
  };
  const laidOut = layoutUntilStable(model, measure, showable);

  const chunks: Uint8Array[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const furniture = { ...(options.municipality ? { municipality: showable(options.municipality, 'bold') } : {}), ...(logo ? { logo } : {}) };
  drawPages(doc, laidOut, { ...model, running: showable(model.running, 'regular') }, furniture);
  doc.end();
  return done;
}

/**
 * Everything the PDF of this referat would show or carry as text (page text, title, bookmarks,
 * running header, metadata), for the check that a public version holds no CPR number.
 */
export function pdfText(referat: Referat, options: Pick<PdfOptions, 'audience' | 'municipality'>): string {
  return modelText(documentModel(referat, options.audience), options.municipality ? [options.municipality] : []);
}

/**
 * Lays out with the table of contents' page numbers unknown, then again with the pages the
 * punkter landed on, until the numbers shown are the pages (the second pass normally agrees).
 */
function layoutUntilStable(model: PdfDocumentModel, measure: Measure, showable: Showable): LaidOut {
  let shown: ReadonlyMap<string, number> = new Map();
  for (let pass = 0; pass < 4; pass++) {
    const laidOut = layoutDocument(model, measure, showable, shown);
    if (pass > 0 && samePages(laidOut.punktPages, shown)) return laidOut;
    shown = laidOut.punktPages;
  }
  throw new Error('renderPdf: the table of contents did not settle on the pages of the punkter');
}

function samePages(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}

function openLogo(doc: PDFDocument, logo: Uint8Array): PdfImage {
  const png = logo.length > 8 && logo[0] === 0x89 && logo[1] === 0x50 && logo[2] === 0x4e && logo[3] === 0x47;
  const jpeg = logo.length > 3 && logo[0] === 0xff && logo[1] === 0xd8 && logo[2] === 0xff;
  if (!png && !jpeg) throw new Error('renderPdf: the logo must be a PNG or JPEG image');
  // Opened once: drawn on every page, embedded once.
  return doc.openImage(Buffer.from(logo.buffer, logo.byteOffset, logo.byteLength));
}

/** pdfkit copies the title into the XMP metadata without escaping it: `&` or `<` in a udvalg's name would break the XML. */
function escapeXmpInfo(doc: PDFDocument): void {
  const endMetadata = doc.endMetadata.bind(doc);
  doc.endMetadata = () => {
    // end() has written the Info dictionary already; only the XMP copy sees the escaped text.
    const original = { ...doc.info };
    for (const [key, value] of Object.entries(original)) if (typeof value === 'string') doc.info[key] = escapeXml(value);
    try {
      endMetadata();
    } finally {
      Object.assign(doc.info, original);
    }
  };
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

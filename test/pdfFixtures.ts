// Small PDFs written by hand for the reader's tests: what real minutes rarely show but a reader
// must handle (a scanned page, a font in a CJK encoding), each a few hundred bytes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './helpers';

/** The published sources (test/fixtures/sources) and their reference texts (test/fixtures/external). */
export const sourcesDir = join(repoRoot, 'test/fixtures/sources');
export const referenceDir = join(repoRoot, 'test/fixtures/external');

export function externalPdf(name: string): { bytes: Uint8Array; reference: string } {
  return { bytes: readFileSync(join(sourcesDir, `${name}.pdf`)), reference: readFileSync(join(referenceDir, `${name}.txt`), 'utf8') };
}

export const pdfFixtureDir = join(repoRoot, 'test/fixtures/pdf');

/** GetOrganized's referat PDF (Aarhus) beside its publication, under its published name: NFD, `a` and a ring, as a Mac's zip named it. */
export const GETORGANIZED_FOLDER = join(repoRoot, 'test/fixtures/systems/getorganized-aarhus-moedesystemgruppen-2016-10-06');
export const GETORGANIZED_PDF_NAME = 'Appendix_referat - a\u030abent.pdf';
export const getOrganizedPdf = join(GETORGANIZED_FOLDER, GETORGANIZED_PDF_NAME);

export interface PageSpec {
  /** The content stream. */
  readonly content: string;
  /** Extra entries of the page's /Resources dictionary, by object number reference. */
  readonly resources?: string;
  /** The page's /Rotate: a landscape page turned for reading. */
  readonly rotate?: number;
}

/**
 * A PDF with the given pages and extra objects. Object 1 is the catalog, 2 the page tree, 3 the
 * Helvetica font (/F1), 4 a 2×2 grey image (/Im1); extra objects are numbered from 5 on.
 */
export function makePdf(pages: readonly PageSpec[], extra: readonly string[] = []): Uint8Array {
  const objects: string[] = [];
  const firstPage = 5 + extra.length;
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pages.map((_, i) => `${firstPage + 2 * i} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] =
    '<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\u0000\u00ff\u00ff\u0000\nendstream';
  extra.forEach((o, i) => (objects[5 + i] = o));
  pages.forEach((p, i) => {
    const n = firstPage + 2 * i;
    objects[n] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate ${p.rotate ?? 0} /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> ${p.resources ?? ''} >> /Contents ${n + 1} 0 R >>`;
    objects[n + 1] = `<< /Length ${Buffer.byteLength(p.content, 'latin1')} >>\nstream\n${p.content}\nendstream`;
  });
  let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  for (let n = 1; n < objects.length; n++) {
    offsets[n] = Buffer.byteLength(out, 'latin1');
    out += `${n} 0 obj\n${objects[n]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let n = 1; n < objects.length; n++) out += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** A content stream that writes each line in Helvetica at its position (x, y up from the bottom). */
export function textContent(lines: readonly { x: number; y: number; text: string; size?: number }[]): string {
  return lines.map((l) => `BT /F1 ${l.size ?? 11} Tf ${l.x} ${l.y} Td (${l.text.replace(/[()\\]/g, '\\$&')}) Tj ET`).join('\n');
}

/** A page that is one picture, as a scanner makes it. */
export const scannedPage: PageSpec = { content: 'q 451 0 0 698 72 72 cm /Im1 Do Q' };

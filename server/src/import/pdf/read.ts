// The PDF reader of `referat import`: bytes in, clean text lines out, or a typed problem. Plain data
// both ways, so it runs as well on a worker thread (see worker.ts) as on this one.
import { extractRuns } from './extract';
import { findFurniture } from './furniture';
import { cleanGlyphs } from './glyphs';
import { buildLines, lineText, readColumns, renderLines } from './layout';
import { PROBLEM_MESSAGES, damagedMessage, notPdfMessage, pageRanges } from './messages';
import { runsOn, type ReadPage } from './pageBreaks';
import type { LocalizedText } from '../../i18n/locale';
import type { CMapSource } from './pdfjs';
import type { LinedPage, PageRuns, PdfProblem, PdfReadResult } from './types';

/** Above this share of damaged pages a PDF is refused; up to it, imported with the damaged pages named. */
const MAX_DAMAGED_SHARE = 0.5;
/** How far before its end (padding aside) a complete PDF has its `%%EOF`. */
const TAIL_BYTES = 2048;
/** A PDF that pdf.js has not read in this long is given up as broken (a host may set its own). */
const DEFAULT_TIMEOUT_MS = 60_000;

export interface ReadPdfOptions {
  /** Adobe's packed CMaps by name, read by the host; without them a font in a CJK encoding has no text. */
  readonly cMaps?: CMapSource;
  /** A document not read within this time is given up as damaged; 60 s by default. */
  readonly timeoutMs?: number;
}

/**
 * The text of a PDF, or what is wrong with it. Whatever the bytes, the answer is a result; it
 * throws only when pdf.js itself cannot be loaded (a broken installation, not a broken file).
 */
export async function readPdf(bytes: Uint8Array, options: ReadPdfOptions = {}): Promise<PdfReadResult> {
  const sniffed = sniff(bytes);
  if (sniffed) return sniffed;
  const extracted = await extractRuns(bytes, { cMaps: options.cMaps, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
  if (!extracted.ok) return problem(extracted.problem, extracted.detail);
  try {
    return pagesToText(extracted.pages, extracted.damagedPages);
  } catch (error) {
    // The layout takes any numbers; should a damaged file still find a way to break it, the
    // caller gets a problem to show, not an exception to guess at.
    return problem('corrupt', `layout failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Layout, furniture removal and glyph cleanup over extracted runs: everything after pdf.js. */
export function pagesToText(runs: readonly PageRuns[], damagedPages: readonly number[] = []): PdfReadResult {
  const pagesWithoutText = runs.flatMap((p, i) => (p.runs.some((r) => r.text.trim() !== '') ? [] : [i + 1]));
  // A page without text that paints a picture may be a scan; one that paints nothing is blank (where
  // the reader could not tell, it may be a scan). A damaged page is damaged, whatever else it is.
  const scannedPages = pagesWithoutText.filter((n) => runs[n - 1]!.pictures !== false && !damagedPages.includes(n));
  if (pagesWithoutText.length === runs.length) {
    if (damagedPages.length > 0)
      return problem('corrupt', `no text read; damaged pages: ${pageRanges(damagedPages)}`, damagedMessage(damagedPages, runs.length));
    if (scannedPages.length === 0) return problem('blank', `${runs.length} page(s), all blank`);
    return problem('no-text', `${runs.length} page(s), none with text`);
  }
  // Most of a document lost is no import: what is left would pass for the minutes.
  if (damagedPages.length > runs.length * MAX_DAMAGED_SHARE)
    return problem('corrupt', `damaged pages: ${pageRanges(damagedPages)} of ${runs.length}`, damagedMessage(damagedPages, runs.length));
  const lined = runs.map(buildLines);
  const marks = findFurniture(lined.map((p) => ({ height: p.height, lines: p.lines.map((l) => ({ y: l.y, text: lineText(l) })) })));
  const furniture: string[] = [];
  const read = lined.map((page, p): ReadPage & { lines: string[] } => {
    const body: LinedPage = {
      ...page,
      lines: page.lines.filter((line, i) => {
        if (!marks[p]![i]) return true;
        furniture.push(lineText(line));
        return false;
      }),
    };
    const layout = readColumns(body);
    return { layout, lines: trimBlank(renderLines(layout).map(cleanGlyphs)) };
  });
  const pages = read.map((r) => r.lines);
  const runOnPages: number[] = [];
  let text = pages[0]!.join('\n');
  for (let p = 1; p < read.length; p++) {
    // A blank line between two pages, as between paragraphs; a line break only, where a paragraph runs on over the page's edge.
    const on = runsOn(read[p - 1]!, read[p]!);
    if (on) runOnPages.push(p + 1);
    text += (on ? '\n' : '\n\n') + pages[p]!.join('\n');
  }
  return { ok: true, pages, text, furniture, runOnPages, pagesWithoutText, scannedPages, damagedPages: [...damagedPages] };
}

function trimBlank(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === '') start++;
  while (end > start && lines[end - 1]!.trim() === '') end--;
  return lines.slice(start, end);
}

/** What the bytes show before any parsing: nothing, something else than a PDF, a cut-off PDF. */
function sniff(bytes: Uint8Array): PdfReadResult | undefined {
  if (bytes.every((b) => b === 0 || b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d))
    return problem('empty', `${bytes.length} bytes, none of them content`);
  const latin1 = (from: number, to: number): string => new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, from), to));
  // The header may follow some junk; readers accept it within the first kilobyte.
  if (!latin1(0, 1024).includes('%PDF-')) return { ok: false, problem: 'not-pdf', message: notPdfMessage(bytes), detail: 'no %PDF- header' };
  // Every complete PDF ends with %%EOF (give or take trailing junk); pdf.js would read what is
  // there of a cut-off one and quietly lose the rest. Padding after it (GetOrganized writes 15,547
  // NUL bytes) is no content: the end is looked for before it.
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0 || bytes[end - 1] === 0x20 || bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d || bytes[end - 1] === 0x09)) end--;
  if (!latin1(end - TAIL_BYTES, end).includes('%%EOF')) return problem('corrupt', 'no %%EOF near the end: the file is cut off');
  return undefined;
}

function problem(kind: PdfProblem, detail: string, message: LocalizedText = PROBLEM_MESSAGES[kind]): PdfReadResult {
  return { ok: false, problem: kind, message, detail };
}

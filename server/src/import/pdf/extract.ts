// PDF bytes to positioned text runs, page by page, with pdf.js.
import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { binaryDataFactory, fontOptions, loadPdfjs, type CMapSource, type Pdfjs } from './pdfjs';
import type { PageRuns, PdfProblem, TextRun } from './types';

export type ExtractResult = { ok: true; pages: PageRuns[]; damagedPages: number[] } | { ok: false; problem: PdfProblem; detail: string };

export interface ExtractOptions {
  /** Adobe's packed CMaps (`*.bcmap`) by name, for fonts in a predefined CJK encoding. */
  readonly cMaps?: CMapSource | undefined;
  /** A document that takes longer is given up as damaged. */
  readonly timeoutMs: number;
}

/**
 * Reads every page strictly first: pdf.js otherwise skips what it cannot parse without a word. A
 * page that fails strictly is read again leniently, for what can be had, and named as damaged.
 */
export async function extractRuns(bytes: Uint8Array, options: ExtractOptions): Promise<ExtractResult> {
  const lib = loadPdfjs();
  const tasks: PDFDocumentLoadingTask[] = [];
  const open = (reading: 'strict' | 'lenient'): PDFDocumentLoadingTask => {
    const task = lib.getDocument({
      // A copy: pdf.js hands the buffer to its worker side and detaches it from the caller.
      data: new Uint8Array(bytes),
      verbosity: lib.VerbosityLevel.ERRORS,
      stopAtErrors: reading === 'strict',
      isEvalSupported: false,
      useSystemFonts: false,
      ...fontOptions(),
      useWorkerFetch: false,
      cMapPacked: true,
      BinaryDataFactory: binaryDataFactory(options.cMaps),
    });
    tasks.push(task);
    return task;
  };
  const late: ExtractResult = { ok: false, problem: 'corrupt', detail: `not read within ${Math.round(options.timeoutMs / 1000)} s` };
  const deadline = Date.now() + options.timeoutMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<ExtractResult>((resolve) => {
    timer = setTimeout(() => resolve(late), options.timeoutMs);
  });
  const work = (async (): Promise<ExtractResult> => {
    const doc = await open('strict').promise;
    let lenient: Promise<PDFDocumentProxy> | undefined;
    const pages: PageRuns[] = [];
    const damagedPages: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      // pdf.js on this thread runs on promises alone (its streams are inflated at once): between
      // pages the host's other work gets its turn, and the time is checked here, since a timer
      // fires only when a turn comes.
      await nextTurn();
      if (Date.now() > deadline) return late;
      try {
        const page = await pageRuns(lib, doc, n);
        if (page.lostText) damagedPages.push(n);
        pages.push(page);
      } catch {
        damagedPages.push(n);
        lenient ??= open('lenient').promise;
        // What can be had of the page; a page that cannot be had at all is an empty one, named as damaged.
        pages.push(await pageRuns(lib, await lenient, n).catch((): PageRuns => ({ width: 0, height: 0, runs: [], pictures: false })));
      }
    }
    return { ok: true, pages, damagedPages };
  })();
  try {
    return await Promise.race([work, timeout]);
  } catch (error) {
    return { ok: false, problem: classify(error), detail: describe(error) };
  } finally {
    clearTimeout(timer);
    // The promise of a document given up on must not surface later as an unhandled rejection.
    work.catch(() => undefined);
    await Promise.all(tasks.map((t) => t.destroy().catch(() => undefined)));
  }
}

/** One turn of the host's event loop: setImmediate where there is one (a timer waits a millisecond at least). */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
}

/** A font that shows text this often and yields not one glyph has lost its text (its program or its map is damaged). */
const MIN_SHOWS_OF_LOST_FONT = 3;

/**
 * What the page's drawing showed beside its text, told by pdf.js's text pass (patched by the build,
 * scripts/build/build.mjs): the most often a font that gave no glyph at all was shown (pdf.js reads
 * such a page without an error and without its text), and whether it paints a picture.
 */
interface PageDrawing {
  readonly type: 'referatDrawing';
  readonly lostShows: number;
  readonly pictures: boolean;
}

function isPageDrawing(item: object): item is PageDrawing {
  return 'type' in item && item.type === 'referatDrawing';
}

async function pageRuns(lib: Pdfjs, doc: PDFDocumentProxy, n: number): Promise<PageRuns & { lostText: boolean }> {
  const page = await doc.getPage(n);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    // Told by the same pass: a second one over the page's operators cost an eighth of a read.
    const drawing = (content.items as readonly object[]).find(isPageDrawing);
    if (!drawing) throw new Error('pdf.js did not tell what the page draws: is the build patch of its text pass in place?');
    const runs: TextRun[] = [];
    content.items.forEach((item, seq) => {
      if (!('str' in item) || item.str === '') return;
      // Into the viewport's space: y down from the top, the page's /Rotate applied.
      const [, , c, d, e, f] = lib.Util.transform(viewport.transform, item.transform) as number[];
      // Widths are in page units already, and the viewport has scale 1.
      runs.push({ text: item.str, x: e ?? 0, y: f ?? 0, width: item.width, size: Math.hypot(c ?? 0, d ?? 0), seq });
    });
    return { width: viewport.width, height: viewport.height, runs, pictures: drawing.pictures, lostText: drawing.lostShows >= MIN_SHOWS_OF_LOST_FONT };
  } finally {
    page.cleanup();
  }
}

function classify(error: unknown): PdfProblem {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return 'encrypted';
  return 'corrupt';
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

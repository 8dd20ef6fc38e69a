import type { LocalizedText } from '../../i18n/locale';

/**
 * One run of text as the PDF places it: the item model that layout, furniture removal and glyph
 * cleanup work on, so they can be tested without a PDF. Points, origin at the page's top left.
 */
export interface TextRun {
  readonly text: string;
  /** Left edge. */
  readonly x: number;
  /** Baseline, measured down from the top of the page. */
  readonly y: number;
  readonly width: number;
  /** Font size: the height of the em square. */
  readonly size: number;
  /** Position in the page's content stream: the order the producer wrote the text in. */
  readonly seq: number;
}

export interface PageRuns {
  readonly width: number;
  readonly height: number;
  readonly runs: readonly TextRun[];
  /** Whether the page paints a picture (a scan); unknown where not said. */
  readonly pictures?: boolean;
}

/** Text that stands apart on its line: a line is split into cells at wide gaps. */
export interface Cell {
  readonly text: string;
  readonly x: number;
  readonly right: number;
  /** The earliest content-stream position of its runs. */
  readonly seq: number;
}

/** A line of a page: runs that share a baseline, in cells from left to right. */
export interface Line {
  readonly y: number;
  readonly size: number;
  readonly cells: readonly Cell[];
}

export interface LinedPage {
  readonly height: number;
  /** A typical character width on the page, for indentation and wide gaps. */
  readonly charWidth: number;
  readonly lines: readonly Line[];
}

export type PdfProblem = 'corrupt' | 'encrypted' | 'no-text' | 'blank' | 'empty' | 'not-pdf';

export type PdfReadResult =
  | {
      readonly ok: true;
      /** Lines per page, page furniture removed. */
      readonly pages: string[][];
      /** The pages' lines in one text: a blank line between two pages, none where the text runs on (see `runOnPages`). */
      readonly text: string;
      /** The lines removed as running headers and footers, page by page, for tests and logs. */
      readonly furniture: string[];
      /** Pages (1-based) whose first line goes on with the paragraph the page before ended with. */
      readonly runOnPages: number[];
      /** Pages (1-based) that have no text at all: blank, or a scanned page among text pages. */
      readonly pagesWithoutText: number[];
      /** Of those, the ones that paint a picture (or may: the reader could not tell) and are not damaged: scans, needing text recognition. */
      readonly scannedPages: number[];
      /** Pages (1-based) whose content is damaged: their text is what could be read of it. */
      readonly damagedPages: number[];
    }
  | {
      readonly ok: false;
      readonly problem: PdfProblem;
      readonly message: LocalizedText;
      /** What the PDF library said, in English, for logs. */
      readonly detail?: string;
    };

// The PDF reader of `referat import`. See read.ts for the whole, and the pure parts on their own
// for tests and other callers.
export { readPdf, pagesToText, type ReadPdfOptions } from './read';
export { buildLines, lineText, readColumns, renderLines } from './layout';
export { findFurniture, type PlacedLine, type PlacedPage } from './furniture';
export { cleanGlyphs } from './glyphs';
export { PROBLEM_MESSAGES } from './messages';
export type * from './types';

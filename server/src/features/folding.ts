import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { Referat } from '../model/types';

/** Folds the header, the table of contents, each punkt and each section of more than one line. */
export function foldingRanges(referat: Referat): FoldingRange[] {
  const out: FoldingRange[] = [];
  const add = (start: number, end: number, kind?: FoldingRangeKind): void => {
    if (end > start) out.push({ startLine: start, endLine: end, ...(kind ? { kind } : {}) });
  };
  const h = referat.header;
  if (h.title) {
    const ends = [h.moedeDato?.range.end.line, h.moedested?.range.end.line, h.deltagere?.range.end.line, h.afbud?.range.end.line].filter(
      (x): x is number => x !== undefined,
    );
    add(h.title.range.start.line, Math.max(h.title.range.start.line, ...ends), FoldingRangeKind.Region);
  }
  if (referat.toc) add(referat.toc.range.start.line, referat.toc.range.end.line, FoldingRangeKind.Region);
  for (const p of referat.punkter) {
    add(p.range.start.line, p.range.end.line, FoldingRangeKind.Region);
    for (const s of p.sections) add(s.range.start.line, s.range.end.line);
  }
  return out;
}

import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { Referat } from '../model/types';
import { range as mkRange, type Range } from '../syntax/range';

/** Outline: the header with its fields, the table of contents, each punkt with its sections. */
export function documentSymbols(referat: Referat): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  const h = referat.header;
  const sym = (name: string, kind: SymbolKind, range: Range, selectionRange: Range, detail?: string, children?: DocumentSymbol[]): DocumentSymbol => ({
    name: name || ' ',
    kind,
    range,
    selectionRange,
    ...(detail ? { detail } : {}),
    ...(children ? { children } : {}),
  });
  if (h.title) {
    const fields: DocumentSymbol[] = [];
    if (h.moedeDato) fields.push(sym('Mødedato', SymbolKind.Property, h.moedeDato.range, h.moedeDato.range, h.moedeDato.date?.text));
    if (h.moedested) fields.push(sym('Mødested', SymbolKind.Property, h.moedested.range, h.moedested.range, h.moedested.value));
    if (h.deltagere) fields.push(sym('Mødedeltagere', SymbolKind.Property, h.deltagere.range, mkRange(h.deltagere.range.start.line, 0, h.deltagere.range.start.line, 13), `${h.deltagere.names.length}`));
    const last = fields[fields.length - 1]?.range.end ?? h.title.range.end;
    out.push(sym(`REFERAT ${h.title.body}`.trim(), SymbolKind.File, { start: h.title.range.start, end: last }, h.title.range, h.title.date?.text, fields));
  }
  if (referat.toc) out.push(sym('Indholdsfortegnelse', SymbolKind.Namespace, referat.toc.range, referat.toc.headingRange, `${referat.toc.entries.length}`));
  for (const p of referat.punkter) {
    const journal = p.journal?.kind === 'valid' ? p.journal.journal.text : p.journal?.text;
    const children = p.sections.map((s) => sym(s.title, s.kind === 'beslutning' ? SymbolKind.Event : s.kind === 'tidligereBeslutning' ? SymbolKind.Key : SymbolKind.String, s.range, s.headingRange));
    out.push(sym(`Punkt ${p.number}: ${p.title}`, p.closed ? SymbolKind.Package : SymbolKind.Module, p.range, p.headingRange, journal, children));
  }
  return out;
}

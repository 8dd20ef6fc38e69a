import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { localize, type Locale } from '../i18n/locale';
import { punktLabel } from '../model/numbering';
import type { EarlierDecision, Punkt, Referat } from '../model/types';
import { comparePositions, type Range } from '../syntax/range';
import { headerLabel, PUNKT_WORD, TOC_HEADING_WORD } from '../dialect/vocabulary';

/*
 * Outline: the header with its fields, the table of contents, each punkt with its sections. VS Code
 * shows a symbol's kind by name in tooltips (`Name (kind)`), so kinds are chosen to read as parts of
 * minutes: the header a file, its fields properties, the table of contents an enumeration, a punkt
 * a number (a closed one a package), sections fields, today's decision an event and an earlier
 * decision a key.
 */
export function documentSymbols(referat: Referat, locale: Locale = 'da'): DocumentSymbol[] {
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
    if (h.moedeDato)
      fields.push(sym(h.moedeDato.label ?? headerLabel('moedeDato'), SymbolKind.Property, h.moedeDato.range, h.moedeDato.range, h.moedeDato.date?.text));
    if (h.moedested)
      fields.push(sym(h.moedested.label ?? headerLabel('moedested'), SymbolKind.Property, h.moedested.range, h.moedested.range, h.moedested.value));
    // Each attendance list under its label as written (`Tilstede`, `Medlemmer`, `Afbud/Fraværende`).
    for (const list of [h.deltagere, h.afbud]) {
      if (!list) continue;
      const n = list.names.length;
      const detail = localize({ da: `${n} ${n === 1 ? 'person' : 'personer'}`, en: `${n} ${n === 1 ? 'person' : 'people'}` }, locale);
      fields.push(sym(list.label, SymbolKind.Property, list.range, list.labelRange, detail));
    }
    // A field may stand before the title (written above it): the header reaches over all of them, in the order they stand.
    fields.sort((a, b) => comparePositions(a.range.start, b.range.start));
    const ranges = [h.title.range, ...fields.map((f) => f.range)];
    const whole = {
      start: ranges.map((r) => r.start).reduce((a, b) => (comparePositions(b, a) < 0 ? b : a)),
      end: ranges.map((r) => r.end).reduce((a, b) => (comparePositions(a, b) < 0 ? b : a)),
    };
    out.push(sym(`${h.title.word} ${h.title.udvalg}`.trim(), SymbolKind.File, whole, h.title.range, h.title.date?.text, fields));
  }
  if (referat.toc) {
    const n = referat.toc.entries.length;
    out.push(
      sym(
        TOC_HEADING_WORD,
        SymbolKind.Enum,
        referat.toc.range,
        referat.toc.headingRange,
        localize({ da: `${n} ${n === 1 ? 'punkt' : 'punkter'}`, en: `${n} ${n === 1 ? 'entry' : 'entries'}` }, locale),
      ),
    );
  }
  // A sub-item (`1.2`) goes under its item (`1`), whose range then reaches over its sub-items.
  let group: { punkt: Punkt; symbol: DocumentSymbol & { children: DocumentSymbol[] } } | undefined;
  for (const p of referat.punkter) {
    const journal = p.journal?.kind === 'valid' ? p.journal.journal.text : p.journal?.text;
    const children: DocumentSymbol[] = [];
    for (const s of p.sections) {
      if (s.entries && s.entries.length > 0) {
        // A case history is its earlier handlings: each is an earlier decision in the outline.
        for (const e of s.entries) children.push(sym(`${s.title}: ${e.udvalgText}`, SymbolKind.Key, e.range, e.range, earlierDetail(e, locale)));
        continue;
      }
      const kind = s.kind === 'beslutning' ? SymbolKind.Event : s.kind === 'tidligereBeslutning' ? SymbolKind.Key : SymbolKind.Field;
      children.push(sym(s.title, kind, s.range, s.headingRange, s.earlier ? earlierDetail(s.earlier, locale) : undefined));
    }
    const symbol = sym(
      `${PUNKT_WORD} ${punktLabel(p)}: ${p.title}`,
      p.closed ? SymbolKind.Package : SymbolKind.Number,
      p.range,
      p.headingRange,
      journal,
      children,
    );
    if (p.subNumber !== undefined && group && group.punkt.number === p.number) {
      group.symbol.children.push(symbol);
      group.symbol.range = { start: group.symbol.range.start, end: p.range.end };
      continue;
    }
    out.push(symbol);
    group = p.subNumber === undefined ? { punkt: p, symbol: symbol as DocumentSymbol & { children: DocumentSymbol[] } } : undefined;
  }
  return out;
}

/** `19-08-2025, pkt. 4`: when and where the earlier decision was made, as far as it says. */
function earlierDetail(e: EarlierDecision, locale: Locale): string | undefined {
  const parts = [e.date?.text, e.punktNumber !== undefined ? localize({ da: `pkt. ${e.punktNumber}`, en: `item ${e.punktNumber}` }, locale) : undefined];
  return parts.filter((x) => x !== undefined).join(', ') || undefined;
}

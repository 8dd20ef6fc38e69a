// What the readers of the meeting systems' own exports (Acadre, eDoc (Fujitsu), GetOrganized) share:
// elements found by their local name (`edoc:Title` is `Title`), a field's text on one line, a field's
// HTML laid out as lines, and the shape of what each reader gives back.
import type { LocalizedText } from '../i18n/locale';
import { CLOSED_MARKER, DOCUMENT_WORDS, documentWord, SECTION_KINDS, type DocumentKind } from '../dialect/vocabulary';
import { oneLine, type WrittenHeading } from './fields';
import { childElements, findAll, inlineText, layoutNodes, parseHtml, type DomDocument, type DomElement, type LayoutOptions } from './html';
import type { ImportProblem, SourceKind } from './types';
import type { Moment } from './write';

/** One meeting a system's export holds, as lines in its dialect and the facts its fields give. */
export interface SystemMeeting {
  readonly lines: readonly string[];
  /** The punkter's heading lines, and which the source marks closed. */
  readonly headings: readonly WrittenHeading[];
  readonly body: string;
  readonly moment?: Moment;
  readonly document: DocumentKind;
  readonly dialect: string;
  /**
   * The files of the meeting's own referat the export names (GetOrganized's `Åbent referat`, `Lukket
   * referat`), the public one first: where one lies beside the export, the meeting is read from it.
   */
  readonly referatFiles?: readonly string[];
  /**
   * Those of them the export marks as not public (`Lukket referat`: the open punkter and the closed):
   * read only where no public one lies beside it, and said so, for its closed punkter are not marked.
   */
  readonly closedReferatFiles?: readonly string[];
}

/** What a reader of a system's export gives: its meetings and what it passed over, or why it can read none. */
export type SystemExportRead =
  | { readonly ok: true; readonly kind: SourceKind; readonly meetings: readonly SystemMeeting[]; readonly notes: readonly LocalizedText[] }
  | { readonly ok: false; readonly problem: ImportProblem; readonly message: LocalizedText; readonly detail: string };

/** A tag's name without its namespace prefix: `edoc:Title` → `Title`. */
export function localName(e: DomElement): string {
  const colon = e.name.indexOf(':');
  return colon < 0 ? e.name : e.name.slice(colon + 1);
}

/** The element's first child of that local name. */
export function child(e: DomElement | DomDocument | undefined, name: string): DomElement | undefined {
  return e ? childElements(e).find((c) => localName(c) === name) : undefined;
}

/** The element's children of that local name. */
export function children(e: DomElement | DomDocument | undefined, name: string): DomElement[] {
  return e ? childElements(e).filter((c) => localName(c) === name) : [];
}

/** Every element below of that local name, in document order. */
export function descendants(e: DomElement | DomDocument, name: string): DomElement[] {
  return findAll(e, (c) => localName(c) === name);
}

/** A field's text on one line: no break from the source may end the line it is written on. */
export function text(e: DomElement | undefined): string {
  return e ? oneLine(inlineText(e)) : '';
}

/** A field's HTML (escaped in the XML or in CDATA) laid out as a browser shows it. */
export function htmlLines(html: string, options: LayoutOptions = {}): string[] {
  return layoutNodes([...parseHtml(html).children], options);
}

/** `Referat` or `Dagsorden`, as the unlabelled headers of eDoc and Acadre begin. */
export function documentTitle(kind: DocumentKind): string {
  return documentWord(kind, 'capital');
}

/** The kind of document a system's own value names (Acadre's agenda `Referat`, eDoc's `Dagsorden`), by the format's words. */
export function documentKindNamed(value: string): DocumentKind | undefined {
  return DOCUMENT_WORDS.find((d) => new RegExp(`(?<![\\p{L}])${d.word}(?![\\p{L}])`, 'iu').test(value))?.kind;
}

/** Whether a system's access value says closed (`Lukket`, eDoc's page; Acadre's `accessname`). */
export function saysClosed(value: string): boolean {
  return new RegExp(`(?<![\\p{L}])${CLOSED_MARKER}(?![\\p{L}])`, 'iu').test(value);
}

/** The attachments' heading. */
export const BILAG = SECTION_KINDS.bilag;

/** A `true`/`1`/`ja` field. */
export function isTrue(value: string): boolean {
  return /^(?:true|1|ja|yes)$/i.test(value.trim());
}

/** Lines with no two blank lines in a row and none at the end; the headings' line numbers follow. */
export function tidy(lines: readonly string[], headings: readonly WrittenHeading[]): { lines: string[]; headings: WrittenHeading[] } {
  const kept: string[] = [];
  const moved = new Map<number, number>();
  lines.forEach((l, i) => {
    if (l !== '' || (kept.length > 0 && kept[kept.length - 1] !== '')) {
      moved.set(i, kept.length);
      kept.push(l);
    }
  });
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return { lines: kept, headings: headings.map((h) => ({ ...h, line: moved.get(h.line) ?? h.line })) };
}

// The meeting systems whose own exports the import reads (SBSYS's and eDoc's publications): each is told by its XML's structure
// (never by the file's name), and read with what lies beside it in the folder or zip the system
// wrote (the punkter's PDFs, the enclosures, the files an index names). One entry per system in
// XML_SYSTEMS; the first whose test the document passes reads it.
import type { LocalizedText } from '../i18n/locale';
import type { WrittenHeading } from './fields';
import type { DomDocument } from './html';
import type { PdfReadResult } from './pdf/types';
import type { SourceKind } from './types';
import type { Moment } from './write';

/** One meeting as a structured reader writes it: its lines, which of them are the punkter's headings, and its facts. */
export interface StructuredMinutes {
  readonly lines: readonly string[];
  /** The items' heading lines, and which the source marks closed. */
  readonly headings: readonly WrittenHeading[];
  readonly udvalg: string;
  readonly moment?: Moment;
  readonly document: 'referat' | 'dagsorden';
}

/** What a system's reader is given besides the export's text. */
export interface ExportContext {
  /** The export's own path in its folder (`Publication553/Publication553.xml`), or the file's name alone. */
  readonly name: string;
  /** Whether the export came with its folder (or zip): only then is a file it names and lacks worth a note. */
  readonly inFolder: boolean;
  /** The bytes of a file the export names, looked up from the export's own folder, without regard to case. */
  readonly find: (name: string) => Uint8Array | undefined;
  /** A PDF's text, read as `referat import` reads a PDF. */
  readonly readPdf: (bytes: Uint8Array) => Promise<PdfReadResult>;
}

/** A system's reading of its export: its meetings (one, as a rule) and what the secretary should know. */
export interface ExportRead {
  readonly meetings: readonly StructuredMinutes[];
  readonly notes: readonly LocalizedText[];
}

export interface XmlSystem {
  readonly kind: SourceKind;
  /** The system as a secretary knows it (`SBSYS`, `eDoc`), for a message that names it. */
  readonly system: string;
  /** The dialect the reader writes in (dialects.ts). */
  readonly dialect: string;
  /** Whether the document is this system's export, from its structure. */
  readonly is: (doc: DomDocument) => boolean;
  /** Its meetings; none when the export holds no item. */
  readonly read: (text: string, context: ExportContext) => Promise<ExportRead>;
}

/**
 * A reader that needs nothing but the export's text and the files it names, as a system's entry:
 * `fromText((text, find) => readAcadre(text, find))`.
 */
export function fromText(
  reader: (text: string, find: (name: string) => Uint8Array | undefined) => StructuredMinutes | readonly StructuredMinutes[] | undefined,
): XmlSystem['read'] {
  return (text, context) => {
    const read = reader(text, context.find);
    const meetings = read === undefined ? [] : isList(read) ? read : [read];
    return Promise.resolve({ meetings, notes: [] });
  };
}

function isList(read: StructuredMinutes | readonly StructuredMinutes[]): read is readonly StructuredMinutes[] {
  return Array.isArray(read);
}

/** A noun in the singular and the plural, in both languages. */
export interface Noun {
  readonly da: readonly [string, string];
  readonly en: readonly [string, string];
}

/** The files an export names that are not in its folder, or that have no text: one note for all of them. */
export function filesNote(what: 'missing' | 'no-text', names: readonly string[], noun: Noun): LocalizedText | undefined {
  if (names.length === 0) return undefined;
  const shown = names.length > MAX_NAMED ? `${names.slice(0, MAX_NAMED).join(', ')} (+${names.length - MAX_NAMED})` : names.join(', ');
  const one = names.length === 1;
  const da = `${names.length} ${noun.da[one ? 0 : 1]}`;
  const en = `${names.length} ${noun.en[one ? 0 : 1]}`;
  return what === 'missing'
    ? { da: `${da} nævnt i eksporten findes ikke i mappen: ${shown}`, en: `${en} named in the export ${one ? 'is' : 'are'} not in the folder: ${shown}` }
    : { da: `${da} uden tekst, listet som bilag ved navn: ${shown}`, en: `${en} without text, listed as Bilag by name: ${shown}` };
}

/** Files named in one note, at most. */
const MAX_NAMED = 12;

// `referat import`'s readers: a published source's bytes in, one referat's text per meeting out,
// in the source's own dialect, or one problem with a message saying what to do. Pure: the host
// reads the file (and pdf.js's CMaps) and writes the result; nothing here touches a disk, and
// whatever the bytes, the answer is a result, never an exception.
import { detectDialect, isGetOrganizedReferat } from '../dialect/detect';
import { isZip, sourceFolder, unzip, type SourceFile, type SourceFolder } from './bundle';
import { isEdocPublication, readEdocPublication } from './edocPublication';
import { parseReferat } from '../model/parse';
import type { Referat } from '../model/types';
import { documentCollection, readFirstAgendaJson, isFirstAgendaJson, unreadableFieldsNote } from './firstAgendaJson';
import { readFirstAgendaPage } from './firstAgendaPage';
import { arrangeGetOrganized } from './getOrganized';
import { endsUnclosed, parseXml, type DomDocument } from './html';
import { keepStructure, type WrittenHeading } from './fields';
import { copiesNote, documentCollectionMessage, exportWithoutItems, failure, IMPORT_MESSAGES, NO_MINUTES_IN_FOLDER } from './messages';
import { readPdf, type ReadPdfOptions } from './pdf';
import { damagedPagesNote, notPdfMessage, scannedPagesNote, twoPageFurnitureNote } from './pdf/messages';
import { isSbsysPublication, readSbsysExport } from './sbsysXml';
import { decodeMarkup, sniff, utf8 } from './sniff';
import { readSystemPage, readSystemXml, type SystemExportRead } from './systemExports';
import { joinWrappedTitles, writeTocEntries } from './titles';
import type { ExportContext, StructuredMinutes, XmlSystem } from './exportReaders';
import type { ImportHost, ImportResult, ImportedMeeting, SourceKind } from './types';
import { isoDate, meetingFileName, type Moment } from './write';
import type { LocalizedText } from '../i18n/locale';

export type * from './types';
export { sourceFolder, unzip, type SourceFile, type SourceFolder } from './bundle';
export { IMPORT_MESSAGES } from './messages';
export { meetingFileName } from './write';

/** An XML file is a web page when `<html` comes this early. */
const PAGE_SNIFF_LENGTH = 4096;

/**
 * The minutes in a source file: `name` is only a hint (its extension breaks a tie, its stem names a
 * meeting whose source does not). Never throws.
 */
export async function importSource(name: string, bytes: Uint8Array, host: ImportHost = {}): Promise<ImportResult> {
  try {
    return await importBytes(name, bytes, host);
  } catch (e) {
    // Every reader is total by design; should one still fail, the secretary gets one line, not a trace.
    return failure('malformed', e instanceof Error ? `${e.name}: ${e.message}` : String(e));
  }
}

/** Where a file is read: on its own, or as one file of a folder or zip (whose zips are not opened in turn). */
interface BytesOptions {
  readonly nested?: boolean;
}

async function importBytes(name: string, bytes: Uint8Array, host: ImportHost, options: BytesOptions = {}): Promise<ImportResult> {
  const stem = name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const kind = sniff(name, bytes);
  switch (kind) {
    case 'empty':
      return failure('empty', `${bytes.length} bytes, none of them content`);
    case 'pdf': {
      const read = await readPdf(bytes, pdfOptions(host));
      if (!read.ok) return failure(read.problem, read.detail, read.problem === 'not-pdf' ? notPdfMessage(bytes) : IMPORT_MESSAGES[read.problem]);
      // Pages apart by a blank line, but where a paragraph runs on over a page's edge (pdf/pageBreaks.ts).
      const text = read.text;
      // Every page that lost text, or never had any to read, is named: the import keeps every word or says which it could not.
      const notes = [
        ...(read.damagedPages.length > 0 ? [damagedPagesNote(read.damagedPages)] : []),
        ...(read.scannedPages.length > 0 ? [scannedPagesNote(read.scannedPages)] : []),
      ];
      // Two pages are thin evidence of what runs on every page: what was taken for it is named.
      const running = read.pages.length === 2 ? twoPageFurnitureNote(read.furniture) : undefined;
      if (running) notes.push(running);
      // GetOrganized's referat: its letterhead and its sections arranged as its dialect reads them.
      const arranged = isGetOrganizedReferat(text) ? arrangeGetOrganized(text) : text;
      // One reading of the text serves all three (a referat of 28 pages is read in 12 ms): a wrapped
      // title is joined only where the lines give exactly the title that reading read, so the joined
      // text has the same header and the same punkter, the first of them on the line it was on.
      const finished = finish(writeTocEntries(arranged).split('\n'));
      const referat = parseReferat(finished);
      const written = joinWrappedTitles(finished, referat);
      if (isPunktAlone(written, referat)) return failure('part-of-export', 'one punkt, no meeting header');
      const meeting = meetingOf(written, referat, stem);
      return meeting ? done('pdf', meeting, notes, read.pages.length) : failure('no-meeting', NO_MEETING_DETAIL);
    }
    case 'json': {
      const text = utf8(bytes);
      let data: unknown;
      try {
        data = JSON.parse(text ?? '');
      } catch (e) {
        return failure('malformed', e instanceof Error ? e.message : String(e));
      }
      if (!isFirstAgendaJson(data)) return failure('no-minutes', 'no Dagsordenpunkter');
      const collection = documentCollection(data);
      if (collection) return failure('no-minutes', 'documents published as a meeting', documentCollectionMessage(collection.udvalg, collection.documents));
      const minutes = readFirstAgendaJson(data);
      if (!minutes) return failure('no-minutes', 'no agenda items');
      // What could not be read as text is named: the import keeps every word or says which it could not.
      const notes = minutes.unreadable.length > 0 ? [unreadableFieldsNote(minutes.unreadable)] : [];
      return done('first-agenda-json', meeting(minutes.lines, minutes.headings, minutes.udvalg, minutes.moment, minutes.document, stem, 'greve'), notes);
    }
    case 'xml': {
      const text = decodeMarkup(bytes);
      const exported = await readExport(text, name, host);
      if (exported) return exported;
      // A web page saved as XHTML is still a page.
      if (/<html[\s>]/i.test(text.slice(0, PAGE_SNIFF_LENGTH))) return fromPage(text, stem);
      return failure('no-minutes', 'no meeting system export root (<Publication>, <Meeting>, …)');
    }
    case 'html':
      return fromPage(decodeMarkup(bytes), stem);
    case 'zip': {
      // The folder a meeting system writes, as a zip; a zip that is no export (Word's .docx) is said to be unsupported.
      const container = failure('unsupported', 'a zip container (Word, Excel, …)');
      if (!isZip(bytes) || options.nested) return container;
      // A zip named as one is a folder to read; another (Word's .docx) only where it holds minutes.
      const named = /\.zip$/i.test(name);
      const files = unzip(bytes);
      if (!Array.isArray(files)) return named || files.problem === 'too-large' ? failure(files.problem, files.detail) : container;
      const result = await importFolder(sourceFolder(files), host, { zip: true });
      return result.ok || named ? result : container;
    }
    default:
      return failure('unsupported', 'not PDF, HTML, JSON or XML');
  }
}

/**
 * The meeting systems' exports, told by their XML's structure: the first whose test a document
 * passes reads it. A system's reader plugs in as one line here (its `is` and its `read`; a reader of
 * the text alone through `fromText`, exportReaders.ts).
 */
const XML_SYSTEMS: readonly XmlSystem[] = [
  { kind: 'sbsys-xml', system: 'SBSYS', dialect: 'sbsys-edagsorden', is: isSbsysPublication, read: readSbsysExport },
  { kind: 'edoc-xml', system: 'eDoc', dialect: 'edoc', is: isEdocPublication, read: readEdocPublication },
];

/**
 * Readers that tell and read their systems' exports in one call, each a line here: undefined when
 * the document is none of theirs; the files it names through `find`.
 */
const XML_DISPATCHERS: readonly ((doc: DomDocument, name: string, find: (name: string) => Uint8Array | undefined) => SystemExportRead | undefined)[] = [
  // Acadre (a meeting or its index), eDoc (Fujitsu) and GetOrganized.
  readSystemXml,
];

/** Whether a file is a meeting system's export (its XML), so that the folder it lies in is read as one source. */
export function isSystemExport(name: string, bytes: Uint8Array): boolean {
  if (sniff(name, bytes) !== 'xml') return false;
  const doc = parseXml(decodeMarkup(bytes));
  return XML_SYSTEMS.some((s) => s.is(doc)) || XML_DISPATCHERS.some((d) => d(doc, name, () => undefined) !== undefined);
}

function pdfOptions(host: ImportHost): ReadPdfOptions {
  return { ...(host.cMap ? { cMaps: host.cMap } : {}), ...(host.pdfTimeoutMs ? { timeoutMs: host.pdfTimeoutMs } : {}) };
}

/** Where an export's named files are looked for, and which of them it read. */
interface Surroundings {
  readonly folder: SourceFolder;
  readonly used: Set<SourceFile>;
}

/**
 * An XML file read as the export of the system whose structure it has, with the files it names from
 * its folder; undefined when it is no system's export.
 */
async function readExport(text: string, name: string, host: ImportHost, around?: Surroundings): Promise<ImportResult | undefined> {
  const doc = parseXml(text);
  const read = await readExportDocument(doc, text, name, host, around);
  // An export whose root is not closed was cut off: what was read is kept, and said to be perhaps not all.
  return read?.ok && endsUnclosed(doc) ? { ...read, notes: [...read.notes, CUT_OFF_EXPORT] } : read;
}

const CUT_OFF_EXPORT: LocalizedText = {
  da: 'XML-filen slutter, før dens elementer er lukket: den er afskåret, og punkter kan mangle. Hent eksporten igen.',
  en: 'The XML file ends before its elements are closed: it is cut off, and items may be missing. Export it again.',
};

async function readExportDocument(doc: DomDocument, text: string, name: string, host: ImportHost, around?: Surroundings): Promise<ImportResult | undefined> {
  const context: ExportContext = {
    name,
    inFolder: around !== undefined,
    find: (wanted) => {
      // A file on its own: what lies beside it, where the host can look.
      if (!around) return host.find?.(wanted);
      const file = around.folder.find(wanted, name);
      if (file) around.used.add(file);
      return file?.bytes;
    },
    readPdf: (bytes) => readPdf(bytes, pdfOptions(host)),
  };
  const stem = name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  // The dispatchers first: each tells its systems apart from those above (GetOrganized's `Publication` from SBSYS's).
  for (const dispatch of XML_DISPATCHERS) {
    const read = dispatch(doc, name, context.find);
    if (read) return (await fromReferatDocument(read, context.find, host)) ?? fromSystem(read, stem);
  }
  const system = XML_SYSTEMS.find((s) => s.is(doc));
  if (!system) return undefined;
  const read = await system.read(text, context);
  if (read.meetings.length === 0) return failure('no-minutes', `a ${system.system} export without items`, exportWithoutItems(system.system));
  const meetings = read.meetings.map((m) => structured(m, stem, system.dialect));
  return { ok: true, kind: system.kind, meetings, notes: read.notes };
}

/** How a folder came: from the disk, or as a zip. */
interface FolderOptions {
  readonly zip?: boolean;
}

/**
 * The minutes in a folder (or an unpacked zip): each meeting system's export in it read with the
 * files it names (those files are not read again on their own), then every other file that is a
 * source of its own, one referat per meeting. A file that gives none is a note where something was
 * read, the answer where nothing was. Never throws.
 */
export async function importFolder(folder: SourceFolder, host: ImportHost = {}, options: FolderOptions = {}): Promise<ImportResult> {
  try {
    return await readFolder(folder, host, options);
  } catch (e) {
    return failure('malformed', e instanceof Error ? `${e.name}: ${e.message}` : String(e));
  }
}

async function readFolder(folder: SourceFolder, host: ImportHost, options: FolderOptions): Promise<ImportResult> {
  if (folder.files.length === 0)
    return failure(
      'empty',
      options.zip ? 'a zip without files' : 'a folder without files',
      options.zip
        ? { da: 'Zip-filen rummer ingen filer. Hent den igen.', en: 'The zip holds no files. Download it again.' }
        : { da: 'Mappen rummer ingen filer, der kan importeres.', en: 'The folder holds no files that can be imported.' },
    );
  const used = new Set<SourceFile>();
  const exports: { file: SourceFile; result: ImportResult; used: Set<SourceFile> }[] = [];
  for (const file of folder.files) {
    if (sniff(file.name, file.bytes) !== 'xml') continue;
    const mine = new Set<SourceFile>();
    const result = await readExport(decodeMarkup(file.bytes), file.name, host, { folder, used: mine });
    if (!result) continue;
    exports.push({ file, result, used: mine });
    for (const f of mine) used.add(f);
  }
  // An export another one read (the referat an index names) is that one's, not a meeting again.
  const primary = exports.filter((x) => !used.has(x.file));
  const taken = new Set<SourceFile>([...used, ...exports.map((x) => x.file)]);
  const stems = new Set(primary.map((x) => stemOf(x.file.name)));
  const meetings: ImportedMeeting[] = [];
  const notes: LocalizedText[] = [];
  const failures: { name: string; result: Extract<ImportResult, { ok: false }> }[] = [];
  for (const x of primary) collect(x.file.name, x.result, meetings, notes, failures);
  const seen: SourceFile[] = [];
  const readByExports = [...used];
  const copies: string[] = [];
  for (const file of folder.files) {
    if (taken.has(file)) continue;
    // The page of an agenda whose XML lies beside it under the same name is that agenda again.
    if (sniff(file.name, file.bytes) === 'html' && stems.has(stemOf(file.name))) continue;
    // A file an export read, again under another name (eDoc's punkt and Bilag PDFs also under their titles), is that file.
    if (readByExports.some((f) => sameBytes(f.bytes, file.bytes))) {
      copies.push(file.name);
      continue;
    }
    // A file published twice under two names (the open referat in both of its bundles) is read once.
    if (seen.some((f) => sameBytes(f.bytes, file.bytes))) continue;
    seen.push(file);
    if (!/\.(?:pdf|html?|json|xml|zip)$/i.test(file.name) && sniff(file.name, file.bytes) === 'unknown') continue;
    collect(file.name, await importBytes(file.name, file.bytes, host, { nested: true }), meetings, notes, failures);
  }
  if (meetings.length === 0) {
    const only = failures.length === 1 ? failures[0]!.result : undefined;
    return only ?? failure(failures.length > 0 ? 'no-minutes' : 'unsupported', `${folder.files.length} files, no minutes`, NO_MINUTES_IN_FOLDER);
  }
  if (copies.length > 0) notes.push(copiesNote(copies));
  for (const f of failures) notes.push({ da: `${f.name}: ${f.result.message.da}`, en: `${f.name}: ${f.result.message.en}` });
  const first = primary[0]?.result;
  return { ok: true, kind: first?.ok ? first.kind : 'folder', meetings, notes };
}

function collect(
  name: string,
  result: ImportResult,
  meetings: ImportedMeeting[],
  notes: LocalizedText[],
  failures: { name: string; result: Extract<ImportResult, { ok: false }> }[],
): void {
  if (!result.ok) {
    failures.push({ name, result });
    return;
  }
  for (const m of result.meetings) meetings.push({ ...m, source: m.source ? `${name}/${m.source}` : name });
  for (const n of result.notes) notes.push({ da: `${name}: ${n.da}`, en: `${name}: ${n.en}` });
}

function stemOf(name: string): string {
  return name.toLowerCase().replace(/\.[^./]*$/, '');
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A punkt's own PDF from a system's export (eDoc writes one per punkt beside its XML): its first line
 * is the punkt's heading in the systems' `3.   Title` form, and nothing before it says which meeting it is.
 */
function isPunktAlone(text: string, referat: Referat): boolean {
  if (referat.punkter.length !== 1 || referat.dialect.punktHeading !== 'number-dot') return false;
  const first = text.split('\n').findIndex((l) => l.trim() !== '');
  return referat.punkter[0]!.headingRange.start.line === first && !referat.header.title && !referat.header.moedeDato;
}

function fromPage(html: string, stem: string): ImportResult {
  const page = readFirstAgendaPage(html);
  const system = page ? undefined : readSystemPage(html);
  if (system) return fromSystem(system, stem);
  if (!page) return failure('no-minutes', 'no First Agenda agenda table');
  // Only the page's own punkter are punkter: a line of its text shaped like a heading is text.
  const meeting = fromText(keepStructure(page.lines, page.headings).lines.join('\n'), stem);
  return meeting ? done('first-agenda-page', meeting, []) : failure('no-meeting', NO_MEETING_DETAIL);
}

/**
 * The meeting read from its own referat where the export names one that lies beside it (GetOrganized
 * publishes its items without their text, and the referat as a PDF): one referat for the meeting,
 * its other referat files (the open one beside the whole) taken as read. Undefined where there is none.
 */
async function fromReferatDocument(
  read: SystemExportRead,
  find: (name: string) => Uint8Array | undefined,
  host: ImportHost,
): Promise<ImportResult | undefined> {
  if (!read.ok || read.meetings.length !== 1) return undefined;
  const files = read.meetings[0]!.referatFiles ?? [];
  for (const file of files) {
    const bytes = find(file);
    if (!bytes) continue;
    const result = await importBytes(file, bytes, host, { nested: true });
    if (!result.ok || result.meetings.length !== 1 || result.meetings[0]!.punkter === 0) continue;
    for (const other of files) if (other !== file) find(other);
    const note = {
      da: `mødet er læst fra ${file}, som eksporten nævner som dets referat`,
      en: `the meeting is read from ${file}, which the export names as its referat`,
    };
    // Only where no public referat lies beside it: its closed punkter stand in it as open ones.
    const closed = read.meetings[0]!.closedReferatFiles?.includes(file)
      ? [
          {
            da: `${file} er ikke offentligt (eksportens lukkede referat), og dets lukkede punkter er ikke mærket lukkede: skriv "Lukket: " foran deres titler, før referatet offentliggøres`,
            en: `${file} is not public (the export's closed referat), and its closed items are not marked closed: write "Lukket: " before their titles before the referat is published`,
          },
        ]
      : [];
    return { ok: true, kind: result.kind, meetings: [{ ...result.meetings[0]!, source: file }], notes: [...read.notes, ...result.notes, note, ...closed] };
  }
  return undefined;
}

/** A meeting system's export as read, or why it could not be. */
function fromSystem(read: SystemExportRead, stem: string): ImportResult {
  if (!read.ok) return failure(read.problem, read.detail, read.message);
  const meetings = read.meetings.map((m) => meeting(m.lines, m.headings, m.body, m.moment, m.document, stem, m.dialect));
  return { ok: true, kind: read.kind, meetings, notes: read.notes };
}

function done(kind: SourceKind, meeting: ImportedMeeting, notes: readonly LocalizedText[], pages?: number): ImportResult {
  return { ok: true, kind, meetings: [meeting], notes, ...(pages !== undefined ? { pages } : {}) };
}

const NO_MEETING_DETAIL = 'no meeting header (title, date) and no punkter';

/**
 * A meeting from text whose header the parser reads: udvalg, date and kind as the document gives
 * them; undefined when the text holds no meeting, neither a header (a title or a meeting date) nor a
 * punkt (an attachment, a list of cases).
 */
function fromText(raw: string, stem: string): ImportedMeeting | undefined {
  const text = finish(raw.split('\n'));
  return meetingOf(text, parseReferat(text), stem);
}

/** The meeting in a finished text (see `finish`) and its reading. */
function meetingOf(text: string, referat: Referat, stem: string): ImportedMeeting | undefined {
  if (referat.punkter.length === 0 && !referat.header.title && !referat.header.moedeDato) return undefined;
  const title = referat.header.title;
  const date = title?.date?.date ?? referat.header.moedeDato?.date?.date;
  const udvalg = title?.udvalg ?? '';
  const document = title?.kind ?? referat.kind;
  return {
    text,
    dialect: detectDialect(text).id,
    udvalg: udvalg,
    ...(date ? { date: isoDate(date) } : {}),
    document,
    fileName: meetingFileName(udvalg, date ? isoDate(date) : undefined, document, stem),
    punkter: referat.punkter.length,
  };
}

/** A structured reader's meeting as a referat in its dialect. */
function structured(m: StructuredMinutes, stem: string, dialect: string): ImportedMeeting {
  return meeting(m.lines, m.headings, m.udvalg, m.moment, m.document, stem, dialect);
}

/** A meeting written by a structured reader, which knows its facts from the source's fields. */
function meeting(
  written: readonly string[],
  headings: readonly WrittenHeading[],
  udvalg: string,
  moment: Moment | undefined,
  document: 'referat' | 'dagsorden',
  stem: string,
  dialect: string,
): ImportedMeeting {
  // Only the source's own punkter are punkter, and every one it marks closed reads closed.
  const { lines, punkter } = keepStructure(written, headings);
  const text = finish(lines);
  const date = moment ? isoDate(moment.date) : undefined;
  return {
    text,
    dialect,
    udvalg: udvalg,
    ...(date ? { date } : {}),
    document,
    fileName: meetingFileName(udvalg, date, document, stem),
    punkter,
  };
}

/** Lines as a file: no trailing blanks on a line, no blank lines at the ends, one newline at the end. */
function finish(lines: readonly string[]): string {
  const out = lines.map((l) => l.replace(/[ \t]+$/, ''));
  while (out.length > 0 && out[0] === '') out.shift();
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}

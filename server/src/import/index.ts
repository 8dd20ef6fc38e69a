// `referat import`'s readers: a published source's bytes in, one referat's text per meeting out,
// in the source's own dialect, or one problem with a message saying what to do. Pure: the host
// reads the file (and pdf.js's CMaps) and writes the result; nothing here touches a disk, and
// whatever the bytes, the answer is a result, never an exception.
import { detectDialect } from '../dialect/detect';
import { parseReferat } from '../model/parse';
import { readFirstAgendaJson, isFirstAgendaJson } from './firstAgendaJson';
import { readFirstAgendaPage } from './firstAgendaPage';
import { parseXml } from './html';
import { keepStructure, type WrittenHeading } from './fields';
import { failure, IMPORT_MESSAGES } from './messages';
import { readPdf } from './pdf';
import { damagedPagesNote, notPdfMessage, scannedPagesNote } from './pdf/messages';
import { isSbsysPublication, readSbsysXml } from './sbsysXml';
import { decodeMarkup, sniff, utf8 } from './sniff';
import { readSystemPage, readSystemXml, type SystemExportRead } from './systemExports';
import { joinWrappedTitles, writeTocEntries } from './titles';
import type { ImportHost, ImportResult, ImportedMeeting, SourceKind } from './types';
import { isoDate, meetingFileName, type Moment } from './write';
import type { LocalizedText } from '../i18n/locale';

export type * from './types';
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

async function importBytes(name: string, bytes: Uint8Array, host: ImportHost): Promise<ImportResult> {
  const stem = name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const kind = sniff(name, bytes);
  switch (kind) {
    case 'empty':
      return failure('empty', `${bytes.length} bytes, none of them content`);
    case 'pdf': {
      const read = await readPdf(bytes, { ...(host.cMap ? { cMaps: host.cMap } : {}), ...(host.pdfTimeoutMs ? { timeoutMs: host.pdfTimeoutMs } : {}) });
      if (!read.ok) return failure(read.problem, read.detail, read.problem === 'not-pdf' ? notPdfMessage(bytes) : IMPORT_MESSAGES[read.problem]);
      const text = read.pages.map((p) => p.join('\n')).join('\n\n');
      // Every page that lost text, or never had any to read, is named: the import keeps every word or says which it could not.
      const notes = [
        ...(read.damagedPages.length > 0 ? [damagedPagesNote(read.damagedPages)] : []),
        ...(read.scannedPages.length > 0 ? [scannedPagesNote(read.scannedPages)] : []),
      ];
      return done('pdf', fromText(joinWrappedTitles(writeTocEntries(text)), stem), notes, read.pages.length);
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
      const minutes = readFirstAgendaJson(data);
      if (!minutes) return failure('no-minutes', 'no agenda items');
      return done('first-agenda-json', meeting(minutes.lines, minutes.headings, minutes.udvalg, minutes.moment, minutes.document, stem, 'greve'), []);
    }
    case 'xml': {
      const text = decodeMarkup(bytes);
      const doc = parseXml(text);
      // Acadre, eDoc (Fujitsu) and GetOrganized, known by their structure.
      const system = readSystemXml(doc, name, host.find);
      if (system) return fromSystem(system, stem);
      if (!isSbsysPublication(doc)) {
        // A web page saved as XHTML is still a page.
        if (/<html[\s>]/i.test(text.slice(0, PAGE_SNIFF_LENGTH))) return fromPage(text, stem);
        return failure('no-minutes', 'no <Publication> root');
      }
      const minutes = readSbsysXml(text);
      if (!minutes) return failure('no-minutes', 'no agenda items');
      return done('sbsys-xml', meeting(minutes.lines, minutes.headings, minutes.udvalg, minutes.moment, minutes.document, stem, 'sbsys-edagsorden'), []);
    }
    case 'html':
      return fromPage(decodeMarkup(bytes), stem);
    case 'zip':
      return failure('unsupported', 'a zip container (Word, Excel, …)');
    default:
      return failure('unsupported', 'not PDF, HTML, JSON or XML');
  }
}

function fromPage(html: string, stem: string): ImportResult {
  const page = readFirstAgendaPage(html);
  const system = page ? undefined : readSystemPage(html);
  if (system) return fromSystem(system, stem);
  if (!page) return failure('no-minutes', 'no First Agenda agenda table');
  // Only the page's own punkter are punkter: a line of its text shaped like a heading is text.
  return done('first-agenda-page', fromText(keepStructure(page.lines, page.headings).lines.join('\n'), stem), []);
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

/** A meeting from text whose header the parser reads: udvalg, date and kind as the document gives them. */
function fromText(raw: string, stem: string): ImportedMeeting {
  const text = finish(raw.split('\n'));
  const referat = parseReferat(text);
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

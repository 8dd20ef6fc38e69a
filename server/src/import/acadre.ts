// Acadre's meeting export (Syddjurs) as text in the `acadre` dialect, the form its own PDF has: an
// unlabelled header (`Referat` / the committee / the meeting / `Torsdag den 20. juni 2013` / `Kl. 10:30`
// / the place), the members for the meeting (else the committee's) under the dialect's words for who
// attended and who did not, then each item as `715. Title` (its number runs on through the year),
// `Sagsnr.:`, each `bullet` under its own name with its HTML laid out as a browser shows it, and the
// `enclosure`s by name under `Bilag`.
//
// The export is tables of fields: `<table name="agendaitem"><fields><field name="caseno">12/27845</field>…`.
// Its index (`XML_1863.xml`) names each document of the meeting in a `producedAgenda` table
// (`filesfolder`, `xmlfilename`), and those are read through the host's `find`.
import { ACADRE } from '../dialect/dialects';
import type { LocalizedText } from '../i18n/locale';
import { capitalize, formatDanishDate, weekdayName } from '../model/dates';
import { caseNumberLines, closedTitle, oneLine, type WrittenHeading } from './fields';
import { childElements, findAll, parseXml, rawText, type DomDocument, type DomElement } from './html';
import { incompleteExport, indexWithoutFiles, missingFileNote } from './messages';
import { decodeMarkup } from './sniff';
import { BILAG, child, documentKindNamed, documentTitle, saysClosed, htmlLines, isTrue, tidy, type SystemMeeting, type SystemExportRead } from './systemXml';
import { clock, isoMoment } from './write';

const SYSTEM = 'Acadre';

/** What an Acadre file is: a meeting's document (its `agenda` table) or the index of a meeting's documents. */
function acadreKind(doc: DomDocument): 'meeting' | 'index' | undefined {
  const root = child(doc, 'root');
  if (!root) return undefined;
  // The index has an `agenda` table too, of attributes: its `producedAgenda` tells it apart.
  if (tableBelow(root, 'producedAgenda')) return 'index';
  if (tables(root, 'agenda').length > 0) return 'meeting';
  return undefined;
}

/** The tables of that name directly under an element. */
function tables(e: DomElement, name: string): DomElement[] {
  return childElements(e, 'table').filter((t) => t.attribs.name === name);
}

/** The first table of that name anywhere below. */
function tableBelow(e: DomElement | undefined, name: string): DomElement | undefined {
  return e ? findAll(e, (t) => t.name === 'table' && t.attribs.name === name)[0] : undefined;
}

/** A table's fields by name (`<field name="caseno">12/27845</field>`), their text as written. */
function fieldsOf(table: DomElement | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const fields = child(table, 'fields');
  if (!fields) return out;
  for (const f of childElements(fields, 'field')) {
    const name = f.attribs.name;
    if (name !== undefined && !out.has(name)) out.set(name, rawText(f));
  }
  return out;
}

/** A field on one line. */
function field(fields: Map<string, string>, name: string): string {
  return oneLine(fields.get(name) ?? '');
}

const missing = (da: string, en: string): SystemExportRead => {
  const message = incompleteExport(SYSTEM, { da, en });
  return { ok: false, problem: 'incomplete-export', message, detail: `Acadre: ${en}` };
};

/** The meeting in an Acadre document (`3687981.XML`). */
export function readAcadreMeeting(doc: DomDocument): SystemExportRead {
  const root = child(doc, 'root');
  const agenda = root && tables(root, 'agenda')[0];
  if (!root || !agenda) return missing('mødet (tabellen agenda)', 'the meeting (table agenda)');
  const items = findAll(agenda, (e) => e.name === 'table' && e.attribs.name === 'agendaitemparents')
    .map((parent) => ({ parent, item: tables(parent, 'agendaitem')[0] }))
    .filter((x): x is { parent: DomElement; item: DomElement } => x.item !== undefined);
  if (items.length === 0) return missing('dagsordenspunkterne (tabellen agendaitem)', 'the agenda items (table agendaitem)');

  const document = documentKindNamed(field(fieldsOf(agenda), 'name')) === 'dagsorden' ? 'dagsorden' : 'referat';
  const committee = fieldsOf(tableBelow(agenda, 'committee'));
  const meetingTable = tableBelow(agenda, 'meeting');
  const meeting = fieldsOf(meetingTable);
  const body = field(committee, 'name') || field(meeting, 'name');
  const moment = isoMoment(field(meeting, 'date'));
  const lines: string[] = [documentTitle(document)];
  if (body) lines.push(body);
  const meetingName = field(meeting, 'name');
  if (meetingName && meetingName !== body) lines.push(meetingName);
  if (moment) {
    lines.push(`${capitalize(weekdayName(moment.date))} den ${formatDanishDate(moment.date)}`);
    const time = clock(moment);
    if (time) lines.push(`Kl. ${time}`);
  }
  // The address is written with `<br>` between its lines.
  const place = [field(meeting, 'location'), ...(meeting.get('address') ?? '').split(/<br\s*\/?>/i).map(oneLine)].filter((l) => l !== '');
  lines.push(...place, '');
  lines.push(...attendance(meetingTable, tableBelow(agenda, 'committee')));

  // The first item's number, where an item's own `sort` is missing: `startAgendaItemNo` of the agenda's data.
  const startField = child(child(root, 'agendaData'), 'startAgendaItemNo');
  const start = startField ? Number.parseInt(oneLine(rawText(startField)), 10) : Number.NaN;
  const headings: WrittenHeading[] = [];
  items.forEach(({ parent, item }, i) => {
    const sort = Number.parseInt(field(fieldsOf(parent), 'sort'), 10);
    const number = Number.isFinite(sort) ? sort : Number.isFinite(start) ? start + i : i + 1;
    writeItem(lines, headings, item, number);
  });
  const kept = tidy(lines, headings);
  const meetingRead: SystemMeeting = { ...kept, body, ...(moment ? { moment } : {}), document, dialect: ACADRE.id };
  return { ok: true, kind: 'acadre-xml', meetings: [meetingRead], notes: [] };
}

/** The members for the meeting (`meetmember`, with `absent`), else the committee's (`commember`), under the dialect's words. */
function attendance(meeting: DomElement | undefined, committee: DomElement | undefined): string[] {
  const list = tableBelow(meeting, 'meetmember') ?? tableBelow(committee, 'commember');
  const present: string[] = [];
  const absent: string[] = [];
  for (const m of list ? tables(list, 'member') : []) {
    const f = fieldsOf(m);
    const name = field(f, 'name');
    if (!name) continue;
    // The party where the export has one and the name does not already carry it (`Jesper Mathiesen (A)`).
    const party = field(f, 'party');
    const written = party && !/\([^)]*\)$/.test(name) ? `${name} (${party})` : name;
    (isTrue(field(f, 'absent')) ? absent : present).push(written);
  }
  const out: string[] = [];
  if (present.length > 0) out.push(ACADRE.attendance.present, ...present, '');
  // For a meeting, who was absent is said even when no one was, as Acadre's own PDF says it.
  if (absent.length > 0 || (list && list.attribs.name === 'meetmember')) out.push(ACADRE.attendance.absent, ...absent, '');
  return out;
}

/** One item: its heading, its case number, its bullets in their order, its enclosures under `Bilag`. */
function writeItem(lines: string[], headings: WrittenHeading[], item: DomElement, number: number): void {
  const f = fieldsOf(item);
  const title = field(f, 'name');
  // `access` 1 is open; 2 (closed) and 3 (about a person) are not published.
  const access = field(f, 'access');
  const closed = access !== '' ? access !== '1' : saysClosed(field(f, 'accessname')) || /person/i.test(field(f, 'accessname'));
  lines.push('');
  headings.push({ line: lines.length, closed });
  lines.push(`${number}. ${closed ? closedTitle(title) : title}`);
  const [caseNumber, ...more] = caseNumberLines(field(f, 'caseno'));
  if (caseNumber) lines.push(ACADRE.caseNumberLabel ? `${ACADRE.caseNumberLabel}: ${caseNumber}` : caseNumber, ...more);
  lines.push('');
  const bullets = tables(item, 'bullet')
    .map((b, i) => ({ f: fieldsOf(b), i }))
    .map(({ f: bf, i }) => ({
      name: field(bf, 'bulletname'),
      content: bf.get('bulletcontent') ?? '',
      order: Number.parseInt(field(bf, 'bulletsortorder'), 10),
      i,
    }))
    .sort((a, b) => (Number.isFinite(a.order) && Number.isFinite(b.order) ? a.order - b.order : a.i - b.i));
  const attachments: string[] = [];
  for (const b of bullets) {
    // Its bold and italic kept: Acadre's fields say things with them (`Tidsplanens punkter markeret med kursiv …`).
    const content = htmlLines(b.content, { emphasis: 'marked' });
    // The `Bilag` bullet goes last, with the enclosures: as Acadre's own PDF prints it.
    if (b.name.toLowerCase() === BILAG.toLowerCase()) {
      attachments.push(...content);
      continue;
    }
    // A bullet with nothing in it is not printed.
    if (content.length === 0) continue;
    if (b.name) lines.push(b.name);
    lines.push(...content, '');
  }
  for (const e of tables(item, 'enclosure')) {
    const ef = fieldsOf(e);
    const name = field(ef, 'name') || field(ef, 'description') || field(ef, 'filename');
    // Its document number in the archive (`222359/12`), as the PDF prints it beside the name.
    const fileno = field(ef, 'fileno');
    if (name) attachments.push(`- ${name}${fileno ? ` (${fileno})` : ''}`);
  }
  if (attachments.length > 0) lines.push(BILAG, ...attachments, '');
}

/**
 * The documents an Acadre index (`XML_1863.xml`) names, read through `find`: each `producedAgenda`'s
 * `filesfolder`/`xmlfilename`, or the file alone beside the index where its folder is not there. A
 * named file that is not there is noted; none there at all is the index refused.
 */
function readAcadreIndex(doc: DomDocument, indexName: string, find: ((name: string) => Uint8Array | undefined) | undefined): SystemExportRead {
  const entries = findAll(doc, (e) => e.name === 'table' && e.attribs.name === 'producedAgenda').flatMap((t) =>
    childElements(t, 'fields').map((fields) => {
      const attrs = new Map<string, string>();
      for (const f of childElements(fields, 'field')) for (const [k, v] of Object.entries(f.attribs)) if (!attrs.has(k)) attrs.set(k, oneLine(v));
      return { xml: attrs.get('xmlfilename') ?? '', folder: attrs.get('filesfolder') ?? '' };
    }),
  );
  const named = entries.filter((e) => e.xml !== '');
  if (named.length === 0) return missing('de dokumenter, det er et indeks over (tabellen producedAgenda)', 'the documents it indexes (table producedAgenda)');
  const meetings: SystemMeeting[] = [];
  const notes: LocalizedText[] = [];
  const paths = named.map((e) => (e.folder ? `${e.folder}/${e.xml}` : e.xml));
  let unreadable: SystemExportRead | undefined;
  named.forEach((e, i) => {
    const bytes = (e.folder ? find?.(paths[i]!) : undefined) ?? find?.(e.xml);
    if (!bytes) {
      notes.push(missingFileNote(SYSTEM, paths[i]!));
      return;
    }
    const read = readAcadreMeeting(parseXml(decodeMarkup(bytes)));
    if (read.ok) meetings.push(...read.meetings);
    else {
      unreadable ??= read;
      notes.push({ da: `${paths[i]}: ${read.message.da}`, en: `${paths[i]}: ${read.message.en}` });
    }
  });
  // A named file that is there but cannot be read says so itself.
  if (meetings.length === 0 && unreadable) return unreadable;
  if (meetings.length === 0) {
    const message = indexWithoutFiles(SYSTEM, indexName.replace(/^.*[\\/]/, ''), paths);
    return { ok: false, problem: 'index-without-files', message, detail: `Acadre index: none of ${paths.join(', ')} found` };
  }
  return { ok: true, kind: 'acadre-index', meetings, notes };
}

/** An Acadre file, document or index, read; undefined when it is none. */
export function readAcadre(doc: DomDocument, name: string, find?: (name: string) => Uint8Array | undefined): SystemExportRead | undefined {
  const kind = acadreKind(doc);
  if (kind === 'meeting') return readAcadreMeeting(doc);
  if (kind === 'index') return readAcadreIndex(doc, name, find);
  return undefined;
}

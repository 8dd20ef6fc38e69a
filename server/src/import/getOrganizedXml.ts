// GetOrganized's publication XML (Aarhus) as text in the `getorganized-publication` dialect: the header written
// from the meeting's fields (`Dagsorden` / the committee / `Mødedato:` / `Tidspunkt:` / `Mødested:`), who
// takes part and who has sent word, the meeting's own documents (its referat, open and closed, which
// the publication carries as items numbered 0) listed by name in the header, then each item as
// `Punkt 1: …` and each sub-item as `Punkt 1.2: …`, with its fields' text and its enclosures. The
// publication gives no item a case number, and none is made up: `MDR-2016-02836` in an item's ID is
// the meeting's.
import { GETORGANIZED_PUBLICATION } from '../dialect/dialects';
import { headerLabel, PUNKT_WORD } from '../dialect/vocabulary';
import { formatDanishDate } from '../model/dates';
import { closedTitle, type WrittenHeading } from './fields';
import type { DomDocument, DomElement } from './html';
import { rawText } from './html';
import { incompleteExport } from './messages';
import { BILAG, child, children, descendants, documentKindNamed, documentTitle, htmlLines, isTrue, text, tidy, type SystemExportRead } from './systemXml';
import { clock, danishMoment } from './write';

const SYSTEM = 'GetOrganized';

/** A meeting's own document (the referat), which the publication carries as an item numbered 0. */
const isDocument = (item: DomElement): boolean => text(child(item, 'Number')) === '0';

/** Whether the XML is GetOrganized's publication: SBSYS's `<Publication>` shape with GetOrganized's own fields. */
export function isGetOrganized(doc: DomDocument): boolean {
  const publication = child(doc, 'Publication');
  if (!publication) return false;
  const agendas = children(child(publication, 'Agendas'), 'Agenda');
  return agendas.some(
    (a) =>
      child(a, 'Organisation') !== undefined ||
      children(child(a, 'Items'), 'Item').some((i) => child(i, 'IsExternal') !== undefined || /_case_/.test(i.attribs.ID ?? '')),
  );
}

export function readGetOrganized(doc: DomDocument): SystemExportRead {
  const publication = child(doc, 'Publication');
  const agenda = children(child(publication, 'Agendas'), 'Agenda')[0];
  const meeting = child(agenda, 'Meeting');
  const all = children(child(agenda, 'Items'), 'Item');
  const items = all.filter((i) => !isDocument(i));
  const fail = (da: string, en: string): SystemExportRead => ({
    ok: false,
    problem: 'incomplete-export',
    message: incompleteExport(SYSTEM, { da, en }),
    detail: `GetOrganized: ${en}`,
  });
  if (!agenda) return fail('mødet (Agenda)', 'the meeting (Agenda)');
  if (items.length === 0) return fail('mødets punkter (Item)', "the meeting's items (Item)");

  const body = text(child(child(agenda, 'Committee'), 'Name')) || text(child(agenda, 'Name'));
  const moment = danishMoment(text(child(meeting, 'When')));
  const until = danishMoment(text(child(meeting, 'Until')));
  const type = text(child(agenda, 'PublicationTypeAsEnum'));
  const document = documentKindNamed(type) === 'referat' || /minutes/i.test(type) ? 'referat' : 'dagsorden';
  const lines: string[] = [documentTitle(document)];
  if (body) lines.push(body);
  // The meeting's own name (`Mødesystemgruppen 06-10-2016`), where it is more than the committee's.
  const meetingName = text(child(agenda, 'Name'));
  if (meetingName && meetingName !== body) lines.push(meetingName);
  if (moment) {
    lines.push(`${headerLabel('moedeDato')}:\t${formatDanishDate(moment.date)}`);
    const from = clock(moment);
    const to = until && clock(until);
    if (from) lines.push(`${headerLabel('tidspunkt')}:\t${to ? `${from} - ${to}` : from}`);
  }
  const place = text(child(meeting, 'Where'));
  if (place) lines.push(`${headerLabel('moedested')}:\t${place}`);
  lines.push('');
  // `Participate` 0 takes part; anything else has sent word (as OS2web's importer of these files reads it).
  const members = children(child(meeting, 'Members'), 'MeetingMember').map((m) => ({
    name: text(child(m, 'Name')),
    away: isTrue(text(child(m, 'Participate'))),
  }));
  const present = members.filter((m) => m.name && !m.away).map((m) => m.name);
  const absent = members.filter((m) => m.name && m.away).map((m) => m.name);
  if (present.length > 0) lines.push(GETORGANIZED_PUBLICATION.attendance.present, ...present, '');
  if (absent.length > 0) lines.push(GETORGANIZED_PUBLICATION.attendance.absent, ...absent, '');
  // The meeting's documents: under their own captions (`Åbent referat`), each file by name.
  for (const d of all.filter(isDocument)) {
    const files = enclosures(d);
    if (files.length === 0) continue;
    lines.push(text(child(d, 'Caption')), ...files.map((f) => `- ${f}`), '');
  }

  const headings: WrittenHeading[] = [];
  const numbers = new Set<string>();
  items.forEach((item, i) => {
    // A number as the publication writes it (`1`, `1.2`), else the item's place.
    const written = text(child(item, 'Number'));
    const number = /^\d{1,6}(?:\.\d{1,3})*$/.test(written) && !numbers.has(written) ? written : String(i + 1);
    numbers.add(number);
    const caption = text(child(item, 'Caption'));
    const closed = text(child(item, 'IsPublic')).toLowerCase() === 'false';
    lines.push('');
    headings.push({ line: lines.length, closed });
    lines.push(`${PUNKT_WORD} ${number}: ${closed ? closedTitle(caption) : caption}`, '');
    for (const f of children(child(item, 'Fields'), 'ItemField')) {
      const content = htmlLines(rawText(child(f, 'Content') ?? f));
      if (content.length === 0) continue;
      const fieldCaption = text(child(f, 'Caption'));
      // A field named as its item (GetOrganized's one field) needs no heading of its own.
      if (fieldCaption && fieldCaption !== caption) lines.push(fieldCaption);
      lines.push(...content, '');
    }
    const files = enclosures(item);
    if (files.length > 0) lines.push(BILAG, ...files.map((f) => `- ${f}`), '');
  });
  const kept = tidy(lines, headings);
  // The referat documents' files, the public one first. The one that is not public holds the closed
  // punkter too, and nothing in its text marks them closed: read as it is, they would be published.
  const filesOf = (d: DomElement): string[] =>
    descendants(child(d, 'Enclosures') ?? d, 'Enclosure')
      .map((e) => text(child(e, 'FileName')))
      .filter((f) => f !== '');
  const documents = all.filter(isDocument);
  const isPublicDocument = (d: DomElement): boolean => isTrue(text(child(d, 'IsPublic')));
  const closedReferatFiles = documents.filter((d) => !isPublicDocument(d)).flatMap(filesOf);
  const referatFiles = [...documents.filter(isPublicDocument).flatMap(filesOf), ...closedReferatFiles];
  return {
    ok: true,
    kind: 'getorganized-xml',
    meetings: [
      {
        ...kept,
        body,
        ...(moment ? { moment } : {}),
        document,
        dialect: GETORGANIZED_PUBLICATION.id,
        ...(referatFiles.length > 0 ? { referatFiles, closedReferatFiles } : {}),
      },
    ],
    notes: [],
  };
}

/** An item's enclosures by name, with the file's name where it differs: `Referat - Åbent (Appendix_referat - åbent.pdf)`. */
function enclosures(item: DomElement): string[] {
  return descendants(child(item, 'Enclosures') ?? item, 'Enclosure').flatMap((e) => {
    const name = text(child(e, 'Name'));
    const file = text(child(e, 'FileName'));
    if (!name && !file) return [];
    return [name && file && file !== name ? `${name} (${file})` : name || file];
  });
}

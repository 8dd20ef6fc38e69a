// SBSYS eDagsorden's publication XML as text in eDoc's form, the form Ballerup's minutes of the same
// years have (dialect `sbsys-edagsorden`): an unlabelled header written from the meeting's fields
// (`Dagsorden` / the committee / `onsdag den 15. maj 2013, kl. 16:30` / `i <place>`), the members,
// then each item as `1.   Title`, its case number where the publication has one (`Sagsnr.:`), each
// field under its caption with its HTML laid out as a browser shows it, and its attachments by name.
// A field with nothing in it is shown as its caption alone where the publication's own settings
// show it to its readers (`ShowEmptyFeedbackFields`: the empty `Beslutning` of an agenda), else left out.
import { caseNumberLines, closedTitle, keepSections, oneLine, type WrittenHeading } from './fields';
import { childElements, findFirst, inlineText, layoutNodes, parseHtml, parseXml, rawText, type DomDocument, type DomElement } from './html';
import { normaliseName } from './bundle';
import { sniff } from './sniff';
import { filesNote, type ExportContext, type ExportRead } from './exportReaders';
import { danishMoment, edocDate, type Moment } from './write';
import { SBSYS_EDAGSORDEN } from '../dialect/dialects';
import { documentWord, PUNKT_WORD, SECTION_KINDS } from '../dialect/vocabulary';
import { pad2 } from '../model/dates';

// The words of the dialect this reader writes.
const { present: PRESENT, absent: ABSENT, members: MEMBERS = PRESENT } = SBSYS_EDAGSORDEN.attendance;

export interface XmlMinutes {
  readonly lines: string[];
  /** The enclosures' files as the publication names them (`Enclosures\\1.pdf`), where it wrote them to files. */
  readonly enclosureFiles: string[];
  /** The items' heading lines, and which the publication marks closed. */
  readonly headings: WrittenHeading[];
  readonly punkter: number;
  readonly udvalg: string;
  readonly moment?: Moment;
  readonly document: 'referat' | 'dagsorden';
}

/**
 * Whether the document is an eDagsorden publication: a `Publication` with the publisher's own
 * fields (its type, its settings, who published it). GetOrganized writes a `Publication` of its
 * own, with agendas and items of the same names but none of those fields.
 */
export function isSbsysPublication(doc: DomDocument): boolean {
  const publication = childElements(doc).find((e) => e.name === 'Publication');
  return publication !== undefined && childElements(publication).some((e) => SBSYS_PUBLICATION_FIELDS.has(e.name));
}

const SBSYS_PUBLICATION_FIELDS = new Set(['PublicationTypeAsEnum', 'PublicationTypeAsValue', 'GeneratorSettings', 'PublishedBy', 'Published']);

function readSbsysXml(xml: string): XmlMinutes | undefined {
  const doc = parseXml(xml);
  const publication = childElements(doc).find((e) => e.name === 'Publication');
  const agenda = publication && findFirst(publication, (e) => e.name === 'Agenda');
  const items = agenda ? childElements(child(agenda, 'Items') ?? agenda, 'Item') : [];
  if (!publication || !agenda || items.length === 0) return undefined;

  const type = text(child(publication, 'PublicationTypeAsEnum'));
  const document = /minutes|referat/i.test(type) ? 'referat' : 'dagsorden';
  const meeting = child(agenda, 'Meeting');
  const body = text(child(agenda, 'Name')) || text(findFirst(agenda, (e) => e.name === 'Committee'));
  const moment = danishMoment(text(meeting && child(meeting, 'When')));
  const committeeElement = findFirst(agenda, (e) => e.name === 'Committee');
  const committee = committeeElement ? text(child(committeeElement, 'Name')) : '';
  const place = text(meeting && child(meeting, 'Where'));

  const settings = child(publication, 'GeneratorSettings');
  const showEmpty = text(settings && child(settings, 'ShowEmptyFields')).toLowerCase() === 'true';
  const showEmptyFeedback = text(settings && child(settings, 'ShowEmptyFeedbackFields')).toLowerCase() !== 'false';

  const lines: string[] = [documentWord(document, 'capital'), ''];
  if (body) lines.push(body);
  if (moment) lines.push(edocDate(moment));
  if (place) lines.push(`i ${place}`);
  lines.push('');
  const members = meeting ? childElements(child(meeting, 'Members') ?? meeting, 'MeetingMember') : [];
  const groups = new Map<string, string[]>();
  for (const m of members) {
    const name = text(child(m, 'Name'));
    if (!name) continue;
    const label = attendanceLabel(text(child(m, 'ParticipationStatusAsText')));
    const note = text(child(m, 'ParticipationNote'));
    groups.set(label, [...(groups.get(label) ?? []), note ? `${name} - ${note}` : name]);
  }
  for (const label of [MEMBERS, PRESENT, ABSENT]) {
    const names = groups.get(label);
    if (names) lines.push(label, ...names, '');
  }

  const headings: WrittenHeading[] = [];
  const enclosureFiles: string[] = [];
  const own = new Set<number>();
  items.forEach((item, i) => {
    const number = text(child(item, 'Number')) || String(i + 1);
    const caption = text(child(item, 'Caption'));
    // The publication's own flag decides, whatever the caption says (`Lukket punkt`, `LUKKET`, or nothing).
    const open = text(child(item, 'IsPublic')).toLowerCase() !== 'false';
    headings.push({ line: lines.length, closed: !open });
    lines.push(`${number}.   ${open ? caption : closedTitle(caption)}`);
    // The case's own number, never the item's: a publication without a case has none.
    const itemCase = child(item, 'Case');
    const caseNumber = itemCase ? text(child(itemCase, 'Number')) : '';
    const [number1, ...more] = caseNumberLines(caseNumber);
    if (number1) lines.push(SBSYS_EDAGSORDEN.caseNumberLabel ? `${SBSYS_EDAGSORDEN.caseNumberLabel}: ${number1}` : number1, ...more);
    lines.push('');
    for (const field of childElements(child(item, 'Fields') ?? item, 'ItemField')) {
      const content = layoutNodes([...parseHtml(rawText(child(field, 'Content') ?? field)).children]);
      const caption = text(child(field, 'Caption'));
      const feedback = text(child(field, 'IsFeedback')).toLowerCase() === 'true';
      if (content.length === 0 && !(caption && (feedback ? showEmptyFeedback : showEmpty))) continue;
      if (caption) {
        own.add(lines.length);
        lines.push(feedback && document === 'referat' ? decisionHeading(caption, committee, moment, number) : caption);
      }
      lines.push(...content, '');
    }
    const enclosures = childElements(child(item, 'Enclosures') ?? item, 'Enclosure');
    if (enclosures.length > 0) {
      own.add(lines.length);
      lines.push(SECTION_KINDS.bilag);
      for (const e of enclosures) {
        const name = text(child(e, 'Name')) || text(child(e, 'FileName'));
        const url = text(child(e, 'DownloadUrl'));
        lines.push(`- ${name}${/^https?:\/\//i.test(url) ? ` (${url})` : ''}`);
        const file = text(child(e, 'InstantiationFilePathRelative')) || text(child(e, 'InstantiationFileName'));
        if (file) enclosureFiles.push(normaliseName(file));
      }
      lines.push('');
    }
  });
  while (lines[lines.length - 1] === '') lines.pop();
  const written = keepSections(lines, own);
  return { lines: written, enclosureFiles, headings, punkter: items.length, udvalg: body, ...(moment ? { moment } : {}), document };
}

/**
 * The meeting's own committee's decision field in minutes (`FORRETNINGSUDVALGETS BESLUTNING`, the
 * committee's name and the decision word), dated as eDoc dates its decisions, so that it reads as
 * this meeting's decision: `FORRETNINGSUDVALGETS BESLUTNING den 25.09.2012 Punkt 1`. Another body's
 * (the council's, to come) stays as the publication captions it.
 */
function decisionHeading(caption: string, committee: string, moment: Moment | undefined, number: string): string {
  const lower = caption.toLowerCase();
  const own = committee !== '' && lower.startsWith(committee.toLowerCase()) && lower.endsWith(SECTION_KINDS.beslutning.toLowerCase());
  if (!own || !moment || !/^\d{1,6}$/.test(number)) return caption;
  const d = moment.date;
  return `${caption} den ${pad2(d.day)}.${pad2(d.month)}.${d.year} ${PUNKT_WORD} ${number}`;
}

function child(e: DomElement, name: string): DomElement | undefined {
  return childElements(e).find((c) => c.name === name);
}

/** A field's text on one line: no break from the source may end the line it is written on. */
function text(e: DomElement | undefined): string {
  return e ? oneLine(inlineText(e)) : '';
}

/** SBSYS's participation states as the header's blocks: not yet decided (an agenda) lists the members. */
function attendanceLabel(status: string): string {
  if (/absent|notparticipating|cancel|afbud|fravær/i.test(status)) return ABSENT;
  if (/^participat|present|attend|deltag/i.test(status)) return PRESENT;
  return MEMBERS;
}

/** An enclosure larger than this is not opened to see whether it has text: only its name is listed. */
const MAX_ENCLOSURE_CHECKED = 4 * 1024 * 1024;

/**
 * The publication as the system's folder holds it: the meeting, and in the notes the enclosures it
 * names that are not in the folder or have no text (a blank page is listed as a Bilag like any
 * other, never the reason the meeting is not read).
 */
export async function readSbsysExport(xml: string, context: ExportContext): Promise<ExportRead> {
  const minutes = readSbsysXml(xml);
  if (!minutes) return { meetings: [], notes: [] };
  const missing: string[] = [];
  const blank: string[] = [];
  if (context.inFolder) {
    for (const name of minutes.enclosureFiles) {
      const bytes = context.find(name);
      if (!bytes) missing.push(name);
      else if (bytes.length <= MAX_ENCLOSURE_CHECKED && sniff(name, bytes) === 'pdf') {
        const read = await context.readPdf(bytes);
        if (!read.ok && (read.problem === 'blank' || read.problem === 'no-text')) blank.push(name);
      }
    }
  }
  const enclosures = { da: ['bilag', 'bilag'], en: ['enclosure', 'enclosures'] } as const;
  // An XML taken out of its folder lacks every file: only a folder that holds some of them lacks the others.
  const lacking = missing.length < minutes.enclosureFiles.length ? missing : [];
  const notes = [filesNote('missing', lacking, enclosures), filesNote('no-text', blank, enclosures)].filter((n) => n !== undefined);
  return { meetings: [minutes], notes };
}

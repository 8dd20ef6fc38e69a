// SBSYS eDagsorden's publication XML as text in eDoc's form, the form Ballerup's minutes of the same
// years have (dialect `sbsys-edagsorden`): an unlabelled header written from the meeting's fields
// (`Dagsorden` / the committee / `onsdag den 15. maj 2013, kl. 16:30` / `i <place>`), the members,
// then each item as `1.   Title`, its case number where the publication has one (`Sagsnr.:`), each
// field under its caption with its HTML laid out as a browser shows it, and its attachments by name.
// A field with nothing in it is left out, but for the decision's: it is shown as its caption alone
// where the publication's own settings show it to its readers (`ShowEmptyFeedbackFields`: the empty
// `Beslutning` of an agenda); a body's decision field is written as dated decisions (`bodyDecision`).
import { caseNumberLines, closedTitle, keepSections, oneLine, type WrittenHeading } from './fields';
import { childElements, findFirst, inlineText, layoutNodes, parseHtml, parseXml, rawText, type DomDocument, type DomElement } from './html';
import { normaliseName } from './bundle';
import { sniff } from './sniff';
import { filesNote, type ExportContext, type ExportRead } from './exportReaders';
import { danishMoment, edocDate, isoMoment, type Moment } from './write';
import { SBSYS_EDAGSORDEN } from '../dialect/dialects';
import { documentWord, PUNKT_WORD, SECTION_KINDS } from '../dialect/vocabulary';
import { compareDates, pad2, sameDate } from '../model/dates';
import { NUMERIC_DATE, readDate, TEXT_DATE } from '../model/read';
import type { CalendarDate } from '../model/types';

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

  // The publication's type, as SBSYS numbers it (0 a draft, 1 an agenda, 2 minutes; OS2dagsorden's
  // importer reads it so), or as its name says.
  const type = text(child(publication, 'PublicationTypeAsEnum'));
  const document = text(child(publication, 'PublicationTypeAsValue')) === '2' || /minutes|referat/i.test(type) ? 'referat' : 'dagsorden';
  const meeting = child(agenda, 'Meeting');
  const body = text(child(agenda, 'Name')) || text(findFirst(agenda, (e) => e.name === 'Committee'));
  const moment = danishMoment(text(meeting && child(meeting, 'When')));
  const committeeElement = findFirst(agenda, (e) => e.name === 'Committee');
  const committee = committeeElement ? text(child(committeeElement, 'Name')) : '';
  const place = text(meeting && child(meeting, 'Where'));

  const settings = child(publication, 'GeneratorSettings');
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
    // The case's earlier decisions (`ItemHistory`), before this meeting's: each after its own heading.
    let history: { text: string; heading: boolean }[] | undefined = itemHistory(item);
    const writeHistory = (): void => {
      for (const l of history ?? []) {
        if (l.heading) own.add(lines.length);
        lines.push(l.text);
      }
      history = undefined;
    };
    for (const field of childElements(child(item, 'Fields') ?? item, 'ItemField')) {
      const content = withoutPlaceholder(layoutNodes([...parseHtml(rawText(child(field, 'Content') ?? field)).children]));
      const caption = text(child(field, 'Caption'));
      const feedback = text(child(field, 'IsFeedback')).toLowerCase() === 'true';
      if (feedback) writeHistory();
      // A body's own decision field (`FORRETNINGSUDVALGETS BESLUTNING`): its handlings, each under a dated heading.
      if (feedback && moment && BODY_DECISION.test(caption)) {
        for (const l of bodyDecision({ caption, content, own: isOwnBody(caption, [committee, body]), meeting: moment.date, number })) {
          if (l.heading) own.add(lines.length);
          lines.push(l.text);
        }
        continue;
      }
      // An empty field is left out, an empty heading says nothing; but the decision's place, where the publication shows it empty.
      if (content.length === 0 && !(caption && feedback && showEmptyFeedback)) continue;
      if (caption) {
        own.add(lines.length);
        lines.push(caption);
      }
      lines.push(...content, '');
    }
    writeHistory();
    const enclosures = childElements(child(item, 'Enclosures') ?? item, 'Enclosure');
    if (enclosures.length > 0) {
      own.add(lines.length);
      lines.push(SECTION_KINDS.bilag);
      for (const e of enclosures) {
        const name = text(child(e, 'Name')) || text(child(e, 'FileName'));
        // An enclosure the system protects is named, never linked: its address would be published with the punkt.
        const url = text(child(e, 'IsProtected')).toLowerCase() === 'true' ? '' : text(child(e, 'DownloadUrl'));
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
 * An item's earlier decisions as SBSYS's publication lists them (`ItemHistory`: each an `ItemField`
 * with its caption, its text and the meeting it was made at, `MeetingDetails` with `CommitteeName`
 * and `MeetingDueDate`), as earlier decisions: `Beslutning fra Økonomiudvalget den 06.05.2013`, its
 * caption where it is no decision word, then its text. One without a date stays as written, under its caption.
 */
function itemHistory(item: DomElement): { text: string; heading: boolean }[] {
  const out: { text: string; heading: boolean }[] = [];
  const history = child(item, 'ItemHistory');
  for (const field of history ? childElements(history, 'ItemField') : []) {
    if (text(child(field, 'HasContent')).toLowerCase() === 'false') continue;
    const content = withoutPlaceholder(layoutNodes([...parseHtml(rawText(child(field, 'Content') ?? field)).children]));
    if (!content.some((l) => l.trim() !== '')) continue;
    const caption = text(child(field, 'Caption'));
    const details = child(field, 'MeetingDetails');
    const by = text(details && child(details, 'CommitteeName'));
    const due = text(details && child(details, 'MeetingDueDate'));
    const when = (isoMoment(due) ?? danishMoment(due))?.date;
    if (when) {
      const d = `${pad2(when.day)}.${pad2(when.month)}.${when.year}`;
      out.push({ text: `${SECTION_KINDS.tidligereBeslutning} ${by || 'udvalget'} den ${d}`, heading: true });
      if (caption && !DECISION_CAPTION.test(caption)) out.push({ text: caption, heading: false });
    } else if (caption) out.push({ text: caption, heading: true });
    out.push(...content.map((l) => ({ text: l, heading: false })), { text: '', heading: false });
  }
  return out;
}

/** A caption that says only that it is a decision (`Beslutning`): the heading says so already. */
const DECISION_CAPTION = new RegExp(String.raw`^${SECTION_KINDS.beslutning}(?:er)?$`, 'i');

/** What SBSYS writes in a field left empty. */
const EMPTY_FIELD = /^tomt[ \t]+indhold\.?$/i;

/** A field's lines, none where it holds only SBSYS's words for an empty field. */
function withoutPlaceholder(content: string[]): string[] {
  const said = content.filter((l) => l.trim() !== '');
  return said.length > 0 && said.every((l) => EMPTY_FIELD.test(l.trim())) ? [] : content;
}

/** A decision field named for a body (`FORRETNINGSUDVALGETS BESLUTNING`, `Regionsrådets beslutning`): the body's name, then the decision word. */
const BODY_DECISION = new RegExp(String.raw`^\S.*[ \t]${SECTION_KINDS.beslutning}$`, 'iu');

/** Whether a body's decision field is the meeting's own: the caption starts with the committee's name, or the agenda's where it names no committee. */
function isOwnBody(caption: string, names: readonly string[]): boolean {
  const lower = caption.toLowerCase();
  return names.some((name) => name !== '' && lower.startsWith(name.toLowerCase()));
}

/** One handling in a decision field: `18. september 2012: Sagen udsat …`, the date and what follows it on its line. */
const HANDLING = new RegExp(String.raw`^(${TEXT_DATE}|${NUMERIC_DATE})[ \t]*:[ \t]*(.*)$`, 'u');

interface BodyDecision {
  readonly caption: string;
  readonly content: readonly string[];
  /** The meeting's own committee's field, where this meeting's decision goes. */
  readonly own: boolean;
  readonly meeting: CalendarDate;
  /** The item's number. */
  readonly number: string;
}

/**
 * A body's decision field as the dialect's dated decisions. SBSYS (Region Hovedstaden) writes each
 * handling of the case in it, dated: `18. september 2012: Sagen udsat …`, and for the meeting to
 * come the date alone (`25. september 2012:`). Each becomes `FORRETNINGSUDVALGETS BESLUTNING den
 * 18.09.2012` with its text, so an earlier handling, who was absent from it, and the field of a body
 * still to decide are never read as this meeting's decision. The meeting's own committee's field
 * always has this meeting's (`… den 25.09.2012 Punkt 1`), empty in an agenda: where she writes it.
 * Another body's field with nothing in it (the council's, to come) is left out: under this
 * meeting's decision its caption would read as that decision's text.
 */
function bodyDecision(field: BodyDecision): { text: string; heading: boolean }[] {
  const { caption, content, own, meeting, number } = field;
  const dated = (date: CalendarDate): string => {
    const today = sameDate(date, meeting);
    return `${caption} den ${pad2(date.day)}.${pad2(date.month)}.${date.year}${today && /^\d{1,6}$/.test(number) ? ` ${PUNKT_WORD} ${number}` : ''}`;
  };
  const lead: string[] = [];
  const handlings: { date: CalendarDate; text: string[] }[] = [];
  for (const line of content) {
    const m = HANDLING.exec(line.trim());
    const date = m ? readDate(m[1]!, 0, 0).date : undefined;
    // Another body's handling on this meeting's day is not this meeting's decision, and a day met
    // again in the field is no handling of its own: each stays text.
    const handling = m && date && (own || compareDates(date, meeting) < 0) && !handlings.some((h) => sameDate(h.date, date));
    if (handling) handlings.push({ date, text: m[2] ? [m[2]] : [] });
    else if (handlings.length > 0) handlings[handlings.length - 1]!.text.push(line);
    else lead.push(line);
  }
  const out: { text: string; heading: boolean }[] = [];
  const said = (ls: readonly string[]): boolean => ls.some((l) => l.trim() !== '');
  if (!own && !said(content)) return out;
  if (handlings.length === 0) {
    // No handling dated: the field is the meeting's decision when it is the committee's own, else another body's as the publication captions it.
    out.push({ text: own ? dated(meeting) : caption, heading: true });
    for (const l of content) out.push({ text: l, heading: false });
    out.push({ text: '', heading: false });
    return out;
  }
  if (said(lead)) {
    out.push({ text: caption, heading: true });
    for (const l of lead) out.push({ text: l, heading: false });
    out.push({ text: '', heading: false });
  }
  for (const h of handlings) {
    out.push({ text: dated(h.date), heading: true });
    for (const l of h.text) out.push({ text: l, heading: false });
    out.push({ text: '', heading: false });
  }
  if (own && !handlings.some((h) => sameDate(h.date, meeting))) out.push({ text: dated(meeting), heading: true }, { text: '', heading: false });
  return out;
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

// First Agenda's publication API JSON (as Greve publishes its minutes) as text in the `greve`
// dialect: the header written from the meeting's fields in First Agenda's PDF form, then each punkt
// as `Punkt N: Title`, its case number, its fields' HTML laid out as a browser shows it, and its
// attachments by name and address. A closed punkt is known by its title's `Lukket:` alone: the
// API's `IsOpen` is false on every item, open or closed.
import { caseNumberLines, closedTitle, oneLine, type WrittenHeading } from './fields';
import { htmlToLines } from './html';
import { firstAgendaDate, formatTitleDate, isoMoment, type Moment } from './write';
import { GREVE } from '../dialect/dialects';
import { CLOSED_MARKER, documentWord, headerLabel, PUNKT_WORD, SECTION_KINDS } from '../dialect/vocabulary';

/** A caption that begins with the closed marker (`Lukket: …`, `Lukket punkt`, `LUKKET`). */
const CLOSED_CAPTION = new RegExp(`^${CLOSED_MARKER}(?![\\p{L}\\p{N}])`, 'iu');

export interface JsonMinutes {
  readonly lines: string[];
  /** The punkter's heading lines, and which the source marks closed. */
  readonly headings: WrittenHeading[];
  readonly punkter: number;
  readonly udvalg: string;
  readonly moment?: Moment;
  readonly document: 'referat' | 'dagsorden';
}

interface Attendee {
  readonly Name?: unknown;
  readonly Absent?: unknown;
  readonly ParticipationCancelled?: unknown;
}

interface Item {
  readonly IsOpen?: unknown;
  readonly IsPublic?: unknown;
  readonly AccessIsPublic?: unknown;
  readonly Lukket?: unknown;
  readonly Number?: unknown;
  readonly Punktnummer?: unknown;
  readonly Caption?: unknown;
  readonly Navn?: unknown;
  readonly CaseNumber?: unknown;
  readonly SagsNummer?: unknown;
  readonly Felter?: unknown;
  readonly Bilag?: unknown;
  readonly ItemDecision?: unknown;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
/** A field written on one line of the referat. */
const field = (v: unknown): string => oneLine(str(v));
const list = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null) : [];

/** Whether parsed JSON has the API's shape: a meeting with agenda items. */
export function isFirstAgendaJson(data: unknown): boolean {
  return typeof data === 'object' && data !== null && Array.isArray((data as Record<string, unknown>).Dagsordenpunkter);
}

/** The minutes in the JSON, or undefined when it has no agenda items. */
export function readFirstAgendaJson(data: unknown): JsonMinutes | undefined {
  if (!isFirstAgendaJson(data)) return undefined;
  const root = data as Record<string, unknown>;
  const items = list(root.Dagsordenpunkter) as Item[];
  if (items.length === 0) return undefined;
  const meeting = (typeof root.Moede === 'object' && root.Moede !== null ? root.Moede : {}) as Record<string, unknown>;
  const committee = (typeof root.Udvalg === 'object' && root.Udvalg !== null ? root.Udvalg : {}) as Record<string, unknown>;
  const body = field(committee.Navn);
  const moment = isoMoment(str(meeting.Dato) || str(meeting.MeetingBeginUtc));
  // The API calls every meeting "Dagsorden"; one that is concluded has its minutes.
  const document = meeting.Afsluttet === false ? 'dagsorden' : 'referat';

  const lines: string[] = [];
  lines.push(`${documentWord(document, 'upper')} ${body}${moment ? ` d. ${formatTitleDate(moment.date)}` : ''}`.trim(), '');
  if (moment) lines.push(`${headerLabel('moedeDato')}   ${firstAgendaDate(moment)}`, '');
  const place = field(meeting.Sted);
  if (place) lines.push(`${headerLabel('moedested')}   ${place}`, '');
  const people = list(meeting.Moededeltagere) as Attendee[];
  const away = (p: Attendee): boolean => p.Absent === true || p.ParticipationCancelled === true;
  const names = (ps: Attendee[]): string =>
    ps
      .map((p) => field(p.Name))
      .filter((n) => n !== '')
      .join(', ');
  const present = names(people.filter((p) => !away(p)));
  const absent = names(people.filter(away));
  if (present) lines.push(`${GREVE.attendance.present}   ${present}`, '');
  if (absent) lines.push(`${GREVE.attendance.absent}   ${absent}`, '');

  // The site's address, where the API gives one: its attachments are served under it.
  const site = siteOf(items);
  // `IsOpen` says something only where the meeting has an open item: Greve's API has it false on every one.
  const usesIsOpen = items.some((item) => item.IsOpen === true);
  const headings: WrittenHeading[] = [];
  items.forEach((item, i) => {
    const number = field(item.Number) || field(item.Punktnummer) || String(i + 1);
    const caption = field(item.Caption) || field(item.Navn);
    // Closed by the source's own flag where it has one, else by its caption's first word (`Lukket: …`, `Lukket punkt`, `LUKKET`).
    const closed =
      item.IsPublic === false || item.AccessIsPublic === false || item.Lukket === true || (usesIsOpen && item.IsOpen === false) || CLOSED_CAPTION.test(caption);
    headings.push({ line: lines.length, closed });
    lines.push(`${PUNKT_WORD} ${number}: ${closed ? closedTitle(caption) : caption}`);
    lines.push(...caseNumberLines(field(item.CaseNumber) || field(item.SagsNummer)));
    lines.push('');
    for (const f of list(item.Felter)) {
      const heading = oneLine(str(f.Navn));
      const text = htmlToLines(str(f.Html));
      if (heading && text[0] !== heading) lines.push('', heading);
      lines.push(...text);
    }
    const attachments = list(item.Bilag);
    if (attachments.length > 0) {
      if (lines[lines.length - 1] !== '') lines.push('');
      lines.push(SECTION_KINDS.bilag);
      for (const a of attachments) {
        const name = field(a.Navn);
        const id = field(a.Id);
        const link = field(a.Link);
        const address = /^https?:\/\//i.test(link) ? link : site && /^[\w-]+$/.test(id) ? `${site}/vis/pdf/bilag/${id}` : '';
        if (name || address) lines.push(`- ${name}${address ? ` (${address})` : ''}`.replace(/^- \(/, '- ('));
      }
    }
    if (lines[lines.length - 1] !== '') lines.push('');
  });
  while (lines[lines.length - 1] === '') lines.pop();
  const kept = squeezeBlanks(lines, headings);
  return { lines: kept.lines, headings: kept.headings, punkter: items.length, udvalg: body, ...(moment ? { moment } : {}), document };
}

/**
 * Documents published as a meeting (Greve's "Spørgsmål / Svar til Byrådet", a year's questions and
 * answers under one item): concluded, yet nobody attended and no item has a word of text or a
 * decision, only attachments. No minutes to import: its name and how many documents it holds.
 */
export function documentCollection(data: unknown): { readonly udvalg: string; readonly documents: number } | undefined {
  if (!isFirstAgendaJson(data)) return undefined;
  const root = data as Record<string, unknown>;
  const items = list(root.Dagsordenpunkter) as Item[];
  const meeting = (typeof root.Moede === 'object' && root.Moede !== null ? root.Moede : {}) as Record<string, unknown>;
  // A meeting that lists who attended is a meeting. Whether it is closed says nothing here: Greve's
  // collections of 2024 and 2025 are published open (`Afsluttet: false`) while answers are added.
  if (items.length === 0 || list(meeting.Moededeltagere).length > 0) return undefined;
  const written = (item: Item): boolean =>
    str(item.ItemDecision).trim() !== '' || list(item.Felter).some((f) => str(f.Tekst).trim() !== '' || htmlToLines(str(f.Html)).some((l) => l.trim() !== ''));
  if (items.some(written)) return undefined;
  const documents = items.reduce((n, item) => n + list(item.Bilag).length, 0);
  if (documents === 0) return undefined;
  const committee = (typeof root.Udvalg === 'object' && root.Udvalg !== null ? root.Udvalg : {}) as Record<string, unknown>;
  // First Agenda sorts such a collection first by a leading dot in its name (`.Spørgsmål / Svar …`).
  return { udvalg: field(committee.Navn).replace(/^[.\s]+/, ''), documents };
}

/** `https://dagsordener.greve.dk`, from the address of a field's own document (`…/Vis/Pdf/bilag/<id>`). */
function siteOf(items: readonly Item[]): string | undefined {
  for (const item of items)
    for (const f of list(item.Felter)) {
      const m = /^(https?:\/\/[^/\s]+)\/vis\/pdf\//i.exec(str(f.Link));
      if (m) return m[1];
    }
  return undefined;
}

/** No two blank lines in a row; the headings' line numbers follow. */
function squeezeBlanks(lines: readonly string[], headings: readonly WrittenHeading[]): { lines: string[]; headings: WrittenHeading[] } {
  const kept: string[] = [];
  const moved = new Map<number, number>();
  lines.forEach((l, i) => {
    if (l !== '' || (i > 0 && lines[i - 1] !== '')) {
      moved.set(i, kept.length);
      kept.push(l);
    }
  });
  return { lines: kept, headings: headings.map((h) => ({ ...h, line: moved.get(h.line) ?? h.line })) };
}

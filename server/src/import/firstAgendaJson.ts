// First Agenda's publication API JSON (as Greve publishes its minutes) as text in the `greve`
// dialect: the header written from the meeting's fields in First Agenda's PDF form, then each punkt
// as `Punkt N: Title`, its case number, its fields' HTML laid out as a browser shows it, and its
// attachments by name and address. A closed punkt is known by its title's `Lukket:` alone: the
// API's `IsOpen` is false on every item, open or closed.
import { caseNumberLines, closedTitle, oneLine, type WrittenHeading } from './fields';
import { htmlToLines } from './html';
import { firstAgendaDate, formatTitleDate, isoMoment, type Moment } from './write';
import { GREVE } from '../dialect/dialects';
import type { LocalizedText } from '../i18n/locale';
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
  /** Where the export's fields could not be read as text (`Dagsordenpunkter[0].Caption (list)`). */
  readonly unreadable: readonly string[];
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

/** The most unreadable fields a note names one by one; it counts the rest. */
const NAMED_UNREADABLE = 5;

/**
 * Reads the export's fields, and remembers those it could not read (a caption that is a list, an
 * item that is no object): the import names them, as nothing is left out without a word.
 */
class FieldReader {
  readonly unreadable: string[] = [];

  /** Text, or a number as text; nothing where the field is missing or empty. */
  str(v: unknown, path: string): string {
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return String(v);
    if (v !== undefined && v !== null) this.unreadable.push(`${path} (${kindOf(v)})`);
    return '';
  }

  /** A field written on one line of the referat. */
  field(v: unknown, path: string): string {
    return oneLine(this.str(v, path));
  }

  /** The objects of a list. */
  list(v: unknown, path: string): { readonly value: Record<string, unknown>; readonly path: string }[] {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      this.unreadable.push(`${path} (${kindOf(v)})`);
      return [];
    }
    const out: { value: Record<string, unknown>; path: string }[] = [];
    v.forEach((x: unknown, i) => {
      if (typeof x === 'object' && x !== null && !Array.isArray(x)) out.push({ value: x as Record<string, unknown>, path: `${path}[${i}]` });
      else if (x !== null) this.unreadable.push(`${path}[${i}] (${kindOf(x)})`);
    });
    return out;
  }
}

const kindOf = (v: unknown): string => (Array.isArray(v) ? 'list' : v === null ? 'null' : typeof v);

/** The fields of the export that could not be read, for the import's summary: its words were not taken. */
export function unreadableFieldsNote(paths: readonly string[]): LocalizedText {
  const named = paths.slice(0, NAMED_UNREADABLE).join(', ');
  const more = paths.length - NAMED_UNREADABLE;
  return {
    da: `${paths.length === 1 ? 'Ét felt' : `${paths.length} felter`} i filen kunne ikke læses som tekst og er ikke med: ${named}${more > 0 ? ` og ${more} til` : ''}.`,
    en: `${paths.length === 1 ? 'One field' : `${paths.length} fields`} of the file could not be read as text and are left out: ${named}${more > 0 ? ` and ${more} more` : ''}.`,
  };
}

/** Whether parsed JSON has the API's shape: a meeting with agenda items. */
export function isFirstAgendaJson(data: unknown): boolean {
  return typeof data === 'object' && data !== null && Array.isArray((data as Record<string, unknown>).Dagsordenpunkter);
}

/** The minutes in the JSON, or undefined when it has no agenda items. */
export function readFirstAgendaJson(data: unknown): JsonMinutes | undefined {
  if (!isFirstAgendaJson(data)) return undefined;
  const root = data as Record<string, unknown>;
  const read = new FieldReader();
  const entries = read.list(root.Dagsordenpunkter, 'Dagsordenpunkter');
  const items = entries.map((e) => e.value as Item);
  if (items.length === 0) return undefined;
  const meeting = (typeof root.Moede === 'object' && root.Moede !== null ? root.Moede : {}) as Record<string, unknown>;
  const committee = (typeof root.Udvalg === 'object' && root.Udvalg !== null ? root.Udvalg : {}) as Record<string, unknown>;
  const body = read.field(committee.Navn, 'Udvalg.Navn');
  const moment = isoMoment(read.str(meeting.Dato, 'Moede.Dato') || read.str(meeting.MeetingBeginUtc, 'Moede.MeetingBeginUtc'));
  // The API calls every meeting "Dagsorden"; one that is concluded has its minutes.
  const document = meeting.Afsluttet === false ? 'dagsorden' : 'referat';

  const lines: string[] = [];
  lines.push(`${documentWord(document, 'upper')} ${body}${moment ? ` d. ${formatTitleDate(moment.date)}` : ''}`.trim(), '');
  if (moment) lines.push(`${headerLabel('moedeDato')}   ${firstAgendaDate(moment)}`, '');
  const place = read.field(meeting.Sted, 'Moede.Sted');
  if (place) lines.push(`${headerLabel('moedested')}   ${place}`, '');
  const people = read.list(meeting.Moededeltagere, 'Moede.Moededeltagere').map((e) => ({ ...(e.value as Attendee), path: e.path }));
  const away = (p: Attendee): boolean => p.Absent === true || p.ParticipationCancelled === true;
  const names = (ps: readonly (Attendee & { readonly path: string })[]): string =>
    ps
      .map((p) => read.field(p.Name, `${p.path}.Name`))
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
    const at = entries[i]!.path;
    const number = read.field(item.Number, `${at}.Number`) || read.field(item.Punktnummer, `${at}.Punktnummer`) || String(i + 1);
    const caption = read.field(item.Caption, `${at}.Caption`) || read.field(item.Navn, `${at}.Navn`);
    // Closed by the source's own flag where it has one, else by its caption's first word (`Lukket: …`, `Lukket punkt`, `LUKKET`).
    const closed =
      item.IsPublic === false || item.AccessIsPublic === false || item.Lukket === true || (usesIsOpen && item.IsOpen === false) || CLOSED_CAPTION.test(caption);
    headings.push({ line: lines.length, closed });
    lines.push(`${PUNKT_WORD} ${number}: ${closed ? closedTitle(caption) : caption}`);
    lines.push(...caseNumberLines(read.field(item.CaseNumber, `${at}.CaseNumber`) || read.field(item.SagsNummer, `${at}.SagsNummer`)));
    lines.push('');
    for (const { value: f, path } of read.list(item.Felter, `${at}.Felter`)) {
      const heading = oneLine(read.str(f.Navn, `${path}.Navn`));
      const text = htmlToLines(read.str(f.Html, `${path}.Html`));
      if (heading && text[0] !== heading) lines.push('', heading);
      lines.push(...text);
    }
    const attachments = read.list(item.Bilag, `${at}.Bilag`);
    if (attachments.length > 0) {
      if (lines[lines.length - 1] !== '') lines.push('');
      lines.push(SECTION_KINDS.bilag);
      for (const { value: a, path } of attachments) {
        const name = read.field(a.Navn, `${path}.Navn`);
        const id = read.field(a.Id, `${path}.Id`);
        const link = read.field(a.Link, `${path}.Link`);
        const address = /^https?:\/\//i.test(link) ? link : site && /^[\w-]+$/.test(id) ? `${site}/vis/pdf/bilag/${id}` : '';
        if (name || address) lines.push(`- ${name}${address ? ` (${address})` : ''}`.replace(/^- \(/, '- ('));
      }
    }
    if (lines[lines.length - 1] !== '') lines.push('');
  });
  while (lines[lines.length - 1] === '') lines.pop();
  const kept = squeezeBlanks(lines, headings);
  return {
    lines: kept.lines,
    headings: kept.headings,
    punkter: items.length,
    udvalg: body,
    ...(moment ? { moment } : {}),
    document,
    unreadable: read.unreadable,
  };
}

/**
 * Documents published as a meeting (Greve's "Spørgsmål / Svar til Byrådet", a year's questions and
 * answers under one item): concluded, yet nobody attended and no item has a word of text or a
 * decision, only attachments. No minutes to import: its name and how many documents it holds.
 */
export function documentCollection(data: unknown): { readonly udvalg: string; readonly documents: number } | undefined {
  if (!isFirstAgendaJson(data)) return undefined;
  const root = data as Record<string, unknown>;
  // Only told apart here: what it could not read, the import reads and names.
  const { str, field, list } = lenientReader();
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
  const { str, list } = lenientReader();
  for (const item of items)
    for (const f of list(item.Felter)) {
      const m = /^(https?:\/\/[^/\s]+)\/vis\/pdf\//i.exec(str(f.Link));
      if (m) return m[1];
    }
  return undefined;
}

/** The export's fields read as the import reads them, for telling what the file is: unreadable ones count as empty. */
function lenientReader(): { str: (v: unknown) => string; field: (v: unknown) => string; list: (v: unknown) => Record<string, unknown>[] } {
  const read = new FieldReader();
  return { str: (v) => read.str(v, ''), field: (v) => read.field(v, ''), list: (v) => read.list(v, '').map((e) => e.value) };
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

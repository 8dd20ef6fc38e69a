// First Agenda's publication API JSON (as Greve publishes its minutes) as text in the `greve`
// dialect: the header written from the meeting's fields in First Agenda's PDF form, then each punkt
// as `Punkt N: Title`, its case number, its fields' HTML laid out as a browser shows it, and its
// attachments by name and address. A closed punkt is known by its title's `Lukket:` alone: the
// API's `IsOpen` is false on every item, open or closed.
import { htmlToLines } from './html';
import { firstAgendaDate, formatTitleDate, isoMoment, type Moment } from './write';

export interface JsonMinutes {
  readonly lines: string[];
  readonly punkter: number;
  readonly body: string;
  readonly moment?: Moment;
  readonly document: 'referat' | 'dagsorden';
}

interface Attendee {
  readonly Name?: unknown;
  readonly Absent?: unknown;
  readonly ParticipationCancelled?: unknown;
}

interface Item {
  readonly Number?: unknown;
  readonly Punktnummer?: unknown;
  readonly Caption?: unknown;
  readonly Navn?: unknown;
  readonly CaseNumber?: unknown;
  readonly SagsNummer?: unknown;
  readonly Felter?: unknown;
  readonly Bilag?: unknown;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
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
  const body = str(committee.Navn).trim();
  const moment = isoMoment(str(meeting.Dato) || str(meeting.MeetingBeginUtc));
  // The API calls every meeting "Dagsorden"; one that is concluded has its minutes.
  const document = meeting.Afsluttet === false ? 'dagsorden' : 'referat';

  const lines: string[] = [];
  lines.push(`${document === 'referat' ? 'REFERAT' : 'DAGSORDEN'} ${body}${moment ? ` d. ${formatTitleDate(moment.date)}` : ''}`.trim(), '');
  if (moment) lines.push(`Mødedato   ${firstAgendaDate(moment)}`, '');
  const place = str(meeting.Sted).trim();
  if (place) lines.push(`Mødested   ${place}`, '');
  const people = list(meeting.Moededeltagere) as Attendee[];
  const away = (p: Attendee): boolean => p.Absent === true || p.ParticipationCancelled === true;
  const names = (ps: Attendee[]): string =>
    ps
      .map((p) => str(p.Name).trim())
      .filter((n) => n !== '')
      .join(', ');
  const present = names(people.filter((p) => !away(p)));
  const absent = names(people.filter(away));
  if (present) lines.push(`Mødedeltagere   ${present}`, '');
  if (absent) lines.push(`Afbud   ${absent}`, '');

  // The site's address, where the API gives one: its attachments are served under it.
  const site = siteOf(items);
  items.forEach((item, i) => {
    const number = str(item.Number) || str(item.Punktnummer) || String(i + 1);
    const title = (str(item.Caption) || str(item.Navn)).replace(/\s+/g, ' ').trim();
    lines.push(`Punkt ${number}: ${title}`);
    const caseNumber = (str(item.CaseNumber) || str(item.SagsNummer)).trim();
    if (caseNumber) lines.push(caseNumber);
    lines.push('');
    for (const field of list(item.Felter)) {
      const heading = str(field.Navn).trim();
      const text = htmlToLines(str(field.Html));
      if (heading && text[0] !== heading) lines.push('', heading);
      lines.push(...text);
    }
    const attachments = list(item.Bilag);
    if (attachments.length > 0) {
      if (lines[lines.length - 1] !== '') lines.push('');
      lines.push('Bilag');
      for (const a of attachments) {
        const name = str(a.Navn).replace(/\s+/g, ' ').trim();
        const id = str(a.Id).trim();
        const link = str(a.Link).trim();
        const address = /^https?:\/\//i.test(link) ? link : site && /^[\w-]+$/.test(id) ? `${site}/vis/pdf/bilag/${id}` : '';
        if (name || address) lines.push(`- ${name}${address ? ` (${address})` : ''}`.replace(/^- \(/, '- ('));
      }
    }
    if (lines[lines.length - 1] !== '') lines.push('');
  });
  while (lines[lines.length - 1] === '') lines.pop();
  return { lines: squeezeBlanks(lines), punkter: items.length, body, ...(moment ? { moment } : {}), document };
}

/** `https://dagsordener.greve.dk`, from the address of a field's own document (`…/Vis/Pdf/bilag/<id>`). */
function siteOf(items: readonly Item[]): string | undefined {
  for (const item of items)
    for (const field of list(item.Felter)) {
      const m = /^(https?:\/\/[^/\s]+)\/vis\/pdf\//i.exec(str(field.Link));
      if (m) return m[1];
    }
  return undefined;
}

function squeezeBlanks(lines: readonly string[]): string[] {
  return lines.filter((l, i) => l !== '' || (i > 0 && lines[i - 1] !== ''));
}

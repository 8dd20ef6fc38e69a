// What every reader writes alike: dates in the dialects' forms, and the file a meeting goes to.
import { capitalize, formatDanishDate, formatTitleDate, isoDate, pad2, weekdayName } from '../model/dates';

export { isoDate };
import type { CalendarDate } from '../model/types';

/** A moment as a source writes it (`2024-10-02T19:00:00+02:00`, `15-05-2013 16:30:00`): the meeting's own wall clock. */
export interface Moment {
  readonly date: CalendarDate;
  readonly hour?: number;
  readonly minute?: number;
}

/** ISO 8601 as the First Agenda API writes it; the time as written, in the meeting's own zone. */
export function isoMoment(text: string | undefined): Moment | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(text ?? '');
  return m ? moment(+m[1]!, +m[2]!, +m[3]!, m[4], m[5]) : undefined;
}

/** `15-05-2013 16:30:00`, as SBSYS eDagsorden writes it. */
export function danishMoment(text: string | undefined): Moment | undefined {
  const m = /^(\d{1,2})-(\d{1,2})-(\d{4})(?:\s+(\d{1,2}):(\d{2}))?/.exec((text ?? '').trim());
  return m ? moment(+m[3]!, +m[2]!, +m[1]!, m[4], m[5]) : undefined;
}

function moment(year: number, month: number, day: number, hour?: string, minute?: string): Moment | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return { date: { year, month, day }, ...(hour !== undefined && minute !== undefined ? { hour: +hour, minute: +minute } : {}) };
}

/** `19:00` */
export function clock(m: Moment): string | undefined {
  return m.hour !== undefined && m.minute !== undefined ? `${pad2(m.hour)}:${pad2(m.minute)}` : undefined;
}

/** `Onsdag d. 2. oktober 2024 kl. 19:00`: First Agenda's PDF form of the meeting date. */
export function firstAgendaDate(m: Moment): string {
  const time = clock(m);
  return `${capitalize(weekdayName(m.date))} d. ${formatDanishDate(m.date)}${time ? ` kl. ${time}` : ''}`;
}

/** `onsdag den 15. maj 2013, kl. 16:30`: eDoc's unlabelled date line. */
export function edocDate(m: Moment): string {
  const time = clock(m);
  return `${weekdayName(m.date)} den ${formatDanishDate(m.date)}${time ? `, kl. ${time}` : ''}`;
}

/** `02-10-2024`, the title's form. */
export { formatTitleDate };

/** Names Windows keeps for its devices, whatever follows the dot (`con.referat`, `COM1.txt`). */
/** A file name's stem is cut to this length: a long title makes a file name, not a path too long for Windows. */
const LONGEST_STEM = 80;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/**
 * The file a meeting is written to: its udvalg and date, as the archive's files are named
 * (`aarhus-byraad-2025-08-27.referat`), `-dagsorden` for an agenda; Danish letters spelled out so
 * the name travels well (`æ` → `ae`, `ø` → `oe`, `å` → `aa`). Only `a-z`, digits and `-` are left,
 * so no character Windows refuses and no trailing dot or space; a udvalg named as a Windows device
 * (`CON`, `NUL`, `LPT1`) with no date gets `-referat`, as an agenda gets `-dagsorden`.
 */
export function meetingFileName(udvalg: string, date: string | undefined, document: 'referat' | 'dagsorden', fallback: string): string {
  const slug = (s: string): string =>
    s
      .toLowerCase()
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'oe')
      .replace(/å/g, 'aa')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, LONGEST_STEM)
      .replace(/-+$/, '');
  const name = slug(udvalg) || slug(fallback) || 'referat';
  const stem = [name, document === 'dagsorden' ? 'dagsorden' : '', date ?? ''].filter((p) => p !== '').join('-');
  return `${WINDOWS_DEVICE.test(stem) ? `${stem}-${document}` : stem}.referat`;
}

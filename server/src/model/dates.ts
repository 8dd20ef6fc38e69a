import { MONTH_NAMES, WEEKDAY_NAMES } from '../dialect/vocabulary';
import { capitalize, type LocalizedText } from '../i18n/locale';
import type { CalendarDate } from './types';

/*
 * Danish weekday and month names are Intl's da-DK names, the ones Danish users read everywhere
 * else; they are written in the vocabulary (a test holds them to Intl), as loading ICU's calendar
 * data to ask for them cost every check some 20 ms.
 */
interface DanishNames {
  /** Index 0 = søndag … 6 = lørdag, like Date#getUTCDay. */
  readonly weekdays: readonly string[];
  /** Index 0 = januar. */
  readonly months: readonly string[];
  readonly monthByName: ReadonlyMap<string, number>;
  readonly weekdayByName: ReadonlyMap<string, number>;
}

let names: DanishNames | undefined;
function danish(): DanishNames {
  if (names) return names;
  const weekdays = WEEKDAY_NAMES;
  const months = MONTH_NAMES;
  const monthByName = new Map<string, number>();
  months.forEach((name, i) => {
    monthByName.set(name, i + 1);
    monthByName.set(name.slice(0, 3), i + 1);
  });
  // Common abbreviations in minutes: `sept.`, `okt.`
  monthByName.set('sept', 9);
  names = { weekdays, months, monthByName, weekdayByName: new Map(weekdays.map((n, i) => [n, i])) };
  return names;
}

export function monthNumber(name: string): number | undefined {
  return danish().monthByName.get(name.toLowerCase().replace(/\.$/, ''));
}

export function weekdayNumber(name: string): number | undefined {
  return danish().weekdayByName.get(name.toLowerCase());
}

const MONTHS_IN_YEAR = 12;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** The Gregorian rule: every fourth year, but not a century unless it divides by 400. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

/** Whether day `day` of month `month` (1 = januar) of `year` is a day of the calendar: 29-02-2024 is, 29-02-2023 and 31-04 are not. */
export function dateExists(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > MONTHS_IN_YEAR || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function weekdayIndex(d: CalendarDate): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

export function weekdayName(d: CalendarDate): string {
  return danish().weekdays[weekdayIndex(d)]!;
}

export function monthName(month: number): string {
  return danish().months[month - 1] ?? '';
}

/** Where dates are written, a weekday starts a line: one capitalisation for every text. */
export { capitalize };

/** `7. december 2023` */
export function formatDanishDate(d: CalendarDate): string {
  return `${d.day}. ${monthName(d.month)} ${d.year}`;
}

// English names for English messages: a Danish weekday inside an English sentence reads as a typo.
// Intl's en-GB names, written here as the Danish ones are (a test holds them to Intl): asking ICU
// for them cost the first finding that names a date some 20 ms.
/** Index 0 = Sunday … 6 = Saturday, like Date#getUTCDay. */
export const ENGLISH_WEEKDAYS: readonly string[] = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** Index 0 = January. */
export const ENGLISH_MONTHS: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `7. december 2023` / `7 December 2023`: a date as each language writes it in a sentence. */
export function localizedDate(d: CalendarDate): LocalizedText {
  return { da: formatDanishDate(d), en: `${d.day} ${ENGLISH_MONTHS[d.month - 1] ?? ''} ${d.year}` };
}

/** `torsdag` / `Thursday`. */
export function localizedWeekday(index: number): LocalizedText {
  return { da: danish().weekdays[index] ?? '', en: ENGLISH_WEEKDAYS[index] ?? '' };
}

/** `07-12-2023`, the form of the title line. */
export function formatTitleDate(d: CalendarDate): string {
  return `${pad2(d.day)}-${pad2(d.month)}-${d.year}`;
}

/** `2024-10-02` */
export function isoDate(d: CalendarDate): string {
  return `${d.year}-${pad2(d.month)}-${pad2(d.day)}`;
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function dayNumber(d: CalendarDate): number {
  return Math.round(Date.UTC(d.year, d.month - 1, d.day) / 86_400_000);
}

/** b − a in days. */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return dayNumber(b) - dayNumber(a);
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return dayNumber(a) - dayNumber(b);
}

export function sameDate(a: CalendarDate, b: CalendarDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/** Today's date in Denmark, whatever the machine's time zone. */
export function todayInDenmark(now: Date = new Date()): CalendarDate {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

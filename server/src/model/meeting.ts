import type { CalendarDate, Referat, TimeValue } from './types';

/** The meeting's day: the Mødedato, else the title's date. */
export function meetingDate(r: Referat): CalendarDate | undefined {
  return r.header.moedeDato?.date?.date ?? r.header.title?.date?.date;
}

export function meetingStart(r: Referat): TimeValue | undefined {
  const t = r.header.moedeDato?.time;
  return t?.valid ? t : undefined;
}

export function minutesOfDay(t: { hour: number; minute: number }): number {
  return t.hour * 60 + t.minute;
}

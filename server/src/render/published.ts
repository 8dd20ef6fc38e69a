import { presentMembers } from '../model/approval';
import { formatDanishDate } from '../model/dates';
import type { Approval, Punkt, Referat } from '../model/types';
import type { Audience } from './html';

/**
 * The journal number a rendering shows under a punkt's heading. Of a closed punkt the public sees
 * the case number alone, and only one that reads as a case number: text written after it, or a
 * line that is no case number, stays in the closed punkt. Internally, and in an open punkt, the
 * line is shown as written, so a mistyped number can be seen.
 */
export function publishedJournal(p: Punkt, audience: Audience): string | undefined {
  const j = p.journal;
  if (!j) return undefined;
  if (j.kind === 'valid') return j.journal.text;
  return audience === 'public' && p.closed ? undefined : j.text;
}

/**
 * The meeting's date as the header writes it (`Onsdag d. 07. december 2023 kl. 09:00`): a rendering
 * shows what she wrote, never a corrected weekday or date (the check reports a mistake; the
 * rendering does not hide it). A time written on a line of its own (`Tidspunkt: 16:30`) follows it.
 */
export function writtenMeetingDate(referat: Referat, at: (time: string) => string): string | undefined {
  const md = referat.header.moedeDato;
  if (!md) return undefined;
  const line = md.range.start.line;
  const l = [...referat.syntax.leading, ...referat.syntax.header].find((x) => x.line === line);
  const written = l ? l.text.slice(md.valueRange.start.character).replace(/\*\*/g, '').trim() : '';
  return md.time && md.time.range.start.line !== line ? `${written} ${at(md.time.text)}` : written;
}

/** The approval's date as published (`10. april 2024`), or as written when it names no day. */
export function approvalWhen(a: Approval): string {
  return a.date?.date ? formatDanishDate(a.date.date) : (a.date?.value ?? '');
}

/**
 * Who signs the protocol: the members who took part (the header's present members, or its body's
 * members, minus those absent); where the header names none, those who approved it.
 */
export function approvalSigners(referat: Referat): string[] {
  const present = presentMembers(referat);
  return present.length > 0 ? present : (referat.approval?.by?.names ?? []).map((n) => n.name);
}

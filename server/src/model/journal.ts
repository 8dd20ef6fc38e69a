import { lineRange } from '../syntax/range';
import type { JournalLine, JournalNumber, JournalProblem } from './types';

// New form 00.01.00I00-3-23, old form 00.16.00-P20-1-16.
const JOURNAL = /^(\d{2})\.(\d{2})\.(\d{2})(-?)([A-ZÆØÅ]\d{2})-(\d{1,6})-(\d{2})$/;

/**
 * Reads the journal-number line of a punkt. `text` is the whole line; ranges are in that line.
 * `meetingYear` decides the century of the two-digit case year.
 */
export function parseJournalLine(text: string, line: number, meetingYear: number | undefined): JournalLine {
  let start = 0;
  let end = text.length;
  while (start < end && /[\s*]/.test(text.charAt(start))) start++;
  while (end > start && /[\s*]/.test(text.charAt(end - 1))) end--;
  const word = text.slice(start, end);
  const m = JOURNAL.exec(word);
  if (!m) {
    return { kind: 'malformed', text: word, range: lineRange(line, start, end), problem: diagnose(word) };
  }
  const [, hg, g, e, hyphen, facet, serial, yy] = m as unknown as [string, string, string, string, string, string, string, string];
  const emne = `${hg}.${g}.${e}`;
  const facetStart = start + 8 + hyphen.length;
  const serialStart = facetStart + 4;
  const yearStart = end - 2;
  const journal: JournalNumber = {
    text: word,
    range: lineRange(line, start, end),
    emne,
    hovedgruppe: hg,
    gruppe: `${hg}.${g}`,
    facet,
    serial: Number(serial),
    yearDigits: yy,
    caseYear: fullYear(Number(yy), meetingYear),
    form: hyphen ? 'old' : 'new',
    parts: {
      emne: lineRange(line, start, start + 8),
      facet: lineRange(line, facetStart, facetStart + 3),
      serial: lineRange(line, serialStart, serialStart + serial.length),
      year: lineRange(line, yearStart, end),
    },
  };
  return { kind: 'valid', journal };
}

/**
 * Two-digit years: a case is never from the future by more than a typo, so a year up to ten
 * years after the meeting still counts as this century (and is then reported as too late).
 */
function fullYear(yy: number, meetingYear: number | undefined): number {
  const ref = meetingYear ?? 2000 + yy;
  const century = Math.floor(ref / 100) * 100;
  let year = century + yy;
  if (year > ref + 10) year -= 100;
  return year;
}

/** Which part of a mistyped journal number is wrong, for a message that says where. */
function diagnose(word: string): JournalProblem {
  if (!/^\d{2}\.\d{2}\.\d{2}/.test(word)) return 'emne';
  const rest = word.slice(8).replace(/^-/, '');
  if (!/^[A-ZÆØÅ]\d{2}(?=-|$)/.test(rest)) return 'facet';
  const tail = rest.slice(3);
  if (!/^-\d{1,6}(?=-|$)/.test(tail)) return 'serial';
  const afterSerial = tail.replace(/^-\d{1,6}/, '');
  if (!/^-\d{2}$/.test(afterSerial)) return 'year';
  return 'shape';
}

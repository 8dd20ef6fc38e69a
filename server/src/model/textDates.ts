import { dateExists, monthNumber } from './dates';
import { lineRange } from '../syntax/range';
import type { DateValue } from './types';

/** A date written in running text, with the year the reader must assume when the text leaves it out. */
export interface TextDate {
  readonly value: DateValue;
  /** `den 15. maj`: the year is the meeting's, assumed. */
  readonly yearAssumed: boolean;
}

// `3. marts 2025`, `3. mar. 2025`, `15. maj`; `18-02-2019`, `04.12.2012`, `3/3-2025`. Not inside a number or a case number.
const TEXT_DATE = /(?<![\p{L}\p{N}.])(\d{1,2})\.[ \t\u00a0]*(\p{L}{3,9})\.?(?:[ \t\u00a0]+(\d{4}))?(?![\p{L}\p{N}])/gu;
const NUMERIC_DATE = /(?<![\p{L}\p{N}.\-/])(\d{1,2})[-./](\d{1,2})[-./](\d{4})(?![\p{N}\-/]|\.\d)/gu;

/** Every date in a line of text; a word that only looks like a month is not one. Linear in the line. */
export function datesInText(text: string, line: number, assumedYear: number | undefined): TextDate[] {
  const out: TextDate[] = [];
  for (const m of text.matchAll(TEXT_DATE)) {
    const month = monthNumber(m[2]!);
    if (month === undefined) continue;
    const day = Number(m[1]);
    const year = m[3] !== undefined ? Number(m[3]) : assumedYear;
    if (year === undefined) continue;
    const written = m[0];
    const r = lineRange(line, m.index, m.index + written.length);
    const date = dateExists(year, month, day) ? { date: { year, month, day } } : { problem: 'no-such-day' as const };
    out.push({ value: { text: written, range: r, ...date }, yearAssumed: m[3] === undefined });
  }
  for (const m of text.matchAll(NUMERIC_DATE)) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    const year = Number(m[3]);
    const r = lineRange(line, m.index, m.index + m[0].length);
    const ok = month >= 1 && month <= 12 && dateExists(year, month, day);
    out.push({ value: { text: m[0], range: r, ...(ok ? { date: { year, month, day } } : { problem: 'no-such-day' as const }) }, yearAssumed: false });
  }
  return out.sort((a, b) => a.value.range.start.character - b.value.range.start.character);
}

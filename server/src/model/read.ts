import { lineRange } from '../syntax/range';
import { dateExists, monthNumber } from './dates';
import type { DateValue, TimeValue } from './types';

// Both `07-12-2023` (title) and `7. december 2023` (text) forms.
export const NUMERIC_DATE = String.raw`\d{1,2}[-./]\d{1,2}[-./]\d{2,4}`;
export const TEXT_DATE = String.raw`\d{1,2}\.?[ \t]*\p{L}+\.?[ \t]+\d{4}`;

/** A date's text at a column of a line → its value. */
export function readDate(text: string, line: number, start: number): DateValue {
  const r = lineRange(line, start, start + text.length);
  const numeric = /^(\d{1,2})[-./](\d{1,2})[-./](\d{2,4})$/.exec(text);
  if (numeric) {
    const day = Number(numeric[1]);
    const month = Number(numeric[2]);
    let year = Number(numeric[3]);
    if (numeric[3]!.length === 2) year += 2000;
    if (month < 1 || month > 12 || !dateExists(year, month, day)) return { text, range: r, problem: 'no-such-day' };
    return { text, range: r, date: { year, month, day } };
  }
  const textual = /^(\d{1,2})\.?[ \t]*(\p{L}+)\.?[ \t]+(\d{4})$/u.exec(text);
  if (textual) {
    const day = Number(textual[1]);
    const month = monthNumber(textual[2]!);
    const year = Number(textual[3]);
    if (month === undefined) return { text, range: r, problem: 'unknown-month' };
    if (!dateExists(year, month, day)) return { text, range: r, problem: 'no-such-day' };
    return { text, range: r, date: { year, month, day } };
  }
  return { text, range: r, problem: 'no-such-day' };
}

export function readTime(text: string, line: number, start: number): TimeValue {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(text)!;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  return { text, range: lineRange(line, start, start + text.length), hour, minute, valid: hour < 24 && minute < 60 };
}

export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

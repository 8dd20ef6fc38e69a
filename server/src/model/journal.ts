import type { Dialect } from '../dialect/dialects';
import { CASE_NUMBER_LABEL, CASE_NUMBER_LINE_LABEL_SOURCE, CASE_NUMBER_SCHEMES, CASE_NUMBER_TRAILER, type CaseNumberScheme } from '../dialect/vocabulary';
import { lineRange } from '../syntax/range';
import type { JournalLine, JournalNumber, JournalProblem } from './types';

const KLE = /^(\d{2})\.(\d{2})\.(\d{2})(-?)([A-ZÆØÅ]\d{2})-(\d{1,6})-(\d{2})$/;
/** A KLE number's emne as written, whole or begun, up to its facet: `00.15.00` of `00.15.00I00-1-23`, `00.1` alone. */
const KLE_EMNE_WRITTEN = /^\d{1,2}(?:\.\d{0,2}){0,2}(?=$|-?\p{L})/u;

/** The emne at the start of a KLE number as written, whole or begun; '' where the word begins no KLE number (`12/27845`). */
export function kleEmneWritten(word: string): string {
  return KLE_EMNE_WRITTEN.exec(word)?.[0] ?? '';
}

/** A two-digit case year at most this many years after the meeting is in its century; later, in the one before. */
const YEARS_AHEAD = 10;
const schemeById = new Map(CASE_NUMBER_SCHEMES.map((s) => [s.id, s]));

// Asked for every punkt's case number: worked out once per dialect.
const schemesByDialect = new WeakMap<Dialect, readonly CaseNumberScheme[]>();

/** The schemes a dialect reads, in its order. */
export function schemesOf(dialect: Dialect): readonly CaseNumberScheme[] {
  let schemes = schemesByDialect.get(dialect);
  if (!schemes) {
    schemes = [
      ...(dialect.customCaseNumbers ?? []),
      ...dialect.caseNumbers.map((id) => schemeById.get(id)).filter((s): s is CaseNumberScheme => s !== undefined),
    ];
    schemesByDialect.set(dialect, schemes);
  }
  return schemes;
}

/**
 * Reads the case-number line of a punkt (`00.01.00I00-3-23`, `EMN-2025-003383`, `Sagsnr.: 12/27845`
 * with its `Dok.nr.` after it). `text` is the whole line; ranges are in that line. `meetingYear`
 * decides the century of a two-digit case year.
 */
export function parseJournalLine(text: string, line: number, meetingYear: number | undefined, dialect: Dialect): JournalLine {
  let start = 0;
  let end = text.length;
  while (start < end && /[\s*]/.test(text.charAt(start))) start++;
  const label = CASE_NUMBER_LABEL.exec(text.slice(start));
  if (label) start += label[0].length;
  const trailer = CASE_NUMBER_TRAILER.exec(text.slice(start));
  if (trailer) end = start + trailer.index;
  while (end > start && /[\s*]/.test(text.charAt(end - 1))) end--;
  const word = text.slice(start, end);
  const schemes = schemesOf(dialect);
  for (const scheme of schemes) {
    const m = scheme.pattern.exec(word);
    if (m) return { kind: 'valid', journal: caseNumber(scheme, m, word, line, start, meetingYear) };
  }
  const range = lineRange(line, start, end);
  if (schemes[0]?.id !== 'kle') return { kind: 'malformed', text: word, range, problem: 'scheme' };
  // The facet's letter in lower case (`81.39.15g01-4-23`): the same number in capitals is the fix.
  const capital = word.toUpperCase();
  if (capital !== word && KLE.test(capital)) return { kind: 'malformed', text: word, range, problem: 'facet', correction: capital };
  const separated = joinedByHyphens(word);
  if (separated !== undefined) return { kind: 'malformed', text: word, range, problem: 'separators', correction: separated };
  const problem = diagnoseKle(word);
  const year = problem === 'year' ? twoDigitYear(word) : undefined;
  return { kind: 'malformed', text: word, range, problem, ...(year !== undefined ? { correction: year } : {}) };
}

// What people type between a KLE number's parts instead of a hyphen: spaces, dashes of other
// lengths (a word processor's en dash), an underscore or a slash.
const NOT_A_HYPHEN = /[ \t\u00a0\u2010-\u2015\u2212_/]+/g;

/** The KLE number with its parts joined by hyphens, where only the joins were wrong. */
function joinedByHyphens(word: string): string | undefined {
  const hyphens = word.replace(NOT_A_HYPHEN, '-');
  if (hyphens === word) return undefined;
  // A space between subject and facet is the new form's (`81.39.15 G01` is `81.39.15G01`); a dash
  // there is the old form's (`00.16.00–P20` is `00.16.00-P20`).
  const joined = hyphens.replace(/^(\d{2}\.\d{2}\.\d{2})-(?=[A-ZÆØÅ]\d{2}-)/, '$1');
  const candidates = /^\d{2}\.\d{2}\.\d{2}[ \t\u00a0]+[A-ZÆØÅ]/.test(word) ? [joined, hyphens] : [hyphens, joined];
  return candidates.find((c) => KLE.test(c));
}

/** The KLE number with its year as two digits, where it was written with four (`-2023`). */
function twoDigitYear(word: string): string | undefined {
  const m = /-((?:19|20)(\d{2}))$/.exec(word);
  if (!m) return undefined;
  const corrected = word.slice(0, m.index + 1) + m[2]!;
  return KLE.test(corrected) ? corrected : undefined;
}

function caseNumber(scheme: CaseNumberScheme, m: RegExpExecArray, word: string, line: number, start: number, meetingYear: number | undefined): JournalNumber {
  const year = scheme.year(m)!;
  const caseYear = year.digits.length === 4 ? Number(year.digits) : fullYear(Number(year.digits), meetingYear);
  const base = {
    text: word,
    range: lineRange(line, start, start + word.length),
    scheme: scheme.id,
    yearDigits: year.digits,
    caseYear,
    yearRange: lineRange(line, start + year.start, start + year.start + year.digits.length),
  };
  if (scheme.id !== 'kle') return base;
  const [, hg, g, e, hyphen, facet, serial] = KLE.exec(word) as unknown as [string, string, string, string, string, string, string];
  const facetStart = start + 8 + hyphen.length;
  const serialStart = facetStart + 4;
  return {
    ...base,
    kle: {
      emne: `${hg}.${g}.${e}`,
      hovedgruppe: hg,
      gruppe: `${hg}.${g}`,
      facet,
      serial: Number(serial),
      form: hyphen ? 'old' : 'new',
      parts: {
        emne: lineRange(line, start, start + 8),
        facet: lineRange(line, facetStart, facetStart + 3),
        serial: lineRange(line, serialStart, serialStart + serial.length),
      },
    },
  };
}

const CASE_NUMBER_SHAPE = new RegExp(
  String.raw`^[ \t*]*(?:${CASE_NUMBER_LINE_LABEL_SOURCE}[ \t]*:?[ \t]*\S|EMN-|\d{1,3}[.,]\d|\d{2}-\d{4,}|\d{2}\/\d{3,}|\d{4}-\d{4,})`,
  'i',
);

/** Does this line look like a case number of any scheme the dialect reads, valid or mistyped? */
export function looksLikeCaseNumber(text: string, dialect?: Dialect): boolean {
  if (dialect?.customCaseNumbers?.some((s) => s.pattern.test(caseNumberWord(text)))) return true;
  return CASE_NUMBER_SHAPE.test(text);
}

/** The case number of a line without its label and what follows it. */
function caseNumberWord(text: string): string {
  let s = text.replace(/^[\s*]+/, '');
  s = s.replace(CASE_NUMBER_LABEL, '');
  const trailer = CASE_NUMBER_TRAILER.exec(s);
  if (trailer) s = s.slice(0, trailer.index);
  return s.replace(/[\s*]+$/, '');
}

/**
 * Two-digit years: a case is never from the future by more than a typo, so a year up to ten
 * years after the meeting still counts as this century (and is then reported as too late).
 */
function fullYear(yy: number, meetingYear: number | undefined): number {
  const ref = meetingYear ?? 2000 + yy;
  const century = Math.floor(ref / 100) * 100;
  let year = century + yy;
  if (year > ref + YEARS_AHEAD) year -= 100;
  return year;
}

/** Which part of a mistyped KLE journal number is wrong, for a message that says where. */
function diagnoseKle(word: string): JournalProblem {
  if (!/^\d{2}\.\d{2}\.\d{2}/.test(word)) return 'emne';
  const rest = word.slice(8).replace(/^-/, '');
  if (!/^[A-ZÆØÅ]\d{2}(?=-|$)/.test(rest)) return 'facet';
  const tail = rest.slice(3);
  if (!/^-\d{1,6}(?=-|$)/.test(tail)) return 'serial';
  const afterSerial = tail.replace(/^-\d{1,6}/, '');
  if (!/^-\d{2}$/.test(afterSerial)) return 'year';
  return 'shape';
}

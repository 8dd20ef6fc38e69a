import type { LocalizedText } from '../i18n/locale';
import type { Referat } from '../model/types';
import { lineRange, type Range } from '../syntax/range';
import type { SyntaxLine } from '../syntax/tree';
import type { Rule } from './types';

/** What the quick fix writes instead of the number. */
export const CPR_REMOVED = '[CPR-nr. fjernet]';

/** Where in the referat a CPR number would be published. */
export type CprPlace = 'beforeTitle' | 'header' | 'openPunkt' | 'closedHeading';

export interface CprNumber {
  readonly range: Range;
  readonly place: CprPlace;
}

// Six digits, then a hyphen (or a typographic one), a space (or a no-break space) or nothing,
// then four: the shapes a CPR number is written in. The context decides the rest.
const CANDIDATE = /\d{6}[-\u2010\u2011 \u00a0]?\d{4}/g;
const SIX_DIGITS = /\d{6}/;
const WORD = /[\p{L}\p{N}_]/u;
// A number right after one of these labels is that kind of number, whatever its digits.
const OTHER_NUMBER_LABEL =
  /(?:^|[^\p{L}])(?:sags?-?nr|sagsnummer|sagsid|journal-?nr|j\.?\s?nr|dok(?:ument)?\.?\s?nr|konto(?:nr|nummer)?|reg\.?\s?nr|tlf|telefon(?:nr|nummer)?|mobil(?:nr)?|p-?nr|p-nummer|cvr(?:-?nr|-nummer)?|se-?nr|ean(?:-?nr)?|faktura(?:nr|nummer)?|ordre(?:nr|nummer)?)\.?:?\s*$/iu;

/** Every CPR number in the text that a public version shows: everything but a closed punkt's body. */
export function cprNumbersToPublish(referat: Referat): CprNumber[] {
  const out: CprNumber[] = [];
  // Every line of a long referat passes here: plain loops, no copies of the line arrays.
  const scan = (l: SyntaxLine, place: CprPlace): void => {
    // Most lines hold no six digits in a row (years have four): nothing is allocated for them.
    if (!SIX_DIGITS.test(l.text)) return;
    for (const range of cprNumbersInLine(l.text, l.line)) out.push({ range, place });
  };
  const s = referat.syntax;
  for (const l of s.leading) scan(l, 'beforeTitle');
  if (s.title) scan(s.title, 'header');
  for (const l of s.header) scan(l, 'header');
  if (s.toc) {
    scan(s.toc.heading, 'header');
    for (const l of s.toc.lines) scan(l, 'header');
  }
  s.punkter.forEach((p, i) => {
    const punkt = referat.punkter[i];
    if (!punkt?.closed) {
      scan(p.heading, 'openPunkt');
      for (const l of p.lines) scan(l, 'openPunkt');
      return;
    }
    // The public sees a closed punkt's heading and journal number: a number there is published too.
    scan(p.heading, 'closedHeading');
    const journal = punkt.journal && (punkt.journal.kind === 'valid' ? punkt.journal.journal.range : punkt.journal.range).start.line;
    for (const l of p.lines) if (l.line === journal) scan(l, 'closedHeading');
  });
  return out;
}

/** The CPR numbers in one line: a real date (DDMMYY) and four digits, standing alone. */
export function cprNumbersInLine(text: string, line: number): Range[] {
  const out: Range[] = [];
  // Most lines hold no six digits in a row (years have four): one quick test before the rest.
  if (!SIX_DIGITS.test(text)) return out;
  for (const m of text.matchAll(CANDIDATE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!isCprDate(m[0]) || !standsAlone(text, start, end)) continue;
    out.push(lineRange(line, start, end));
  }
  return out;
}

/** The first six digits are a day that exists: DDMMYY, in 19YY or 20YY. */
function isCprDate(digits: string): boolean {
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const yy = Number(digits.slice(4, 6));
  if (month < 1 || month > 12 || day < 1) return false;
  const daysIn = (year: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= Math.max(daysIn(1900 + yy), daysIn(2000 + yy));
}

/**
 * Not part of something longer: a word, a number grouped in blocks (`+45 12 34 56 78`,
 * `1234 5678 9012`), an amount or a date (`1.234.567`, `12,50`), a case or document number
 * (`EMN-2025-…`, `24/…`), a web address, or a number labelled as another kind (`P-nr.`, `konto`).
 */
function standsAlone(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? '';
  const before2 = text[start - 2] ?? '';
  const after = text[end] ?? '';
  const after2 = text[end + 1] ?? '';
  const digit = (c: string): boolean => c >= '0' && c <= '9';
  if (WORD.test(before) || WORD.test(after)) return false;
  if ('-\u2010\u2011\u2013\u2212/+'.includes(before) && before !== '') return false;
  if ((before === '.' || before === ',' || before === ' ' || before === '\u00a0') && digit(before2)) return false;
  if ('-\u2010\u2011\u2013/.,: \u00a0'.includes(after) && after !== '' && digit(after2)) return false;
  return !OTHER_NUMBER_LABEL.test(text.slice(Math.max(0, start - 24), start));
}

const WHERE: Readonly<Record<CprPlace, LocalizedText>> = {
  beforeTitle: { da: 'før titlen', en: 'before the title' },
  header: { da: 'i mødets oplysninger', en: "in the meeting's header" },
  openPunkt: { da: 'i et åbent punkt', en: 'in an open punkt' },
  closedHeading: { da: 'i et lukket punkts overskrift eller journalnummer', en: "in a closed punkt's heading or journal number" },
};

/** Why a number may not stand where it stands; the number itself is never repeated (logs, terminals). */
export function cprMessage(place: CprPlace): LocalizedText {
  return {
    da: `Et CPR-nummer ${WHERE[place].da} bliver offentliggjort: fjern det, eller flyt oplysningen til et lukket punkt.`,
    en: `A CPR number ${WHERE[place].en} would be published: remove it, or move it to a closed punkt.`,
  };
}

export const cprNumber: Rule = {
  code: 'cpr-number',
  severity: 'error',
  description: {
    da: 'Et CPR-nummer i et åbent punkt eller i mødets oplysninger, hvor det bliver offentliggjort',
    en: "A CPR number in an open item or the meeting's header, where it would be published",
  },
  *check({ referat }) {
    for (const found of cprNumbersToPublish(referat))
      yield {
        range: found.range,
        message: cprMessage(found.place),
        // The one fix that removes the writer's text: a CPR number must not be published at all.
        fixes: [
          {
            title: { da: `Erstat CPR-nummeret med ${CPR_REMOVED}`, en: `Replace the CPR number with ${CPR_REMOVED}` },
            edits: [{ range: found.range, newText: CPR_REMOVED }],
            preferred: true,
          },
        ],
      };
  },
};

export const CPR_RULES: readonly Rule[] = [cprNumber];

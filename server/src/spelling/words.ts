/**
 * Candidate words for the spell checker in one line of prose. Numbers, dates, times, amounts,
 * case numbers, URLs, e-mail addresses, file names and all-capital abbreviations are not
 * words a dictionary can judge, so they are never yielded.
 */

import { ADMINISTRATION_ABBREVIATIONS } from './abbreviations';

export interface WordToken {
  /** The word as written; an abbreviation keeps its final period (`kl.`, `bl.a.`). */
  word: string;
  /** UTF-16 offsets into the line: `line.slice(start, end) === word`. */
  start: number;
  end: number;
}

/**
 * Lower-case abbreviations written with a final period. The dictionary knows `kl.` but not
 * `kl`, so a word takes the period after it when it is one of these, has an inner period
 * (`bl.a.`), or the sentence goes on after the period (`flg. spørgsmål`); otherwise, as at a
 * sentence's end, the period is the sentence's.
 */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'adm',
  'afd',
  'afs',
  'alm',
  'ang',
  'ank',
  'anm',
  'ca',
  'd',
  'dir',
  'dok',
  'dvs',
  'eks',
  'ekskl',
  'el',
  'etc',
  'evt',
  'f',
  'fhv',
  'fmd',
  'forts',
  'fr',
  'gl',
  'hhv',
  'hr',
  'ifm',
  'ift',
  'iflg',
  'iht',
  'inkl',
  'jf',
  'jvf',
  'kap',
  'kl',
  'kr',
  'lign',
  'max',
  'md',
  'mdr',
  'mht',
  'mia',
  'min',
  'mio',
  'ml',
  'mv',
  'nr',
  'næstfmd',
  'obs',
  'off',
  'osv',
  'pga',
  'pkt',
  'pct',
  'pr',
  'pt',
  'red',
  'resp',
  'sek',
  'sml',
  'st',
  'stk',
  'tlf',
  'tidl',
  'ugl',
  'vedr',
  'vha',
  'vs',
]);

const MONTHS = new Set([
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'okt',
  'nov',
  'dec',
]);

// A chunk is a run of non-blanks; these make the whole chunk something other than prose.
const DIGIT = /\d/;
const URL_OR_MAIL = /^[^\p{L}\d]*(?:[a-z][a-z0-9+.-]*:\/\/|www\.)|@|:\/\//iu;
const DOMAIN = /^[^\p{L}\d]*[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.(?:dk|com|org|net|eu|nu|gov|info|io|de|se|no)(?:[/?#]\S*)?[^\p{L}\d]*$/iu;
const FILE_NAME = /\.(?:pdf|docx?|xlsx?|pptx?|txt|csv|html?|xml|json|jpe?g|png|gif|zip|msg)\b/iu;
const CODE_LIKE = /[_\\=<>{}|^~`]/u;
const DAY_NUMBER = /^\d{1,2}\.?$/u;
const YEAR = /^\d{4}\b/u;
// Letters (with combining marks), joined by an inner hyphen, apostrophe or period.
const WORD = /[\p{L}\p{M}]+(?:['’.-][\p{L}\p{M}]+)*/gu;
const UPPER = /^[\p{Lu}\p{M}]{2,}$/u;
// `bl.a`, `f.eks`, `o.lign`, `Dok.nr`: short pieces around the periods.
const ABBREVIATION_SHAPE = /^[\p{L}]{1,5}(?:\.[\p{L}]{1,5})+$/u;

/** The candidate words of one line, in order. */
export function* words(line: string): Generator<WordToken> {
  const chunks = [...line.matchAll(/\S+/gu)];
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i]![0];
    if (DIGIT.test(chunk) || URL_OR_MAIL.test(chunk) || DOMAIN.test(chunk) || FILE_NAME.test(chunk) || CODE_LIKE.test(chunk)) continue;
    // `3. marts 2025`, `Sept. 2012`: the month belongs to the date, which the date rules judge.
    const month = MONTHS.has(chunk.replace(/[^\p{L}]/gu, '').toLowerCase());
    if (month && (DAY_NUMBER.test(chunks[i - 1]?.[0] ?? '') || YEAR.test(chunks[i + 1]?.[0] ?? ''))) continue;
    for (const t of wordsOfChunk(line, chunk, chunks[i]!.index)) {
      // `bil, båd osv…`: a known abbreviation whose period the ellipsis took.
      if (line[t.end] === '…' && isKnownAbbreviation(t.word)) continue;
      yield t;
    }
  }
}

function* wordsOfChunk(line: string, chunk: string, offset: number): Generator<WordToken> {
  // matchAll copies the pattern, so two lines' generators can be walked side by side.
  for (const m of chunk.matchAll(WORD)) {
    const start = offset + m.index;
    if (!m[0].includes('.')) {
      yield* withoutCapitals(line, start, m[0]);
    } else if (ABBREVIATION_SHAPE.test(m[0])) {
      yield* withoutCapitals(line, start, m[0]);
    } else if (/\p{Ll}\.\p{Ll}/u.test(m[0])) {
      // `deltag.aarhus`: a host name cut off at the line's end, not prose.
      continue;
    } else {
      // `beslutning.Derefter`: a missing blank, not an abbreviation.
      let at = start;
      for (const piece of m[0].split('.')) {
        yield* withoutCapitals(line, at, piece);
        at += piece.length + 1;
      }
    }
  }
}

/** Drops all-capital abbreviations (`KL`, `BDO-rapporten` → `rapporten`, `KL's`) and adds a known abbreviation's period. */
function* withoutCapitals(line: string, start: number, text: string): Generator<WordToken> {
  if (text.length === 0) return;
  const dotted = text.includes('.');
  if (dotted) {
    if (isCapitals(text.replace(/\./g, ''))) return; // `K.B.`
    yield token(line, start, text, { dotted: true });
    return;
  }
  const parts = text.split('-');
  let runStart = -1;
  let at = start;
  const flush = (endAt: number): WordToken | undefined => {
    if (runStart < 0) return undefined;
    const t = token(line, runStart, line.slice(runStart, endAt), { dotted: false });
    runStart = -1;
    return t;
  };
  for (const part of parts) {
    if (isCapitals(part)) {
      const t = flush(at - 1);
      if (t) yield t;
    } else if (runStart < 0) {
      runStart = at;
    }
    at += part.length + 1;
  }
  const t = flush(at - 1);
  if (t) yield t;
}

/** `KL`, `BDO`, `KL's`, `SF'ere`: capitals, with at most an apostrophe ending. */
function isCapitals(part: string): boolean {
  const stem = part.split(/['’]/u)[0] ?? '';
  return UPPER.test(stem);
}

/** `dotted`: an abbreviation written with periods (`f.eks.`), which keeps the period after it. */
function token(line: string, start: number, word: string, { dotted }: { readonly dotted: boolean }): WordToken {
  let end = start + word.length;
  if (line[end] === '.' && (dotted || takesPeriod(word) || goesOn(line, end + 1))) end++;
  // `skole- og dagtilbud`: the first half of a shared compound keeps its hyphen.
  else if (line[end] === '-' && /^[\s,/]/u.test(line.slice(end + 1, end + 2))) end++;
  return { word: line.slice(start, end), start, end };
}

const ADMINISTRATION: ReadonlySet<string> = new Set(ADMINISTRATION_ABBREVIATIONS.map((a) => a.slice(0, -1)));
/** `cpr-nr`, `cvr-no`: a short last part after a hyphen is an abbreviation's, so the period is too. */
const SHORT_HYPHENATED = /-\p{L}{1,3}$/u;

function isKnownAbbreviation(word: string): boolean {
  const w = word.toLowerCase();
  return ABBREVIATIONS.has(w) || ADMINISTRATION.has(w);
}

function takesPeriod(word: string): boolean {
  const w = word.toLowerCase();
  return ABBREVIATIONS.has(w) || ADMINISTRATION.has(w) || SHORT_HYPHENATED.test(w);
}

/** After a period: a sentence goes on (`flg. spørgsmål`, `Sagsnr.: 12`), so the period was an abbreviation's. */
function goesOn(line: string, from: number): boolean {
  const next = /\S/u.exec(line.slice(from));
  return next !== null && /[\p{Ll}\d,;:)]/u.test(next[0]);
}

// Marks that may stand before a sentence's first word without ending anything: quotes,
// brackets and Markdown emphasis or headings.
const OPENERS = new Set(['"', '„', '“', '”', '«', '»', "'", '‘', '’', '(', '[', '*', '_', '#']);
const BULLET = /^\s*(?:[-–•*▪·]|\d{1,3}[.)]|[a-zæøå][.)])\s*$/u;
// Abbreviations after which a sentence goes on: `kl. Lars`, `jf. Lov om …`.
const MID_SENTENCE = new Set([
  'kl.',
  'jf.',
  'jvf.',
  'bl.a.',
  'f.eks.',
  'ca.',
  'nr.',
  'pkt.',
  'stk.',
  'hhv.',
  'inkl.',
  'ekskl.',
  'evt.',
  'dvs.',
  'vedr.',
  'd.',
  'ift.',
  'iht.',
  'ifm.',
  'iflg.',
  'mht.',
  'pga.',
  'vha.',
  'pr.',
  'dok.nr.',
]);

/**
 * Whether the word at `start` stands inside a sentence, not first in it. Danish capitalises
 * only names and a sentence's first word, so a capitalised word inside a sentence is a name.
 * A sentence starts at the line's start, after `.`, `!`, `?`, `:`, a tab (a table cell) or a
 * bullet (`- `, `• `, `1. `); quotes, brackets and Markdown marks before the word are passed over.
 */
export function isInsideSentence(line: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (line[i] === ' ' || OPENERS.has(line[i]!))) i--;
  if (i < 0) return false;
  const prev = line[i]!;
  if (prev === '\t') return false;
  if (BULLET.test(line.slice(0, start).replace(/[*#_"„“(]+\s*$/u, ''))) return false;
  if (prev === '!' || prev === '?' || prev === ':' || prev === '…') return false;
  if (prev === '.') {
    const before = /\S+$/u.exec(line.slice(0, i + 1))?.[0] ?? '';
    const bare = before.replace(/^[("„“«*]+/u, '').toLowerCase();
    return MID_SENTENCE.has(bare);
  }
  return true;
}

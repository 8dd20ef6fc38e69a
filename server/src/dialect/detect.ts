import {
  ACADRE,
  EDOC,
  EDOC_FUJITSU,
  FIRST_AGENDA_PAGE,
  FIRST_AGENDA_PDF,
  GETORGANIZED,
  GETORGANIZED_PUBLICATION,
  GREVE,
  SBSYS,
  SBSYS_EDAGSORDEN,
  type Dialect,
} from './dialects';
import { KLE_JOURNAL_NUMBER_SOURCE } from './vocabulary';

/** Enough of a document to know its system: its header and its first few punkter. */
const SAMPLE = 48_000;

/*
 * Each system's tell-tale lines. Judged on the document's own lines, so a folder of mixed
 * minutes needs no configuration; a few anchored patterns on the first part of the text, so it
 * costs nothing next to reading the document.
 */
const PUNKT_COLON = /^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*)?Punkt[ \t]+\d{1,6}[ \t]*[:.]/m;
const PAGE_FIELDS = /^(?:Udvalg|Mødedato|Mødested):\t/m;
const PAGE_NUMBER_LINE = /^\d{1,3}[ \t]*\r?\n(?:[ \t]*\r?\n)*[^\r\n]+\r?\n[ \t]*EMN-\d{4}-\d{6}/m;
const EMN = /^[ \t]*EMN-\d{4}-\d{6}[ \t]*$/gm;
const AARHUS_SECTIONS = /^[ \t]*(?:Beslutninger|Beslutningspunkter|Sagsforløb:?)[ \t]*$/;
const GREVE_SECTIONS = /^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*)?(?:Sagens forløb|Fremstilling|Sagsprocedure)(?:\*\*)?[ \t:]*$/;
// A KLE journal number alone on its line, as Lemvig writes one under every punkt's heading: `00.01.00-P22-7-18`, `17.03.00A00-1-19`.
const KLE_JOURNAL_LINE = new RegExp(String.raw`^[ \t]*${KLE_JOURNAL_NUMBER_SOURCE}[ \t]*$`, 'gm');
const SAGSNR = /^[ \t]*Sagsnr\.?:?[ \t]+(\S+)/m;
const EDOC_DECISION = /beslutning den \d{2}\.\d{2}\.\d{4}/i;
// eDoc's numbered items and sections, without a single `Sagsnr.:`: SBSYS eDagsorden's publication.
const NUMBER_DOT = /^\d{1,4}\.[ \t]{2,}\S/m;
// SBSYS's publications write the captions as the system's settings have them, Region Hovedstaden's in capitals.
const EDOC_SECTIONS = /^[ \t]*(?:Sammendrag|Beslutningen træffes af|Sagen afgøres af)[ \t]*$/im;
const ACADRE_DECISION = /^[ \t]*Beslutning i .+ den \d{2}-\d{2}-\d{4}[ \t]*$/m;
// eDoc (Fujitsu)'s template headings, which no other system writes.
const FUJITSU_SECTIONS = /^[ \t]*(?:Præsentation|Forvaltningen foreslår)[ \t:]*$/;
// GetOrganized's publication as the import writes it: a sub-item's heading (`Punkt 1.2: …`), or its header's `Tidspunkt: 13:00 - 15:00`.
const SUB_ITEM_HEADING = /^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*)?Punkt[ \t]+\d{1,6}\.\d{1,3}[ \t]*[:.]/m;
// What a sub-item's heading cannot be without, found by the word it begins with.
const SUB_ITEM_NUMBER = /Punkt[ \t]+\d{1,6}\.\d/;
const GETORGANIZED_TIME = /^Tidspunkt:[ \t]+\d{1,2}[:.]\d{2}[ \t]*-[ \t]*\d{1,2}[:.]\d{2}[ \t]*$/m;
// GetOrganized's referat: an item numbered as an outline (`1.1  Status siden sidst`), its template's `Oplæg:` under it.
const OUTLINE_ITEM = /^[ \t]*\d{1,3}(?:\.\d{1,3})?[ \t]+\S[^\r\n]*\r?\n(?:[ \t]*\r?\n){0,3}[ \t]*Oplæg[ \t]*:/m;

/**
 * Whether a pattern can match at all: each tell-tale pattern is tried only where a word it cannot
 * match without stands in the text. A regular expression reads every character of its text, and
 * the archive asks this of thousands of files, most of them in Lemvig's form, whose words are none of these.
 */
const has = (text: string, ...words: readonly string[]): boolean => words.some((w) => text.includes(w));

/** The dialect a document is written in, from its own lines; Lemvig's form where nothing tells otherwise. */
export function detectDialect(text: string): Dialect {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  // An edit below the sample, as nearly every edit of a long referat is, leaves the answer as it was.
  if (lastDetected?.sample === sample) return lastDetected.dialect;
  const dialect = detectFromSample(sample);
  lastDetected = { sample, dialect };
  return dialect;
}

/** The last sample read and its dialect: one comparison of the sample is cheaper than its patterns. */
let lastDetected: { readonly sample: string; readonly dialect: Dialect } | undefined;

function detectFromSample(sample: string): Dialect {
  let punktColon: boolean | undefined;
  const hasPunktColon = (): boolean => (punktColon ??= has(sample, 'Punkt') && PUNKT_COLON.test(sample));
  if (isGetOrganizedReferat(sample)) return GETORGANIZED;
  if (SUB_ITEM_NUMBER.test(sample) && SUB_ITEM_HEADING.test(sample)) return GETORGANIZED_PUBLICATION;
  if (has(sample, 'Tidspunkt:') && GETORGANIZED_TIME.test(sample) && hasPunktColon()) return GETORGANIZED_PUBLICATION;
  if (linesWith(sample, ['Præsentation', 'Forvaltningen foreslår'], FUJITSU_SECTIONS, { stopAt: 1 }) > 0 && !hasPunktColon()) return EDOC_FUJITSU;
  const sagsnr = has(sample, 'Sagsnr') ? SAGSNR.exec(sample) : null;
  if (sagsnr && !hasPunktColon()) {
    if ((has(sample, 'Beslutning i ') && ACADRE_DECISION.test(sample)) || /^\d{2}\/\d+$/.test(sagsnr[1]!) || has(sample, 'Sagen afgøres i:')) return ACADRE;
    return EDOC;
  }
  // Without a single `Sagsnr.:`, eDoc's sections are SBSYS's publication's, whose minutes date their decisions as eDoc does.
  if (!sagsnr && !hasPunktColon() && EDOC_SECTIONS.test(sample) && NUMBER_DOT.test(sample)) return SBSYS_EDAGSORDEN;
  if (!hasPunktColon() && EDOC_DECISION.test(sample)) return EDOC;
  if ((has(sample, ':\t') && PAGE_FIELDS.test(sample)) || (has(sample, 'EMN-') && PAGE_NUMBER_LINE.test(sample))) return FIRST_AGENDA_PAGE;
  // Aarhus's and Greve's words can each turn up in the other's text (`Beslutninger` as a sub-heading of
  // a Greve case), so the one with more of its tell-tale lines wins; an EMN case number is Aarhus's alone.
  const aarhus = (has(sample, 'EMN-') ? count(EMN, sample) * 2 : 0) + linesWith(sample, ['Beslutning', 'Sagsforløb'], AARHUS_SECTIONS);
  const greve = greveCaseLines(sample) + linesWith(sample, ['Sagens forløb', 'Fremstilling', 'Sagsprocedure'], GREVE_SECTIONS);
  // Lemvig's KLE journal numbers, one under every punkt's heading, outweigh as many of the others' lines:
  // one `Sagens forløb` or `23-001234` in a Lemvig referat does not make it Greve's, whose closed
  // punkt's first text is its public decision.
  const kle = has(sample, '.') ? count(KLE_JOURNAL_LINE, sample) : 0;
  if (aarhus > 0 && aarhus >= greve && aarhus > kle) return FIRST_AGENDA_PDF;
  if (greve > 0 && greve > kle) return GREVE;
  return SBSYS;
}

/** GetOrganized's referat as its PDF prints it: outline-numbered items with their `Oplæg:`, no `Punkt N:` heading. */
export function isGetOrganizedReferat(text: string): boolean {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  return has(sample, 'Oplæg') && OUTLINE_ITEM.test(sample) && !(has(sample, 'Punkt') && PUNKT_COLON.test(sample));
}

function count(pattern: RegExp, text: string): number {
  return text.match(pattern)?.length ?? 0;
}

/**
 * How many lines `line` (a pattern of one whole line) matches, looked for only on the lines that
 * hold one of `words`, which every match holds: each line counted once, however many words it has.
 */
function linesWith(text: string, words: readonly string[], line: RegExp, { stopAt = Infinity }: { readonly stopAt?: number } = {}): number {
  const starts = new Set<number>();
  for (const word of words) {
    // From each line's end on: a long line holding the word many times is read once, not once per word.
    let from = 0;
    let lineEnd = -1;
    for (let i = text.indexOf(word); i >= 0 && starts.size < stopAt; i = text.indexOf(word, from)) {
      let start = i;
      while (start > lineEnd + 1 && !isLineBreak(text, start - 1)) start--;
      let end = i + word.length;
      while (end < text.length && !isLineBreak(text, end)) end++;
      lineEnd = end;
      from = end + 1;
      if (!starts.has(start) && line.test(text.slice(start, end))) starts.add(start);
    }
  }
  return starts.size;
}

/**
 * Greve's case-number lines (`24-012345`, `24-012345A`, blanks around), counted from the hyphens
 * in the text: there is no word to look for first, and a hyphen is rare enough to start from.
 */
function greveCaseLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('-'); i >= 0; i = text.indexOf('-', i + 1)) if (isGreveCaseAt(text, i)) n++;
  return n;
}

/** Whether the hyphen at `i` is that of a line that is a Greve case number and nothing else. */
function isGreveCaseAt(text: string, i: number): boolean {
  if (!isDigit(text, i - 1) || !isDigit(text, i - 2)) return false;
  let j = i - 3;
  while (j >= 0 && isBlank(text, j)) j--;
  if (j >= 0 && !isLineBreak(text, j)) return false;
  for (let k = i + 1; k <= i + 6; k++) if (!isDigit(text, k)) return false;
  let e = i + 7;
  const c = text.charCodeAt(e);
  if (c >= 65 && c <= 90) e++;
  while (e < text.length && isBlank(text, e)) e++;
  return e >= text.length || isLineBreak(text, e);
}

function isDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

function isBlank(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 32 || c === 9;
}

/** The line terminators of a multi-line regular expression's `^` and `$`. */
function isLineBreak(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

import type { IToken } from 'chevrotain';
import type { Dialect } from '../dialect/dialects';
import { CASE_NUMBER_LINE_LABEL_SOURCE, CASE_NUMBER_TRAILER, LIST_ITEM_WORDS, MONTH_WORDS, ORDINAL_NOUNS } from '../dialect/vocabulary';
import { Blank, Bullet, DecisionHeading, EarlierDecision, PunktHeading, SectionHeading, TocEntry } from './tokens';

/*
 * Where a dialect writes a punkt's heading as `3.   Title` (eDoc, Acadre, SBSYS eDagsorden, eDoc
 * (Fujitsu)), a line that begins with a number and a period may as well be a date (`30. november 2022
 * vedtages …`), an ordinal (`2. behandling af …`), a numbered recommendation (`1. at …`) or a
 * paragraph a PDF's line break began with a number. Such a line is a heading only where three kinds of
 * evidence agree: its words (what follows the number), what follows the line (the dialect's case
 * number, or a section), and the numbering (the number after the last heading's).
 */

const NUMBER_DOT = /^(\d{1,4})\.([ \t]+)(\S.*)$/;
/** How many lines a heading's title may wrap onto before what follows it. */
const TITLE_LINES = 3;
/** How far below a heading its case number or first section may stand, after lines of text. */
const LOOKAHEAD = 6;
/** The last day of a month: a larger number before a month's name is no day. */
const LAST_DAY = 31;
/** A caption is a short line: longer, it is text in capitals. */
const LONGEST_CAPTION = 80;
/** A caption has at least this many capitals: `EU` or `NB` alone is no caption. */
const SHORTEST_CAPTION = 4;

const MONTHS = new Set(MONTH_WORDS);
/** Words that make the number before them an ordinal or a list's, not a punkt's. */
const NOT_A_TITLE = new Set([...ORDINAL_NOUNS, ...LIST_ITEM_WORDS]);
const FIRST_WORD = /^\p{L}+/u;
// `30. November 2022`, `1. Jan. 2023`, `15. Maj kl. 14`: a month with a year or a time after it is a date in any case.
const DATE_TAIL = /^\.?[ \t]+(?:\d{4}(?!\d)|kl\.?(?![\p{L}]))/u;
const MONTH_END = /^(?:\.|[ \t,;:]|$)/;
// A title does not run on into the next line's words (`1. Regionsrådet tiltræder,`) nor end a sentence (`… nye strategier.`).
const RUNS_ON = /[,;]$|[ \t](?:og|eller|at)$/;
const SENTENCE_END = /\p{Ll}{4,}\.$/u;
// A caption in capitals, as SBSYS's publications write their fields' names (`PUNKTET BEHANDLET TIDLIGERE`).
const CAPTION = /^[ \t]*(?:\*\*)?[\p{Lu}][\p{Lu} \t,&/–-]*(?:\*\*)?[ \t:]*$/u;

/** What the words of a candidate line say: never a heading, a heading only on strong evidence, or a heading's form. */
type Form = 'not' | 'doubtful' | 'plain';
/** What follows the line (after its wrapped title): a case number, a section's heading, one a few lines on, or neither. */
type Follows = 'case' | 'section' | 'later' | 'none';

interface Candidate {
  readonly index: number;
  readonly n: number;
  readonly form: Form;
  readonly follows: Follows;
  /** The section headings and captions below it, up to the next numbered line, lower case. */
  readonly sections: readonly string[];
  /** An empty line above it: a heading stands apart, a line of a paragraph or a list runs on. */
  readonly blankBefore: boolean;
  /** The lines above (empty lines aside) are a list's items, written alike and numbered from 1 to one lower, that a title could go on. */
  readonly listRun: boolean;
}

export interface NumberDotContext {
  readonly dialect: Dialect;
  readonly text: string;
  readonly isCaseNumber: (image: string) => boolean;
}

const isCandidateToken = (t: IToken): boolean => t.tokenType === Bullet && NUMBER_DOT.test(t.image);
const headingLike = (t: IToken): boolean =>
  t.tokenType === SectionHeading || t.tokenType === DecisionHeading || t.tokenType === EarlierDecision || isCaption(t.image);

function isCaption(image: string): boolean {
  if (image.length > LONGEST_CAPTION || !CAPTION.test(image)) return false;
  let letters = 0;
  for (const c of image) if (c !== c.toLowerCase()) letters++;
  return letters >= SHORTEST_CAPTION;
}

// A punkt's case-number line: behind its label, or the number alone (`2012-204021 - Forslag til …` is a Bilag's document).
const CASE_LABEL = new RegExp(String.raw`^[ \t]*(?:\*\*)?(?:${CASE_NUMBER_LINE_LABEL_SOURCE})`, 'i');
const FIRST_WORD_ONLY = /^[ \t]*\S+/;
/** A case-number line is short: a longer line is a sentence that begins with a number. */
const LONGEST_CASE_LINE = 60;

function isCaseLine(image: string, ctx: NumberDotContext): boolean {
  if (image.length >= LONGEST_CASE_LINE || !ctx.isCaseNumber(image)) return false;
  if (CASE_LABEL.test(image)) return true;
  const rest = image.slice(FIRST_WORD_ONLY.exec(image)![0].length);
  return rest.trim() === '' || CASE_NUMBER_TRAILER.test(rest);
}

/** What a line's words say about it, from the number and the words after it. */
export function numberDotForm(image: string): Form {
  const m = NUMBER_DOT.exec(image);
  if (!m) return 'not';
  const n = Number(m[1]);
  const rest = m[3]!.replace(/\*\*/g, '').trimEnd();
  const word = FIRST_WORD.exec(rest)?.[0];
  if (word) {
    const lower = word.toLowerCase();
    const lowerFirst = word.charAt(0) !== word.charAt(0).toUpperCase();
    const after = rest.slice(word.length);
    if (MONTHS.has(lower) && n >= 1 && n <= LAST_DAY && MONTH_END.test(after)) return lowerFirst || DATE_TAIL.test(after) ? 'not' : 'doubtful';
    if (lowerFirst) return NOT_A_TITLE.has(word) ? 'not' : 'doubtful';
  }
  return RUNS_ON.test(rest) || SENTENCE_END.test(rest) ? 'doubtful' : 'plain';
}

/** Is there an empty line between the token at `i` and the one before it? (Empty lines have no token.) */
export function blankLineBefore(tokens: readonly IToken[], i: number, text: string): boolean {
  const prev = tokens[i - 1];
  if (!prev) return true;
  if (prev.tokenType === Blank) return true;
  const gap = text.slice(prev.startOffset + prev.image.length, tokens[i]!.startOffset);
  const breaks = gap.includes('\n') ? gap.split('\n').length - 1 : gap.split('\r').length - 1;
  return breaks >= 2;
}

/** What follows the candidate at `i`: its title's wrapped lines passed over, the first line that is not blank, or one a few lines on. */
function whatFollows(tokens: readonly IToken[], i: number, ctx: NumberDotContext): Follows {
  const ends = (t: IToken): boolean =>
    t.tokenType === Blank || t.tokenType === PunktHeading || t.tokenType === TocEntry || isCandidateToken(t) || headingLike(t) || isCaseLine(t.image, ctx);
  let j = i + 1;
  if (ctx.dialect.titleWraps)
    for (let wrapped = 0; j < tokens.length && wrapped < TITLE_LINES && !ends(tokens[j]!) && !blankLineBefore(tokens, j, ctx.text); wrapped++) j++;
  while (j < tokens.length && tokens[j]!.tokenType === Blank) j++;
  const next = tokens[j];
  if (!next) return 'none';
  if (isCaseLine(next.image, ctx)) return 'case';
  if (headingLike(next)) return 'section';
  for (let seen = 0; j < tokens.length && seen < LOOKAHEAD; j++) {
    const t = tokens[j]!;
    if (t.tokenType === Blank) continue;
    seen++;
    if (isCandidateToken(t) || t.tokenType === PunktHeading || t.tokenType === TocEntry) break;
    if (headingLike(t) || isCaseLine(t.image, ctx)) return 'later';
  }
  return 'none';
}

const sectionName = (image: string): string =>
  image
    .replace(/[*#:]/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim()
    .toLowerCase();

/** Every numbered line with what can be told of it from itself and the lines around it. */
function readCandidates(tokens: readonly IToken[], ctx: NumberDotContext): Candidate[] {
  const found: Candidate[] = [];
  // The numbered line right above (empty lines aside), its gap after the number, and whether the numbers above it run from 1.
  let above: { readonly c: Candidate; readonly gap: string; readonly fromOne: boolean } | undefined;
  let sections: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (isCandidateToken(t)) {
      const [, number, gap] = NUMBER_DOT.exec(t.image)!;
      const n = Number(number);
      const form = numberDotForm(t.image);
      // A list's items are written alike, numbered from 1; a heading is not an item of the list above it: eDoc
      // writes its headings apart (`3.   Title`), and a list of `at …` does not go on with a title.
      const continues = above !== undefined && above.c.n === n - 1 && above.gap === gap && above.fromOne;
      const listRun = continues && above!.c.form !== 'not';
      sections = [];
      const c: Candidate = { index: i, n, form, follows: whatFollows(tokens, i, ctx), sections, blankBefore: blankLineBefore(tokens, i, ctx.text), listRun };
      found.push(c);
      above = { c, gap: gap!, fromOne: n === 1 || continues };
    } else if (t.tokenType !== Blank) {
      above = undefined;
      if (headingLike(t)) sections.push(sectionName(t.image));
    }
  }
  return found;
}

/** A heading beyond doubt of the numbering: its case number follows, or a section right after it in a heading's form, set apart. */
const isAnchor = (c: Candidate): boolean =>
  c.form !== 'not' && (c.follows === 'case' || (c.follows === 'section' && c.form === 'plain' && c.blankBefore && !c.listRun));

/** The next anchor's number, and whether its case number follows it, as the dialect's headings' do. */
interface NextAnchor {
  readonly n: number;
  readonly byCase: boolean;
}

/**
 * The numbered lines that are punkt headings, in order. A case number right after the title makes
 * one whatever its number (a skipped or repeated number is the checker's to report), and so do the
 * sections of the punkt above begun again below it (a template's punkter are written alike), and so
 * does a section below the first (the header has none). Otherwise the line must stand apart from the
 * text above and have a section right after it: then a number after the last heading's is a heading,
 * unless the next heading has the same number or a lower one and its case number; and so is another
 * where the numbering leaves a place for it (the next heading does not follow the last one: `30.`
 * between punkt 3 and punkt 4 is text), or the last heading's number again where no heading has a
 * case number. A line whose words read as text (a lower-case word, a month's name, a sentence's end),
 * or whose first section comes a few lines on, is a heading only between the last heading's number
 * and the next one's.
 */
export function numberDotHeadings(tokens: readonly IToken[], ctx: NumberDotContext): number[] {
  const candidates = readCandidates(tokens, ctx);
  // The next anchor after each candidate, read backwards once.
  const nextAnchor: (NextAnchor | undefined)[] = new Array<NextAnchor | undefined>(candidates.length);
  let anchor: NextAnchor | undefined;
  for (let k = candidates.length - 1; k >= 0; k--) {
    nextAnchor[k] = anchor;
    const c = candidates[k]!;
    if (isAnchor(c)) anchor = { n: c.n, byCase: c.follows === 'case' };
  }
  const headings: number[] = [];
  const numbering: Numbering = { first: undefined, prev: undefined, expected: undefined };
  // Where no heading has a case number, a number written twice may be either heading's: both are kept, and reported.
  const withoutCaseNumbers = !candidates.some((c) => c.form !== 'not' && c.follows === 'case');
  // The sections of the punkt so far: a numbered line that is not its heading leaves its own in the punkt.
  let seen = new Set<string>();
  for (const [k, c] of candidates.entries()) {
    if (isHeading(c, { ...numbering, next: nextAnchor[k], seen, withoutCaseNumbers }, ctx.dialect)) {
      headings.push(c.index);
      numbering.first ??= c.n;
      numbering.prev = c.n;
      // The next number follows this one, or the place the punkter so far give it (a first punkt numbered 2 in error).
      numbering.expected = (ctx.dialect.numbering === 'from-one' ? 1 : numbering.first) + headings.length;
      seen = new Set(c.sections);
    } else for (const s of c.sections) seen.add(s);
  }
  return headings;
}

/** The last heading's number, and the number the next heading has by its place (1..N, or on from the first heading's). */
interface Numbering {
  first: number | undefined;
  prev: number | undefined;
  expected: number | undefined;
}

/** How many of the punkt's sections begin again below a numbered line before it reads as the next punkt. */
const SECTIONS_AGAIN = 2;

/** What is known around a numbered line when it is judged. */
interface Around extends Readonly<Numbering> {
  readonly next: NextAnchor | undefined;
  /** The sections of the punkt so far. */
  readonly seen: ReadonlySet<string>;
  readonly withoutCaseNumbers: boolean;
}

function isHeading(c: Candidate, around: Around, dialect: Dialect): boolean {
  const { prev, expected, next, seen } = around;
  if (c.form === 'not') return false;
  if (c.follows === 'case') return true;
  if ((prev !== undefined && !c.blankBefore) || c.listRun) return false;
  // Before the first heading is the header, which has no sections: a numbered line a section follows begins the punkter.
  if (c.follows === 'section' && (prev === undefined || new Set(c.sections.filter((s) => seen.has(s))).size >= SECTIONS_AGAIN)) return true;
  const follows = (n: number): boolean => prev === undefined || n === prev + 1 || n === expected;
  const inSequence = prev === undefined ? c.form === 'plain' || dialect.numbering === 'running' || c.n === 1 : follows(c.n);
  // Words that read as text, or text between the line and its first section (`Sagsbehandler: …`): the numbering must be sure of it.
  if (c.form === 'doubtful' || c.follows === 'later') return inSequence && (next === undefined ? c.form === 'plain' : next.n === c.n + 1);
  if (c.follows !== 'section') return false;
  // A heading with its case number below takes the number from a line without one.
  if (inSequence) return !(next?.byCase === true && next.n <= c.n);
  const leavesPlace = next === undefined ? c.n > prev! : !follows(next.n);
  return leavesPlace || (around.withoutCaseNumbers && c.n === prev);
}

import type { IToken } from 'chevrotain';
import type { Dialect } from '../dialect/dialects';
import { CASE_NUMBER_LINE_LABEL_SOURCE, PUNKT_WORD, SECTION_NAMES } from '../dialect/vocabulary';
import { blankLineBefore, numberDotHeadings } from './numberDot';
import { Blank, DecisionHeading, EarlierDecision, Journal, PunktHeading, SectionHeading, Text, Title, TocEntry } from './tokens';

const NUMBER_ALONE = /^[ \t]*\d{1,4}[ \t]*$/;
/** `1  First Agenda`, `1.1  Status siden sidst`: an outline's number (groups 1 and 2), a gap, the title. */
const NUMBER_OUTLINE = /^(\d{1,3})(?:\.(\d{1,3}))?[ \t]+\S/;
/** A case number as a punkt's first line has it: a known shape, or behind a `Sagsnr.:` label. */
const CASE_NUMBER = new RegExp(String.raw`^[ \t]*(?:\*\*)?(?:${CASE_NUMBER_LINE_LABEL_SOURCE}[ \t]*:?[ \t]*\S|EMN-\d|\d{2}[.\-/]\d|\d{4}-\d)`, 'i');
/** How far below a candidate heading its case number or first section may stand. */
const LOOKAHEAD = 6;

/**
 * Where a dialect writes a punkt's number alone on a line, or as `3.   Title`, whether such a line
 * is a punkt's heading depends on the lines around it. The lexer judges one line at a time; this pass
 * looks ahead and re-types the lines that are headings, so the parser groups them as it groups `Punkt N:`.
 */
export function markPunktHeadings(tokens: IToken[], dialect: Dialect, text: string): void {
  const style = dialect.punktHeading;
  const isCaseNumber = (image: string): boolean => CASE_NUMBER.test(image) || (dialect.customCaseNumbers?.some((s) => s.pattern.test(image.trim())) ?? false);
  if (style === 'punkt-colon') demoteQuotedPunktLines(tokens, text, { quotes: dialect.quotesPunktLines, isCaseNumber });
  else if (style === 'number-dot') for (const i of numberDotHeadings(tokens, { dialect, text, isCaseNumber })) asPunktHeading(tokens[i]!);
  else if (style === 'number-outline') markOutlineHeadings(tokens, isCaseNumber);
  else markNumberLines(tokens, isCaseNumber);
}

/** The number alone on a line (First Agenda's page) is a heading where its title, then its case number or first section, follow. */
function markNumberLines(tokens: IToken[], isCaseNumber: (image: string) => boolean): void {
  const isCandidate = (t: IToken): boolean => t.tokenType === Journal && NUMBER_ALONE.test(t.image);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!isCandidate(t)) continue;
    let seen = 0;
    let titleSeen = false;
    for (let j = i + 1; j < tokens.length && seen < LOOKAHEAD; j++) {
      const next = tokens[j]!;
      if (next.tokenType === Blank) continue;
      seen++;
      if (isCandidate(next) || next.tokenType === PunktHeading || next.tokenType === TocEntry) break;
      if (!titleSeen) {
        // The number's own title comes first; a heading or a case number right away is no title.
        if (next.tokenType === SectionHeading || next.tokenType === DecisionHeading) break;
        titleSeen = true;
        continue;
      }
      if (next.tokenType === SectionHeading || next.tokenType === DecisionHeading || isCaseNumber(next.image)) {
        asPunktHeading(t);
        break;
      }
    }
  }
}

function asPunktHeading(t: IToken): void {
  t.tokenType = PunktHeading;
  t.tokenTypeIdx = PunktHeading.tokenTypeIdx!;
}

/**
 * An outline's items (`1  First Agenda`, `1.1  Status siden sidst`): a line of text numbered so is an
 * item's heading where the next line that says something is one of its sections, its case number, or
 * its first sub-item (`1  First Agenda` right above `1.1  …`, a group heading with nothing of its
 * own). A numbered line in an item's text (`2 medlemmer deltog`) has text under it, so stays text.
 */
function markOutlineHeadings(tokens: IToken[], isCaseNumber: (image: string) => boolean): void {
  const outline = (t: IToken): RegExpExecArray | null => (t.tokenType === Text ? NUMBER_OUTLINE.exec(t.image) : null);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const m = outline(t);
    if (!m) continue;
    let j = i + 1;
    while (j < tokens.length && tokens[j]!.tokenType === Blank) j++;
    const next = tokens[j];
    if (!next) continue;
    const sub = outline(next);
    const firstSubItem = m[2] === undefined && sub !== null && sub[1] === m[1] && sub[2] !== undefined;
    if (next.tokenType === SectionHeading || next.tokenType === DecisionHeading || isCaseNumber(next.image) || firstSubItem) asPunktHeading(t);
  }
}

/**
 * A document word that a dialect also uses as a section's name (GetOrganized's `Referat:`, what the
 * meeting recorded under each item): the lexer reads such a line as a title; below the document's
 * own title, in a dialect that names the section, it is that section's heading.
 */
export function markTitleSections(tokens: IToken[], dialect: Dialect): void {
  let titleSeen = false;
  // Indexed: this runs once over every line, before it is optimised, where an iterator costs about 5 times the loop.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.tokenType !== Title) continue;
    if (!titleSeen) {
      titleSeen = true;
      continue;
    }
    const name = t.image.length > LONGEST_SECTION_NAME ? undefined : sectionNameOf(t.image);
    if (name === undefined || !dialect.sections.has(name)) continue;
    t.tokenType = SectionHeading;
    t.tokenTypeIdx = SectionHeading.tokenTypeIdx!;
  }
}

/** A heading line's name as a dialect's sections are keyed: decoration, a colon and blanks off, lower case. */
function sectionNameOf(image: string): string | undefined {
  const name = image
    .replace(/^[ \t]*#{0,6}[ \t]*/, '')
    .replace(/\*\*/g, '')
    .replace(/[ \t:]*$/, '')
    .toLowerCase();
  return name === '' ? undefined : name;
}

const HISTORY_NAMES = SECTION_NAMES.filter((s) => s.kind === 'sagsforloeb').map((s) => s.name.toLowerCase());
const isHistoryHeading = (t: IToken): boolean => {
  const name = t.image.replace(/[#*:]/g, '').trim().toLowerCase();
  return HISTORY_NAMES.includes(name);
};

/**
 * A case's history and a decision quote the earlier meetings' decisions item by item (`Punkt 1:
 * Økonomiudvalget anbefaler …`, `Punkt 2. Anbefales.`, Greve). Inside a punkt's sections such a line is
 * the next punkt's heading when its case number follows, as nearly every real heading's does, or when
 * it reads as a heading: set apart by a blank line (in a history, also numbered after the punkt it
 * ends), or run on from the text above outside a history (where the dialect quotes decisions so, only
 * numbered next in line). Otherwise it is the quoted decision's text.
 */
function demoteQuotedPunktLines(
  tokens: IToken[],
  text: string,
  { quotes, isCaseNumber }: { readonly quotes: boolean; readonly isCaseNumber: (image: string) => boolean },
): void {
  // The section a line stands in, by its heading; whether that is a history is asked only of a punkt line in it.
  let section: IToken | undefined;
  let current: number | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.tokenType === SectionHeading || t.tokenType === DecisionHeading || t.tokenType === EarlierDecision) section = t;
    if (t.tokenType !== PunktHeading) continue;
    const inSection = section !== undefined;
    const inHistory = section !== undefined && isHistoryHeading(section);
    const n = Number(PUNKT_NUMBER.exec(t.image)?.[1] ?? NaN);
    const heading =
      !inSection ||
      current === undefined ||
      caseNumberFollows(tokens, i, isCaseNumber) ||
      (blankLineBefore(tokens, i, text) ? !inHistory || n > current : !inHistory && (!quotes || n === current + 1));
    if (heading) {
      current = n;
      section = undefined;
      continue;
    }
    t.tokenType = Text;
    t.tokenTypeIdx = Text.tokenTypeIdx!;
  }
}

const PUNKT_NUMBER = new RegExp(String.raw`${PUNKT_WORD}[ \t]+(\d{1,6})`);
/** How many lines a heading's title may wrap onto before its case number. */
const TITLE_LINES = 3;
/** A line longer than this is text, not a section's name. */
const LONGEST_SECTION_NAME = 80;

/** Does a case number follow the heading at `i`, after its title's wrapped lines? */
function caseNumberFollows(tokens: readonly IToken[], i: number, isCaseNumber: (image: string) => boolean): boolean {
  let seen = 0;
  for (let j = i + 1; j < tokens.length && seen < TITLE_LINES; j++) {
    const next = tokens[j]!;
    if (next.tokenType === Blank) continue;
    if (next.tokenType === Journal || isCaseNumber(next.image)) return true;
    if (next.tokenType === PunktHeading || next.tokenType === SectionHeading || next.tokenType === DecisionHeading || next.tokenType === EarlierDecision)
      return false;
    seen++;
  }
  return false;
}

/**
 * Section headings referat.yaml adds (`Sagens baggrund: Sagsfremstilling`) that the lexer's
 * vocabulary does not know: a text line that is one of them, alone, is a section heading.
 */
export function markExtraSections(tokens: IToken[], dialect: Dialect): void {
  const names = dialect.extraSectionNames;
  if (!names || names.length === 0) return;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.tokenType !== Text || t.image.length > LONGEST_SECTION_NAME) continue;
    const name = sectionNameOf(t.image);
    if (name === undefined || !names.includes(name)) continue;
    t.tokenType = SectionHeading;
    t.tokenTypeIdx = SectionHeading.tokenTypeIdx!;
  }
}

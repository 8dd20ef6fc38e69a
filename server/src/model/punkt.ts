import type { Dialect } from '../dialect/dialects';
import {
  ABSENCE_WORDS,
  ATTENDANCE_SOURCE,
  CLOSED_IN_BRACKETS,
  CLOSED_PREFIX,
  CLOSED_SUFFIX,
  HISTORY_ENTRY_LABELS,
  HISTORY_NOT_RELEASED,
  labelAlternatives,
  phraseSource,
  PUNKT_WORD,
  SECTION_KINDS,
  type SectionKind,
} from '../dialect/vocabulary';
import { lineContent, stripBold } from '../syntax/content';
import { lineRange, range, type Range } from '../syntax/range';
import { SourceLine, type PunktSyntax, type SyntaxLine } from '../syntax/tree';
import { sameDate } from './dates';
import { looksLikeCaseNumber, parseJournalLine } from './journal';
import { NUMERIC_DATE, readDate, readTime, TEXT_DATE } from './read';
import { sectionKindOf } from './sections';
import type {
  AttendeeMention,
  BodyLine,
  CalendarDate,
  EarlierDecision,
  JournalLine,
  Mutable,
  Punkt,
  PunktHeading,
  RecommendationBullet,
  Section,
} from './types';

/** A body line; its range is made when asked for, since most lines are never asked. */
class TextLine implements BodyLine {
  constructor(
    readonly line: number,
    readonly text: string,
    readonly blank: boolean,
    readonly subHeadingLevel?: number,
  ) {}
  get range(): Range {
    return lineRange(this.line, 0, this.text.length);
  }
  /** The same line, `lines` further down (a punkt moved by an edit above it). */
  movedBy(lines: number): TextLine {
    return new TextLine(this.line + lines, this.text, this.blank, this.subHeadingLevel);
  }
  toJSON(): object {
    return {
      line: this.line,
      text: this.text,
      blank: this.blank,
      range: this.range,
      ...(this.subHeadingLevel !== undefined ? { subHeadingLevel: this.subHeadingLevel } : {}),
    };
  }
}

export function bodyLine(l: SyntaxLine, subHeadingLevel?: number): BodyLine {
  // The parser's own line object is a body line already; only a sub-heading needs more.
  if (subHeadingLevel === undefined && l instanceof SourceLine) return l;
  return new TextLine(l.line, l.text, l.kind === 'blank', subHeadingLevel);
}

interface SectionDraft {
  kind: SectionKind;
  title: string;
  headingText: string;
  headingRange: Range;
  implicit: boolean;
  headingLevel: number;
  body: BodyLine[];
  lastLine: number;
  lastLength: number;
  earlier?: EarlierDecision;
  recommendations: { by: string; range: Range; bullets: RecommendationBullet[] }[];
  /** Bullets after an `… indstiller` line belong to it until other text comes. */
  openRecommendation: boolean;
}

// A sub-item's number (`Punkt 1.2: …`, GetOrganized's publication) is read whole where a colon or a period ends it.
// The title, where there is one, is the second group and runs to the line's end: where it starts
// is counted from there (match indices would cost more than the rest of reading a heading).
const PUNKT_COLON = new RegExp(String.raw`^${PUNKT_WORD}[ \t]+(\d{1,6}(?:\.\d{1,3})?)[ \t]*[:.][ \t]*(.*)$`);
const NUMBER_DOT = /^(\d{1,6})\.[ \t]+(.*)$/;
// An outline's number and the title after a gap (GetOrganized's referat): `1  First Agenda`, `1.1  Status siden sidst`.
const NUMBER_OUTLINE = /^(\d{1,6}(?:\.\d{1,3})?)[ \t]+(\S.*)$/;
const NUMBER_ALONE = /^(\d{1,6})$/;

/** The heading line alone: `## **Punkt 2: Title**`, `3.   Title`, `1.1  Title`, or `3` (the title on the next line). */
export function readPunktHeading(h: SyntaxLine): PunktHeading {
  const c = lineContent(h.text);
  const m = PUNKT_COLON.exec(c.content) ?? NUMBER_DOT.exec(c.content) ?? NUMBER_OUTLINE.exec(c.content) ?? NUMBER_ALONE.exec(c.content.trim());
  const numberText = m?.[1] ?? '0';
  const numberStart = c.start + Math.max(0, c.content.indexOf(numberText));
  const [top, sub] = numberText.split('.').map(Number);
  // The range covers the title as written, bold markers inside it included.
  const rawTitle = (m?.[2] ?? '').trimEnd();
  const title = stripBold(rawTitle).trim();
  const titleStart = c.start + c.content.length - (m?.[2]?.length ?? 0);
  return {
    number: top!,
    ...(sub !== undefined ? { subNumber: sub } : {}),
    numberRange: lineRange(h.line, numberStart, numberStart + numberText.length),
    title,
    titleRange: lineRange(h.line, titleStart, titleStart + rawTitle.length),
    closed: isClosed(title),
    headingRange: lineRange(h.line, 0, h.text.length),
    headingLevel: c.headingLevel,
  };
}

/** The closed marker at a title's end, `(Lukket punkt)`, fits in this many characters. */
const CLOSED_SUFFIX_WINDOW = 24;

export function isClosed(title: string): boolean {
  // The suffix is looked for in the title's last characters only: a pattern that starts with
  // spaces, tried at every position of a long line, would take the square of its length.
  const end = title.trimEnd();
  return (
    CLOSED_PREFIX.test(title) ||
    (end.endsWith(')') && CLOSED_SUFFIX.test(end.slice(-CLOSED_SUFFIX_WINDOW))) ||
    (title.includes('(') && CLOSED_IN_BRACKETS.test(title))
  );
}

/** A line of text this long or longer is a sentence, never a case number. */
const LONGEST_CASE_NUMBER_LINE = 60;

/** The first non-blank line after a punkt heading is its case number, if it looks like one. */
export function isJournalLine(l: SyntaxLine, dialect?: Dialect): boolean {
  return (
    l.kind === 'journal' ||
    ((l.kind === 'text' || l.kind === 'bullet' || l.kind === 'field') && l.text.length < LONGEST_CASE_NUMBER_LINE && looksLikeCaseNumber(l.text, dialect))
  );
}

/** Lines that end a wrapped title: a case number, a heading, a blank line. */
function endsTitle(l: SyntaxLine, dialect: Dialect): boolean {
  return (
    l.kind === 'blank' ||
    l.kind === 'sectionHeading' ||
    l.kind === 'decisionHeading' ||
    l.kind === 'earlierDecision' ||
    l.kind === 'punktHeading' ||
    isJournalLine(l, dialect)
  );
}

const LETTERED = /^[ \t]*[a-zæøå]\.[ \t]+\S/;

/** Everything that tells the punkt's lines apart: the dialect, and the meeting's year and day. */
export interface PunktContext {
  readonly dialect: Dialect;
  readonly meetingYear: number | undefined;
  readonly meetingDate: CalendarDate | undefined;
}

export function buildPunkt(p: PunktSyntax, ctx: PunktContext): Punkt {
  const head = readHead(p, ctx.dialect, ctx.meetingYear);
  const { heading, journal } = head;
  const drafts = readSections(p.lines, head, ctx);
  const { intro, sections } = drafts;
  const { finished, bodies } = finishSections(intro, sections);
  const punkt: Mutable<Punkt> = {
    number: heading.number,
    ...(heading.subNumber !== undefined ? { subNumber: heading.subNumber } : {}),
    numberRange: heading.numberRange,
    title: heading.title,
    titleRange: heading.titleRange,
    closed: heading.closed,
    headingRange: heading.headingRange,
    headingLevel: heading.headingLevel,
    intro,
    sections: finished,
    attendees: findAttendees(bodies),
    range: range(p.heading.line, 0, drafts.lastLine, drafts.lastLength),
  };
  if (journal) punkt.journal = journal;
  if (ctx.dialect.decisionFirst && !sections.some((s) => s.kind === 'beslutning') && intro.some((b) => saysSomething(b, heading.title)))
    punkt.introDecision = true;
  return punkt;
}

/** The punkt's heading with its whole title, its case number, and where its body begins. */
interface PunktHead {
  heading: PunktHeading;
  journal: JournalLine | undefined;
  /** Index in the punkt's lines of the first line after the heading, title and case number. */
  next: number;
  /** The last line the head covers, and its length: the punkt reaches at least this far. */
  lastLine: number;
  lastLength: number;
}

function readHead(p: PunktSyntax, dialect: Dialect, meetingYear: number | undefined): PunktHead {
  const h = p.heading;
  let heading = readPunktHeading(h);
  const lines = p.lines;
  let i = 0;

  // The title: on the heading's line, and where the dialect wraps it or writes it on the next line, there too.
  if (dialect.punktHeading === 'number-line' && heading.title === '') {
    while (i < lines.length && lines[i]!.kind === 'blank') i++;
    const t = lines[i];
    if (t && !endsTitle(t, dialect)) {
      const c = lineContent(t.text);
      const title = stripBold(c.content).trim();
      heading = { ...heading, title, titleRange: lineRange(t.line, c.start, c.start + c.content.length), closed: isClosed(title) };
      i++;
    }
  }
  if (dialect.titleWraps || dialect.punktHeading === 'number-line') {
    while (i < lines.length && !endsTitle(lines[i]!, dialect) && lines[i]!.line === (i === 0 ? h.line : lines[i - 1]!.line) + 1) {
      const more = stripBold(lines[i]!.text).trim();
      // `… 2030-` / `fremskrivning`: a word broken at its hyphen is one word again.
      const joined = /\S-$/.test(heading.title) ? `${heading.title}${more}` : `${heading.title} ${more}`.trim();
      heading = { ...heading, title: joined, closed: isClosed(joined) };
      i++;
    }
  }

  while (i < lines.length && lines[i]!.kind === 'blank') i++;
  const first = lines[i];
  if (first && isJournalLine(first, dialect)) {
    // The punkt reaches at least to its case number (an `Eventuelt` may have nothing after it).
    const journal = parseJournalLine(first.text, first.line, meetingYear, dialect);
    return { heading, journal, next: i + 1, lastLine: first.line, lastLength: first.text.length };
  }
  return { heading, journal: undefined, next: i, lastLine: h.line, lastLength: h.text.length };
}

/** The punkt's body read so far: the intro, the sections, and the last line that is not blank. */
interface SectionsRead {
  intro: BodyLine[];
  sections: SectionDraft[];
  current: SectionDraft | undefined;
  /** eDoc's `Meddelelser` has lettered sub-items, each with parts (`Bilag`) of its own: they are its text. */
  inSubItems: boolean;
  lastLine: number;
  lastLength: number;
}

/** The lines after the head, into the intro and the sections their headings open. */
function readSections(lines: readonly SyntaxLine[], head: PunktHead, ctx: PunktContext): SectionsRead {
  const { dialect } = ctx;
  const read: SectionsRead = { intro: [], sections: [], current: undefined, inSubItems: false, lastLine: head.lastLine, lastLength: head.lastLength };
  for (let i = head.next; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.kind !== 'blank') {
      read.lastLine = l.line;
      read.lastLength = l.text.length;
    }
    if (dialect.subItems && LETTERED.test(l.text)) read.inSubItems = true;
    if (!readSectionHeading(read, l, ctx)) addBodyLine(read, l);
  }
  return read;
}

function startSection(read: SectionsRead, kind: SectionKind, l: SyntaxLine, title: string, level: number, origin: { implicit: boolean }): SectionDraft {
  const s: SectionDraft = {
    kind,
    title,
    headingText: l.text,
    headingRange: lineRange(l.line, 0, l.text.length),
    implicit: origin.implicit,
    headingLevel: level,
    body: [],
    lastLine: l.line,
    lastLength: l.text.length,
    recommendations: [],
    openRecommendation: false,
  };
  read.sections.push(s);
  read.current = s;
  read.inSubItems = false;
  return s;
}

const WRITTEN = { implicit: false };
const IMPLICIT = { implicit: true };

/** A line that opens a section, or belongs to the current one as a heading or an `… indstiller` line: true when it was taken. */
function readSectionHeading(read: SectionsRead, l: SyntaxLine, ctx: PunktContext): boolean {
  const { dialect } = ctx;
  const current = read.current;
  if (l.kind === 'sectionHeading') {
    const lc = lineContent(l.text);
    const kind = sectionKindOf(lc.content, ctx.dialect);
    const isSubHeading = current !== undefined && current.headingLevel > 0 && lc.headingLevel > current.headingLevel;
    if (kind && !isSubHeading && !(read.inSubItems && kind !== 'beslutning')) {
      startSection(read, kind, l, stripBold(lc.content).trim(), lc.headingLevel, WRITTEN);
      return true;
    }
    if (!current) return false;
    current.body.push(bodyLine(l, lc.headingLevel));
    touch(current, l);
    current.openRecommendation = false;
    return true;
  }
  if (l.kind === 'earlierDecision') {
    const lc = lineContent(l.text);
    const s = startSection(read, 'tidligereBeslutning', l, stripBold(lc.content).trim(), lc.headingLevel, WRITTEN);
    s.earlier = readEarlierDecision(l, lc.content, lc.start);
    return true;
  }
  if (l.kind === 'decisionHeading') {
    // Dated: this meeting's decision, or one from an earlier meeting on the case.
    const lc = lineContent(l.text);
    const decision = readDatedDecision(l, lc.content, lc.start);
    const today = !decision.date?.date || !ctx.meetingDate || sameDate(decision.date.date, ctx.meetingDate);
    const s = startSection(read, today ? 'beslutning' : 'tidligereBeslutning', l, stripBold(lc.content).trim(), lc.headingLevel, WRITTEN);
    if (!today) s.earlier = decision;
    return true;
  }
  if (dialect.indstillerLines && l.kind === 'indstiller' && current?.kind !== 'beslutning' && current?.kind !== 'tidligereBeslutning') {
    const lc = lineContent(l.text);
    const by = lc.content
      .replace(/\*\*/g, '')
      .replace(/[ \t]*indstiller[ \t]*[,:.]?[ \t]*$/i, '')
      .trim();
    let s = current;
    if (s?.kind !== 'indstilling') s = startSection(read, 'indstilling', l, stripBold(lc.content).trim(), lc.headingLevel, IMPLICIT);
    else {
      s.body.push(bodyLine(l));
      touch(s, l);
    }
    s.recommendations.push({ by, range: lineRange(l.line, 0, l.text.length), bullets: [] });
    s.openRecommendation = true;
    return true;
  }
  return false;
}

/** A line of text: the intro's before the first section, else the current section's (a recommendation's bullet too). */
function addBodyLine(read: SectionsRead, l: SyntaxLine): void {
  const b = bodyLine(l);
  const current = read.current;
  if (!current) {
    read.intro.push(b);
    return;
  }
  current.body.push(b);
  if (l.kind === 'blank') return;
  touch(current, l);
  if (l.kind === 'bullet' && current.openRecommendation) {
    const rec = current.recommendations[current.recommendations.length - 1]!;
    const bulletText = l.text.replace(/^[ \t]*(?:[-*•–]|\d{1,3}[.)])[ \t]+/, '');
    rec.bullets.push({ text: bulletText, range: lineRange(l.line, l.text.length - bulletText.length, l.text.length) });
    rec.range = range(rec.range.start.line, 0, l.line, l.text.length);
  } else {
    current.openRecommendation = false;
  }
}

/** The finished sections, a `Sagsforløb`'s history read, and every body (the intro's first) for the attendees. */
function finishSections(intro: readonly BodyLine[], sections: readonly SectionDraft[]): { finished: Section[]; bodies: (readonly BodyLine[])[] } {
  // Every section and punkt of a long referat is built here: the optional fields are set after the
  // literal, since a conditional spread inside one is several times slower to build.
  const finished: Section[] = [];
  const bodies: (readonly BodyLine[])[] = [intro];
  for (const s of sections) {
    const section: Mutable<Section> = {
      kind: s.kind,
      title: s.title,
      headingText: s.headingText,
      headingRange: s.headingRange,
      implicit: s.implicit,
      headingLevel: s.headingLevel,
      body: s.body,
      range: range(s.headingRange.start.line, 0, s.lastLine, s.lastLength),
      recommendations: s.recommendations,
    };
    if (s.earlier) section.earlier = s.earlier;
    if (s.kind === 'sagsforloeb') section.entries = readHistory(s.body);
    finished.push(section);
    bodies.push(s.body);
  }
  return { finished, bodies };
}

// `Afbud: …` and `Fraværende: …` follow a decision; alone they are no decision.
const ATTENDANCE_NOTE = new RegExp(String.raw`^[ \t]*${labelAlternatives(ABSENCE_WORDS, '[ \t]+')}[ \t]*:`, 'i');

/** A line of the intro that may be a decision: not blank, not the punkt's title again, not an attendance note. */
function saysSomething(b: BodyLine, title: string): boolean {
  if (b.blank) return false;
  const text = stripBold(b.text).trim();
  return text !== '' && text !== title && !ATTENDANCE_NOTE.test(text);
}

function touch(s: SectionDraft, l: SyntaxLine): void {
  s.lastLine = l.line;
  s.lastLength = l.text.length;
}

// `Beslutning fra Direktionens møde den 28. august 2024 pkt. 1:` / `Beslutning fra Direktionen, 16. november 2022, pkt. 4:`
const EARLIER = new RegExp(
  String.raw`^${phraseSource(SECTION_KINDS.tidligereBeslutning)}[ \t]+(.+?)(?:[ \t]*,[ \t]*|[ \t]+)(?:den[ \t]+|d\.[ \t]*)?(${TEXT_DATE}|${NUMERIC_DATE})[ \t]*,?[ \t]*(?:(?:pkt|${PUNKT_WORD})\.?[ \t]*(\d{1,6}))?[ \t]*:?[ \t]*$`,
  'diu',
);
const DECISION = SECTION_KINDS.beslutning;
// `Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 1`, `Beslutning i Udvalget for … den 10-04-2013`.
const DATED = new RegExp(
  String.raw`^(?:(.+?)[ \t]+${DECISION}|${DECISION}[ \t]+i[ \t]+(.+?))[ \t]+den[ \t]+(${NUMERIC_DATE})(?:[ \t]+${PUNKT_WORD}[ \t]+(\d{1,6}))?[ \t:]*$`,
  'diu',
);

export function readEarlierDecision(l: SyntaxLine, content: string, contentStart: number): EarlierDecision {
  return readDecisionHeading(l, content, contentStart, 'beslutning-fra', EARLIER, { udvalg: 1, date: 2, punkt: 3 });
}

function readDatedDecision(l: SyntaxLine, content: string, contentStart: number): EarlierDecision {
  return readDecisionHeading(l, content, contentStart, 'dated', DATED, { udvalg: 1, date: 3, punkt: 4 }, 2);
}

// Real headings are short; the bound keeps the lazy body match linear on a pathological line.
const LONGEST_DECISION_HEADING = 300;

function readDecisionHeading(
  l: SyntaxLine,
  content: string,
  contentStart: number,
  form: EarlierDecision['form'],
  pattern: RegExp,
  g: { udvalg: number; date: number; punkt: number },
  altUdvalg?: number,
): EarlierDecision {
  const whole = lineRange(l.line, 0, l.text.length);
  const clean = content.replace(/\*\*/g, '');
  const m = clean.length <= LONGEST_DECISION_HEADING ? pattern.exec(clean) : null;
  if (!m) return { form, range: whole, udvalgText: '', udvalg: '' };
  const idx = m.indices!;
  // Bold inside the heading shifts columns; it is read, but given whole-line ranges.
  const exact = clean === content;
  const col = (n: number): number => contentStart + idx[n]![0];
  const udvalgText = (m[g.udvalg] ?? (altUdvalg !== undefined ? m[altUdvalg] : undefined) ?? '').trim();
  const date = readDate(m[g.date]!, l.line, exact ? col(g.date) : 0);
  const punkt = m[g.punkt];
  return {
    form,
    range: whole,
    udvalgText,
    udvalg: normalizeUdvalg(udvalgText),
    date: exact ? date : { ...date, range: whole },
    ...(punkt ? { punktNumber: Number(punkt), punktRange: exact ? lineRange(l.line, col(g.punkt), col(g.punkt) + punkt.length) : whole } : {}),
  };
}

/** `Direktionens møde` → `Direktionen`, `Økonomi- og Erhvervsudvalgets møde` → `Økonomi- og Erhvervsudvalget`. */
export function normalizeUdvalg(text: string): string {
  let s = text.replace(/[ \t]+møde$/i, '').trim();
  if (/(ens|ets)$/.test(s)) s = s.slice(0, -1);
  return s;
}

// A `Sagsforløb` entry: `Udvalg: Magistraten` / `Dato: 19-08-2025` / `Punktnummer: 4` (First Agenda), or
// `05/09/2024 Klima-, Teknik- og Miljøudvalget` (Greve).
const ENTRY_UDVALG = new RegExp(String.raw`^[ \t]*${HISTORY_ENTRY_LABELS.udvalg}:[ \t]*(.*?)[ \t]*$`);
const ENTRY_DATO = new RegExp(String.raw`^([ \t]*${HISTORY_ENTRY_LABELS.dato}:[ \t]*)(\d{1,2}[-./]\d{1,2}[-./]\d{4})[ \t]*$`);
const ENTRY_PUNKT = new RegExp(String.raw`^([ \t]*${HISTORY_ENTRY_LABELS.punkt}:[ \t]*)(\d{1,6})[ \t]*$`);
const ENTRY_DATED = /^([ \t]*)(\d{1,2}[-./]\d{1,2}[-./]\d{4})[ \t]+(\S.*?)[ \t]*$/;
// SBSYS eDagsorden's `Tidligere behandling`: `KMB IT-udvalget den 5. december 2012 Punkt 3`.
const ENTRY_DEN = new RegExp(
  String.raw`^[ \t]*(\S.*?)[ \t]+den[ \t]+(${TEXT_DATE}|${NUMERIC_DATE})(?:[ \t]*,?[ \t]*(?:${PUNKT_WORD}|pkt\.?)[ \t]*(\d{1,6}))?[ \t]*$`,
  'du',
);

/** The earlier handlings a `Sagsforløb` lists, each with its udvalg, date, punkt and the lines it spans. */
function readHistory(body: readonly BodyLine[]): EarlierDecision[] {
  const out: EarlierDecision[] = [];
  let current: Mutable<EarlierDecision> | undefined;
  const close = (): void => {
    if (current) out.push(current);
    current = undefined;
  };
  for (const l of body) {
    if (l.blank) continue;
    const text = stripBold(l.text);
    const udvalg = ENTRY_UDVALG.exec(text);
    const dated = ENTRY_DATED.exec(text);
    if (udvalg || (dated && !ENTRY_DATO.test(text))) {
      close();
      const udvalgText = udvalg ? udvalg[1]! : dated![3]!;
      current = { form: 'history', range: l.range, udvalgText, udvalg: normalizeUdvalg(udvalgText) };
      if (dated) current.date = readDate(dated[2]!, l.line, dated[1]!.length);
      continue;
    }
    const den = ENTRY_DEN.exec(text);
    if (den) {
      close();
      current = { form: 'history', range: l.range, udvalgText: den[1]!, udvalg: normalizeUdvalg(den[1]!) };
      current.date = readDate(den[2]!, l.line, den.indices![2]![0]);
      if (den[3]) {
        current.punktNumber = Number(den[3]);
        current.punktRange = lineRange(l.line, den.indices![3]![0], den.indices![3]![1]);
      }
      continue;
    }
    if (!current) continue;
    current.range = range(current.range.start.line, current.range.start.character, l.line, l.text.length);
    if (HISTORY_NOT_RELEASED.test(text.trim())) {
      current.planned = true;
      continue;
    }
    const dato = ENTRY_DATO.exec(text);
    if (dato && !current.date) {
      current.date = readDate(dato[2]!, l.line, dato[1]!.length);
      continue;
    }
    const punkt = ENTRY_PUNKT.exec(text);
    if (punkt && current.punktNumber === undefined) {
      current.punktNumber = Number(punkt[2]);
      current.punktRange = lineRange(l.line, punkt[1]!.length, punkt[1]!.length + punkt[2]!.length);
    }
  }
  close();
  return out;
}

// ---------------------------------------------------------------- attendees

const ATTENDS = new RegExp(ATTENDANCE_SOURCE, 'gu');
const AT_TIME = /^[ \t]*(?:fra[ \t]+)?(?:kl\.?|klokken)[ \t]*(\d{1,2}[:.]\d{2})/;
/** Who joins is read back to the sentence's start, at most this far (no copying of long lines). */
const LONGEST_WHO = 200;
/** `fra kl. 10.30` after the phrase fits in this many characters. */
const TIME_WINDOW = 40;

function findAttendees(parts: readonly (readonly BodyLine[])[]): AttendeeMention[] {
  const out: AttendeeMention[] = [];
  for (const lines of parts)
    for (const l of lines) {
      if (l.blank || l.subHeadingLevel !== undefined) continue;
      const text = l.text;
      // Cheap test first: this runs on every line of every punkt (`delt` starts deltager and deltog).
      if (!text.includes('delt') && !text.includes('til stede')) continue;
      ATTENDS.lastIndex = 0;
      for (let m = ATTENDS.exec(text); m; m = ATTENDS.exec(text)) {
        const from = Math.max(0, m.index - LONGEST_WHO);
        const window = text.slice(from, m.index);
        const sentenceStart = Math.max(window.lastIndexOf('. '), window.lastIndexOf('! '), window.lastIndexOf('? '));
        const whoStart = from + (sentenceStart < 0 ? 0 : sentenceStart + 2);
        const who = stripBold(text.slice(whoStart, m.index))
          .replace(/^[ \t\-*]+/, '')
          .trim();
        const after = m.index + m[0].length;
        const t = AT_TIME.exec(text.slice(after, after + TIME_WINDOW));
        const time = t ? readTime(t[1]!, l.line, after + t.index + t[0].length - t[1]!.length) : undefined;
        const end = time ? time.range.end.character : after;
        out.push({ range: lineRange(l.line, whoStart, end), who, ...(time ? { time } : {}) });
      }
    }
  return out;
}

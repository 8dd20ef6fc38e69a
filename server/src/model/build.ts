import { lineContent, stripBold } from '../syntax/content';
import { lineRange, range, type Range } from '../syntax/range';
import { SourceLine, type PunktSyntax, type ReferatSyntax, type SyntaxLine } from '../syntax/tree';
import { dateExists, monthNumber, weekdayNumber } from './dates';
import { parseJournalLine } from './journal';
import { sectionKindOf } from './sections';
import type {
  AttendeeMention,
  Attendees,
  BodyLine,
  DateValue,
  EarlierDecision,
  Header,
  JournalLine,
  MoedeDato,
  Person,
  Punkt,
  RecommendationBullet,
  Referat,
  Section,
  SectionKind,
  TextField,
  TimeValue,
  Title,
  Toc,
  TocEntry,
} from './types';

export function buildReferat(syntax: ReferatSyntax): Referat {
  const header = buildHeader(syntax);
  const meetingYear = header.title?.date?.date?.year ?? header.moedeDato?.date?.date?.year;
  const toc = syntax.toc ? buildToc(syntax.toc.heading, syntax.toc.lines) : undefined;
  return {
    syntax,
    header,
    ...(toc ? { toc } : {}),
    punkter: syntax.punkter.map((p) => buildPunkt(p, meetingYear)),
    stray: syntax.leading.filter((l) => l.kind !== 'blank' && l.kind !== 'field').map(bodyLine),
  };
}

// ---------------------------------------------------------------- dates and times

// Both `07-12-2023` (title) and `7. december 2023` (text) forms.
const NUMERIC_DATE = String.raw`\d{1,2}[-./]\d{1,2}[-./]\d{2,4}`;
const TEXT_DATE = String.raw`\d{1,2}\.?[ \t]*\p{L}+\.?[ \t]+\d{4}`;

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

function readTime(text: string, line: number, start: number): TimeValue {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(text)!;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  return { text, range: lineRange(line, start, start + text.length), hour, minute, valid: hour < 24 && minute < 60 };
}

// ---------------------------------------------------------------- header

// The date ends the title; it is looked for in the title's tail only, so the scan stays linear.
const TITLE_DATE_TAIL = new RegExp(String.raw`(?:^|[ \t])(?:(?:d\.|den)[ \t]*)?(${NUMERIC_DATE}|${TEXT_DATE})$`, 'du');
const FIELD = /^(Mødedato|Mødested|Mødedeltagere|Afbud|Fraværende)(?:\*\*)?[ \t]*:?[ \t]*(?:\*\*)?[ \t]*/u;
const MOEDEDATO = new RegExp(
  String.raw`^(?:(\p{L}+)[ \t,]+)?(?:d\.|den)?[ \t]*(${TEXT_DATE}|${NUMERIC_DATE})(?:[ \t,]+(?:kl\.?|klokken)[ \t]*(\d{1,2}[:.]\d{2}))?`,
  'du',
);

function buildHeader(syntax: ReferatSyntax): Header {
  // Fields before a missing title still count, so a missing title is the only complaint.
  return readHeader(syntax.title, [...syntax.leading, ...syntax.header]);
}

/** The header from its title line and the lines around it (fields, wrapped attendee lists). */
export function readHeader(titleLine: SyntaxLine | undefined, lines: readonly SyntaxLine[]): Header {
  let title: Title | undefined;
  if (titleLine) title = readTitle(titleLine);
  let moedeDato: MoedeDato | undefined;
  let moedested: TextField | undefined;
  let deltagere: Attendees | undefined;
  let afbud: Attendees | undefined;

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.kind !== 'field') continue;
    const c = lineContent(l.text);
    const m = FIELD.exec(c.content);
    if (!m) continue;
    const valueStart = c.start + m[0].length;
    const value = stripBold(l.text.slice(valueStart)).trimEnd();
    const whole = lineRange(l.line, 0, l.text.length);
    const valueRange = lineRange(l.line, valueStart, valueStart + value.length);
    switch (m[1]) {
      case 'Mødedato':
        moedeDato ??= readMoedeDato(l, valueStart, whole, valueRange);
        break;
      case 'Mødested':
        moedested ??= { range: whole, value: value.trim(), valueRange };
        break;
      case 'Mødedeltagere':
      case 'Afbud':
      case 'Fraværende': {
        // Names may wrap onto the following lines until a blank line or the next field.
        const parts: { line: SyntaxLine; start: number }[] = [{ line: l, start: valueStart }];
        while (i + 1 < lines.length && lines[i + 1]!.line === lines[i]!.line + 1 && (lines[i + 1]!.kind === 'text' || lines[i + 1]!.kind === 'bullet')) {
          i++;
          parts.push({ line: lines[i]!, start: 0 });
        }
        const last = parts[parts.length - 1]!.line;
        const list: Attendees = { range: range(l.line, 0, last.line, last.text.length), names: parts.flatMap((p) => splitNames(p.line, p.start)) };
        if (m[1] === 'Mødedeltagere') deltagere ??= list;
        else afbud ??= list;
        break;
      }
    }
  }
  return {
    ...(title ? { title } : {}),
    ...(moedeDato ? { moedeDato } : {}),
    ...(moedested ? { moedested } : {}),
    ...(deltagere ? { deltagere } : {}),
    ...(afbud ? { afbud } : {}),
  };
}

function readTitle(l: SyntaxLine): Title {
  const c = lineContent(l.text);
  const whole = lineRange(l.line, 0, l.text.length);
  const kind = 'REFERAT';
  let rest = c.content.slice(kind.length);
  let restStart = c.start + kind.length;
  const lead = rest.length - rest.trimStart().length;
  rest = rest.trimStart().trimEnd();
  restStart += lead;
  const tailStart = Math.max(0, rest.length - 40);
  const m = TITLE_DATE_TAIL.exec(rest.slice(tailStart));
  let body = rest;
  let date: DateValue | undefined;
  if (m) {
    const dateAt = tailStart + m.indices![1]![0];
    date = readDate(m[1]!, l.line, restStart + dateAt);
    body = rest.slice(0, tailStart + m.index).trimEnd();
  }
  return {
    range: whole,
    kind,
    body,
    ...(body ? { bodyRange: lineRange(l.line, restStart, restStart + body.length) } : {}),
    ...(date ? { date } : {}),
  };
}

function readMoedeDato(l: SyntaxLine, valueStart: number, whole: Range, valueRange: Range): MoedeDato {
  const value = l.text.slice(valueStart);
  const m = MOEDEDATO.exec(value);
  if (!m) return { range: whole, valueRange };
  const idx = m.indices!;
  const at = (g: number): number => valueStart + idx[g]![0];
  const weekdayText = m[1];
  // `d` or `den` alone is not a weekday.
  const weekday =
    weekdayText && !/^(d|den)$/i.test(weekdayText)
      ? { text: weekdayText, range: lineRange(l.line, at(1), at(1) + weekdayText.length), ...optional('index', weekdayNumber(weekdayText)) }
      : undefined;
  return {
    range: whole,
    valueRange,
    ...(weekday ? { weekday } : {}),
    date: readDate(m[2]!, l.line, at(2)),
    ...(m[3] ? { time: readTime(m[3], l.line, at(3)) } : {}),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

function splitNames(l: SyntaxLine, start: number): Person[] {
  const names: Person[] = [];
  const re = /[^,]+/g;
  const text = l.text;
  re.lastIndex = start;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // ` og ` joins the last two names.
    const piece = m[0];
    const pieceStart = m.index;
    const og = piece.indexOf(' og ');
    const chunks =
      og >= 0
        ? [
            [0, og],
            [og + 4, piece.length],
          ]
        : [[0, piece.length]];
    for (const [a, b] of chunks as [number, number][]) {
      const raw = piece.slice(a, b);
      const lead = raw.length - raw.trimStart().length;
      const name = stripBold(raw.trim()).replace(/[.]$/, '');
      if (!name || name.startsWith('-')) continue;
      const s = pieceStart + a + lead;
      names.push({ name, range: lineRange(l.line, s, s + name.length) });
    }
  }
  return names;
}

// ---------------------------------------------------------------- table of contents

/** `Title.....<tab>3` → title span and page; a line without dot leader or page is still an entry. Linear. */
function splitTocLine(text: string): { start: number; end: number; page?: number } {
  let end = text.length;
  while (end > 0 && /[ \t]/.test(text.charAt(end - 1))) end--;
  let digits = end;
  while (digits > 0 && end - digits < 4 && /\d/.test(text.charAt(digits - 1))) digits--;
  let page: number | undefined;
  if (digits < end && (digits === 0 || /[ \t.]/.test(text.charAt(digits - 1)))) {
    page = Number(text.slice(digits, end));
    end = digits;
  }
  while (end > 0 && /[ \t.]/.test(text.charAt(end - 1))) end--;
  let start = 0;
  while (start < end && /[ \t]/.test(text.charAt(start))) start++;
  return { start, end, ...(page !== undefined ? { page } : {}) };
}

function buildToc(heading: SyntaxLine, lines: readonly SyntaxLine[]): Toc {
  const entries: TocEntry[] = [];
  let lastLine = heading.line;
  let lastLength = heading.text.length;
  for (const l of lines) {
    if (l.kind === 'blank') continue;
    // A line that lost its dot leader is still an entry, so it is compared, not ignored.
    const t = splitTocLine(l.text);
    entries.push({
      title: stripBold(l.text.slice(t.start, t.end)).trim(),
      titleRange: lineRange(l.line, t.start, t.end),
      ...(t.page !== undefined ? { page: t.page } : {}),
      line: l.line,
    });
    lastLine = l.line;
    lastLength = l.text.length;
  }
  return { headingRange: lineRange(heading.line, 0, heading.text.length), entries, range: range(heading.line, 0, lastLine, lastLength) };
}

// ---------------------------------------------------------------- punkter

const PUNKT = /^Punkt[ \t]+(\d{1,6})[ \t]*[:.][ \t]*(.*)$/d;
const LOOKS_LIKE_JOURNAL = /^[ \t*]*\d{1,3}[.,]\d/;

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

function bodyLine(l: SyntaxLine, subHeadingLevel?: number): BodyLine {
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

export interface PunktHeading {
  readonly number: number;
  readonly numberRange: Range;
  readonly title: string;
  readonly titleRange: Range;
  readonly closed: boolean;
  readonly headingRange: Range;
  readonly headingLevel: number;
}

/** `## **Punkt 2: Title**` → number, title, closed, with exact ranges. */
export function readPunktHeading(h: SyntaxLine): PunktHeading {
  const c = lineContent(h.text);
  const m = PUNKT.exec(c.content)!;
  const numberText = m[1]!;
  const numberStart = c.start + c.content.indexOf(numberText);
  // The range covers the title as written, bold markers inside it included.
  const rawTitle = (m[2] ?? '').trimEnd();
  const title = stripBold(rawTitle).trim();
  const titleStart = c.start + m.indices![2]![0];
  return {
    number: Number(numberText),
    numberRange: lineRange(h.line, numberStart, numberStart + numberText.length),
    title,
    titleRange: lineRange(h.line, titleStart, titleStart + rawTitle.length),
    closed: /^lukket\b/i.test(title),
    headingRange: lineRange(h.line, 0, h.text.length),
    headingLevel: c.headingLevel,
  };
}

/** The first non-blank line after a punkt heading is its journal number, if it looks like one. */
export function isJournalLine(l: SyntaxLine): boolean {
  return l.kind === 'journal' || ((l.kind === 'text' || l.kind === 'bullet') && LOOKS_LIKE_JOURNAL.test(l.text) && l.text.length < 40);
}

function buildPunkt(p: PunktSyntax, meetingYear: number | undefined): Punkt {
  const h = p.heading;
  const heading = readPunktHeading(h);

  let i = 0;
  const lines = p.lines;
  while (i < lines.length && lines[i]!.kind === 'blank') i++;
  let journal: JournalLine | undefined;
  const first = lines[i];
  if (first && isJournalLine(first)) {
    journal = parseJournalLine(first.text, first.line, meetingYear);
    i++;
  }

  const intro: BodyLine[] = [];
  const sections: SectionDraft[] = [];
  let current: SectionDraft | undefined;
  let lastLine = h.line;
  let lastLength = h.text.length;

  const start = (kind: SectionKind, l: SyntaxLine, title: string, level: number, implicit: boolean): SectionDraft => {
    const s: SectionDraft = {
      kind,
      title,
      headingText: l.text,
      headingRange: lineRange(l.line, 0, l.text.length),
      implicit,
      headingLevel: level,
      body: [],
      lastLine: l.line,
      lastLength: l.text.length,
      recommendations: [],
      openRecommendation: false,
    };
    sections.push(s);
    return s;
  };

  for (; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.kind !== 'blank') {
      lastLine = l.line;
      lastLength = l.text.length;
    }
    if (l.kind === 'sectionHeading') {
      const lc = lineContent(l.text);
      const kind = sectionKindOf(lc.content);
      const isSubHeading = current !== undefined && current.headingLevel > 0 && lc.headingLevel > current.headingLevel;
      if (kind && !isSubHeading) {
        current = start(kind, l, lc.content.replace(/\*\*/g, '').trim(), lc.headingLevel, false);
        continue;
      }
      if (current) {
        current.body.push(bodyLine(l, lc.headingLevel));
        touch(current, l);
        current.openRecommendation = false;
        continue;
      }
    } else if (l.kind === 'earlierDecision') {
      const lc = lineContent(l.text);
      current = start('tidligereBeslutning', l, lc.content.replace(/\*\*/g, '').trim(), lc.headingLevel, false);
      current.earlier = readEarlierDecision(l, lc.content, lc.start);
      continue;
    } else if (l.kind === 'indstiller' && current?.kind !== 'beslutning' && current?.kind !== 'tidligereBeslutning') {
      const lc = lineContent(l.text);
      const by = lc.content
        .replace(/\*\*/g, '')
        .replace(/[ \t]*indstiller[ \t]*[,:.]?[ \t]*$/i, '')
        .trim();
      if (current?.kind !== 'indstilling') current = start('indstilling', l, lc.content.replace(/\*\*/g, '').trim(), lc.headingLevel, true);
      else {
        current.body.push(bodyLine(l));
        touch(current, l);
      }
      current.recommendations.push({ by, range: lineRange(l.line, 0, l.text.length), bullets: [] });
      current.openRecommendation = true;
      continue;
    }
    const b = bodyLine(l);
    if (!current) {
      intro.push(b);
      continue;
    }
    current.body.push(b);
    if (l.kind === 'blank') continue;
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

  const finished: Section[] = sections.map((s) => ({
    kind: s.kind,
    title: s.title,
    headingText: s.headingText,
    headingRange: s.headingRange,
    implicit: s.implicit,
    headingLevel: s.headingLevel,
    body: s.body,
    range: range(s.headingRange.start.line, 0, s.lastLine, s.lastLength),
    ...(s.earlier ? { earlier: s.earlier } : {}),
    recommendations: s.recommendations,
  }));

  return {
    ...heading,
    ...(journal ? { journal } : {}),
    intro,
    sections: finished,
    attendees: findAttendees([intro, ...finished.map((s) => s.body)]),
    range: range(h.line, 0, lastLine, lastLength),
  };
}

function touch(s: SectionDraft, l: SyntaxLine): void {
  s.lastLine = l.line;
  s.lastLength = l.text.length;
}

// `Beslutning fra Direktionens møde den 28. august 2024 pkt. 1:` / `Beslutning fra Direktionen, 16. november 2022, pkt. 4:`
const EARLIER = new RegExp(
  String.raw`^Beslutning[ \t]+fra[ \t]+(.+?)(?:[ \t]*,[ \t]*|[ \t]+)(?:den[ \t]+|d\.[ \t]*)?(${TEXT_DATE}|${NUMERIC_DATE})[ \t]*,?[ \t]*(?:(?:pkt|punkt)\.?[ \t]*(\d{1,6}))?[ \t]*:?[ \t]*$`,
  'diu',
);

export function readEarlierDecision(l: SyntaxLine, content: string, contentStart: number): EarlierDecision {
  const whole = lineRange(l.line, 0, l.text.length);
  const clean = content.replace(/\*\*/g, '');
  // Real headings are short; the bound keeps the lazy body match linear on a pathological line.
  const m = clean.length <= 300 ? EARLIER.exec(clean) : null;
  if (!m || clean !== content) {
    // Bold inside the heading shifts columns; read it, but give whole-line ranges.
    if (!m) return { range: whole, bodyText: '', body: '' };
  }
  const idx = m.indices!;
  const exact = clean === content;
  const col = (g: number): number => contentStart + idx[g]![0];
  const bodyText = m[1]!.trim();
  const date = readDate(m[2]!, l.line, exact ? col(2) : 0);
  return {
    range: whole,
    bodyText,
    body: normalizeBody(bodyText),
    date: exact ? date : { ...date, range: whole },
    ...(m[3] ? { punktNumber: Number(m[3]), punktRange: exact ? lineRange(l.line, col(3), col(3) + m[3].length) : whole } : {}),
  };
}

/** `Direktionens møde` → `Direktionen`, `Økonomi- og Erhvervsudvalgets møde` → `Økonomi- og Erhvervsudvalget`. */
export function normalizeBody(text: string): string {
  let s = text.replace(/[ \t]+møde$/i, '').trim();
  if (/(ens|ets)$/.test(s)) s = s.slice(0, -1);
  return s;
}

// ---------------------------------------------------------------- attendees

const ATTENDS = /\b(deltager i mødet|deltager under (?:punktet|dette punkt|behandlingen)|kommer til stede|deltog i mødet)\b/gu;
const AT_TIME = /^[ \t]*(?:fra[ \t]+)?(?:kl\.?|klokken)[ \t]*(\d{1,2}[:.]\d{2})/;

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
        // Who: back to the start of the sentence, at most 200 characters (no copying of long lines).
        const from = Math.max(0, m.index - 200);
        const window = text.slice(from, m.index);
        const sentenceStart = Math.max(window.lastIndexOf('. '), window.lastIndexOf('! '), window.lastIndexOf('? '));
        const whoStart = from + (sentenceStart < 0 ? 0 : sentenceStart + 2);
        const who = stripBold(text.slice(whoStart, m.index))
          .replace(/^[ \t\-*]+/, '')
          .trim();
        const after = m.index + m[0].length;
        const t = AT_TIME.exec(text.slice(after, after + 40));
        const time = t ? readTime(t[1]!, l.line, after + t.index + t[0].length - t[1]!.length) : undefined;
        const end = time ? time.range.end.character : after;
        out.push({ range: lineRange(l.line, whoStart, end), who, ...(time ? { time } : {}) });
      }
    }
  return out;
}

/** The body text of a section as Markdown, blank lines kept where the source had them. */
export function bodyMarkdown(lines: readonly BodyLine[]): string {
  const out: string[] = [];
  let prev: number | undefined;
  for (const l of lines) {
    if (prev !== undefined && l.line > prev + 1) out.push('');
    out.push(l.blank ? '' : l.text);
    prev = l.line;
  }
  return out.join('\n').trim();
}

import { lineContent, stripBold } from '../syntax/content';
import { parseSyntax } from '../syntax/parser';
import { lineRange, range, type Range } from '../syntax/range';
import type { PunktSyntax, ReferatSyntax, SyntaxLine } from '../syntax/tree';
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
  Recommendation,
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

/** Reads a referat: syntax, then meaning. Total: never throws. */
export function parseReferat(text: string): Referat {
  return buildReferat(parseSyntax(text));
}

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

const TITLE = new RegExp(String.raw`^(REFERAT)\b[ \t]*(.*?)[ \t]*(?:(?:\bd\.|\bden)[ \t]*)?(${NUMERIC_DATE}|${TEXT_DATE})?[ \t]*$`, 'du');
const FIELD = /^(Mødedato|Mødested|Mødedeltagere|Afbud|Fraværende)(?:\*\*)?[ \t]*:?[ \t]*(?:\*\*)?[ \t]*/u;
const MOEDEDATO = new RegExp(
  String.raw`^(?:(\p{L}+)[ \t,]+)?(?:d\.|den)?[ \t]*(${TEXT_DATE}|${NUMERIC_DATE})(?:[ \t,]+(?:kl\.?|klokken)[ \t]*(\d{1,2}[:.]\d{2}))?`,
  'du',
);

function buildHeader(syntax: ReferatSyntax): Header {
  let title: Title | undefined;
  if (syntax.title) title = readTitle(syntax.title);
  let moedeDato: MoedeDato | undefined;
  let moedested: TextField | undefined;
  let deltagere: Attendees | undefined;
  let afbud: Attendees | undefined;

  // Fields before a missing title still count, so a missing title is the only complaint.
  const lines = [...syntax.leading, ...syntax.header];
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
        while (i + 1 < lines.length && (lines[i + 1]!.kind === 'text' || lines[i + 1]!.kind === 'bullet')) {
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
  const m = TITLE.exec(c.content);
  if (!m) return { range: whole, kind: 'REFERAT', body: '' };
  const indices = m.indices!;
  const body = m[2] ?? '';
  const bodyStart = c.start + indices[2]![0];
  const dateText = m[3];
  return {
    range: whole,
    kind: m[1]!,
    body,
    ...(body ? { bodyRange: lineRange(l.line, bodyStart, bodyStart + body.length) } : {}),
    ...(dateText ? { date: readDate(dateText, l.line, c.start + indices[3]![0]) } : {}),
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
    const og = /\s+og\s+/.exec(piece);
    const chunks = og ? [[0, og.index], [og.index + og[0].length, piece.length]] : [[0, piece.length]];
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

const TOC_ENTRY = /^(.*?)[ \t]*\.{3,}[ \t]*(\d{1,4})[ \t]*$/;
const TOC_LOOSE = /^(.*?)(?:\t+[ \t]*(\d{1,4}))?[ \t]*$/;

function buildToc(heading: SyntaxLine, lines: readonly SyntaxLine[]): Toc {
  const entries: TocEntry[] = [];
  let lastLine = heading.line;
  let lastLength = heading.text.length;
  for (const l of lines) {
    if (l.kind === 'blank') continue;
    // A line that lost its dot leader is still an entry, so it is compared, not ignored.
    const m = TOC_ENTRY.exec(l.text) ?? TOC_LOOSE.exec(l.text);
    const raw = m?.[1] ?? l.text;
    const lead = raw.length - raw.trimStart().length;
    const title = stripBold(raw.trim());
    entries.push({
      title,
      titleRange: lineRange(l.line, lead, lead + raw.trim().length),
      ...(m?.[2] ? { page: Number(m[2]) } : {}),
      line: l.line,
    });
    lastLine = l.line;
    lastLength = l.text.length;
  }
  return { headingRange: lineRange(heading.line, 0, heading.text.length), entries, range: range(heading.line, 0, lastLine, lastLength) };
}

// ---------------------------------------------------------------- punkter

const PUNKT = /^Punkt[ \t]+(\d{1,6})[ \t]*[:.][ \t]*(.*?)[ \t]*$/;
const LOOKS_LIKE_JOURNAL = /^[ \t*]*\d{1,3}[.,]\d/;

function bodyLine(l: SyntaxLine): BodyLine {
  return { line: l.line, text: l.text, range: lineRange(l.line, 0, l.text.length), blank: l.kind === 'blank' };
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

function buildPunkt(p: PunktSyntax, meetingYear: number | undefined): Punkt {
  const h = p.heading;
  const c = lineContent(h.text);
  const m = PUNKT.exec(c.content)!;
  const numberText = m[1]!;
  const numberStart = c.start + c.content.indexOf(numberText);
  const title = stripBold(m[2] ?? '').trim();
  const titleStart = title ? h.text.indexOf(title, numberStart + numberText.length) : c.start + c.content.length;
  const headingRange = lineRange(h.line, 0, h.text.length);

  let i = 0;
  const lines = p.lines;
  while (i < lines.length && lines[i]!.kind === 'blank') i++;
  let journal: JournalLine | undefined;
  const first = lines[i];
  if (first && (first.kind === 'journal' || ((first.kind === 'text' || first.kind === 'bullet') && LOOKS_LIKE_JOURNAL.test(first.text) && first.text.length < 40))) {
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
        current.body.push({ ...bodyLine(l), subHeadingLevel: lc.headingLevel });
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
      const by = lc.content.replace(/\*\*/g, '').replace(/[ \t]*indstiller[ \t]*[,:.]?[ \t]*$/i, '').trim();
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
    recommendations: s.recommendations as Recommendation[],
  }));

  return {
    number: Number(numberText),
    numberRange: lineRange(h.line, numberStart, numberStart + numberText.length),
    title,
    titleRange: lineRange(h.line, titleStart, titleStart + title.length),
    closed: /^lukket\b/i.test(title),
    headingRange,
    headingLevel: c.headingLevel,
    ...(journal ? { journal } : {}),
    intro,
    sections: finished,
    attendees: findAttendees([...intro, ...finished.flatMap((s) => s.body)]),
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

function readEarlierDecision(l: SyntaxLine, content: string, contentStart: number): EarlierDecision {
  const whole = lineRange(l.line, 0, l.text.length);
  const clean = content.replace(/\*\*/g, '');
  const m = EARLIER.exec(clean);
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

function findAttendees(lines: readonly BodyLine[]): AttendeeMention[] {
  const out: AttendeeMention[] = [];
  for (const l of lines) {
    if (l.blank || l.subHeadingLevel !== undefined) continue;
    const text = l.text;
    // Cheap test first: this runs on every line of every punkt.
    if (!text.includes('deltage') && !text.includes('til stede') && !text.includes('deltog')) continue;
    ATTENDS.lastIndex = 0;
    for (let m = ATTENDS.exec(text); m; m = ATTENDS.exec(text)) {
      const before = text.slice(0, m.index);
      const sentenceStart = Math.max(before.lastIndexOf('. '), before.lastIndexOf('! '), before.lastIndexOf('? '));
      const whoStart = sentenceStart < 0 ? 0 : sentenceStart + 2;
      const who = stripBold(before.slice(whoStart)).replace(/^[ \t\-*]+/, '').trim();
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

import { PARTY_AFTER_NAME } from '../dialect/protokol';
import { DOCUMENT_WORDS, HEADER_LABELS, HEADER_NOTHING_LINES, type HeaderRole } from '../dialect/vocabulary';
import { lineContent, stripBold } from '../syntax/content';
import { lineRange, range, type Range } from '../syntax/range';
import type { SyntaxLine } from '../syntax/tree';
import { weekdayNumber } from './dates';
import { NUMERIC_DATE, optional, readDate, readTime, TEXT_DATE } from './read';
import type { Attendees, DateValue, Header, MoedeDato, Person, TextField, TimeValue, Title } from './types';

// The date ends the title, perhaps with the time after it; looked for in the title's tail only, so the scan stays linear.
// The date ends the title: only the title's last characters are tried, so a long line costs no more than a short one.
const TITLE_DATE_WINDOW = 60;
const TITLE_DATE_TAIL = new RegExp(
  String.raw`(?:^|[ \t])(?:(?:d\.|den)[ \t]*)?(${NUMERIC_DATE}|${TEXT_DATE})(?:[ \t,]+(?:kl\.?|klokken)[ \t]*(\d{1,2}[:.]\d{2}))?$`,
  'du',
);
const MOEDEDATO = new RegExp(
  String.raw`^(?:(\p{L}+)[ \t,]+)?(?:d\.|den)?[ \t]*(${TEXT_DATE}|${NUMERIC_DATE})(?:[ \t,]+(?:kl\.?|klokken)[ \t]*(\d{1,2}[:.]\d{2}))?`,
  'du',
);
// An unlabelled date line (eDoc, Acadre): `tirsdag den 4. december 2012, kl. 13:00`, `Torsdag den 20. juni 2013`.
const DATE_LINE = new RegExp(
  String.raw`^(\p{L}+)[ \t]+(?:d\.|den)[ \t]*(${TEXT_DATE}|${NUMERIC_DATE})(?:[ \t,]+(?:kl\.?|klokken)[ \t]*(\d{1,2}[:.]\d{2}))?[ \t.]*$`,
  'du',
);
const TIME_LINE = /^(?:kl\.?|klokken)[ \t]*(\d{1,2}[:.]\d{2})[ \t.]*$/i;
// eDoc writes the place as `i Mødecenter C, Lokale 32 på Ballerup Rådhus`.
const PLACE_LINE = /^i[ \t]+(\S.*)$/u;
// A label at the start of a header line, the longest first so `Afbud/Fraværende` is not read as `Afbud`.
const LABELS = [...HEADER_LABELS].sort((a, b) => b.label.length - a.label.length);
/** What may close a label after its word: bold marks, a colon, blanks. */
const LABEL_END_SOURCE = String.raw`(?:\*\*)?[ \t]*:?[ \t]*(?:\*\*)?[ \t]*`;
const LABEL = new RegExp(`^(${LABELS.map((l) => l.label.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}/])${LABEL_END_SOURCE}`, 'u');
const LABEL_END = new RegExp(`^${LABEL_END_SOURCE}`);
const ROLE = new Map(LABELS.map((l) => [l.label, l.role]));
const MEMBERS = new Set(LABELS.filter((l) => l.members).map((l) => l.label));

export type AttendanceRole = 'deltagere' | 'afbud' | 'sekretaer';

/** An attendance label at the start of a line (`Afbud/Fraværende`, `Mødedeltagere:`): its role, and where its names begin. */
export function readAttendanceLabel(text: string): { readonly role: AttendanceRole; readonly members: boolean; readonly valueStart: number } | undefined {
  const c = lineContent(text);
  const m = LABEL.exec(c.content);
  const role = m ? ROLE.get(m[1]!) : undefined;
  if (!m || (role !== 'deltagere' && role !== 'afbud' && role !== 'sekretaer')) return undefined;
  // The label's closing marks in the line itself: `**Mødedeltagere** ` alone on its line has them cut off its content.
  const end = c.start + m[0].length;
  return { role, members: MEMBERS.has(m[1]!), valueStart: end + LABEL_END.exec(text.slice(end))![0].length };
}
const NOTHING = HEADER_NOTHING_LINES;

/**
 * The header from its title line and the lines around it. Labelled fields (`Mødedato   Onsdag d. …`,
 * `Mødedato:⇥onsdag den …`, `Udvalg:⇥Teknisk Udvalg`) and the unlabelled forms of eDoc and Acadre
 * (`Referat` / the udvalg / `tirsdag den 4. december 2012, kl. 13:00` / `i Mødecenter C, …`) are read alike.
 */
export function readHeader(titleLine: SyntaxLine | undefined, lines: readonly SyntaxLine[]): Header {
  let title = titleLine ? readTitle(titleLine) : undefined;
  let moedeDato: MoedeDato | undefined;
  let time: TimeValue | undefined;
  let moedested: TextField | undefined;
  let udvalg: TextField | undefined;
  let udvalgLine: TextField | undefined;
  const attendance: Partial<Record<'deltagere' | 'afbud' | 'sekretaer', Attendees>> = {};
  const afterTitle = titleLine?.line ?? -1;
  let placeOpen = false;

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.kind === 'blank') {
      placeOpen = false;
      continue;
    }
    const c = lineContent(l.text);
    const content = stripBold(c.content).trim();
    if (l.kind === 'field') {
      placeOpen = false;
      const m = LABEL.exec(c.content);
      if (!m) continue;
      const role = ROLE.get(m[1]!)!;
      const valueStart = c.start + m[0].length;
      const value = stripBold(l.text.slice(valueStart)).trimEnd();
      const whole = lineRange(l.line, 0, l.text.length);
      const valueRange = lineRange(l.line, valueStart, valueStart + value.length);
      if (role === 'moedeDato') moedeDato ??= { ...readMoedeDato(l, valueStart, whole, valueRange), label: m[1]! };
      else if (role === 'tidspunkt') {
        const t = /\d{1,2}[:.]\d{2}/.exec(value);
        if (t && !time) time = readTime(t[0], l.line, valueStart + t.index);
      } else if (role === 'moedested') moedested ??= { range: whole, value: value.trim(), valueRange, label: m[1]! };
      else if (role === 'udvalg') udvalg ??= { range: whole, value: value.trim(), valueRange, label: m[1]! };
      else if (role === 'deltagere' || role === 'afbud' || role === 'sekretaer') {
        const label = { text: m[1]!, range: lineRange(l.line, c.start, c.start + m[1]!.length), members: MEMBERS.has(m[1]!) };
        const block = attendanceBlock(lines, i, l, { valueStart, inline: value.trim() !== '', label });
        i = block.last;
        attendance[role] ??= block.attendees;
      }
      continue;
    }
    if (l.line <= afterTitle || NOTHING.test(content)) continue;
    const date = DATE_LINE.exec(content);
    if (date && !moedeDato) {
      moedeDato = readMoedeDato(
        l,
        c.start + (c.content.length - c.content.trimStart().length),
        lineRange(l.line, 0, l.text.length),
        lineRange(l.line, c.start, c.start + c.content.length),
      );
      placeOpen = true;
      continue;
    }
    const t = TIME_LINE.exec(content);
    if (t) {
      time ??= readTime(t[1]!, l.line, l.text.indexOf(t[1]!));
      placeOpen = true;
      continue;
    }
    const place = PLACE_LINE.exec(content);
    if (place && !moedested && moedeDato) {
      const at = l.text.indexOf(place[1]!);
      moedested = { range: lineRange(l.line, 0, l.text.length), value: place[1]!.trim(), valueRange: lineRange(l.line, at, at + place[1]!.trim().length) };
      continue;
    }
    // Acadre: the place's lines follow the date and the time (`Kaløvig Kursuscenter` / `Præstekravevej 46` / …).
    if (placeOpen && moedeDato && (!moedested || moedested.range.end.line === l.line - 1)) {
      moedested = moedested
        ? { range: range(moedested.range.start.line, 0, l.line, l.text.length), value: `${moedested.value}, ${content}`, valueRange: moedested.valueRange }
        : { range: lineRange(l.line, 0, l.text.length), value: content, valueRange: lineRange(l.line, c.start, c.start + c.content.length) };
      continue;
    }
    // The first line after a title that names no udvalg is the udvalg (`Sundheds- og Forebyggelsesudvalget`).
    if (title && !title.udvalg && !udvalgLine && !moedeDato) {
      // `Teknisk Udvalg - Udvalgsværelse 398`: the udvalg before the dash.
      const dash = content.indexOf(' - ');
      const name = dash > 0 ? content.slice(0, dash).trim() : content;
      const at = l.text.indexOf(name);
      udvalgLine = { range: lineRange(l.line, 0, l.text.length), value: name, valueRange: lineRange(l.line, at, at + name.length) };
    }
  }
  // The udvalg: the title's own, else the `Udvalg:` field, else the line under an unlabelled title.
  const named = udvalg ?? udvalgLine;
  if (title && !title.udvalg && named?.value) title = { ...title, udvalg: named.value, udvalgRange: named.valueRange };
  if (moedeDato && !moedeDato.time && (time ?? title?.time)) moedeDato = { ...moedeDato, time: (time ?? title?.time)! };
  return {
    ...(title ? { title } : {}),
    ...(moedeDato ? { moedeDato } : {}),
    ...(moedested ? { moedested } : {}),
    ...(attendance.deltagere ? { deltagere: attendance.deltagere } : {}),
    ...(attendance.afbud ? { afbud: attendance.afbud } : {}),
    ...(attendance.sekretaer ? { sekretaer: attendance.sekretaer } : {}),
  };
}

/** `REFERAT Direktionen d. 07-12-2023`, `Referat 1. oktober 2025 kl. 15.45`, or `Referat` alone. */
function readTitle(l: SyntaxLine): Title {
  const c = lineContent(l.text);
  const whole = lineRange(l.line, 0, l.text.length);
  const word = DOCUMENT_WORDS.find((d) => c.content.startsWith(d.word)) ?? DOCUMENT_WORDS[0]!;
  let rest = c.content.slice(word.word.length);
  let restStart = c.start + word.word.length;
  const lead = rest.length - rest.trimStart().length;
  rest = rest.trimStart().trimEnd();
  restStart += lead;
  const tailStart = Math.max(0, rest.length - TITLE_DATE_WINDOW);
  const m = TITLE_DATE_TAIL.exec(rest.slice(tailStart));
  let udvalg = stripBold(rest).trim();
  let date: DateValue | undefined;
  let time: TimeValue | undefined;
  if (m) {
    const dateAt = tailStart + m.indices![1]![0];
    date = readDate(m[1]!, l.line, restStart + dateAt);
    if (m[2]) time = readTime(m[2], l.line, restStart + tailStart + m.indices![2]![0]);
    udvalg = stripBold(rest.slice(0, tailStart + m.index)).trimEnd();
  }
  return {
    range: whole,
    word: word.word,
    kind: word.kind,
    udvalg,
    ...(udvalg ? { udvalgRange: lineRange(l.line, restStart, restStart + udvalg.length) } : {}),
    ...(date ? { date } : {}),
    ...(time ? { time } : {}),
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

/**
 * The names under an attendance label: on its line and wrapping onto the next (`Mødedeltagere a, b og
 * c`), or one per line or in two columns below a label of its own (`Tilstede`, `Medlemmer`), until a
 * blank line or the next field. A list that wraps continues the name it was in.
 */
function attendanceBlock(
  lines: readonly SyntaxLine[],
  i: number,
  l: SyntaxLine,
  {
    valueStart,
    inline,
    label,
  }: {
    readonly valueStart: number;
    /** Names written on the label's own line. */
    readonly inline: boolean;
    readonly label: { readonly text: string; readonly range: Range; readonly members: boolean };
  },
): { attendees: Attendees; last: number } {
  const parts: { line: SyntaxLine; start: number }[] = [{ line: l, start: valueStart }];
  let j = i;
  while (
    j + 1 < lines.length &&
    lines[j + 1]!.line === lines[j]!.line + 1 &&
    lines[j + 1]!.kind !== 'blank' &&
    lines[j + 1]!.kind !== 'field' &&
    lines[j + 1]!.kind !== 'title' &&
    !NOTHING.test(lines[j + 1]!.text.trim())
  ) {
    j++;
    parts.push({ line: lines[j]!, start: 0 });
  }
  const names: Person[] = [];
  let previousOpen = false;
  const column = oneNameALine(
    parts.map((p) => p.line.text),
    valueStart,
  );
  for (const p of parts) {
    const pieces = splitNames(p.line, p.start);
    // `… Søren Søndergaard` / `Kjær`: a line that does not end in a separator goes on in the next.
    if (inline && !column && previousOpen && pieces.length > 0 && names.length > 0) {
      const last = names.pop()!;
      const first = pieces.shift()!;
      names.push({
        name: `${last.name} ${first.name}`,
        range: range(last.range.start.line, last.range.start.character, first.range.end.line, first.range.end.character),
      });
    }
    names.push(...pieces);
    const text = p.line.text.trimEnd();
    previousOpen = pieces.length > 0 && !/(,|\bog)$/.test(text);
  }
  const lastLine = parts[parts.length - 1]!.line;
  return {
    attendees: { range: range(l.line, 0, lastLine.line, lastLine.text.length), names, label: label.text, labelRange: label.range, members: label.members },
    last: j,
  };
}

/**
 * A list written as a column beside its label, one name a line, each line after the first indented to
 * where the first name begins (GetOrganized's `Deltagere:    Jeppe Kirkegaard` / `              Tilde
 * Ølholm`), with no comma or `og` anywhere: each line is a name, not a name wrapped onto the next.
 */
function oneNameALine(lines: readonly string[], valueStart: number): boolean {
  if (lines.length < 2 || valueStart === 0) return false;
  if (lines.some((text, i) => /,|[ \t]og[ \t]|[ \t]og$/.test(i === 0 ? text.slice(valueStart) : text))) return false;
  return lines.slice(1).every((text) => /^[ \t]+\S/.test(text) && text.length - text.trimStart().length === valueStart);
}

/** `Claus Borg, Lars Borst Hansen og Søren Kjær`, `Lolan Ottesen (A) - formand`, `Jesper Mathiesen (A)   Ole Bjerregaard (V)`. */
function splitNames(l: SyntaxLine, start: number): Person[] {
  const text = l.text;
  // Commas, ` og `, tabs and runs of spaces (two columns) part the names. Linear, one pass.
  const pieces: [number, number][] = [];
  let from = start;
  for (let i = start; i <= text.length;) {
    let sep = 0;
    if (i < text.length) {
      const ch = text.charCodeAt(i);
      if (ch === 44 || ch === 9) sep = 1;
      else if (ch === 32 && text.charCodeAt(i + 1) === 32) {
        sep = 2;
        while (text.charCodeAt(i + sep) === 32) sep++;
      } else if (ch === 32 && text.startsWith(' og ', i)) sep = 4;
    }
    if (i === text.length || sep > 0) {
      pieces.push([from, i]);
      i += Math.max(sep, 1);
      from = i;
    } else i++;
  }
  const names: Person[] = [];
  for (const [a, b] of pieces) {
    const raw = text.slice(a, b);
    const lead = raw.length - raw.trimStart().length;
    // A party `(A)` and a role `- formand` are no part of the name.
    const name = stripBold(raw.trim())
      .replace(/\s+-\s+.*$/, '')
      .replace(/\s*\([^)]*\)\s*$/, '')
      .replace(/[.]$/, '')
      .trim();
    if (!name || name.startsWith('-')) continue;
    const party = PARTY_AFTER_NAME.exec(raw)?.[1];
    names.push({ name, range: lineRange(l.line, a + lead, a + lead + name.length), ...(party ? { party } : {}) });
  }
  return names;
}

export type { HeaderRole };

import type { Dialect } from '../dialect/dialects';
import { ATTENDANCE_SOURCE, CASE_NUMBER_LABEL, DOCUMENT_WORDS, HEADER_LABELS, labelAlternatives, STANDARD_DECISIONS } from '../dialect/vocabulary';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList } from 'vscode-languageserver-types';
import { canonicalPeople, udvalgNamed, type NameCatalog, type PersonEntry, type Udvalg } from '../config/catalog';
import {
  capitalize,
  dateExists,
  formatTitleDate,
  localizedDate,
  localizedWeekday,
  monthName,
  pad2,
  todayInDenmark,
  weekdayIndex,
  weekdayName,
} from '../model/dates';
import type { KleCatalog } from '../model/kle';
import { outOfOrder, sectionChoices } from '../model/sections';
import { handlings } from '../model/decision';
import type { Attendees, CalendarDate, Header, Punkt, Referat } from '../model/types';
import type { SectionKind } from '../dialect/vocabulary';
import { readAttendanceLabel, type AttendanceRole } from '../model/header';
import { localize, type Locale, type LocalizedText } from '../i18n/locale';
import { lineContent } from '../syntax/content';
import { containsPosition, type Position, type Range } from '../syntax/range';
import { locate } from './locate';
import { escapeSnippetText, expandBody, fill, snippetsFor, type SnippetPlace, type SnippetTemplate, type SnippetVars } from './snippets';
import { meetingAttendance, namedByFirstName, presentListsAbsent, writtenMember } from '../model/attendance';
import { meetingDate } from '../model/meeting';
import { kleEmneWritten, parseJournalLine } from '../model/journal';
import { voterListStart } from '../model/protokol';
import { splitWho } from '../model/people';

// Danish sort order; made on first use, since loading the collation data costs a process 20 ms at start.
let danishCollator: Intl.Collator | undefined;
const collator = { compare: (a: string, b: string): number => (danishCollator ??= new Intl.Collator('da-DK', { sensitivity: 'base' })).compare(a, b) };

export interface CompletionEnv {
  readonly catalog: NameCatalog;
  readonly kle: KleCatalog;
  readonly locale: Locale;
  readonly today?: CalendarDate;
  /** The document's file name without its folder: `2026-12-02-direktionen.referat` gives the new header its date and udvalg. */
  readonly fileName?: string;
}

const ATTENDANCE = new RegExp(ATTENDANCE_SOURCE, 'u');
// A place's label as any dialect writes it: `Mødested`, `Lokale`, `Sted`.
const PLACE_LABEL = new RegExp(
  String.raw`^\W*${labelAlternatives(
    HEADER_LABELS.filter((l) => l.role === 'moedested').map((l) => l.label),
    ' ',
  )}(?![\p{L}\p{N}])`,
  'u',
);
const EMPTY: CompletionList = { isIncomplete: false, items: [] };
const list = (items: CompletionItem[], { isIncomplete = false }: { readonly isIncomplete?: boolean } = {}): CompletionList => ({ isIncomplete, items });

/**
 * Completions by context: a whole header at the top of a new referat, people after Mødedeltagere
 * and in `… deltager i mødet`, committees, strategies and laws in their sections, journal numbers,
 * missing section headings and the snippets that fit at the start of a line in a punkt, and the
 * next punkt. Every item carries the edit that replaces exactly what she typed.
 */
export function complete(referat: Referat, lineText: string, position: Position, env: CompletionEnv): CompletionList {
  // A request of an older text may ask past the end of this one: nothing is offered on a line that is not there.
  if (position.line >= referat.syntax.lineCount) return EMPTY;
  const before = lineText.slice(0, position.character);
  const line = position.line;
  const tr = (text: LocalizedText): string => localize(text, env.locale);
  const firstPunktLine = referat.punkter[0]?.headingRange.start.line;
  const atLineStart = /^[\s#*]*[\p{L}-]*$/u.test(before) && lineText.slice(position.character).trim() === '';

  // A referat not yet begun: the whole header, computed.
  if (
    !referat.header.title &&
    (firstPunktLine === undefined || line < firstPunktLine) &&
    /^\s*\p{L}*$/u.test(before) &&
    'referat'.startsWith(before.trim().toLowerCase())
  ) {
    return list(headerItems(referat, before, line, env, tr));
  }

  const attendance = attendanceListAt(referat, lineText, line);
  if (attendance) return list(people(referat, { before, after: lineText.slice(position.character) }, position, env, tr, attendance));
  if (PLACE_LABEL.test(lineText)) {
    const u = udvalgOf(referat, env.catalog);
    return u?.moedested ? list([{ label: u.moedested, kind: CompletionItemKind.Value, detail: u.navn, sortText: '0' }]) : EMPTY;
  }

  const { punkt, section } = locate(referat, line);
  if (punkt && isJournalPosition(punkt, line))
    return journals(lineText, position, { env, tr, meetingYear: meetingDate(referat)?.year, dialect: referat.dialect });
  const voters = punkt ? voterItems(referat, before, line, env, tr) : undefined;
  if (voters) return list(voters);
  if (ATTENDANCE.test(lineText) && !ATTENDANCE.test(before))
    return list(people(referat, { before, after: lineText.slice(position.character) }, position, env, tr, 'sentence'));

  if (section && line > section.headingRange.start.line) {
    const names =
      section.kind === 'sagenAfgoeres'
        ? { items: env.catalog.udvalg.map((u) => ({ label: u.navn, detail: tr({ da: 'Udvalg', en: 'Committee' }) })), kind: CompletionItemKind.Module }
        : section.kind === 'vision'
          ? { items: env.catalog.strategier.map((s) => ({ label: s, detail: tr({ da: 'Strategi', en: 'Strategy' }) })), kind: CompletionItemKind.Reference }
          : section.kind === 'lovgrundlag'
            ? {
                items: env.catalog.lovgrundlag.map((s) => ({ label: s, detail: tr({ da: 'Lovgrundlag', en: 'Legal basis' }) })),
                kind: CompletionItemKind.Reference,
              }
            : undefined;
    if (names && before.trim().length > 0) return list(sorted(names.items.map((i) => ({ ...i, kind: names.kind }))));
    if (names && lineText.trim() === '')
      return list([...sorted(names.items.map((i) => ({ ...i, kind: names.kind }))), ...lineStartItems(referat, punkt!, line, before, env, tr)]);
  }

  // The house's phrases: in a decision, the decisions this udvalg writes most often; in a recommendation, its openings.
  if (
    punkt &&
    section &&
    line > section.headingRange.start.line &&
    /^\s*(?:[-*•]\s+)?[\p{L}]*$/u.test(before) &&
    lineText.slice(position.character).trim() === ''
  ) {
    // The decision not yet written (its text is the line she is on, if any), or a new point of the recommendation.
    const written = section.body.some((b) => !b.blank && b.line !== line);
    if (section.kind === 'beslutning' && !written)
      return list([...decisionPhrases(referat, punkt, before, line, env, tr), ...lineStartItems(referat, punkt, line, before, env, tr)]);
    if (section.kind === 'indstilling' && (!written || /^\s*[-*•]\s/.test(before)))
      return list([...recommendationOpenings(before, line, tr), ...lineStartItems(referat, punkt, line, before, env, tr)]);
  }

  // The first words of a heading or snippet of several (`Beslutning f`, `Sagen afgøres e`): an editor
  // asks again after each space, and what still begins with what she typed is offered.
  if (punkt && !atLineStart && before.length <= MAX_PHRASE_TYPED && PHRASE_BEGUN.test(before) && lineText.slice(position.character).trim() === '') {
    const typed = before.toLocaleLowerCase('da-DK');
    const begun = lineStartItems(referat, punkt, line, before, env, tr).filter((i) => (i.filterText ?? i.label).toLocaleLowerCase('da-DK').startsWith(typed));
    if (begun.length > 0) return list(begun);
  }
  if (atLineStart) {
    if (punkt) return list(lineStartItems(referat, punkt, line, before, env, tr));
    // After the header, before any punkt: the first punkt.
    if (referat.header.title && line > referat.header.title.range.start.line && (!referat.toc || line > referat.toc.range.end.line)) {
      return list(snippetItems('new-punkt', referat, undefined, line, before, env, tr));
    }
  }
  return EMPTY;
}

/** Words at a line's start, a space among them: the beginning of a heading or snippet of several words. */
const PHRASE_BEGUN = /^[\s#*]*\p{L}\S*(?: \S*)+$/u;
/** Longer than any heading or snippet's words: a line of text, not their beginning. */
const MAX_PHRASE_TYPED = 60;

/**
 * The house's decisions for this punkt: first the standard decisions that answer its
 * recommendation (`At … godkendes.` → `Godkendt.`), then what this udvalg writes most often in the
 * archive, ranked by how often, then the other standard decisions: those are always among them.
 */
function decisionPhrases(referat: Referat, punkt: Punkt, before: string, line: number, env: CompletionEnv, tr: (t: LocalizedText) => string): CompletionItem[] {
  const udvalg = referat.header.title?.udvalg?.toLocaleLowerCase('da-DK') ?? '';
  const own = env.catalog.beslutninger?.get(udvalg) ?? [];
  const recommended = punkt.sections.flatMap((s) => s.recommendations.flatMap((r) => r.bullets.map((b) => b.text))).join('\n');
  const counted = new Map(own.map((p) => [p.text.toLocaleLowerCase('da-DK'), p.count]));
  // The standard decisions that answer the indstilling come first, the rest after the udvalg's own.
  const standard = (which: 'answering' | 'others'): { text: string; count: number }[] =>
    STANDARD_DECISIONS.filter((d) => (d.answers?.test(recommended) ?? false) === (which === 'answering')).map((d) => ({
      text: d.text,
      count: counted.get(d.text.toLocaleLowerCase('da-DK')) ?? 0,
    }));
  // A phrase that belongs to another punkt (`Intet.` to `Eventuelt`) comes after the standard decisions here.
  const title = punkt.title.trim().toLocaleLowerCase('da-DK');
  const elsewhere = (p: { under?: string }): boolean => p.under !== undefined && p.under !== title;
  const seen = new Set<string>();
  const phrases = [...standard('answering'), ...own.filter((p) => !elsewhere(p)), ...standard('others'), ...own.filter(elsewhere)].filter((p) => {
    const k = p.text.toLocaleLowerCase('da-DK');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const start = before.length - before.trimStart().replace(/^[-*•]\s+/, '').length;
  const range = { start: { line, character: start }, end: { line, character: before.length } };
  return phrases.map((p, i) => ({
    label: p.text,
    kind: CompletionItemKind.Text,
    detail:
      p.count > 0
        ? tr({
            da: `Beslutning, skrevet ${p.count} gange i ${referat.header.title?.udvalg ?? 'arkivet'}`,
            en: `Decision, written ${p.count} times in ${referat.header.title?.udvalg ?? 'the archive'}`,
          })
        : tr({ da: 'Beslutning', en: 'Decision' }),
    textEdit: { range, newText: p.text },
    sortText: `0${String(i).padStart(3, '0')}`,
  }));
}

/** The openings of a recommendation's points (`At … godkendes.`), with the blank to fill. */
function recommendationOpenings(before: string, line: number, tr: (t: LocalizedText) => string): CompletionItem[] {
  const bullet = /^\s*[-*•]\s+/.exec(before)?.[0];
  const start = bullet ? bullet.length : before.length - before.trimStart().length;
  const range = { start: { line, character: start }, end: { line, character: before.length } };
  const openings = [
    ['At … godkendes.', 'At ${1} godkendes.'],
    ['At … tages til efterretning.', 'At ${1} tages til efterretning.'],
    ['At … drøftes.', 'At ${1} drøftes.'],
    ['At … anbefales over for …', 'At ${1} anbefales over for ${2:Økonomiudvalget}.'],
    ['At det besluttes, om …', 'At det besluttes, om ${1}.'],
  ];
  return openings.map(([label, snippet], i) => ({
    label: label!,
    kind: CompletionItemKind.Snippet,
    detail: tr({ da: 'Indstillingens punkt', en: 'A point of the recommendation' }),
    filterText: label!,
    textEdit: { range, newText: `${bullet ? '' : '- '}${snippet!}` },
    insertTextFormat: InsertTextFormat.Snippet,
    sortText: `0${String(i).padStart(3, '0')}`,
  }));
}

/** A list under an attendance label: which, and where on the line its names begin. */
interface AttendanceList {
  readonly role: AttendanceRole;
  readonly members: boolean;
  /** Where the names begin on the cursor's line: after the label on its own line, else at the line's start. */
  readonly valueStart: number;
}

/**
 * The attendance list the line is in, under any of the format's labels (`Mødedeltagere`, `Tilstede`,
 * `Medlemmer`, `Afbud/Fraværende`, `Sekretær`): on the label's line, or on a line of its list below it.
 */
function attendanceListAt(referat: Referat, lineText: string, line: number): AttendanceList | undefined {
  const own = readAttendanceLabel(lineText);
  if (own) return own;
  const valueStart = /^[\s\-*•]*/.exec(lineText)![0].length;
  for (const [role, a] of attendanceFields(referat.header)) {
    if (!a) continue;
    if (line > a.range.start.line && line <= a.range.end.line) return { role, members: a.members, valueStart };
    // The empty line right under a list written one name a line (`Afbud/Fraværende` alone, or its last
    // name): where she writes the next name. An empty line ends the list, so the model has not read it as one.
    if (line === a.range.end.line + 1 && lineText.trim() === '' && isBlockForm(a)) return { role, members: a.members, valueStart };
  }
  return undefined;
}

/** A list under its label, one name a line: no name stands on the label's own line. */
const isBlockForm = (a: Attendees): boolean => a.names.every((p) => p.range.start.line > a.labelRange.start.line);

/** Every attendance field of the header, by its role: who was present, who was absent, the secretary. */
function attendanceFields(h: Header): readonly (readonly [AttendanceRole, Attendees | undefined])[] {
  return [
    ['deltagere', h.deltagere],
    ['afbud', h.afbud],
    ['sekretaer', h.sekretaer],
  ];
}

/**
 * The names a list may not be given again: its own but the one she is typing, and every other
 * attendance field's, for one person in two of them is attendance-conflict's error. Where the list of
 * who was present names the absent too (`Medlemmer`, those invited), it and the absent do not exclude
 * each other: that is where a member's absence is written.
 */
function writtenInAttendance(referat: Referat, where: AttendanceList, at: Position): string[] {
  const namesAbsent = where.members || presentListsAbsent(referat);
  const apart = (role: AttendanceRole): boolean =>
    role !== where.role && namesAbsent && (role === 'afbud' || where.role === 'afbud') && (role === 'deltagere' || where.role === 'deltagere');
  return attendanceFields(referat.header).flatMap(([role, a]) =>
    !a || apart(role) ? [] : a.names.filter((p) => !containsPosition(p.range, at)).map((p) => p.name),
  );
}

/**
 * On a vote or absence line of a punkt (`For stemte: (V), An`, `Ikke til stede: `): the parties
 * and the members, as the minutes write them, replacing the voter she is typing.
 */
function voterItems(referat: Referat, before: string, line: number, env: CompletionEnv, tr: (t: LocalizedText) => string): CompletionItem[] | undefined {
  const at = voterListStart(before);
  if (at === undefined) return undefined;
  // The voter being typed: from the last comma or `og` to the cursor.
  const sep = /(?:,[ \t]*|[ \t]og[ \t]+)(?=[^,]*$)/.exec(before.slice(at));
  const from = sep ? at + sep.index + sep[0].length : at + (before.slice(at).length - before.slice(at).trimStart().length);
  const range = { start: { line, character: from }, end: { line, character: before.length } };
  const configured = udvalgOf(referat, env.catalog)?.medlemmer ?? [];
  const meeting = meetingAttendance(referat, configured);
  const parties = [...new Set(meeting.members.flatMap((m) => (m.party ? [m.party] : [])))].sort(collator.compare);
  const items: CompletionItem[] = [
    ...parties.map((p, i) => ({
      label: `(${p})`,
      kind: CompletionItemKind.EnumMember,
      detail: tr({ da: 'Parti', en: 'Party' }),
      textEdit: { range, newText: `(${p})` },
      sortText: `0${String(i).padStart(3, '0')}`,
    })),
    ...meeting.members.map((m) => ({
      label: writtenMember(m),
      kind: CompletionItemKind.Value,
      detail: tr({ da: 'Medlem', en: 'Member' }),
      textEdit: { range, newText: writtenMember(m) },
      sortText: `1${m.name}`,
    })),
  ];
  return items.length > 0 ? items : undefined;
}

function sorted(items: CompletionItem[]): CompletionItem[] {
  return items.sort((a, b) => collator.compare(a.label, b.label)).map((item, i) => ({ ...item, sortText: `1${String(i).padStart(5, '0')}` }));
}

function udvalgOf(referat: Referat, catalog: NameCatalog): Udvalg | undefined {
  return udvalgNamed(catalog, referat.header.title?.udvalg);
}

// ---------------------------------------------------------------- people

/**
 * The range a name replaces: the word being typed, widened to the earlier words of the same name
 * (`Lars B|` → `Lars B` for Lars Borst Hansen), never past the start of this name's place.
 */
function nameRange(before: string, segmentStart: number, line: number, name: string): Range {
  let start = before.length;
  while (start > segmentStart && /[\p{L}\p{N}'’.-]/u.test(before.charAt(start - 1))) start--;
  const lower = name.toLocaleLowerCase('da-DK');
  for (let j = segmentStart; j < start; j++) {
    if (j > segmentStart && before.charAt(j - 1) !== ' ') continue;
    const typed = before.slice(j).toLocaleLowerCase('da-DK');
    if (typed.trim() && lower.startsWith(typed)) {
      start = j;
      break;
    }
  }
  return { start: { line, character: start }, end: { line, character: before.length } };
}

function people(
  referat: Referat,
  { before, after }: { readonly before: string; readonly after: string },
  position: Position,
  env: CompletionEnv,
  tr: (t: LocalizedText) => string,
  where: AttendanceList | 'sentence',
): CompletionItem[] {
  const udvalg = udvalgOf(referat, env.catalog);
  const h = referat.header;
  const all: PersonEntry[] = [...env.catalog.personer];
  for (const u of env.catalog.udvalg) for (const m of u.medlemmer) all.push({ navn: m });
  // The members the document lists itself (SBSYS eDagsorden's `Medlemmer`) are the udvalg's too.
  const ownMembers = h.deltagere?.members ? h.deltagere.names.map((n) => n.name) : [];
  for (const m of ownMembers) all.push({ navn: m });
  // A punkt's guests return for another (`… deltager i mødet` under several punkter): those this
  // referat names on its other lines are offered too (the catalog leaves its own saved text out).
  if (where === 'sentence')
    for (const p of referat.punkter) for (const a of p.attendees) if (a.range.start.line !== position.line) all.push(...splitWho(a.who));
  const { people: persons, fullName } = canonicalPeople(all);
  const key = (n: string): string => fullName(n).toLocaleLowerCase('da-DK');
  const members = new Set([...(udvalg?.medlemmer ?? []), ...ownMembers].map(key));
  // Who is already written in the attendance fields is not offered for them again.
  const written = where === 'sentence' ? [] : writtenInAttendance(referat, where, position);
  const valueStart = where === 'sentence' ? 0 : Math.min(where.valueStart, before.length);
  const onLine = before
    .slice(valueStart)
    .split(/,|\bog\b/u)
    .slice(0, -1);
  // A first name written alone (`Afbud: Tilde`) is the one person of that name, as attendance reads it.
  const candidates = persons.map((p) => ({ name: p.navn }));
  const listed = new Set([...written, ...onLine].map((s) => key(namedByFirstName(candidates, { name: s.trim() }).name)));
  // The name being typed starts after the label, the last comma or `og`; in a sentence, after a bullet.
  const lastOg = before.lastIndexOf(' og ');
  const segment =
    where === 'sentence' ? (/^[\s\-*•]*/.exec(before)?.[0].length ?? 0) : Math.max(before.lastIndexOf(',') + 1, lastOg < 0 ? 0 : lastOg + 4, valueStart);
  const segmentStart = segment + (/^ */.exec(before.slice(segment))?.[0].length ?? 0);
  const memberOf = udvalg ? tr({ da: `Medlem · ${udvalg.navn}`, en: `Member · ${udvalg.navn}` }) : undefined;
  // An absence is a member's: where the members are known, only they are offered for one.
  const onlyMembers = where !== 'sentence' && where.role === 'afbud' && members.size > 0;
  // The names that begin with what she typed come first, as VS Code's filter would rank them.
  const typed = before.slice(segmentStart).trim().toLocaleLowerCase('da-DK');
  const begins = (n: string): boolean => typed !== '' && n.toLocaleLowerCase('da-DK').startsWith(typed);
  // A name put in front of a word (`|deltager i mødet`) is followed by a space, not glued to it.
  const space = /^[\p{L}\p{N}]/u.test(after) ? ' ' : '';
  // Who joins the meeting for a punkt (`… deltager i mødet`) is a guest: those its attendance fields
  // already name (present, absent, its secretary) come after everyone else.
  const named =
    where === 'sentence'
      ? new Set(attendanceFields(h).flatMap(([, a]) => (a ? a.names.map((n) => key(namedByFirstName(candidates, { name: n.name }).name)) : [])))
      : undefined;
  return persons
    .filter((p) => !listed.has(key(p.navn)) && (!onlyMembers || members.has(key(p.navn))))
    .map((p) => ({ person: p, member: members.has(key(p.navn)), begins: begins(p.navn), guest: !named?.has(key(p.navn)) }))
    .sort(
      (a, b) =>
        Number(b.begins) - Number(a.begins) ||
        Number(b.guest) - Number(a.guest) ||
        Number(b.member) - Number(a.member) ||
        collator.compare(a.person.navn, b.person.navn),
    )
    .map(({ person, member, guest }, i) => ({
      label: person.navn,
      kind: CompletionItemKind.Text,
      ...(person.titel ? { detail: person.titel } : member && memberOf ? { detail: memberOf } : {}),
      filterText: person.navn,
      // In a list the whole segment is the name being typed; in a sentence, only the words that begin the name.
      textEdit: {
        range:
          where === 'sentence'
            ? nameRange(before, segmentStart, position.line, person.navn)
            : { start: { line: position.line, character: segmentStart }, end: { line: position.line, character: before.length } },
        newText: person.navn + space,
      },
      sortText: `${guest ? 0 : 1}${member ? 0 : 1}${String(i).padStart(5, '0')}`,
    }));
}

// ---------------------------------------------------------------- journal numbers

function isJournalPosition(punkt: Punkt, line: number): boolean {
  if (line <= punkt.headingRange.start.line) return false;
  if (punkt.journal) return punkt.journal.kind === 'valid' ? punkt.journal.journal.range.start.line === line : punkt.journal.range.start.line === line;
  const firstContent = [...punkt.intro.filter((b) => !b.blank).map((b) => b.line), ...punkt.sections.map((s) => s.headingRange.start.line)].sort(
    (a, b) => a - b,
  )[0];
  return firstContent === undefined || line <= firstContent;
}

const JOURNAL_CHAR = /[0-9A-Za-zÆØÅæøå./-]/;
const MAX_JOURNALS = 300;
/** KLE emner offered while the emne is typed: the first this many that fit. */
const MAX_EMNER = 500;

/**
 * The case years read so far of the archive's journal numbers, kept while the list, the dialect and
 * the meeting's year are the same: completion is asked at every keystroke on the line, and reading
 * ten thousand numbers' years took 20–30 ms.
 */
const caseYears = new WeakMap<object, { readonly dialect: Dialect; readonly meetingYear: number | undefined; readonly years: Map<string, number> }>();

function caseYearsFor(numbers: object, dialect: Dialect, meetingYear: number | undefined): Map<string, number> {
  const kept = caseYears.get(numbers);
  if (kept && kept.dialect === dialect && kept.meetingYear === meetingYear) return kept.years;
  const years = new Map<string, number>();
  caseYears.set(numbers, { dialect, meetingYear, years });
  return years;
}

/**
 * Journal numbers in use, then KLE emner, for what she has typed of the number. A number replaces
 * the whole number on the line (VS Code's own word would be only the part after the last dot), an
 * emne only the emne.
 */
function journals(
  lineText: string,
  position: Position,
  {
    env,
    tr,
    meetingYear,
    dialect,
  }: { readonly env: CompletionEnv; readonly tr: (t: LocalizedText) => string; readonly meetingYear: number | undefined; readonly dialect: Dialect },
): CompletionList {
  let start = position.character;
  while (start > 0 && JOURNAL_CHAR.test(lineText.charAt(start - 1))) start--;
  let end = position.character;
  while (end < lineText.length && JOURNAL_CHAR.test(lineText.charAt(end))) end++;
  const typed = lineText.slice(start, position.character);
  // Only the number itself, first on its line (after its label, `Sagsnr.:`, where the system writes
  // one): a word typed after it (`81.39.15G01 373 23`, spaces for hyphens) starts no number.
  const before = lineText
    .slice(0, start)
    .replace(/^[\s*_]+/, '')
    .replace(CASE_NUMBER_LABEL, '');
  if (before.trim() !== '') return list([], { isIncomplete: true });
  // A whole number replaces the number as the model reads it: parts written apart by spaces or a
  // dash (`00.01.00I00 3 23`) are one number, not a word and what follows it.
  const reading = parseJournalLine(lineText, position.line, meetingYear, dialect);
  const whole = reading.kind === 'valid' ? reading.journal.range : reading.correction !== undefined ? reading.range : undefined;
  const numberEnd = whole && whole.start.character === start && whole.end.character > end ? whole.end.character : end;
  const range: Range = { start: { line: position.line, character: start }, end: { line: position.line, character: numberEnd } };
  // The newest cases first: a secretary mostly goes on with this year's and last year's. A case
  // opened after the meeting (the archive's newer referater) is no case of it: journal-year says so.
  // The year as the number's own scheme says it: KLE's last part, `EMN-2025-…`'s, `24-008574`'s and `12/27845`'s first.
  const years = caseYearsFor(env.catalog.journalNumbers, dialect, meetingYear);
  const year = (j: string): number => {
    let y = years.get(j);
    if (y === undefined) {
      const read = parseJournalLine(j, 0, meetingYear, dialect);
      y = read.kind === 'valid' ? read.journal.caseYear : -1;
      years.set(j, y);
    }
    return y;
  };
  const matching = env.catalog.journalNumbers.filter((j) => j.text.startsWith(typed) && (meetingYear === undefined || year(j.text) <= meetingYear));
  const items: CompletionItem[] = matching
    .sort((a, b) => year(b.text) - year(a.text) || a.text.localeCompare(b.text))
    .slice(0, MAX_JOURNALS)
    .map((j, i) => ({
      label: j.text,
      kind: CompletionItemKind.Constant,
      ...((j.title ?? env.kle.emneTitle(j.text.slice(0, 8))) ? { detail: j.title ?? env.kle.emneTitle(j.text.slice(0, 8))! } : {}),
      filterText: j.text,
      textEdit: { range, newText: j.text },
      sortText: `0${String(i).padStart(5, '0')}`,
    }));
  // KLE emner by number, so a new case starts from the right subject; only while the cursor is in
  // the emne, and each replaces the emne alone: the facet, serial and year after it are hers.
  const emne = kleEmneWritten(lineText.slice(start, end));
  const emneEnd = start + emne.length;
  if (position.character <= emneEnd && (emne !== '' || end === start)) {
    const emneRange: Range = { start: range.start, end: { line: position.line, character: emneEnd } };
    const used = new Set(env.catalog.journalNumbers.map((j) => j.text.slice(0, 8)));
    let i = 0;
    for (const [kle, title] of env.kle.emner()) {
      if (!kle.startsWith(typed) || items.length >= MAX_EMNER) continue;
      items.push({
        label: kle,
        kind: CompletionItemKind.Folder,
        detail: title,
        documentation: tr({ da: 'KLE-emne; tilføj handlingsfacet, løbenummer og år', en: 'KLE subject; add the action facet, serial number and year' }),
        filterText: kle,
        textEdit: { range: emneRange, newText: kle },
        sortText: `${used.has(kle) ? 1 : 2}${String(i++).padStart(5, '0')}`,
      });
    }
  }
  // Asked again at every keystroke: only numbers that begin with what she typed are offered,
  // never VS Code's looser match on the part after the last dot.
  return list(items, { isIncomplete: true });
}

// ---------------------------------------------------------------- line starts in a punkt

/** The decoration the punkt's own section headings use (`### **…**`), for new headings and snippets. */
function sectionStyle(referat: Referat, punkt: Punkt | undefined): { prefix: string; suffix: string } {
  const model = (punkt ?? referat.punkter[referat.punkter.length - 1])?.sections.find((s) => !s.implicit && s.kind !== 'tidligereBeslutning');
  if (model) {
    const c = lineContent(model.headingText);
    return { prefix: model.headingText.slice(0, c.start).trimStart(), suffix: model.headingText.slice(c.start + c.content.length).trimEnd() };
  }
  const level = (punkt ?? referat.punkter[referat.punkter.length - 1])?.headingLevel ?? 0;
  return { prefix: level > 0 ? `${'#'.repeat(level + 1)} ` : '', suffix: '' };
}

/** The sections each handling of a case has anew when it is taken up again. */
const EACH_HANDLING: ReadonlySet<SectionKind> = new Set<SectionKind>(['supplerendeSagsfremstilling', 'indstilling', 'beslutning', 'offentligBeslutning']);

/**
 * Whether a heading of a kind, written at this line of the punkt, keeps its handling in the
 * dialect's order: it stands after no heading that normally follows it, and puts none below it out
 * of place (section-order's reading, asked of the handling with the heading in it).
 */
function fitsOrderAt(punkt: Punkt, line: number, dialect: Dialect): (kind: SectionKind) => boolean {
  if (dialect.order === undefined) return () => true;
  // The handling the line is in: one more for each earlier decision above it.
  const k = punkt.sections.filter((s) => s.kind === 'tidligereBeslutning' && s.headingRange.start.line < line).length;
  // A heading on this line is the one she is writing, which the new one replaces.
  const here = (handlings(punkt)[k] ?? []).filter((s) => s.headingRange.start.line !== line);
  const above = here.filter((s) => s.headingRange.start.line < line);
  const below = here.filter((s) => s.headingRange.start.line > line);
  return (kind) => {
    const heading = { kind };
    return !outOfOrder([...above, heading, ...below], dialect).some((b) => b.section === heading || b.after === heading);
  };
}

/** Section headings the punkt lacks that may stand here, in their usual order, in the punkt's own decoration; then the snippets that fit. */
function lineStartItems(referat: Referat, punkt: Punkt, line: number, before: string, env: CompletionEnv, tr: (t: LocalizedText) => string): CompletionItem[] {
  // A case taken up again (after an earlier decision) has its own supplement, recommendation and
  // decision; what the earlier handling wrote (its resume, sagsfremstilling, lovgrundlag) is not written twice.
  let cycleStart = 0;
  punkt.sections.forEach((s, i) => {
    if (s.kind === 'tidligereBeslutning' && s.headingRange.start.line < line) cycleStart = i + 1;
  });
  const handling = punkt.sections.slice(cycleStart);
  const earlier = punkt.sections.slice(0, cycleStart).filter((s) => !EACH_HANDLING.has(s.kind));
  const have = new Set([...handling, ...earlier].map((s) => s.kind));
  const haveNames = new Set([...handling, ...earlier].map((s) => s.title.toLowerCase()));
  const ordered = referat.dialect.order !== undefined;
  const { prefix, suffix } = sectionStyle(referat, punkt);
  const typedDecoration = before.length - before.replace(/^[\s#*]*/, '').length;
  const range = { start: { line, character: 0 }, end: { line, character: before.length } };
  // What is new since an earlier handling is written only in a later one; a heading out of the
  // dialect's order here (`Resume` in the decision) would only earn section-order's warning.
  const fits = fitsOrderAt(punkt, line, referat.dialect);
  const choices = sectionChoices(referat.dialect).filter(
    (s) =>
      (cycleStart > 0 || s.kind !== 'supplerendeSagsfremstilling') && (ordered ? !have.has(s.kind) : !haveNames.has(s.title.toLowerCase())) && fits(s.kind),
  );
  const items: CompletionItem[] = choices.map((s, i) => ({
    label: s.title,
    kind: CompletionItemKind.Keyword,
    detail: tr({ da: 'Afsnit', en: 'Section' }),
    filterText: before.slice(0, typedDecoration) + s.title,
    textEdit: { range, newText: `${prefix}${s.title}${suffix}\n\n` },
    sortText: `2${String(i).padStart(3, '0')}`,
  }));
  const last = referat.punkter[referat.punkter.length - 1];
  return [
    ...items,
    ...(last === punkt ? snippetItems('new-punkt', referat, punkt, line, before, env, tr) : []),
    ...snippetItems('in-punkt', referat, punkt, line, before, env, tr),
  ];
}

const DEFAULT_RECOMMENDERS = ['Administrationen', 'Kommunaldirektøren', 'Direktionen'];

/** The server's snippets for a place, their variables filled from the document and the catalog. */
function snippetItems(
  where: SnippetPlace,
  referat: Referat,
  punkt: Punkt | undefined,
  line: number,
  before: string,
  env: CompletionEnv,
  tr: (t: LocalizedText) => string,
): CompletionItem[] {
  const last = referat.punkter[referat.punkter.length - 1];
  const n = (last?.number ?? 0) + 1;
  const titleLevel = referat.header.title ? lineContent(referat.syntax.title?.text ?? '').headingLevel : 0;
  const punktLevel = last?.headingLevel ?? (titleLevel > 0 ? titleLevel + 1 : 0);
  const { prefix, suffix } = sectionStyle(referat, punkt);
  const udvalg = referat.header.title?.udvalg ?? '';
  const meeting = meetingDate(referat);
  const recommenders = env.catalog.indstillere.length > 0 ? env.catalog.indstillere.slice(0, MAX_RECOMMENDER_SNIPPETS) : DEFAULT_RECOMMENDERS;
  const vars: SnippetVars = {
    N: String(n),
    PUNKT_PREFIX: punktLevel > 0 ? `${'#'.repeat(punktLevel)} ` : '',
    SECTION_PREFIX: prefix,
    SECTION_SUFFIX: suffix,
    BODY: udvalg,
    BODY_GENITIVE: udvalg ? (/[sxz]$/i.test(udvalg) ? udvalg : `${udvalg}s`) : '',
    DATE_DOTTED: meeting ? `${pad2(meeting.day)}.${pad2(meeting.month)}.${meeting.year}` : '',
    DATE_DASHED: meeting ? formatTitleDate(meeting) : '',
  };
  const typedDecoration = before.length - before.replace(/^[\s#*]*/, '').length;
  const range = { start: { line, character: 0 }, end: { line, character: before.length } };
  // A public decision is what of a closed punkt may be published: offered only there. A snippet
  // that begins a section (`… indstiller,` the Indstilling) only where that section may stand.
  const inOrder = punkt ? fitsOrderAt(punkt, line, referat.dialect) : () => true;
  const fits = (s: SnippetTemplate): boolean => (s.id !== 'offentlig-beslutning' || punkt?.closed === true) && (s.section === undefined || inOrder(s.section));
  // A decision already below the cursor in this punkt is the one a snippet's new decision would repeat.
  const decisionBelow = punkt?.sections.some((s) => s.kind === 'beslutning' && s.headingRange.start.line > line) === true;
  // Below it, an earlier decision (which stands in place of its handling's Beslutning) would give that handling a second one.
  const decisionAbove = punkt?.sections.some((s) => s.kind === 'beslutning' && s.headingRange.start.line < line) === true;
  // A snippet that names who recommends is offered once for each, most written first: a choice inside
  // the snippet is not picked by Enter where suggestions are accepted by Tab.
  const variants = snippetsFor(where, referat.dialect.id)
    .filter((s) => fits(s) && !(decisionAbove && s.newDecisionFrom !== undefined))
    .map((s) => (decisionBelow && s.newDecisionFrom !== undefined ? { ...s, body: s.body.slice(0, s.newDecisionFrom) } : s))
    .flatMap((s) => (s.body.some((l) => l.includes('{{RECOMMENDER}}')) ? recommenders.map((r) => ({ s, vars: { ...vars, RECOMMENDER: r } })) : [{ s, vars }]));
  return variants.map(({ s, vars }, i) => ({
    label: fill(tr(s.label), vars, { escape: false }),
    kind: CompletionItemKind.Snippet,
    detail: fill(tr(s.detail), vars, { escape: false }),
    filterText: before.slice(0, typedDecoration) + fill(s.filter, vars, { escape: false }),
    textEdit: { range, newText: expandBody(s, vars) },
    insertTextFormat: InsertTextFormat.Snippet,
    sortText: `${where === 'new-punkt' ? 3 : 4}${String(i).padStart(3, '0')}`,
  }));
}

/** The recommenders a recommendation snippet is offered for: the most written, not a list to scroll. */
const MAX_RECOMMENDER_SNIPPETS = 3;

// ---------------------------------------------------------------- the header of a new referat

/** The date and the udvalg a file name holds: `2026-12-02-direktionen.referat`, `direktionen_02-12-2026.referat`. */
function fromFileName(fileName: string | undefined): { date?: CalendarDate; words: string } {
  const base = (fileName ?? '').replace(/\.[^.]*$/, '');
  const patterns: [RegExp, (m: RegExpExecArray) => CalendarDate][] = [
    [/(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})/, (m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) })],
    [/(\d{1,2})[-_.](\d{1,2})[-_.](\d{4})/, (m) => ({ year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) })],
  ];
  for (const [re, read] of patterns) {
    const m = re.exec(base);
    if (!m) continue;
    const d = read(m);
    if (d.month >= 1 && d.month <= 12 && dateExists(d.year, d.month, d.day))
      return { date: d, words: (base.slice(0, m.index) + ' ' + base.slice(m.index + m[0].length)).trim() };
  }
  return { words: base };
}

// Letters a file name writes in ASCII: `oekonomiudvalget`, `oekonomi-og-erhvervsudvalget`.
const fold = (s: string): string =>
  s
    .toLocaleLowerCase('da-DK')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/é/g, 'e')
    .replace(/[^a-z0-9]/g, '');
/**
 * A body's name from a file name, its Danish letters back where the file name wrote them in ASCII
 * (`oekonomiudvalget` is Økonomiudvalget, `aeldreraadet` Ældrerådet). `aa` is å only in `råd`: in
 * town names it stays (Aalborg, Høje-Taastrup, Faaborg).
 */
const unfolded = (words: string): string => words.replace(/oe/g, 'ø').replace(/ae/g, 'æ').replace(/raad/g, 'råd').replace(/Oe/g, 'Ø').replace(/Ae/g, 'Æ');
const NOT_A_BODY = new RegExp(String.raw`\b(${[...new Set(DOCUMENT_WORDS.map((d) => d.word.toLowerCase()))].join('|')}|møde|moede|udkast|kopi)\b`, 'gi');
// A name the catalog does not know is taken for a udvalg only when it reads as one: `teknisk-udvalg`, not `nyt`.
/** The headers offered where several udvalg meet: one for each of the first this many of the catalog. */
const MAX_UDVALG_HEADERS = 12;
const BODY_WORD = /udvalg|direktion|byråd|byraad|bestyrelse|råd|raad|forum|gruppe|komit|ledelse/i;
/** The width a header snippet pads its labels to where the members stand in a column beside theirs (`{{MEMBERS_COLUMN}}`). */
const MEMBERS_COLUMN_WIDTH = 14;

/**
 * The header of a new referat, its date from the file name or today. The udvalg is the one the file
 * name says, or the only one that meets; where several meet, each is offered as a header of its own,
 * with its time, place and members filled in (a choice inside one snippet could fill in only its name).
 */
function headerItems(referat: Referat, before: string, line: number, env: CompletionEnv, tr: (t: LocalizedText) => string): CompletionItem[] {
  const named = fromFileName(env.fileName);
  const words = named.words.replace(/[-_]+/g, ' ').replace(NOT_A_BODY, ' ').replace(/\s+/g, ' ').trim();
  const known = words ? env.catalog.udvalg.find((u) => fold(u.navn) === fold(words)) : undefined;
  // The bodies that hold meetings are the ones a referat is of; one only named as deciding is not.
  const meeting = env.catalog.udvalg.filter((u) => u.meets);
  const bodies = meeting.length > 0 ? meeting : env.catalog.udvalg;
  const unknownBody = words && !known && BODY_WORD.test(words) ? capitalize(unfolded(words)) : undefined;
  if (known || unknownBody || bodies.length <= 1) {
    const udvalg = known ?? (unknownBody ? undefined : bodies[0]);
    return [headerItem(referat, before, line, env, tr, { udvalg, bodyName: udvalg?.navn ?? unknownBody, named })];
  }
  return bodies.slice(0, MAX_UDVALG_HEADERS).map((udvalg, i) => {
    const item = headerItem(referat, before, line, env, tr, { udvalg, bodyName: udvalg.navn, named });
    // The name also in the detail, for an editor that shows no label details.
    return { ...item, labelDetails: { description: udvalg.navn }, detail: `${udvalg.navn}: ${item.detail ?? ''}`, sortText: `0${String(i).padStart(3, '0')}` };
  });
}

interface HeaderFor {
  /** The udvalg whose time, place and members fill the header, when the catalog knows it. */
  readonly udvalg: Udvalg | undefined;
  /** The name written in the title: the udvalg's, or one the file name gives that the catalog does not know. */
  readonly bodyName: string | undefined;
  readonly named: { date?: CalendarDate; words: string };
}

function headerItem(
  referat: Referat,
  before: string,
  line: number,
  env: CompletionEnv,
  tr: (t: LocalizedText) => string,
  { udvalg, bodyName, named }: HeaderFor,
): CompletionItem {
  const d = named.date ?? env.today ?? todayInDenmark();
  const bodyPlaceholder = bodyName ? `\${1:${escapeSnippetText(bodyName)}}` : '$1';
  const date = localizedDate(d);
  const weekday = localizedWeekday(weekdayIndex(d));
  const vars: SnippetVars = {
    BODY_PLACEHOLDER: { snippet: bodyPlaceholder },
    TITLE_DATE: formatTitleDate(d),
    WEEKDAY: capitalize(weekdayName(d)),
    WEEKDAY_LOWER: weekdayName(d),
    DAY: String(d.day),
    DAY2: pad2(d.day),
    MONTH: monthName(d.month),
    YEAR: String(d.year),
    TIME: udvalg?.moedetid ?? '',
    TIME_DOT: (udvalg?.moedetid ?? '').replace(':', '.'),
    PLACE: udvalg?.moedested ?? '',
    MEMBERS: (udvalg?.medlemmer ?? []).join(', '),
    MEMBERS_LINES: (udvalg?.medlemmer ?? []).join('\n'),
    // A column beside a label padded to MEMBERS_COLUMN_WIDTH (GetOrganized's `Deltagere:    Anne Holm` /
    // `              Bo Lund`): each name after the first indented to stand under the first.
    MEMBERS_COLUMN: (udvalg?.medlemmer ?? []).join(`\n${' '.repeat(MEMBERS_COLUMN_WIDTH)}`),
    WEEKDAY_DA: weekday.da,
    DATE_DA: date.da,
    WEEKDAY_EN: weekday.en,
    DATE_EN: date.en,
  };
  const template = snippetsFor('header', referat.dialect.id)[0]!;
  const start = before.length - before.trimStart().length;
  return {
    label: tr(template.label),
    kind: CompletionItemKind.Snippet,
    detail: fill(tr(template.detail), vars, { escape: false }),
    documentation: tr({
      da: named.date
        ? 'Datoen er taget fra filnavnet; ugedagen passer til den.'
        : 'Dagens dato; giv filen et navn med mødets dato (fx 2026-12-02-direktionen.referat), så bruges den.',
      en: named.date
        ? 'The date is taken from the file name; the weekday matches it.'
        : "Today's date; name the file with the meeting's date (e.g. 2026-12-02-direktionen.referat) to use that.",
    }),
    filterText: 'referat',
    textEdit: { range: { start: { line, character: start }, end: { line, character: before.length } }, newText: expandBody(template, vars) },
    insertTextFormat: InsertTextFormat.Snippet,
    sortText: '0',
  };
}

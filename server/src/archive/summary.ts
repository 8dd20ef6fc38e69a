import { ATTENDANCE_PHRASES, ATTENDANCE_SOURCE } from '../dialect/vocabulary';
import { lineContent } from '../syntax/content';
import { detectDialect } from '../dialect/detect';
import { SBSYS } from '../dialect/dialects';
import { buildReferat } from '../model/build';
import { todaysDecision } from '../model/decision';
import { PunktMemo, type Exactly } from '../model/moved';
import type { Punkt, Referat } from '../model/types';
import { parseSyntax } from '../syntax/parser';
import { classifyLine, isSectionHeading } from '../syntax/classify';
import { APPROVAL_HEADING, approvalBlockAfter } from '../syntax/linePatterns';
import type { SyntaxLine } from '../syntax/tree';
import { isJournalLine, readEarlierDecision, readHeader, readPunktHeading } from '../model/build';
import { parseJournalLine } from '../model/journal';
import { mayBeSectionHeading, sectionKindOf } from '../model/sections';
import type { CalendarDate, EarlierDecision, Header, PunktHeading, SectionKind } from '../model/types';
import { splitWho, type NamedPerson } from '../model/people';
import { movedRange, type Range } from '../syntax/range';

/**
 * What the archive keeps of one punkt: enough to find, link and tell its case's history. Kept
 * lean on purpose: thousands of meetings stay in memory, and every object kept costs the
 * garbage collector on every pass.
 */
export interface PunktSummary {
  readonly number: number;
  readonly title: string;
  readonly closed: boolean;
  readonly headingRange: Range;
  /** The punkt's journal number, when it is a valid one. */
  readonly journal?: string;
  /** The first lines of the punkt's final Beslutning; never kept for closed punkter. */
  readonly beslutning?: string;
}

/** Names the archive offers for completion when a workspace has no referat.yaml. */
export interface HarvestedNames {
  readonly udvalg: readonly string[];
  readonly strategier: readonly string[];
  readonly lovgrundlag: readonly string[];
  readonly personer: readonly NamedPerson[];
  /** Who recommends, as written before `indstiller`. */
  readonly indstillere: readonly string[];
}

export interface ReferatSummary {
  /** Has a `REFERAT …` title line. */
  readonly titled: boolean;
  /** The udvalg that met, from the title (`Direktionen`). */
  readonly udvalg?: string;
  /** The meeting's date, from Mødedato or else the title. */
  readonly date?: CalendarDate;
  readonly moedested?: string;
  /** The meeting's start, as written (`09:00`), when it is a real time. */
  readonly time?: string;
  /** Names from Mødedeltagere. */
  readonly deltagere: readonly string[];
  readonly punkter: readonly PunktSummary[];
  readonly names: HarvestedNames;
}

/** Whether the archive holds a file so summarised: a referat has a REFERAT title or punkter, whether read from the disk or saved by the editor. */
export function holdsReferat(summary: ReferatSummary): boolean {
  return summary.titled || summary.punkter.length > 0;
}

/** The lines a summary is read from, found in one pass over the text. */
export interface SummaryLines {
  readonly title?: SyntaxLine;
  readonly header: readonly SyntaxLine[];
  readonly punkter: readonly {
    readonly heading: SyntaxLine;
    /** The heading read already, by the pass that found it (a closed punkt's decision is not quoted). */
    readonly read: PunktHeading;
    readonly journal?: SyntaxLine;
    readonly earlier: readonly SyntaxLine[];
    readonly beslutning?: string;
  }[];
  readonly names: HarvestedNames;
}

interface Draft {
  heading: PunktHeading;
  headingLine: SyntaxLine;
  earlierLines: SyntaxLine[];
  journalLine?: SyntaxLine;
  expectJournal: boolean;
  sectionLevel: number;
  section?: SectionKind;
  inBeslutning: boolean;
  beslutning: string[];
  beslutningLength: number;
}

/** A lookup table of character codes below 256: the scan asks about every line. */
function charTable(chars: string): Uint8Array {
  const t = new Uint8Array(256);
  for (const c of chars) t[c.charCodeAt(0)] = 1;
  return t;
}
const DECORATION_CHARS = charTable(' \t#*');
const TRAILING = charTable(' \t,:.*');
// First letters of the section names, both cases (R S L V Ø A I B).
const SECTION_INITIALS = charTable('RSLVØAIBrslvøaib');
// First letters of the header's lines: REFERAT, Mødedato, Afbud, Fraværende, Indholdsfortegnelse.
const HEADER_INITIALS = charTable('RMAFIi');
const CH_P = 80;
const CH_G = 71;
const CH_g = 103;
/** Longer lines are no approval heading. */
const APPROVAL_LINE_LIMIT = 200;
const CH_B = 66;
const CH_b = 98;
const MAX_DECISION = 400;

/**
 * The summary of a referat read in one pass, for indexing an archive of thousands of files: only
 * the lines that can be headings are classified, with the lexer's own patterns, and read with the
 * model's own readers. Agreement with the full parser is a tested property.
 */
export function summarizeReferat(input: string): ReferatSummary {
  // Lemvig's form, the archive's bulk, has the one-pass scan; another system's minutes are parsed whole.
  const dialect = detectDialect(input);
  if (dialect === SBSYS) return readSummary(findSummaryLines(input));
  return summaryOf(buildReferat(parseSyntax(input, dialect)));
}

/**
 * Per punkt object, its summary and the names it holds: a document the editor saved is summarised
 * from its reading, and an edit leaves all but one punkt as they were.
 */
const SUMMARY_FIELDS: Exactly<PunktSummary, 'number' | 'title' | 'closed' | 'headingRange' | 'journal' | 'beslutning'> = true;
void SUMMARY_FIELDS;
const punktParts = new PunktMemo<{ readonly summary: PunktSummary; readonly names: NameCollector }>((part, lines) => ({
  summary: { ...part.summary, headingRange: movedRange(part.summary.headingRange, lines) },
  names: part.names,
}));

function punktPart(p: Punkt): { readonly summary: PunktSummary; readonly names: NameCollector } {
  const hit = punktParts.get(p);
  if (hit) return hit;
  const names = collectNames();
  for (const a of p.attendees) for (const person of splitWhoCached(a.who)) names.personer.set(person.navn, person);
  for (const s of p.sections) {
    const target =
      s.kind === 'sagenAfgoeres' ? names.udvalg : s.kind === 'vision' ? names.strategier : s.kind === 'lovgrundlag' ? names.lovgrundlag : undefined;
    if (target) {
      for (const b of s.body) {
        const name = b.blank || b.text.length > LONGEST_NAME_LINE ? '' : cleanName(b.text);
        if (name && !NOT_A_NAME.test(name)) target.add(name);
      }
    }
    for (const rec of s.recommendations) {
      const by = recommender(rec.by);
      if (by) names.indstillere.add(by);
    }
  }
  const decision = p.closed
    ? undefined
    : todaysDecision(p)
        .sections.flatMap((s) => s.body.filter((b) => !b.blank).map((b) => b.text.trim()))
        .join(' ')
        .slice(0, MAX_DECISION);
  const summary: PunktSummary = {
    number: p.number,
    title: p.title,
    closed: p.closed,
    headingRange: p.headingRange,
    ...(p.journal?.kind === 'valid' ? { journal: p.journal.journal.text } : {}),
    ...(decision ? { beslutning: decision } : {}),
  };
  const part = { summary, names };
  punktParts.set(p, part);
  return part;
}

/** A full parse's summary: what the archive keeps of a referat in another system's dialect. */
export function summaryOf(r: Referat): ReferatSummary {
  const h = r.header;
  const date = h.moedeDato?.date?.date ?? h.title?.date?.date;
  const names = collectNames();
  const punkter: PunktSummary[] = [];
  for (const p of r.punkter) {
    const part = punktPart(p);
    // In document order, as one pass over the punkter would add them.
    for (const [name, person] of part.names.personer) names.personer.set(name, person);
    for (const key of ['udvalg', 'strategier', 'lovgrundlag', 'indstillere'] as const) for (const n of part.names[key]) names[key].add(n);
    punkter.push(part.summary);
  }
  // The header's people after the punkter's, as the one-pass scan has them.
  addHeaderPeople(names.personer, h);
  return {
    ...meetingFields(h, date),
    names: harvested(names),
    punkter,
  };
}

// Headings are short: a long line is body text whatever it starts with, and is never handed to the
// lexer's patterns (which a pathological megabyte line would make slow). Each bound is the longest line
// of its kind the quick scan reads; the full parser's agreement with the scan is a tested property.
/** A `Punkt 3: …` heading. */
const LONGEST_PUNKT_HEADING = 2000;
/** A header line: a field with a long attendee list is still one. */
const LONGEST_HEADER_LINE = 5000;
/** A section heading, from its first letter to the line's end (`Økonomiske konsekvenser og finansiering`). */
const LONGEST_SECTION_HEADING = 64;
/** A `Beslutning …` line, an earlier decision's heading with its udvalg and date. */
const LONGEST_DECISION_HEADING = 300;
/** An `… indstiller` line, as the lexer's own pattern bounds it. */
const LONGEST_INDSTILLER_LINE = 200;
/** A line under `Sagen afgøres i`, `Vision` or `Lovgrundlag` that is a name, not a sentence. */
const LONGEST_NAME_LINE = 160;
/** A line read for who joins the meeting. */
const LONGEST_ATTENDANCE_LINE = 2000;

/** What the one pass has found so far. */
interface Scan {
  readonly text: string;
  title: SyntaxLine | undefined;
  readonly header: SyntaxLine[];
  inHeader: boolean;
  readonly drafts: Draft[];
  punkt: Draft | undefined;
  readonly names: NameCollector;
  /** Where someone joins the meeting, found once per file instead of searched for on every line. */
  readonly attendance: number[];
  nextAttendance: number;
}

/** One line of the text, by index: `k` is where its decoration ends, `first` the character there (-1 for none). */
interface LineAt {
  line: number;
  start: number;
  end: number;
  k: number;
  first: number;
}

/** The one pass: the lines that make the summary, nothing read from them yet. */
export function findSummaryLines(input: string): SummaryLines {
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  // Each CR LF or lone CR becomes one LF: line numbers and columns stay as they were.
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  const scan: Scan = {
    text,
    title: undefined,
    header: [],
    inHeader: true,
    drafts: [],
    punkt: undefined,
    names: collectNames(),
    attendance: phrasePositions(text),
    nextAttendance: 0,
  };
  const at: LineAt = { line: 0, start: 0, end: 0, k: 0, first: -1 };
  // Most lines are body text: they are looked at by index, and only a line that may matter is cut out.
  for (let next = 0; next <= text.length; at.line++) {
    let end = text.indexOf('\n', next);
    if (end < 0) end = text.length;
    at.start = next;
    at.end = end;
    next = end + 1;
    let k = at.start;
    while (k < end && DECORATION_CHARS[text.charCodeAt(k)] === 1) k++;
    at.k = k;
    at.first = k < end ? text.charCodeAt(k) : -1;
    // The approval at the end (`referat approve`) ends the punkter, as the parser reads it.
    if ((at.first === CH_G || at.first === CH_g) && end - at.start <= APPROVAL_LINE_LIMIT && isApprovalStart(text, at.start, end)) break;
    scanLine(scan, at);
  }
  return {
    ...(scan.title ? { title: scan.title } : {}),
    header: scan.header,
    punkter: scan.drafts.map((d) => {
      const beslutning = d.beslutning.join(' ').slice(0, MAX_DECISION);
      return {
        heading: d.headingLine,
        read: d.heading,
        ...(d.journalLine ? { journal: d.journalLine } : {}),
        earlier: d.earlierLines,
        ...(beslutning ? { beslutning } : {}),
      };
    }),
    names: harvested(scan.names),
  };
}

function scanLine(scan: Scan, at: LineAt): void {
  const { text } = scan;
  const length = at.end - at.start;
  const p = scan.punkt;
  if (p?.expectJournal) {
    if (length === 0) return;
    const raw = text.slice(at.start, at.end);
    const kind = classifyLine(raw);
    if (kind === 'blank') return;
    p.expectJournal = false;
    const l = { kind, line: at.line, text: raw };
    if (isJournalLine(l)) {
      p.journalLine = l;
      return;
    }
  }
  if (at.first === CH_P && length < LONGEST_PUNKT_HEADING && startPunkt(scan, at)) return;
  if (scan.inHeader) {
    scanHeaderLine(scan, at);
    return;
  }
  // A blank line inside a punkt changes nothing.
  if (!p || length === 0) return;
  if (isHeadingCandidate(text, at) && scanHeadingCandidate(scan, p, at)) return;
  scanBodyLine(scan, p, at);
}

/** A `Punkt …` line that is a punkt's heading starts the next punkt, and ends the header. */
function startPunkt(scan: Scan, at: LineAt): boolean {
  const raw = scan.text.slice(at.start, at.end);
  const kind = classifyLine(raw);
  if (kind !== 'punktHeading') return false;
  scan.inHeader = false;
  const headingLine = { kind, line: at.line, text: raw };
  scan.punkt = {
    heading: readPunktHeading(headingLine),
    headingLine,
    earlierLines: [],
    expectJournal: true,
    sectionLevel: 0,
    inBeslutning: false,
    beslutning: [],
    beslutningLength: 0,
  };
  scan.drafts.push(scan.punkt);
  return true;
}

function scanHeaderLine(scan: Scan, at: LineAt): void {
  const { header, text } = scan;
  const line = at.line;
  const continues = header.length > 0 && header[header.length - 1]!.line === line - 1;
  if (HEADER_INITIALS[at.first] === 1 && at.end - at.start < LONGEST_HEADER_LINE) {
    const raw = text.slice(at.start, at.end);
    const kind = classifyLine(raw);
    if (kind === 'title' && !scan.title) scan.title = { kind, line, text: raw };
    else if (kind === 'tocHeading') scan.inHeader = false;
    else if (kind === 'field') header.push({ kind, line, text: raw });
    else if (continues) header.push({ kind, line, text: raw });
  } else if (continues) {
    const raw = text.slice(at.start, at.end);
    // A wrapped attendee list continues on the next line.
    if (raw.trim()) header.push({ kind: classifyLine(raw), line, text: raw });
  }
}

/** May the line be a heading? Each test looks only at the line's first or last few characters. */
function isHeadingCandidate(text: string, at: LineAt): boolean {
  const { k, first, start, end } = at;
  const length = end - start;
  return (
    (end - k <= LONGEST_SECTION_HEADING && SECTION_INITIALS[first] === 1 && mayBeSectionHeading(text.slice(k, k + 4))) ||
    ((first === CH_B || first === CH_b) && length <= LONGEST_DECISION_HEADING && text.slice(k, k + 10).toLowerCase() === 'beslutning') ||
    (length <= LONGEST_INDSTILLER_LINE && endsWithIndstiller(text, start, end))
  );
}

/** A heading of an earlier decision, a section or a recommendation moves the punkt on: true when the line was one. */
function scanHeadingCandidate(scan: Scan, p: Draft, at: LineAt): boolean {
  const raw = scan.text.slice(at.start, at.end);
  // Most candidates are section headings: one test says so.
  const kind = isSectionHeading(raw) ? 'sectionHeading' : classifyLine(raw);
  if (kind === 'earlierDecision') {
    const c = lineContent(raw);
    p.earlierLines.push({ kind, line: at.line, text: raw });
    p.inBeslutning = false;
    p.sectionLevel = c.headingLevel;
    p.section = 'tidligereBeslutning';
    return true;
  }
  if (kind === 'sectionHeading') {
    const c = lineContent(raw);
    const isSub = p.sectionLevel > 0 && c.headingLevel > p.sectionLevel;
    const section = sectionKindOf(c.content);
    if (!section || isSub) return false;
    p.sectionLevel = c.headingLevel;
    p.section = section;
    p.inBeslutning = section === 'beslutning';
    if (p.inBeslutning) {
      p.beslutning = [];
      p.beslutningLength = 0;
    }
    return true;
  }
  if (kind === 'indstiller' && !p.inBeslutning) {
    const c = lineContent(raw);
    const by = recommender(c.content);
    if (by) scan.names.indstillere.add(by);
    p.sectionLevel = c.headingLevel;
    p.section = 'indstilling';
    return true;
  }
  return false;
}

/** A line of a punkt's text: a name its section lists, who joins the meeting, the decision's first words. */
function scanBodyLine(scan: Scan, p: Draft, at: LineAt): void {
  const { text, names, attendance } = scan;
  const { start, end } = at;
  const length = end - start;
  if (length <= LONGEST_NAME_LINE && (p.section === 'sagenAfgoeres' || p.section === 'vision' || p.section === 'lovgrundlag')) {
    const name = cleanName(text.slice(start, end));
    if (name && !NOT_A_NAME.test(name))
      (p.section === 'sagenAfgoeres' ? names.udvalg : p.section === 'vision' ? names.strategier : names.lovgrundlag).add(name);
  }
  while (scan.nextAttendance < attendance.length && attendance[scan.nextAttendance]! < start) scan.nextAttendance++;
  // The phrase lies on this line when it comes before the next line's start.
  if (scan.nextAttendance < attendance.length && attendance[scan.nextAttendance]! < end + 1 && length <= LONGEST_ATTENDANCE_LINE) {
    for (const m of text.slice(start, end).matchAll(WHO))
      for (const person of splitWhoCached(m[1]!.replace(/\*\*/g, ''))) names.personer.set(person.navn, person);
  }
  if (p.inBeslutning && !p.heading.closed && p.beslutningLength < MAX_DECISION) {
    const t = text.slice(start, end).trim();
    if (t) {
      p.beslutning.push(t);
      p.beslutningLength += t.length;
    }
  }
}

/** The names a summary gathers while it reads, each once: the same whichever way the summary is read. */
interface NameCollector {
  readonly udvalg: Set<string>;
  readonly strategier: Set<string>;
  readonly lovgrundlag: Set<string>;
  readonly indstillere: Set<string>;
  readonly personer: Map<string, NamedPerson>;
}

function collectNames(): NameCollector {
  return { udvalg: new Set(), strategier: new Set(), lovgrundlag: new Set(), indstillere: new Set(), personer: new Map() };
}

function harvested(names: NameCollector): HarvestedNames {
  return {
    udvalg: [...names.udvalg],
    strategier: [...names.strategier],
    lovgrundlag: [...names.lovgrundlag],
    indstillere: [...names.indstillere],
    personer: [...names.personer.values()],
  };
}

/** What a summary says of the meeting, from its header: the same whichever way the summary is read. */
function meetingFields(h: Header, date: CalendarDate | undefined): Pick<ReferatSummary, 'titled' | 'udvalg' | 'date' | 'moedested' | 'time' | 'deltagere'> {
  return {
    titled: h.title !== undefined,
    ...(h.title?.udvalg ? { udvalg: h.title.udvalg } : {}),
    ...(date ? { date } : {}),
    ...(h.moedested?.value ? { moedested: h.moedested.value } : {}),
    ...(h.moedeDato?.time?.valid ? { time: h.moedeDato.time.text } : {}),
    deltagere: (h.deltagere?.names ?? []).map((n) => n.name),
  };
}

/** The header's present and absent, after the people the punkter named: a name the punkter gave a title keeps it. */
function addHeaderPeople(personer: Map<string, NamedPerson>, header: Header): void {
  for (const n of [...(header.deltagere?.names ?? []), ...(header.afbud?.names ?? [])]) if (!personer.has(n.name)) personer.set(n.name, { navn: n.name });
}

/** The summary read from its lines with the model's own readers. */
export function readSummary(source: SummaryLines): ReferatSummary {
  const header = readHeader(source.title, source.header);
  const personer = new Map(source.names.personer.map((p) => [p.navn, p]));
  addHeaderPeople(personer, header);
  const date = header.moedeDato?.date?.date ?? header.title?.date?.date;
  const meetingYear = date?.year;
  return {
    ...meetingFields(header, date),
    names: { ...source.names, personer: [...personer.values()] },
    punkter: source.punkter.map((d) => {
      const heading = d.read;
      // The case year's century depends on the meeting, known only once the header is read.
      const journal = d.journal ? parseJournalLine(d.journal.text, d.journal.line, meetingYear, SBSYS) : undefined;
      return {
        number: heading.number,
        title: heading.title,
        closed: heading.closed,
        headingRange: heading.headingRange,
        ...(journal?.kind === 'valid' ? { journal: journal.journal.text } : {}),
        ...(d.beslutning ? { beslutning: d.beslutning } : {}),
      };
    }),
  };
}

/** The earlier decisions a punkt of the summary quotes, read as the full parser reads them. */
export function readSummaryEarlier(line: SyntaxLine): EarlierDecision {
  const c = lineContent(line.text);
  return readEarlierDecision(line, c.content, c.start);
}

/** Longer, the words before `indstiller` are a sentence, not who recommends. */
const LONGEST_RECOMMENDER = 60;

/** `**Kommunaldirektøren indstiller,**` → `Kommunaldirektøren`; a long line is a sentence, not a recommender. */
function recommender(content: string): string | undefined {
  const by = content
    .replace(/\*\*/g, '')
    .replace(/[ \t]*indstiller[ \t]*[,:.]?[ \t]*$/i, '')
    .trim();
  return by && by.length <= LONGEST_RECOMMENDER && /^\p{Lu}/u.test(by) ? by : undefined;
}

/** `- **Lov om social service**.` → `Lov om social service`; each step only when the line needs it. */
function cleanName(raw: string): string {
  let s = LEADING_JUNK.test(raw) ? raw.replace(/^[\s\-*•]+/, '') : raw;
  if (s.includes('**')) s = s.replace(/\*\*/g, '');
  s = s.trim();
  return s.endsWith('.') ? s.slice(0, -1) : s;
}
const LEADING_JUNK = /^[\s\-*•]/;

// Section values that are no name: `Ingen.`, `Ikke vurderet`.
const NOT_A_NAME = /^(ingen|intet|ikke (vurderet|relevant)|-|se (ovenfor|bilag))$/i;
// Who joins: back to the start of the sentence.
const WHO = new RegExp(String.raw`(?:^|[.!?]\s+)([^.!?]{3,200}?)\s+` + ATTENDANCE_SOURCE, 'gu');

// String search is several times faster than a regex alternation over a whole file.
function phrasePositions(text: string): number[] {
  // One pass per first word the phrases share (`deltager …`, `deltog …`: `delt`), not one per phrase.
  const out: number[] = [];
  for (const [stem, phrases] of PHRASE_STEMS) {
    for (let i = text.indexOf(stem); i >= 0; i = text.indexOf(stem, i + 1)) {
      const phrase = phrases.find((p) => text.startsWith(p, i));
      if (!phrase) continue;
      out.push(i);
      i += phrase.length - 1;
    }
  }
  return out.sort((a, b) => a - b);
}

/** The attendance phrases by their first four characters. */
const PHRASE_STEMS: ReadonlyMap<string, readonly string[]> = (() => {
  const by = new Map<string, string[]>();
  for (const p of ATTENDANCE_PHRASES) {
    const stem = p.slice(0, 4);
    by.set(stem, [...(by.get(stem) ?? []), p]);
  }
  return by;
})();

/** The cheap test before the lexer's own: does the line end in `indstiller` and punctuation? */
function endsWithIndstiller(text: string, from: number, to: number): boolean {
  let e = to;
  while (e > from && TRAILING[text.charCodeAt(e - 1)] === 1) e--;
  if (e - from < 10 || (text.charCodeAt(e - 1) | 32) !== 114) return false; // 'r'
  return text.slice(e - 10, e).toLowerCase() === 'indstiller';
}

// The same people join meeting after meeting: split each phrase once. The cache is emptied when it
// reaches this size, so an archive of many different phrases does not keep them all.
const WHO_CACHE_SIZE = 10_000;
const whoCache = new Map<string, NamedPerson[]>();
function splitWhoCached(who: string): NamedPerson[] {
  let hit = whoCache.get(who);
  if (!hit) {
    if (whoCache.size > WHO_CACHE_SIZE) whoCache.clear();
    whoCache.set(who, (hit = splitWho(who)));
  }
  return hit;
}

/** A `Godkendelse` heading at `start`, its fields and its seal after it: where the parser cuts the approval off. */
function isApprovalStart(text: string, start: number, end: number): boolean {
  if (!APPROVAL_HEADING.test(text.slice(start, end).trimEnd())) return false;
  // The lines after the heading, read one by one as they are asked for; empty ones are no lines to the
  // lexer (only their breaks), and are passed over here as the parser's tokens pass over them.
  let next = end + 1;
  const lines: string[] = [];
  return (
    approvalBlockAfter((k) => {
      while (lines.length <= k && next < text.length) {
        let e = text.indexOf('\n', next);
        if (e < 0) e = text.length;
        const line = text.slice(next, e).replace(/\r$/, '');
        if (line !== '') lines.push(line);
        next = e + 1;
      }
      return lines[k];
    }) === 'sealed'
  );
}

import { movedRange, type Range } from '../syntax/range';
import { SourceLine, type PunktSyntax, type SyntaxLine } from '../syntax/tree';
import type {
  AttendeeMention,
  BodyLine,
  DateValue,
  EarlierDecision,
  JournalLine,
  JournalNumber,
  KleParts,
  Mutable,
  Punkt,
  Recommendation,
  RecommendationBullet,
  Section,
  TimeValue,
} from './types';

/*
 * Punkter moved by whole lines. An edit that adds or removes a line (Enter, a pasted paragraph)
 * moves every punkt after it: each reads as it did, only higher or lower in the document. Such a
 * punkt is not built again but moved (`movedPunkt`), and what was worked out for it, its findings,
 * its spelling notes, its protokol, is taken from the punkt it was moved from and moved alike
 * (`PunktMemo`): on a long referat an Enter near the top no longer reads and judges every punkt.
 * Property tests hold the result to a fresh reading of the same text.
 *
 * Each type is moved by a function of its own that names its fields: a punkt of a 1 MB referat
 * holds some 130 objects, and a copy that looked for positions in any object took three times as long.
 * The key lists below fail to compile when a field is added to the model, so it cannot be left unmoved.
 */

/** True where `K` names every key of `T` and nothing else: a mover's list of the fields it knows. */
export type Exactly<T, K extends PropertyKey> = [Exclude<keyof T, K>, Exclude<K, keyof T>] extends [never, never] ? true : false;

const POSITIONED_FIELDS: {
  punkt: Exactly<
    Punkt,
    | 'number'
    | 'subNumber'
    | 'numberRange'
    | 'title'
    | 'titleRange'
    | 'closed'
    | 'headingRange'
    | 'headingLevel'
    | 'journal'
    | 'intro'
    | 'introDecision'
    | 'sections'
    | 'attendees'
    | 'range'
  >;
  section: Exactly<
    Section,
    'kind' | 'title' | 'headingText' | 'headingRange' | 'implicit' | 'headingLevel' | 'body' | 'range' | 'earlier' | 'entries' | 'recommendations'
  >;
  earlier: Exactly<EarlierDecision, 'form' | 'range' | 'udvalgText' | 'udvalg' | 'date' | 'punktNumber' | 'punktRange' | 'planned'>;
  journal: Exactly<JournalNumber, 'text' | 'range' | 'scheme' | 'yearDigits' | 'caseYear' | 'yearRange' | 'kle'>;
  kle: Exactly<KleParts, 'emne' | 'hovedgruppe' | 'gruppe' | 'facet' | 'serial' | 'form' | 'parts'>;
  date: Exactly<DateValue, 'text' | 'range' | 'date' | 'problem'>;
  time: Exactly<TimeValue, 'text' | 'range' | 'hour' | 'minute' | 'valid'>;
  attendee: Exactly<AttendeeMention, 'range' | 'who' | 'time'>;
  recommendation: Exactly<Recommendation, 'by' | 'range' | 'bullets'>;
  bullet: Exactly<RecommendationBullet, 'text' | 'range'>;
  body: Exactly<BodyLine, 'line' | 'text' | 'range' | 'subHeadingLevel' | 'blank'>;
} = {
  punkt: true,
  section: true,
  earlier: true,
  journal: true,
  kle: true,
  date: true,
  time: true,
  attendee: true,
  recommendation: true,
  bullet: true,
  body: true,
};
void POSITIONED_FIELDS;

/** A line class whose range is worked out from its number: it moves itself. */
interface MovableLine extends BodyLine {
  movedBy(lines: number): BodyLine;
}

/*
 * Each copy is one spread of the object, then its moved fields written over: V8 clones the
 * object's layout at once for a literal that only spreads one object, and writing a field it has
 * keeps the layout. A second spread in the literal (`...(a ? { a } : {})`) goes the slow way.
 */

/**
 * A move: how far, and, where the punkt's syntax lines before and after are known, the lines
 * themselves. The model's body lines are the syntax's own line objects; a moved punkt takes the
 * new syntax's line at the same index, made already, so nothing is made for it.
 */
interface Move {
  readonly lines: number;
  readonly before?: readonly SyntaxLine[];
  readonly after?: readonly SyntaxLine[];
}

/** The line of `after` at the index `l` has in `before` (sorted by line, found by halving), or undefined. */
function sameLineAfter(l: BodyLine, m: Move): SyntaxLine | undefined {
  const { before, after } = m;
  if (!before || !after) return undefined;
  let lo = 0;
  let hi = before.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = before[mid]!;
    if (at.line < l.line) lo = mid + 1;
    else if (at.line > l.line) hi = mid - 1;
    else return (at as object) === l ? after[mid] : undefined;
  }
  return undefined;
}

function movedLine(l: BodyLine, m: Move): BodyLine {
  const made = sameLineAfter(l, m);
  if (made instanceof SourceLine) return made;
  const movable = l as Partial<MovableLine>;
  if (typeof movable.movedBy === 'function') return movable.movedBy(m.lines);
  const out: Mutable<BodyLine> = { ...l };
  out.line = l.line + m.lines;
  out.range = movedRange(l.range, m.lines);
  return out;
}

function movedLines(ls: readonly BodyLine[], m: Move): BodyLine[] {
  const out = new Array<BodyLine>(ls.length);
  for (let i = 0; i < ls.length; i++) out[i] = movedLine(ls[i]!, m);
  return out;
}

/** A copy of anything with a range, the range moved by `lines`: the movers of findings and the protokol use it too. */
export function withMovedRange<T extends { readonly range: Range }>(x: T, lines: number): T {
  const out: Mutable<T> = { ...x };
  out.range = movedRange(x.range, lines);
  return out;
}

function movedJournal(j: JournalLine, m: Move): JournalLine {
  if (j.kind === 'malformed') return withMovedRange(j, m.lines);
  const n: Mutable<JournalNumber> = { ...j.journal };
  n.range = movedRange(n.range, m.lines);
  n.yearRange = movedRange(n.yearRange, m.lines);
  if (n.kle) {
    const kle: Mutable<KleParts> = { ...n.kle };
    kle.parts = { emne: movedRange(kle.parts.emne, m.lines), facet: movedRange(kle.parts.facet, m.lines), serial: movedRange(kle.parts.serial, m.lines) };
    n.kle = kle;
  }
  return { kind: 'valid', journal: n };
}

function movedEarlier(e: EarlierDecision, m: Move): EarlierDecision {
  const out: Mutable<EarlierDecision> = { ...e };
  out.range = movedRange(e.range, m.lines);
  if (e.date) out.date = withMovedRange(e.date, m.lines);
  if (e.punktRange) out.punktRange = movedRange(e.punktRange, m.lines);
  return out;
}

function movedRecommendation(r: Recommendation, m: Move): Recommendation {
  const out: Mutable<Recommendation> = { ...r };
  out.range = movedRange(r.range, m.lines);
  out.bullets = r.bullets.map((b) => withMovedRange(b, m.lines));
  return out;
}

function movedSection(s: Section, m: Move): Section {
  const out: Mutable<Section> = { ...s };
  out.headingRange = movedRange(s.headingRange, m.lines);
  out.body = movedLines(s.body, m);
  out.range = movedRange(s.range, m.lines);
  if (s.earlier) out.earlier = movedEarlier(s.earlier, m);
  if (s.entries) out.entries = s.entries.map((e) => movedEarlier(e, m));
  if (s.recommendations.length > 0) out.recommendations = s.recommendations.map((r) => movedRecommendation(r, m));
  return out;
}

function movedAttendee(a: AttendeeMention, m: Move): AttendeeMention {
  const out: Mutable<AttendeeMention> = { ...a };
  out.range = movedRange(a.range, m.lines);
  if (a.time) out.time = withMovedRange(a.time, m.lines);
  return out;
}

function copyMoved(p: Punkt, m: Move): Punkt {
  const out: Mutable<Punkt> = { ...p };
  out.numberRange = movedRange(p.numberRange, m.lines);
  out.titleRange = movedRange(p.titleRange, m.lines);
  out.headingRange = movedRange(p.headingRange, m.lines);
  if (p.journal) out.journal = movedJournal(p.journal, m);
  out.intro = movedLines(p.intro, m);
  out.sections = p.sections.map((s) => movedSection(s, m));
  if (p.attendees.length > 0) out.attendees = p.attendees.map((a) => movedAttendee(a, m));
  out.range = movedRange(p.range, m.lines);
  return out;
}

/**
 * Each moved punkt's origin: the punkt whose values it takes, and how far it was moved from it. One
 * step only: the punkt a move starts from forgets its own origin, so old readings are not held in
 * memory.
 */
const origins = new WeakMap<Punkt, { readonly punkt: Punkt; readonly lines: number }>();
/** Punkter a memo holds a value for: a moved punkt that is not among them hands on its own origin. */
const withValues = new WeakSet<Punkt>();

/**
 * The punkt moved by `lines` (a copy; the punkt itself is left as it is, an older reading may hold
 * it). Given the syntax it was built from and the syntax it stands for now (the same lines, moved),
 * its body lines are the new syntax's own. A punkt moved twice before anything was worked out for
 * it (two Enters while only completion read the text) is moved from the first one's origin, which
 * holds the values.
 */
export function movedPunkt(p: Punkt, lines: number, syntax?: { readonly before: PunktSyntax; readonly after: PunktSyntax }): Punkt {
  if (lines === 0) return p;
  const to = copyMoved(p, { lines, ...(syntax ? { before: syntax.before.lines, after: syntax.after.lines } : {}) });
  const earlier = origins.get(p);
  origins.set(to, earlier && !withValues.has(p) ? { punkt: earlier.punkt, lines: earlier.lines + lines } : { punkt: p, lines });
  origins.delete(p);
  return to;
}

/**
 * What was worked out per punkt, by punkt object: a punkt moved by whole lines takes its origin's
 * value, moved by `move`. A value that holds only what is relative to the punkt (indices of its
 * lines) says so with a `move` that returns it as it is. Whether a value still holds (a
 * dictionary, the document's facts) is for the caller to tell, as for any value it finds.
 */
export class PunktMemo<V> {
  private readonly values = new WeakMap<Punkt, V>();

  constructor(private readonly move: (value: V, lines: number) => V) {}

  get(p: Punkt): V | undefined {
    const own = this.values.get(p);
    if (own !== undefined) return own;
    const origin = origins.get(p);
    const from = origin && this.values.get(origin.punkt);
    if (!origin || from === undefined) return undefined;
    const value = origin.lines === 0 ? from : this.move(from, origin.lines);
    this.set(p, value);
    return value;
  }

  set(p: Punkt, value: V): void {
    this.values.set(p, value);
    withValues.add(p);
  }
}

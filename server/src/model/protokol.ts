// The beslutningsprotokol of one punkt, read from today's decision as the minutes write it: the
// votes, who took no part (absent, inhabil, left), the suppleanter and the protokoltilførsler.
// Only today's decision is read: a vote quoted under "Sagens forløb" is an earlier meeting's.
import {
  AGREE_VERB,
  AGREE_VERB_ANY,
  COUNT_ABSTAIN,
  COUNT_AGAINST,
  COUNT_CONTEXT,
  COUNT_FOR,
  INHABIL_DECLARED,
  INHABIL_SUBJECT,
  INHABIL_WORD,
  INHABILITET,
  LEFT_PUNKT,
  LEFT_WORD,
  LIST_END,
  LIST_SEPARATOR,
  NOT_VOTERS,
  OUTCOME_APPROVED,
  OUTCOME_REJECTED,
  WANT_OF_UNANIMITY,
  PARTY_BARE,
  PARTY_GROUP_SUFFIX,
  PARTY_NAMES,
  PARTY_IN_PARENS,
  PERSON_NAME,
  PERSON_WITH_PARTY,
  PUNKT_ABSENT_LABEL,
  REMARK_AFTER_VOTE,
  REMARK_AFTER_WORD,
  REMARK_LABEL,
  REMARK_VERB,
  REMARK_WORD,
  SUBSTITUTE,
  SUBSTITUTE_PAREN,
  SUBSTITUTE_WORD,
  VOTE_LABEL,
  VOTE_ON_PREFIX,
  VOTE_ON_WITHIN,
  VOTE_VERB,
  VERB_WORD,
  type VoteSide,
} from '../dialect/protokol';
import { lineRange, movedRange, type Range } from '../syntax/range';
import { todaysDecision } from './decision';
import { PunktMemo, withMovedRange, type Exactly } from './moved';
import type { BodyLine, Mutable, Punkt } from './types';

export type { VoteSide } from '../dialect/protokol';

/** A voter or a person as written: a party letter (`V`), a person (`Liselott Blixt`), or both. */
export interface Voter {
  /** As written, without parentheses around a lone party letter: `V`, `Liselott Blixt (UP)`. */
  readonly text: string;
  readonly name?: string;
  readonly party?: string;
  readonly range: Range;
}

export interface VoteCounts {
  readonly for: number | null;
  readonly against: number | null;
  readonly abstain: number | null;
}

/** One vote taken at this meeting. */
export interface Vote {
  /** What was voted on, as written (`1 a`, `indstillingspunkt 2 og 3`), or null. */
  readonly on: string | null;
  readonly for: readonly Voter[];
  readonly against: readonly Voter[];
  readonly abstain: readonly Voter[];
  /** The counts where the text writes them. */
  readonly counts: VoteCounts | null;
  /** Where the counts are written, when they are. */
  readonly countsRange?: Range;
  /** The outcome the decision writes for it, when it does. */
  readonly outcome?: 'approved' | 'rejected';
  readonly outcomeRange?: Range;
  /** Rejected for want of agreement (`… idet der ikke kunne opnås enighed`): the outcome says nothing of the majority. */
  readonly wantOfUnanimity?: true;
  /** First to last line of the vote. */
  readonly range: Range;
}

export interface Substitute {
  readonly name: string;
  readonly for: string;
  readonly range: Range;
}

export interface Remark {
  readonly by: readonly Voter[];
  readonly text: string;
  readonly range: Range;
}

export interface PunktProtokol {
  readonly votes: readonly Vote[];
  /** Who took no part in this punkt as the punkt says: `Ikke til stede`, `Fraværende`, who left. */
  readonly absent: readonly Voter[];
  readonly inhabil: readonly Voter[];
  readonly substitutes: readonly Substitute[];
  readonly remarks: readonly Remark[];
  /** Every line of today's decision is about the protokol (votes, attendance, inhabilitet), none a decision. */
  readonly onlyProtokol: boolean;
  /** Today's decision has at least one line. */
  readonly hasLines: boolean;
}

/** Longest list of voters read on one line: a byråd has at most 31 members, parties fewer. */
const MAX_VOTERS_PER_LINE = 64;
/** Longest line read for the protokol: a vote or an absence is written in a sentence or two. */
const MAX_PROTOKOL_LINE = 2000;

interface Draft {
  on: string | null;
  for: Voter[];
  against: Voter[];
  abstain: Voter[];
  counts: { for: number | null; against: number | null; abstain: number | null } | null;
  countsRange?: Range;
  outcome?: 'approved' | 'rejected';
  outcomeRange?: Range;
  wantOfUnanimity?: true;
  first: number;
  last: number;
  lastLength: number;
}

/** A line without its bullet marker, emphasis and surrounding spaces; `offset` is where that text begins. */
function plain(text: string): { text: string; offset: number } {
  const m = PLAIN_START.exec(text)!;
  const start = m[0].length;
  // What `/(?:\*\*|__|\*|_)?[ \t]*$/` removes, read from the end: that pattern, tried at every
  // position of the line, cost more than the rest of the line's reading.
  let end = text.length;
  while (end > start && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  if (end - 2 >= start && (text.endsWith('**', end) || text.endsWith('__', end))) end -= 2;
  else if (end - 1 >= start && (text.charCodeAt(end - 1) === 42 || text.charCodeAt(end - 1) === 95)) end--;
  return { text: text.slice(start, end), offset: start };
}

const PLAIN_START = /^[ \t]*(?:[-*•–][ \t]+|#{1,6}[ \t]+)?(?:\*\*|__|\*|_)?/;

/** One token of a voters' list: `(V)`, `V`, `Liselott Blixt (UP)`, `Tina Rottbøll`; undefined when it is prose. */
function readVoter(token: string, line: number, start: number): Voter | undefined {
  const t = token.trim();
  if (t.length === 0) return undefined;
  const lead = start + token.indexOf(t);
  const range = lineRange(line, lead, lead + t.length);
  const paren = PARTY_IN_PARENS.exec(t);
  if (paren) return { text: paren[1]!, party: paren[1]!, range };
  if (PARTY_BARE.test(t)) return { text: t, party: t, range };
  const named = partyByName(t);
  if (named) return { text: t, party: named, range };
  const withParty = PERSON_WITH_PARTY.exec(t);
  if (withParty && PERSON_NAME.test(withParty[1]!.trim())) return { text: t, name: withParty[1]!.trim(), party: withParty[2]!, range };
  // A person is written with a full name; one capitalised word (`Magistraten`, `Rådmanden`) is no voter.
  if (PERSON_NAME.test(t) && /[ \t]/.test(t) && !NOT_VOTERS.test(t)) return { text: t, name: t, range };
  return undefined;
}

/**
 * A list of voters from `start` in `text`, up to where prose begins. `strict`: every token must
 * read as a voter (the voters before a verb); otherwise the list ends at the first that does not.
 */
function readVoters(text: string, start: number, line: number, opts: { strict: boolean }): { voters: Voter[]; end: number } | undefined {
  const rest = text.slice(start);
  const stop = LIST_END.exec(rest);
  const listText = stop ? rest.slice(0, stop.index) : rest;
  const voters: Voter[] = [];
  let at = 0;
  const sep = new RegExp(LIST_SEPARATOR.source, 'g');
  let m: RegExpExecArray | null;
  const tokens: { token: string; at: number }[] = [];
  while ((m = sep.exec(listText)) !== null && tokens.length < MAX_VOTERS_PER_LINE) {
    if (m[0].length === 0) {
      sep.lastIndex++;
      continue;
    }
    tokens.push({ token: listText.slice(at, m.index), at });
    at = m.index + m[0].length;
  }
  tokens.push({ token: listText.slice(at), at });
  for (const { token, at: tokenAt } of tokens) {
    if (token.trim().length === 0) continue;
    const v = readVoter(token, line, start + tokenAt);
    if (!v) {
      if (opts.strict) return undefined;
      break;
    }
    voters.push(v);
  }
  if (voters.length === 0) return undefined;
  return { voters, end: start + listText.length };
}

/** `Radikale Venstres byrådsgruppe` → `B`: a party written by its name, genitive and group word allowed. */
function partyByName(token: string): string | undefined {
  const bare = token.replace(PARTY_GROUP_SUFFIX, '').toLocaleLowerCase('da');
  return PARTY_NAMES.get(bare) ?? (bare.endsWith('s') ? PARTY_NAMES.get(bare.slice(0, -1)) : undefined);
}

function readCounts(text: string): VoteCounts | null {
  if (!COUNT_CONTEXT.test(text)) return null;
  const f = COUNT_FOR.exec(text);
  const a = COUNT_AGAINST.exec(text);
  const ab = COUNT_ABSTAIN.exec(text);
  if (!f && !a) return null;
  return { for: f ? Number(f[1]) : null, against: a ? Number(a[1]) : null, abstain: ab ? Number(ab[1]) : null };
}

function outcomeOf(text: string): 'approved' | 'rejected' | undefined {
  if (OUTCOME_REJECTED.test(text)) return 'rejected';
  if (OUTCOME_APPROVED.test(text)) return 'approved';
  return undefined;
}

/** What one line says for the protokol, if anything. */
interface LineReading {
  readonly votes?: { side: VoteSide; voters: Voter[]; labelled: boolean };
  readonly counts?: VoteCounts;
  readonly on?: string;
  readonly outcome?: 'approved' | 'rejected';
  readonly wantOfUnanimity?: true;
  readonly absent?: Voter[];
  /** `Ikke til stede:` with the names on the lines below. */
  readonly absentListFollows?: boolean;
  readonly inhabil?: Voter[];
  readonly substitute?: { name: string; for: string };
  readonly remark?: { by: Voter[]; text: string };
  /** The line is about the protokol only: it decides nothing. */
  readonly protokolOnly: boolean;
}

function readLabelledVote(text: string, offset: number, line: number): LineReading | undefined {
  for (const { side, pattern } of VOTE_LABEL) {
    const m = pattern.exec(text);
    if (!m) continue;
    const list = readVoters(text, m[0].length, line, { strict: false });
    const voters = (list?.voters ?? []).map((v) => shift(v, offset));
    const after = list ? text.slice(list.end) : '';
    const remark = remarkAfter(after, voters);
    return { votes: { side, voters, labelled: true }, ...(remark ? { remark } : {}), protokolOnly: true };
  }
  return undefined;
}

const VERBS = [...VOTE_VERB, ...AGREE_VERB];

function readVerbVote(text: string, offset: number, line: number): LineReading | undefined {
  if (!VERB_WORD.test(text)) return undefined;
  for (const { side, pattern } of VERBS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const list = readVoters(text.slice(0, m.index), 0, line, { strict: true });
    if (!list || list.end !== m.index) return undefined;
    const voters = list.voters.map((v) => shift(v, offset));
    const after = text.slice(m.index + m[0].length);
    const remark = remarkAfter(after, voters);
    // Aarhus' `… kunne tiltræde indstillingen` carries the decision's substance; `… stemte imod` only the vote.
    const agrees = AGREE_VERB.some((v) => v.pattern === pattern);
    return { votes: { side, voters, labelled: false }, ...(remark ? { remark } : {}), protokolOnly: !agrees && outcomeOf(after) === undefined };
  }
  return undefined;
}

function remarkAfter(after: string, by: Voter[]): { by: Voter[]; text: string } | undefined {
  const r = REMARK_AFTER_VOTE.exec(after);
  if (!r || by.length === 0) return undefined;
  const said = after.slice(r.index + r[0].length).trim();
  if (said.length === 0) return undefined;
  // `Imod stemte (Ø) og (F). (F) med bemærkning om, …`: the remark is theirs who are named before it.
  const named = /^[.;][ \t]+(.+)$/.exec(after.slice(0, r.index));
  const own = named ? readVoters(named[1]!, 0, by[0]!.range.start.line, { strict: true }) : undefined;
  return { by: own && own.end === named![1]!.length ? own.voters : by, text: said };
}

function shift(v: Voter, by: number): Voter {
  if (by === 0) return v;
  return { ...v, range: lineRange(v.range.start.line, v.range.start.character + by, v.range.end.character + by) };
}

function readRemark(text: string, offset: number, line: number): LineReading | undefined {
  const label = REMARK_LABEL.exec(text);
  if (label) {
    const by = label[1] ? (readVoters(label[1], 0, line, { strict: false })?.voters ?? []).map((v) => shift(v, offset + label[0].indexOf(label[1]!))) : [];
    return { remark: { by, text: text.slice(label[0].length).trim() }, protokolOnly: true };
  }
  const verb = REMARK_WORD.test(text) ? REMARK_VERB.exec(text) : null;
  if (!verb) return undefined;
  const list = readVoters(text.slice(0, verb.index), 0, line, { strict: true });
  if (!list || list.end !== verb.index) return undefined;
  return { remark: { by: list.voters.map((v) => shift(v, offset)), text: text.slice(verb.index + verb[0].length).trim() }, protokolOnly: true };
}

function readAttendance(text: string, offset: number, line: number): LineReading | undefined {
  const label = PUNKT_ABSENT_LABEL.exec(text);
  if (label) {
    const rest = text.slice(label[0].length);
    if (rest.trim().length === 0) return { absentListFollows: true, protokolOnly: true };
    const list = readVoters(text, label[0].length, line, { strict: false });
    return { absent: (list?.voters ?? []).map((v) => shift(v, offset)), protokolOnly: true };
  }
  const substitute = SUBSTITUTE_WORD.test(text);
  const sub = substitute ? SUBSTITUTE.exec(text) : null;
  if (sub) {
    const who = readVoters(text.slice(0, sub.index), 0, line, { strict: true });
    const forWhom = readVoters(text, sub.index + sub[0].length, line, { strict: false });
    if (who && forWhom && who.voters.length === 1) return { substitute: { name: who.voters[0]!.text, for: forWhom.voters[0]!.text }, protokolOnly: true };
  }
  const paren = substitute ? SUBSTITUTE_PAREN.exec(text) : null;
  if (paren) {
    const who = readVoters(text.slice(0, paren.index), 0, line, { strict: true });
    if (who && who.voters.length === 1) return { substitute: { name: who.voters[0]!.text, for: paren[1]!.trim() }, protokolOnly: true };
  }
  const left = LEFT_WORD.test(text) ? LEFT_PUNKT.exec(text) : null;
  if (left) {
    const who = readVoters(text.slice(0, left.index), 0, line, { strict: true });
    if (who && who.end === left.index) return { absent: who.voters.map((v) => shift(v, offset)), protokolOnly: outcomeOf(text) === undefined };
  }
  return undefined;
}

function readInhabil(text: string, offset: number, line: number): LineReading | undefined {
  if (!INHABIL_WORD.test(text)) return undefined;
  const declared = INHABIL_DECLARED.exec(text);
  if (declared) {
    const list = readVoters(declared[1]!, 0, line, { strict: true });
    if (list) return { inhabil: list.voters.map((v) => shift(v, offset + declared.index + declared[0].indexOf(declared[1]!))), protokolOnly: true };
  }
  const subject = INHABIL_SUBJECT.exec(text);
  if (subject) {
    const list = readVoters(text.slice(0, subject.index), 0, line, { strict: true });
    if (list && list.end === subject.index) {
      const left = LEFT_PUNKT.test(text);
      const inhabil = list.voters.map((v) => shift(v, offset));
      return { inhabil, ...(left ? { absent: inhabil } : {}), protokolOnly: true };
    }
  }
  // `X deltog ikke i behandlingen af punktet på grund af inhabilitet`: inhabil, and not there.
  const left = INHABILITET.test(text) ? LEFT_PUNKT.exec(text) : null;
  if (left) {
    const who = readVoters(text.slice(0, left.index), 0, line, { strict: true });
    if (who && who.end === left.index) {
      const inhabil = who.voters.map((v) => shift(v, offset));
      return { inhabil, absent: inhabil, protokolOnly: true };
    }
  }
  // A question or a remark about inhabilitet is still not a decision.
  return { protokolOnly: outcomeOf(text) === undefined };
}

/** Everything one decision line says for the protokol. */
function readLine(l: BodyLine): LineReading | undefined {
  if (l.text.length > MAX_PROTOKOL_LINE) return undefined;
  const p = plain(l.text);
  let text = p.text;
  let offset = p.offset;
  let on: string | undefined;
  const prefix = VOTE_ON_PREFIX.exec(text);
  if (prefix) {
    on = prefix[1]!.replace(/[ \t]+/g, ' ');
    text = text.slice(prefix[0].length);
    offset += prefix[0].length;
  }
  // What a vote was on is named before any remark: a remark may name other indstillingspunkter.
  const remarkAt = REMARK_AFTER_WORD.test(text) ? REMARK_AFTER_VOTE.exec(text)?.index : undefined;
  const within = VOTE_ON_WITHIN.exec(remarkAt === undefined ? text : text.slice(0, remarkAt));
  if (!on && within) on = `indstillingspunkt ${within[1]!}`;
  const counts = readCounts(text) ?? undefined;
  const found =
    readLabelledVote(text, offset, l.line) ??
    readRemark(text, offset, l.line) ??
    readInhabil(text, offset, l.line) ??
    readAttendance(text, offset, l.line) ??
    readVerbVote(text, offset, l.line);
  // `(Ø) kunne ikke tiltræde indstillingen` is how (Ø) voted, not what was decided.
  const outcome = outcomeOf(found?.votes && !found.votes.labelled ? text.replace(AGREE_VERB_ANY, ' ') : text);
  if (!found && !counts && !outcome) return undefined;
  return {
    ...(found ?? { protokolOnly: false }),
    ...(counts ? { counts } : {}),
    ...(on ? { on } : {}),
    ...(outcome ? { outcome } : {}),
    ...(outcome === 'rejected' && WANT_OF_UNANIMITY.test(text) ? { wantOfUnanimity: true as const } : {}),
    protokolOnly: (found?.protokolOnly ?? false) && !outcome,
  };
}

class ProtokolReader {
  readonly votes: Draft[] = [];
  readonly absent: Voter[] = [];
  readonly inhabil: Voter[] = [];
  readonly substitutes: Substitute[] = [];
  readonly remarks: Remark[] = [];
  private listFollows = false;
  /** The outcome and its place last written before any vote in the group, for the vote that follows. */
  private pendingOutcome: { outcome: 'approved' | 'rejected'; range: Range; on?: string; wantOfUnanimity?: true } | undefined;
  onlyProtokol = true;
  hasLines = false;

  read(lines: readonly BodyLine[]): void {
    for (const l of lines) {
      if (l.blank) {
        this.listFollows = false;
        continue;
      }
      this.hasLines = true;
      if (this.listFollows && this.readFollowingName(l)) continue;
      this.listFollows = false;
      const r = readLine(l);
      if (!r || !r.protokolOnly) this.onlyProtokol = false;
      if (r) this.take(r, l);
    }
  }

  private readFollowingName(l: BodyLine): boolean {
    const p = plain(l.text);
    const list = readVoters(p.text, 0, l.line, { strict: true });
    if (!list || list.end < p.text.trimEnd().length) return false;
    addPeople(
      this.absent,
      list.voters.map((v) => shift(v, p.offset)),
    );
    return true;
  }

  private take(r: LineReading, l: BodyLine): void {
    const range = lineRange(l.line, 0, l.text.length);
    if (r.absentListFollows) this.listFollows = true;
    if (r.absent) addPeople(this.absent, r.absent);
    if (r.inhabil) addPeople(this.inhabil, r.inhabil);
    if (r.substitute) this.substitutes.push({ ...r.substitute, range });
    if (r.remark) this.remarks.push({ ...r.remark, range });
    if (r.counts || r.votes) this.takeVote(r, l, range);
    else if (r.outcome)
      this.pendingOutcome = { outcome: r.outcome, range, ...(r.on ? { on: r.on } : {}), ...(r.wantOfUnanimity ? { wantOfUnanimity: true } : {}) };
  }

  private takeVote(r: LineReading, l: BodyLine, range: Range): void {
    let v = this.votes[this.votes.length - 1];
    const startsNew =
      !v ||
      (r.on !== undefined && v.on !== null && r.on !== v.on) ||
      (r.counts !== undefined && v.counts !== null) ||
      // A second `For stemte:` is another vote; `(Ø) stemte imod.` then `(F) stemte imod.` is one.
      (r.votes !== undefined && r.votes.labelled && v[r.votes.side].length > 0) ||
      (this.pendingOutcome !== undefined && this.pendingOutcome.range.start.line > v.last);
    if (startsNew || !v) {
      const pending = this.pendingOutcome;
      v = { on: r.on ?? pending?.on ?? null, for: [], against: [], abstain: [], counts: null, first: l.line, last: l.line, lastLength: l.text.length };
      if (pending) {
        v.outcome = pending.outcome;
        v.outcomeRange = pending.range;
        if (pending.wantOfUnanimity) v.wantOfUnanimity = true;
        this.pendingOutcome = undefined;
      }
      this.votes.push(v);
    }
    if (r.on && v.on === null) v.on = r.on;
    if (r.counts) {
      v.counts = r.counts;
      v.countsRange = range;
    }
    if (r.outcome && !v.outcome) {
      v.outcome = r.outcome;
      v.outcomeRange = range;
      if (r.wantOfUnanimity) v.wantOfUnanimity = true;
    }
    if (r.votes) v[r.votes.side].push(...r.votes.voters);
    v.last = l.line;
    v.lastLength = l.text.length;
  }

  /** Lists written once after several counted votes (`Med stemmerne 19 for … Yderligere … For stemte: …`) belong to each. */
  finish(): Vote[] {
    const out: Vote[] = [];
    for (let i = 0; i < this.votes.length; i++) {
      const v = this.votes[i]!;
      let lists = v;
      if (v.for.length + v.against.length + v.abstain.length === 0) {
        const next = this.votes.slice(i + 1).find((n) => n.for.length + n.against.length + n.abstain.length > 0);
        if (next && next.counts !== null && v.counts !== null && sameCounts(next.counts, v.counts)) lists = next;
      }
      out.push({
        on: v.on,
        for: lists.for,
        against: lists.against,
        abstain: lists.abstain,
        counts: v.counts,
        ...(v.countsRange ? { countsRange: v.countsRange } : {}),
        ...(v.outcome ? { outcome: v.outcome } : {}),
        ...(v.outcomeRange ? { outcomeRange: v.outcomeRange } : {}),
        ...(v.wantOfUnanimity ? { wantOfUnanimity: true as const } : {}),
        range: { start: { line: v.first, character: 0 }, end: { line: v.last, character: v.lastLength } },
      });
    }
    return out;
  }
}

/** The same person or party named twice (`forlod lokalet`, then `Ikke til stede:`) is one. */
function addPeople(to: Voter[], more: readonly Voter[]): void {
  for (const v of more) if (!to.some((t) => t.text === v.text)) to.push(v);
}

function sameCounts(a: VoteCounts, b: VoteCounts): boolean {
  return a.for === b.for && a.against === b.against;
}

/** The protokol of a punkt: what today's decision records of votes, attendance and remarks. */
function readProtokol(p: Punkt): PunktProtokol {
  const decision = todaysDecision(p);
  const reader = new ProtokolReader();
  if (decision.sections.length === 0 && p.introDecision === true) reader.read(p.intro);
  for (const s of decision.sections) reader.read(s.body);
  return {
    votes: reader.finish(),
    absent: reader.absent,
    inhabil: reader.inhabil,
    substitutes: reader.substitutes,
    remarks: reader.remarks,
    onlyProtokol: reader.hasLines && reader.onlyProtokol,
    hasLines: reader.hasLines,
  };
}

const PROTOKOL_FIELDS: {
  protokol: Exactly<PunktProtokol, 'votes' | 'absent' | 'inhabil' | 'substitutes' | 'remarks' | 'onlyProtokol' | 'hasLines'>;
  vote: Exactly<Vote, 'on' | 'for' | 'against' | 'abstain' | 'counts' | 'countsRange' | 'outcome' | 'outcomeRange' | 'wantOfUnanimity' | 'range'>;
  voter: Exactly<Voter, 'text' | 'name' | 'party' | 'range'>;
  substitute: Exactly<Substitute, 'name' | 'for' | 'range'>;
  remark: Exactly<Remark, 'by' | 'text' | 'range'>;
} = { protokol: true, vote: true, voter: true, substitute: true, remark: true };
void PROTOKOL_FIELDS;

function movedVoters(vs: readonly Voter[], lines: number): readonly Voter[] {
  return vs.length === 0 ? vs : vs.map((v) => withMovedRange(v, lines));
}

function movedVote(v: Vote, lines: number): Vote {
  const out: Mutable<Vote> = withMovedRange(v, lines);
  out.for = movedVoters(v.for, lines);
  out.against = movedVoters(v.against, lines);
  out.abstain = movedVoters(v.abstain, lines);
  if (v.countsRange) out.countsRange = movedRange(v.countsRange, lines);
  if (v.outcomeRange) out.outcomeRange = movedRange(v.outcomeRange, lines);
  return out;
}

/** The protokol of a punkt moved by whole lines (`model/moved.ts`). */
function movedProtokol(k: PunktProtokol, lines: number): PunktProtokol {
  const out: Mutable<PunktProtokol> = { ...k };
  if (k.votes.length > 0) out.votes = k.votes.map((v) => movedVote(v, lines));
  out.absent = movedVoters(k.absent, lines);
  out.inhabil = movedVoters(k.inhabil, lines);
  if (k.substitutes.length > 0) out.substitutes = k.substitutes.map((x) => withMovedRange(x, lines));
  if (k.remarks.length > 0)
    out.remarks = k.remarks.map((r) => {
      const remark: Mutable<Remark> = withMovedRange(r, lines);
      remark.by = movedVoters(r.by, lines);
      return remark;
    });
  return out;
}

/** A punkt moved by an added or removed line takes its origin's protokol, moved. */
const read = new PunktMemo<PunktProtokol>(movedProtokol);

/** The punkt's protokol, read once: several rules, hover and the data ask for it. */
export function protokolOf(p: Punkt): PunktProtokol {
  let k = read.get(p);
  if (!k) {
    k = readProtokol(p);
    read.set(p, k);
  }
  return k;
}

/**
 * Where a list of voters or absentees begins on a line being written (`For stemte: `,
 * `Ikke til stede: `), for completion; undefined on any other line.
 */
export function voterListStart(before: string): number | undefined {
  const p = plain(before);
  for (const { pattern } of VOTE_LABEL) {
    const m = pattern.exec(p.text);
    if (m && /[:\s]$/.test(m[0])) return p.offset + m[0].length;
  }
  const absent = PUNKT_ABSENT_LABEL.exec(p.text);
  return absent ? p.offset + absent[0].length : undefined;
}

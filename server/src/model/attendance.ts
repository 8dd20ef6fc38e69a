// Who was at the meeting and who took part in each punkt: the header's attendees and absentees,
// the members the udvalg has (with their parties, from the header or referat.yaml), and each
// punkt's own absences and inhabilitet. The protokol rules and the protokol's data read this.
import { PERSON_WITH_PARTY } from '../dialect/protokol';
import type { PunktProtokol, Voter } from './protokol';
import type { Person, Referat } from './types';

/** A member of the udvalg as written (`Anna Holm (A)`): name, and party where it is given. */
export interface Member {
  readonly name: string;
  readonly party?: string;
}

/** `Anna Holm (A)` → name and party; a parenthesis that is no party letter (`(formand)`) is left out of the name. */
export function memberOf(written: string): Member {
  const t = written.trim();
  const m = PERSON_WITH_PARTY.exec(t);
  if (m) return { name: m[1]!.trim(), party: m[2]! };
  return { name: t.replace(/[ \t]*\([^)]*\)[ \t]*/g, ' ').trim() };
}

/** A person the header names, with the party written after the name. */
function fromPerson(p: Person): Member {
  const m = memberOf(p.name);
  return p.party ? { name: m.name, party: p.party } : m;
}

/** A name compared as written, without case, extra spaces or a parenthesis. */
export function nameKey(name: string): string {
  return memberOf(name).name.toLocaleLowerCase('da').replace(/\s+/g, ' ');
}

export interface MeetingAttendance {
  /** Everyone named as present in the header (a `Medlemmer` list: its members not under Afbud). */
  readonly present: readonly Member[];
  /** Everyone named as absent in the header. */
  readonly absent: readonly Member[];
  /** Every member known, with parties where known: the header's and referat.yaml's. */
  readonly members: readonly Member[];
  /** Whether any member's party is known: without it, party letters cannot be counted. */
  readonly partiesKnown: boolean;
}

/**
 * Whether the header's list of who was present names the absent too: a `Medlemmer` list names the
 * udvalg, and some systems list those invited. Those under Afbud among them were simply not there.
 */
export function presentListsAbsent(referat: Referat): boolean {
  return referat.header.deltagere?.members === true || referat.dialect.attendance.invited === true;
}

/** The meeting's attendance from the header, with the udvalg's members from referat.yaml (`medlemmer:`) where given. */
export function meetingAttendance(referat: Referat, configured: readonly string[] = []): MeetingAttendance {
  const h = referat.header;
  const listed = (h.deltagere?.names ?? []).map(fromPerson);
  // Who is under Afbud by a first name alone (`Afbud: Tilde`) is the one listed of that first name.
  const absent = (h.afbud?.names ?? []).map((p) => namedByFirstName(listed, fromPerson(p)));
  const absentKeys = new Set(absent.map((m) => nameKey(m.name)));
  const present = presentListsAbsent(referat) ? listed.filter((m) => !absentKeys.has(nameKey(m.name))) : listed;
  const members = new Map<string, Member>();
  for (const m of [...configured.map(memberOf), ...listed, ...absent]) {
    const key = nameKey(m.name);
    const known = members.get(key);
    if (!known || (!known.party && m.party)) members.set(key, m);
  }
  const all = [...members.values()];
  return { present, absent, members: all, partiesKnown: all.some((m) => m.party !== undefined) };
}

/** A name's first word, where it has more than one: `tilde ølholm` → `tilde`. */
function firstNameOf(key: string): string | undefined {
  const space = key.indexOf(' ');
  return space > 0 ? key.slice(0, space) : undefined;
}

/**
 * The one person among `people` a first name alone names (`Tilde` → `Tilde Ølholm`); the name as
 * written where it is more than a first name, or where no one or two people have that first name.
 */
export function namedByFirstName<T extends { readonly name: string }>(people: readonly T[], written: T): T {
  const key = nameKey(written.name);
  if (key === '' || key.includes(' ') || people.some((p) => nameKey(p.name) === key)) return written;
  const named = people.filter((p) => firstNameOf(nameKey(p.name)) === key);
  return named.length === 1 ? named[0]! : written;
}

/** Who took no part in a punkt: the meeting's absentees, the punkt's own and the inhabil. */
export function absentFromPunkt(meeting: MeetingAttendance, protokol: PunktProtokol): Set<string> {
  // One listed both present and absent is in doubt: that is attendance-conflict's to report, and
  // the votes are counted as the list of those present has it, so one mistake is one finding.
  const present = new Set(meeting.present.map((m) => nameKey(m.name)));
  const out = new Set(meeting.absent.map((m) => nameKey(m.name)).filter((k) => !present.has(k)));
  for (const v of [...protokol.absent, ...protokol.inhabil]) if (v.name) out.add(nameKey(v.name));
  return out;
}

/**
 * How many seats a list of voters holds among those present: a person is one, a party letter
 * every present member of that party. Undefined where a party's members are not known.
 */
export function seatsOf(voters: readonly Voter[], meeting: MeetingAttendance, absentKeys: ReadonlySet<string>): number | undefined {
  let seats = 0;
  const counted = new Set<string>();
  for (const v of voters) {
    if (v.name) {
      const key = nameKey(v.name);
      if (!counted.has(key)) seats++;
      counted.add(key);
      continue;
    }
    if (!meeting.partiesKnown || !v.party) return undefined;
    const party = v.party;
    const ofParty = presentMembers(meeting, absentKeys).filter((m) => m.party === party);
    for (const m of ofParty) {
      const key = nameKey(m.name);
      if (!counted.has(key)) seats++;
      counted.add(key);
    }
  }
  return seats;
}

/**
 * The members present for a punkt whom a vote names on no side, neither by name nor by party; undefined
 * where a voter cannot be placed (a party whose members are not known).
 */
export function notNamedInVote(voters: readonly Voter[], meeting: MeetingAttendance, absentKeys: ReadonlySet<string>): Member[] | undefined {
  const present = presentMembers(meeting, absentKeys);
  if (present.length === 0) return undefined;
  const named = new Set<string>();
  for (const v of voters) {
    if (v.name) named.add(nameKey(v.name));
    else if (!meeting.partiesKnown || !v.party) return undefined;
    else for (const m of present) if (m.party === v.party) named.add(nameKey(m.name));
  }
  return present.filter((m) => !named.has(nameKey(m.name)));
}

/** The members present for a punkt: the header's present, less those the punkt says took no part. */
export function presentMembers(meeting: MeetingAttendance, absentKeys: ReadonlySet<string>): Member[] {
  const byKey = new Map(meeting.members.map((m) => [nameKey(m.name), m]));
  return meeting.present.map((m) => byKey.get(nameKey(m.name)) ?? m).filter((m) => !absentKeys.has(nameKey(m.name)));
}

/** A member as the minutes write one: `Anna Holm (A)`, or the name alone. */
export function writtenMember(m: Member): string {
  return m.party ? `${m.name} (${m.party})` : m.name;
}

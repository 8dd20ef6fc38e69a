// The beslutningsprotokol's own checks (kommunestyrelsesloven §§ 8, 13; forvaltningsloven § 3):
// a vote that contradicts itself or the decision, a member who took no part named as voting, a
// member both present and absent, a party no member has, a protokoltilførsel from the majority.
import {
  absentFromPunkt,
  meetingAttendance,
  namedByFirstName,
  nameKey,
  presentListsAbsent,
  presentMembers,
  seatsOf,
  type MeetingAttendance,
} from '../model/attendance';
import { protokolOf, type Vote, type VoteSide, type Voter } from '../model/protokol';
import { COUNCIL } from '../dialect/protokol';
import { publicDecision } from '../model/decision';
import type { Person, Referat } from '../model/types';
import type { LocalizedText } from '../i18n/locale';
import type { Finding, Rule, RuleContext } from './types';

const SIDE: Readonly<Record<VoteSide, LocalizedText>> = {
  for: { da: 'for', en: 'for' },
  against: { da: 'imod', en: 'against' },
  abstain: { da: 'undlod at stemme', en: 'abstaining' },
};
const SIDES: readonly VoteSide[] = ['for', 'against', 'abstain'];

/** A voter's identity within one vote: a person by name, a party by its letter. */
function voterKey(v: Voter): string {
  return v.name ? `n:${nameKey(v.name)}` : `p:${v.party ?? v.text}`;
}

const cache = new WeakMap<Referat, MeetingAttendance>();
function attendanceOf(ctx: RuleContext): MeetingAttendance {
  let a = cache.get(ctx.referat);
  if (!a) {
    a = meetingAttendance(ctx.referat, ctx.udvalgMembers ?? []);
    cache.set(ctx.referat, a);
  }
  return a;
}

export const voteBothSides: Rule = {
  code: 'vote-both-sides',
  severity: 'error',
  description: {
    da: 'Samme parti eller person står under to af for, imod og undlod i samme afstemning',
    en: 'The same party or person is listed under two of for, against and abstaining in one vote',
  },
  *check({ referat }) {
    for (const p of referat.punkter) {
      for (const vote of protokolOf(p).votes) {
        const seen = new Map<string, VoteSide>();
        for (const side of SIDES) {
          for (const v of vote[side]) {
            const key = voterKey(v);
            const first = seen.get(key);
            if (first && first !== side) {
              yield {
                range: v.range,
                message: {
                  da: `${v.text} står både som ${SIDE[first].da} og ${SIDE[side].da} i punkt ${p.number}.`,
                  en: `${v.text} is listed both as ${SIDE[first].en} and as ${SIDE[side].en} in item ${p.number}.`,
                },
              };
            } else seen.set(key, side);
          }
        }
      }
    }
  },
};

export const absentVoter: Rule = {
  code: 'absent-voter',
  severity: 'error',
  description: {
    da: 'Et medlem, der er fraværende eller inhabil under punktet, står som stemmende',
    en: 'A member recorded as absent or inhabil on the item is named as voting',
  },
  *check(ctx) {
    const meeting = attendanceOf(ctx);
    for (const p of ctx.referat.punkter) {
      const k = protokolOf(p);
      // Most punkter record no vote: no sets of names are made for them.
      if (k.votes.length === 0) continue;
      const inhabil = new Set(k.inhabil.flatMap((v) => (v.name ? [nameKey(v.name)] : [])));
      const away = absentFromPunkt(meeting, k);
      for (const vote of k.votes) {
        for (const side of SIDES) {
          for (const v of vote[side]) {
            if (!v.name || !away.has(nameKey(v.name))) continue;
            const why = inhabil.has(nameKey(v.name)) ? { da: 'inhabil', en: 'inhabil' } : { da: 'fraværende', en: 'absent' };
            yield {
              range: v.range,
              message: {
                da: `${v.name} er ${why.da} under punkt ${p.number}, men står som stemmende ${SIDE[side].da}.`,
                en: `${v.name} is ${why.en} on item ${p.number} but is named as voting ${SIDE[side].en}.`,
              },
            };
          }
        }
      }
    }
  },
};

/** The seats for and against a vote: its written counts, or its lists counted where every party's members are known. */
function tally(vote: Vote, meeting: MeetingAttendance, away: ReadonlySet<string>): { for?: number; against?: number; abstain?: number } {
  const counted = (side: VoteSide): number | undefined => (vote[side].length > 0 ? seatsOf(vote[side], meeting, away) : undefined);
  const written = vote.counts;
  const forSeats = written?.for ?? counted('for');
  const againstSeats = written?.against ?? counted('against');
  const abstainSeats = written?.abstain ?? counted('abstain');
  return {
    ...(forSeats !== undefined ? { for: forSeats } : {}),
    ...(againstSeats !== undefined ? { against: againstSeats } : {}),
    ...(abstainSeats !== undefined ? { abstain: abstainSeats } : {}),
  };
}

/** Seats for where only those against and abstaining are listed: everyone else present voted for. */
function impliedFor(vote: Vote, meeting: MeetingAttendance, away: ReadonlySet<string>): number | undefined {
  if (vote.for.length > 0 || (vote.counts?.for ?? null) !== null) return undefined;
  if (!meeting.partiesKnown || meeting.present.length === 0) return undefined;
  const against = vote.against.length > 0 ? seatsOf(vote.against, meeting, away) : 0;
  const abstain = vote.abstain.length > 0 ? seatsOf(vote.abstain, meeting, away) : 0;
  if (against === undefined || abstain === undefined) return undefined;
  return presentMembers(meeting, away).length - against - abstain;
}

export const voteContradictsDecision: Rule = {
  code: 'vote-contradicts-decision',
  severity: 'error',
  description: {
    da: 'Beslutningen siger godkendt med flere stemmer imod end for, eller ikke godkendt med flere for',
    en: 'The decision says approved with no more votes for than against, or rejected with more for',
  },
  *check(ctx) {
    const meeting = attendanceOf(ctx);
    for (const p of ctx.referat.punkter) {
      const k = protokolOf(p);
      if (k.votes.length === 0) continue;
      const away = absentFromPunkt(meeting, k);
      for (const vote of k.votes) {
        // A proposal that fell for want of agreement may have had more votes for.
        if (!vote.outcome || vote.wantOfUnanimity) continue;
        const t = tally(vote, meeting, away);
        const forSeats = t.for ?? impliedFor(vote, meeting, away);
        if (forSeats === undefined || t.against === undefined) continue;
        const wrong = vote.outcome === 'approved' ? forSeats <= t.against : forSeats > t.against;
        if (!wrong) continue;
        yield {
          range: vote.outcomeRange ?? vote.range,
          message:
            vote.outcome === 'approved'
              ? {
                  da: `Punkt ${p.number} er godkendt, men med ${forSeats} stemmer for og ${t.against} imod.`,
                  en: `Item ${p.number} is recorded as approved, but with ${forSeats} votes for and ${t.against} against.`,
                }
              : {
                  da: `Punkt ${p.number} er ikke godkendt, men med ${forSeats} stemmer for og ${t.against} imod.`,
                  en: `Item ${p.number} is recorded as rejected, but with ${forSeats} votes for and ${t.against} against.`,
                },
        };
      }
    }
  },
};

function* countFindings(p: { number: number }, vote: Vote, meeting: MeetingAttendance, away: ReadonlySet<string>): Iterable<Finding> {
  const c = vote.counts;
  if (!c) return;
  const range = vote.countsRange ?? vote.range;
  let contradicted = false;
  for (const side of SIDES) {
    const written = c[side];
    if (written === null || vote[side].length === 0) continue;
    const listed = seatsOf(vote[side], meeting, away);
    if (listed === undefined || listed === written) continue;
    contradicted = true;
    yield {
      range,
      message: {
        da: `Punkt ${p.number}: der står ${written} stemmer ${SIDE[side].da}, men de nævnte har ${listed}.`,
        en: `Item ${p.number}: ${written} votes ${SIDE[side].en} are written, but those named hold ${listed}.`,
      },
    };
  }
  const total = (c.for ?? 0) + (c.against ?? 0) + (c.abstain ?? 0);
  // Only where the header names everyone present, as a list of members can be trusted to.
  const present = meeting.present.length > 0 ? presentMembers(meeting, away).length : undefined;
  // One mistake, one finding: a count the lists contradict is not also counted against those present.
  if (!contradicted && present !== undefined && total > present) {
    yield {
      range,
      message: {
        da: `Punkt ${p.number}: ${total} stemmer, men kun ${present} medlemmer er til stede.`,
        en: `Item ${p.number}: ${total} votes, but only ${present} members are present.`,
      },
    };
  }
}

export const voteCountMismatch: Rule = {
  code: 'vote-count-mismatch',
  severity: 'error',
  description: {
    da: 'Stemmetallene passer ikke med dem, der er nævnt, eller med de fremmødte',
    en: 'The written vote counts do not match those named, or those present',
  },
  *check(ctx) {
    const meeting = attendanceOf(ctx);
    for (const p of ctx.referat.punkter) {
      const k = protokolOf(p);
      if (k.votes.length === 0) continue;
      const away = absentFromPunkt(meeting, k);
      for (const vote of k.votes) yield* countFindings(p, vote, meeting, away);
    }
  },
};

export const attendanceConflict: Rule = {
  code: 'attendance-conflict',
  severity: 'error',
  description: {
    da: 'Et medlem står både som mødedeltager og under afbud',
    en: 'A member is listed both as present and as absent',
  },
  *check({ referat }) {
    const h = referat.header;
    if (!h.deltagere || !h.afbud || presentListsAbsent(referat)) return;
    const absent = new Set(h.afbud.names.map((n) => nameKey(n.name)));
    const reported = new Set<string>();
    for (const person of h.deltagere.names) {
      if (!absent.has(nameKey(person.name))) continue;
      reported.add(nameKey(person.name));
      yield {
        range: person.range,
        message: {
          da: `${person.name} står både under ${h.deltagere.label} og ${h.afbud.label}.`,
          en: `${person.name} is listed both under ${h.deltagere.label} and under ${h.afbud.label}.`,
        },
      };
    }
    // A first name alone on one list (`Afbud: Tilde`) and the one person of that first name on the other (`Tilde Ølholm`).
    for (const [present, away] of firstNameMatches(h.deltagere.names, h.afbud.names)) {
      if (reported.has(nameKey(present.name))) continue;
      yield {
        range: present.range,
        message: {
          da: `${present.name} står under ${h.deltagere.label}, og ${away.name} under ${h.afbud.label}: er det den samme?`,
          en: `${present.name} is listed under ${h.deltagere.label}, and ${away.name} under ${h.afbud.label}: the same person?`,
        },
      };
    }
  },
};

/**
 * Pairs of a person present and one absent where one list writes a first name alone and the other
 * has exactly one person of that first name: two people called Anna are never taken for each other.
 */
function firstNameMatches(present: readonly Person[], absent: readonly Person[]): [Person, Person][] {
  const pairs: [Person, Person][] = [];
  for (const away of absent) {
    const named = namedByFirstName(present, away);
    if (named !== away) pairs.push([named, away]);
  }
  for (const here of present) {
    const named = namedByFirstName(absent, here);
    if (named !== here) pairs.push([here, named]);
  }
  return pairs;
}

export const unknownParty: Rule = {
  code: 'unknown-party',
  severity: 'warning',
  description: {
    da: 'Et partibogstav, som intet medlem har',
    en: 'A party letter that no member has',
  },
  *check(ctx) {
    const meeting = attendanceOf(ctx);
    if (!meeting.partiesKnown) return;
    const parties = new Set(meeting.members.flatMap((m) => (m.party ? [m.party] : [])));
    for (const p of ctx.referat.punkter) {
      const k = protokolOf(p);
      const named = [...k.votes.flatMap((v) => [...v.for, ...v.against, ...v.abstain]), ...k.remarks.flatMap((r) => r.by)];
      for (const v of named) {
        if (!v.party || parties.has(v.party)) continue;
        yield {
          range: v.range,
          message: {
            da: `Intet medlem har partibogstavet ${v.party}; kendte partier: ${[...parties].sort().join(', ')}.`,
            en: `No member has the party letter ${v.party}; known parties: ${[...parties].sort().join(', ')}.`,
          },
        };
      }
    }
  },
};

export const remarkByMajority: Rule = {
  code: 'remark-by-majority',
  severity: 'warning',
  description: {
    da: 'En protokoltilførsel fra et medlem eller parti, der stemte med flertallet (kun mindretallet kan få sin afvigende mening ført til protokol)',
    en: 'A protocol remark by a member or party who voted with the majority (only the minority may have a dissent recorded)',
  },
  *check(ctx) {
    const meeting = attendanceOf(ctx);
    for (const p of ctx.referat.punkter) {
      const k = protokolOf(p);
      if (k.remarks.length === 0 || k.votes.length === 0) continue;
      const away = absentFromPunkt(meeting, k);
      for (const remark of k.remarks) {
        for (const vote of k.votes) {
          const majority = majoritySide(vote, tally(vote, meeting, away));
          if (!majority) continue;
          const keys = new Set(vote[majority].map(voterKey));
          for (const by of remark.by) {
            if (!keys.has(voterKey(by))) continue;
            yield {
              range: by.range,
              message: {
                da: `${by.text} stemte med flertallet i punkt ${p.number}; kun mindretallet kan få en afvigende mening ført til protokol (styrelseslovens § 13, stk. 2).`,
                en: `${by.text} voted with the majority on item ${p.number}; only the minority may have a dissent recorded (kommunestyrelsesloven § 13(2)).`,
              },
            };
          }
        }
      }
    }
  },
};

/** The side that carried a vote: from its counts (written, or of those named), else from the decision written. */
function majoritySide(vote: Vote, seats: { for?: number; against?: number }): VoteSide | undefined {
  if (seats.for !== undefined && seats.against !== undefined && seats.for !== seats.against) return seats.for > seats.against ? 'for' : 'against';
  if (vote.outcome === 'approved') return 'for';
  // Fallen for want of agreement, its rejection does not say which side had more votes.
  if (vote.outcome === 'rejected' && !vote.wantOfUnanimity) return 'against';
  return undefined;
}

export const closedWithoutPublicDecision: Rule = {
  code: 'closed-without-public-decision',
  severity: 'info',
  description: {
    da: 'Et lukket punkt i byrådet uden offentlig beslutning (styrelseslovens § 8, stk. 7: også beslutninger for lukkede døre offentliggøres, så vidt tavshedspligten tillader)',
    en: 'A closed item of the council without a public decision (kommunestyrelsesloven § 8(7): decisions behind closed doors are published as far as confidentiality allows)',
  },
  *check({ referat }) {
    if (referat.kind === 'dagsorden' || !COUNCIL.test(referat.header.title?.udvalg ?? '')) return;
    for (const p of referat.punkter) {
      if (!p.closed) continue;
      const decision = publicDecision(p, referat.dialect);
      if (decision && decision.lines.some((l) => !l.blank)) continue;
      yield {
        range: p.headingRange,
        message: {
          da: `Det lukkede punkt ${p.number} har ingen offentlig beslutning: skriv under "Offentlig beslutning", hvad der må offentliggøres (fx "Byrådet godkendte indstillingen.").`,
          en: `The closed item ${p.number} has no public decision: write what may be published under "Offentlig beslutning" (e.g. "Byrådet godkendte indstillingen.").`,
        },
      };
    }
  },
};

export const PROTOKOL_RULES: readonly Rule[] = [
  voteBothSides,
  absentVoter,
  voteContradictsDecision,
  voteCountMismatch,
  attendanceConflict,
  unknownParty,
  remarkByMajority,
  closedWithoutPublicDecision,
];

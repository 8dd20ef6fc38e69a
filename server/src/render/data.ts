// The beslutningsprotokol as data, for open-data portals and the municipality's web site: the
// decisions, votes and attendance of each punkt (schemas/protokol.schema.json describes it). The
// public edition keeps of a closed punkt only its number, title, case number and public decision.
import { absentFromPunkt, meetingAttendance, nameKey, writtenMember } from '../model/attendance';
import { pad2 } from '../model/dates';
import { publicDecision, todaysDecision } from '../model/decision';
import { protokolOf, type Voter } from '../model/protokol';
import type { BodyLine, Punkt, Referat } from '../model/types';
import type { Audience } from './html';
import { publishedJournal } from './published';

export interface ProtokolVote {
  readonly on: string | null;
  readonly for: readonly string[];
  readonly against: readonly string[];
  readonly abstain: readonly string[];
  readonly counts: { readonly for: number | null; readonly against: number | null; readonly abstain: number | null };
}

export interface ProtokolPunkt {
  readonly number: number;
  readonly title: string;
  readonly closed: boolean;
  readonly caseNumber: string | null;
  readonly publicDecision: string | null;
  readonly decision?: string | null;
  readonly votes?: readonly ProtokolVote[];
  readonly absent?: readonly string[];
  readonly inhabil?: readonly string[];
  readonly substitutes?: readonly { readonly name: string; readonly for: string }[];
  readonly remarks?: readonly { readonly by: readonly string[]; readonly text: string }[];
}

export interface ProtokolData {
  readonly body: string;
  readonly date: string | null;
  readonly kind: 'referat' | 'dagsorden';
  readonly attendees: readonly string[];
  readonly absent: readonly string[];
  readonly punkter: readonly ProtokolPunkt[];
}

export interface DataOptions {
  readonly audience: Audience;
  /** The udvalg's members as referat.yaml writes them, for who was present. */
  readonly udvalgMembers?: readonly string[];
}

/** The lines as text, as written, blank lines kept between paragraphs and none at the ends. */
function text(lines: readonly BodyLine[]): string | null {
  const t = lines
    .map((l) => l.text.trimEnd())
    .join('\n')
    .trim();
  return t.length > 0 ? t : null;
}

const written = (voters: readonly Voter[]): string[] => voters.map((v) => v.text);

function punktData(p: Punkt, referat: Referat, options: DataOptions, meeting: ReturnType<typeof meetingAttendance>): ProtokolPunkt {
  const pub = publicDecision(p, referat.dialect);
  const base = {
    number: p.number,
    title: p.title,
    closed: p.closed,
    caseNumber: publishedJournal(p, options.audience) ?? null,
    publicDecision: pub ? text(pub.lines) : null,
  };
  // Closed is closed: the public sees the heading, the case number and the public decision.
  if (options.audience === 'public' && p.closed) return base;
  const k = protokolOf(p);
  const decision = todaysDecision(p);
  const decisionLines = decision.sections.length > 0 ? decision.sections.flatMap((s) => s.body) : p.introDecision ? p.intro : [];
  // Everyone who took no part: the meeting's absentees, the punkt's own, the inhabil.
  const away = absentFromPunkt(meeting, k);
  const absent = [...meeting.absent.map(writtenMember), ...written(k.absent), ...written(k.inhabil)];
  const seen = new Set<string>();
  return {
    ...base,
    decision: p.closed && referat.kind === 'dagsorden' ? null : text(decisionLines),
    votes: k.votes.map((v) => ({
      on: v.on,
      for: written(v.for),
      against: written(v.against),
      abstain: written(v.abstain),
      counts: { for: v.counts?.for ?? null, against: v.counts?.against ?? null, abstain: v.counts?.abstain ?? null },
    })),
    absent: absent.filter((a) => {
      const key = nameKey(a);
      if (seen.has(key) || (!away.has(key) && !meeting.absent.some((m) => nameKey(m.name) === key))) return false;
      seen.add(key);
      return true;
    }),
    inhabil: written(k.inhabil),
    substitutes: k.substitutes.map((s) => ({ name: s.name, for: s.for })),
    remarks: k.remarks.map((r) => ({ by: written(r.by), text: r.text })),
  };
}

/** The referat's protokol as data, in the edition asked for. */
export function protokolData(referat: Referat, options: DataOptions): ProtokolData {
  const meeting = meetingAttendance(referat, options.udvalgMembers ?? []);
  const h = referat.header;
  const date = h.moedeDato?.date?.date ?? h.title?.date?.date;
  return {
    body: h.title?.udvalg ?? '',
    date: date ? `${date.year}-${pad2(date.month)}-${pad2(date.day)}` : null,
    kind: referat.kind,
    attendees: meeting.present.map(writtenMember),
    absent: meeting.absent.map(writtenMember),
    punkter: referat.punkter.map((p) => punktData(p, referat, options, meeting)),
  };
}

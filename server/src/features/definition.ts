import type { Location } from 'vscode-languageserver-types';
import type { ArchiveIndex } from '../archive/index';
import type { EarlierDecision, Referat } from '../model/types';
import { containsPosition, type Position } from '../syntax/range';
import { locate } from './locate';

/** The earlier decision whose heading is under the cursor. */
function earlierDecisionAt(referat: Referat, position: Position): EarlierDecision | undefined {
  const { punkt } = locate(referat, position.line);
  return punkt?.sections.find((s) => s.earlier && containsPosition(s.earlier.range, position))?.earlier;
}

/** Where an earlier decision was made: that meeting's punkt, or the meeting itself when it has no such punkt. */
export function earlierMeetingLocation(e: EarlierDecision, archive: ArchiveIndex): Location | undefined {
  if (!e.date?.date || !e.udvalg) return undefined;
  const meeting = archive.meeting(e.udvalg, e.date.date);
  if (!meeting) return undefined;
  const target = meeting.punkter.find((p) => p.number === e.punktNumber);
  return { uri: meeting.uri, range: target?.headingRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}

/** Go to definition: from `Beslutning fra Direktionens møde den …, pkt. N:` to that meeting's punkt N. */
export function definition(referat: Referat, position: Position, archive: ArchiveIndex): Location | null {
  const e = earlierDecisionAt(referat, position);
  return (e && earlierMeetingLocation(e, archive)) ?? null;
}

import { meetingStart, minutesOfDay } from '../model/meeting';
import type { Rule } from './types';

export const attendeeTime: Rule = {
  code: 'attendee-time',
  severity: 'warning',
  description: {
    da: '"… deltager i mødet" uden klokkeslæt, eller før mødet begynder',
    en: '"… deltager i mødet" without a time, or before the meeting starts',
  },
  *check({ referat }) {
    const start = meetingStart(referat);
    for (const p of referat.punkter) {
      for (const a of p.attendees) {
        const who = a.who || (referat.header.title?.udvalg ?? '');
        // Only where the system gives the time someone joins; elsewhere `deltager under punktet` is complete.
        if (!a.time) {
          if (!referat.dialect.attendeeTimes) continue;
          yield {
            range: a.range,
            message: { da: `Der står ikke, hvornår ${who} deltager; skriv fx "kl. 10:00".`, en: `It does not say when ${who} joins; write e.g. "kl. 10:00".` },
          };
        } else if (start && a.time.valid && minutesOfDay(a.time) < minutesOfDay(start)) {
          yield {
            range: a.time.range,
            message: { da: `Kl. ${a.time.text} er før mødet begynder kl. ${start.text}.`, en: `${a.time.text} is before the meeting starts at ${start.text}.` },
          };
        }
      }
    }
  },
};

export const ATTENDEE_RULES: readonly Rule[] = [attendeeTime];

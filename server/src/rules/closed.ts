import {
  CLOSED_HEADING_LOOKALIKE,
  CLOSED_HEADING_READ_LOOKALIKE,
  CLOSED_MARKER,
  CLOSED_MARKER_AND_WORD,
  CLOSED_MARKER_LOOKALIKE,
  CLOSED_MARKER_WORD_STARTS,
  markerReading,
  PUNKT_WORD,
} from '../dialect/vocabulary';
import { punktLabel } from '../model/numbering';
import type { BodyLine, Punkt } from '../model/types';
import { lineRange } from '../syntax/range';
import { punktRule } from './perPunkt';
import type { Finding } from './types';

/*
 * A closed punkt is left out of the public version only when it is read as closed. A closed marker
 * written so that it is not (`Lukket Personalesag`, a line `Punkt 3 (lukket): …` that is read as no
 * heading) would publish the whole punkt: such a punkt or line is an error, and the public version
 * is refused while one stands (service/publication.ts).
 */

/** The lookalike headings among lines of a punkt's text, added to `out`. A loop, not a generator: it runs on every line. */
function lookalikesIn(p: Punkt, lines: readonly BodyLine[], out: Finding[]): void {
  for (let i = 0; i < lines.length; i++) {
    const found = lookalikeLine(p, lines[i]!);
    if (found) out.push(found);
  }
}

/** A line that could be a lookalike: one look at its first letter before the pattern, which nearly every line fails. */
function mayLookClosed(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '*' || c === '#') continue;
    return c === 'p' || c === 'P' || c === 'l' || c === 'L';
  }
  return false;
}

/** A line that may hold a closed marker's word in any of its lookalikes: one test before the patterns. */
const MAY_HOLD_MARKER = new RegExp(`${CLOSED_MARKER_WORD_STARTS}|[^\\t -\\xff]`, 'i');
/** What an editor shows as a line break inside a line (a Word line or page break, Unicode's separators). */
const BREAK_INSIDE_LINE = /[\u2028\u2029\u0085\v\f]/;

/** A lookalike heading's number and title, and the parts of its line before and after it (split at a break inside the line). */
interface Lookalike {
  readonly number: string;
  readonly title: string | undefined;
  readonly before: readonly string[];
  readonly after: readonly string[];
}

/** The parts of a line shaped like a closed punkt's heading in another way: its number and its title. */
function readLookalike(text: string): Lookalike | undefined {
  if (mayLookClosed(text)) {
    const m = CLOSED_HEADING_LOOKALIKE.exec(text);
    if (m) return { number: m[1] ?? m[2]!, title: (m[3] ?? '').replace(/\*\*/g, '').trim(), before: [], after: [] };
  }
  if (!MAY_HOLD_MARKER.test(text)) return undefined;
  const parts = text.split(BREAK_INSIDE_LINE);
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]!;
    const m = CLOSED_HEADING_READ_LOOKALIKE.exec(markerReading(part));
    if (!m) continue;
    // The title is what follows the marker's word as written; where that word is written so it cannot be found (a Cyrillic letter), none is offered.
    const title = TITLE_AFTER_MARKER.exec(part)?.[1]?.replace(/\*\*/g, '').trim();
    // The other parts of the line stay, each on a line of its own as the editor showed them.
    return { number: m[1] ?? m[2]!, title, before: parts.slice(0, k), after: parts.slice(k + 1) };
  }
  return undefined;
}

/** The title after a closed marker's word as written (`Lukket:`, `lukket)`, `LUKKET -`). */
const TITLE_AFTER_MARKER = new RegExp(String.raw`(?:${CLOSED_MARKER_WORD_STARTS})[^\s:.\-–—)\]]*[\s:.\-–—)\]*]*(.*)$`, 'iu');

function lookalikeLine(p: Punkt, l: BodyLine): Finding | undefined {
  if (l.blank || l.text.length > LONGEST_HEADING) return undefined;
  const found = readLookalike(l.text);
  if (!found) return undefined;
  const { number, title, before, after } = found;
  const rewritten = `${PUNKT_WORD} ${number}: ${CLOSED_MARKER}:${title ? ` ${title}` : ''}`;
  const newText = [...before, rewritten, ...after].join('\n');
  return {
    range: lineRange(l.line, 0, l.text.length),
    message: {
      da: `Linjen ligner overskriften på et lukket punkt, men læses ikke som en overskrift: teksten under den hører til punkt ${punktLabel(p)} og bliver offentliggjort. Skriv overskriften som "${rewritten}".`,
      en: `The line looks like a closed item's heading but is not read as one: the text under it belongs to item ${punktLabel(p)} and would be published. Write the heading as "${rewritten}".`,
    },
    fixes:
      title === undefined
        ? []
        : [
            {
              title: { da: `Skriv "${rewritten}"`, en: `Write "${rewritten}"` },
              edits: [{ range: lineRange(l.line, 0, l.text.length), newText }],
              preferred: true,
            },
          ],
  };
}

/** A title, as {@link markerReading} has it, with a closed marker not read as one (`"Lukket" …` too). */
const markedClosed = (read: string): boolean => CLOSED_MARKER_LOOKALIKE.test(read) || CLOSED_MARKER_AND_WORD.test(read);

/** A heading line longer than this is text. */
const LONGEST_HEADING = 300;

/** A punkt's closed marker written so that it is read as open, and its body's lines shaped like a closed punkt's heading. */
function closedFindings(p: Punkt): Finding[] {
  const out: Finding[] = [];
  if (!p.closed && CLOSED_MARKER_AND_WORD.test(p.title)) {
    // The title rewritten with the marker set off by its colon; bold as it was written.
    const rest = p.title.slice(CLOSED_MARKER.length).trim();
    const bold = p.titleRange.end.character - p.titleRange.start.character >= p.title.length + 4;
    const rewritten = `${CLOSED_MARKER}: ${rest}`;
    out.push({
      range: p.titleRange,
      message: {
        da: `Punkt ${punktLabel(p)} begynder med "${CLOSED_MARKER}", men læses som et åbent punkt og bliver offentliggjort. Er det lukket, så skriv "${CLOSED_MARKER}:" med kolon; er det åbent, så begynd titlen med et andet ord.`,
        en: `Item ${punktLabel(p)} begins with "${CLOSED_MARKER}" but is read as an open item and would be published. If it is closed, write "${CLOSED_MARKER}:" with a colon; if it is open, begin the title with another word.`,
      },
      fixes: [
        {
          title: { da: `Gør punktet lukket ("${CLOSED_MARKER}:")`, en: `Make the item closed ("${CLOSED_MARKER}:")` },
          edits: [{ range: p.titleRange, newText: bold ? `**${rewritten}**` : rewritten }],
          preferred: true,
        },
      ],
    });
  }
  // A marker written as no marker is read (`Fortroligt: …`, `(lukket møde)`, `… - lukket`, `Lukkket: …`).
  else if (!p.closed && MAY_HOLD_MARKER.test(p.title) && markedClosed(markerReading(p.title))) {
    const rewritten = `${CLOSED_MARKER}: ${p.title}`;
    out.push({
      range: p.titleRange,
      message: {
        da: `Titlen på punkt ${punktLabel(p)} ser ud til at sige, at punktet er lukket, men det læses som et åbent punkt og bliver offentliggjort. Er det lukket, så begynd titlen med "${CLOSED_MARKER}:"; er det åbent, så skriv titlen uden ordet.`,
        en: `The title of item ${punktLabel(p)} seems to say the item is closed, but it is read as an open item and would be published. If it is closed, begin the title with "${CLOSED_MARKER}:"; if it is open, write the title without the word.`,
      },
      fixes: [
        {
          title: { da: `Gør punktet lukket ("${CLOSED_MARKER}:")`, en: `Make the item closed ("${CLOSED_MARKER}:")` },
          edits: [{ range: p.titleRange, newText: rewritten }],
          preferred: true,
        },
      ],
    });
  }
  // In a closed punkt such a line is that punkt's text, and is published with it: not at all.
  // The lines under its heading where text stands: its intro and its sections' text.
  if (!p.closed) {
    lookalikesIn(p, p.intro, out);
    for (const s of p.sections) lookalikesIn(p, s.body, out);
  }
  return out;
}

export const closedMarker = punktRule({
  code: 'closed-marker',
  severity: 'error',
  description: {
    da: 'Et lukket punkt skrevet, så det læses som åbent og bliver offentliggjort (Lukket uden kolon foran et ord, en markering der ikke læses som en, fx (lukket møde), Fortroligt: eller Ikke offentligt:, en overskrift som Punkt 3 (lukket) eller Pkt. 3: Lukket)',
    en: 'A closed item written so that it is read as open and would be published (Lukket without a colon before a word, a marker not read as one such as (lukket møde), Fortroligt: or Ikke offentligt:, a heading like Punkt 3 (lukket) or Pkt. 3: Lukket)',
  },
  checkPunkt: closedFindings,
});

/** The closed punkter written so that they would be published: what the public version is refused for. */
export function closedLookalikes(punkter: readonly Punkt[]): Finding[] {
  return punkter.flatMap(closedFindings);
}

export const CLOSED_RULES = [closedMarker];

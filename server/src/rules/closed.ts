import { CLOSED_HEADING_LOOKALIKE, CLOSED_MARKER, CLOSED_MARKER_AND_WORD, PUNKT_WORD } from '../dialect/vocabulary';
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

/** The lines of a punkt under its heading where text stands: its intro and its sections' text. */
function* bodyLines(p: Punkt): Generator<BodyLine> {
  yield* p.intro;
  for (const s of p.sections) yield* s.body;
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

function lookalikeLine(p: Punkt, l: BodyLine): Finding | undefined {
  if (l.blank || l.text.length > LONGEST_HEADING || !mayLookClosed(l.text)) return undefined;
  const m = CLOSED_HEADING_LOOKALIKE.exec(l.text);
  if (!m) return undefined;
  const number = m[1] ?? m[2]!;
  const title = (m[3] ?? '').replace(/\*\*/g, '').trim();
  const rewritten = `${PUNKT_WORD} ${number}: ${CLOSED_MARKER}:${title ? ` ${title}` : ''}`;
  return {
    range: lineRange(l.line, 0, l.text.length),
    message: {
      da: `Linjen ligner overskriften på et lukket punkt, men læses ikke som en overskrift: teksten under den hører til punkt ${punktLabel(p)} og bliver offentliggjort. Skriv overskriften som "${rewritten}".`,
      en: `The line looks like a closed item's heading but is not read as one: the text under it belongs to item ${punktLabel(p)} and would be published. Write the heading as "${rewritten}".`,
    },
    fixes: [
      {
        title: { da: `Skriv "${rewritten}"`, en: `Write "${rewritten}"` },
        edits: [{ range: lineRange(l.line, 0, l.text.length), newText: rewritten }],
        preferred: true,
      },
    ],
  };
}

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
  // In a closed punkt such a line is that punkt's text, and is published with it: not at all.
  if (!p.closed)
    for (const l of bodyLines(p)) {
      const found = lookalikeLine(p, l);
      if (found) out.push(found);
    }
  return out;
}

export const closedMarker = punktRule({
  code: 'closed-marker',
  severity: 'error',
  description: {
    da: 'Et lukket punkt skrevet, så det læses som åbent og bliver offentliggjort (Lukket uden kolon foran et ord, en overskrift som Punkt 3 (lukket))',
    en: 'A closed item written so that it is read as open and would be published (Lukket without a colon before a word, a heading like Punkt 3 (lukket))',
  },
  checkPunkt: closedFindings,
});

/** The closed punkter written so that they would be published: what the public version is refused for. */
export function closedLookalikes(punkter: readonly Punkt[]): Finding[] {
  return punkter.flatMap(closedFindings);
}

export const CLOSED_RULES = [closedMarker];

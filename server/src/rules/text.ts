import type { LocalizedText } from '../i18n/locale';
import { CLOSED_TITLE_MARKER } from '../dialect/vocabulary';
import { isEmptyBullet } from '../model/decision';
import { journalPlaceholder, PLACEHOLDER_NAME, PLACEHOLDER_TITLE } from '../model/placeholders';
import type { BodyLine } from '../model/types';
import { lineRange } from '../syntax/range';
import { punktRule } from './perPunkt';
import type { Finding, Rule } from './types';

const REMOVE_EMPTY_BULLET: LocalizedText = { da: 'Fjern det tomme punkttegn', en: 'Remove the empty bullet' };

export const emptyBullet: Rule = punktRule({
  code: 'empty-bullet',
  severity: 'warning',
  description: { da: 'Et punkttegn uden tekst efter sig (en tom linje i en liste)', en: 'A bullet with nothing after it (an empty list item)' },
  checkPunkt(p) {
    const out: Finding[] = [];
    // Every body line of the punkt is asked: plain loops, no generator per line.
    const found: EmptyBullet[] = [];
    emptyBullets(p.intro, { recommendation: false }, found);
    for (const s of p.sections) emptyBullets(s.body, { recommendation: s.implicit, headingLine: s.headingRange.end.line }, found);
    if (found.length === 0) return out;
    // One message per marker, not per line: a run of 100,000 lone dashes is 100,000 findings.
    const messages = new Map<string, LocalizedText>();
    for (const { line: l, betweenEmptyLines } of found) {
      const marker = l.text.trim();
      const start = l.text.indexOf(marker);
      let message = messages.get(marker);
      if (!message) {
        message = {
          da: `Et tomt punkttegn "${marker}": skriv teksten efter det, eller fjern det.`,
          en: `An empty bullet "${marker}": write its text after it, or remove it.`,
        };
        messages.set(marker, message);
      }
      out.push({
        range: lineRange(l.line, start, start + marker.length),
        message,
        // The line goes with its marker (there is nothing else on it), and between empty lines one of them
        // with it: the paragraphs around it stay one empty line apart, as they were written.
        fixes: [
          {
            title: REMOVE_EMPTY_BULLET,
            edits: [{ range: { start: { line: l.line, character: 0 }, end: { line: l.line + (betweenEmptyLines ? 2 : 1), character: 0 } }, newText: '' }],
          },
        ],
      });
    }
    return out;
  },
});

/**
 * The empty bullets of one body: a lone dash in a list (after a bullet or before one, first under an
 * `… indstiller,` line) or after a sentence, where a list was begun. A dash among short lines that end
 * in no punctuation is no list item: laid out from a table, one cell to a line, it is a cell that says
 * "none" (`Juni` / `Ingen udvalgsmøder` / `-`).
 */
interface EmptyBullet {
  readonly line: BodyLine;
  /** The lines right above and below it are empty, as its body shows them: the line below may go with it. */
  readonly betweenEmptyLines: boolean;
}

/** Where the body's lines start: under its heading, or anywhere for a punkt's intro (whose first line is not told apart). */
interface BodyPlace {
  readonly recommendation: boolean;
  /** The section heading's last line; undefined for the punkt's intro. */
  readonly headingLine?: number;
}

/**
 * Whether the lines right above and below the body's i-th line are empty. A body holds every line of
 * its section but the empty ones, so a gap between two of its lines is empty lines; after its last
 * line it is not known what follows, and nothing is said.
 */
function betweenEmptyLines(body: readonly BodyLine[], i: number, headingLine: number | undefined): boolean {
  const { line } = body[i]!;
  const prev = body[i - 1];
  const next = body[i + 1];
  const emptyAbove = prev ? prev.line < line - 1 || prev.blank : headingLine !== undefined && headingLine < line - 1;
  const emptyBelow = next !== undefined && (next.line > line + 1 || next.blank);
  return emptyAbove && emptyBelow;
}

function emptyBullets(body: readonly BodyLine[], { recommendation, headingLine }: BodyPlace, found: EmptyBullet[]): void {
  // Most bodies hold no lone marker: one look at each line passes them, without the array of neighbours.
  let any = false;
  for (let i = 0; i < body.length && !any; i++) any = !body[i]!.blank && isEmptyBullet(body[i]!);
  if (!any) return;
  // The nearest line that says something, either side, found in one pass each way: asked line by
  // line, a run of 100,000 lone dashes would be walked 100,000 times.
  const after = meaningfulAfter(body);
  let before: BodyLine | undefined;
  for (let i = 0; i < body.length; i++) {
    const l = body[i]!;
    if (l.blank) continue;
    if (!isEmptyBullet(l)) {
      before = l;
      continue;
    }
    const next = after[i];
    const inList =
      (before === undefined && recommendation) ||
      (before !== undefined && (isBullet(before) || /[.:,!?][ \t*]*$/.test(before.text))) ||
      (next !== undefined && isBullet(next));
    if (inList) found.push({ line: l, betweenEmptyLines: betweenEmptyLines(body, i, headingLine) });
  }
}

/** For each line, the nearest line after it that says something: other lone dashes (a run of empty table cells) are passed over. */
function meaningfulAfter(body: readonly BodyLine[]): (BodyLine | undefined)[] {
  const out: (BodyLine | undefined)[] = new Array<BodyLine | undefined>(body.length);
  let next: BodyLine | undefined;
  for (let i = body.length - 1; i >= 0; i--) {
    out[i] = next;
    const l = body[i]!;
    if (!l.blank && !isEmptyBullet(l)) next = l;
  }
  return out;
}

const BULLET_START = /^[ \t]*(?:[-*•–]|\d{1,3}[.)])(?:[ \t]|$)/;
const isBullet = (l: BodyLine): boolean => BULLET_START.test(l.text);

export const placeholder: Rule = {
  code: 'placeholder',
  severity: 'error',
  description: {
    da: 'En pladsholder fra en skabelon står stadig i teksten (Titel, journalnummer, navne)',
    en: 'A template placeholder is still in the text (Titel, journalnummer, navne)',
  },
  *check({ referat }) {
    const h = referat.header;
    for (const n of [...(h.deltagere?.names ?? []), ...(h.afbud?.names ?? [])]) {
      if (PLACEHOLDER_NAME.test(n.name))
        yield {
          range: n.range,
          message: { da: `"${n.name}" er en pladsholder: skriv deltagernes navne.`, en: `"${n.name}" is a placeholder: write the names of those present.` },
        };
    }
    for (const p of referat.punkter) {
      const title = p.title.replace(CLOSED_TITLE_MARKER, '');
      if (PLACEHOLDER_TITLE.test(title))
        yield {
          range: p.titleRange,
          message: { da: `"${title}" er en pladsholder: skriv punktets titel.`, en: `"${title}" is a placeholder: write the item's title.` },
        };
      const first = journalPlaceholder(p);
      if (first) {
        yield {
          range: first.range,
          message: {
            da: `"${first.text.trim()}" er en pladsholder: skriv punktets journalnummer.`,
            en: `"${first.text.trim()}" is a placeholder: write the item's journal number.`,
          },
        };
      }
    }
  },
};

export const TEXT_RULES: readonly Rule[] = [emptyBullet, placeholder];

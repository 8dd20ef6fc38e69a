import { lineContent } from '../syntax/content';
import { isGroupHeading, punktLabel } from '../model/numbering';
import { canonicalTitle, outOfOrder, sectionKindOf, spacedHeadings } from '../model/sections';
import { handlings, hasText, todaysDecision } from '../model/decision';
import { protokolOf } from '../model/protokol';
import type { Punkt, Referat, Section } from '../model/types';
import { compareDates } from '../model/dates';
import { meetingDate } from '../model/meeting';
import { punktRule } from './perPunkt';
import type { Finding, Fix, Rule } from './types';
import { SECTION_KINDS, WITHOUT_DECISION } from '../dialect/vocabulary';

/** A new heading in the style the punkt already uses (`## **Økonomi**` → `## **Beslutning**`). */
function headingLike(p: Punkt, title: string): string {
  const model = p.sections.find((s) => !s.implicit && s.kind !== 'tidligereBeslutning');
  if (!model) return title;
  const c = lineContent(model.headingText);
  const prefix = model.headingText.slice(0, c.start);
  const suffix = model.headingText.slice(c.start + c.content.length).trimEnd();
  return `${prefix.trimStart()}${title}${suffix}`;
}

/**
 * A new Beslutning section where the decision belongs: before today's Bilag if there is one,
 * else after the punkt's last line. The cursor lands on the empty line under the heading, with a
 * blank line on either side, so she can write the decision at once.
 */
function addDecision(p: Punkt): Fix {
  const heading = headingLike(p, SECTION_KINDS.beslutning);
  const cycle = handlings(p).pop()!;
  const bilag = cycle.find((s) => s.kind === 'bilag');
  const title = { da: 'Tilføj afsnittet Beslutning og skriv beslutningen', en: 'Add a "Beslutning" section and write the decision' };
  if (bilag) {
    const at = bilag.headingRange.start;
    return { title, preferred: true, edits: [{ range: { start: at, end: at }, newText: `${heading}\n\n\n\n` }], cursor: { line: at.line + 2, character: 0 } };
  }
  // After the punkt's last line: the rest of that line (nothing) becomes the cursor's line.
  const end = p.range.end;
  return { title, preferred: true, edits: [{ range: { start: end, end }, newText: `\n\n${heading}\n\n` }], cursor: { line: end.line + 4, character: 0 } };
}

/** How many blank lines follow a line of the punkt (up to its next line that says something), and whether they reach the end of the document. */
function blanksAfter(referat: Referat, p: Punkt, line: number): { blanks: number; reachesEnd: boolean } {
  const punkter = referat.syntax.punkter;
  // The punkt's syntax, found by its heading's line among the punkter in document order: a referat with
  // thousands of empty decisions asks once for each.
  let lo = 0;
  let hi = punkter.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (punkter[mid]!.heading.line < p.headingRange.start.line) lo = mid + 1;
    else hi = mid;
  }
  const at = lo;
  // The syntax's lines leave blank lines out: what follows is the next line that says something.
  const next = punkter[at]?.lines.find((l) => l.line > line && l.text.trim() !== '');
  if (next) return { blanks: next.line - line - 1, reachesEnd: false };
  const after = punkter[at + 1]?.heading.line ?? referat.syntax.approval?.heading.line;
  const end = after ?? referat.syntax.lineCount;
  return { blanks: Math.max(0, end - line - 1), reachesEnd: after === undefined };
}

/** The cursor into an empty decision section, with the blank lines it needs around it added, as the punkt's other headings stand. */
function writeDecision(p: Punkt, s: Section, referat: Referat): Fix {
  const h = s.headingRange.start.line;
  const { blanks, reachesEnd } = blanksAfter(referat, p, h);
  const spaced = spacedHeadings(p, { except: s });
  // At the end of the document no blank line is needed after the cursor's line.
  const missing = Math.max(0, (spaced ? 2 : 1) + (reachesEnd ? 0 : 1) - blanks);
  const end = s.headingRange.end;
  return {
    title: { da: 'Skriv beslutningen', en: 'Write the decision' },
    preferred: true,
    edits: missing > 0 ? [{ range: { start: end, end }, newText: '\n'.repeat(missing) }] : [],
    cursor: { line: h + (spaced ? 2 : 1), character: 0 },
  };
}

/**
 * A dated decision heading dated after the meeting is this meeting's decision with a mistyped
 * date: reference-date reports the date, and the decision is not also reported missing.
 */
function misdatedDecision(p: Punkt, referat: Referat): boolean {
  const today = meetingDate(referat);
  return (
    today !== undefined &&
    p.sections.some((s) => s.earlier?.form === 'dated' && s.earlier.date?.date !== undefined && compareDates(s.earlier.date.date, today) > 0 && hasText(s))
  );
}

export const missingBeslutning: Rule = punktRule({
  code: 'missing-beslutning',
  severity: 'error',
  description: {
    da: 'Et åbent punkt uden Beslutning, eller med et tomt Beslutning-afsnit (lukkede punkter er undtaget)',
    en: 'An open item without a decision: no "Beslutning" section, or an empty one (closed items are exempt)',
  },
  // An agenda is written before the meeting: no decision is expected in it.
  applies: ({ referat }) => referat.kind !== 'dagsorden',
  checkPunkt(p, { referat }) {
    const out: Finding[] = [];
    // A group heading's decisions are its sub-items'.
    if (p.closed || WITHOUT_DECISION.test(p.title) || isGroupHeading(referat, p)) return out;
    const decision = todaysDecision(p);
    if (decision.written && protokolOf(p).onlyProtokol) {
      // A vote, an absence or an inhabil member recorded is no decision: what was decided is still missing.
      const where = decision.sections[decision.sections.length - 1];
      out.push({
        range: where ? where.headingRange : p.headingRange,
        message: {
          da: `Beslutningen i punkt ${punktLabel(p)} siger kun, hvem der stemte, deltog eller var inhabil: hvad der blev besluttet, er ikke skrevet.`,
          en: `The decision of item ${punktLabel(p)} only records who voted, attended or was inhabil: what was decided is not written.`,
        },
      });
      return out;
    }
    if (decision.written || misdatedDecision(p, referat)) return out;
    const afterEarlier = handlings(p).length > 1;
    const empty = decision.sections[decision.sections.length - 1];
    if (empty) {
      // The section as the dialect names it (GetOrganized's `Referat:`); a dated heading as it is written, quoted.
      const title = empty.title.replace(/[ \t:]+$/, '');
      const named = sectionKindOf(empty.title, referat.dialect) === 'beslutning' ? title : `"${title}"`;
      out.push({
        range: empty.headingRange,
        message: {
          da: `Beslutningen i punkt ${punktLabel(p)} er ikke skrevet: afsnittet ${named} er tomt.`,
          en: `The decision of item ${punktLabel(p)} is not written: its "${title}" section is empty.`,
        },
        fixes: [writeDecision(p, empty, referat)],
      });
      return out;
    }
    out.push({
      range: p.headingRange,
      message: afterEarlier
        ? {
            da: `Punkt ${punktLabel(p)} har ingen ny Beslutning efter den tidligere beslutning: dagens beslutning er ikke skrevet.`,
            en: `Item ${punktLabel(p)} has no new "Beslutning" after the earlier decision: today's decision is not recorded.`,
          }
        : {
            da: `Punkt ${punktLabel(p)} har ingen Beslutning: beslutningen er ikke skrevet.`,
            en: `Item ${punktLabel(p)} has no "Beslutning" section: the decision is not recorded.`,
          },
      fixes: [addDecision(p)],
    });
    return out;
  },
});

export const sectionOrder: Rule = punktRule({
  code: 'section-order',
  severity: 'warning',
  description: { da: 'Afsnittene står ikke i den sædvanlige rækkefølge', en: 'Sections out of their usual order' },
  // Only where the system has a fixed order (Lemvig's); First Agenda puts the decision first.
  applies: ({ referat }) => referat.dialect.order !== undefined,
  checkPunkt(p, { referat }) {
    const out: Finding[] = [];
    for (const cycle of handlings(p))
      for (const { section: s, after } of outOfOrder(cycle, referat.dialect))
        out.push({
          range: s.headingRange,
          message: {
            da: `"${s.title}" står efter "${after.title}"; den kommer normalt før.`,
            en: `"${s.title}" comes after "${after.title}"; it normally comes before.`,
          },
        });
    return out;
  },
});

export const duplicateSection: Rule = punktRule({
  code: 'duplicate-section',
  severity: 'warning',
  description: { da: 'Et afsnit, der står to gange i samme behandling', en: 'A section repeated within one handling of the case' },
  // Where every part has its one place (Lemvig's); other systems repeat `Bilag` and the like.
  applies: ({ referat }) => referat.dialect.uniqueSections === true,
  // The message names the line of the first one.
  namesLines: true,
  checkPunkt(p) {
    const out: Finding[] = [];
    for (const cycle of handlings(p)) {
      const seen = new Map<string, Section>();
      for (const s of cycle) {
        // Supplementary account and recommendation stand beside the first ones legally.
        const key = s.kind === 'indstilling' && /^supplerende/i.test(s.title) ? 'supplerendeIndstilling' : s.kind;
        const first = seen.get(key);
        if (first)
          out.push({
            range: s.headingRange,
            message: {
              da: `"${canonicalTitle(s.kind)}" står allerede i punkt ${punktLabel(p)} (linje ${first.headingRange.start.line + 1}).`,
              en: `"${canonicalTitle(s.kind)}" already appears in item ${punktLabel(p)} (line ${first.headingRange.start.line + 1}).`,
            },
          });
        else seen.set(key, s);
      }
    }
    return out;
  },
});

export const emptySection: Rule = punktRule({
  code: 'empty-section',
  severity: 'warning',
  description: { da: 'Et afsnit uden indhold', en: 'A section with no content' },
  applies: ({ referat }) => !referat.dialect.printsEmptySections,
  checkPunkt(p, { referat }) {
    const out: Finding[] = [];
    const groups = referat.dialect.groupHeadings ?? [];
    // Today's empty decision is missing-beslutning's to report, as an error; in a dagsorden it is
    // the place the meeting writes it, a closed punkt's too.
    let today: readonly Section[] | undefined;
    for (let i = 0; i < p.sections.length; i++) {
      const s = p.sections[i]!;
      if (hasText(s)) continue;
      today ??= p.closed && referat.kind !== 'dagsorden' ? [] : todaysDecision(p).sections;
      if (today.includes(s)) continue;
      // A group heading's text is the sections under it.
      if (groups.includes(s.title.toLowerCase()) && p.sections[i + 1]) continue;
      out.push({
        range: s.headingRange,
        message: { da: `Afsnittet "${s.title}" i punkt ${punktLabel(p)} er tomt.`, en: `The section "${s.title}" in item ${punktLabel(p)} is empty.` },
      });
    }
    return out;
  },
});

export const decisionInAgenda: Rule = punktRule({
  code: 'decision-in-agenda',
  severity: 'warning',
  description: {
    da: 'En dagsorden med en beslutning skrevet i (en dagsorden skrives før mødet)',
    en: 'An agenda with a decision written in it (an agenda is written before the meeting)',
  },
  applies: ({ referat }) => referat.kind === 'dagsorden',
  checkPunkt(p) {
    const out: Finding[] = [];
    const written = todaysDecision(p).sections.find(hasText);
    if (!written) return out;
    out.push({
      range: written.headingRange,
      message: {
        da: `Dagsordenens punkt ${punktLabel(p)} har en beslutning: er det referatet? Skriv i så fald REFERAT i titlen.`,
        en: `Item ${punktLabel(p)} of the agenda has a decision: is this the minutes? If so, write REFERAT in the title.`,
      },
    });
    return out;
  },
});

export const SECTION_RULES: readonly Rule[] = [missingBeslutning, sectionOrder, duplicateSection, emptySection, decisionInAgenda];

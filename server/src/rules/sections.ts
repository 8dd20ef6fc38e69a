import { lineContent } from '../syntax/content';
import { canonicalTitle, orderIndex } from '../model/sections';
import type { Punkt, Section } from '../model/types';
import type { Fix, Rule } from './types';

/** Sections between earlier decisions: each handling of the case is checked on its own. */
function cycles(p: Punkt): Section[][] {
  const out: Section[][] = [[]];
  for (const s of p.sections) {
    if (s.kind === 'tidligereBeslutning') out.push([]);
    else out[out.length - 1]!.push(s);
  }
  return out;
}

/** A new heading in the style the punkt already uses (`## **Økonomi**` → `## **Beslutning**`). */
function headingLike(p: Punkt, title: string): string {
  const model = p.sections.find((s) => !s.implicit && s.kind !== 'tidligereBeslutning');
  if (!model) return title;
  const c = lineContent(model.headingText);
  const prefix = model.headingText.slice(0, c.start);
  const suffix = model.headingText.slice(c.start + c.content.length).trimEnd();
  return `${prefix.trimStart()}${title}${suffix}`;
}

export const missingBeslutning: Rule = {
  code: 'missing-beslutning',
  severity: 'error',
  description: { da: 'Et åbent punkt uden Beslutning (lukkede punkter er undtaget)', en: 'An open punkt without a Beslutning section (closed punkter are exempt)' },
  *check({ referat }) {
    for (const p of referat.punkter) {
      if (p.closed) continue;
      const all = cycles(p);
      const last = all[all.length - 1]!;
      if (last.some((s) => s.kind === 'beslutning')) continue;
      const earlier = all.length > 1;
      const heading = headingLike(p, 'Beslutning');
      const fix: Fix = {
        title: { da: 'Tilføj afsnittet Beslutning', en: 'Add a Beslutning section' },
        edits: [{ range: { start: p.range.end, end: p.range.end }, newText: `\n\n${heading}\n\n` }],
      };
      yield {
        range: p.headingRange,
        message: earlier
          ? { da: `Punkt ${p.number} har ingen ny Beslutning efter den tidligere beslutning: dagens beslutning er ikke skrevet.`, en: `Punkt ${p.number} has no new Beslutning after the earlier decision: today's decision is not recorded.` }
          : { da: `Punkt ${p.number} har ingen Beslutning: beslutningen er ikke skrevet.`, en: `Punkt ${p.number} has no Beslutning: the decision is not recorded.` },
        fixes: [fix],
      };
    }
  },
};

export const sectionOrder: Rule = {
  code: 'section-order',
  severity: 'warning',
  description: { da: 'Afsnittene står ikke i den sædvanlige rækkefølge', en: 'Sections out of their usual order' },
  *check({ referat }) {
    for (const p of referat.punkter) {
      for (const cycle of cycles(p)) {
        let latest: Section | undefined;
        for (const s of cycle) {
          if (latest && orderIndex(s.kind) < orderIndex(latest.kind)) {
            yield { range: s.headingRange, message: { da: `"${canonicalTitle(s.kind)}" står efter "${canonicalTitle(latest.kind)}"; den kommer normalt før.`, en: `"${canonicalTitle(s.kind)}" comes after "${canonicalTitle(latest.kind)}"; it normally comes before.` } };
          } else latest = s;
        }
      }
    }
  },
};

export const duplicateSection: Rule = {
  code: 'duplicate-section',
  severity: 'warning',
  description: { da: 'Et afsnit, der står to gange i samme behandling', en: 'A section repeated within one handling of the case' },
  *check({ referat }) {
    for (const p of referat.punkter) {
      for (const cycle of cycles(p)) {
        const seen = new Map<string, Section>();
        for (const s of cycle) {
          // Supplementary account and recommendation stand beside the first ones legally.
          const key = s.kind === 'indstilling' && /^supplerende/i.test(s.title) ? 'supplerendeIndstilling' : s.kind;
          const first = seen.get(key);
          if (first) yield { range: s.headingRange, message: { da: `"${canonicalTitle(s.kind)}" står allerede i punkt ${p.number} (linje ${first.headingRange.start.line + 1}).`, en: `"${canonicalTitle(s.kind)}" already appears in punkt ${p.number} (line ${first.headingRange.start.line + 1}).` } };
          else seen.set(key, s);
        }
      }
    }
  },
};

export const emptySection: Rule = {
  code: 'empty-section',
  severity: 'warning',
  description: { da: 'Et afsnit uden indhold', en: 'A section with no content' },
  *check({ referat }) {
    for (const p of referat.punkter) {
      for (const s of p.sections) {
        const hasText = s.body.some((b) => !b.blank);
        if (hasText || s.recommendations.some((r) => r.bullets.length > 0)) continue;
        yield { range: s.headingRange, message: { da: `Afsnittet "${s.title}" i punkt ${p.number} er tomt.`, en: `The section "${s.title}" in punkt ${p.number} is empty.` } };
      }
    }
  },
};

export const SECTION_RULES: readonly Rule[] = [missingBeslutning, sectionOrder, duplicateSection, emptySection];

import type { Punkt, TocEntry } from '../model/types';
import type { Finding, Rule } from './types';

function norm(s: string): string {
  // A title's own final full stop is indistinguishable from the dot leader.
  let t = s.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();
  let end = t.length;
  while (end > 0 && t.charCodeAt(end - 1) === 46) end--;
  t = t.slice(0, end);
  return t.toLowerCase();
}

type Step = { entry?: number; punkt?: number };

/** Aligns entries with punkter by their longest common subsequence of titles. */
function align(entries: readonly string[], titles: readonly string[]): Step[] {
  const n = entries.length;
  const m = titles.length;
  // The table is small for real minutes; past a million cells compare position by position.
  if (n * m > 1_000_000) {
    const steps: Step[] = [];
    for (let i = 0; i < Math.max(n, m); i++) steps.push({ ...(i < n ? { entry: i } : {}), ...(i < m ? { punkt: i } : {}) });
    return steps;
  }
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = entries[i] === titles[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && entries[i] === titles[j]) steps.push({ entry: i++, punkt: j++ });
    else if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) steps.push({ punkt: j++ });
    else steps.push({ entry: i++ });
  }
  return steps;
}

export const tocMismatch: Rule = {
  code: 'toc-mismatch',
  severity: 'warning',
  description: { da: 'Indholdsfortegnelsen passer ikke til punkterne (mangler, ekstra, omdøbt, forkert rækkefølge)', en: 'Indholdsfortegnelse entries missing, extra, renamed or out of order' },
  *check({ referat }) {
    const toc = referat.toc;
    if (!toc) return;
    const entries = toc.entries;
    const punkter = referat.punkter;
    const eNorm = entries.map((e) => norm(e.title));
    const pNorm = punkter.map((p) => norm(p.title));
    const steps = align(eNorm, pNorm);

    // Within each run between matches, unmatched entries and punkter pair up as renamings.
    let pendingEntries: number[] = [];
    let pendingPunkter: number[] = [];
    const findings: Finding[] = [];
    const flush = (nextEntryLine: number | undefined, prevEntry: TocEntry | undefined): void => {
      const movedOrOrphan = (i: number): boolean => pNorm.includes(eNorm[i]!);
      const orphanEntries = pendingEntries.filter((i) => !movedOrOrphan(i));
      const orphanPunkter = pendingPunkter.filter((j) => !eNorm.includes(pNorm[j]!));
      for (const i of pendingEntries) if (movedOrOrphan(i)) findings.push(outOfOrder(entries[i]!, punkter[pNorm.indexOf(eNorm[i]!)]!));
      orphanEntries.forEach((i, k) => {
        const e = entries[i]!;
        const p = orphanPunkter[k];
        if (p !== undefined) findings.push(renamed(e, punkter[p]!));
        else findings.push({ range: e.titleRange, message: { da: `"${e.title}" i indholdsfortegnelsen svarer ikke til noget punkt.`, en: `"${e.title}" in the table of contents matches no punkt.` } });
      });
      for (const j of orphanPunkter.slice(orphanEntries.length)) findings.push(missing(punkter[j]!, nextEntryLine, prevEntry, toc.headingRange.end.line));
      pendingEntries = [];
      pendingPunkter = [];
    };
    let prevEntry: TocEntry | undefined;
    for (const s of steps) {
      if (s.entry !== undefined && s.punkt !== undefined) {
        flush(entries[s.entry]!.line, prevEntry);
        prevEntry = entries[s.entry];
      } else if (s.entry !== undefined) pendingEntries.push(s.entry);
      else if (s.punkt !== undefined) pendingPunkter.push(s.punkt);
    }
    flush(undefined, prevEntry ?? entries[entries.length - 1]);
    yield* findings;
  },
};

function renamed(e: TocEntry, p: Punkt): Finding {
  return {
    range: e.titleRange,
    message: { da: `Indholdsfortegnelsen siger "${e.title}", men punkt ${p.number} hedder "${p.title}".`, en: `The table of contents says "${e.title}", but punkt ${p.number} is called "${p.title}".` },
    fixes: [{ title: { da: `Ret til "${p.title}"`, en: `Change to "${p.title}"` }, edits: [{ range: e.titleRange, newText: p.title }] }],
  };
}

function outOfOrder(e: TocEntry, p: Punkt): Finding {
  return { range: e.titleRange, message: { da: `"${e.title}" står i en anden rækkefølge end punkt ${p.number} i referatet.`, en: `"${e.title}" is out of order compared with punkt ${p.number} in the referat.` } };
}

function missing(p: Punkt, nextEntryLine: number | undefined, prevEntry: TocEntry | undefined, headingLine: number): Finding {
  const atLine = nextEntryLine ?? (prevEntry ? prevEntry.line + 1 : headingLine + 1);
  const reportLine = nextEntryLine ?? prevEntry?.line ?? headingLine;
  return {
    range: { start: { line: reportLine, character: 0 }, end: { line: reportLine, character: 0 } },
    message: { da: `Punkt ${p.number} "${p.title}" mangler i indholdsfortegnelsen.`, en: `Punkt ${p.number} "${p.title}" is missing from the table of contents.` },
    fixes: [{ title: { da: `Tilføj "${p.title}" til indholdsfortegnelsen`, en: `Add "${p.title}" to the table of contents` }, edits: [{ range: { start: { line: atLine, character: 0 }, end: { line: atLine, character: 0 } }, newText: `${p.title}.....\n` }] }],
  };
}

export const TOC_RULES: readonly Rule[] = [tocMismatch];

import type { Punkt, TocEntry } from '../model/types';
import type { Referat } from '../model/types';
import type { Finding, Fix, Rule, TextEdit } from './types';

/** A title cut shorter than this says too little to stand for the punkt whose title begins with it. */
const SHORTEST_CUT_TITLE = 24;
/** The table is small for real minutes; past this many cells entries and punkter are compared position by position. */
const MAX_ALIGNMENT_CELLS = 1_000_000;

/**
 * An entry stands for a punkt when their titles are the same, or when the table of contents cut a
 * long title short (First Agenda's PDF) and the punkt's title begins with what is left.
 */
function same(entry: string, title: string): boolean {
  return entry === title || (entry.length >= SHORTEST_CUT_TITLE && title.startsWith(entry));
}

/** Titles made comparable, kept: a long referat's hundreds of titles are the same at its next check. */
const normed = new Map<string, string>();
/** Titles kept at once: a workspace's open documents' tables and punkter (a referat of 40,000 punkter normed them all at every check under 20,000). */
const NORMED_TITLES = 100_000;

function norm(s: string): string {
  let n = normed.get(s);
  if (n === undefined) {
    if (normed.size >= NORMED_TITLES) normed.clear();
    normed.set(s, (n = normTitle(s)));
  }
  return n;
}

function normTitle(s: string): string {
  // A title's own final full stop is indistinguishable from the dot leader.
  let t = s.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();
  let end = t.length;
  while (end > 0 && t.charCodeAt(end - 1) === 46) end--;
  t = t.slice(0, end);
  return t.toLowerCase();
}

type Step = { entry?: number; punkt?: number };

/**
 * Aligns entries with punkter by their longest common subsequence of titles. The run that matches
 * at either end (all of it, in a table that is right) is paired directly, as a diff does: only what
 * lies between is aligned cell by cell.
 */
export function align(entries: readonly string[], titles: readonly string[]): Step[] {
  let head = 0;
  while (head < entries.length && head < titles.length && same(entries[head]!, titles[head]!)) head++;
  let tail = 0;
  while (tail < entries.length - head && tail < titles.length - head && same(entries[entries.length - 1 - tail]!, titles[titles.length - 1 - tail]!)) tail++;
  const middle = alignAll(entries.slice(head, entries.length - tail), titles.slice(head, titles.length - tail)).map((st): Step => ({
    ...(st.entry !== undefined ? { entry: st.entry + head } : {}),
    ...(st.punkt !== undefined ? { punkt: st.punkt + head } : {}),
  }));
  const steps: Step[] = [];
  for (let i = 0; i < head; i++) steps.push({ entry: i, punkt: i });
  steps.push(...middle);
  for (let k = tail; k > 0; k--) steps.push({ entry: entries.length - k, punkt: titles.length - k });
  return steps;
}

export function alignAll(entries: readonly string[], titles: readonly string[]): Step[] {
  const n = entries.length;
  const m = titles.length;
  if (n * m > MAX_ALIGNMENT_CELLS) {
    const steps: Step[] = [];
    for (let i = 0; i < Math.max(n, m); i++) steps.push({ ...(i < n ? { entry: i } : {}), ...(i < m ? { punkt: i } : {}) });
    return steps;
  }
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = same(entries[i]!, titles[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && same(entries[i]!, titles[j]!)) steps.push({ entry: i++, punkt: j++ });
    else if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) steps.push({ punkt: j++ });
    else steps.push({ entry: i++ });
  }
  return steps;
}

/** Pairs each punkt with the table-of-contents entry that stands for it: same title, or renamed in place. */
function pairEntries(entries: readonly TocEntry[], punkter: readonly Punkt[]): { steps: Step[]; entryOf: (number | undefined)[] } {
  const eNorm = entries.map((e) => norm(e.title));
  const pNorm = punkter.map((p) => norm(p.title));
  const steps = align(eNorm, pNorm);
  const entryOf: (number | undefined)[] = punkter.map(() => undefined);
  let pendingE: number[] = [];
  let pendingP: number[] = [];
  const flush = (): void => {
    // Within a run between matches, what is left over on both sides pairs up in order: a renaming.
    const orphanE = pendingE.filter((i) => !pNorm.some((t) => same(eNorm[i]!, t)));
    const orphanP = pendingP.filter((j) => !eNorm.some((e) => same(e, pNorm[j]!)));
    orphanP.forEach((j, k) => (entryOf[j] = orphanE[k]));
    pendingE = [];
    pendingP = [];
  };
  for (const st of steps) {
    if (st.entry !== undefined && st.punkt !== undefined) {
      flush();
      entryOf[st.punkt] = st.entry;
    } else if (st.entry !== undefined) pendingE.push(st.entry);
    else if (st.punkt !== undefined) pendingP.push(st.punkt);
  }
  flush();
  return { steps, entryOf };
}

export const tocMismatch: Rule = {
  code: 'toc-mismatch',
  severity: 'warning',
  description: {
    da: 'Indholdsfortegnelsen passer ikke til punkterne (mangler, ekstra, omdøbt, forkert rækkefølge)',
    en: 'Table of contents entries missing, extra, renamed or out of order',
  },
  *check({ referat }) {
    const toc = referat.toc;
    if (!toc) return;
    const entries = toc.entries;
    const punkter = referat.punkter;
    const eNorm = entries.map((e) => norm(e.title));
    const pNorm = punkter.map((p) => norm(p.title));
    const steps = align(eNorm, pNorm);

    let pendingEntries: number[] = [];
    let pendingPunkter: number[] = [];
    const findings: Finding[] = [];
    const flush = (nextEntryLine: number | undefined, prevEntry: TocEntry | undefined): void => {
      const movedOrOrphan = (i: number): boolean => pNorm.some((t) => same(eNorm[i]!, t));
      const orphanEntries = pendingEntries.filter((i) => !movedOrOrphan(i));
      const orphanPunkter = pendingPunkter.filter((j) => !eNorm.some((e) => same(e, pNorm[j]!)));
      for (const i of pendingEntries) if (movedOrOrphan(i)) findings.push(outOfOrder(entries[i]!, punkter[pNorm.findIndex((t) => same(eNorm[i]!, t))]!));
      orphanEntries.forEach((i, k) => {
        const e = entries[i]!;
        const p = orphanPunkter[k];
        if (p !== undefined) findings.push(renamed(e, punkter[p]!));
        else
          findings.push({
            range: e.titleRange,
            message: { da: `"${e.title}" i indholdsfortegnelsen svarer ikke til noget punkt.`, en: `"${e.title}" in the table of contents matches no item.` },
          });
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
    if (findings.length === 0) return;
    // One edit brings the whole table in step: offered first with every finding, and applied on Enter.
    const regenerate = tocEdit(referat);
    const update: Fix[] = regenerate
      ? [{ title: { da: 'Opdatér indholdsfortegnelsen', en: 'Update the table of contents' }, edits: [regenerate], preferred: true }]
      : [];
    for (const f of findings) yield { ...f, fixes: [...update, ...(f.fixes ?? [])] };
  },
};

function renamed(e: TocEntry, p: Punkt): Finding {
  return {
    range: e.titleRange,
    message: {
      da: `Indholdsfortegnelsen siger "${e.title}", men punkt ${p.number} hedder "${p.title}".`,
      en: `The table of contents says "${e.title}", but item ${p.number} is called "${p.title}".`,
    },
    fixes: [{ title: { da: `Ret til "${p.title}"`, en: `Change to "${p.title}"` }, edits: [{ range: e.titleRange, newText: p.title }] }],
  };
}

function outOfOrder(e: TocEntry, p: Punkt): Finding {
  return {
    range: e.titleRange,
    message: {
      da: `"${e.title}" står i en anden rækkefølge end punkt ${p.number} i referatet.`,
      en: `"${e.title}" is out of order compared with item ${p.number} in the minutes.`,
    },
  };
}

function missing(p: Punkt, nextEntryLine: number | undefined, prevEntry: TocEntry | undefined, headingLine: number): Finding {
  const atLine = nextEntryLine ?? (prevEntry ? prevEntry.line + 1 : headingLine + 1);
  const reportLine = nextEntryLine ?? prevEntry?.line ?? headingLine;
  return {
    range: { start: { line: reportLine, character: 0 }, end: { line: reportLine, character: 0 } },
    message: {
      da: `Punkt ${p.number} "${p.title}" mangler i indholdsfortegnelsen.`,
      en: `Item ${p.number} "${p.title}" is missing from the table of contents.`,
    },
    fixes: [
      {
        title: { da: `Tilføj "${p.title}" til indholdsfortegnelsen`, en: `Add "${p.title}" to the table of contents` },
        edits: [{ range: { start: { line: atLine, character: 0 }, end: { line: atLine, character: 0 } }, newText: `${p.title}.....\n` }],
      },
    ],
  };
}

export const TOC_RULES: readonly Rule[] = [tocMismatch];

/** How this document writes its entries: `Title.....<tab>3`, bold titles, right-aligned pages. */
interface TocForm {
  readonly dots: string;
  readonly separator: string;
  /** The column where every entry's dot leader ends, when they are padded to it. */
  readonly leaderEnd?: number;
  /** The column where page numbers end, when every entry is padded to it. */
  readonly alignTo?: number;
}

const ENTRY = /^(.*?)(\.{3,})([ \t]*)(\d{1,4})[ \t]*$/;

function mostCommon(values: readonly string[], fallback: string): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = fallback;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}

function tocForm(lines: readonly string[]): TocForm {
  const ms = lines.map((l) => ENTRY.exec(l)).filter((m): m is RegExpExecArray => m !== null);
  const dots = mostCommon(
    ms.map((m) => m[2]!),
    '.....',
  );
  const separator = mostCommon(
    ms.map((m) => m[3]!),
    '\t',
  );
  const ends = new Set(ms.map((m) => m[0].trimEnd().length));
  const leaderEnds = new Set(ms.map((m) => m[1]!.length + m[2]!.length));
  const aligned = ms.length >= 2 && ends.size === 1 && !separator.includes('\t') && separator.length > 1;
  return {
    dots,
    separator,
    ...(ms.length >= 2 && leaderEnds.size === 1 ? { leaderEnd: [...leaderEnds][0]! } : {}),
    ...(aligned ? { alignTo: [...ends][0]! } : {}),
  };
}

function formatEntry(title: string, page: number | undefined, form: TocForm): string {
  // The leader fills to the document's column where it has one; a long title still gets three dots.
  const dots = form.leaderEnd !== undefined ? '.'.repeat(Math.max(3, form.leaderEnd - title.length)) : form.dots;
  const lead = `${title}${dots}`;
  if (page === undefined) return lead;
  if (form.alignTo !== undefined) return `${lead}${' '.repeat(Math.max(1, form.alignTo - lead.length - String(page).length))}${page}`;
  return `${lead}${form.separator}${page}`;
}

/**
 * The table of contents rewritten from the punkter in the document's own form. An entry keeps
 * its page where its punkt kept its title or was renamed in place; a new punkt gets the page
 * of the entry before it (it starts there or later; the published PDF has the exact page). A
 * line in the table that is no entry (a note: no dot leader, no page, no punkt's title) is
 * kept after the entries: an edit never drops what the secretary wrote.
 */
export function tocEdit(referat: Referat): TextEdit | undefined {
  const toc = referat.toc;
  if (!toc || referat.punkter.length === 0) return undefined;
  const current = toc.entries.map((e) => norm(e.title)).join('\n');
  if (current === referat.punkter.map((p) => norm(p.title)).join('\n')) return undefined;
  const source = new Map((referat.syntax.toc?.lines ?? []).map((l) => [l.line, l.text]));
  const form = tocForm(toc.entries.map((e) => source.get(e.line) ?? ''));
  const { entryOf } = pairEntries(toc.entries, referat.punkter);
  let previousPage: number | undefined;
  const lines = referat.punkter.map((p, j) => {
    const e = entryOf[j];
    const page = (e !== undefined ? toc.entries[e]!.page : undefined) ?? previousPage;
    previousPage = page;
    return formatEntry(p.title, page, form);
  });
  const first = toc.entries[0]?.line ?? toc.headingRange.start.line + 2;
  const last = toc.entries[toc.entries.length - 1]?.line;
  if (last === undefined) return { range: { start: { line: first, character: 0 }, end: { line: first, character: 0 } }, newText: `${lines.join('\n')}\n` };
  const titles = new Set(referat.punkter.map((p) => norm(p.title)));
  const used = new Set(entryOf.filter((e): e is number => e !== undefined));
  const kept = toc.entries
    .filter((e, i) => !used.has(i) && e.page === undefined && !titles.has(norm(e.title)) && !DOT_LEADER.test(source.get(e.line) ?? ''))
    .map((e) => source.get(e.line) ?? e.title);
  return { range: { start: { line: first, character: 0 }, end: { line: last + 1, character: 0 } }, newText: `${[...lines, ...kept].join('\n')}\n` };
}
const DOT_LEADER = /\.{3,}[ \t]*\d*[ \t]*$/;

import { udvalgNamed, type NameCatalog } from '../config/catalog';
import { documentWord, WITHOUT_DECISION } from '../dialect/vocabulary';
import type { LocalizedText } from '../i18n/locale';
import { formatTitleDate, pad2 } from '../model/dates';
import { todaysDecision } from '../model/decision';
import { meetingDate } from '../model/meeting';
import { isGroupHeading } from '../model/numbering';
import { spacedHeadings } from '../model/sections';
import type { Punkt, Referat, Section } from '../model/types';
import { lineContent } from '../syntax/content';
import type { Position } from '../syntax/range';

export type CreatedReferat =
  | {
      readonly ok: true;
      readonly text: string;
      /** The first empty decision, where she starts writing. */ readonly cursor: Position;
      /** The decisions she has to write: the new empty ones and those the dagsorden already printed empty. */
      readonly decisions: number;
    }
  | { readonly ok: false; readonly problem: LocalizedText };

/**
 * A dagsorden made into the referat to write during the meeting, in the document's own dialect:
 * the title says referat, every open punkt gets an empty decision where the dialect puts it, and
 * the header gets the attendance lines. Only insertions and the title's word change: every word
 * of the dagsorden is kept.
 */
export function createReferat(text: string, dagsorden: Referat, catalog: NameCatalog): CreatedReferat {
  const title = dagsorden.header.title;
  if (!title) return { ok: false, problem: { da: 'Dokumentet har ingen titellinje (DAGSORDEN …).', en: 'The document has no title line (DAGSORDEN …).' } };
  if (dagsorden.kind !== 'dagsorden')
    return {
      ok: false,
      problem: { da: `Dokumentet er ikke en dagsorden: titlen siger "${title.word}".`, en: `The document is not an agenda: its title says "${title.word}".` },
    };

  // The parser reads past a BOM; the lines here must be the lines it numbered.
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const source = bom ? text.slice(1) : text;
  const eol = /\r\n/.test(source) ? '\r\n' : '\n';
  const lines = source.split(/\r\n|\r|\n/);
  /** Lines to insert before line i (lines.length: at the end). */
  const before = new Map<number, string[]>();
  /** Inserts a block before line `at`; returns where in that line's insertions it starts. */
  const insert = (at: number, block: readonly string[]): number => {
    const existing = before.get(at) ?? [];
    before.set(at, [...existing, ...block]);
    return existing.length;
  };

  // The title's word: `DAGSORDEN` → `REFERAT`, `Dagsorden` → `Referat`, as written.
  const titleLine = title.range.start.line;
  const word = title.word;
  const at = lines[titleLine]!.indexOf(word);
  const referatWord = documentWord('referat', word === word.toUpperCase() ? 'upper' : 'capital');
  lines[titleLine] = lines[titleLine]!.slice(0, at) + referatWord + lines[titleLine]!.slice(at + word.length);

  attendance(dagsorden, catalog, lines, insert);

  // Each open punkt's decision, empty, where the dialect writes it.
  let first: { line: number; offset: number } | undefined;
  let decisions = 0;
  for (const p of dagsorden.punkter) {
    // A group heading (`1  First Agenda` above its sub-items) has its decisions in them.
    if (p.closed || WITHOUT_DECISION.test(p.title) || isGroupHeading(dagsorden, p) || todaysDecision(p).sections.length > 0) continue;
    const place = decisionPlace(dagsorden, p, lines);
    const heading = decorate(p, lines, decisionHeading(dagsorden, p), place.model);
    // The empty line she writes on comes right after the heading, or after the blank line below it;
    // after the punkt's last line, a blank line sets the heading off, as every heading there is.
    const block = spacedHeadings(p) ? (place.after ? ['', heading, '', ''] : [heading, '', '', '']) : place.after ? ['', heading, ''] : [heading, ''];
    const writeAt = block.indexOf(heading) + (block.length === 4 ? 2 : 1);
    const start = insert(place.line, block);
    first ??= { line: place.line, offset: start + writeAt };
    decisions++;
  }

  // Decision headings the dagsorden already has, empty (a system that prints its template): hers to
  // write too. Each gets her line to write on, set off as the punkt's headings are (right under the
  // heading, or after a blank line), and a blank line after it before what follows.
  let emptyHeading: { line: number; offset: number } | undefined;
  for (const p of dagsorden.punkter) {
    if (p.closed || WITHOUT_DECISION.test(p.title)) continue;
    const d = todaysDecision(p);
    const s = d.sections[d.sections.length - 1];
    if (d.written || !s) continue;
    decisions++;
    const h = s.headingRange.start.line;
    let blanks = 0;
    while (h + 1 + blanks < lines.length && lines[h + 1 + blanks]!.trim() === '') blanks++;
    const spaced = spacedHeadings(p);
    const atEnd = h + 1 + blanks >= lines.length;
    const wanted = (spaced ? 2 : 1) + (atEnd ? 0 : 1);
    const start = blanks < wanted ? insert(h + 1, new Array<string>(wanted - blanks).fill('')) : 0;
    // Where no decision was added, she starts at the first of them.
    if (!first && !emptyHeading) emptyHeading = { line: h + 1, offset: start + (spaced ? 1 : 0) };
  }

  // Assemble; the cursor goes to the first empty decision.
  const out: string[] = [];
  let cursor: Position | undefined;
  for (let i = 0; i <= lines.length; i++) {
    const added = before.get(i);
    // Her line: in the lines put before line i, or line i itself where none were needed.
    if (emptyHeading?.line === i) cursor = { line: out.length + emptyHeading.offset, character: 0 };
    if (added) {
      if (first?.line === i) cursor = { line: out.length + first.offset, character: 0 };
      out.push(...added);
    }
    if (i < lines.length) out.push(lines[i]!);
  }
  return { ok: true, text: bom + out.join(eol), cursor: cursor ?? { line: titleLine, character: 0 }, decisions };
}

/** The dialect's decision heading for this punkt, dated this meeting where the dialect dates it. */
function decisionHeading(r: Referat, p: Punkt): string {
  const udvalg = r.header.title?.udvalg ?? '';
  const date = meetingDate(r);
  return r.dialect.newDecision.heading
    .replace('{udvalgets}', udvalg ? (/[sxz]$/i.test(udvalg) ? udvalg : `${udvalg}s`) : 'Udvalgets')
    .replace('{udvalg}', udvalg || 'udvalget')
    .replace('{dato.}', date ? `${pad2(date.day)}.${pad2(date.month)}.${date.year}` : '')
    .replace('{dato-}', date ? formatTitleDate(date) : '')
    .replace('{n}', String(p.number));
}

/**
 * Where the decision goes: before a section (the first, `Bilag`) or after the punkt's last line;
 * and the neighbouring section whose heading it is written like (`## **Bilag**` → `## **Beslutning**`).
 */
function decisionPlace(r: Referat, p: Punkt, lines: readonly string[]): { line: number; after: boolean; model: Section | undefined } {
  const place = r.dialect.newDecision.place;
  const written = p.sections.filter((s) => !s.implicit);
  if (place === 'first') {
    const first = p.sections[0];
    if (first) return { line: first.headingRange.start.line, after: false, model: written[0] };
  }
  if (place === 'before-bilag') {
    const bilag = p.sections.find((s) => s.kind === 'bilag');
    if (bilag) return { line: bilag.headingRange.start.line, after: false, model: bilag.implicit ? written[written.length - 1] : bilag };
  }
  // After the punkt's last line that says something.
  let last = p.range.end.line;
  while (last > p.headingRange.start.line && (lines[last] ?? '').trim() === '') last--;
  return { line: last + 1, after: true, model: written.filter((s) => s.kind !== 'tidligereBeslutning').pop() };
}

/** The heading in the decoration of the section beside it (`### **…**`), so it stands at that section's level. */
function decorate(p: Punkt, lines: readonly string[], heading: string, model: Section | undefined): string {
  if (!model || model.kind === 'tidligereBeslutning') return p.headingLevel > 0 ? `${'#'.repeat(p.headingLevel + 1)} ${heading}` : heading;
  const text = lines[model.headingRange.start.line] ?? model.headingText;
  const c = lineContent(text);
  const prefix = text.slice(0, c.start).trimStart();
  const suffix = text.slice(c.start + c.content.length).trimEnd();
  return `${prefix}${heading}${suffix}`;
}

/** The attendance lines to fill in, where the header lacks them: members from referat.yaml or the archive. */
function attendance(r: Referat, catalog: NameCatalog, lines: string[], insert: (at: number, block: readonly string[]) => number): void {
  const h = r.header;
  const members = udvalgNamed(catalog, h.title?.udvalg)?.medlemmer ?? [];
  const { present, absent, form } = r.dialect.attendance;

  // A label already there with nothing after it (`Mødedeltagere:` on a publication page): the names go on its line.
  if (h.deltagere && h.deltagere.names.length === 0 && members.length > 0 && form === 'inline') {
    const l = h.deltagere.range.start.line;
    const sep = lines[l]!.endsWith('\t') || lines[l]!.endsWith(' ') ? '' : lines[l]!.includes(':') ? '\t' : ' ';
    lines[l] = `${lines[l]!}${sep}${members.join(', ')}`;
  }
  const wantPresent = !h.deltagere;
  const wantAbsent = !h.afbud;
  if (!wantPresent && !wantAbsent) return;

  // Below the last header field, in its decoration and with its separator (`Mødested   `, `**Mødested** `, `Mødested:⇥`).
  const anchor = [h.deltagere?.range, h.moedested?.range, h.moedeDato?.range, h.title?.range]
    .filter((x) => x !== undefined)
    .sort((a, b) => b.end.line - a.end.line)[0]!;
  const anchorLine = lines[anchor.start.line] ?? '';
  const m = /^(\W*?)(\p{L}[\p{L}/ ]*?)(\*\*)?(:?)([ \t]*)/u.exec(anchorLine);
  const isField = anchor !== h.title?.range && m !== null;
  const lead = isField ? m[1]! : '';
  const close = isField ? (m[3] ?? '') : '';
  const colon = isField ? m[4]! : '';
  const sep = isField && m[5] ? m[5] : colon ? '\t' : ' ';
  const spaced = (lines[anchor.end.line + 1] ?? '').trim() === '';
  const block: string[] = [];
  const add = (label: string, names: readonly string[]): void => {
    if (spaced) block.push('');
    if (form === 'inline') block.push(`${lead}${label}${close}${colon}${names.length > 0 ? sep + names.join(', ') : ''}`.trimEnd());
    else block.push(label, ...names);
  };
  if (wantPresent) add(present, members);
  if (wantAbsent) add(absent, []);
  insert(anchor.end.line + 1, block);
}

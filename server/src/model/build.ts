import type { Dialect } from '../dialect/dialects';
import { LexMemory } from '../syntax/lexer';
import type { PunktSyntax, ReferatSyntax, SyntaxLine } from '../syntax/tree';
import { readApproval } from './approval';
import { readHeader } from './header';
import { bodyLine, buildPunkt, type PunktContext } from './punkt';
import { movedPunkt } from './moved';
import { buildToc } from './toc';
import type { BodyLine, Punkt, Referat, Toc } from './types';

export { readDate } from './read';
export { readHeader } from './header';
export { bodyLine, isJournalLine, normalizeUdvalg as normalizeBody, readEarlierDecision, readPunktHeading } from './punkt';

/**
 * The punkter of a document's last reading, each by everything it was built from: its lines (kind,
 * number and text) and its context. An edit changes a punkt or two; the others are not built
 * again, and those an added or removed line moved are moved, not read again (`movedPunkt`). One
 * memory per document; it keeps only the punkter of the last reading.
 */
export class PunktMemory {
  /** The document's last lexing: an edit's lines are lexed again, the others kept. */
  readonly lexed = new LexMemory();
  private dialect: Dialect | undefined;
  private context = '';
  /** By heading text: the punkter last built, each with the syntax it was built from. */
  private punkter = new Map<string, Remembered[]>();
  /** The table of contents last read, with the lines it was read from. */
  private lastToc: { readonly heading: SyntaxLine; readonly lines: readonly SyntaxLine[]; readonly toc: Toc } | undefined;

  /** The table of contents, from memory where its lines are the same line objects as last time (kept by the lexer's memory). */
  toc(heading: SyntaxLine, lines: readonly SyntaxLine[]): Toc {
    const last = this.lastToc;
    if (last && last.heading === heading && last.lines.length === lines.length && last.lines.every((l, i) => l === lines[i])) return last.toc;
    const toc = buildToc(heading, lines);
    this.lastToc = { heading, lines, toc };
    return toc;
  }

  /** The punkter of a reading, from memory where their lines and context are as last time. */
  build(all: readonly PunktSyntax[], ctx: PunktContext): Punkt[] {
    const context = JSON.stringify([ctx.meetingYear ?? null, ctx.meetingDate ?? null]);
    // Another dialect or meeting day reads every line anew.
    const known = ctx.dialect === this.dialect && context === this.context ? this.punkter : new Map<string, Remembered[]>();
    const next = new Map<string, Remembered[]>();
    const out = all.map((syntax) => {
      const key = syntax.heading.text;
      const punkt = remembered(known.get(key), syntax) ?? buildPunkt(syntax, ctx);
      const here = next.get(key);
      if (here) here.push({ syntax, punkt });
      else next.set(key, [{ syntax, punkt }]);
      return punkt;
    });
    this.dialect = ctx.dialect;
    this.context = context;
    this.punkter = next;
    return out;
  }
}

interface Remembered {
  readonly syntax: PunktSyntax;
  readonly punkt: Punkt;
}

/** The punkt built from these lines last time: where it stood, or moved to where they stand now. */
function remembered(candidates: readonly Remembered[] | undefined, syntax: PunktSyntax): Punkt | undefined {
  if (!candidates) return undefined;
  const { line, kind } = syntax.heading;
  for (const r of candidates) if (r.syntax.heading.line === line && r.syntax.heading.kind === kind && sameLines(r.syntax, syntax, 0)) return r.punkt;
  for (const r of candidates) {
    const lines = line - r.syntax.heading.line;
    if (lines !== 0 && r.syntax.heading.kind === kind && sameLines(r.syntax, syntax, lines))
      return movedPunkt(r.punkt, lines, { before: r.syntax, after: syntax });
  }
  return undefined;
}

/**
 * Whether a punkt's lines are as they were, `lines` further down: each line's kind, number and text.
 * Compared line by line, not as one key made of every line: on 1 MB that key cost as much as
 * building the punkter.
 */
function sameLines(a: PunktSyntax, b: PunktSyntax, lines: number): boolean {
  if (a.lines.length !== b.lines.length) return false;
  for (let i = 0; i < a.lines.length; i++) {
    const x = a.lines[i]!;
    const y = b.lines[i]!;
    // The same line object is the same line number: kept where nothing moved, never a moved line.
    if (x === y && lines === 0) continue;
    if (x.line + lines !== y.line || x.kind !== y.kind || x.text !== y.text) return false;
  }
  return true;
}

export interface BuildOptions {
  /** The document's memory of its punkter, kept by a host that reads it again after each edit. */
  readonly memory?: PunktMemory;
}

/** The meaning of a syntax tree: header, table of contents, punkter, in the document's dialect. */
export function buildReferat(syntax: ReferatSyntax, options: BuildOptions = {}): Referat {
  // Fields before a missing title still count, so a missing title is the only complaint.
  const header = readHeader(syntax.title, [...syntax.leading, ...syntax.header]);
  const meetingDate = header.moedeDato?.date?.date ?? header.title?.date?.date;
  const meetingYear = meetingDate?.year;
  const t = syntax.toc;
  const toc = t ? (options.memory ? options.memory.toc(t.heading, t.lines) : buildToc(t.heading, t.lines)) : undefined;
  const ctx = { dialect: syntax.dialect, meetingYear, meetingDate };
  return {
    syntax,
    dialect: syntax.dialect,
    kind: header.title?.kind ?? 'referat',
    header,
    ...(toc ? { toc } : {}),
    punkter: options.memory ? options.memory.build(syntax.punkter, ctx) : syntax.punkter.map((p) => buildPunkt(p, ctx)),
    stray: syntax.leading.filter((l) => l.kind !== 'blank' && l.kind !== 'field').map((l) => bodyLine(l)),
    ...(syntax.approval ? { approval: readApproval(syntax.approval) } : {}),
  };
}

/** The body text of a section as Markdown, blank lines kept where the source had them. */
export function bodyMarkdown(lines: readonly BodyLine[]): string {
  const out: string[] = [];
  let prev: number | undefined;
  for (const l of lines) {
    if (prev !== undefined && l.line > prev + 1) out.push('');
    out.push(l.blank ? '' : l.text);
    prev = l.line;
  }
  return out.join('\n').trim();
}

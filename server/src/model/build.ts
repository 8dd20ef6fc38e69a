import type { Dialect } from '../dialect/dialects';
import type { PunktSyntax, ReferatSyntax } from '../syntax/tree';
import { readApproval } from './approval';
import { readHeader } from './header';
import { bodyLine, buildPunkt, type PunktContext } from './punkt';
import { buildToc } from './toc';
import type { BodyLine, Punkt, Referat } from './types';

export { readDate } from './read';
export { readHeader } from './header';
export { bodyLine, isJournalLine, normalizeUdvalg as normalizeBody, readEarlierDecision, readPunktHeading } from './punkt';

/**
 * The punkter of a document's last reading, each by everything it was built from: its lines (kind,
 * number and text) and its context. An edit changes a punkt or two; the others are not built
 * again. One memory per document; it keeps only the punkter of the last reading.
 */
export class PunktMemory {
  private dialect: Dialect | undefined;
  private context = '';
  private punkter = new Map<string, Punkt>();

  /** The punkter of a reading, from memory where their lines and context are as last time. */
  build(all: readonly PunktSyntax[], ctx: PunktContext): Punkt[] {
    const context = JSON.stringify([ctx.meetingYear ?? null, ctx.meetingDate ?? null]);
    // Another dialect or meeting day reads every line anew.
    const known = ctx.dialect === this.dialect && context === this.context ? this.punkter : new Map<string, Punkt>();
    const next = new Map<string, Punkt>();
    const out = all.map((p) => {
      const key = punktKey(p);
      const punkt = known.get(key) ?? next.get(key) ?? buildPunkt(p, ctx);
      next.set(key, punkt);
      return punkt;
    });
    this.dialect = ctx.dialect;
    this.context = context;
    this.punkter = next;
    return out;
  }
}

/** Everything a punkt is built from in its syntax: each line's kind, number and text. */
function punktKey(p: PunktSyntax): string {
  let key = `${p.heading.kind}\u0001${p.heading.line}\u0001${p.heading.text}`;
  for (const l of p.lines) key += `\u0002${l.kind}\u0001${l.line}\u0001${l.text}`;
  return key;
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
  const toc = syntax.toc ? buildToc(syntax.toc.heading, syntax.toc.lines) : undefined;
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

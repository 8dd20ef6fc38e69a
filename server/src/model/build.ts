import type { ReferatSyntax } from '../syntax/tree';
import { readApproval } from './approval';
import { readHeader } from './header';
import { bodyLine, buildPunkt } from './punkt';
import { buildToc } from './toc';
import type { BodyLine, Referat } from './types';

export { readDate } from './read';
export { readHeader } from './header';
export { bodyLine, isJournalLine, normalizeUdvalg as normalizeBody, readEarlierDecision, readPunktHeading } from './punkt';

/** The meaning of a syntax tree: header, table of contents, punkter, in the document's dialect. */
export function buildReferat(syntax: ReferatSyntax): Referat {
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
    punkter: syntax.punkter.map((p) => buildPunkt(p, ctx)),
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

import { CodeActionKind, type CodeAction, type TextEdit } from 'vscode-languageserver-types';
import type { Locale } from '../i18n/locale';
import type { Referat } from '../model/types';
import type { Diagnostic } from '../rules/types';
import type { Range } from '../syntax/range';

function overlaps(a: Range, b: Range): boolean {
  return !(a.end.line < b.start.line || (a.end.line === b.start.line && a.end.character < b.start.character) || b.end.line < a.start.line || (b.end.line === a.start.line && b.end.character < a.start.character));
}

/** Quick fixes from the rules' findings at the range, and whole-document refactorings. */
export function codeActions(referat: Referat, diagnostics: readonly Diagnostic[], range: Range, uri: string, locale: Locale): CodeAction[] {
  const t = (da: string, en: string): string => (locale === 'da' ? da : en);
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (!overlaps(d.range, range)) continue;
    for (const f of d.fixes) {
      out.push({
        title: f.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [{ range: d.range, message: d.message, code: d.code, source: 'referat' }],
        isPreferred: d.fixes.length === 1,
        edit: { changes: { [uri]: f.edits.map((e) => ({ range: e.range, newText: e.newText })) } },
      });
    }
  }
  const toc = tocEdit(referat);
  if (toc) out.push({ title: t('Opdatér indholdsfortegnelsen', 'Update the table of contents'), kind: CodeActionKind.Refactor, edit: { changes: { [uri]: [toc] } } });
  const renumber = renumberEdits(referat);
  if (renumber.length) out.push({ title: t('Omnummerér punkterne 1..N', 'Renumber the punkter 1..N'), kind: CodeActionKind.Refactor, edit: { changes: { [uri]: renumber } } });
  return out;
}

/**
 * The table of contents rewritten from the punkter, keeping each entry's page number where a
 * title is unchanged (pages come from the PDF and cannot be known here). A line in it that is
 * no entry (a note, a remark: no dot leader, no page, no punkt's title) is kept, after the
 * entries: an edit never drops what the secretary wrote.
 */
export function tocEdit(referat: Referat): TextEdit | undefined {
  const toc = referat.toc;
  if (!toc || referat.punkter.length === 0) return undefined;
  const pages = new Map(toc.entries.map((e) => [e.title.toLowerCase(), e.page]));
  const lines = referat.punkter.map((p) => {
    const page = pages.get(p.title.toLowerCase());
    return `${p.title}.....${page !== undefined ? `\t${page}` : ''}`;
  });
  const current = toc.entries.map((e) => e.title.toLowerCase()).join('\n');
  if (current === referat.punkter.map((p) => p.title.toLowerCase()).join('\n')) return undefined;
  const first = toc.entries[0]?.line ?? toc.headingRange.start.line + 2;
  const last = toc.entries[toc.entries.length - 1]?.line;
  if (last === undefined) return { range: { start: { line: first, character: 0 }, end: { line: first, character: 0 } }, newText: `${lines.join('\n')}\n` };
  const titles = new Set(referat.punkter.map((p) => p.title.toLowerCase()));
  const source = new Map((referat.syntax.toc?.lines ?? []).map((l) => [l.line, l.text]));
  const kept = toc.entries.filter((e) => e.page === undefined && !titles.has(e.title.toLowerCase()) && !DOT_LEADER.test(source.get(e.line) ?? '')).map((e) => source.get(e.line) ?? e.title);
  return { range: { start: { line: first, character: 0 }, end: { line: last + 1, character: 0 } }, newText: `${[...lines, ...kept].join('\n')}\n` };
}
const DOT_LEADER = /\.{3,}[ \t]*\d*[ \t]*$/;

export function renumberEdits(referat: Referat): TextEdit[] {
  return referat.punkter.flatMap((p, i) => (p.number === i + 1 ? [] : [{ range: p.numberRange, newText: String(i + 1) }]));
}

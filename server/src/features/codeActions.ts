import { CodeActionKind, type CodeAction, type TextEdit } from 'vscode-languageserver-types';
import { localize, type Locale } from '../i18n/locale';
import type { Referat } from '../model/types';
import type { Diagnostic } from '../rules/types';
import { tocEdit } from '../rules/toc';
import { MENDED_BY_APPROVAL } from '../rules/approval';
import { Protocol } from '../protocol';
import { expectedLabels, punktLabel } from '../model/numbering';
import type { Range } from '../syntax/range';

function overlaps(a: Range, b: Range): boolean {
  return !(
    a.end.line < b.start.line ||
    (a.end.line === b.start.line && a.end.character < b.start.character) ||
    b.end.line < a.start.line ||
    (b.end.line === a.start.line && b.end.character < a.start.character)
  );
}

/** What the client can do beyond edits: our VS Code extension's approval command. */
export interface CodeActionOptions {
  readonly approveCommand?: boolean;
}

/**
 * Quick fixes from the rules' findings at the range, and whole-document refactorings. The same fix
 * offered by several findings (the table of contents' update) is listed once.
 */
export function codeActions(
  referat: Referat,
  diagnostics: readonly Diagnostic[],
  range: Range,
  uri: string,
  locale: Locale,
  options: CodeActionOptions = {},
): CodeAction[] {
  const out: CodeAction[] = [];
  const seen = new Set<string>();
  const add = (action: CodeAction): void => {
    const key = `${action.title}\n${JSON.stringify(action.edit)}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(action);
  };
  for (const d of diagnostics) {
    if (!overlaps(d.range, range)) continue;
    for (const f of d.fixes) {
      add({
        title: f.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [{ range: d.range, message: d.message, code: d.code, source: 'referat' }],
        isPreferred: f.preferred === true || d.fixes.length === 1,
        edit: { changes: { [uri]: f.edits.map((e) => ({ range: e.range, newText: e.newText })) } },
        ...(f.cursor ? { command: { title: f.title, command: Protocol.moveCursorCommand, arguments: [uri, f.cursor] } } : {}),
      });
    }
  }
  // The text changed since it was approved: approved again, by the extension's command, which asks who and when.
  const unapproved = options.approveCommand ? diagnostics.filter((d) => MENDED_BY_APPROVAL.has(d.code) && overlaps(d.range, range)) : [];
  if (unapproved.length > 0) {
    const title = localize({ da: 'Godkend referatet igen…', en: 'Approve the referat again…' }, locale);
    out.push({
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: unapproved.map((d) => ({ range: d.range, message: d.message, code: d.code, source: 'referat' })),
      // She has chosen to approve again: the extension does not ask whether to replace the approval.
      command: { title, command: Protocol.approveMinutesCommand, arguments: [{ replace: true }] },
    });
  }
  const toc = tocEdit(referat);
  const updateToc = localize({ da: 'Opdatér indholdsfortegnelsen', en: 'Update the table of contents' }, locale);
  if (toc && !out.some((a) => a.title === updateToc)) out.push({ title: updateToc, kind: CodeActionKind.Refactor, edit: { changes: { [uri]: [toc] } } });
  const renumber = renumberEdits(referat);
  if (renumber.length)
    out.push({
      title: localize({ da: 'Omnummerér punkterne 1..N', en: 'Renumber the items 1..N' }, locale),
      kind: CodeActionKind.Refactor,
      edit: { changes: { [uri]: renumber } },
    });
  return out;
}

function renumberEdits(referat: Referat): TextEdit[] {
  const expected = expectedLabels(referat);
  return referat.punkter.flatMap((p, i) => (punktLabel(p) === expected[i] ? [] : [{ range: p.numberRange, newText: expected[i]! }]));
}

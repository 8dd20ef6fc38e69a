import { CodeActionKind, type CodeAction } from 'vscode-languageserver-types';
import { localize, type Locale } from '../i18n/locale';
import { Protocol } from '../protocol';
import { spellingFixes } from '../rules/writing';
import type { Diagnostic } from '../rules/types';
import type { Speller } from '../spelling/speller';
import type { Position, Range } from '../syntax/range';
import { toLspDiagnostic } from './diagnostics';
import { ordlisteAction, type OrdlisteTarget } from './ordlisteAction';

/** A finding the editor shows, as a code action request's context names it. */
export interface ContextFinding {
  readonly range: Range;
  readonly code?: number | string;
}

/** A flagged word she asked about, with its finding. */
export interface AskedWord {
  readonly word: string;
  readonly finding: Diagnostic;
}

/**
 * The misspelt words a code action request at `range` is about, once each: a fix asked for at one
 * word is for that word, never another flagged word on the same line. A context that names
 * findings names the ones she asked about; an empty one (another editor) leaves the range to decide.
 */
export function askedWords(text: string, findings: readonly Diagnostic[], range: Range, context: readonly ContextFinding[]): AskedWord[] {
  const lines = text.split(/\r\n|\r|\n/);
  const seen = new Set<string>();
  const out: AskedWord[] = [];
  for (const d of findings) {
    if (d.code !== 'spelling' || !intersects(d.range, range)) continue;
    if (context.length > 0 && !context.some((c) => c.code === d.code && sameRange(c.range, d.range))) continue;
    const word = (lines[d.range.start.line] ?? '').slice(d.range.start.character, d.range.end.character);
    if (!word || seen.has(word)) continue;
    seen.add(word);
    out.push({ word, finding: d });
  }
  return out;
}

export interface SpellingActionOptions {
  readonly uri: string;
  /** The dictionary, once loaded: its suggestions are the fixes. */
  readonly speller: Speller | undefined;
  /** Where the municipality's word list is; none for a document that is no file. */
  readonly ordliste: OrdlisteTarget | undefined;
  /** The client has the command that adds a word to the user's own word list. */
  readonly personalWordList: boolean;
  readonly locale: Locale;
}

/** For each word: the dictionary's corrections, the word to referat.yaml's ordliste, and to her own word list. */
export function spellingActions(words: readonly AskedWord[], options: SpellingActionOptions): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const { word, finding } of words) {
    const diagnostics = [toLspDiagnostic(finding)];
    if (options.speller)
      for (const f of spellingFixes(word, finding.range, { speller: options.speller }))
        actions.push({
          title: localize(f.title, options.locale),
          kind: CodeActionKind.QuickFix,
          diagnostics,
          ...(f.preferred ? { isPreferred: true } : {}),
          edit: { changes: { [options.uri]: f.edits.map((e) => ({ range: e.range, newText: e.newText })) } },
        });
    const toList = options.ordliste ? ordlisteAction(word, options.ordliste, options.locale) : undefined;
    if (toList) actions.push({ ...toList, diagnostics });
    if (options.personalWordList)
      actions.push({
        title: localize({ da: `Tilføj "${word}" til min ordliste`, en: `Add "${word}" to my word list` }, options.locale),
        kind: CodeActionKind.QuickFix,
        diagnostics,
        command: { title: word, command: Protocol.addPersonalWordCommand, arguments: [word] },
      });
  }
  return actions;
}

/** Whether two ranges share a character, or an empty one touches the other (a cursor at a word's end). */
function intersects(a: Range, b: Range): boolean {
  const before = (p: Position, q: Position): boolean => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

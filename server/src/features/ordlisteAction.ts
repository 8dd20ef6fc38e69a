import { CodeActionKind, type CodeAction } from 'vscode-languageserver-types';
import { localize, type Locale } from '../i18n/locale';
import type { Position } from '../syntax/range';

/**
 * Where a word for the municipality's word list goes: the nearest referat.yaml, with its text as it
 * is on disk now, or a new referat.yaml at the workspace root. The service finds it; this file
 * only writes the edit.
 */
export type OrdlisteTarget =
  | {
      readonly kind: 'existing';
      readonly uri: string;
      /** Where in its text the word goes, and what is written there; undefined when it is listed already. */
      readonly insertion: (word: string) => { readonly position: Position; readonly text: string } | undefined;
    }
  | { readonly kind: 'new'; readonly uri: string };

/** The text of a new referat.yaml that holds one word. */
function newYaml(word: string): string {
  return `# Navne og ord, som stavekontrollen kender (se README).\nordliste:\n  - ${word}\n`;
}

/** The quick fix that adds a word to referat.yaml's `ordliste:`; undefined when the word is listed already. */
export function ordlisteAction(word: string, target: OrdlisteTarget, locale: Locale): CodeAction | undefined {
  const title = localize({ da: `Tilføj "${word}" til ordlisten (referat.yaml)`, en: `Add "${word}" to the municipality's word list (referat.yaml)` }, locale);
  if (target.kind === 'existing') {
    const insertion = target.insertion(word);
    if (!insertion) return undefined;
    const at = insertion.position;
    return { title, kind: CodeActionKind.QuickFix, edit: { changes: { [target.uri]: [{ range: { start: at, end: at }, newText: insertion.text }] } } };
  }
  const { uri } = target;
  const start = { line: 0, character: 0 };
  return {
    title,
    kind: CodeActionKind.QuickFix,
    edit: {
      documentChanges: [
        { kind: 'create', uri, options: { ignoreIfExists: true } },
        { textDocument: { uri, version: null }, edits: [{ range: { start, end: start }, newText: newYaml(word) }] },
      ],
    },
  };
}

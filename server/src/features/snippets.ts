import catalogJson from '../../../snippets/referat.snippets.json';
import type { LocalizedText } from '../i18n/locale';
import type { SectionKind } from '../dialect/vocabulary';

/** Where a snippet is offered: the top of an empty referat, where a new punkt may start, inside a punkt. */
export type SnippetPlace = 'header' | 'new-punkt' | 'in-punkt';

export interface SnippetTemplate {
  readonly id: string;
  readonly where: SnippetPlace;
  /** What she types to find it (VS Code filters on this); may hold variables. */
  readonly filter: string;
  readonly label: LocalizedText;
  readonly detail: LocalizedText;
  /** Lines of LSP snippet syntax with `{{NAME}}` variables. */
  readonly body: readonly string[];
  /** The dialects this form is for; it replaces the general snippet of the same id there. */
  readonly dialects?: readonly string[];
  /**
   * The index of the body's first line that writes a new decision (its blank line before it): the
   * lines from there are left out where the punkt has its decision below the cursor already. Such a
   * snippet begins with an earlier decision, which closes the handling above it: it is not offered
   * below the punkt's Beslutning.
   */
  readonly newDecisionFrom?: number;
  /** The section its text begins, without a heading (`… indstiller,` begins the Indstilling): offered only where that section may stand. */
  readonly section?: SectionKind;
}

const SNIPPETS: readonly SnippetTemplate[] = (catalogJson as { snippets: SnippetTemplate[] }).snippets;

/** The snippets for a place in a dialect: each id once, in the dialect's own form where it has one. */
export function snippetsFor(where: SnippetPlace, dialectId: string): SnippetTemplate[] {
  const here = SNIPPETS.filter((s) => s.where === where);
  const ids = [...new Set(here.map((s) => s.id))];
  return ids.flatMap((id) => {
    const own = here.find((s) => s.id === id && s.dialects?.includes(dialectId));
    const general = here.find((s) => s.id === id && s.dialects === undefined);
    const chosen = own ?? general;
    return chosen ? [chosen] : [];
  });
}

/**
 * Values for a template's variables. A plain value is text and is escaped for snippet syntax;
 * a `{ snippet }` value is snippet syntax already (a placeholder).
 */
export type SnippetVars = Readonly<Record<string, string | { readonly snippet: string }>>;

/** `$`, `}` and `\` would be read as snippet syntax. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** Fills `{{NAME}}`; a variable the caller does not know is left empty, never shown as `{{NAME}}`. */
export function fill(template: string, vars: SnippetVars, { escape = true }: { readonly escape?: boolean } = {}): string {
  return template.replace(/\{\{([A-Z0-9_]+)\}\}/g, (_, name: string) => {
    const v = vars[name];
    if (v === undefined) return '';
    if (typeof v !== 'string') return v.snippet;
    return escape ? escapeSnippetText(v) : v;
  });
}

export function expandBody(t: SnippetTemplate, vars: SnippetVars): string {
  return t.body.map((line) => fill(line, vars)).join('\n');
}

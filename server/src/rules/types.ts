import type { Position, Range } from '../syntax/range';
import type { LocalizedText } from '../i18n/locale';
import type { Punkt, Referat } from '../model/types';
import type { KleCatalog } from '../model/kle';
import type { CalendarDate } from '../model/types';
import type { Speller } from '../spelling/speller';
import type { WordToken } from '../spelling/words';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** A quick fix offered with a finding. Edits never remove the user's own text. */
export interface Fix {
  readonly title: LocalizedText;
  readonly edits: readonly TextEdit[];
  /** The fix to apply on Enter when a finding has several. */
  readonly preferred?: boolean;
  /**
   * Where she goes on writing once the edits are applied (in the edited document's lines): a
   * fix that adds an empty section leaves the cursor in it, not where it was.
   */
  readonly cursor?: Position;
}

/** What a rule reports; the severity comes from the rule and the user's settings. */
export interface Finding {
  readonly range: Range;
  readonly message: LocalizedText;
  readonly fixes?: readonly Fix[];
}

/**
 * What the rules need to know of other meetings: a meeting by its udvalg and date, with its
 * punkter's numbers and journal numbers. The host passes the archive's index, which has this shape.
 */
export interface ArchiveLookup {
  meeting(
    body: string,
    date: CalendarDate,
  ): { readonly udvalg: string; readonly punkter: readonly { readonly number: number; readonly journal?: string }[] } | undefined;
}

/** What spell checking knows: the dictionary, and the words of this municipality (its names, word lists and archive). */
export interface SpellingKnowledge {
  readonly speller: Speller;
  isKnown(word: string): boolean;
  /**
   * The words of a line the dictionary rejects, names left out (`place`: whether the line goes on
   * with a sentence from the line before). The host may keep the answer per line: a keystroke
   * changes one line, and the rest are answered from memory.
   */
  rejected?(line: string, place: LinePlace): readonly WordToken[];
}

export interface RuleContext {
  readonly referat: Referat;
  readonly kle: KleCatalog;
  /** The other referater of the workspace, when a host has indexed them. */
  readonly archive?: ArchiveLookup;
  /** The speller and the known words, once the host has loaded them. */
  readonly spelling?: SpellingKnowledge;
  /** referat.yaml's `lix:` limit. */
  readonly lixLimit?: number;
  /** The udvalg's members as referat.yaml writes them (`Anna Holm (A)`), for counting votes by party. */
  readonly udvalgMembers?: readonly string[];
}

export interface Rule {
  /** Stable, kebab-case; what users write in settings and referat.yaml. */
  readonly code: string;
  readonly severity: Severity;
  /** One line for the README and the settings UI. */
  readonly description: LocalizedText;
  /** Runs only when a setting switches it on (referat.yaml's `regler:`, the editor's settings). */
  readonly defaultOff?: boolean;
  check(ctx: RuleContext): Iterable<Finding>;
  /** Set for a rule that judges each punkt on its own (`punktRule`): the check remembers its findings per punkt. */
  readonly perPunkt?: PerPunkt;
}

/** A rule's judgement of one punkt, from the punkt and the document's facts alone. */
export interface PerPunkt {
  /** Whether the rule has anything to say in this document at all (its dialect, its kind). */
  readonly applies?: (this: void, ctx: PunktRuleContext) => boolean;
  /** An array, not a generator: it runs for every punkt and rule, and a generator is an object and an iterator result per call. */
  readonly checkPunkt: (this: void, punkt: Punkt, ctx: PunktRuleContext) => readonly Finding[];
  /**
   * Its messages name a line of the document (`linje 23`): a punkt an added or removed line moved is
   * judged again, where other rules' findings are moved with it.
   */
  readonly namesLines?: true;
}

/**
 * What a per-punkt rule may read besides its punkt: the document's facts, never the archive or the
 * speller, which change under a punkt without it changing (their findings are not remembered).
 */
export type PunktRuleContext = Omit<RuleContext, 'archive' | 'spelling'>;

/** Per-rule override: a severity or `off`. */
export type RuleSetting = Severity | 'off';
export type RuleSettings = Readonly<Record<string, RuleSetting>>;

export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly range: Range;
  readonly message: string;
  readonly fixes: readonly { readonly title: string; readonly edits: readonly TextEdit[]; readonly preferred?: boolean; readonly cursor?: Position }[];
}

/** Where a line stands in its paragraph, for the spell check: a capital that continues a sentence is a name. */
export interface LinePlace {
  /** The line before it ends without a full stop: its first word is inside a sentence. */
  readonly continuesSentence: boolean;
}

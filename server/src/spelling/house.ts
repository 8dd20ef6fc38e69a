/**
 * The house's own words (referat.yaml's `ordliste:`, her own word list) as Hunspell knows a word:
 * a .dic line with the affix flags of a model word of the dictionary, so `mindreforbrug` with
 * `forbrug`'s flags accepts `mindreforbruget` by the dictionary's own rules. This is what
 * Hunspell's `add_with_affix` and a personal dictionary's `word/model` do; a line per homonym of
 * the model is written here, since `add_with_affix` copies the first homonym's flags only.
 */

/** A word of the house, and the dictionary word it inflects like when the guess would be wrong. */
export interface HouseWord {
  readonly word: string;
  readonly model?: string;
}

/** What the choice of a model reads from the dictionary. */
export interface Dictionary {
  /** The .dic lines of a stem, one per homonym (`forbrug/45,10,39,29`); none when it is not a stem. */
  lines(stem: string): readonly string[];
}

/** A model's last part is at least this long: `ug` would give any word ending in it a noun's endings. */
export const MIN_MODEL_LENGTH = 3;
/** The part of a new word before its model: `el` of `elforbrug`. */
const MIN_PREFIX_LENGTH = 2;

/** Per affix flag, its suffix rules that make a definite singular (`+BESTEMT_ENTAL`): the noun's gender. */
export class AffixRules {
  private readonly definite = new Map<string, { strip: string; add: string; condition: RegExp }[]>();

  constructor(affText: string) {
    for (const line of affText.split('\n')) {
      const m = /^SFX\s+(\S+)\s+(\S+)\s+(\S+?)(?:\/\S+)?\s+(\S+)\s+\+BESTEMT_ENTAL\b/u.exec(line);
      if (!m) continue;
      let condition: RegExp;
      try {
        condition = new RegExp(`${m[4] === '.' ? '' : m[4]!}$`, 'u');
      } catch {
        continue;
      }
      const rules = this.definite.get(m[1]!) ?? [];
      rules.push({ strip: m[2] === '0' ? '' : m[2]!, add: m[3] === '0' ? '' : m[3]!, condition });
      this.definite.set(m[1]!, rules);
    }
  }

  /** `t` (neuter: `forbruget`), `n` (common: `brugen`), or undefined for a line that makes no noun. */
  gender(stem: string, flags: readonly string[]): 't' | 'n' | undefined {
    const found = new Set<string>();
    for (const f of flags) for (const r of this.definite.get(f) ?? []) if (r.condition.test(stem) && stem.endsWith(r.strip)) found.add(r.add.slice(-1));
    return found.size === 1 ? ([...found][0] as 't' | 'n') : undefined;
  }
}

const flagsOf = (line: string): string[] => {
  const slash = line.indexOf('/');
  return slash < 0
    ? []
    : line
        .slice(slash + 1)
        .split(/[\s\t]/u)[0]!
        .split(',');
};

/**
 * The .dic lines that make a house word inflect like its model: every homonym of the model
 * (given, else the longest dictionary stem the word ends with: `forbrug` for `mindreforbrug`),
 * and the homonyms of the shorter stems it ends with of the same gender, for the forms the
 * dictionary leaves out of the longer one (`brug` gives `-ene`, which `forbrug` lacks).
 * None when no model is found: the word is then known as written only.
 */
export function houseLines(entry: HouseWord, dictionary: Dictionary, affix: AffixRules): string[] {
  const word = entry.word.trim().toLowerCase();
  if (!/^[\p{Ll}][\p{Ll}'-]*$/u.test(word)) return [];
  const tails: string[] = [];
  if (entry.model !== undefined) tails.push(entry.model.trim().toLowerCase());
  else for (let i = MIN_PREFIX_LENGTH; i <= word.length - MIN_MODEL_LENGTH; i++) tails.push(word.slice(i));
  const chosen: string[] = [];
  let gender: 't' | 'n' | undefined;
  let primary = true;
  for (const tail of tails) {
    const lines = dictionary.lines(tail);
    if (lines.length === 0) continue;
    for (const line of lines) {
      const flags = flagsOf(line);
      if (flags.length === 0) continue;
      const g = affix.gender(tail, flags);
      if (primary) gender ??= g;
      else if (g === undefined || g !== gender) continue;
      chosen.push(flags.join(','));
    }
    // A given model is the whole answer; a guessed one takes its shorter stems' forms of the same gender.
    if (entry.model !== undefined || (primary && gender === undefined)) break;
    primary = false;
  }
  return [...new Set(chosen)].map((flags) => `${word}/${flags}`);
}

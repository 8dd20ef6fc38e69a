/** The names secretaries type every week, for completion and hover. */
export interface Udvalg {
  readonly navn: string;
  /** Its members: referat.yaml's list, or those present at its newest meeting in the archive. */
  readonly medlemmer: readonly string[];
  readonly moedested?: string;
  /** When it usually meets (`09:00`): referat.yaml's, or its newest meeting's. */
  readonly moedetid?: string;
  /**
   * It holds meetings: referat.yaml names it, or the archive has one of its meetings. A body only
   * named as the one that decides (`Sagen afgøres endelig af: Økonomiudvalget`) does not head a referat here.
   */
  readonly meets?: boolean;
}

export interface PersonEntry {
  readonly navn: string;
  readonly titel?: string;
}

export interface NameCatalog {
  readonly udvalg: readonly Udvalg[];
  readonly personer: readonly PersonEntry[];
  readonly strategier: readonly string[];
  readonly lovgrundlag: readonly string[];
  /** Who recommends (`Kommunaldirektøren` in `Kommunaldirektøren indstiller,`), most frequent first. */
  readonly indstillere: readonly string[];
  readonly journalNumbers: readonly { readonly text: string; readonly title?: string }[];
  /** The decisions each body writes most often (body in lower case → decisions, most frequent first, with how often). */
  readonly beslutninger?: ReadonlyMap<string, readonly DecisionPhrase[]>;
}

/** A decision a body writes often. */
export interface DecisionPhrase {
  readonly text: string;
  readonly count: number;
  /** The punkt title it is written under nearly always, in lower case (`Intet.` under `eventuelt`). */
  readonly under?: string;
}

/** The udvalg of that name in the catalog (`Byrådet`, however its case is written), where it knows one. */
export function udvalgNamed(catalog: NameCatalog, name: string | undefined): Udvalg | undefined {
  const key = name?.toLocaleLowerCase('da-DK');
  return key ? catalog.udvalg.find((u) => u.navn.toLocaleLowerCase('da-DK') === key) : undefined;
}

export const EMPTY_CATALOG: NameCatalog = { udvalg: [], personer: [], strategier: [], lovgrundlag: [], indstillere: [], journalNumbers: [] };

const key = (s: string): string => s.toLocaleLowerCase('da-DK');

/**
 * Both sources together: referat.yaml first, then what the archive adds. A body both know is one
 * body: what referat.yaml says of it wins, and what it leaves out (the place, the time, the
 * members) comes from the archive, so a referat.yaml never hides what the archive knows.
 */
export function mergeCatalogs(a: NameCatalog, b: NameCatalog): NameCatalog {
  const uniq = <T>(items: readonly T[], name: (t: T) => string): T[] => {
    const seen = new Set<string>();
    return items.filter((t) => {
      const k = key(name(t));
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  };
  return {
    udvalg: uniq(
      a.udvalg
        .map((u) => {
          const known = b.udvalg.find((x) => key(x.navn) === key(u.navn));
          if (!known) return u;
          return {
            ...known,
            ...u,
            medlemmer: u.medlemmer.length > 0 ? u.medlemmer : known.medlemmer,
            ...((u.moedested ?? known.moedested) ? { moedested: u.moedested ?? known.moedested } : {}),
            ...((u.moedetid ?? known.moedetid) ? { moedetid: u.moedetid ?? known.moedetid } : {}),
            ...(u.meets || known.meets ? { meets: true } : {}),
          };
        })
        .concat(b.udvalg),
      (u) => u.navn,
    ),
    personer: uniq([...a.personer, ...b.personer], (p) => p.navn),
    strategier: uniq([...a.strategier, ...b.strategier], (s) => s),
    lovgrundlag: uniq([...a.lovgrundlag, ...b.lovgrundlag], (s) => s),
    indstillere: uniq([...a.indstillere, ...b.indstillere], (s) => s),
    journalNumbers: uniq([...a.journalNumbers, ...b.journalNumbers], (j) => j.text),
    ...((a.beslutninger ?? b.beslutninger) ? { beslutninger: a.beslutninger ?? b.beslutninger! } : {}),
  };
}

// Name particles that stay lower case inside a name: `Anne de la Cour`, `Ib van Dam`.
const PARTICLE = /^(af|da|de|del|den|der|des|di|du|la|le|van|von|zu)$/;
const CAPITALISED = /^\p{Lu}[\p{L}'’.-]*$/u;

/**
 * Is this a person's name: two words or more, every word capitalised but a particle? A lower-case
 * word (a template's `navne`, `ingen`), a single word or a sentence is not.
 */
export function isPersonName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length < 2 || words.length > 6) return false;
  return words.every((w, i) => CAPITALISED.test(w) || (i > 0 && i < words.length - 1 && PARTICLE.test(w)));
}

/**
 * One entry per person. Minutes write the same person with and without a last name
 * (`Ove Weller`, `Ove Weller Nielsen`): a name whose words begin exactly one longer known name
 * is that person, offered once, in the full form. `fullName` maps any written form to the one kept.
 */
export function canonicalPeople(people: readonly PersonEntry[]): { people: PersonEntry[]; fullName: (name: string) => string } {
  const byKey = new Map<string, PersonEntry>();
  for (const p of people) {
    const k = key(p.navn);
    const old = byKey.get(k);
    if (!old || (!old.titel && p.titel)) byKey.set(k, p);
  }
  const keys = [...byKey.keys()];
  const alias = new Map<string, string>();
  for (const k of keys) {
    const longer = keys.filter((l) => l.length > k.length && l.startsWith(`${k} `));
    if (longer.length === 1) alias.set(k, longer[0]!);
  }
  // A chain (`A B` → `A B C` → `A B C D`) ends at the longest.
  const resolve = (k: string): string => {
    let r = k;
    for (let i = 0; i < 5 && alias.has(r); i++) r = alias.get(r)!;
    return r;
  };
  const kept: PersonEntry[] = [];
  for (const [k, p] of byKey) {
    if (alias.has(k)) continue;
    const short = [...alias.entries()].filter(([, full]) => resolve(full) === k).map(([s]) => byKey.get(s)!);
    const titel = p.titel ?? short.find((s) => s.titel)?.titel;
    kept.push({ navn: p.navn, ...(titel ? { titel } : {}) });
  }
  return { people: kept, fullName: (name) => byKey.get(resolve(key(name)))?.navn ?? name };
}

/** The names secretaries type every week, for completion and hover. */
export interface Udvalg {
  readonly navn: string;
  readonly medlemmer: readonly string[];
  readonly moedested?: string;
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
  readonly journalNumbers: readonly { readonly text: string; readonly title?: string }[];
}

export const EMPTY_CATALOG: NameCatalog = { udvalg: [], personer: [], strategier: [], lovgrundlag: [], journalNumbers: [] };

/** Both sources together: referat.yaml first, then what the archive adds. */
export function mergeCatalogs(a: NameCatalog, b: NameCatalog): NameCatalog {
  const uniq = <T>(items: readonly T[], key: (t: T) => string): T[] => {
    const seen = new Set<string>();
    return items.filter((t) => {
      const k = key(t).toLocaleLowerCase('da-DK');
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  };
  return {
    udvalg: uniq([...a.udvalg, ...b.udvalg], (u) => u.navn),
    personer: uniq([...a.personer, ...b.personer], (p) => p.navn),
    strategier: uniq([...a.strategier, ...b.strategier], (s) => s),
    lovgrundlag: uniq([...a.lovgrundlag, ...b.lovgrundlag], (s) => s),
    journalNumbers: uniq([...a.journalNumbers, ...b.journalNumbers], (j) => j.text),
  };
}

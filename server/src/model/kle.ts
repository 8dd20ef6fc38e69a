import emnerTsv from '../../data/kle/emner.tsv';
import hovedgrupperTsv from '../../data/kle/hovedgrupper.tsv';
import type { LocalizedText } from '../i18n/locale';

/**
 * KL's subject classification (KLE), for explaining journal numbers. Data: OS2KLE, MPL-2.0,
 * see server/data/kle/README.md.
 */
export interface KleCatalog {
  emneTitle(emne: string): string | undefined;
  hovedgruppeTitle(hovedgruppe: string): string | undefined;
  /** The group's title: the KLE emne `HH.GG.00` names the group (`… i almindelighed`). */
  gruppeTitle(gruppe: string): string | undefined;
  hasEmne(emne: string): boolean;
  facetDescription(facet: string): LocalizedText;
  /** Every emne, for completion. */
  emner(): ReadonlyMap<string, string>;
}

function parseTsv(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const tab = line.indexOf('\t');
    if (tab > 0) map.set(line.slice(0, tab).trim(), line.slice(tab + 1).trim());
  }
  return map;
}

// Only what the KLE README confirms; the rest is named by its category and code alone.
const FACET_CATEGORIES: Readonly<Record<string, LocalizedText>> = {
  A: { da: 'organisering', en: 'organisation' },
  P: { da: 'planlægning, politik og strategi', en: 'planning, policy and strategy' },
  G: { da: 'generelle sager', en: 'general cases' },
  K: { da: 'klager', en: 'complaints' },
};
const FACET_TITLES: Readonly<Record<string, LocalizedText>> = {
  A00: { da: 'Organisering mv. i almindelighed', en: 'Organisation etc. in general' },
  A53: { da: 'Aktindsigtsanmodning mv.', en: 'Requests for access to documents etc.' },
  G01: { da: 'Generelle sager', en: 'General cases' },
  P15: { da: 'Strategier', en: 'Strategies' },
  P22: { da: 'Politikker', en: 'Policies' },
};

let cached: KleCatalog | undefined;

export function kleCatalog(): KleCatalog {
  if (cached) return cached;
  const emner = parseTsv(emnerTsv);
  const hovedgrupper = parseTsv(hovedgrupperTsv);
  cached = {
    emneTitle: (emne) => emner.get(emne),
    hovedgruppeTitle: (h) => hovedgrupper.get(h),
    gruppeTitle: (g) => emner.get(`${g}.00`)?.replace(/ i almindelighed$/, ''),
    hasEmne: (emne) => emner.has(emne),
    facetDescription(facet) {
      const title = FACET_TITLES[facet];
      const category = FACET_CATEGORIES[facet.charAt(0)];
      // `G01 Generelle sager` is its own category: said once, not `Generelle sager (generelle sager)`.
      if (title && category && title.da.toLowerCase() !== category.da.toLowerCase())
        return { da: `${title.da} (${category.da})`, en: `${title.en} (${category.en})` };
      if (title) return title;
      if (category) return { da: `handlingsfacet i gruppen ${category.da}`, en: `action facet in the group ${category.en}` };
      return { da: `handlingsfacet ${facet}`, en: `action facet ${facet}` };
    },
    emner: () => emner,
  };
  return cached;
}

import { DOCUMENT_TITLES } from '../dialect/vocabulary';
import type { Referat } from '../model/types';

/**
 * The language a referat is written in. Its rendering's labels (Mødedato, Indholdsfortegnelse, …)
 * follow the document, not the editor's display language: a Danish referat is published in
 * Danish whoever exports it. Only Danish referater exist today; an English document would add
 * its language here with its own labels.
 */
export type DocumentLanguage = 'da';

export interface DocumentLabels {
  /** The BCP 47 tag: `lang` of the HTML, /Lang of the PDF. */
  readonly lang: string;
  readonly referat: string;
  /** A dagsorden's word, where the document is one (its title says so): never published as a referat. */
  readonly dagsorden: string;
  readonly toc: string;
  readonly date: string;
  readonly place: string;
  readonly attendees: string;
  /** A list of the udvalg's members (`Medlemmer`), which says nothing of who was present. */
  readonly members: string;
  readonly absent: string;
  readonly edition: string;
  readonly internal: string;
  readonly public: string;
  readonly internalEdition: string;
  readonly publicEdition: string;
  readonly publicNote: string;
  readonly closed: string;
  readonly journal: string;
  readonly indstilling: string;
  readonly decision: string;
  readonly missingDecision: string;
  /** The heading of the lines the members sign on, after the approval. */
  readonly signatures: string;
  /** `kl. 09:00` after a date. */
  readonly at: (time: string) => string;
  readonly page: (n: number, of: number) => string;
  /** A table of contents entry as a screen reader announces its link. */
  readonly tocLink: (title: string, page: number | string) => string;
}

const DOCUMENT_LABELS: Readonly<Record<DocumentLanguage, DocumentLabels>> = {
  da: {
    lang: 'da',
    referat: DOCUMENT_TITLES.referat,
    dagsorden: DOCUMENT_TITLES.dagsorden,
    toc: 'Indholdsfortegnelse',
    date: 'Mødedato',
    place: 'Mødested',
    attendees: 'Mødedeltagere',
    members: 'Medlemmer',
    absent: 'Afbud',
    edition: 'Udgave',
    internal: 'Intern',
    public: 'Offentlig',
    internalEdition: 'Intern udgave',
    publicEdition: 'Offentlig udgave',
    publicNote: 'Offentlig udgave: lukkede punkter vises kun med overskrift og journalnummer.',
    closed: 'Lukket punkt',
    journal: 'Journalnr.',
    indstilling: 'Indstilling',
    decision: 'Beslutning',
    missingDecision: 'Beslutningen er ikke skrevet.',
    signatures: 'Underskrifter',
    at: (time) => `kl. ${time}`,
    page: (n, of) => `Side ${n} af ${of}`,
    tocLink: (title, page) => `${title}, side ${page}`,
  },
};

/** The language the referat is written in: Danish, the only one the format has. */
function documentLanguage(_referat: Referat): DocumentLanguage {
  return 'da';
}

export function documentLabels(referat: Referat): DocumentLabels {
  return DOCUMENT_LABELS[documentLanguage(referat)];
}

/** What the document is, in its own language: the title of its page and its PDF. */
export function documentWord(referat: Referat): string {
  const t = documentLabels(referat);
  return referat.kind === 'dagsorden' ? t.dagsorden : t.referat;
}

import type { LocalizedText } from '../i18n/locale';
import { SECTION_NAMES, type CaseNumberScheme, type SectionKind } from './vocabulary';

/** How a punkt's heading is written. */
export type PunktHeadingStyle =
  /** `Punkt 3: Title` (First Agenda's PDF, Lemvig). */
  | 'punkt-colon'
  /** The number alone on a line, the title on the next (First Agenda's publication page). */
  | 'number-line'
  /** `3.   Title` or `715. Title` at the start of a line (eDoc, Acadre). */
  | 'number-dot'
  /** An outline's number, then the title after a gap: `1  First Agenda`, a sub-item `1.1  Status siden sidst` (GetOrganized's referat). */
  | 'number-outline';

/**
 * The conventions of one meeting system (or of one municipality's use of it): the words it uses
 * and where it puts things. Built-in dialects are below; referat.yaml may name one and extend it.
 */
export interface Dialect {
  readonly id: string;
  /** Its name for people: the status bar's `Referat: eDoc`, `referat check --verbose`. */
  readonly name: LocalizedText;
  /** What the form is, in a sentence: who writes it and what marks it (the status bar's tooltip). */
  readonly about: LocalizedText;
  readonly punktHeading: PunktHeadingStyle;
  /** A long punkt title goes on over the next lines, up to its case number or a blank line. */
  readonly titleWraps: boolean;
  /** Section names this dialect uses, lower case → kind; other known names are sub-headings of the text. */
  readonly sections: ReadonlyMap<string, SectionKind>;
  /** Sections that head a group of the sections after them (Greve's `Fremstilling`), so have no text of their own. */
  readonly groupHeadings?: readonly string[];
  /** The usual order of the sections of one handling; none where the system has no fixed order. */
  readonly order?: readonly SectionKind[];
  /** Whether two sections of one kind in one handling are a mistake here. */
  readonly uniqueSections: boolean;
  /** Section headings from referat.yaml that no built-in vocabulary knows (lower case). */
  readonly extraSectionNames?: readonly string[];
  /** Case-number schemes from referat.yaml, tried before the built-in ones. */
  readonly customCaseNumbers?: readonly CaseNumberScheme[];
  /** Case-number schemes, by id (vocabulary.ts); the first is the one written in new punkter. */
  readonly caseNumbers: readonly string[];
  /** Punkter that may go without a case number: their titles. */
  readonly withoutCaseNumber?: RegExp;
  /** `from-one`: 1..N; `running`: numbers that run on through the year (`715.`), without gaps or repeats. */
  readonly numbering: 'from-one' | 'running';
  /** Lettered sub-items (`a.   Møder og konferencer`) inside a punkt, each with its own parts. */
  readonly subItems: boolean;
  /** A decision heading's form beyond a plain section name: dated, and for this meeting or an earlier one. */
  readonly datedDecisions: boolean;
  /** `Kommunaldirektøren indstiller,` lines open a recommendation. */
  readonly indstillerLines: boolean;
  /** Open punkter come before `Eventuelt` and the closed ones, always. */
  readonly strictAgendaOrder: boolean;
  /** One general case number may stand on several standing punkter (`Referat fra sidste møde`, `Orientering`). */
  readonly sharedCaseNumbers: boolean;
  /**
   * How this meeting's decision is written when a dagsorden becomes a referat: its heading
   * (`{udvalgets}`, `{udvalg}`, `{dato.}` DD.MM.YYYY, `{dato-}` DD-MM-YYYY and `{n}` filled in) and
   * where it goes in the punkt.
   */
  readonly newDecision: { readonly heading: string; readonly place: 'first' | 'before-bilag' | 'last' };
  /** How the header lists who attended and who sent apologies: on the label's line, or one name a line under it. */
  readonly attendance: {
    readonly present: string;
    readonly absent: string;
    /** The list of the udvalg's members, where the system writes one apart from who was present (SBSYS eDagsorden's `Medlemmer`). */
    readonly members?: string;
    /**
     * The present label lists those invited, not who came: GetOrganized's referat (Aarhus) has
     * `Deltagere:` with Tilde Ølholm and `Afbud: Tilde`. Those under Afbud among them were not there.
     */
    readonly invited?: true;
    readonly form: 'inline' | 'block';
  };
  /** The label a punkt's case number is written behind (eDoc's `Sagsnr.:`); none where the number stands alone. */
  readonly caseNumberLabel?: string;
  /** Someone who joins for a punkt is given the time they join (`deltager i mødet kl. 10:00`); other systems say only that they do. */
  readonly attendeeTimes: boolean;
  /** The decision comes first, and the text before a punkt's first section is its decision when it has no heading of its own (Greve). */
  readonly decisionFirst: boolean;
  /**
   * The system publishes a closed punkt's decision as text under its heading and case number,
   * before any section (Greve, Aarhus): that text is the public decision; its sections are not.
   */
  readonly closedIntroIsPublic: boolean;
  /** The system prints every heading of its template, written under or not (Greve): an empty one is the template's, not a mistake. */
  readonly printsEmptySections: boolean;
  /** A decision may quote an earlier meeting's decision item by item, as `Punkt 1: …` lines run on from its text (Greve). */
  readonly quotesPunktLines: boolean;
}

/** Section names → kinds, from the vocabulary, for the names listed. */
function sections(names: readonly string[]): ReadonlyMap<string, SectionKind> {
  const map = new Map<string, SectionKind>();
  for (const name of names) {
    const known = SECTION_NAMES.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!known) throw new Error(`dialect names an unknown section: ${name}`);
    map.set(name.toLowerCase(), known.kind);
  }
  // A closed punkt's public decision is written the same way in every system.
  for (const known of SECTION_NAMES) if (known.kind === 'offentligBeslutning') map.set(known.name.toLowerCase(), known.kind);
  return map;
}

// Standing punkter of the meeting itself, which no case stands behind: `Eventuelt`, `Spørgetid`,
// `Huskeliste og orientering fra administrationen`, `Udvalgets møde- og aktivitetskalender 2025`.
const EVENTUELT =
  /^(?:eventuelt|evt\.|meddelelser|godkendelse af dagsorden|orientering|underskrift|spørgetid|temamøde|dialogmøde|borgmesteren orienterer|henvendelser til)|(?:^|[ \t])(?:orientering fra|huskeliste|møde- og aktivitetskalender|mødekalender|aktivitetskalender)(?![\p{L}])/iu;

/** Lemvig's minutes: SBSYS case numbers (KLE), First Agenda's PDF layout, the sections in a fixed order. */
export const SBSYS: Dialect = {
  id: 'sbsys',
  name: { da: 'SBSYS/KLE (First Agenda-PDF, Lemvig)', en: 'SBSYS/KLE (First Agenda PDF, Lemvig)' },
  about: {
    da: 'SBSYS med First Agendas PDF, som Lemvig skriver det: `Punkt N: Titel`, et KLE-journalnummer på linjen under og afsnittene i fast rækkefølge.',
    en: "SBSYS with First Agenda's PDF, as Lemvig writes it: `Punkt N: Title`, a KLE journal number on the next line and the sections in a fixed order.",
  },
  punktHeading: 'punkt-colon',
  titleWraps: false,
  sections: sections([
    'Resume',
    'Resumé',
    'Sagsfremstilling',
    'Supplerende sagsfremstilling',
    'Sagen afgøres endelig af',
    'Lovgrundlag',
    'Vision, politikker og strategier',
    'Økonomi',
    'Andre konsekvenser',
    'Indstilling',
    'Supplerende indstilling',
    'Beslutning',
    'Bilag',
  ]),
  order: ['resume', 'sagsfremstilling', 'sagenAfgoeres', 'lovgrundlag', 'vision', 'oekonomi', 'andreKonsekvenser', 'indstilling', 'beslutning', 'bilag'],
  uniqueSections: true,
  caseNumbers: ['kle'],
  numbering: 'from-one',
  subItems: false,
  datedDecisions: false,
  indstillerLines: true,
  strictAgendaOrder: true,
  sharedCaseNumbers: false,
  newDecision: { heading: 'Beslutning', place: 'before-bilag' },
  attendance: { present: 'Mødedeltagere', absent: 'Afbud', form: 'inline' },
  attendeeTimes: true,
  decisionFirst: false,
  closedIntroIsPublic: false,
  printsEmptySections: false,
  quotesPunktLines: false,
};

/** First Agenda's PDF as Aarhus publishes it: `Beslutninger` first, `Beslutningspunkter`, `Sagsforløb`, EMN case numbers. */
export const FIRST_AGENDA_PDF: Dialect = {
  id: 'first-agenda-pdf',
  name: { da: 'First Agenda, PDF (Aarhus)', en: 'First Agenda, PDF (Aarhus)' },
  about: {
    da: 'First Agendas PDF, som Aarhus udgiver den: `Beslutninger` først, `Beslutningspunkter`, `Sagsforløb` og EMN-sagsnumre.',
    en: "First Agenda's PDF, as Aarhus publishes it: `Beslutninger` first, `Beslutningspunkter`, `Sagsforløb` and EMN case numbers.",
  },
  punktHeading: 'punkt-colon',
  titleWraps: true,
  // `Beslutning:` in a party's proposal quoted in the text is the proposal's, not the meeting's.
  sections: sections(['Beslutninger', 'Resume', 'Beslutningspunkter', 'Borgmesterens Afdelings påtegning', 'Sagsforløb', 'Bilag']),
  uniqueSections: false,
  caseNumbers: ['emn', 'kle', 'yy-serial'],
  withoutCaseNumber: EVENTUELT,
  numbering: 'from-one',
  subItems: false,
  datedDecisions: false,
  indstillerLines: false,
  strictAgendaOrder: false,
  sharedCaseNumbers: true,
  newDecision: { heading: 'Beslutninger', place: 'first' },
  attendance: { present: 'Mødedeltagere', absent: 'Afbud', form: 'inline' },
  attendeeTimes: false,
  decisionFirst: false,
  closedIntroIsPublic: true,
  printsEmptySections: false,
  quotesPunktLines: false,
};

/** First Agenda's publication page: the number alone on a line above the title, `Mødedato:⇥onsdag den …`. */
export const FIRST_AGENDA_PAGE: Dialect = {
  ...FIRST_AGENDA_PDF,
  id: 'first-agenda-page',
  name: { da: 'First Agenda, publiceringsside', en: 'First Agenda, publication page' },
  about: {
    da: "First Agendas publiceringsside: punktets nummer alene på en linje over titlen, ellers som PDF'en.",
    en: "First Agenda's publication page: the punkt's number alone on a line above its title, otherwise as the PDF.",
  },
  punktHeading: 'number-line',
};

/** First Agenda as Greve uses it: the decision first, then `Fremstilling` with its parts and `Sagens forløb`. */
export const GREVE: Dialect = {
  id: 'greve',
  name: { da: 'First Agenda (Greve)', en: 'First Agenda (Greve)' },
  about: {
    da: 'First Agenda, som Greve bruger det: beslutningen først, så `Fremstilling` med sine dele og `Sagens forløb`; sagsnumre som 24-008574.',
    en: 'First Agenda as Greve uses it: the decision first, then `Fremstilling` with its parts and `Sagens forløb`; case numbers such as 24-008574.',
  },
  punktHeading: 'punkt-colon',
  titleWraps: true,
  sections: sections([
    'Beslutning',
    'Fremstilling',
    'Sagsprocedure',
    'Resume',
    'Indstilling',
    'Sagsbeskrivelse',
    'Økonomiske konsekvenser',
    'Kommunikation',
    'Tidsplan',
    'Sagens forløb',
    'Bilag',
  ]),
  groupHeadings: ['fremstilling'],
  uniqueSections: false,
  caseNumbers: ['yy-serial', 'kle', 'emn'],
  withoutCaseNumber: EVENTUELT,
  numbering: 'from-one',
  subItems: false,
  datedDecisions: false,
  indstillerLines: false,
  strictAgendaOrder: false,
  newDecision: { heading: 'Beslutning', place: 'first' },
  attendance: { present: 'Mødedeltagere', absent: 'Afbud', form: 'inline' },
  sharedCaseNumbers: true,
  attendeeTimes: false,
  decisionFirst: true,
  closedIntroIsPublic: true,
  printsEmptySections: true,
  quotesPunktLines: true,
};

/** eDoc (Ballerup): unlabelled header, `1.   Title`, `Sagsnr.:`, `<Udvalg>s beslutning den DD.MM.YYYY Punkt N`. */
export const EDOC: Dialect = {
  id: 'edoc',
  name: { da: 'eDoc', en: 'eDoc' },
  about: {
    da: 'eDoc, som Ballerup udgiver det: et hoved uden etiketter, `1.   Titel`, `Sagsnr.:` og `<Udvalg>s beslutning den DD.MM.YYYY Punkt N`.',
    en: 'eDoc, as Ballerup publishes it: an unlabelled header, `1.   Title`, `Sagsnr.:` and `<Udvalg>s beslutning den DD.MM.YYYY Punkt N`.',
  },
  punktHeading: 'number-dot',
  titleWraps: true,
  sections: sections([
    'Sammendrag',
    'Resume',
    'Baggrund',
    'Sagsfremstilling',
    'Beslutningen træffes af',
    'Lovgrundlag',
    'Økonomiske konsekvenser og finansiering',
    'Økonomiske konsekvenser',
    'Økonomi',
    'Kommunikation',
    'Høring',
    'Tidligere behandling',
    'Indstilling',
    'Beslutning',
    'Bilag',
  ]),
  uniqueSections: false,
  caseNumbers: ['yyyy-serial', 'yy/serial', 'kle'],
  withoutCaseNumber: EVENTUELT,
  numbering: 'from-one',
  subItems: true,
  datedDecisions: true,
  indstillerLines: false,
  strictAgendaOrder: false,
  newDecision: { heading: '{udvalgets} beslutning den {dato.} Punkt {n}', place: 'last' },
  attendance: { present: 'Tilstede', absent: 'Afbud/Fraværende', members: 'Medlemmer', form: 'block' },
  caseNumberLabel: 'Sagsnr.',
  sharedCaseNumbers: true,
  attendeeTimes: false,
  decisionFirst: false,
  closedIntroIsPublic: false,
  printsEmptySections: false,
  quotesPunktLines: false,
};

/**
 * SBSYS eDagsorden's publication (Ballerup, 2013): eDoc's form and sections, written from the
 * publication's fields; the publication has a place for each item's case and leaves it empty, so a
 * punkt goes without a case number, and the decision is the `Beslutning` field.
 */
export const SBSYS_EDAGSORDEN: Dialect = {
  ...EDOC,
  id: 'sbsys-edagsorden',
  name: { da: 'SBSYS eDagsorden', en: 'SBSYS eDagsorden' },
  about: {
    da: "SBSYS eDagsordens publikation, som `referat import` skriver den fra XML'en: eDocs form uden sagsnumre, med `Beslutning` som beslutningen.",
    en: "SBSYS eDagsorden's publication, as `referat import` writes it from the XML: eDoc's form without case numbers, `Beslutning` as the decision.",
  },
  // Region Hovedstaden's captions beside eDoc's: `ADMINISTRATIONENS INDSTILLING`, `PUNKTET BEHANDLET TIDLIGERE`, `SAGEN AFGØRES AF`.
  sections: new Map([...EDOC.sections, ...sections(['Administrationens indstilling', 'Punktet behandlet tidligere', 'Sagen afgøres af'])]),
  withoutCaseNumber: /(?:)/,
  newDecision: { heading: 'Beslutning', place: 'last' },
};

/** Acadre (Syddjurs): unlabelled header, numbers that run through the year, one dated decision per handling. */
export const ACADRE: Dialect = {
  id: 'acadre',
  name: { da: 'Acadre', en: 'Acadre' },
  about: {
    da: 'Acadre, som Syddjurs udgiver det: et hoved uden etiketter, punktnumre der løber året igennem (`715.`), `Sagsnr.: 12/27845` og én dateret beslutning pr. behandling.',
    en: 'Acadre, as Syddjurs publishes it: an unlabelled header, punkt numbers that run on through the year (`715.`), `Sagsnr.: 12/27845` and one dated decision per handling.',
  },
  punktHeading: 'number-dot',
  titleWraps: true,
  sections: sections([
    'Resumé',
    'Resume',
    'Sagen afgøres i',
    'Sagsfremstilling',
    'Supplerende sagsfremstilling',
    'Økonomi og organisatoriske konsekvenser',
    'Økonomi',
    'Lovgrundlag',
    'Indstilling',
    'Administrativ indstilling',
    'Beslutning',
    'Bilag',
    'Underskriftsside',
  ]),
  uniqueSections: false,
  caseNumbers: ['yy/serial', 'yyyy-serial', 'kle'],
  withoutCaseNumber: EVENTUELT,
  numbering: 'running',
  subItems: false,
  datedDecisions: true,
  indstillerLines: false,
  strictAgendaOrder: false,
  newDecision: { heading: 'Beslutning i {udvalg} den {dato-}', place: 'before-bilag' },
  attendance: { present: 'Medlemmer', absent: 'Fraværende', form: 'block' },
  caseNumberLabel: 'Sagsnr.',
  sharedCaseNumbers: true,
  attendeeTimes: false,
  decisionFirst: false,
  closedIntroIsPublic: false,
  printsEmptySections: false,
  quotesPunktLines: false,
};

/**
 * eDoc (Fujitsu), as Middelfart publishes it: `1.   Title`, `Sagsnr.:`, and every heading of the
 * template printed (`Præsentation`, `Forvaltningen foreslår`, `Sagsbeskrivelse`, …), written under or
 * not. An item may stand without a case, and its number is the item's own serial number, which need
 * not start at 1 when an item was taken off the agenda.
 */
export const EDOC_FUJITSU: Dialect = {
  id: 'edoc-fujitsu',
  name: { da: 'eDoc (Fujitsu)', en: 'eDoc (Fujitsu)' },
  about: {
    da: 'eDoc (Fujitsu), som Middelfart udgiver det: `3. Titel` med punktets eget løbenummer, `Sagsnr.:` hvor punktet har en sag, og skabelonens overskrifter, også de tomme.',
    en: "eDoc (Fujitsu), as Middelfart publishes it: `3. Title` numbered by the item's own serial number, `Sagsnr.:` where the item has a case, and the template's headings, empty ones too.",
  },
  punktHeading: 'number-dot',
  titleWraps: false,
  sections: sections([
    'Præsentation',
    'Forvaltningen foreslår',
    'Sagsbeskrivelse',
    'Sagsfremstilling',
    'Økonomi',
    'Høring',
    'Forvaltningens bemærkninger',
    'Handicapaspekter',
    'Høring af Handicaprådet',
    'Høring af Ældrerådet',
    'Indstilling',
    'Beslutning',
    'Bilag',
  ]),
  uniqueSections: false,
  caseNumbers: ['yyyy-serial', 'yyyyserial', 'kle'],
  withoutCaseNumber: /(?:)/,
  numbering: 'running',
  subItems: false,
  datedDecisions: false,
  indstillerLines: false,
  strictAgendaOrder: false,
  sharedCaseNumbers: true,
  newDecision: { heading: 'Beslutning', place: 'last' },
  attendance: { present: 'Deltagere', absent: 'Afbud', form: 'block' },
  caseNumberLabel: 'Sagsnr.',
  attendeeTimes: false,
  decisionFirst: false,
  closedIntroIsPublic: false,
  printsEmptySections: true,
  quotesPunktLines: false,
};

/**
 * GetOrganized's publication XML (Aarhus), as the import writes it: punkter with sub-items (`Punkt
 * 1.2: …`, numbered from 1 under their punkt), a header of `Mødedato:`, `Tidspunkt: 13:00 - 15:00` and
 * `Mødested:`; the publication gives no punkt a case number.
 */
export const GETORGANIZED_PUBLICATION: Dialect = {
  id: 'getorganized-publication',
  name: { da: 'GetOrganized, publikation (Aarhus)', en: 'GetOrganized, publication (Aarhus)' },
  about: {
    da: "GetOrganizeds publikation, som `referat import` skriver den fra XML'en (Aarhus): `Punkt 1: …` med underpunkter `Punkt 1.2: …` og ingen sagsnumre.",
    en: "GetOrganized's publication, as `referat import` writes it from the XML (Aarhus): `Punkt 1: …` with sub-items `Punkt 1.2: …` and no case numbers.",
  },
  punktHeading: 'punkt-colon',
  titleWraps: false,
  sections: sections(['Sagsfremstilling', 'Indstilling', 'Beslutning', 'Bilag']),
  uniqueSections: false,
  caseNumbers: ['emn', 'kle'],
  withoutCaseNumber: /(?:)/,
  numbering: 'from-one',
  subItems: false,
  datedDecisions: false,
  indstillerLines: false,
  strictAgendaOrder: false,
  sharedCaseNumbers: true,
  newDecision: { heading: 'Beslutning', place: 'last' },
  // The publication's Deltagere are the meeting's participants as the system lists them, invited: as in its referat.
  attendance: { present: 'Deltagere', absent: 'Afbud', invited: true, form: 'block' },
  attendeeTimes: false,
  decisionFirst: false,
  closedIntroIsPublic: false,
  printsEmptySections: true,
  quotesPunktLines: false,
};

/**
 * GetOrganized's referat as its PDF prints it (Aarhus): a front page of `Dato:`, `Tid:`, `Sted:`,
 * `Deltagere:` (one name a line) and `Afbud:`, then items numbered as an outline, `1  First Agenda`
 * and its sub-items `1.1  Status siden sidst`, each with the template's `Oplæg:` and `Referat:`, what
 * the meeting recorded, printed whether written under or not. No item has a case number.
 */
export const GETORGANIZED: Dialect = {
  id: 'getorganized',
  name: { da: 'GetOrganized, referat (Aarhus)', en: 'GetOrganized, minutes (Aarhus)' },
  about: {
    da: 'GetOrganizeds referat som PDF (Aarhus): punkter nummereret som en disposition, `1  First Agenda` med underpunkter `1.1  …`, hvert med `Oplæg:` og `Referat:` (beslutningen); ingen sagsnumre.',
    en: "GetOrganized's referat as PDF (Aarhus): items numbered as an outline, `1  First Agenda` with sub-items `1.1  …`, each with `Oplæg:` and `Referat:` (the decision); no case numbers.",
  },
  punktHeading: 'number-outline',
  titleWraps: false,
  sections: sections(['Oplæg', 'Referat', 'Bilag']),
  uniqueSections: false,
  caseNumbers: ['emn', 'kle'],
  withoutCaseNumber: /(?:)/,
  numbering: 'from-one',
  subItems: false,
  datedDecisions: false,
  indstillerLines: false,
  strictAgendaOrder: false,
  sharedCaseNumbers: true,
  newDecision: { heading: 'Referat:', place: 'last' },
  attendance: { present: 'Deltagere', absent: 'Afbud', invited: true, form: 'block' },
  attendeeTimes: false,
  decisionFirst: false,
  closedIntroIsPublic: false,
  printsEmptySections: true,
  quotesPunktLines: false,
};

export const DIALECTS: readonly Dialect[] = [
  SBSYS,
  FIRST_AGENDA_PDF,
  FIRST_AGENDA_PAGE,
  GREVE,
  EDOC,
  SBSYS_EDAGSORDEN,
  ACADRE,
  EDOC_FUJITSU,
  GETORGANIZED_PUBLICATION,
  GETORGANIZED,
];

export function dialectById(id: string): Dialect | undefined {
  return DIALECTS.find((d) => d.id === id);
}

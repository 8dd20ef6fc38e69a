/*
 * The format's vocabulary as data, in one place: the words each meeting system writes for the
 * same things. The lexer's patterns, the model, the archive's quick scan, completion and the
 * TextMate grammar read these tables (or a test holds them to them); a dialect (dialects.ts) picks
 * what it uses. Everything here is data: no behaviour but lookups.
 */

/** What a section is, whatever a system calls it. */
export type SectionKind =
  | 'resume'
  | 'sagsfremstilling'
  | 'supplerendeSagsfremstilling'
  | 'sagenAfgoeres'
  | 'lovgrundlag'
  | 'vision'
  | 'oekonomi'
  | 'andreKonsekvenser'
  | 'indstilling'
  | 'beslutning'
  | 'bilag'
  /** A decision from an earlier meeting on the same case, with what followed it. */
  | 'tidligereBeslutning'
  /** The case's earlier handlings, one entry per meeting (`Sagsforløb`, `Sagens forløb`). */
  | 'sagsforloeb'
  /** A named part with no rule of its own: `Kommunikation`, `Tidsplan`, `Borgmesterens Afdelings påtegning`. */
  | 'andet';

/** Every section kind, with the canonical Danish title a new heading is written with. */
export const SECTION_KINDS: Readonly<Record<SectionKind, string>> = {
  resume: 'Resume',
  sagsfremstilling: 'Sagsfremstilling',
  supplerendeSagsfremstilling: 'Supplerende sagsfremstilling',
  sagenAfgoeres: 'Sagen afgøres endelig af',
  lovgrundlag: 'Lovgrundlag',
  vision: 'Vision, politikker og strategier',
  oekonomi: 'Økonomi',
  andreKonsekvenser: 'Andre konsekvenser',
  indstilling: 'Indstilling',
  beslutning: 'Beslutning',
  bilag: 'Bilag',
  tidligereBeslutning: 'Beslutning fra',
  sagsforloeb: 'Sagsforløb',
  andet: 'Afsnit',
};

/** A section heading as one system writes it. */
export interface SectionName {
  readonly name: string;
  readonly kind: SectionKind;
}

/**
 * Every section heading known in any dialect: the lexer marks a line that is one as a candidate
 * heading; the document's dialect decides whether it is one there (`Baggrund` is a section in
 * eDoc, a sub-heading of the text in Lemvig's minutes).
 */
export const SECTION_NAMES: readonly SectionName[] = [
  { name: 'Resume', kind: 'resume' },
  { name: 'Resumé', kind: 'resume' },
  { name: 'Sammendrag', kind: 'resume' },
  { name: 'Sagsfremstilling', kind: 'sagsfremstilling' },
  { name: 'Fremstilling', kind: 'sagsfremstilling' },
  { name: 'Sagsbeskrivelse', kind: 'sagsfremstilling' },
  { name: 'Baggrund', kind: 'sagsfremstilling' },
  { name: 'Sagens kerne', kind: 'sagsfremstilling' },
  { name: 'Anledning', kind: 'sagsfremstilling' },
  { name: 'Supplerende sagsfremstilling', kind: 'supplerendeSagsfremstilling' },
  { name: 'Sagen afgøres endelig af', kind: 'sagenAfgoeres' },
  { name: 'Sagen afgøres i', kind: 'sagenAfgoeres' },
  { name: 'Beslutningen træffes af', kind: 'sagenAfgoeres' },
  { name: 'Beslutningskompetence', kind: 'sagenAfgoeres' },
  { name: 'Sagsprocedure', kind: 'sagenAfgoeres' },
  { name: 'Lovgrundlag', kind: 'lovgrundlag' },
  { name: 'Vision, politikker og strategier', kind: 'vision' },
  { name: 'Økonomi', kind: 'oekonomi' },
  { name: 'Økonomiske konsekvenser', kind: 'oekonomi' },
  { name: 'Økonomiske konsekvenser og finansiering', kind: 'oekonomi' },
  { name: 'Økonomi og organisatoriske konsekvenser', kind: 'oekonomi' },
  { name: 'Andre konsekvenser', kind: 'andreKonsekvenser' },
  { name: 'Indstilling', kind: 'indstilling' },
  { name: 'Supplerende indstilling', kind: 'indstilling' },
  { name: 'Administrativ indstilling', kind: 'indstilling' },
  { name: 'Beslutningspunkter', kind: 'indstilling' },
  { name: 'Beslutning', kind: 'beslutning' },
  { name: 'Beslutninger', kind: 'beslutning' },
  { name: 'Bilag', kind: 'bilag' },
  { name: 'Sagsforløb', kind: 'sagsforloeb' },
  { name: 'Sagens forløb', kind: 'sagsforloeb' },
  { name: 'Tidligere behandling', kind: 'sagsforloeb' },
  { name: 'Kommunikation', kind: 'andet' },
  { name: 'Tidsplan', kind: 'andet' },
  { name: 'Borgmesterens Afdelings påtegning', kind: 'andet' },
  { name: 'Underskriftsside', kind: 'andet' },
  { name: 'Høring', kind: 'andet' },
];

/** Header labels, with or without a colon after them; each has the role it plays in the header. */
export type HeaderRole = 'moedeDato' | 'moedested' | 'tidspunkt' | 'udvalg' | 'deltagere' | 'afbud' | 'sekretaer' | 'slut';

export const HEADER_LABELS: readonly {
  readonly label: string;
  readonly role: HeaderRole;
  /** An attendance list of the body's members (SBSYS eDagsorden's `Medlemmer`), not of who was present. */
  readonly members?: true;
}[] = [
  { label: 'Mødedato', role: 'moedeDato' },
  { label: 'Dato', role: 'moedeDato' },
  { label: 'Mødested', role: 'moedested' },
  { label: 'Lokale', role: 'moedested' },
  { label: 'Sted', role: 'moedested' },
  { label: 'Tidspunkt', role: 'tidspunkt' },
  { label: 'Starttidspunkt', role: 'tidspunkt' },
  { label: 'Sluttidspunkt', role: 'slut' },
  { label: 'Udvalg', role: 'udvalg' },
  { label: 'Mødedeltagere', role: 'deltagere' },
  { label: 'Deltagere', role: 'deltagere' },
  { label: 'Tilstede', role: 'deltagere' },
  { label: 'Til stede', role: 'deltagere' },
  { label: 'Medlemmer', role: 'deltagere', members: true },
  { label: 'Afbud/Fraværende', role: 'afbud' },
  { label: 'Afbud', role: 'afbud' },
  { label: 'Fraværende', role: 'afbud' },
  { label: 'Sekretær', role: 'sekretaer' },
];

/** How the text says someone joins the meeting for a punkt: `HR-konsulent Ditte Ågård deltager i mødet kl. 10:00`. */
export const ATTENDANCE_PHRASES: readonly string[] = [
  'deltager i mødet',
  'deltager under punktet',
  'deltager under dette punkt',
  'deltager under behandlingen',
  'kommer til stede',
  'deltog i mødet',
];
const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Any attendance phrase, as a regular expression source (whole words). */
export const ATTENDANCE_SOURCE = String.raw`\b(?:` + ATTENDANCE_PHRASES.map(escapeRegex).join('|') + String.raw`)\b`;

/** The words a document's first line starts with, and the kind of document each makes. */
export type DocumentKind = 'referat' | 'dagsorden';
export const DOCUMENT_WORDS: readonly { readonly word: string; readonly kind: DocumentKind }[] = [
  { word: 'REFERAT', kind: 'referat' },
  { word: 'Referat', kind: 'referat' },
  { word: 'Beslutningsprotokol', kind: 'referat' },
  { word: 'DAGSORDEN', kind: 'dagsorden' },
  { word: 'Dagsorden', kind: 'dagsorden' },
];

/** What a case history writes under a handling still to come, whose decision is not out yet (Greve). */
export const HISTORY_NOT_RELEASED = /^beslutning(?:en)?[ \t]+(?:er[ \t]+)?ikke[ \t]+frigivet[ \t.]*$/i;

/** How a closed punkt is marked: a prefix of its title (`Lukket: …`, `Lukket sag: …`) or a suffix (`… (Lukket)`). */
/** Punkter that are a formality of the meeting, not a case: nothing is decided in them. */
export const WITHOUT_DECISION = /^(?:underskriftsark|underskriftsside|underskrifter|underskrift)\b/i;

export const CLOSED_PREFIX = /^lukket(?:\s+(?:sag|punkt))?\s*:\s*/i;
export const CLOSED_SUFFIX = /\s*\((?:lukket|lukket punkt)\)\s*$/i;

/** Lines in a table of contents that head a part of it, not an entry (`Åbent referat`, `Punkt nr.  Side`). */
export const TOC_PART_LINES =
  /^\s*(?:åbent\s+referat|lukket\s+referat|åben\s+dagsorden|lukket\s+dagsorden|åbne\s+punkter|lukkede\s+punkter|punkt\s+nr\.?(?:\s+side)?|punkt\s+titel|side)\s*$/i;

/**
 * A case-number scheme: how a system numbers its cases, and which part says the year the case
 * was opened. The pattern matches the whole number as written, without a label.
 */
export interface CaseNumberScheme {
  readonly id: string;
  readonly name: { readonly da: string; readonly en: string };
  readonly pattern: RegExp;
  /** The year the case was opened, from the match (two digits are read against the meeting's year). */
  readonly year: (m: RegExpExecArray) => { readonly digits: string; readonly start: number } | undefined;
  /** An example, for messages. */
  readonly example: string;
}

export const CASE_NUMBER_SCHEMES: readonly CaseNumberScheme[] = [
  {
    id: 'kle',
    name: { da: 'KLE-journalnummer (SBSYS)', en: 'KLE journal number (SBSYS)' },
    pattern: /^(\d{2})\.(\d{2})\.(\d{2})(-?)([A-ZÆØÅ]\d{2})-(\d{1,6})-(\d{2})$/d,
    year: (m) => ({ digits: m[7]!, start: m.indices![7]![0] }),
    example: '00.01.00I00-3-23',
  },
  {
    id: 'emn',
    name: { da: 'sagsnummer EMN-år-løbenummer (Aarhus)', en: 'case number EMN-year-serial (Aarhus)' },
    pattern: /^EMN-(\d{4})-(\d{6})$/d,
    year: (m) => ({ digits: m[1]!, start: m.indices![1]![0] }),
    example: 'EMN-2025-003383',
  },
  {
    id: 'yy-serial',
    name: { da: 'sagsnummer år-løbenummer (First Agenda)', en: 'case number year-serial (First Agenda)' },
    // Greve marks some cases with a letter after the serial (`20-010677K`).
    pattern: /^(\d{2})-(\d{6})[A-ZÆØÅ]?$/d,
    year: (m) => ({ digits: m[1]!, start: m.indices![1]![0] }),
    example: '24-008574',
  },
  {
    id: 'yyyy-serial',
    name: { da: 'sagsnummer år-løbenummer (eDoc)', en: 'case number year-serial (eDoc)' },
    pattern: /^(\d{4})-(\d{4,6})$/d,
    year: (m) => ({ digits: m[1]!, start: m.indices![1]![0] }),
    example: '2012-28504',
  },
  {
    id: 'yy/serial',
    name: { da: 'sagsnummer år/løbenummer (Acadre)', en: 'case number year/serial (Acadre)' },
    pattern: /^(\d{2})\/(\d{3,6})$/d,
    year: (m) => ({ digits: m[1]!, start: m.indices![1]![0] }),
    example: '12/27845',
  },
  {
    id: 'sag-nnn-yyyy-nnn',
    name: { da: 'sagsnummer nnn-år-nnn', en: 'case number nnn-year-nnn' },
    pattern: /^(\d{1,4})-(\d{4})-(\d{1,6})$/d,
    year: (m) => ({ digits: m[2]!, start: m.indices![2]![0] }),
    example: '306-2009-600',
  },
];

/** Labels a case number may stand behind on its line: `Sagsnr.: 12/27845`, `Sagsid.: 20/33839`. */
export const CASE_NUMBER_LABEL = /^(?:Sagsnr\.?|Sagsnummer|Sagsid\.?|Sag|Journalnr\.?|Journalnummer|J\.\s?nr\.?)\s*:?\s*/i;
/** What may follow the number on its line and is not part of it: `Dok.nr.: 2012-203438`. */
export const CASE_NUMBER_TRAILER = /\s{2,}.*$|\s+Dok\.?\s?nr\.?.*$/i;

/**
 * The standard decisions, always offered where a decision is written; each with the
 * recommendation it answers (`At … godkendes.` is answered `Godkendt.`), so the one that fits the
 * punkt comes first.
 */
export const STANDARD_DECISIONS: readonly { readonly text: string; readonly answers?: RegExp }[] = [
  { text: 'Godkendt.', answers: /godkend/i },
  { text: 'Indstillingen godkendt.', answers: /godkend/i },
  { text: 'Taget til efterretning.', answers: /til efterretning/i },
  { text: 'Orienteringen taget til efterretning.', answers: /orientering\w*\s.*til efterretning/i },
  { text: 'Drøftet.', answers: /drøft/i },
  { text: 'Anbefales.', answers: /anbefal/i },
  { text: 'Udsat.' },
];

/**
 * The approval written at the end of a referat (`referat approve`): its heading, its fields, and
 * the heading of an addition written after it. A secretary may decorate them as any heading.
 */
export const APPROVAL_WORDS = {
  heading: 'Godkendelse',
  by: 'Godkendt af',
  date: 'Dato',
  seal: 'Segl',
  addition: 'Tilføjelse',
} as const;

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
  /** What of a closed punkt's decision may be published (kommunestyrelsesloven § 8, stk. 7). */
  | 'offentligBeslutning'
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
  offentligBeslutning: 'Offentlig beslutning',
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
  { name: 'Præsentation', kind: 'resume' },
  { name: 'Sagsfremstilling', kind: 'sagsfremstilling' },
  { name: 'Fremstilling', kind: 'sagsfremstilling' },
  { name: 'Sagsbeskrivelse', kind: 'sagsfremstilling' },
  { name: 'Baggrund', kind: 'sagsfremstilling' },
  { name: 'Sagens kerne', kind: 'sagsfremstilling' },
  { name: 'Anledning', kind: 'sagsfremstilling' },
  // GetOrganized's referat (Aarhus): each item's `Oplæg:` and what the meeting recorded, `Referat:`.
  { name: 'Oplæg', kind: 'sagsfremstilling' },
  { name: 'Supplerende sagsfremstilling', kind: 'supplerendeSagsfremstilling' },
  { name: 'Sagen afgøres endelig af', kind: 'sagenAfgoeres' },
  { name: 'Sagen afgøres i', kind: 'sagenAfgoeres' },
  // SBSYS (Region Hovedstaden): the captions of its publication's fields.
  { name: 'Sagen afgøres af', kind: 'sagenAfgoeres' },
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
  { name: 'Administrationens indstilling', kind: 'indstilling' },
  { name: 'Beslutningspunkter', kind: 'indstilling' },
  { name: 'Forvaltningen foreslår', kind: 'indstilling' },
  { name: 'Beslutning', kind: 'beslutning' },
  { name: 'Beslutninger', kind: 'beslutning' },
  // A document word too: a section only where a dialect names it, and only below the document's title.
  { name: 'Referat', kind: 'beslutning' },
  { name: 'Offentlig beslutning', kind: 'offentligBeslutning' },
  { name: 'Offentliggjort beslutning', kind: 'offentligBeslutning' },
  { name: 'Bilag', kind: 'bilag' },
  { name: 'Sagsforløb', kind: 'sagsforloeb' },
  { name: 'Sagens forløb', kind: 'sagsforloeb' },
  { name: 'Tidligere behandling', kind: 'sagsforloeb' },
  { name: 'Punktet behandlet tidligere', kind: 'sagsforloeb' },
  { name: 'Kommunikation', kind: 'andet' },
  { name: 'Tidsplan', kind: 'andet' },
  { name: 'Borgmesterens Afdelings påtegning', kind: 'andet' },
  { name: 'Underskriftsside', kind: 'andet' },
  { name: 'Høring', kind: 'andet' },
  // eDoc (Fujitsu)'s template, Middelfart's: every heading printed, written under or not.
  { name: 'Forvaltningens bemærkninger', kind: 'andet' },
  { name: 'Handicapaspekter', kind: 'andet' },
  { name: 'Høring af Handicaprådet', kind: 'andet' },
  { name: 'Høring af Ældrerådet', kind: 'andet' },
];

/** Header labels, with or without a colon after them; each has the role it plays in the header. */
export type HeaderRole = 'moedeDato' | 'moedested' | 'tidspunkt' | 'udvalg' | 'deltagere' | 'afbud' | 'sekretaer' | 'slut';

export const HEADER_LABELS: readonly {
  readonly label: string;
  readonly role: HeaderRole;
  /** An attendance list of the udvalg's members (SBSYS eDagsorden's `Medlemmer`), not of who was present. */
  readonly members?: true;
}[] = [
  { label: 'Mødedato', role: 'moedeDato' },
  { label: 'Dato', role: 'moedeDato' },
  { label: 'Mødested', role: 'moedested' },
  { label: 'Lokale', role: 'moedested' },
  { label: 'Sted', role: 'moedested' },
  { label: 'Tidspunkt', role: 'tidspunkt' },
  { label: 'Starttidspunkt', role: 'tidspunkt' },
  // GetOrganized's referat: `Tid:  13:00 - 15:00`.
  { label: 'Tid', role: 'tidspunkt' },
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
/** A phrase of the format as a regular expression source: its blanks any run of spaces and tabs. */
export const phraseSource = (phrase: string): string => escapeRegex(phrase).replace(/ /g, '[ \\t]+');
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

/** What a published page calls the document: its title and its PDF's say which it is. */
export const DOCUMENT_TITLES: Readonly<Record<DocumentKind, string>> = { referat: 'Referat', dagsorden: 'Dagsorden' };

/** What a case history writes under a handling still to come, whose decision is not out yet (Greve). */
export const HISTORY_NOT_RELEASED = /^beslutning(?:en)?[ \t]+(?:er[ \t]+)?ikke[ \t]+frigivet[ \t.]*$/i;

/** How a closed punkt is marked: a prefix of its title (`Lukket: …`, `Lukket sag: …`) or a suffix (`… (Lukket)`). */
/** Punkter that are a formality of the meeting, not a case: nothing is decided in them. */
export const WITHOUT_DECISION = /^(?:underskriftsark|underskriftsside|underskrifter|underskrift)\b/i;

/**
 * The closed marker first in a title, with whatever sets it off (`Lukket:`, `Lukket -`, `Lukket;`,
 * `Lukket.`) or alone (`Lukket`): a colon left off must not publish a closed punkt.
 */
export const CLOSED_PREFIX = /^lukket(?:\s+(?:sag|punkt))?\s*(?:[:;.,\-–—]\s*|$)/i;
export const CLOSED_SUFFIX = /\s*\((?:lukket|lukket punkt)\)\s*$/i;
/** The closed marker in brackets anywhere in a title: `Personalesag (lukket) – opfølgning`. */
export const CLOSED_IN_BRACKETS = /\(lukket(?:\s+(?:sag|punkt))?\)/i;
/** A title that begins with the closed marker and a word (`Lukket Personalesag`): closed, or an open punkt about something closed? */
export const CLOSED_MARKER_AND_WORD = /^lukket\s+(?!(?:sag|punkt)\s*(?:[:;.,\-–—]|$))\p{L}/iu;
/**
 * A line shaped like a closed punkt's heading in a form that is no heading: `Punkt 2 (lukket): …`,
 * `Punkt 2 lukket: …`, `Lukket punkt 2: …`, the marker set off from the title or ending the line
 * (bold or a Markdown heading's marks allowed). The lines under it would be
 * read as the punkt above's, and published with it.
 */
export const CLOSED_HEADING_LOOKALIKE =
  /^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*)?(?:punkt[ \t]+(\d{1,4}(?:\.\d{1,3})?)[ \t]*(?:\(lukket[^)\n]{0,20}\)|[ \t]lukket(?:[ \t]+(?:punkt|sag))?)|lukket[ \t]+punkt[ \t]+(\d{1,4}(?:\.\d{1,3})?))[ \t]*(?:\*\*)?[ \t]*(?:[:.\-–—][ \t]*(?:\*\*)?[ \t]*(.*)|$)/i;

/**
 * A title or a line as a reader sees its words, for the lookalikes of a closed marker: compatibility
 * forms as they look (a full-width colon), invisible characters and a soft hyphen gone, every space
 * a space, the Cyrillic and Greek letters that look like Latin ones as those, quotes and markup
 * gone, lower case.
 */
export function markerReading(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\p{Cf}\u00ad]/gu, '')
    .replace(/[\s\u2800]/gu, ' ')
    .replace(/[\u0400-\u052f\u0370-\u03ff]/g, (c) => LATIN_LOOKALIKE[c] ?? c)
    .replace(/["'“”„‘’«»*_~`]/g, '')
    .toLowerCase();
}

/** Cyrillic and Greek letters a reader takes for Latin ones. */
const LATIN_LOOKALIKE: Readonly<Record<string, string>> = Object.fromEntries(
  [...'аАвВеЕкКмМнНоОрРсСтТуУхХіІјЈѕЅԁαΑβΒεΕκΚμΜνΝοΟρΡτΤυΥχΧιΙ'].map((c, i) => [c, 'aAbBeEkKmMhHoOpPcCtTyYxXiIjJsSdaABBeEkKmMvNoOpPtTuUxXiI'[i]!]),
);

/**
 * The closed marker's word as people also write it: misspelt (`Lukkket`, `Lukke`), inflected
 * (`lukkede`), in other words that say the same (`fortroligt`, `ikke offentligt`, `ikke-offentlig`,
 * `undtaget offentlighed`), `closed`.
 */
const MARKER_WORD = String.raw`(?:lukk\p{L}*|luket|fortrolig\p{L}*|ikke[ \-]+offentlig\p{L}*|ej[ \-]+offentlig\p{L}*|undtaget[ ]+(?:fra[ ]+)?offentlighed\p{L}*|closed)`;
/**
 * Where a closed marker's word may begin (as written, any case): one cheap test before the patterns,
 * and where the title after a marker's word starts.
 */
export const CLOSED_MARKER_WORD_STARTS = String.raw`luk|fortrol|closed|ikke[\s\-]+offentl|ej[\s\-]+offentl|undtaget\s+(?:fra\s+)?offentl`;
/**
 * A title that marks its punkt closed in a way that is not read as closed: the marker's word first
 * and set off (`Fortroligt: …`, `Ikke offentligt: …`, `Lukke: …`, `Lukket/…`, `Lukket (…)`, `[Lukket] …`,
 * `Lukkede punkter: …`) or before the word for a punkt (`Fortroligt punkt`, `Ikke offentlig sag om …`),
 * in brackets (`(lukket møde)`, `( lukket )`), or last after a mark that sets it off (`… - lukket`,
 * `…. Lukket`, `… | Lukket punkt`, `… · Fortroligt`).
 * Tested on {@link markerReading}. A title about closing something (`Lukning af …`, `Forslag om at
 * lukke …`) matches none.
 */
export const CLOSED_MARKER_LOOKALIKE = new RegExp(
  String.raw`^[\[(]?\s*${MARKER_WORD}\s*(?:[\]):;/\-–—.,(!?|·•»]|$)|^${MARKER_WORD}\s+(?:punkt|sag|møde)\b|^lukkede\s+punkt|[(\[]\s*${MARKER_WORD}\b[^)\]]{0,24}[)\]]|[,:;.\-–—|·•»/!?]\s*${MARKER_WORD}(?:\s+(?:punkt|sag|møde))?\s*[.)!]?\s*$`,
  'u',
);
/**
 * A line shaped like a closed punkt's heading, written so that it is not read as one: `Pkt. 3: Lukket`,
 * `Punkt nr. 3 - Lukket`, `Punkt3: Lukket`, `PUNKT 3: LUKKET`, `3. Lukket: …`, with look-alike letters, a
 * full-width colon or an invisible character. Tested on {@link markerReading}; group 1 is its number.
 */
export const CLOSED_HEADING_READ_LOOKALIKE = new RegExp(
  String.raw`^\s*(?:#{1,6}\s*)?(?:(?:punkt|pkt\.?)\s*(?:nr\.?\s*)?(\d{1,4}(?:\.\d{1,3})?)\s*[:.\-–—]?\s*[(\[]?\s*${MARKER_WORD}|(\d{1,4})\.\s+${MARKER_WORD}\s*:)`,
  'u',
);

/** Lines of a header that say nothing the model reads: `Åbent referat`, a page form's `Punkt⇥Titel` row. */
export const HEADER_NOTHING_LINES = /^(?:åbent\s+referat|lukket\s+referat|punkt\tTitel)$/i;

/** A line that heads the closed part of a meeting's items (`Lukket referat`, `Lukkede punkter`), and one that heads its open part. */
export const CLOSED_PART_LINE = /^\s*(?:lukket\s+referat|lukket\s+dagsorden|lukkede\s+punkter|lukkede\s+sager)\s*$/i;
export const OPEN_PART_LINE = /^\s*(?:åbent\s+referat|åben\s+dagsorden|åbne\s+punkter|åbne\s+sager)\s*$/i;

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
  /** What the system calls the number, in a sentence: a KLE journalnummer, or another system's sagsnummer. */
  readonly word: { readonly da: string; readonly en: string };
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
    word: { da: 'journalnummer', en: 'journal number' },
    pattern: /^(\d{2})\.(\d{2})\.(\d{2})(-?)([A-ZÆØÅ]\d{2})-(\d{1,6})-(\d{2})$/d,
    year: (m) => ({ digits: m[7]!, start: m.indices![7]![0] }),
    example: '00.01.00I00-3-23',
  },
  {
    id: 'emn',
    name: { da: 'sagsnummer EMN-år-løbenummer (Aarhus)', en: 'case number EMN-year-serial (Aarhus)' },
    word: { da: 'sagsnummer', en: 'case number' },
    pattern: /^EMN-(\d{4})-(\d{6})$/d,
    year: (m) => ({ digits: m[1]!, start: m.indices![1]![0] }),
    example: 'EMN-2025-003383',
  },
  {
    id: 'yy-serial',
    name: { da: 'sagsnummer år-løbenummer (First Agenda)', en: 'case number year-serial (First Agenda)' },
    word: { da: 'sagsnummer', en: 'case number' },
    // Greve marks some cases with a letter after the serial (`20-010677K`).
    pattern: /^(\d{2})-(\d{6})[A-ZÆØÅ]?$/d,
    year: (m) => ({ digits: m[1]!, start: m.indices![1]![0] }),
    example: '24-008574',
  },
  {
    id: 'yyyy-serial',
    name: { da: 'sagsnummer år-løbenummer (eDoc)', en: 'case number year-serial (eDoc)' },
    word: { da: 'sagsnummer', en: 'case number' },
    pattern: /^(\d{4})-(\d{4,6})$/d,
    year: (m) => ({ digits: m[1]!, start: m.indices![1]![0] }),
    example: '2012-28504',
  },
  {
    id: 'yy/serial',
    name: { da: 'sagsnummer år/løbenummer (Acadre)', en: 'case number year/serial (Acadre)' },
    word: { da: 'sagsnummer', en: 'case number' },
    pattern: /^(\d{2})\/(\d{3,6})$/d,
    year: (m) => ({ digits: m[1]!, start: m.indices![1]![0] }),
    example: '12/27845',
  },
  {
    id: 'yyyyserial',
    name: { da: 'sagsnummer årløbenummer uden bindestreg (eDoc, Fujitsu)', en: 'case number yearserial without a hyphen (eDoc, Fujitsu)' },
    word: { da: 'sagsnummer', en: 'case number' },
    pattern: /^(\d{4})(\d{5})$/d,
    year: (m) => ({ digits: m[1]!, start: m.indices![1]![0] }),
    example: '200906126',
  },
  {
    id: 'sag-nnn-yyyy-nnn',
    name: { da: 'sagsnummer nnn-år-nnn', en: 'case number nnn-year-nnn' },
    word: { da: 'sagsnummer', en: 'case number' },
    pattern: /^(\d{1,4})-(\d{4})-(\d{1,6})$/d,
    year: (m) => ({ digits: m[2]!, start: m.indices![2]![0] }),
    example: '306-2009-600',
  },
];

/** Labels a punkt's case-number line may begin with: `Sagsnr.: 12/27845`, `Sagsid.: 20/33839` (a final `.` may be left out). */
export const CASE_NUMBER_LINE_LABELS: readonly string[] = ['Sagsnr.', 'Sagsnummer', 'Sagsid.', 'Journalnr.'];
/** Every label a case number may stand behind on its line: the line's labels, and the looser forms met inside a line. */
export const CASE_NUMBER_LABELS: readonly string[] = [...CASE_NUMBER_LINE_LABELS, 'Sag', 'Journalnummer', 'J. nr.'];
/** Labels as a regular expression source, one group: a final `.` optional, a blank written `blank`. */
export function labelAlternatives(labels: readonly string[], blank: string): string {
  return `(?:${labels.map((l) => escapeRegex(l).replace(/\\\.$/, '\\.?').replace(/ /g, blank)).join('|')})`;
}
/** The labels a punkt's case-number line may begin with, as a regular expression source (use with the `i` flag). */
export const CASE_NUMBER_LINE_LABEL_SOURCE = labelAlternatives(CASE_NUMBER_LINE_LABELS, '[ \\t]?');
/** A case number's label at the start of a string, with its colon and blanks. */
export const CASE_NUMBER_LABEL = new RegExp(String.raw`^${labelAlternatives(CASE_NUMBER_LABELS, String.raw`\s?`)}\s*:?\s*`, 'i');
/** A case number's label alone, where a template left it for the number (`Journalnummer`, `Sagsnr.`). */
export const CASE_NUMBER_LABEL_ALONE = new RegExp(`^${labelAlternatives(CASE_NUMBER_LABELS, '[ \\t]?')}$`, 'i');
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

/** The word a punkt's heading begins with: `Punkt 3: Title`. */
export const PUNKT_WORD = 'Punkt';
/** The heading of the table of contents. */
export const TOC_HEADING_WORD = 'Indholdsfortegnelse';

/**
 * The months, januar first, and the weekdays, søndag first as Date#getUTCDay counts them: the names
 * of Intl's da-DK, which a test holds them to. Written here, since asking Intl costs every check
 * some 20 ms of loading ICU's Danish calendar data.
 */
export const MONTH_NAMES: readonly string[] = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
];
export const WEEKDAY_NAMES: readonly string[] = ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'];

/*
 * The words that, right after a number and its period at a line's start, make the number part of a
 * sentence and the line no punkt's heading (`3.   Title`, eDoc's and Acadre's form): a day of a month,
 * an ordinal, the first word of a numbered recommendation. Lower case, as Danish writes them there.
 */
/** The months and their abbreviations: `30. november 2022 …`, `1. jan. 2023`, `15. maj kl. 14`. */
export const MONTH_WORDS: readonly string[] = [
  ...MONTH_NAMES,
  'jan',
  'feb',
  'febr',
  'mar',
  'mart',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'okt',
  'nov',
  'dec',
];
/** Nouns an ordinal stands before, in their forms: `2. behandling af …`, `1. gang`, `3. kvartal`, `2. halvår`, `4. udgave`. */
export const ORDINAL_NOUNS: readonly string[] = [
  'behandling',
  'behandlingen',
  'gang',
  'gangs',
  'kvartal',
  'kvartals',
  'halvår',
  'halvårs',
  'halvdel',
  'del',
  'delen',
  'udgave',
  'udgaven',
  'version',
  'versionen',
  'udkast',
  'etape',
  'etapen',
  'fase',
  'fasen',
  'runde',
  'omgang',
  'år',
  'klasse',
  'klassetrin',
  'sal',
  'plads',
  'prioritet',
  'led',
  'pkt',
  'punktum',
  'afsnit',
  'kapitel',
  'stk',
  'høring',
  'høringsrunde',
  'budgetopfølgning',
  'økonomirapport',
  'oplæg',
  'møde',
  'gennemgang',
  'kvartalsrapport',
];
/** How a numbered recommendation's items begin: `1. at regionsrådet tiltræder …`. */
export const LIST_ITEM_WORDS: readonly string[] = ['at', 'og', 'eller'];
/** The label a header field is written with where the document writes none: the first of its role. */
export function headerLabel(role: HeaderRole): string {
  return HEADER_LABELS.find((l) => l.role === role)!.label;
}
/** The word a document of a kind begins with, in capitals (`REFERAT`) or with a capital first (`Referat`). */
export function documentWord(kind: DocumentKind, casing: 'upper' | 'capital'): string {
  return DOCUMENT_WORDS.find((d) => d.kind === kind && (d.word === d.word.toUpperCase()) === (casing === 'upper'))!.word;
}

/** How a case history (First Agenda's `Sagsforløb`) labels an earlier handling's fields: `Udvalg: Magistraten`, `Dato: 19-08-2025`, `Punktnummer: 4`. */
export const HISTORY_ENTRY_LABELS = { udvalg: 'Udvalg', dato: 'Dato', punkt: 'Punktnummer' } as const;
/** Words a note of who was absent begins with after a decision (`Afbud: …`, `Fravær: …`): the header's absence labels and `Fravær`. */
export const ABSENCE_WORDS: readonly string[] = [...HEADER_LABELS.filter((l) => l.role === 'afbud').map((l) => l.label), 'Fravær'];
/** The word that marks a punkt closed, before its title (`Lukket: …`) or after it (`… (Lukket)`). */
export const CLOSED_MARKER = 'Lukket';
/** The closed marker and its longer forms a caption may begin with (`Lukket punkt`, `Lukket sag - Salg`), longest first. */
export const CLOSED_MARKERS: readonly string[] = [`${CLOSED_MARKER} punkt`, `${CLOSED_MARKER} sag`, CLOSED_MARKER];
/** The closed marker as a title writes it first, with its colon: `Lukket: Borgmesterens kalender`. */
export const CLOSED_TITLE_MARKER = CLOSED_PREFIX;

/**
 * Every word of the format that code might otherwise write as a literal: header labels, section
 * headings, document words, attendance phrases, standard decisions, case-number labels (without a
 * final `.`), the punkt's and the table of contents' heading words and the closed marker. The
 * architecture test holds the code outside dialect/ to them.
 */
export function vocabularyWords(): string[] {
  const words = [
    ...HEADER_LABELS.map((l) => l.label),
    ...SECTION_NAMES.map((s) => s.name),
    ...Object.values(SECTION_KINDS),
    ...DOCUMENT_WORDS.map((d) => d.word),
    ...ATTENDANCE_PHRASES,
    ...STANDARD_DECISIONS.map((d) => d.text.replace(/\.$/, '')),
    ...CASE_NUMBER_LABELS.map((l) => l.replace(/\.$/, '')),
    PUNKT_WORD,
    TOC_HEADING_WORD,
    CLOSED_MARKER,
    ...Object.values(APPROVAL_WORDS),
  ];
  return [...new Set(words)];
}

/** A KLE journal number as Lemvig writes one under every punkt's heading: `00.01.00I00-2-22`, `00.15.00-I00-11-18`, `17.03.00A00-1-19`. */
export const KLE_JOURNAL_NUMBER_SOURCE = String.raw`\d{2}\.\d{2}\.\d{2}-?[A-ZÆØÅ]\d{2}-\d{1,6}-\d{2}`;

import type { Dialect } from '../dialect/dialects';
import type { DocumentKind, SectionKind } from '../dialect/vocabulary';
import type { Range } from '../syntax/range';
import type { ReferatSyntax } from '../syntax/tree';

export type { DocumentKind, SectionKind } from '../dialect/vocabulary';

/** A model type while it is being made (a draft, a copy written over field by field). */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A day in the calendar that exists. month is 1-12. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A date as written, with its value when it names a real day. */
export interface DateValue {
  readonly text: string;
  readonly range: Range;
  /** Absent when the text names no real day (31. november, an unknown month name). */
  readonly date?: CalendarDate;
  readonly problem?: 'no-such-day' | 'unknown-month';
}

export interface TimeValue {
  readonly text: string;
  readonly range: Range;
  readonly hour: number;
  readonly minute: number;
  /** False for 25:00 or 10:75. */
  readonly valid: boolean;
}

export interface Title {
  readonly range: Range;
  /** The word as written: `REFERAT`, `Referat`, `Dagsorden`. */
  readonly word: string;
  /** What the document is: minutes, or an agenda (no decisions expected). */
  readonly kind: DocumentKind;
  /** The udvalg that met: `Direktionen`. Empty when missing. */
  readonly udvalg: string;
  readonly udvalgRange?: Range;
  readonly date?: DateValue;
  /** `Referat 1. oktober 2025 kl. 15.45`: the time in the title. */
  readonly time?: TimeValue;
}

export interface Weekday {
  readonly text: string;
  readonly range: Range;
  /** 0 = Sunday … 6 = Saturday, as Date#getUTCDay; absent when not a Danish weekday name. */
  readonly index?: number;
}

export interface MoedeDato {
  readonly range: Range;
  readonly valueRange: Range;
  readonly weekday?: Weekday;
  readonly date?: DateValue;
  readonly time?: TimeValue;
  /** The label as written (`Mødedato`, `Dato`); none where the dialect writes the field unlabelled (eDoc, Acadre). */
  readonly label?: string;
}

export interface TextField {
  readonly range: Range;
  readonly value: string;
  readonly valueRange: Range;
  /** The label as written (`Mødested`, `Lokale`); none where the field stands unlabelled. */
  readonly label?: string;
}

export interface Person {
  readonly name: string;
  readonly range: Range;
  /** The party letter written after the name (`Anna Holm (A)`), where there is one. */
  readonly party?: string;
}

export interface Attendees {
  readonly range: Range;
  readonly names: readonly Person[];
  /** The label as written (`Mødedeltagere`, `Tilstede`, `Afbud/Fraværende`) and where. */
  readonly label: string;
  readonly labelRange: Range;
  /** The udvalg's members (`Medlemmer`), not who was present: a member may be absent as well. */
  readonly members: boolean;
}

export interface Header {
  readonly title?: Title;
  readonly moedeDato?: MoedeDato;
  readonly moedested?: TextField;
  readonly deltagere?: Attendees;
  readonly afbud?: Attendees;
  readonly sekretaer?: Attendees;
}

export interface TocEntry {
  readonly title: string;
  readonly titleRange: Range;
  /** `715.` in a numbered table of contents. */
  readonly number?: number;
  readonly page?: number;
  readonly line: number;
}

export interface Toc {
  readonly headingRange: Range;
  readonly entries: readonly TocEntry[];
  /** Whole table of contents, heading to last entry. */
  readonly range: Range;
}

/** The parts of a KLE journal number (SBSYS): `00.01.00I00-3-23`. */
export interface KleParts {
  /** `00.01.00` */
  readonly emne: string;
  readonly hovedgruppe: string;
  readonly gruppe: string;
  /** `I00` */
  readonly facet: string;
  readonly serial: number;
  /** `new` = 00.01.00I00-3-23, `old` = 00.16.00-P20-1-16 */
  readonly form: 'new' | 'old';
  readonly parts: {
    readonly emne: Range;
    readonly facet: Range;
    readonly serial: Range;
  };
}

/** A case number (journalnummer, sagsnummer) of a known scheme, as written without its label. */
export interface JournalNumber {
  readonly text: string;
  readonly range: Range;
  /** The scheme's id (dialect/vocabulary.ts): `kle`, `emn`, `yy-serial`, … */
  readonly scheme: string;
  /** The year as written: `23`, `2025`. */
  readonly yearDigits: string;
  /** The year the case was opened, four digits. */
  readonly caseYear: number;
  readonly yearRange: Range;
  /** For a KLE number: its parts. */
  readonly kle?: KleParts;
}

export type JournalLine =
  | { readonly kind: 'valid'; readonly journal: JournalNumber }
  | {
      readonly kind: 'malformed';
      readonly text: string;
      readonly range: Range;
      readonly problem: JournalProblem;
      /** The number as it was surely meant, where one slip explains it (`81.39.15G01 4 23`, `-2023`). */
      readonly correction?: string;
    };

/**
 * Which part of a mistyped case number is wrong; `separators`: its parts are right but joined by
 * something else than hyphens; `scheme`: it fits none of the dialect's schemes.
 */
export type JournalProblem = 'emne' | 'facet' | 'serial' | 'year' | 'separators' | 'shape' | 'scheme';

/** A line of a section's body, kept as written. */
export interface BodyLine {
  readonly line: number;
  readonly text: string;
  readonly range: Range;
  /** A Markdown heading deeper than its section's heading (`#### Økonomi` under Sagsfremstilling). */
  readonly subHeadingLevel?: number;
  readonly blank: boolean;
}

export interface EarlierDecision {
  /**
   * How it is written: `Beslutning fra … møde den …, pkt. N:` (Lemvig), a dated decision heading
   * (`… beslutning den 04.12.2012`, `Beslutning i … den 10-04-2013`), or an entry of a `Sagsforløb`.
   */
  readonly form: 'beslutning-fra' | 'dated' | 'history';
  /** The heading, or the whole entry of a `Sagsforløb`. */
  readonly range: Range;
  /** The udvalg as written (`Direktionens møde`). */
  readonly udvalgText: string;
  /** The udvalg normalised to its name (`Direktionen`). */
  readonly udvalg: string;
  readonly date?: DateValue;
  readonly punktNumber?: number;
  readonly punktRange?: Range;
  /**
   * A handling a case history lists before it has taken place (Greve: `Beslutning ikke frigivet`):
   * the case's way ahead, which may lie after this meeting.
   */
  readonly planned?: boolean;
}

export interface RecommendationBullet {
  readonly text: string;
  readonly range: Range;
}

/** `Kommunaldirektøren indstiller,` and its `- At …` bullets. */
export interface Recommendation {
  /** Who recommends, as written (`Kommunaldirektøren`). */
  readonly by: string;
  readonly range: Range;
  readonly bullets: readonly RecommendationBullet[];
}

export interface Section {
  readonly kind: SectionKind;
  /** The heading as written, without decoration. */
  readonly title: string;
  /** The heading line as written, decoration included (`## **Beslutning**`). */
  readonly headingText: string;
  readonly headingRange: Range;
  /** True for an Indstilling that starts with an `… indstiller,` line and has no heading of its own. */
  readonly implicit: boolean;
  readonly headingLevel: number;
  readonly body: readonly BodyLine[];
  /** Heading to last non-blank line. */
  readonly range: Range;
  readonly earlier?: EarlierDecision;
  /** A `Sagsforløb`'s entries: one earlier handling each. */
  readonly entries?: readonly EarlierDecision[];
  readonly recommendations: readonly Recommendation[];
}

/** `HR-konsulent Ditte Ågård deltager i mødet kl. 10:00.` */
export interface AttendeeMention {
  readonly range: Range;
  /** Who, as written before the verb (`HR-konsulent Ditte Ågård`). */
  readonly who: string;
  readonly time?: TimeValue;
}

/** A punkt's heading line, read: what the punkt is before anything under it is. */
export interface PunktHeading {
  /** The punkt's number; a sub-item's (`1.2`, GetOrganized) is its item's, 1. */
  readonly number: number;
  /** A sub-item's own number within its item: 2 of `1.2`. */
  readonly subNumber?: number;
  /** The whole number as written: `1.2` of a sub-item. */
  readonly numberRange: Range;
  /** Title as written after the colon, `Lukket: ` prefix included for closed ones. */
  readonly title: string;
  readonly titleRange: Range;
  readonly closed: boolean;
  /** The heading line. */
  readonly headingRange: Range;
  readonly headingLevel: number;
}

export interface Punkt extends PunktHeading {
  readonly journal?: JournalLine;
  /** Lines between the journal number and the first section. */
  readonly intro: readonly BodyLine[];
  /**
   * The intro is the punkt's decision: where the system writes the decision first (Greve), a
   * decision it published without its `Beslutning` heading stands before the first section.
   */
  readonly introDecision?: boolean;
  readonly sections: readonly Section[];
  readonly attendees: readonly AttendeeMention[];
  /** Heading to the last non-blank line of the punkt. */
  readonly range: Range;
}

/** An addition written after the approval (`Tilføjelse`): a correction the seal does not cover. */
export interface Addition {
  readonly headingRange: Range;
  /** The heading as written, without decoration (`Tilføjelse 12. april 2024`). */
  readonly heading: string;
  readonly body: readonly BodyLine[];
}

/** A field of the approval block as written: `Segl: v1 …`. */
export interface ApprovalField {
  readonly range: Range;
  readonly value: string;
  readonly valueRange: Range;
}

/** The approval at the end of a referat: who approved it, when, and the seal of its text then. */
export interface Approval {
  readonly headingRange: Range;
  /** Heading to the block's last non-blank line, additions excluded. */
  readonly range: Range;
  readonly by?: ApprovalField & { readonly names: readonly Person[] };
  /** `2024-04-10`; `date` absent when the text names no real day in that form. */
  readonly date?: ApprovalField & { readonly date?: CalendarDate };
  readonly seal?: ApprovalField;
  /** Lines of the block that are none of its fields (or a field again): text that belongs under a `Tilføjelse`. */
  readonly stray: readonly BodyLine[];
  readonly additions: readonly Addition[];
}

export interface Referat {
  readonly syntax: ReferatSyntax;
  /** The conventions it is read with. */
  readonly dialect: Dialect;
  /** Minutes or an agenda. */
  readonly kind: DocumentKind;
  readonly header: Header;
  readonly toc?: Toc;
  readonly punkter: readonly Punkt[];
  /** Lines before the title that are not blank. */
  readonly stray: readonly BodyLine[];
  /** The approval written at the end (`referat approve`), with the additions after it. */
  readonly approval?: Approval;
}

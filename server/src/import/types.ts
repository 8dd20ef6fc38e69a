import type { LocalizedText } from '../i18n/locale';

/** What a source file is, as its bytes show it. */
export type SourceKind =
  | 'pdf'
  | 'first-agenda-page'
  | 'first-agenda-json'
  | 'sbsys-xml'
  | 'acadre-xml'
  | 'acadre-index'
  | 'edoc-fujitsu-xml'
  | 'edoc-fujitsu-page'
  | 'getorganized-xml'
  | 'edoc-xml'
  | 'folder';

/** Why a source gives no referat. Each has a message saying what is wrong and what to do (messages.ts). */
export type ImportProblem =
  /** Nothing in the file, or only blanks. */
  | 'empty'
  /** A PDF that is cut off or damaged. */
  | 'corrupt'
  /** A PDF that needs a password to open. */
  | 'encrypted'
  /** A PDF of pictures: scanned pages without a text layer. */
  | 'no-text'
  /** A PDF whose pages hold nothing at all: no text and no pictures. */
  | 'blank'
  /** A file named `.pdf` that is something else. */
  | 'not-pdf'
  /** HTML, JSON or XML of a known kind that holds no minutes (another page, an empty meeting). */
  | 'no-minutes'
  /** A PDF or a page whose text holds no meeting: no header (a title, a meeting date) and no punkt (an attachment). */
  | 'no-meeting'
  /** JSON or XML that does not parse: cut off or not what its name says. */
  | 'malformed'
  /** A meeting system's export, known by its structure, that lacks what a meeting is read from. */
  | 'incomplete-export'
  /** A meeting system's index (Acadre's `XML_1863.xml`) whose named files are none of them there. */
  | 'index-without-files'
  /** None of the formats Referat reads. */
  | 'unsupported'
  /** One file of a meeting system's export (a punkt's own PDF): the export's XML or folder is the source. */
  | 'part-of-export'
  /** A zip or folder with more files or bytes than a meeting's export could hold. */
  | 'too-large';

/** One meeting as a referat: its text in the source's dialect and what it is named by. */
export interface ImportedMeeting {
  /** The referat's text, ending in a newline. */
  readonly text: string;
  /** The dialect the text is written in (dialects.ts), the source's own. */
  readonly dialect: string;
  /** The udvalg that met, as the source names it. */
  readonly udvalg: string;
  /** The meeting's date, `YYYY-MM-DD`, when the source gives it. */
  readonly date?: string;
  /** `referat` or `dagsorden`, as the source calls itself. */
  readonly document: 'referat' | 'dagsorden';
  /** The file name to write it to: body and date, `aarhus-byraad-2025-08-27.referat`. */
  readonly fileName: string;
  /** How many punkter it has. */
  readonly punkter: number;
  /** The file of a folder or zip it was read from (`Publication553/Publication553.xml`). */
  readonly source?: string;
}

export type ImportResult =
  | {
      readonly ok: true;
      readonly kind: SourceKind;
      readonly meetings: readonly ImportedMeeting[];
      /** Pages read, for a PDF (for speed and progress). */
      readonly pages?: number;
      /** What the reader noticed and the secretary should know, e.g. pages without text in a PDF. */
      readonly notes: readonly LocalizedText[];
    }
  | {
      readonly ok: false;
      readonly problem: ImportProblem;
      /** One line: what is wrong, and what to do. */
      readonly message: LocalizedText;
      /** What a library said, in English, for logs; never shown as the message. */
      readonly detail?: string;
    };

/** What a reader needs from its host: the import itself never touches a disk. */
export interface ImportHost {
  /** Adobe's packed CMap of that name (`UniJIS-UCS2-H.bcmap`), for PDF fonts in a predefined CJK encoding. */
  readonly cMap?: (name: string) => Promise<Uint8Array>;
  /** A PDF not read within this time is given up as damaged; 60 s by default. */
  readonly pdfTimeoutMs?: number;
  /**
   * The files beside the source, for an index that names others (Acadre's `XML_1863.xml` names
   * `Files_1863_3687982/3687981.xml`): a path as the index writes it, found without regard to case.
   */
  readonly find?: (name: string) => Uint8Array | undefined;
}

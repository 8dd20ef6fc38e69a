/*
 * The contract between the Referat extension and its language server, beyond LSP itself: the
 * names of the requests, notifications and commands, and the data they carry. Both sides import
 * it, so they cannot drift apart. Plain names and types only: no protocol library, no vscode.
 */

/** One meeting's handling of a case, for `Referat: Case History`. */
export interface CaseHistoryEntry {
  readonly uri: string;
  /** The punkt heading's line (0-based). */
  readonly line: number;
  readonly udvalg: string;
  /** `20. marts 2024` */
  readonly date?: string;
  /** `2024-03-20` */
  readonly isoDate?: string;
  readonly number: number;
  readonly title: string;
  /** The punkt as its heading names it: `Punkt 3: Title`. */
  readonly heading: string;
  readonly closed: boolean;
  /** The start of the decision; never sent for a closed punkt. */
  readonly beslutning?: string;
}

/** A summary of a document's findings as they are now (not as last published). */
export interface FindingsSummary {
  readonly errors: number;
  readonly warnings: number;
  /** The first errors, in document order, each with its 0-based line. */
  readonly firstErrors: readonly { readonly line: number; readonly message: string }[];
}

export interface IndexedParams {
  readonly files: number;
  readonly referater: number;
  readonly ms: number;
  readonly reused: number;
}

/** Parameters of the render request: the preview and the HTML export. */
export interface RenderParams {
  readonly uri: string;
  readonly audience: 'internal' | 'public';
  /** In a webview: its CSP source, a nonce, and the addresses of the extension's stylesheet and script. */
  readonly webview?: { readonly cspSource: string; readonly nonce: string; readonly styleUri: string; readonly scriptUri: string };
  /** In a webview: the page it holds (a rendering's `id`), so the answer may be only what changed in it. */
  readonly since?: string;
}

/**
 * A rendering as the change from the page the webview holds (`from`): `text` in place of its
 * characters [start, end), which gives a page of `length` characters, known from now on as `id`.
 * A 1 MB referat's page is 1.5 MB; an edit in one punkt changes a few kilobytes of it.
 */
export interface PagePatch {
  readonly from: string;
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly length: number;
}

/** The referat made from a dagsorden: its text and where she starts writing, or why not (in the server's locale). */
export type CreateReferatResult =
  | { readonly ok: true; readonly text: string; readonly cursor: { readonly line: number; readonly character: number }; readonly decisions: number }
  | { readonly ok: false; readonly message: string };

/** A public version refused (it would publish a CPR number): where, 0-based, and why, in the display language. */
export interface RenderRefusal {
  readonly line: number;
  readonly character: number;
  readonly message: string;
}

/**
 * The answer to the render request: the page (to a webview, with its id); or, to a webview that
 * holds the page this one changed, only the change; or a refusal, with (when a webview asked) a
 * page saying why for the preview to show. A refusal's page is never a document to export.
 */
export type RenderAnswer =
  { readonly html: string; readonly id?: string } | { readonly patch: PagePatch } | { readonly refused: RenderRefusal; readonly page?: string };

/** Parameters of the PDF request: the export. */
export interface RenderPdfParams {
  readonly uri: string;
  readonly audience: 'internal' | 'public';
}

/** The answer to the PDF request: the file in base64, or a refusal. */
export type RenderPdfAnswer = { readonly pdf: string } | { readonly refused: RenderRefusal };

/** The kinds of file `Referat: Import Minutes…` and `referat import` read, by extension, for folders and file pickers. */
export const IMPORT_EXTENSIONS: readonly string[] = ['pdf', 'html', 'htm', 'json', 'xml', 'zip'];

/** Parameters of the import plan request: the files and folders she chose, on the server's disk. */
export interface ImportPlanParams {
  readonly paths: readonly string[];
}

/** The sources to import one by one: files, and folders a meeting system wrote (each one source); and why a path gives none. */
export interface ImportPlanAnswer {
  readonly sources: readonly string[];
  readonly problems: readonly { readonly path: string; readonly message: string }[];
}

/** Parameters of the import request: one source on the server's disk, a file or a meeting system's folder. */
export interface ImportParams {
  readonly path: string;
}

/**
 * A referat's file name (or path) no other meeting of the same import has taken: the name itself, else
 * `…-2.referat`, `…-3.referat` (two agendas of one committee on one day, a meeting's PDF and its page).
 */
export function untakenName(name: string, taken: (candidate: string) => boolean): string {
  if (!taken(name)) return name;
  const stem = name.replace(/\.[^./\\]*$/, '');
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}.referat`;
    if (!taken(candidate)) return candidate;
  }
}

/** One meeting read from a source: the referat's text and the file name it goes to (body and date). */
export interface ImportedReferat {
  readonly fileName: string;
  readonly text: string;
  readonly punkter: number;
  readonly dialect: string;
  /** What the source calls itself: a referat, or a dagsorden (the meeting's agenda, before it). */
  readonly document: 'referat' | 'dagsorden';
}

/** The answer to the import request: the meetings in the source, or one line on why none (in the server's locale). */
export type ImportAnswer =
  { readonly ok: true; readonly referater: readonly ImportedReferat[]; readonly notes: readonly string[] } | { readonly ok: false; readonly message: string };

/**
 * What the status bar says of the open referat: the dialect it is read in (its name and what it
 * is, in the server's locale), and whether the document's own lines chose it or a referat.yaml names it.
 */
export interface DocumentInfo {
  readonly kind: 'referat' | 'dagsorden';
  readonly punkter: number;
  readonly dialect: {
    /** The dialect's id, as `dialekt:` in referat.yaml names it (`edoc`, `greve`). */
    readonly id: string;
    /** `eDoc`, `First Agenda (Greve)`. */
    readonly name: string;
    /** What the form is, in a sentence. */
    readonly about: string;
    /** `document`: recognised from the file's own lines; `referat.yaml`: named by the referat.yaml at `config`. */
    readonly from: 'document' | 'referat.yaml';
    /** The URI of the referat.yaml that names it (only `from: 'referat.yaml'`). */
    readonly config?: string;
  };
}

/** Whom `Referat: Approve Minutes` offers: the members present in the header, today's date, and whether an approval is there. */
export interface ApprovalCandidates {
  readonly members: readonly string[];
  /** `YYYY-MM-DD`, in Denmark. */
  readonly today: string;
  /** The meeting's day (`YYYY-MM-DD`) where the header says it: an approval is dated on or after it. */
  readonly meeting?: string;
  readonly approved: boolean;
  /** Who approved it before, where it is approved: offered again when she approves it again. */
  readonly approvedBy?: readonly string[];
  /** The errors the text has that an approval does not mend (a change since an earlier approval it does), the first with its 0-based line: she is asked before. */
  readonly errors: number;
  readonly firstError?: { readonly line: number; readonly message: string };
}

/** What the client asks to approve: who, when (`DD-MM-YYYY` or `YYYY-MM-DD`; written `DD-MM-YYYY`), and whether an approval there is replaced. */
export interface ApproveParams {
  readonly by: readonly string[];
  readonly date: string;
  readonly force: boolean;
}

/**
 * The approval as one edit of the document at `version` (the client applies it only to that
 * version), with warnings in the server's locale; or a refusal, `approved` when one is there.
 */
export type ApproveAnswer =
  | {
      readonly ok: true;
      readonly version: number;
      readonly edit: {
        readonly range: {
          readonly start: { readonly line: number; readonly character: number };
          readonly end: { readonly line: number; readonly character: number };
        };
        readonly newText: string;
      };
      readonly warnings: readonly string[];
    }
  | { readonly ok: false; readonly approved: boolean; readonly message: string };

export const Protocol = {
  /** workspace/executeCommand: arguments `[journalNumber]` or `[uri, position]`; answers `CaseHistoryEntry[]`. */
  caseHistoryCommand: 'referat.server.caseHistory',
  /** workspace/executeCommand: arguments `[uri]`; answers `ApprovalCandidates`, or null when it is not an open referat. */
  approvalCandidatesCommand: 'referat.server.approvalCandidates',
  /** workspace/executeCommand: arguments `[uri, ApproveParams]`; answers `ApproveAnswer`, or null when it is not an open referat. */
  approveCommand: 'referat.server.approve',
  /** workspace/executeCommand: arguments `[uri, position]`; the server answers with window/showDocument. */
  moveCursorCommand: 'referat.server.moveCursor',
  /** Request `{ uri }` → `FindingsSummary | null` (null: not an open referat). */
  findingsRequest: 'referat/findings',
  /** Request `RenderParams` → `RenderAnswer`, or null when the document is not an open referat. */
  renderRequest: 'referat/render',
  /** Request `{ uri }` → `CreateReferatResult`, or null when the document is not an open referat. */
  createReferatRequest: 'referat/createReferat',
  /** Request `{ uri }` → `DocumentInfo`, or null when the document is not an open referat: the status bar's dialect. */
  documentInfoRequest: 'referat/documentInfo',
  /** Request `RenderPdfParams` → `RenderPdfAnswer`, or null when the document is not an open referat. */
  renderPdfRequest: 'referat/renderPdf',
  /** VS Code command (the client's): arguments `[]`, or `[{ replace: true }]` to replace an approval there without asking; approves the active referat, asking who and when (Godkend referat). */
  approveMinutesCommand: 'referat.approve',
  /** VS Code command (the client's): arguments `[word]`; adds it to the user's `referat.spelling.words`. */
  addPersonalWordCommand: 'referat.addPersonalWord',
  /** Request `ImportParams` → `ImportAnswer`: a published source's minutes as referater (the client writes them). */
  importRequest: 'referat/import',
  /** Request `ImportPlanParams` → `ImportPlanAnswer`: the chosen files and folders as the sources to import. */
  importPlanRequest: 'referat/importPlan',
  /** Notification: the archive index is complete. */
  indexedNotification: 'referat/indexed',
  /** Request with no work: the protocol's own cost, the baseline of `npm run bench`. */
  pingRequest: 'referat/ping',
} as const;

/**
 * The referat's file name for a dagsorden's: `…dagsorden…` → `…referat…` in the same case,
 * else `<name>-referat.referat`. Plain string work, shared by the command line and VS Code.
 */
export function referatFileName(dagsordenName: string): string {
  const renamed = dagsordenName.replace(/dagsorden/i, (m) => (m === m.toUpperCase() ? 'REFERAT' : m.startsWith('D') ? 'Referat' : 'referat'));
  const file = renamed !== dagsordenName ? renamed : `${dagsordenName.replace(/\.[^.]*$/, '')}-referat.referat`;
  return file.endsWith('.referat') ? file : `${file.replace(/\.[^.]*$/, '')}.referat`;
}

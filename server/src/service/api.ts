import type {
  CodeAction,
  CompletionList,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  SymbolInformation,
  TextEdit,
} from 'vscode-languageserver-types';
import type { ArchiveIndex } from '../archive/index';
import type { SummaryCache, SummaryReader } from '../archive/reader';
import type { ConfigProblem } from '../config/referatYaml';
import type { LoadedConfig } from '../config/resolver';
import type { Approved, ApproveRequest } from '../features/approve';
import type { LocalizedText } from '../i18n/locale';

/** An approval made of an open document: with the errors its text still has, said apart from the other warnings (the editor asks about them first). */
export type ApprovedDocument = Exclude<Approved, { ok: true }> | (Extract<Approved, { ok: true }> & { readonly errors?: LocalizedText });
import type { CreatedReferat } from '../features/createReferat';
import type { ContextFinding } from '../features/spellingActions';
import type { ReferenceOptions } from '../features/references';
export type { ReferenceOptions } from '../features/references';
import type { Locale } from '../i18n/locale';
import type { CalendarDate } from '../model/types';
import type { ApprovalCandidates, CaseHistoryEntry, DocumentInfo, FindingsSummary } from '../protocol';
import type { Audience, RenderOptions } from '../render/html';
import type { PdfFontFiles, PdfOptions } from '../render/pdf';
import type { Diagnostic, RuleSettings } from '../rules/types';
import type { Speller } from '../spelling/speller';
import type { Position, Range } from '../syntax/range';
import type { CancellationToken } from '../workspace/cancellation';
import type { Workspace, WorkspaceChange } from '../workspace/workspace';
import type { IndexReport } from './indexer';
import type { Paths } from './paths';
import type { RenderRefusal } from './publication';

/** A document as the service reads it: the editor's open text, or a file's. */
export interface ReferatDocument {
  readonly uri: string;
  /** Increases with every change; answers are cached per version. */
  readonly version: number;
  getText(): string;
}

/** A rendering; or, for a public version that may not be made, null and the reason. */
export type Rendered<T> = { readonly output: T; readonly refused?: undefined } | { readonly output: null; readonly refused: RenderRefusal };

/** The archive as a host may read it; only the service changes it. */
export type ArchiveView = Pick<ArchiveIndex, 'get' | 'size' | 'uris' | 'meeting' | 'caseHistory' | 'symbols'>;

/** What a code action request knows of its client. */
export interface CodeActionClient {
  /** The client has the command that adds a word to the user's own word list (our VS Code extension). */
  readonly personalWordList?: boolean;
  /** The client has the command that approves the referat, asking who and when (our VS Code extension). */
  readonly approveCommand?: boolean;
  /** The request's context: the findings the editor shows where she asked; spelling fixes are for these only, when it names any. */
  readonly diagnostics?: readonly ContextFinding[];
}

export interface LanguageServiceOptions {
  /** The files: the disk, or memory. */
  readonly workspace: Workspace;
  /** How many archive files are read at once; by default one after another through the workspace. */
  readonly reader?: SummaryReader;
  /** The archive's summaries kept between sessions, per set of roots. */
  readonly cache?: (roots: readonly string[]) => SummaryCache;
  readonly paths?: Paths;
  readonly locale?: Locale;
  readonly log?: (message: string) => void;
  /** Today, for a new header without a date in its file name (tests fix it). */
  readonly today?: () => CalendarDate;
  /** The PDF renderer's fonts (`server/data/fonts`), read by the host; without them no PDF is made. */
  readonly fonts?: () => Promise<PdfFontFiles>;
  /** The Danish speller, loaded by the host on first use; without it the rule `spelling` says nothing. */
  readonly speller?: () => Promise<Speller>;
  /**
   * `versions` (the default): each document's tokens, lines and punkter are kept for its next
   * version, so an edit reads again only what it touched (the editor). `once`: every document is
   * read once and not again (the command line): keeping them cost an 8 MB check some 100 ms.
   */
  readonly reading?: 'versions' | 'once';
}

/**
 * The front door: one service, created with its workspace and configuration, that answers every
 * question about referater. The language server only translates the protocol to it and back; the
 * command line asks it too, so both read referat.yaml alike.
 *
 * Every request takes an optional cancellation token (LSP's satisfies it); a request whose token is
 * cancelled throws `CancelledError` instead of answering.
 */
export interface ReferatLanguageService {
  // ------------------------------------------------------------ settings

  /** The language of messages. */
  readonly locale: Locale;
  setLocale(locale: Locale): void;
  /** The workspace folders: where referat.yaml lookups stop and what the archive holds. */
  setRoots(roots: readonly string[]): void;
  /** The editor's own `referat.rules`: laid over referat.yaml's `regler:`, for this user only. */
  setPersonalRules(rules: RuleSettings): void;
  /** The user's own word list (VS Code's `referat.spelling.words`). */
  setPersonalWords(words: readonly string[]): void;
  /** Called when what the checks know changes without any document changing (the dictionary arrived): the host checks open documents again. */
  onKnowledgeChanged(listener: () => void): void;
  /** The URI of a file at this path, as documents are named. */
  uriOf(path: string): string;
  /** The host's path of a document's URI; undefined for a document that is no file. */
  pathOf(uri: string): string | undefined;

  // ------------------------------------------------------------ the archive and the disk

  /** Every referat below the roots, summarised; read-only. */
  readonly archive: ArchiveView;
  /** Starts reading every referat below the roots, silently; `indexed` waits for it. */
  startIndexing(): void;
  /** The complete index, with progress reported on the way. */
  indexed(onProgress?: (done: number, total: number) => void): Promise<IndexReport>;
  /**
   * Files created, changed or deleted on disk (referater and referat.yaml), or saved by the editor:
   * the one entry for the disk's changes. Resolves true when what the checks know changed, so the
   * host checks its open documents again. An editor's save is taken as saved at once (the watcher's
   * report of it is no change) and summarised after the findings asked for meanwhile: a host asks for
   * the saved version's findings first, then calls this.
   */
  workspaceChanged(changes: readonly WorkspaceChange[]): Promise<boolean>;
  /** The document closed, or changed in the editor: what was cached for it goes. */
  forget(uri: string): void;
  /** Resolves once the dictionary is loaded and the archive's words are counted (the command line waits; the editor does not). */
  spellingReady(): Promise<void>;

  // ------------------------------------------------------------ requests

  /** Every finding, with the severities of the nearest referat.yaml and the editor's own settings; cached per version. */
  findings(doc: ReferatDocument, token?: CancellationToken): Promise<Diagnostic[]>;
  /**
   * Makes ahead what a save of this version will need, the archive's summary of the text, so her
   * save publishes its findings without making it then: while she reads or pauses.
   */
  prepareSave(doc: ReferatDocument, token?: CancellationToken): Promise<void>;
  /**
   * While she reads a document she has just opened: an edit of it read and judged as hers will be
   * (a word typed, then the text as it is again), through its own memory, and thrown away. The reading
   * of an edit runs other code than the reading of a whole text, and code V8 has not run yet is slow
   * (a 1 MB referat's first save took 35-60 ms, the next ones 10). Both readings in one turn, so no
   * request meets the edit that is not hers. Not for very long documents.
   */
  prepareEdits(doc: ReferatDocument, token?: CancellationToken): Promise<void>;
  /** The findings as they are now, summed up: before an export. */
  findingsSummary(doc: ReferatDocument, token?: CancellationToken): Promise<FindingsSummary>;
  /** The dialect the document is read in (and whether referat.yaml names it), what kind of document it is and its punkter: the status bar, `check --verbose`. */
  documentInfo(doc: ReferatDocument, token?: CancellationToken): Promise<DocumentInfo>;
  /** The referat.yaml that decides for a file, with its mistakes; undefined where none applies. */
  configFor(path: string): Promise<LoadedConfig | undefined>;
  /** The mistakes in a referat.yaml, as the editor has it now. */
  configProblems(yamlPath: string, text: string): Promise<readonly ConfigProblem[]>;
  completion(doc: ReferatDocument, position: Position, lineText: string, token?: CancellationToken): Promise<CompletionList>;
  hover(doc: ReferatDocument, position: Position, lineText?: string, token?: CancellationToken): Promise<Hover | null>;
  documentSymbols(doc: ReferatDocument, token?: CancellationToken): DocumentSymbol[];
  foldingRanges(doc: ReferatDocument, token?: CancellationToken): FoldingRange[];
  /** The rules' fixes at the range, the refactorings, and for a misspelt word its corrections and the word lists. */
  codeActions(doc: ReferatDocument, range: Range, client?: CodeActionClient, token?: CancellationToken): Promise<CodeAction[]>;
  /** After Enter: end a list on an empty item, number the next item of a numbered list (not after a punkt's heading or a date). */
  onEnter(doc: ReferatDocument, position: Position, token?: CancellationToken): TextEdit[];
  definition(doc: ReferatDocument, position: Position, token?: CancellationToken): Location | null;
  documentLinks(doc: ReferatDocument, token?: CancellationToken): DocumentLink[];
  references(doc: ReferatDocument, position: Position, options: ReferenceOptions, token?: CancellationToken): Location[];
  workspaceSymbols(query: string, token?: CancellationToken): SymbolInformation[];
  /** Why the public version may not be made now (a CPR number, a closed punkt's text), or undefined; every transport's public rendering asks. */
  publicRefusal(doc: ReferatDocument, token?: CancellationToken): Promise<RenderRefusal | undefined>;
  /** The referat as it will be published, as a standalone HTML page; a public version may be refused. */
  renderHtml(doc: ReferatDocument, options: RenderOptions, token?: CancellationToken): Promise<Rendered<string>>;
  /** The beslutningsprotokol as data (JSON text, schemas/protokol.schema.json); a public edition is refused like the HTML. */
  renderData(doc: ReferatDocument, options: { readonly audience: Audience }, token?: CancellationToken): Promise<Rendered<string>>;
  /** The page the preview shows instead of a refused public version, with its toolbar. */
  refusalPage(refused: RenderRefusal, options: RenderOptions): Promise<string>;
  /** The referat as a tagged PDF, for the export; refused like the HTML. Needs the host's fonts. */
  renderPdf(doc: ReferatDocument, options: Omit<PdfOptions, 'fonts'>, token?: CancellationToken): Promise<Rendered<Uint8Array>>;
  /** The referat to write from a dagsorden, in its dialect, with the udvalg's members from referat.yaml or the archive. */
  createReferat(doc: ReferatDocument, token?: CancellationToken): Promise<CreatedReferat>;
  /**
   * The referat approved: who, when, and the seal of its text written in a block at its end (or
   * over the approval there, with `force`), as one edit and as the whole new text; errors in the
   * text are a warning, not a refusal. The members who took part are `approvalCandidates`.
   */
  approve(doc: ReferatDocument, request: ApproveRequest, token?: CancellationToken): Promise<ApprovedDocument>;
  /** Whom to offer as approvers (the members present in the header), today's date, and whether an approval is there. */
  approvalCandidates(doc: ReferatDocument, token?: CancellationToken): Promise<ApprovalCandidates>;
  /** The case's meetings: for a journal number, or the one under the cursor in a document. */
  caseHistory(of: string | { readonly doc: ReferatDocument; readonly position: Position }, token?: CancellationToken): CaseHistoryEntry[];

  /** Stops indexing and counting, drops every cache and listener; nothing more is read into the archive. */
  dispose(): void;
}

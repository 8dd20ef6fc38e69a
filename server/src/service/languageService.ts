import { CodeActionKind, DiagnosticSeverity } from 'vscode-languageserver-types';
import type {
  CodeAction,
  Diagnostic as LspDiagnostic,
  CompletionList,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  SymbolInformation,
  TextEdit,
} from 'vscode-languageserver-types';
import { ArchiveIndex } from '../archive/index';
import { workspaceReader, type SummaryCache, type SummaryReader } from '../archive/reader';
import type { Speller } from '../spelling/speller';
import { Spelling } from './spelling';
import { EMPTY_CATALOG, mergeCatalogs, type NameCatalog } from '../config/catalog';
import { harvestCatalog } from '../config/harvest';
import type { ConfigProblem } from '../config/referatYaml';
import { ConfigResolver, ruleSettings, type LoadedConfig } from '../config/resolver';
import { ordlisteInsertion } from '../config/wordList';
import { spellingFixes } from '../rules/writing';
import { dialectFromSettings } from '../dialect/extend';
import { caseHistory } from '../features/caseHistory';
import { codeActions } from '../features/codeActions';
import { complete } from '../features/completion';
import { createReferat, type CreatedReferat } from '../features/createReferat';
import { definition } from '../features/definition';
import { documentLinks } from '../features/documentLinks';
import { foldingRanges } from '../features/folding';
import { hover } from '../features/hover';
import { onEnter } from '../features/onTypeFormatting';
import { journalAt, references } from '../features/references';
import { documentSymbols } from '../features/symbols';
import { workspaceSymbols } from '../features/workspaceSymbols';
import { localize, type Locale } from '../i18n/locale';
import type { RenderOptions } from '../render/html';
import type { PdfFontFiles, PdfOptions } from '../render/pdf';
import { kleCatalog } from '../model/kle';
import { parseReferat } from '../model/parse';
import { protokolData } from '../render/data';
import type { Audience } from '../render/html';
import type { CalendarDate, Referat } from '../model/types';
import { Protocol, type CaseHistoryEntry, type FindingsSummary } from '../protocol';
import { checkReferat } from '../rules/index';
import type { Diagnostic, RuleSettings } from '../rules/types';
import type { Position, Range } from '../syntax/range';
import { joinPath, parentFolder, type Workspace } from '../workspace/workspace';
import { decodeReferat } from '../workspace/decode';
import { ArchiveIndexer, type IndexReport } from './indexer';
import { outputRefusal, sourceRefusal, type RenderRefusal } from './publication';
import { defaultPaths, type Paths } from './paths';

export type { PdfFontFiles } from '../render/pdf';

export type { RenderRefusal } from './publication';

/** A rendering; or, for a public version that may not be made, null and the reason. */
export type Rendered<T> = { readonly output: T; readonly refused?: undefined } | { readonly output: null; readonly refused: RenderRefusal };

/** A document as the service reads it: the editor's open text, or a file's. */
export interface ReferatDocument {
  readonly uri: string;
  /** Increases with every change; answers are cached per version. */
  readonly version: number;
  getText(): string;
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
}

/**
 * The front door: one service, created with its workspace and configuration, that answers every
 * question about referater. The language server only translates the protocol to it and back; the
 * command line asks it too, so both read referat.yaml alike.
 */
export class LanguageService {
  readonly archive = new ArchiveIndex();
  locale: Locale;
  private roots: readonly string[] = [];
  private personalRules: RuleSettings = {};
  private readonly config: ConfigResolver;
  private readonly indexer: ArchiveIndexer;
  private readonly paths: Paths;
  private readonly log: (message: string) => void;
  private harvested: NameCatalog | undefined;
  private readonly parsed = new Map<string, { version: number; config: LoadedConfig | undefined; referat: Referat }>();
  private readonly checked = new Map<string, { version: number; diagnostics: Promise<Diagnostic[]> }>();
  private readonly spelling: Spelling;

  constructor(private readonly options: LanguageServiceOptions) {
    this.locale = options.locale ?? 'da';
    this.paths = options.paths ?? defaultPaths;
    this.log = options.log ?? (() => undefined);
    this.config = new ConfigResolver(options.workspace);
    this.indexer = new ArchiveIndexer(this.archive, {
      workspace: options.workspace,
      reader: options.reader ?? workspaceReader(options.workspace),
      ...(options.cache ? { cache: options.cache } : {}),
      toUri: (p) => this.paths.toUri(p),
      log: (m) => this.log(m),
      locale: () => this.locale,
    });
    this.spelling = new Spelling({
      ...(options.speller ? { load: options.speller } : {}),
      workspace: options.workspace,
      archive: this.archive,
      toPath: (uri) => this.paths.toPath(uri),
      log: (m) => this.log(m),
    });
    // Findings made before the dictionary or the archive's words arrived are made again.
    this.spelling.onChange(() => this.invalidate());
  }

  /** Called when what the checks know changes without any document changing (the dictionary arrived): the host checks open documents again. */
  onKnowledgeChanged(listener: () => void): void {
    this.spelling.onChange(listener);
  }

  /** The user's own word list (VS Code's `referat.spelling.words`). */
  setPersonalWords(words: readonly string[]): void {
    this.spelling.setPersonalWords(words);
  }

  /** Resolves once the dictionary is loaded and the archive's words are counted (the command line waits; the editor does not). */
  spellingReady(): Promise<void> {
    return this.spelling.ready();
  }

  // ------------------------------------------------------------ workspace and settings

  /** The URI of a file at this path, as documents are named. */
  uriOf(path: string): string {
    return this.paths.toUri(path);
  }

  /** The host's path of a document's URI; undefined for a document that is no file. */
  pathOf(uri: string): string | undefined {
    return this.paths.toPath(uri);
  }

  /** The workspace folders: where referat.yaml lookups stop and what the archive holds. */
  setRoots(roots: readonly string[]): void {
    this.roots = roots;
    this.config.setRoots(roots);
    this.invalidate();
  }

  /** The editor's own `referat.rules`: laid over referat.yaml's `regler:`, for this user only. */
  setPersonalRules(rules: RuleSettings): void {
    this.personalRules = rules;
    this.invalidate();
  }

  /** A referat.yaml appeared, changed or went away. */
  configChanged(): void {
    this.config.changed();
    this.invalidate();
  }

  /** Findings depend on settings, configuration and the archive: cached ones go when those change. */
  private invalidate(): void {
    this.checked.clear();
  }

  private archiveChanged(): void {
    this.harvested = undefined;
    this.invalidate();
  }

  /** The document closed, or changed: what was cached for it goes. */
  forget(uri: string): void {
    this.parsed.delete(uri);
    this.checked.delete(uri);
  }

  // ------------------------------------------------------------ the archive

  /** Starts reading every referat below the roots, silently; `indexed` waits for it. */
  startIndexing(): void {
    this.indexer.start(this.roots);
  }

  /** The complete index, with progress reported on the way. */
  async indexed(onProgress?: (done: number, total: number) => void): Promise<IndexReport> {
    this.startIndexing();
    if (onProgress) this.indexer.reportTo(onProgress);
    const report = await this.indexer.finished()!;
    this.archiveChanged();
    this.spelling.archiveChanged();
    return report;
  }

  /** A referat created or changed on disk. */
  async fileChanged(path: string): Promise<void> {
    await this.indexer.fileChanged(path);
    this.archiveChanged();
    this.spelling.archiveChanged(this.paths.toUri(path));
  }

  fileDeleted(path: string): void {
    this.archive.delete(this.paths.toUri(path));
    this.archiveChanged();
    this.spelling.archiveChanged(this.paths.toUri(path));
  }

  /** An open document saved: its text is what the archive should know. */
  documentSaved(doc: ReferatDocument): void {
    this.archive.setText(doc.uri, doc.getText());
    this.archiveChanged();
    this.spelling.archiveChanged(doc.uri);
  }

  // ------------------------------------------------------------ one document

  /** The parsed referat of a document, parsed once per version and shared by every feature. */
  referat(doc: ReferatDocument): Referat {
    const path = this.paths.toPath(doc.uri);
    // The configuration is resolved by every asynchronous request before it parses (`prepared`); a
    // synchronous one before that reads the dialect from the document and is parsed again after.
    const config = path ? this.config.settledFor(path) : undefined;
    const hit = this.parsed.get(doc.uri);
    if (hit && hit.version === doc.version && hit.config === config) return hit.referat;
    const text = doc.getText();
    const referat = parseReferat(text, config?.config.dialekt ? dialectFromSettings(config.config.dialekt, text) : undefined);
    this.parsed.set(doc.uri, { version: doc.version, config, referat });
    return referat;
  }

  /** The parsed referat once its referat.yaml is known, so its dialect applies. */
  private async prepared(doc: ReferatDocument): Promise<Referat> {
    const path = this.paths.toPath(doc.uri);
    if (path) await this.config.forFile(path);
    return this.referat(doc);
  }

  /** Every finding, with the severities of the nearest referat.yaml and the editor's own settings. */
  findings(doc: ReferatDocument): Promise<Diagnostic[]> {
    const hit = this.checked.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.diagnostics;
    const diagnostics = this.computeFindings(doc);
    this.checked.set(doc.uri, { version: doc.version, diagnostics });
    diagnostics.catch(() => this.checked.delete(doc.uri));
    return diagnostics;
  }

  private async computeFindings(doc: ReferatDocument): Promise<Diagnostic[]> {
    const path = this.paths.toPath(doc.uri);
    const config = path ? await this.config.forFile(path) : undefined;
    const settings = ruleSettings(config, this.personalRules);
    // The dictionary is loaded on the first check that wants it, and used from when it is there.
    if (settings.spelling !== 'off') this.spelling.start();
    const knowledge =
      settings.spelling !== 'off'
        ? this.spelling.knowledge(await this.catalog(doc.uri), config?.config.ordliste ?? [], kleCatalog(), config?.config.ordlisteModeller)
        : undefined;
    const referat = await this.prepared(doc);
    const members = udvalgMembers(referat, await this.catalog(doc.uri));
    return checkReferat(referat, {
      settings,
      ...(members.length > 0 ? { udvalgMembers: members } : {}),
      locale: this.locale,
      archive: this.archive,
      ...(knowledge ? { spelling: knowledge } : {}),
      ...(config?.config.lix !== undefined ? { lixLimit: config.config.lix } : {}),
    });
  }

  /** The findings as they are now, summed up: before an export. */
  async findingsSummary(doc: ReferatDocument): Promise<FindingsSummary> {
    const found = await this.findings(doc);
    const errors = found.filter((d) => d.severity === 'error');
    return {
      errors: errors.length,
      warnings: found.filter((d) => d.severity === 'warning').length,
      firstErrors: errors.slice(0, 3).map((d) => ({ line: d.range.start.line, message: d.message })),
    };
  }

  /** The referat.yaml that decides for a file, with its mistakes; undefined where none applies. */
  configFor(path: string): Promise<LoadedConfig | undefined> {
    return this.config.forFile(path);
  }

  /** The mistakes in a referat.yaml, as the editor has it now. */
  async configProblems(yamlPath: string, text: string): Promise<readonly ConfigProblem[]> {
    return (await this.config.load(yamlPath, text)).problems;
  }

  /** referat.yaml's names when there is one (plus what only the archive knows), else the archive's. */
  async catalog(uri: string): Promise<NameCatalog> {
    this.harvested ??= harvestCatalog([...this.archive.uris()].map((u) => this.archive.get(u)!));
    const path = this.paths.toPath(uri);
    const config = path ? await this.config.forFile(path) : undefined;
    if (!config) return this.harvested ?? EMPTY_CATALOG;
    // referat.yaml adds to what the archive knows, and decides where both speak of one thing.
    return mergeCatalogs(config.config.catalog, this.harvested);
  }

  async completion(doc: ReferatDocument, position: Position, lineText: string): Promise<CompletionList> {
    const fileName = decodeURIComponent(doc.uri.split('/').pop() ?? '');
    const catalog = await this.catalog(doc.uri);
    return complete(await this.prepared(doc), lineText, position, {
      catalog,
      kle: kleCatalog(),
      locale: this.locale,
      fileName,
      ...(this.options.today ? { today: this.options.today() } : {}),
    });
  }

  async hover(doc: ReferatDocument, position: Position, lineText?: string): Promise<Hover | null> {
    const catalog = await this.catalog(doc.uri);
    return hover(await this.prepared(doc), position, { kle: kleCatalog(), catalog, locale: this.locale }, lineText);
  }

  documentSymbols(doc: ReferatDocument): DocumentSymbol[] {
    return documentSymbols(this.referat(doc), this.locale);
  }

  foldingRanges(doc: ReferatDocument): FoldingRange[] {
    return foldingRanges(this.referat(doc));
  }

  async codeActions(
    doc: ReferatDocument,
    range: Range,
    client: {
      readonly personalWordList?: boolean;
      /** The request's context: the findings the editor shows where she asked; spelling fixes are for these only, when it names any. */
      readonly diagnostics?: readonly { readonly range: Range; readonly code?: number | string }[];
    } = {},
  ): Promise<CodeAction[]> {
    const findings = await this.findings(doc);
    const actions = codeActions(await this.prepared(doc), findings, range, doc.uri, this.locale);
    const lines = doc.getText().split(/\r\n|\r|\n/);
    const seen = new Set<string>();
    for (const d of findings) {
      // A fix asked for at one word is for that word: never another flagged word on the same line.
      if (d.code !== 'spelling' || !intersects(d.range, range)) continue;
      // A context that names findings names the ones she asked about; an empty one (another editor) leaves the range to decide.
      const context = client.diagnostics ?? [];
      if (context.length > 0 && !context.some((c) => c.code === d.code && sameRange(c.range, d.range))) continue;
      const word = (lines[d.range.start.line] ?? '').slice(d.range.start.character, d.range.end.character);
      if (!word || seen.has(word)) continue;
      seen.add(word);
      const speller = this.spelling.loaded;
      if (speller)
        for (const f of spellingFixes(word, d.range, { speller }))
          actions.push({
            title: localize(f.title, this.locale),
            kind: CodeActionKind.QuickFix,
            diagnostics: [toDiagnostic(d)],
            ...(f.preferred ? { isPreferred: true } : {}),
            edit: { changes: { [doc.uri]: f.edits.map((e) => ({ range: e.range, newText: e.newText })) } },
          });
      const toList = await this.addToOrdliste(doc, word);
      if (toList) actions.push({ ...toList, diagnostics: [toDiagnostic(d)] });
      if (client.personalWordList)
        actions.push({
          title: localize({ da: `Tilføj "${word}" til min ordliste`, en: `Add "${word}" to my word list` }, this.locale),
          kind: CodeActionKind.QuickFix,
          diagnostics: [toDiagnostic(d)],
          command: { title: word, command: Protocol.addPersonalWordCommand, arguments: [word] },
        });
    }
    return actions;
  }

  /** The edit that adds a word to the municipality's word list: the nearest referat.yaml's `ordliste:`, or a new referat.yaml at the workspace root. */
  private async addToOrdliste(doc: ReferatDocument, word: string): Promise<CodeAction | undefined> {
    const path = this.paths.toPath(doc.uri);
    if (!path) return undefined;
    const config = await this.config.forFile(path);
    const title = localize(
      { da: `Tilføj "${word}" til ordlisten (referat.yaml)`, en: `Add "${word}" to the municipality's word list (referat.yaml)` },
      this.locale,
    );
    if (config) {
      let text = '';
      try {
        const decoded = decodeReferat(await this.options.workspace.readFile(config.path));
        text = decoded.ok ? decoded.text : '';
      } catch {
        return undefined;
      }
      const insertion = ordlisteInsertion(text, word);
      if (!insertion) return undefined;
      const at = insertion.position;
      return {
        title,
        kind: CodeActionKind.QuickFix,
        edit: { changes: { [this.paths.toUri(config.path)]: [{ range: { start: at, end: at }, newText: insertion.text }] } },
      };
    }
    const root = this.roots.find((r) => path.startsWith(r)) ?? parentFolder(path);
    const uri = this.paths.toUri(joinPath(root, 'referat.yaml'));
    const text = `# Navne og ord, som Referat kender (se README).\nordliste:\n  - ${word}\n`;
    return {
      title,
      kind: CodeActionKind.QuickFix,
      edit: {
        documentChanges: [
          { kind: 'create', uri, options: { ignoreIfExists: true } },
          { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }] },
        ],
      },
    };
  }

  /** After Enter: end a list on an empty item, number the next item. */
  onEnter(previousLine: string, currentLine: string, position: Position): TextEdit[] {
    return onEnter(previousLine, currentLine, position);
  }

  definition(doc: ReferatDocument, position: Position): Location | null {
    return definition(this.referat(doc), position, this.archive);
  }

  documentLinks(doc: ReferatDocument): DocumentLink[] {
    return documentLinks(this.referat(doc), this.archive, this.locale);
  }

  references(doc: ReferatDocument, position: Position, includeDeclaration: boolean): Location[] {
    return references(this.referat(doc), doc.uri, position, includeDeclaration, this.archive);
  }

  workspaceSymbols(query: string): SymbolInformation[] {
    return workspaceSymbols(query, this.archive);
  }

  /**
   * Why the public version may not be made now, or undefined. The one place every transport's
   * public rendering (preview, HTML, PDF, command line) asks; the CPR check does not depend on
   * rule settings (`cpr-number: off` hides the squiggle, never the refusal), and an error the
   * writer sees in or at a closed punkt refuses it too (see `publication.ts`).
   */
  async publicRefusal(doc: ReferatDocument): Promise<RenderRefusal | undefined> {
    const referat = await this.prepared(doc);
    const errors = (await this.findings(doc)).filter((d) => d.severity === 'error');
    return sourceRefusal(referat, errors);
  }

  /**
   * The referat as it will be published, as a standalone HTML page; a public version is refused
   * while it would publish a CPR number or a closed punkt's text, and the finished page is read
   * again for CPR numbers before it is handed out. The renderer (and markdown-it) is loaded on the
   * first rendering: checking and completing never need it.
   */
  async renderHtml(doc: ReferatDocument, options: RenderOptions): Promise<Rendered<string>> {
    // The configuration first, so the refusal and the page read the document in its dialect.
    const referat = await this.prepared(doc);
    const pub = options.audience === 'public';
    const refused = pub ? await this.publicRefusal(doc) : undefined;
    if (refused) return { output: null, refused };
    const { renderHtml } = await import('../render/html');
    const html = renderHtml(referat, options);
    const leak = pub ? outputRefusal(html, 'html') : undefined;
    return leak ? { output: null, refused: leak } : { output: html };
  }

  /**
   * The beslutningsprotokol as data (JSON text): decisions, votes, attendance per punkt. A public
   * edition is refused like the HTML, and its text read again for CPR numbers before it is handed out.
   */
  async renderData(doc: ReferatDocument, options: { readonly audience: Audience }): Promise<Rendered<string>> {
    const referat = await this.prepared(doc);
    const pub = options.audience === 'public';
    const refused = pub ? await this.publicRefusal(doc) : undefined;
    if (refused) return { output: null, refused };
    const members = udvalgMembers(referat, await this.catalog(doc.uri));
    const json = `${JSON.stringify(protokolData(referat, { audience: options.audience, udvalgMembers: members }), null, 2)}\n`;
    const leak = pub ? outputRefusal(json, 'markdown') : undefined;
    return leak ? { output: null, refused: leak } : { output: json };
  }

  /** The page the preview shows instead of a refused public version, with its toolbar. */
  async refusalPage(refused: RenderRefusal, options: RenderOptions): Promise<string> {
    const { refusalPage } = await import('../render/html');
    return refusalPage(refused.message, refused.range.start.line, options);
  }

  /**
   * The referat as a tagged PDF, for the export; refused like the HTML. The renderer (pdfkit,
   * fontkit) is loaded on the first PDF, and the fonts are the host's to read.
   */
  async renderPdf(doc: ReferatDocument, options: Omit<PdfOptions, 'fonts'>): Promise<Rendered<Uint8Array>> {
    const referat = await this.prepared(doc);
    const pub = options.audience === 'public';
    const refused = pub ? await this.publicRefusal(doc) : undefined;
    if (refused) return { output: null, refused };
    if (!this.options.fonts) throw new Error('renderPdf: the host gave the language service no fonts');
    const [{ renderPdf, pdfText }, fonts] = await Promise.all([import('../render/pdf'), this.options.fonts()]);
    // What the PDF will show and carry (text, title, bookmarks, metadata), read before it is made.
    const leak = pub ? outputRefusal(pdfText(referat, options), 'markdown') : undefined;
    if (leak) return { output: null, refused: leak };
    return { output: await renderPdf(referat, { ...options, fonts }) };
  }

  /** The referat to write from a dagsorden, in its dialect, with the body's members from referat.yaml or the archive. */
  async createReferat(doc: ReferatDocument): Promise<CreatedReferat> {
    const catalog = await this.catalog(doc.uri);
    return createReferat(doc.getText(), await this.prepared(doc), catalog);
  }

  /** The case's meetings: for a journal number, or the one under the cursor in a document. */
  caseHistory(of: string | { readonly doc: ReferatDocument; readonly position: Position }): CaseHistoryEntry[] {
    const journal = typeof of === 'string' ? of : journalAt(this.referat(of.doc), of.position);
    return journal ? caseHistory(journal, this.archive) : [];
  }
}

/** The members of the udvalg that met, as referat.yaml (or the archive) writes them: `Anna Holm (A)`. */
function udvalgMembers(referat: Referat, catalog: NameCatalog): readonly string[] {
  const body = referat.header.title?.body?.toLocaleLowerCase('da-DK');
  return (body ? catalog.udvalg.find((u) => u.navn.toLocaleLowerCase('da-DK') === body)?.medlemmer : undefined) ?? [];
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint };

/** A finding as the diagnostic a code action names. */
function toDiagnostic(d: Diagnostic): LspDiagnostic {
  return { range: d.range, message: d.message, code: d.code, source: 'referat', severity: SEVERITY[d.severity] };
}

export function createLanguageService(options: LanguageServiceOptions): LanguageService {
  return new LanguageService(options);
}

/** Whether two ranges share a character, or an empty one touches the other (a cursor at a word's end). */
function intersects(a: Range, b: Range): boolean {
  const before = (p: Position, q: Position): boolean => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

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
import { URI, Utils } from 'vscode-uri';
import { ArchiveIndex } from '../archive/index';
import { workspaceReader } from '../archive/reader';
import { holdsReferat, summarizeReferat, summaryOf, type ReferatSummary } from '../archive/summary';
import { Spelling } from './spelling';
import { mergeCatalogs, udvalgNamed, type NameCatalog } from '../config/catalog';
import { harvestCatalog } from '../config/harvest';
import type { ConfigProblem } from '../config/referatYaml';
import { ConfigResolver, ruleSettings, type LoadedConfig } from '../config/resolver';
import { builtInDialect, dialectFromSettings } from '../dialect/extend';
import { caseHistory } from '../features/caseHistory';
import { codeActions } from '../features/codeActions';
import { complete } from '../features/completion';
import { approve, isoDate, presentMembers, type ApproveRequest } from '../features/approve';
import { todayInDenmark } from '../model/dates';
import { meetingDate } from '../model/meeting';
import { createReferat, type CreatedReferat } from '../features/createReferat';
import { definition } from '../features/definition';
import { documentLinks } from '../features/documentLinks';
import { foldingRanges } from '../features/folding';
import { hover } from '../features/hover';
import { onEnter } from '../features/onTypeFormatting';
import type { OrdlisteTarget } from '../features/ordlisteAction';
import { journalAt, references, type ReferenceOptions } from '../features/references';
import { askedWords, spellingActions } from '../features/spellingActions';
import { documentSymbols } from '../features/symbols';
import { workspaceSymbols } from '../features/workspaceSymbols';
import { localize, type Locale, type LocalizedText } from '../i18n/locale';
import type { RenderOptions } from '../render/html';
import type { PdfOptions } from '../render/pdf';
import { kleCatalog } from '../model/kle';
import { parseReferat } from '../model/parse';
import { PunktMemory } from '../model/build';
import type { Referat } from '../model/types';
import type { ApprovalCandidates, CaseHistoryEntry, DocumentInfo, FindingsSummary } from '../protocol';
import { protokolData } from '../render/data';
import type { Audience } from '../render/html';
import { checkReferat } from '../rules/index';
import { MENDED_BY_APPROVAL } from '../rules/approval';
import type { Diagnostic, RuleSettings, SpellingKnowledge } from '../rules/types';
import type { Position, Range } from '../syntax/range';
import { throwIfCancelled, type CancellationToken } from '../workspace/cancellation';
import { joinPath, parentFolder, yieldToHost, type WorkspaceChange } from '../workspace/workspace';
import { decodeReferat } from '../workspace/decode';
import type { ApprovedDocument, ArchiveView, CodeActionClient, LanguageServiceOptions, ReferatDocument, ReferatLanguageService, Rendered } from './api';
import { ArchiveIndexer, type IndexReport } from './indexer';
import { outputRefusal, sourceRefusal, type RenderRefusal } from './publication';
import { defaultPaths, type Paths } from './paths';

export type { PdfFontFiles } from '../render/pdf';
export type { RenderRefusal } from './publication';
export type { ApprovedDocument, ArchiveView, CodeActionClient, LanguageServiceOptions, ReferatDocument, ReferatLanguageService, Rendered } from './api';
export type { IndexReport } from './indexer';
export type { CancellationToken } from '../workspace/cancellation';
export type { WorkspaceChange, WorkspaceChangeKind } from '../workspace/workspace';
export { CancelledError } from '../workspace/cancellation';
export { toLspDiagnostic } from '../features/diagnostics';

/** How many documents' punkter are kept between their versions (those open, in practice). */
const PUNKT_MEMORY_DOCUMENTS = 20;
/** Saved texts kept to recognise the file watcher's report of the same save. */
const RECENT_SAVES = 8;
/** The watcher's report of a save can come after the editor wrote its next save: this long for the editor to report that one. */
const NEXT_SAVE_GRACE_MS = 200;
/**
 * Above this length a document's edits are not prepared while she reads (`prepareEdits`): its two
 * readings would hold her requests up for longer than a keystroke.
 */
const PREPARED_EDITS_MAX_CHARS = 2_000_000;
/** No word list: one object, so the spell check's knowledge is the same from one check to the next. */
const NO_ORDLISTE: readonly string[] = [];

/** A text the editor saved, and the file's fingerprint just after (undefined where the host has none). */
interface RecentSave {
  readonly text: string;
  readonly fingerprint: Promise<string | undefined> | undefined;
  /** Its summary is still to be made: the archive does not yet hold what this save holds. */
  pending: boolean;
}

/** The front door (see `ReferatLanguageService`): its state is its own, changed through its methods. */
class LanguageService implements ReferatLanguageService {
  private readonly index = new ArchiveIndex();
  private currentLocale: Locale;
  private roots: readonly string[] = [];
  private personalRules: RuleSettings = {};
  private readonly config: ConfigResolver;
  private readonly indexer: ArchiveIndexer;
  private readonly paths: Paths;
  private readonly log: (message: string) => void;
  private harvested: NameCatalog | undefined;
  /**
   * The names harvested from the archive but one document's own summary, for completing in that
   * document, kept for the last document asked: her own saves leave it as it is.
   */
  private harvestedWithout: { readonly uri: string; readonly catalog: NameCatalog } | undefined;
  /**
   * Per referat.yaml's catalog: the names it was merged with from the archive, and the result; the
   * whole archive's for the rules and the spell check, and apart from it, one document's left out
   * for completion (one map for both would merge again at every turn between them).
   */
  private readonly mergedCatalogs = new WeakMap<NameCatalog, { readonly harvested: NameCatalog; readonly catalog: NameCatalog }>();
  private readonly mergedForCompletion = new WeakMap<NameCatalog, { readonly harvested: NameCatalog; readonly catalog: NameCatalog }>();
  private readonly parsed = new Map<string, { version: number; config: LoadedConfig | undefined; text: string; referat: Referat }>();
  /** The texts the editor last saved, by URI: the file watcher's report of the same save is no change. */
  private readonly recentSaves = new Map<string, RecentSave>();
  /** Who waits for the editor's next save of a file (`nextSave`). */
  private readonly saveWaiters = new Map<string, (() => void)[]>();
  private readonly checked = new Map<string, { version: number; diagnostics: Promise<Diagnostic[]> }>();
  /** Per document read lately, its punkter by their lines: an edit builds again only the punkter it touched. */
  private readonly memories = new Map<string, PunktMemory>();
  private readonly spelling: Spelling;
  private disposed = false;

  constructor(private readonly options: LanguageServiceOptions) {
    this.currentLocale = options.locale ?? 'da';
    this.paths = options.paths ?? defaultPaths;
    this.log = options.log ?? (() => undefined);
    this.config = new ConfigResolver(options.workspace);
    this.indexer = new ArchiveIndexer(this.index, {
      workspace: options.workspace,
      reader: options.reader ?? workspaceReader(options.workspace),
      ...(options.cache ? { cache: options.cache } : {}),
      toUri: (p) => this.paths.toUri(p),
      log: (m) => this.log(m),
      locale: () => this.currentLocale,
    });
    this.spelling = new Spelling({
      ...(options.speller ? { load: options.speller } : {}),
      workspace: options.workspace,
      archive: this.index,
      toPath: (uri) => this.paths.toPath(uri),
      log: (m) => this.log(m),
    });
    // Findings made before the dictionary or the archive's words arrived are made again.
    this.spelling.onChange(() => this.invalidate());
  }

  // ------------------------------------------------------------ settings

  get locale(): Locale {
    return this.currentLocale;
  }

  setLocale(locale: Locale): void {
    if (locale === this.currentLocale) return;
    this.currentLocale = locale;
    // Findings carry their messages in the language they were made in.
    this.invalidate();
  }

  onKnowledgeChanged(listener: () => void): void {
    this.spelling.onChange(listener);
  }

  setPersonalWords(words: readonly string[]): void {
    this.spelling.setPersonalWords(words);
  }

  spellingReady(): Promise<void> {
    return this.spelling.ready();
  }

  uriOf(path: string): string {
    return this.paths.toUri(path);
  }

  pathOf(uri: string): string | undefined {
    return this.paths.toPath(uri);
  }

  setRoots(roots: readonly string[]): void {
    this.roots = roots;
    this.config.setRoots(roots);
    this.invalidate();
  }

  setPersonalRules(rules: RuleSettings): void {
    this.personalRules = rules;
    this.invalidate();
  }

  /** Findings depend on settings, configuration and the archive: cached ones go when those change. */
  private invalidate(): void {
    this.checked.clear();
  }

  /**
   * The archive changed: the names harvested from it go (completion reads them too); findings go
   * only when what the rules see of the changed file changed (a save that edited a punkt's text
   * keeps the findings of that version). The spelling counts follow, and say if a word changed sides.
   */
  private archiveChanged(uri?: string, before?: ReferatSummary, after?: ReferatSummary, text?: string): boolean {
    // The names harvested from the archive stay the same object while no summary changed: the spell
    // check's knowledge, and what each punkt was judged with, are made from that object.
    // A save that left the summary as it was (an edit in a punkt's text) changes no name and no finding.
    const same = uri !== undefined && sameData(before, after);
    if (!same) {
      this.harvested = undefined;
      if (uri === undefined || this.harvestedWithout?.uri !== uri) this.harvestedWithout = undefined;
    }
    this.spelling.archiveChanged(uri, text);
    if (uri !== undefined && (same || rulesView(before) === rulesView(after))) return false;
    this.invalidate();
    return true;
  }

  forget(uri: string): void {
    this.parsed.delete(uri);
    this.checked.delete(uri);
  }

  dispose(): void {
    this.disposed = true;
    this.indexer.dispose();
    this.spelling.dispose();
    this.parsed.clear();
    this.checked.clear();
    this.memories.clear();
    this.recentSaves.clear();
    this.saveWaiters.clear();
    this.harvested = undefined;
    this.harvestedWithout = undefined;
    this.config.changed();
  }

  // ------------------------------------------------------------ the archive and the disk

  get archive(): ArchiveView {
    return this.index;
  }

  startIndexing(): void {
    if (!this.disposed) this.indexer.start(this.roots);
  }

  async indexed(onProgress?: (done: number, total: number) => void): Promise<IndexReport> {
    this.startIndexing();
    if (onProgress) this.indexer.reportTo(onProgress);
    const running = this.indexer.finished();
    if (!running) throw new Error('indexed: the language service is disposed');
    const report = await running;
    this.archiveChanged();
    return report;
  }

  async workspaceChanged(changes: readonly WorkspaceChange[]): Promise<boolean> {
    if (this.disposed) return false;
    let config = false;
    let archive = false;
    for (const change of changes) {
      const path = this.paths.toPath(change.uri);
      if (path?.endsWith('referat.yaml')) config = true;
      else if (change.text !== undefined) {
        // The editor's saved text is what the archive should know. That it was saved is noted at once (the
        // watcher's report of this save comes next); its summary waits for the findings being made of the
        // document (a save's, asked for with it) and a turn of the host that publishes them: she waits for those.
        this.noteSave(change.uri, change.text);
        await this.checked.get(change.uri)?.diagnostics.catch(() => undefined);
        await yieldToHost();
        if (this.disposed) return false;
        const before = this.index.get(change.uri);
        archive = this.archiveChanged(change.uri, before, this.takeSaved(change.uri, change.text), change.text) || archive;
      } else if (path?.endsWith('.referat')) {
        // A file on disk is read again, under the URI the archive gives it; the watcher's report of a save the archive has is not.
        const uri = this.paths.toUri(path);
        if (change.kind !== 'deleted' && (await this.isSavedText(uri, path))) continue;
        // The archive takes the disk's text: her last save is no longer what it holds, and a file written back to that text is read too.
        this.recentSaves.delete(uri);
        const before = this.index.get(uri);
        if (change.kind === 'deleted') this.index.delete(uri);
        else await this.indexer.fileChanged(path);
        archive = this.archiveChanged(uri, before, this.index.get(uri)) || archive;
      }
    }
    if (config) {
      this.config.changed();
      this.invalidate();
    }
    // Open documents are checked again only when what the rules see of the archive changed.
    return config || archive;
  }

  /** A text the editor saved, kept with the file's fingerprint as the save left it: the watcher's report of this save finds it so. */
  private noteSave(uri: string, text: string): void {
    this.recentSaves.delete(uri);
    const path = this.paths.toPath(uri);
    const fingerprint = path !== undefined ? this.options.workspace.fingerprint?.(path).catch(() => undefined) : undefined;
    this.recentSaves.set(uri, { text, fingerprint, pending: true });
    for (const oldest of this.recentSaves.keys()) {
      if (this.recentSaves.size <= RECENT_SAVES) break;
      this.recentSaves.delete(oldest);
    }
    for (const wake of this.saveWaiters.get(uri) ?? []) wake();
    this.saveWaiters.delete(uri);
  }

  /** Whether the editor reports another save of the file within `ms`. */
  private nextSave(uri: string, ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        resolve(true);
      };
      // A waiter that timed out leaves the list: reports of a file another program keeps writing do not pile up.
      const timer = setTimeout(() => {
        const left = this.saveWaiters.get(uri)?.filter((w) => w !== wake);
        if (left?.length) this.saveWaiters.set(uri, left);
        else this.saveWaiters.delete(uri);
        resolve(false);
      }, ms);
      this.saveWaiters.set(uri, [...(this.saveWaiters.get(uri) ?? []), wake]);
    });
  }

  /** The document's own reading of this text, where the archive reads the text in the same dialect (no referat.yaml names one). */
  private archiveReading(uri: string, text: string): Referat | undefined {
    const read = this.parsed.get(uri);
    return read?.text === text && !read.config?.config.dialekt ? read.referat : undefined;
  }

  /**
   * The archive's summary of a text the editor saved: from the document's own reading where it has
   * one of that text in the dialect the archive reads it in (a 1 MB referat is not scanned again),
   * else from the text.
   */
  private takeSaved(uri: string, text: string): ReferatSummary | undefined {
    const noted = this.recentSaves.get(uri);
    if (noted?.text === text) noted.pending = false;
    const read = this.archiveReading(uri, text);
    const summary = read ? summaryOf(read) : summarizeReferat(text);
    // What the archive would not take from the disk it does not take from the editor either.
    if (!holdsReferat(summary)) {
      this.index.delete(uri);
      return undefined;
    }
    this.index.set(uri, summary);
    return summary;
  }

  /**
   * Whether the file holds exactly the text the editor last saved to it (the watcher reporting that
   * save): told by the file's fingerprint where the host gives one and it is as it was at the save,
   * else by reading the file. The report of one save can come after the editor wrote the next
   * (she saves twice in a row): a file whose fingerprint is not its last save's waits a moment for
   * the editor to report the next save, and is read only if that does not come or does not match.
   */
  private async isSavedText(uri: string, path: string): Promise<boolean> {
    // The editor's last save of the file; one whose summary is being made is the archive's as much as one it holds.
    const noted = (): RecentSave | undefined => {
      const saved = this.recentSaves.get(uri);
      return saved !== undefined && (saved.pending || this.index.get(uri) !== undefined) ? saved : undefined;
    };
    // Undefined where the host gives no fingerprint.
    const asSaved = async (): Promise<boolean | undefined> => {
      const now = await this.options.workspace.fingerprint?.(path).catch(() => undefined);
      const atSave = await noted()?.fingerprint;
      return now === undefined || atSave === undefined ? undefined : now === atSave;
    };
    if (!noted()) return false;
    let same = await asSaved();
    if (same === false && (await this.nextSave(uri, NEXT_SAVE_GRACE_MS))) same = await asSaved();
    if (same) return true;
    const saved = noted();
    if (!saved) return false;
    const bytes = await this.options.workspace.readFile(path).catch(() => undefined);
    const read = bytes ? decodeReferat(bytes) : undefined;
    return read?.ok === true && read.text === saved.text;
  }

  // ------------------------------------------------------------ one document

  /** The parsed referat of a document, parsed once per version and shared by every feature. */
  private referat(doc: ReferatDocument): Referat {
    const path = this.paths.toPath(doc.uri);
    // The configuration is resolved by every asynchronous request before it parses (`prepared`); a
    // synchronous one before that reads the dialect from the document and is parsed again after.
    const config = path ? this.config.settledFor(path) : undefined;
    const hit = this.parsed.get(doc.uri);
    if (hit && hit.version === doc.version && hit.config === config) return hit.referat;
    const text = doc.getText();
    const dialect = config?.config.dialekt ? dialectFromSettings(config.config.dialekt, text) : undefined;
    const referat = parseReferat(text, dialect, this.options.reading === 'once' ? {} : { memory: this.punktMemory(doc.uri) });
    this.parsed.set(doc.uri, { version: doc.version, config, text, referat });
    return referat;
  }

  /** The document's memory of its punkter, kept across its versions; the least recently read documents' go. */
  private punktMemory(uri: string): PunktMemory {
    const memory = this.memories.get(uri) ?? new PunktMemory();
    this.memories.delete(uri);
    this.memories.set(uri, memory);
    for (const oldest of this.memories.keys()) {
      if (this.memories.size <= PUNKT_MEMORY_DOCUMENTS) break;
      this.memories.delete(oldest);
    }
    return memory;
  }

  /** The parsed referat once its referat.yaml is known, so its dialect applies; cancelled requests stop here. */
  private async prepared(doc: ReferatDocument, token?: CancellationToken): Promise<Referat> {
    throwIfCancelled(token);
    const path = this.paths.toPath(doc.uri);
    if (path) await this.config.forFile(path);
    throwIfCancelled(token);
    return this.referat(doc);
  }

  async findings(doc: ReferatDocument, token?: CancellationToken): Promise<Diagnostic[]> {
    throwIfCancelled(token);
    const found = await this.cachedFindings(doc);
    throwIfCancelled(token);
    return found;
  }

  /** One check per version, shared by every request that asks meanwhile (a cancelled one only stops waiting). */
  private cachedFindings(doc: ReferatDocument): Promise<Diagnostic[]> {
    const hit = this.checked.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.diagnostics;
    const diagnostics = this.computeFindings(doc);
    this.checked.set(doc.uri, { version: doc.version, diagnostics });
    diagnostics.catch(() => this.checked.delete(doc.uri));
    return diagnostics;
  }

  private async computeFindings(doc: ReferatDocument): Promise<Diagnostic[]> {
    const check = await this.checkerFor(doc.uri);
    return check(await this.prepared(doc), await this.catalog(doc.uri));
  }

  /** The rules as they apply to a document: its referat.yaml's and the editor's settings, its spell check. */
  private async checkerFor(uri: string): Promise<(referat: Referat, catalog: NameCatalog) => Diagnostic[]> {
    const path = this.paths.toPath(uri);
    const config = path ? await this.config.forFile(path) : undefined;
    const settings = ruleSettings(config, this.personalRules);
    // The dictionary is loaded on the first check that wants it, and used from when it is there.
    if (settings.spelling !== 'off') this.spelling.start();
    const knowledge =
      settings.spelling !== 'off'
        ? this.spelling.knowledge(await this.catalog(uri), config?.config.ordliste ?? NO_ORDLISTE, kleCatalog(), config?.config.ordlisteModeller)
        : undefined;
    return (referat, catalog) => this.checkWith(referat, catalog, settings, knowledge, config);
  }

  private checkWith(
    referat: Referat,
    catalog: NameCatalog,
    settings: RuleSettings,
    knowledge: SpellingKnowledge | undefined,
    config: LoadedConfig | undefined,
  ): Diagnostic[] {
    const members = udvalgMembers(referat, catalog);
    return checkReferat(referat, {
      settings,
      ...(members.length > 0 ? { udvalgMembers: members } : {}),
      locale: this.currentLocale,
      archive: this.index,
      ...(knowledge ? { spelling: knowledge } : {}),
      ...(config?.config.lix !== undefined ? { lixLimit: config.config.lix } : {}),
      ...(this.options.reading === 'once' ? { reading: 'once' as const } : {}),
    });
  }

  async prepareSave(doc: ReferatDocument, token?: CancellationToken): Promise<void> {
    await this.prepared(doc, token);
    // As `takeSaved` makes it: its summaries of the punkter are kept by punkt, and a save finds them.
    const read = this.archiveReading(doc.uri, doc.getText());
    if (read) summaryOf(read);
  }

  async prepareEdits(doc: ReferatDocument, token?: CancellationToken): Promise<void> {
    const text = doc.getText();
    const { version } = doc;
    if (this.options.reading === 'once' || text.length > PREPARED_EDITS_MAX_CHARS) return;
    const check = await this.checkerFor(doc.uri);
    const catalog = await this.catalog(doc.uri);
    await this.prepared(doc, token);
    const path = this.paths.toPath(doc.uri);
    const config = path ? this.config.settledFor(path) : undefined;
    const dialect = config?.config.dialekt ? dialectFromSettings(config.config.dialekt, text) : undefined;
    const memory = this.punktMemory(doc.uri);
    // A word typed at the end of the middle line, and the text as it is: read and judged as her edits are, through its memory.
    const middle = text.indexOf('\n', text.length >> 1);
    if (middle < 0) return;
    // A turn of its own, after the requests that came meanwhile; her own edit since ends it.
    await yieldToHost();
    throwIfCancelled(token);
    if (this.disposed || doc.version !== version || this.parsed.get(doc.uri)?.config !== config) return;
    // Both readings in one turn: no request meets the memory holding an edit that is not hers.
    check(parseReferat(`${text.slice(0, middle)} x${text.slice(middle)}`, dialect, { memory }), catalog);
    const referat = parseReferat(text, dialect, { memory });
    check(referat, catalog);
    // The reading of this version now: the memory's tokens are this reading's.
    this.parsed.set(doc.uri, { version, config, text, referat });
  }

  async findingsSummary(doc: ReferatDocument, token?: CancellationToken): Promise<FindingsSummary> {
    const found = await this.findings(doc, token);
    const errors = found.filter((d) => d.severity === 'error');
    return {
      errors: errors.length,
      warnings: found.filter((d) => d.severity === 'warning').length,
      firstErrors: errors.slice(0, 3).map((d) => ({ line: d.range.start.line, message: d.message })),
    };
  }

  async documentInfo(doc: ReferatDocument, token?: CancellationToken): Promise<DocumentInfo> {
    const referat = await this.prepared(doc, token);
    const { dialect } = referat;
    const path = this.paths.toPath(doc.uri);
    const config = path ? this.config.settledFor(path) : undefined;
    // referat.yaml decides only where it names a dialect that exists (an unknown name is its mistake, and the document's own lines decide).
    const navn = config?.config.dialekt?.navn;
    const named = config !== undefined && navn !== undefined && builtInDialect(navn) !== undefined;
    return {
      kind: referat.kind,
      punkter: referat.punkter.length,
      dialect: {
        id: dialect.id,
        name: localize(dialect.name, this.currentLocale),
        about: localize(dialect.about, this.currentLocale),
        from: named ? 'referat.yaml' : 'document',
        ...(named ? { config: this.paths.toUri(config.path) } : {}),
      },
    };
  }

  configFor(path: string): Promise<LoadedConfig | undefined> {
    return this.config.forFile(path);
  }

  async configProblems(yamlPath: string, text: string): Promise<readonly ConfigProblem[]> {
    return (await this.config.load(yamlPath, text)).problems;
  }

  /**
   * referat.yaml's names when there is one (plus what only the archive knows), else the archive's.
   * For completion the document's own saved summary is left out (`ownSummary: 'left out'`): with
   * auto-save, a name she was still typing (`Mette Fr`) was saved, harvested as a member of the
   * udvalg, and offered back to her. The rules and the spell check read the whole archive.
   */
  private async catalog(uri: string, options: { readonly ownSummary?: 'left out' } = {}): Promise<NameCatalog> {
    let harvested: NameCatalog;
    const leftOut = options.ownSummary === 'left out';
    if (leftOut && this.index.get(uri)) {
      if (this.harvestedWithout?.uri !== uri)
        this.harvestedWithout = { uri, catalog: harvestCatalog([...this.index.uris()].filter((u) => u !== uri).map((u) => this.index.get(u)!)) };
      harvested = this.harvestedWithout.catalog;
    } else harvested = this.harvested ??= harvestCatalog([...this.index.uris()].map((u) => this.index.get(u)!));
    const path = this.paths.toPath(uri);
    const config = path ? await this.config.forFile(path) : undefined;
    if (!config) return harvested;
    // referat.yaml adds to what the archive knows, and decides where both speak of one thing; the
    // same pair gives the same object, so what was judged with it is remembered.
    const own = config.config.catalog;
    const cache = leftOut ? this.mergedForCompletion : this.mergedCatalogs;
    let merged = cache.get(own);
    if (merged?.harvested !== harvested) cache.set(own, (merged = { harvested, catalog: mergeCatalogs(own, harvested) }));
    return merged.catalog;
  }

  async completion(doc: ReferatDocument, position: Position, lineText: string, token?: CancellationToken): Promise<CompletionList> {
    throwIfCancelled(token);
    const fileName = Utils.basename(URI.parse(doc.uri));
    const catalog = await this.catalog(doc.uri, { ownSummary: 'left out' });
    return complete(await this.prepared(doc, token), lineText, position, {
      catalog,
      kle: kleCatalog(),
      locale: this.currentLocale,
      fileName,
      ...(this.options.today ? { today: this.options.today() } : {}),
    });
  }

  async hover(doc: ReferatDocument, position: Position, lineText?: string, token?: CancellationToken): Promise<Hover | null> {
    throwIfCancelled(token);
    const catalog = await this.catalog(doc.uri);
    return hover(await this.prepared(doc, token), position, { kle: kleCatalog(), catalog, locale: this.currentLocale }, lineText);
  }

  documentSymbols(doc: ReferatDocument, token?: CancellationToken): DocumentSymbol[] {
    throwIfCancelled(token);
    return documentSymbols(this.referat(doc), this.currentLocale);
  }

  foldingRanges(doc: ReferatDocument, token?: CancellationToken): FoldingRange[] {
    throwIfCancelled(token);
    return foldingRanges(this.referat(doc));
  }

  async codeActions(doc: ReferatDocument, range: Range, client: CodeActionClient = {}, token?: CancellationToken): Promise<CodeAction[]> {
    const findings = await this.findings(doc, token);
    const actions = codeActions(await this.prepared(doc, token), findings, range, doc.uri, this.currentLocale, {
      approveCommand: client.approveCommand === true,
    });
    const words = askedWords(doc.getText(), findings, range, client.diagnostics ?? []);
    if (words.length === 0) return actions;
    const ordliste = await this.ordlisteTarget(doc);
    throwIfCancelled(token);
    const options = { uri: doc.uri, speller: this.spelling.loaded, ordliste, personalWordList: client.personalWordList === true, locale: this.currentLocale };
    return [...actions, ...spellingActions(words, options)];
  }

  /** Where a word for the municipality's word list goes: the nearest referat.yaml's `ordliste:`, or a new referat.yaml at the workspace root. */
  private async ordlisteTarget(doc: ReferatDocument): Promise<OrdlisteTarget | undefined> {
    const path = this.paths.toPath(doc.uri);
    if (!path) return undefined;
    const config = await this.config.forFile(path);
    if (!config) {
      const root = this.roots.find((r) => path.startsWith(r)) ?? parentFolder(path);
      return { kind: 'new', uri: this.paths.toUri(joinPath(root, 'referat.yaml')) };
    }
    try {
      const decoded = decodeReferat(await this.options.workspace.readFile(config.path));
      const text = decoded.ok ? decoded.text : '';
      // The YAML writer is loaded where there is a referat.yaml to write in.
      const { ordlisteInsertion } = await import('../config/yamlConfig');
      return { kind: 'existing', uri: this.paths.toUri(config.path), insertion: (word) => ordlisteInsertion(text, word) };
    } catch {
      return undefined;
    }
  }

  onEnter(doc: ReferatDocument, position: Position, token?: CancellationToken): TextEdit[] {
    throwIfCancelled(token);
    const referat = this.referat(doc);
    const lines = doc.getText().split(/\r\n|\r|\n/);
    return onEnter({ lineAt: (line) => lines[line], headingLines: new Set(referat.punkter.map((p) => p.headingRange.start.line)) }, position);
  }

  definition(doc: ReferatDocument, position: Position, token?: CancellationToken): Location | null {
    throwIfCancelled(token);
    return definition(this.referat(doc), position, this.index);
  }

  documentLinks(doc: ReferatDocument, token?: CancellationToken): DocumentLink[] {
    throwIfCancelled(token);
    return documentLinks(this.referat(doc), this.index, this.currentLocale);
  }

  references(doc: ReferatDocument, position: Position, options: ReferenceOptions, token?: CancellationToken): Location[] {
    throwIfCancelled(token);
    return references(this.referat(doc), doc.uri, position, this.index, options);
  }

  workspaceSymbols(query: string, token?: CancellationToken): SymbolInformation[] {
    throwIfCancelled(token);
    return workspaceSymbols(query, this.index);
  }

  /**
   * Why the public version may not be made now, or undefined. The one place every transport's
   * public rendering (preview, HTML, PDF, command line) asks; the CPR check does not depend on
   * rule settings (`cpr-number: off` hides the squiggle, never the refusal), and an error the
   * writer sees in or at a closed punkt refuses it too (see `publication.ts`).
   */
  async publicRefusal(doc: ReferatDocument, token?: CancellationToken): Promise<RenderRefusal | undefined> {
    const referat = await this.prepared(doc, token);
    const errors = (await this.findings(doc, token)).filter((d) => d.severity === 'error');
    return sourceRefusal(referat, errors);
  }

  /**
   * The referat as it will be published, as a standalone HTML page; a public version is refused
   * while it would publish a CPR number or a closed punkt's text, and the finished page is read
   * again for CPR numbers before it is handed out. The renderer (and markdown-it) is loaded on the
   * first rendering: checking and completing never need it.
   */
  async renderHtml(doc: ReferatDocument, options: RenderOptions, token?: CancellationToken): Promise<Rendered<string>> {
    // The configuration first, so the refusal and the page read the document in its dialect.
    const referat = await this.prepared(doc, token);
    const pub = options.audience === 'public';
    const refused = pub ? await this.publicRefusal(doc, token) : undefined;
    if (refused) return { output: null, refused };
    const { renderHtml } = await import('../render/html');
    throwIfCancelled(token);
    const html = renderHtml(referat, options);
    const leak = pub ? outputRefusal(html, 'html') : undefined;
    return leak ? { output: null, refused: leak } : { output: html };
  }

  /**
   * The beslutningsprotokol as data (JSON text): decisions, votes, attendance per punkt. A public
   * edition is refused like the HTML, and its text read again for CPR numbers before it is handed out.
   */
  async renderData(doc: ReferatDocument, options: { readonly audience: Audience }, token?: CancellationToken): Promise<Rendered<string>> {
    throwIfCancelled(token);
    const referat = await this.prepared(doc, token);
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
  async renderPdf(doc: ReferatDocument, options: Omit<PdfOptions, 'fonts'>, token?: CancellationToken): Promise<Rendered<Uint8Array>> {
    const referat = await this.prepared(doc, token);
    const pub = options.audience === 'public';
    const refused = pub ? await this.publicRefusal(doc, token) : undefined;
    if (refused) return { output: null, refused };
    if (!this.options.fonts) throw new Error('renderPdf: the host gave the language service no fonts');
    const [{ renderPdf, pdfText }, fonts] = await Promise.all([import('../render/pdf'), this.options.fonts()]);
    throwIfCancelled(token);
    // What the PDF will show and carry (text, title, bookmarks, metadata), read before it is made.
    const leak = pub ? outputRefusal(pdfText(referat, options), 'markdown') : undefined;
    if (leak) return { output: null, refused: leak };
    return { output: await renderPdf(referat, { ...options, fonts }) };
  }

  async createReferat(doc: ReferatDocument, token?: CancellationToken): Promise<CreatedReferat> {
    throwIfCancelled(token);
    const catalog = await this.catalog(doc.uri);
    return createReferat(doc.getText(), await this.prepared(doc, token), catalog);
  }

  async approve(doc: ReferatDocument, request: ApproveRequest, token?: CancellationToken): Promise<ApprovedDocument> {
    const referat = await this.prepared(doc, token);
    const path = this.paths.toPath(doc.uri);
    const config = path ? this.config.settledFor(path) : undefined;
    // The new text read as the check will read it: in the dialect referat.yaml gives.
    const reparse = (text: string): Referat => parseReferat(text, config?.config.dialekt ? dialectFromSettings(config.config.dialekt, text) : undefined);
    const approved = approve(doc.getText(), referat, request, reparse, this.options.today?.());
    if (!approved.ok) return approved;
    const errors = await this.errorsBeforeApproval(doc, token);
    if (errors.length === 0) return approved;
    const first = errors[0]!;
    // The message is a sentence of its own: inside the parentheses without its full stop.
    const said = first.message.replace(/\.$/, '');
    const count: LocalizedText = {
      da: `referatet har ${errors.length === 1 ? '1 fejl' : `${errors.length} fejl`} (den første i linje ${first.range.start.line + 1}: ${said})`,
      en: `the referat has ${errors.length === 1 ? '1 error' : `${errors.length} errors`} (the first on line ${first.range.start.line + 1}: ${said})`,
    };
    return { ...approved, errors: count };
  }

  /** The errors in the text that approving it does not mend: a change since an earlier approval, or its damaged seal, it does. */
  private async errorsBeforeApproval(doc: ReferatDocument, token?: CancellationToken): Promise<readonly Diagnostic[]> {
    return (await this.findings(doc, token)).filter((d) => d.severity === 'error' && !MENDED_BY_APPROVAL.has(d.code));
  }

  async approvalCandidates(doc: ReferatDocument, token?: CancellationToken): Promise<ApprovalCandidates> {
    const referat = await this.prepared(doc, token);
    const errors = await this.errorsBeforeApproval(doc, token);
    const first = errors[0];
    const meeting = meetingDate(referat);
    return {
      members: presentMembers(referat),
      today: isoDate(this.options.today?.() ?? todayInDenmark()),
      ...(meeting ? { meeting: isoDate(meeting) } : {}),
      approved: referat.approval !== undefined,
      ...(referat.approval?.by?.names.length ? { approvedBy: referat.approval.by.names.map((n) => n.name) } : {}),
      errors: errors.length,
      ...(first ? { firstError: { line: first.range.start.line, message: first.message } } : {}),
    };
  }

  caseHistory(of: string | { readonly doc: ReferatDocument; readonly position: Position }, token?: CancellationToken): CaseHistoryEntry[] {
    throwIfCancelled(token);
    const journal = typeof of === 'string' ? of : journalAt(this.referat(of.doc), of.position);
    return journal ? caseHistory(journal, this.index) : [];
  }
}

/**
 * What the rules and the names they know read of an archived referat: its meeting, its punkter's
 * numbers and journal numbers, and the names harvested from it; not where its lines are, nor its
 * titles and decisions (completion's, not the checks').
 */
function rulesView(s: ReferatSummary | undefined): string {
  if (!s) return '';
  const { udvalg, date, moedested, deltagere, names } = s;
  return JSON.stringify({ udvalg, date, moedested, deltagere, names, punkter: s.punkter.map((p) => [p.number, p.journal ?? null]) });
}

/** Whether two pieces of plain data (a summary: objects, arrays, strings, numbers) are alike throughout. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  // Anything but a plain object (a Set, a Map, a Date) is not compared by its keys: it is told apart.
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (!sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

/** The members of the udvalg that met, as referat.yaml (or the archive) writes them: `Anna Holm (A)`. */
function udvalgMembers(referat: Referat, catalog: NameCatalog): readonly string[] {
  return udvalgNamed(catalog, referat.header.title?.udvalg)?.medlemmer ?? [];
}

/** The language service over a workspace: the front door every transport, test and host uses. */
export function createLanguageService(options: LanguageServiceOptions): ReferatLanguageService {
  return new LanguageService(options);
}

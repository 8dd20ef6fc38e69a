import type { Connection } from 'vscode-languageserver/node';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ArchiveIndex } from '../archive/index';
// Straight from the modules, not the core's barrel: the server never renders, so markdown-it stays unloaded.
import { checkReferat } from '../rules/index';
import { parseReferat } from '../model/parse';
import type { Diagnostic, RuleSettings } from '../rules/types';
import type { Referat } from '../model/types';
import { EMPTY_CATALOG, type NameCatalog } from '../config/catalog';
import { harvestCatalog } from '../config/harvest';
import { parseReferatYaml, type ConfigProblem, type ReferatConfig } from '../config/referatYaml';
import type { Locale } from '../i18n/locale';
import { nearestConfig, type Workspace } from '../workspace/workspace';

export interface Settings {
  trigger: 'onSave' | 'onType';
  debounceMs: number;
  rules: RuleSettings;
}

export const DEFAULT_SETTINGS: Settings = { trigger: 'onSave', debounceMs: 200, rules: {} };

/** Everything a feature's wiring needs; one per server. */
export class ServerContext {
  settings: Settings = { ...DEFAULT_SETTINGS };
  locale: Locale = 'da';
  roots: string[] = [];
  /** Where the archive's summaries are kept between sessions (the client's storage, else the user's cache). */
  cacheDir: string | undefined;
  /** The client can open a document at a position (window/showDocument): a fix can put the cursor where she writes next. */
  canShowDocument = false;
  readonly archive = new ArchiveIndex();
  private harvested: NameCatalog | undefined;
  private readonly parsed = new Map<string, { version: number; referat: Referat }>();
  private readonly checked = new Map<string, { version: number; diagnostics: Diagnostic[] }>();
  private readonly configs = new Map<string, { config: ReferatConfig; problems: ConfigProblem[] }>();
  private readonly configOf = new Map<string, string | null>();

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    readonly workspace: Workspace,
  ) {}

  log(message: string): void {
    this.connection.console.log(message);
  }

  isReferat(uri: string): boolean {
    return uri.endsWith('.referat') || this.documents.get(uri)?.languageId === 'referat';
  }

  /** The parsed referat of an open document, parsed once per version and shared by every feature. */
  referat(doc: TextDocument): Referat {
    const hit = this.parsed.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.referat;
    const referat = parseReferat(doc.getText());
    this.parsed.set(doc.uri, { version: doc.version, referat });
    return referat;
  }

  async diagnostics(doc: TextDocument): Promise<Diagnostic[]> {
    const hit = this.checked.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.diagnostics;
    const config = await this.configFor(doc.uri);
    const settings = { ...(config?.config.regler ?? {}), ...this.settings.rules };
    const diagnostics = checkReferat(this.referat(doc), { settings, locale: this.locale, archive: this.archive });
    this.checked.set(doc.uri, { version: doc.version, diagnostics });
    return diagnostics;
  }

  forget(uri: string): void {
    this.parsed.delete(uri);
    this.checked.delete(uri);
  }

  /** Findings depend on settings, configuration and the archive: drop cached ones when those change. */
  invalidateChecks(): void {
    this.checked.clear();
  }

  async configFor(uri: string): Promise<{ config: ReferatConfig; problems: ConfigProblem[] } | undefined> {
    const path = toPath(uri);
    if (!path) return undefined;
    let yamlPath = this.configOf.get(path);
    if (yamlPath === undefined) {
      yamlPath = (await nearestConfig(this.workspace, path, this.roots)) ?? null;
      this.configOf.set(path, yamlPath);
    }
    if (!yamlPath) return undefined;
    return this.loadConfig(yamlPath);
  }

  async loadConfig(yamlPath: string, text?: string): Promise<{ config: ReferatConfig; problems: ConfigProblem[] }> {
    const cached = this.configs.get(yamlPath);
    if (cached && text === undefined) return cached;
    let source = text;
    if (source === undefined) {
      try {
        source = new TextDecoder().decode(await this.workspace.readFile(yamlPath));
      } catch {
        source = '';
      }
    }
    const parsed = parseReferatYaml(source);
    this.configs.set(yamlPath, parsed);
    return parsed;
  }

  /** A referat.yaml appeared, changed or went away: look everything up again. */
  configChanged(): void {
    this.configs.clear();
    this.configOf.clear();
    this.invalidateChecks();
  }

  archiveChanged(): void {
    this.harvested = undefined;
    this.invalidateChecks();
  }

  /** referat.yaml's names when there is one (plus the journal numbers in use), else the archive's. */
  async catalogFor(uri: string): Promise<NameCatalog> {
    this.harvested ??= harvestCatalog(this.archive.uris() ? [...this.archive.uris()].map((u) => this.archive.get(u)!) : []);
    const config = await this.configFor(uri);
    if (!config) return this.harvested;
    const own = config.config.catalog;
    return { ...own, indstillere: own.indstillere.length > 0 ? own.indstillere : this.harvested.indstillere, journalNumbers: this.harvested.journalNumbers };
  }

  get emptyCatalog(): NameCatalog {
    return EMPTY_CATALOG;
  }
}

export function toPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

export function toUri(path: string): string {
  return pathToFileURL(path).href;
}

/** Every handler answers; an exception becomes a log line and an empty answer, never a dead server. */
export function safe<A extends unknown[], R>(ctx: ServerContext, name: string, empty: R, fn: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (e) {
      ctx.log(`referat: ${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return empty;
    }
  };
}

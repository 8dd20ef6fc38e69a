import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, DidChangeWatchedFilesNotification, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toLocale } from '../i18n/locale';
import { RULE_CODES } from '../rules/index';
import { SEVERITIES, type RuleSetting } from '../rules/types';
import { nodeWorkspace } from '../workspace/workspace';
import { ServerContext, toPath, DEFAULT_SETTINGS, type Settings } from './context';
import { registerDiagnostics } from './diagnostics';
import { registerCompletion } from './completion';
import { registerHover } from './hover';
import { registerSymbols, registerFolding } from './symbols';
import { registerCodeActions } from './codeActions';
import { registerOnTypeFormatting } from './onTypeFormatting';
import { registerArchive } from './archive';
import { commandNames, registerCommands } from './commands';
import { Protocol } from '../protocol';

// `--node-ipc` (VS Code) or `--stdio` (every other editor), read from argv by createConnection.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const ctx = new ServerContext(connection, documents, nodeWorkspace);

/** Settings from the client, keeping only values that mean something. */
function readSettings(raw: unknown): Settings {
  const r = (raw ?? {}) as { validate?: { trigger?: unknown; debounceMs?: unknown }; rules?: unknown };
  const rules: Record<string, RuleSetting> = {};
  if (r.rules && typeof r.rules === 'object') {
    for (const [code, v] of Object.entries(r.rules as Record<string, unknown>)) {
      if (RULE_CODES.has(code) && (v === 'off' || (SEVERITIES as readonly unknown[]).includes(v))) rules[code] = v as RuleSetting;
    }
  }
  return {
    trigger: r.validate?.trigger === 'onType' ? 'onType' : 'onSave',
    debounceMs: typeof r.validate?.debounceMs === 'number' && r.validate.debounceMs >= 0 ? r.validate.debounceMs : DEFAULT_SETTINGS.debounceMs,
    rules,
  };
}

let watchDynamically = false;

connection.onInitialize((params): InitializeResult => {
  const options = (params.initializationOptions ?? {}) as { locale?: string; settings?: unknown; cacheDir?: string };
  if (typeof options.cacheDir === 'string') ctx.cacheDir = options.cacheDir;
  ctx.locale = toLocale(options.locale ?? params.locale ?? process.env.LC_ALL ?? process.env.LANG);
  if (options.settings) ctx.settings = readSettings(options.settings);
  const folders = params.workspaceFolders?.map((f) => toPath(f.uri)) ?? [params.rootUri ? toPath(params.rootUri) : undefined];
  ctx.roots = folders.filter((f): f is string => typeof f === 'string');
  watchDynamically = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  ctx.canShowDocument = params.capabilities.window?.showDocument?.support === true;
  startIndex();
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      completionProvider: { triggerCharacters: [' ', ',', ':', '.'], resolveProvider: false },
      hoverProvider: true,
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      codeActionProvider: true,
      documentOnTypeFormattingProvider: { firstTriggerCharacter: '\n' },
      definitionProvider: true,
      referencesProvider: true,
      workspaceSymbolProvider: true,
      documentLinkProvider: { resolveProvider: false },
      executeCommandProvider: { commands: commandNames([Protocol.caseHistoryCommand]) },
    },
    serverInfo: { name: 'referat-language-server', version: '0.1.0' },
  };
});

const { revalidateAll } = registerDiagnostics(ctx);
registerCompletion(ctx);
registerHover(ctx);
registerSymbols(ctx);
registerFolding(ctx);
registerCodeActions(ctx);
registerOnTypeFormatting(ctx);
const { startIndex, indexWorkspace, caseHistory } = registerArchive(ctx, revalidateAll);
registerCommands(ctx, { [Protocol.caseHistoryCommand]: caseHistory });

connection.onInitialized(() => {
  if (watchDynamically) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.referat' }, { globPattern: '**/referat.yaml' }] });
  }
  void indexWorkspace();
});

connection.onDidChangeConfiguration((change) => {
  const settings = (change.settings as { referat?: unknown } | undefined)?.referat;
  if (settings) ctx.settings = readSettings(settings);
  void revalidateAll();
});

// A round trip with no work: the protocol's own cost, the baseline in `npm run bench`.
connection.onRequest(Protocol.pingRequest, () => 'pong');

process.on('uncaughtException', (e) => connection.console.error(`referat: uncaught ${e.stack ?? e.message}`));
process.on('unhandledRejection', (e) => connection.console.error(`referat: unhandled ${String(e)}`));

documents.listen(connection);
connection.listen();

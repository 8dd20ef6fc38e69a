import {
  createConnection,
  ErrorCodes,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type Connection,
  type ResponseMessage,
  TextDocuments,
  TextDocumentSyncKind,
  DidChangeWatchedFilesNotification,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { Console } from 'node:console';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toLocale, type Locale } from '../i18n/locale';
import { nodeHost } from '../node/host';
import { IndexCache } from '../node/indexCache';
import { Protocol } from '../protocol';
import { RULE_CODES } from '../rules/index';
import { SEVERITIES, type RuleSetting, type RuleSettings } from '../rules/types';
import { createLanguageService, type ReferatLanguageService } from '../service/languageService';
import { registerArchive } from './archive';
import { registerCodeActions } from './codeActions';
import { registerCommands, SERVER_COMMANDS } from './commands';
import { registerCompletion } from './completion';
import type { ServerContext, ValidationSettings } from './context';
import { registerDefinition } from './definition';
import { registerDiagnostics } from './diagnostics';
import { MessageFraming } from './framing';
import { registerDocumentInfo } from './documentInfo';
import { registerDocumentLinks } from './documentLinks';
import { registerDocumentSymbols } from './documentSymbols';
import { registerFolding } from './folding';
import { registerHover } from './hover';
import { registerOnTypeFormatting } from './onTypeFormatting';
import { registerReferences } from './references';
import { registerRender } from './render';
import { registerCreateReferat } from './createReferat';
import { registerImport } from './import';
import { registerWorkspaceSymbols } from './workspaceSymbols';

// `--node-ipc` (VS Code), read from argv by createConnection, or `--stdio` (every other editor), whose
// messages are framed by this side first: what the protocol library cannot read is passed over, with a
// line on stderr, where the library stopped reading and the server answered nothing more.
const stdio = process.argv.includes('--stdio');
const connection = stdio ? stdioConnection() : createConnection(ProposedFeatures.all);

/**
 * The connection over stdin and stdout. A message whose body is no JSON (its framing intact) is
 * answered as JSON-RPC says, with a Parse error whose id is null, and a line on stderr: the library
 * dropped it without a word, and the editor waited for an answer that never came.
 */
function stdioConnection(): Connection {
  const reader = new StreamMessageReader(
    process.stdin.pipe(new MessageFraming((problem) => process.stderr.write(`referat: passed over what the editor sent: ${problem}\n`))),
  );
  const writer = new StreamMessageWriter(process.stdout);
  reader.onError((error) => {
    if (!(error instanceof SyntaxError)) return;
    process.stderr.write(`referat: a message that is no JSON was answered with a parse error: ${error.message}\n`);
    const answer: ResponseMessage = { jsonrpc: '2.0', id: null, error: { code: ErrorCodes.ParseError, message: `Parse error: ${error.message}` } };
    void writer.write(answer).catch(() => undefined);
  });
  return createConnection(ProposedFeatures.all, reader, writer);
}
// Stdout carries the messages: whatever a library writes to the console goes to stderr, the editor's log.
if (stdio) Object.assign(console, new Console({ stdout: process.stderr, stderr: process.stderr }));
// A document's line offsets are counted when it opens, not on her first keystroke (6 ms on 1 MB).
const documents = new TextDocuments({
  create: (uri: string, languageId: string, version: number, text: string): TextDocument => {
    const doc = TextDocument.create(uri, languageId, version, text);
    void doc.lineCount;
    return doc;
  },
  update: TextDocument.update,
});
// Where the archive's summaries are kept between sessions: the client says so at initialize.
let cacheDir: string | undefined;
const host = nodeHost();
const service: ReferatLanguageService = createLanguageService({
  ...host,
  cache: (roots) => new IndexCache(cacheDir, roots),
  log: (m) => connection.console.log(m),
});
const ctx: ServerContext = { connection, documents, service, validation: { trigger: 'onSave', debounceMs: 200 }, canShowDocument: false };

/**
 * The language of the editor's display (VS Code's, sent at initialize): Referat's messages follow it
 * unless `referat.language` names one. VS Code has no Danish display language, so that is how she gets Danish.
 */
let displayLocale: Locale = 'da';

/** The editor's settings (`referat.*`), keeping only values that mean something. */
function readSettings(raw: unknown): { validation: ValidationSettings; rules: RuleSettings; words: string[]; language?: Locale } {
  const r = (raw ?? {}) as { validate?: { trigger?: unknown; debounceMs?: unknown }; rules?: unknown; spelling?: { words?: unknown }; language?: unknown };
  const rules: Record<string, RuleSetting> = {};
  if (r.rules && typeof r.rules === 'object') {
    for (const [code, v] of Object.entries(r.rules as Record<string, unknown>)) {
      if (RULE_CODES.has(code) && (v === 'off' || (SEVERITIES as readonly unknown[]).includes(v))) rules[code] = v as RuleSetting;
    }
  }
  return {
    validation: {
      trigger: r.validate?.trigger === 'onType' ? 'onType' : 'onSave',
      debounceMs: typeof r.validate?.debounceMs === 'number' && r.validate.debounceMs >= 0 ? r.validate.debounceMs : 200,
    },
    rules,
    words: Array.isArray(r.spelling?.words) ? r.spelling.words.filter((w): w is string => typeof w === 'string') : [],
    // `auto` (or nothing, or anything else): the display language.
    ...(r.language === 'da' || r.language === 'en' ? { language: r.language } : {}),
  };
}

/** The settings taken in: at initialize and on each change. Referat's language is the display's unless they name one. */
function useSettings(settings: ReturnType<typeof readSettings>): void {
  service.setLocale(settings.language ?? displayLocale);
  ctx.validation = settings.validation;
  service.setPersonalRules(settings.rules);
  service.setPersonalWords(settings.words);
}

let watchDynamically = false;

connection.onInitialize((params): InitializeResult => {
  const options = (params.initializationOptions ?? {}) as {
    locale?: string;
    settings?: unknown;
    cacheDir?: string;
    personalWordList?: boolean;
    approveCommand?: boolean;
  };
  // Only our VS Code extension has the command that writes the user's own word list.
  ctx.personalWordList = options.personalWordList === true;
  ctx.approveCommand = options.approveCommand === true;
  if (typeof options.cacheDir === 'string') cacheDir = options.cacheDir;
  displayLocale = toLocale(options.locale ?? params.locale ?? process.env.LC_ALL ?? process.env.LANG);
  if (options.settings) useSettings(readSettings(options.settings));
  else service.setLocale(displayLocale);
  const folders = params.workspaceFolders?.map((f) => service.pathOf(f.uri)) ?? [params.rootUri ? service.pathOf(params.rootUri) : undefined];
  service.setRoots(folders.filter((f): f is string => typeof f === 'string'));
  watchDynamically = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  ctx.canShowDocument = params.capabilities.window?.showDocument?.support === true;
  // Reading starts now, silently: the client's round trips until `initialized` are time the disk can use.
  service.startIndexing();
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
      executeCommandProvider: { commands: SERVER_COMMANDS },
    },
    serverInfo: { name: 'referat-language-server', version: '0.1.0' },
  };
});

const { revalidateAll, revalidateSoon, changedOnDisk, fixesOffered } = registerDiagnostics(ctx);
registerCompletion(ctx);
registerHover(ctx);
registerDocumentSymbols(ctx);
registerFolding(ctx);
registerCodeActions(ctx, fixesOffered);
registerOnTypeFormatting(ctx);
registerDefinition(ctx);
registerDocumentLinks(ctx);
registerReferences(ctx);
registerWorkspaceSymbols(ctx);
registerRender(ctx);
registerCreateReferat(ctx);
registerDocumentInfo(ctx);
registerImport(ctx);
registerCommands(ctx);
const { indexWorkspace } = registerArchive(ctx, { revalidateAll, revalidateSoon, changedOnDisk });
// The dictionary arrived, or the archive's own words were counted: open documents are checked again
// once saves pause (the count tells its news every second while it goes on; a save is checked with it anyway).
service.onKnowledgeChanged(revalidateSoon);

connection.onInitialized(() => {
  if (watchDynamically) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.referat' }, { globPattern: '**/referat.yaml' }],
    });
  }
  void indexWorkspace();
});

connection.onDidChangeConfiguration((change) => {
  const raw = (change.settings as { referat?: unknown } | undefined)?.referat;
  if (raw) {
    // Every message from here on, and the findings published again below, in the language asked for.
    useSettings(readSettings(raw));
  }
  void revalidateAll();
});

// The client is done: no more indexing, counting or caches (the process exits on `exit`).
connection.onShutdown(() => service.dispose());

// A round trip with no work: the protocol's own cost, the baseline in `npm run bench`.
connection.onRequest(Protocol.pingRequest, () => 'pong');

process.on('uncaughtException', (e) => connection.console.error(`referat: uncaught ${e.stack ?? e.message}`));
process.on('unhandledRejection', (e) => connection.console.error(`referat: unhandled ${String(e)}`));

documents.listen(connection);
connection.listen();

import * as vscode from 'vscode';
import { t } from './locale';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { approveMinutes } from './approve';
import { importMinutes } from './import';
import { exists, writeReplacing } from './files';
import { registerPreview } from './preview';
import { DialectStatus, type DialectStatusView } from './status';
import { confirmOutside, defaultFolder, parentOf } from './where';
import { IMPORT_EXTENSIONS, Protocol, referatFileName, type CaseHistoryEntry, type CreateReferatResult } from '../../server/src/protocol';

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;

/** What the extension gives other extensions and its test suite: the language client, and what the status bar shows. */
export interface ReferatApi {
  readonly client: LanguageClient | undefined;
  readonly dialectStatus: () => DialectStatusView;
}

export async function activate(context: vscode.ExtensionContext): Promise<ReferatApi> {
  output = vscode.window.createOutputChannel('Referat');
  context.subscriptions.push(output);
  const status = new DialectStatus(() => client);
  context.subscriptions.push(status);
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'referat' }, { pattern: '**/referat.yaml' }],
    synchronize: {
      configurationSection: 'referat',
      fileEvents: [vscode.workspace.createFileSystemWatcher('**/*.referat'), vscode.workspace.createFileSystemWatcher('**/referat.yaml')],
    },
    // The server's messages follow VS Code's display language, or `referat.language` (in the settings) where it names one.
    initializationOptions: {
      locale: vscode.env.language,
      settings: vscode.workspace.getConfiguration('referat'),
      cacheDir: context.globalStorageUri.fsPath,
      personalWordList: true,
      approveCommand: true,
    },
    outputChannel: output,
    // The status bar asks for the dialect once the server has the document.
    middleware: status.middleware,
  };
  client = new LanguageClient('referat', 'Referat', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('referat.restartServer', async () => {
      await client?.restart();
      void vscode.window.showInformationMessage(t('Referat language server restarted.'));
    }),
    vscode.commands.registerCommand('referat.showOutput', () => output?.show()),
    vscode.commands.registerCommand('referat.caseHistory', () => caseHistory()),
    vscode.commands.registerCommand('referat.createReferat', (uri?: vscode.Uri) => createReferat(uri)),
    vscode.commands.registerCommand(Protocol.addPersonalWordCommand, (word: unknown) => addPersonalWord(word)),
    // From the palette with no argument; from the quick fix after a change since the approval, `{ replace: true }`.
    vscode.commands.registerCommand(Protocol.approveMinutesCommand, (asked?: { replace?: unknown }) =>
      approveMinutes(client, { replace: asked?.replace === true }),
    ),
    vscode.commands.registerCommand('referat.importMinutes', (arg?: unknown, selected?: unknown) => importMinutes(client, output!, arg, selected)),
  );
  registerPreview(context, () => client);
  registerStartHint(context);
  await client.start();
  status.refresh();
  // After the client's own listener, which sends the server the new settings: the status bar asks it again in the new language.
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('referat.language')) status.refresh();
    }),
  );
  void offerDanish(context);
  return { client, dialectStatus: () => status.view() };
}

/** Sagshistorik: the case's meetings in date order with their decisions; opens the one picked. */
async function caseHistory(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'referat' || !client) {
    void vscode.window.showInformationMessage(t('Place the cursor on a journal number in a referat.'));
    return;
  }
  const entries = await client.sendRequest<CaseHistoryEntry[] | null>('workspace/executeCommand', {
    command: Protocol.caseHistoryCommand,
    arguments: [editor.document.uri.toString(), { line: editor.selection.active.line, character: editor.selection.active.character }],
  });
  if (!entries || entries.length === 0) {
    void vscode.window.showInformationMessage(t('No case history: place the cursor on a journal number.'));
    return;
  }
  const picked = await vscode.window.showQuickPick(
    entries.map((e) => ({
      label: `${e.date ?? '?'} · ${e.udvalg}`,
      description: e.heading,
      detail: e.closed ? t('Closed item') : (e.beslutning ?? t('No decision recorded')),
      entry: e,
    })),
    { title: t('Case history'), matchOnDescription: true, matchOnDetail: true },
  );
  if (!picked) return;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(picked.entry.uri));
  const pos = new vscode.Position(picked.entry.line, 0);
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos) });
}

/**
 * Dagsorden → referat: the referat is written beside the dagsorden, opened, and the cursor put in
 * its first empty decision. An existing file is never overwritten: she is offered to open it.
 * With no referat in the editor (a new user, the walkthrough) she picks the dagsorden: a
 * `.referat`, or a published one (PDF, …), which is imported into the workspace first.
 */
async function createReferat(uri?: vscode.Uri): Promise<{ written?: vscode.Uri; exists?: vscode.Uri; refused?: string }> {
  const active = vscode.window.activeTextEditor?.document;
  let target = uri ?? (active?.languageId === 'referat' ? active.uri : await pickDagsorden());
  if (!target) return {};
  if (!target.path.toLowerCase().endsWith('.referat') && client && output) {
    // An existing import of the same dagsorden is used as it is: she may have corrected it.
    const imported = await importMinutes(client, output, { sources: [target], replace: false, quiet: true });
    const made = imported.written[0] ?? imported.skipped[0];
    if (!made) {
      const message = imported.failed[0]?.message ?? t('Open the dagsorden to create the referat from.');
      void vscode.window.showErrorMessage(message);
      return { refused: message };
    }
    target = made;
  }
  const dagsorden = await vscode.workspace.openTextDocument(target);
  if (dagsorden.languageId !== 'referat' || !client) {
    const message = t('Open the dagsorden to create the referat from.');
    void vscode.window.showInformationMessage(message);
    return { refused: message };
  }
  const result = await client.sendRequest<CreateReferatResult | null>(Protocol.createReferatRequest, { uri: dagsorden.uri.toString() });
  if (!result) return {};
  if (!result.ok) {
    // The editor's referat was taken for the dagsorden and is none (a referat already, say): nothing
    // went wrong, she is told why and may pick the dagsorden.
    if (uri === undefined && dagsorden.uri.toString() === active?.uri.toString()) {
      const choose = t('Choose the dagsorden…');
      void vscode.window.showInformationMessage(result.message, choose).then(async (picked) => {
        const other = picked === choose ? await pickDagsorden() : undefined;
        if (other) await createReferat(other);
      });
    } else void vscode.window.showWarningMessage(result.message);
    return { refused: result.message };
  }
  const name = dagsorden.uri.path.split('/').pop() ?? 'dagsorden.referat';
  // Beside the dagsorden; outside the workspace only when she says so.
  const where = await confirmOutside([parentOf(dagsorden.uri)]);
  if (where === undefined) return {};
  const out = vscode.Uri.joinPath(where === 'there' ? parentOf(dagsorden.uri) : where, referatFileName(name));
  if (await exists(out)) {
    // Not awaited: the command is done; she may open the existing referat from the message.
    const open = t('Open it');
    void vscode.window.showWarningMessage(t('{0} already exists; it is not overwritten.', out.path.split('/').pop() ?? ''), open).then(async (picked) => {
      if (picked === open) await vscode.window.showTextDocument(out, { preview: false });
    });
    return { exists: out };
  }
  await writeReplacing(out, new TextEncoder().encode(result.text));
  const pos = new vscode.Position(result.cursor.line, result.cursor.character);
  // A tab of its own, not a preview tab the next file she opens would take over: she writes in it.
  await vscode.window.showTextDocument(out, { selection: new vscode.Range(pos, pos), preview: false });
  return { written: out };
}

/** The dagsorden, asked for with an open dialog: a referat file or a published source. */
async function pickDagsorden(): Promise<vscode.Uri | undefined> {
  const home = defaultFolder();
  const picked = await vscode.window.showOpenDialog({
    canSelectFiles: true,
    canSelectFolders: false,
    canSelectMany: false,
    title: t('Choose the dagsorden to create the referat from'),
    openLabel: t('Create referat'),
    filters: { [t('Dagsorden')]: ['referat', ...IMPORT_EXTENSIONS] },
    ...(home ? { defaultUri: home } : {}),
  });
  return picked?.[0];
}

/** Her own word list: a user setting, so it follows her and needs no shared referat.yaml. */
async function addPersonalWord(word: unknown): Promise<void> {
  if (typeof word !== 'string' || word.trim() === '') return;
  const config = vscode.workspace.getConfiguration('referat');
  const words = config.get<string[]>('spelling.words') ?? [];
  if (words.some((w) => w.toLowerCase() === word.toLowerCase())) return;
  await config.update(
    'spelling.words',
    [...words, word].sort((a, b) => a.localeCompare(b, 'da')),
    vscode.ConfigurationTarget.Global,
  );
}

/**
 * A new, empty referat is invited to start, not greeted with errors: a faint line says how, the
 * way VS Code's own empty editors do. It goes away with the first character.
 */
function registerStartHint(context: vscode.ExtensionContext): void {
  const hint = vscode.window.createTextEditorDecorationType({
    after: { color: new vscode.ThemeColor('editorGhostText.foreground'), fontStyle: 'italic' },
    isWholeLine: true,
  });
  const update = (editor: vscode.TextEditor | undefined): void => {
    if (!editor || editor.document.languageId !== 'referat') return;
    const empty = editor.document.lineCount <= 1 && editor.document.getText().trim() === '';
    // The text is set each time: it follows `referat.language`.
    const contentText = t('Type “referat” and press Ctrl+Space, then Tab, to begin new minutes');
    editor.setDecorations(hint, empty ? [{ range: new vscode.Range(0, 0, 0, 0), renderOptions: { after: { contentText } } }] : []);
  };
  update(vscode.window.activeTextEditor);
  context.subscriptions.push(
    hint,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeTextDocument((e) => {
      for (const editor of vscode.window.visibleTextEditors) if (editor.document === e.document) update(editor);
    }),
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/**
 * The languages of the computer she works on: the one VS Code names as the operating system's (on
 * the desktop; a remote server names the display language there instead), and Node's own, which
 * follows the system's locale (LANG, or Windows' region).
 */
function systemLanguages(): string[] {
  const out = [Intl.DateTimeFormat().resolvedOptions().locale];
  try {
    const nls = JSON.parse(process.env.VSCODE_NLS_CONFIG ?? '{}') as { osLocale?: unknown };
    if (typeof nls.osLocale === 'string') out.push(nls.osLocale);
  } catch {
    // No such variable, or not JSON: Node's own locale is what there is.
  }
  return out;
}

/**
 * Once: on a Danish computer whose VS Code is not Danish (VS Code has no Danish display language),
 * Referat offers to speak Danish, in Danish. The answer is kept in `referat.language`; a dismissal
 * is an answer too, and the setting can be changed at any time.
 */
async function offerDanish(context: vscode.ExtensionContext): Promise<void> {
  const OFFERED = 'referat.danishOffered';
  const setting = vscode.workspace.getConfiguration('referat').inspect<string>('language');
  const chosen = setting?.globalValue ?? setting?.workspaceValue ?? setting?.workspaceFolderValue;
  if (context.globalState.get(OFFERED) || (chosen !== undefined && chosen !== 'auto')) return;
  if (vscode.env.language.toLowerCase().startsWith('da')) return;
  if (!systemLanguages().some((l) => l.toLowerCase().startsWith('da'))) return;
  await context.globalState.update(OFFERED, true);
  const danish = 'Ja, på dansk';
  const english = 'Nej, behold engelsk';
  const answer = await vscode.window.showInformationMessage(
    'VS Code findes ikke på dansk, så Referat skriver sine fund, forslag og beskeder på engelsk. Skal Referat skrive på dansk? (Indstillingen "referat.language" kan ændres når som helst.)',
    danish,
    english,
  );
  if (answer === danish) await vscode.workspace.getConfiguration('referat').update('language', 'da', vscode.ConfigurationTarget.Global);
  if (answer === english) await vscode.workspace.getConfiguration('referat').update('language', 'en', vscode.ConfigurationTarget.Global);
}

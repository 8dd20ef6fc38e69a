import * as vscode from 'vscode';
import { askModal, t } from './locale';
import { randomBytes } from 'node:crypto';
import {
  Protocol,
  type FindingsSummary,
  type PagePatch,
  type RenderAnswer,
  type RenderParams,
  type RenderPdfAnswer,
  type RenderPdfParams,
  type RenderRefusal,
} from '../../server/src/protocol';
import type { LanguageClient } from 'vscode-languageclient/node';
import { exists, writeReplacing } from './files';

type ClientRef = () => LanguageClient | undefined;
type Audience = RenderParams['audience'];

type ExportFormat = 'html' | 'pdf';

/** The referat as it will be published, rendered by the language server (the one renderer there is), or its refusal. */
async function render(
  client: ClientRef,
  doc: vscode.TextDocument,
  audience: Audience,
  webview?: RenderParams['webview'],
  since?: string,
): Promise<RenderAnswer | undefined> {
  const c = client();
  if (!c) return undefined;
  const params: RenderParams = { uri: doc.uri.toString(), audience, ...(webview ? { webview } : {}), ...(since !== undefined ? { since } : {}) };
  return (await c.sendRequest<RenderAnswer | null>(Protocol.renderRequest, params)) ?? undefined;
}

/** The page a change answers, made from the page it changes; undefined where that is not the page held. */
function patched(held: { readonly html: string; readonly id?: string } | undefined, patch: PagePatch): { html: string; id: string } | undefined {
  if (!held || held.id !== patch.from) return undefined;
  const html = held.html.slice(0, patch.start) + patch.text + held.html.slice(patch.end);
  return html.length === patch.length ? { html, id: patch.id } : undefined;
}

/** The referat as a PDF file's bytes, or its refusal. */
async function renderPdf(
  client: ClientRef,
  doc: vscode.TextDocument,
  audience: Audience,
): Promise<{ bytes: Uint8Array } | { refused: RenderRefusal } | undefined> {
  const c = client();
  if (!c) return undefined;
  const params: RenderPdfParams = { uri: doc.uri.toString(), audience };
  // A long referat takes a while: she sees that it is being made, and can stop it (the server ends the work).
  const answer = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('Making the PDF…'), cancellable: true },
    async (_progress, token) => {
      try {
        return await c.sendRequest<RenderPdfAnswer | null>(Protocol.renderPdfRequest, params, token);
      } catch (e) {
        if (token.isCancellationRequested) return null;
        throw e;
      }
    },
  );
  if (!answer) return undefined;
  return 'refused' in answer ? answer : { bytes: Buffer.from(answer.pdf, 'base64') };
}

const VIEW_TYPE = 'referat.preview';
/** A rendering with no answer is asked for again this often, this many times (10 s in all). */
const RENDER_RETRY_MS = 500;
const RENDER_RETRIES = 20;

/** What the preview's page keeps (media/preview.js) and VS Code hands back when it restores the panel. */
interface PreviewState {
  readonly uri: string;
  readonly audience: Audience;
}

/** One preview panel that follows the active referat editor. */
class Preview {
  private document: vscode.TextDocument | undefined;
  private audience: Audience = 'internal';
  private timer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** The page the webview was loaded with (webview.html), and the newest one, shown in place; each with the server's id for it. */
  private loaded: { readonly html: string; readonly id?: string } | undefined;
  private latest: { readonly html: string; readonly id?: string } | undefined;
  /** One nonce for the panel's page: renderings then differ only where the referat does, and go as the change alone. */
  private readonly nonce = randomBytes(16).toString('base64');

  constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly context: vscode.ExtensionContext,
    private readonly client: ClientRef,
    document: vscode.TextDocument,
    private readonly onDispose: () => void,
    audience: Audience = 'internal',
  ) {
    this.audience = audience;
    panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media')] };
    this.show(document);
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        // A save changes only whether the document is dirty: no text changed, nothing to render.
        if (e.document === this.document && e.contentChanges.length > 0) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor?.document.languageId === 'referat' && editor.document !== this.document) this.show(editor.document);
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (e.textEditor.document === this.document && e.visibleRanges[0])
          void panel.webview.postMessage({ type: 'scroll', line: e.visibleRanges[0].start.line });
      }),
      panel.webview.onDidReceiveMessage((msg: { type?: string; line?: number; value?: string }) => {
        // A webview reloaded (hidden and shown again) starts from the page it was loaded with.
        if (msg.type === 'ready' && this.latest !== undefined && this.latest !== this.loaded)
          void panel.webview.postMessage({ type: 'update', ...this.latest });
        // Loaded with the newest page: it is told what it shows, so the next rendering replaces only what changed.
        else if (msg.type === 'ready' && this.loaded !== undefined) void panel.webview.postMessage({ type: 'shown', ...this.loaded });
        // A change it could not take (it was loaded again meanwhile): the whole newest page.
        if (msg.type === 'resync' && this.latest !== undefined) void panel.webview.postMessage({ type: 'update', ...this.latest });
        if (msg.type === 'ready') this.tellSource();
        if (msg.type === 'reveal' && typeof msg.line === 'number') void this.reveal(msg.line);
        if (msg.type === 'audience' && (msg.value === 'internal' || msg.value === 'public')) this.setAudience(msg.value);
      }),
      // Referat's language changed: the tab's title and the page (its toolbar is the server's) in the new one.
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('referat.language') && this.document) this.show(this.document);
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  get currentDocument(): vscode.TextDocument | undefined {
    return this.document;
  }

  show(document: vscode.TextDocument): void {
    this.document = document;
    this.panel.title = t('Preview: {0}', document.uri.path.split('/').pop() ?? '');
    this.tellSource();
    this.render();
  }

  /**
   * Brought into view where the command asks: a preview hidden behind the referat's tab in the same
   * group (she opened files while its group had focus) was updated unseen, and the command seemed to do nothing.
   */
  bringForward(column: vscode.ViewColumn): void {
    const editorColumn = vscode.window.activeTextEditor?.viewColumn;
    const sharesTheEditorsGroup = editorColumn !== undefined && this.panel.viewColumn === editorColumn;
    if (column === vscode.ViewColumn.Beside && sharesTheEditorsGroup) this.panel.reveal(vscode.ViewColumn.Beside, true);
    else if (!this.panel.visible) this.panel.reveal(this.panel.viewColumn, true);
  }

  setAudience(audience: Audience): void {
    this.audience = audience;
    this.tellSource();
    this.render();
  }

  /** The page keeps which referat it shows, and which version, for the panel's return after a reload (`PreviewState`). */
  private tellSource(): void {
    if (!this.document) return;
    const state: PreviewState = { uri: this.document.uri.toString(), audience: this.audience };
    void this.panel.webview.postMessage({ type: 'source', ...state });
  }

  toggleAudience(): void {
    this.setAudience(this.audience === 'internal' ? 'public' : 'internal');
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.render(), 150);
  }

  /**
   * The referat rendered by the server and shown. With no answer (the server not started yet, or
   * not yet told of the document: a preview restored with the window comes first) it asks again
   * shortly, a bounded number of times; a later edit or switch renders anew anyway.
   */
  render(attempt = 0, { whole = false }: { readonly whole?: boolean } = {}): void {
    const doc = this.document;
    if (!doc) return;
    const webview = this.panel.webview;
    const media = (name: string): string => webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'media', name)).toString();
    const version = doc.version;
    const again = (): void => {
      if (attempt >= RENDER_RETRIES || this.document !== doc || doc.version !== version) return;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.render(attempt + 1), RENDER_RETRY_MS);
    };
    // The page the webview holds, by the server's id: the answer may then be only what changed in it.
    const held = whole ? undefined : this.latest;
    const resources = { cspSource: webview.cspSource, nonce: this.nonce, styleUri: media('preview.css'), scriptUri: media('preview.js') };
    void render(this.client, doc, this.audience, resources, held?.id).then(
      (answer) => {
        // A refused public version shows the server's page saying why, with the toolbar to switch back.
        const page =
          answer && ('patch' in answer ? patched(held, answer.patch) : 'html' in answer ? { html: answer.html, id: answer.id } : { html: answer.page });
        // A change that does not make the page it says (never expected): the whole page, asked for at once.
        if (answer && 'patch' in answer && page === undefined && attempt < RENDER_RETRIES) return this.render(attempt + 1, { whole: true });
        if (page?.html === undefined) {
          again();
          return;
        }
        // Only the newest text is shown: an answer for an older version would flicker back.
        if (this.document !== doc || doc.version !== version) return;
        const shown = { html: page.html, ...(page.id !== undefined ? { id: page.id } : {}) };
        this.latest = shown;
        // Setting webview.html reloads the page, unstyled until its stylesheet is back: only the
        // first page is loaded so; later ones replace the body in place (media/preview.js), sent as
        // the change alone where there is one: the webview holds the page it changes, or asks for all of it.
        if (this.loaded === undefined) {
          this.loaded = shown;
          webview.html = shown.html;
        } else if (answer && 'patch' in answer) void webview.postMessage({ type: 'patch', ...answer.patch });
        else void webview.postMessage({ type: 'update', ...shown });
      },
      () => again(),
    );
  }

  private async reveal(line: number): Promise<void> {
    if (!this.document) return;
    const editor = await vscode.window.showTextDocument(this.document, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
    const pos = new vscode.Position(Math.min(line, this.document.lineCount - 1), 0);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.AtTop);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
    this.onDispose();
  }
}

let current: Preview | undefined;
/** The referat last in the editor: a command run from the walkthrough or a panel still finds it. */
let lastReferat: vscode.TextDocument | undefined;

/** The referat in an editor the window shows, if any. */
function visibleReferat(): vscode.TextDocument | undefined {
  return vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'referat')?.document;
}

function activeReferat(uri?: vscode.Uri): vscode.TextDocument | undefined {
  if (uri) return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const doc = vscode.window.activeTextEditor?.document;
  if (doc?.languageId === 'referat') return doc;
  const visible = visibleReferat();
  const last = lastReferat && !lastReferat.isClosed ? lastReferat : undefined;
  return current?.currentDocument ?? visible ?? last;
}

async function openPreview(context: vscode.ExtensionContext, client: ClientRef, column: vscode.ViewColumn, uri?: vscode.Uri): Promise<void> {
  const doc = activeReferat(uri) ?? (uri ? await vscode.workspace.openTextDocument(uri) : undefined);
  if (!doc) {
    void vscode.window.showInformationMessage(t('Open a referat to preview it.'));
    return;
  }
  if (current) {
    current.show(doc);
    current.bringForward(column);
    return;
  }
  const panel = vscode.window.createWebviewPanel(
    VIEW_TYPE,
    'Referat',
    { viewColumn: column, preserveFocus: true },
    { enableScripts: true, retainContextWhenHidden: false },
  );
  current = new Preview(panel, context, client, doc, () => (current = undefined));
}

/**
 * Errors left in the referat (a decision not written, a wrong date) are said before an export,
 * and she decides: an export is what gets published.
 */
async function confirmDespiteErrors(doc: vscode.TextDocument, client: ClientRef): Promise<boolean> {
  let summary: FindingsSummary | null = null;
  try {
    summary = (await client()?.sendRequest(Protocol.findingsRequest, { uri: doc.uri.toString() })) ?? null;
  } catch {
    // No server to ask: the diagnostics VS Code has are the best answer.
    const errors = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'referat' && d.severity === vscode.DiagnosticSeverity.Error);
    summary = { errors: errors.length, warnings: 0, firstErrors: errors.slice(0, 3).map((d) => ({ line: d.range.start.line, message: d.message })) };
  }
  if (!summary || summary.errors === 0) return true;
  const go = t('Export anyway');
  const detail = summary.firstErrors.map((e) => t('Line {0}: {1}', e.line + 1, e.message)).join('\n');
  const title = summary.errors === 1 ? t('The referat still has 1 error.') : t('The referat still has {0} errors.', summary.errors);
  return (await askModal(title, { detail }, go)) === go;
}

/** What an export did: the file it wrote, or the message it showed instead (a refused public version). */
export type ExportOutcome = { readonly written: vscode.Uri } | { readonly refused: string };

/** Asks for the version, then for a go-ahead if errors remain, and writes `<name>.intern.<format>` or `<name>.offentlig.<format>` next to the referat. */
async function exportReferat(client: ClientRef, format: ExportFormat, uri?: vscode.Uri): Promise<ExportOutcome | undefined> {
  const doc = activeReferat(uri) ?? (uri ? await vscode.workspace.openTextDocument(uri) : undefined);
  if (!doc) {
    void vscode.window.showInformationMessage(t('Open a referat to export it.'));
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(
    [
      {
        label: t('Public version'),
        description: t('Closed items show only their heading and journal number'),
        audience: 'public' as const,
      },
      { label: t('Internal version'), description: t('Everything, closed items included'), audience: 'internal' as const },
    ],
    { title: t('Export which version?') },
  );
  if (!pick) return undefined;
  return writeExport(client, doc, pick.audience, format);
}

/**
 * Writes the export next to the referat: `<name>.intern.html`, `<name>.offentlig.html`,
 * `<name>.intern.pdf` or `<name>.offentlig.pdf`: the version that holds the closed punkter says so in
 * its name, so that the file with the plain name is never taken for the one to publish. A public version the server refuses is written nowhere: she is told
 * why and on which line, and can go there (before being asked about other errors, since no
 * answer would make it). `confirmed` says the errors left were seen already.
 */
export async function writeExport(
  client: ClientRef,
  doc: vscode.TextDocument,
  audience: Audience,
  format: ExportFormat = 'html',
  { confirmed = false }: { readonly confirmed?: boolean } = {},
): Promise<ExportOutcome | undefined> {
  let bytes: Uint8Array;
  if (format === 'pdf') {
    const answer = await renderPdf(client, doc, audience);
    if (!answer) return undefined;
    if ('refused' in answer) return refuse(doc, answer.refused);
    bytes = answer.bytes;
  } else {
    const answer = await render(client, doc, audience);
    if (!answer) return undefined;
    if ('refused' in answer) return refuse(doc, answer.refused);
    // A change alone answers only a webview that said which page it holds.
    if (!('html' in answer)) return undefined;
    bytes = new TextEncoder().encode(answer.html);
  }
  if (!confirmed && !(await confirmDespiteErrors(doc, client))) return undefined;
  const base = doc.uri.path.replace(/\.referat$/, '');
  const target = doc.uri.with({ path: `${base}${audience === 'public' ? '.offentlig' : '.intern'}.${format}` });
  // An export never replaces an earlier one unasked.
  if (!confirmed && (await exists(target))) {
    const replace = t('Replace');
    if ((await askModal(t('{0} already exists. Replace it?', target.path.split('/').pop() ?? ''), {}, replace)) !== replace) return undefined;
  }
  await writeReplacing(target, bytes);
  const open = t('Open');
  void vscode.window.showInformationMessage(t('Exported {0}', target.path.split('/').pop() ?? ''), open).then((choice) => {
    if (choice === open) void vscode.env.openExternal(target);
  });
  return { written: target };
}

function refuse(doc: vscode.TextDocument, refused: RenderRefusal): ExportOutcome {
  const message = t('Line {0}: {1}', refused.line + 1, refused.message);
  const goTo = t('Go to the line');
  void vscode.window.showErrorMessage(message, goTo).then(async (choice) => {
    if (choice !== goTo) return;
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One });
    const pos = new vscode.Position(refused.line, refused.character);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenter);
  });
  return { refused: message };
}

/**
 * A preview open when the window was reloaded or VS Code closed comes back with the referat it
 * showed, in the version it showed; one whose referat is gone (moved, deleted) closes. Where the
 * page had not yet kept which referat it showed (the window closed at once), it shows the referat
 * in an editor beside it, as it would have followed that one anyway.
 */
async function restorePreview(context: vscode.ExtensionContext, client: ClientRef, panel: vscode.WebviewPanel, state: unknown): Promise<void> {
  const saved = isPreviewState(state) ? state : undefined;
  // A page at once: a restored webview left without one until the server answers stays blank in
  // VS Code for the web, even once the rendering arrives.
  panel.webview.html = placeholderPage();
  let doc: vscode.TextDocument | undefined;
  try {
    doc = saved ? await vscode.workspace.openTextDocument(vscode.Uri.parse(saved.uri)) : await referatInEditor();
  } catch {
    doc = undefined;
  }
  // One preview at a time: a second one restored (two windows' worth of state) is not kept.
  if (!doc || current) {
    panel.dispose();
    return;
  }
  current = new Preview(panel, context, client, doc, () => (current = undefined), saved?.audience ?? 'internal');
}

/** How long a restored preview without its state waits for the window's referat editors to come back. */
const RESTORE_WAIT_MS = 5_000;

/** The referat in a visible editor, or the first to become visible within RESTORE_WAIT_MS. */
function referatInEditor(): Promise<vscode.TextDocument | undefined> {
  const now = visibleReferat();
  if (now) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = (doc: vscode.TextDocument | undefined): void => {
      clearTimeout(timer);
      listener.dispose();
      resolve(doc);
    };
    const listener = vscode.window.onDidChangeVisibleTextEditors(() => {
      const doc = visibleReferat();
      if (doc) done(doc);
    });
    const timer = setTimeout(() => done(undefined), RESTORE_WAIT_MS);
  });
}

/** What a restored preview shows until its referat is rendered: no script, no resource. */
function placeholderPage(): string {
  const text = t('Rendering the preview…');
  return `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none';"></head><body><p>${text}</p></body></html>`;
}

function isPreviewState(state: unknown): state is PreviewState {
  if (typeof state !== 'object' || state === null) return false;
  const { uri, audience } = state as Record<string, unknown>;
  return typeof uri === 'string' && (audience === 'internal' || audience === 'public');
}

export function registerPreview(context: vscode.ExtensionContext, client: ClientRef): void {
  const remember = (editor: vscode.TextEditor | undefined): void => {
    if (editor?.document.languageId === 'referat') lastReferat = editor.document;
  };
  remember(vscode.window.activeTextEditor);
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state) => restorePreview(context, client, panel, state),
    }),
    vscode.window.onDidChangeActiveTextEditor(remember),
    vscode.commands.registerCommand('referat.openPreview', (uri?: vscode.Uri) => openPreview(context, client, vscode.ViewColumn.Active, uri)),
    vscode.commands.registerCommand('referat.openPreviewToSide', (uri?: vscode.Uri) => openPreview(context, client, vscode.ViewColumn.Beside, uri)),
    vscode.commands.registerCommand('referat.togglePreviewAudience', () => current?.toggleAudience()),
    vscode.commands.registerCommand('referat.exportHtml', (uri?: vscode.Uri, audience?: Audience, options?: { confirmed?: boolean }) =>
      exportCommand(client, 'html', uri, audience, options),
    ),
    vscode.commands.registerCommand('referat.exportPdf', (uri?: vscode.Uri, audience?: Audience, options?: { confirmed?: boolean }) =>
      exportCommand(client, 'pdf', uri, audience, options),
    ),
  );
}

/** Called with a version (tests, other extensions) it asks nothing more; `{ confirmed: true }` says the errors were seen. */
async function exportCommand(
  client: ClientRef,
  format: ExportFormat,
  uri: vscode.Uri | undefined,
  audience: Audience | undefined,
  options: { confirmed?: boolean } | undefined,
): Promise<ExportOutcome | undefined> {
  if (!audience) return exportReferat(client, format, uri);
  const doc = activeReferat(uri);
  return doc ? writeExport(client, doc, audience, format, { confirmed: options?.confirmed === true }) : undefined;
}

import * as vscode from 'vscode';
import { t } from './locale';
import type { LanguageClient, Middleware } from 'vscode-languageclient/node';
import { Protocol, type DocumentInfo } from '../../server/src/protocol';

/** The dialect is read from the document's lines: asked again this long after the last keystroke. */
const AFTER_TYPING_MS = 400;

/** What the status bar shows now: for the suite, which cannot read a status bar item's text from VS Code. */
export interface DialectStatusView {
  readonly visible: boolean;
  readonly text: string;
  readonly tooltip: string;
  /** What a screen reader says of the item: the tooltip's words without its Markdown. */
  readonly label: string;
}

/** The status bar's text, tooltip (Markdown) and spoken label for the dialect a referat is read in. */
function dialectStatusText(info: DocumentInfo): { text: string; tooltip: string; label: string } {
  const { id, name, about, from, config } = info.dialect;
  const what = `**${name}** (\`${id}\`): ${about}`;
  const named = from === 'referat.yaml' && config !== undefined;
  const how = named
    ? t('Named by [referat.yaml]({0}) (`dialekt: {1}`); change it there.', config, id)
    : t('Recognised from the lines of the document itself. A referat.yaml may name the dialect for its folder (`dialekt: {0}`).', id);
  const said = named ? t('Named by referat.yaml.') : t('Recognised from the lines of the document itself.');
  // The description's code marks (`Punkt N: Titel`) are no words: a screen reader would read them out.
  const spoken = about.replace(/[`*]/g, '');
  return { text: t('Referat: {0}', name), tooltip: `${what}\n\n${how}`, label: t('Referat dialect: {0}. {1} {2}', name, spoken, said) };
}

/**
 * The active referat's dialect in the status bar, asked of the server after it has the document
 * (its didOpen, each change, a referat.yaml changed on disk: the middleware below) and when another
 * editor becomes active. An answer that comes after a newer question is dropped, and a question
 * still open when a newer one is asked is cancelled.
 */
export class DialectStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('referat.dialect', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  private asking: vscode.CancellationTokenSource | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private shown: DialectStatusView = { visible: false, text: '', tooltip: '', label: '' };

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.item.name = t('Referat dialect');
    this.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(() => this.refresh()));
  }

  /** The language client's middleware: the question goes after the notification it depends on. */
  readonly middleware: Middleware = {
    didOpen: async (doc, next) => {
      await next(doc);
      if (doc === vscode.window.activeTextEditor?.document) this.refresh();
    },
    didChange: async (change, next) => {
      await next(change);
      // A referat.yaml edited in the editor counts once saved, when the watcher below sees it.
      if (change.document === vscode.window.activeTextEditor?.document) this.later();
    },
    workspace: {
      didChangeWatchedFile: async (event, next) => {
        await next(event);
        if (event.uri.endsWith('/referat.yaml')) this.later();
      },
    },
  };

  view(): DialectStatusView {
    return this.shown;
  }

  private later(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh();
    }, AFTER_TYPING_MS);
  }

  /** Asks for the active editor's referat; hides the item where there is none. */
  refresh(): void {
    this.asking?.cancel();
    this.asking = undefined;
    const doc = vscode.window.activeTextEditor?.document;
    const client = this.client();
    if (!doc || doc.languageId !== 'referat' || !client?.isRunning()) {
      this.show(undefined);
      return;
    }
    const asking = new vscode.CancellationTokenSource();
    this.asking = asking;
    client.sendRequest<DocumentInfo | null>(Protocol.documentInfoRequest, { uri: doc.uri.toString() }, asking.token).then(
      (info) => {
        // A newer question was asked meanwhile: its answer decides. null: the server's didOpen is on its way, and its middleware asks again.
        if (this.asking !== asking || info === null) return;
        this.show(dialectStatusText(info));
      },
      () => undefined,
    );
  }

  private show(status: { text: string; tooltip: string; label: string } | undefined): void {
    if (!status) {
      this.item.hide();
      this.shown = { visible: false, text: '', tooltip: '', label: '' };
      return;
    }
    this.item.text = status.text;
    const tooltip = new vscode.MarkdownString(status.tooltip);
    this.item.tooltip = tooltip;
    // Without it a screen reader reads the tooltip's Markdown, asterisks and backticks included.
    this.item.accessibilityInformation = { label: status.label };
    this.item.show();
    this.shown = { visible: true, ...status };
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.asking?.cancel();
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { join } from 'node:path';
import { repoRoot } from '../helpers';
import { Protocol, type IndexedParams } from '../../server/src/protocol';

export const uriOf = (path: string): string => pathToFileURL(path).href;

export interface ShowDocument {
  readonly uri: string;
  readonly takeFocus?: boolean;
  readonly selection?: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/**
 * The built server, started as another editor would start it, with a real JSON-RPC client. The one
 * LSP client of the project: the protocol tests use it, and the benchmarks (bundled as
 * out/bench/lspClient.js).
 */
export class LspClient {
  readonly child: ChildProcess;
  readonly conn: MessageConnection;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly logs: string[] = [];
  /** Work-done progress as the client saw it: token created, then each $/progress value. */
  readonly progress: { token: unknown; kind: string; percentage?: number; message?: string }[] = [];
  private waiters: { test: () => boolean; resolve: () => void }[] = [];
  stderr = '';
  /** window/showDocument requests from the server, in order. */
  readonly shown: ShowDocument[] = [];
  indexed?: IndexedParams;

  constructor(env: Record<string, string> = {}) {
    this.child = spawn(process.execPath, [join(repoRoot, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    this.child.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.conn = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    // Every notification, kept as each test needs it and offered to whoever waits for one.
    this.conn.onNotification((method: string, params: unknown) => {
      if (method === 'textDocument/publishDiagnostics') {
        const p = params as PublishDiagnosticsParams;
        this.diagnostics.set(p.uri, p);
      } else if (method === 'window/logMessage') this.logs.push((params as { message: string }).message);
      else if (method === Protocol.indexedNotification) this.indexed = params as IndexedParams;
      for (const l of [...this.listeners]) l(method, params);
      this.poke();
    });
    // Progress comes on its own channel in vscode-jsonrpc, not to the catch-all handler.
    this.conn.onNotification('$/progress', (p: { token: unknown; value: { kind: string; percentage?: number; message?: string } }) => {
      this.progress.push({
        token: p.token,
        kind: p.value.kind,
        ...(p.value.percentage !== undefined ? { percentage: p.value.percentage } : {}),
        ...(p.value.message !== undefined ? { message: p.value.message } : {}),
      });
    });
    this.conn.onRequest('window/workDoneProgress/create', (p: { token: unknown }) => {
      this.progress.push({ token: p.token, kind: 'create' });
      return null;
    });
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/showDocument', (p: ShowDocument) => {
      this.shown.push(p);
      this.poke();
      return { success: true };
    });
    this.conn.listen();
  }

  private poke(): void {
    this.waiters = this.waiters.filter((w) => {
      if (!w.test()) return true;
      w.resolve();
      return false;
    });
  }

  /** Resolves when the condition holds; rejects after a generous limit (a hang, not a timing check). */
  until(test: () => boolean, what: string, ms = 30_000): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
      this.waiters.push({ test, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  async initialize(
    root: string | null,
    initializationOptions: Record<string, unknown> = {},
    capabilities: { window?: Record<string, unknown> } = {},
  ): Promise<unknown> {
    const result = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: root ? uriOf(root) : null,
      workspaceFolders: root ? [{ uri: uriOf(root), name: 'ws' }] : null,
      capabilities: { window: { workDoneProgress: true, ...capabilities.window }, workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
      initializationOptions,
    });
    await this.conn.sendNotification('initialized', {});
    return result;
  }

  private readonly listeners = new Set<(method: string, params: unknown) => void>();

  /** Every notification from now on, until the returned function is called. */
  listen(l: (method: string, params: unknown) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** The next notification of this method (that passes the test), from now on. */
  waitFor<P>(method: string, test: (params: P) => boolean = () => true): Promise<P> {
    return new Promise((resolve) => {
      const l = (m: string, p: unknown): void => {
        if (m !== method || !test(p as P)) return;
        this.listeners.delete(l);
        resolve(p as P);
      };
      this.listeners.add(l);
    });
  }

  /** The next window/showDocument the server sends. */
  async waitForShowDocument(): Promise<ShowDocument> {
    const seen = this.shown.length;
    await this.until(() => this.shown.length > seen, 'window/showDocument');
    return this.shown[seen]!;
  }

  async waitIndexed(): Promise<void> {
    await this.until(() => this.indexed !== undefined, 'the archive index');
  }

  async open(path: string, text: string, languageId = 'referat', version = 1): Promise<string> {
    const uri = uriOf(path);
    this.diagnostics.delete(uri);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    return uri;
  }

  async diagnosticsFor(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    await this.until(() => {
      const d = this.diagnostics.get(uri);
      return d !== undefined && (version === undefined || d.version === version);
    }, `diagnostics for ${uri}`);
    return this.diagnostics.get(uri)!;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    this.conn.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}

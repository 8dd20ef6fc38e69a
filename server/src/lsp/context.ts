import { LSPErrorCodes, ResponseError, type Connection, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CancelledError, type ReferatLanguageService } from '../service/languageService';

/** The editor's own settings for the server (referat.validate.*); rule severities go to the service. */
export interface ValidationSettings {
  trigger: 'onSave' | 'onType';
  debounceMs: number;
}

/** What each feature's wiring needs; one per server. */
export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly service: ReferatLanguageService;
  validation: ValidationSettings;
  /** The client can open a document at a position (window/showDocument). */
  canShowDocument: boolean;
  /** The client has the command that adds a word to the user's own word list (our VS Code extension). */
  personalWordList?: boolean;
  /** The client has the command that approves the referat (our VS Code extension): a quick fix of a change after the approval runs it. */
  approveCommand?: boolean;
}

export function log(ctx: ServerContext, message: string): void {
  ctx.connection.console.log(message);
}

/** An open referat: by its extension, or by the language the editor gave it. */
export function openReferat(ctx: ServerContext, uri: string): TextDocument | undefined {
  const doc = ctx.documents.get(uri);
  return doc && (uri.endsWith('.referat') || doc.languageId === 'referat') ? doc : undefined;
}

/** One line of an open document, without its line break; undefined outside the document. */
export function lineOf(doc: TextDocument, line: number): string | undefined {
  if (line < 0 || line >= doc.lineCount) return undefined;
  return doc.getText({ start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } }).replace(/\r?\n$|\r$/, '');
}

/**
 * Every handler answers; an exception becomes a log line and an empty answer, never a dead server.
 * A request the client cancelled is answered with LSP's RequestCancelled.
 */
export function safe<A extends unknown[], R>(ctx: ServerContext, name: string, empty: R, fn: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (e) {
      if (e instanceof CancelledError) throw new ResponseError(LSPErrorCodes.RequestCancelled, e.message);
      log(ctx, `referat: ${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return empty;
    }
  };
}

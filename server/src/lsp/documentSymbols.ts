import type { DocumentSymbol } from 'vscode-languageserver/node';
import { openReferat, safe, type ServerContext } from './context';

export function registerDocumentSymbols(ctx: ServerContext): void {
  ctx.connection.onDocumentSymbol(
    safe(ctx, 'documentSymbol', [] as DocumentSymbol[], (params, token) => {
      const doc = openReferat(ctx, params.textDocument.uri);
      return doc ? ctx.service.documentSymbols(doc, token) : [];
    }),
  );
}

import type { DocumentSymbol } from 'vscode-languageserver/node';
import { openReferat, type ServerContext } from './context';
import { safeRequest } from './requestParams';

export function registerDocumentSymbols(ctx: ServerContext): void {
  ctx.connection.onDocumentSymbol(
    safeRequest(ctx, 'documentSymbol', [] as DocumentSymbol[], ['textDocument'], (params, token) => {
      const doc = openReferat(ctx, params.textDocument.uri);
      return doc ? ctx.service.documentSymbols(doc, token) : [];
    }),
  );
}

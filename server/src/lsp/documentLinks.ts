import type { DocumentLink } from 'vscode-languageserver/node';
import { openReferat, type ServerContext } from './context';
import { safeRequest } from './requestParams';

export function registerDocumentLinks(ctx: ServerContext): void {
  ctx.connection.onDocumentLinks(
    safeRequest(ctx, 'documentLink', [] as DocumentLink[], ['textDocument'], (params, token) => {
      const doc = openReferat(ctx, params.textDocument.uri);
      return doc ? ctx.service.documentLinks(doc, token) : [];
    }),
  );
}

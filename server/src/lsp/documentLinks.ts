import type { DocumentLink } from 'vscode-languageserver/node';
import { openReferat, safe, type ServerContext } from './context';

export function registerDocumentLinks(ctx: ServerContext): void {
  ctx.connection.onDocumentLinks(
    safe(ctx, 'documentLink', [] as DocumentLink[], (params, token) => {
      const doc = openReferat(ctx, params.textDocument.uri);
      return doc ? ctx.service.documentLinks(doc, token) : [];
    }),
  );
}

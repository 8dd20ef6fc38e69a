import type { Location } from 'vscode-languageserver/node';
import { openReferat, type ServerContext } from './context';
import { safeRequest } from './requestParams';

export function registerReferences(ctx: ServerContext): void {
  ctx.connection.onReferences(
    safeRequest(ctx, 'references', [] as Location[], ['textDocument', 'position', 'referenceContext'], (params, token) => {
      const doc = openReferat(ctx, params.textDocument.uri);
      return doc ? ctx.service.references(doc, params.position, { includeDeclaration: params.context.includeDeclaration }, token) : [];
    }),
  );
}

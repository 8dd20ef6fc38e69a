import type { Location } from 'vscode-languageserver/node';
import { openReferat, safe, type ServerContext } from './context';

export function registerReferences(ctx: ServerContext): void {
  ctx.connection.onReferences(
    safe(ctx, 'references', [] as Location[], (params, token) => {
      const doc = openReferat(ctx, params.textDocument.uri);
      return doc ? ctx.service.references(doc, params.position, { includeDeclaration: params.context.includeDeclaration }, token) : [];
    }),
  );
}

import type { Location } from 'vscode-languageserver/node';
import { openReferat, type ServerContext } from './context';
import { safeRequest } from './requestParams';

export function registerDefinition(ctx: ServerContext): void {
  ctx.connection.onDefinition(
    safeRequest(ctx, 'definition', null as Location | null, ['textDocument', 'position'], (params, token) => {
      const doc = openReferat(ctx, params.textDocument.uri);
      return doc ? ctx.service.definition(doc, params.position, token) : null;
    }),
  );
}

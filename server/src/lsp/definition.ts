import type { Location } from 'vscode-languageserver/node';
import { openReferat, safe, type ServerContext } from './context';

export function registerDefinition(ctx: ServerContext): void {
  ctx.connection.onDefinition(
    safe(ctx, 'definition', null as Location | null, (params, token) => {
      const doc = openReferat(ctx, params.textDocument.uri);
      return doc ? ctx.service.definition(doc, params.position, token) : null;
    }),
  );
}

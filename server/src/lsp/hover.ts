import type { Hover } from 'vscode-languageserver/node';
import { lineOf, openReferat, safe, type ServerContext } from './context';

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover(
    safe(ctx, 'hover', null as Hover | null, (params, token) => {
      const doc = openReferat(ctx, params.textDocument.uri);
      return doc ? ctx.service.hover(doc, params.position, lineOf(doc, params.position.line), token) : null;
    }),
  );
}

import type { Hover } from 'vscode-languageserver/node';
import { lineOf, openReferat, type ServerContext } from './context';
import { safeRequest } from './requestParams';

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover(
    safeRequest(ctx, 'hover', null as Hover | null, ['textDocument', 'position'], (params, token) => {
      const doc = openReferat(ctx, params.textDocument.uri);
      return doc ? ctx.service.hover(doc, params.position, lineOf(doc, params.position.line), token) : null;
    }),
  );
}

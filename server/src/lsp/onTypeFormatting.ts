import type { TextEdit } from 'vscode-languageserver/node';
import { openReferat, type ServerContext } from './context';
import { safeRequest } from './requestParams';

export function registerOnTypeFormatting(ctx: ServerContext): void {
  ctx.connection.onDocumentOnTypeFormatting(
    safeRequest(ctx, 'onTypeFormatting', [] as TextEdit[], ['textDocument', 'position'], (params, token) => {
      const doc = openReferat(ctx, params.textDocument.uri);
      if (params.ch !== '\n' || !doc) return [];
      return ctx.service.onEnter(doc, params.position, token);
    }),
  );
}

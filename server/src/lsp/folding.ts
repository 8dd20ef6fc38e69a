import type { FoldingRange } from 'vscode-languageserver/node';
import { openReferat, type ServerContext } from './context';
import { safeRequest } from './requestParams';

export function registerFolding(ctx: ServerContext): void {
  ctx.connection.onFoldingRanges(
    safeRequest(ctx, 'foldingRange', [] as FoldingRange[], ['textDocument'], (params, token) => {
      const doc = openReferat(ctx, params.textDocument.uri);
      return doc ? ctx.service.foldingRanges(doc, token) : [];
    }),
  );
}

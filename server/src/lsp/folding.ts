import type { FoldingRange } from 'vscode-languageserver/node';
import { openReferat, safe, type ServerContext } from './context';

export function registerFolding(ctx: ServerContext): void {
  ctx.connection.onFoldingRanges(
    safe(ctx, 'foldingRange', [] as FoldingRange[], (params, token) => {
      const doc = openReferat(ctx, params.textDocument.uri);
      return doc ? ctx.service.foldingRanges(doc, token) : [];
    }),
  );
}

import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver/node';
import { documentSymbols } from '../features/symbols';
import { foldingRanges } from '../features/folding';
import { ServerContext, safe } from './context';

export function registerSymbols(ctx: ServerContext): void {
  ctx.connection.onDocumentSymbol(
    safe(ctx, 'documentSymbol', [] as DocumentSymbol[], (params) => {
      const doc = ctx.documents.get(params.textDocument.uri);
      return doc && ctx.isReferat(doc.uri) ? documentSymbols(ctx.referat(doc), ctx.locale) : [];
    }),
  );
}

export function registerFolding(ctx: ServerContext): void {
  ctx.connection.onFoldingRanges(
    safe(ctx, 'foldingRange', [] as FoldingRange[], (params) => {
      const doc = ctx.documents.get(params.textDocument.uri);
      return doc && ctx.isReferat(doc.uri) ? foldingRanges(ctx.referat(doc)) : [];
    }),
  );
}

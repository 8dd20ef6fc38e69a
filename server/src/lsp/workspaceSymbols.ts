import type { SymbolInformation } from 'vscode-languageserver/node';
import { type ServerContext } from './context';
import { safeRequest } from './requestParams';

export function registerWorkspaceSymbols(ctx: ServerContext): void {
  ctx.connection.onWorkspaceSymbol(
    safeRequest(ctx, 'workspaceSymbol', [] as SymbolInformation[], ['query'], (params, token) => ctx.service.workspaceSymbols(params.query, token)),
  );
}

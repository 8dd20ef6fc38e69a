import type { SymbolInformation } from 'vscode-languageserver/node';
import { safe, type ServerContext } from './context';

export function registerWorkspaceSymbols(ctx: ServerContext): void {
  ctx.connection.onWorkspaceSymbol(
    safe(ctx, 'workspaceSymbol', [] as SymbolInformation[], (params, token) => ctx.service.workspaceSymbols(params.query, token)),
  );
}

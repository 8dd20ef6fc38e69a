import type { CancellationToken } from 'vscode-languageserver/node';
import type { Position } from '../syntax/range';
import { Protocol } from '../protocol';
import { openReferat, safe, type ServerContext } from './context';

type CommandHandler = (args: readonly unknown[], token: CancellationToken) => unknown;

/** The commands the server carries out (workspace/executeCommand has one handler per connection). */
export const SERVER_COMMANDS = [Protocol.caseHistoryCommand, Protocol.moveCursorCommand];

export function registerCommands(ctx: ServerContext): void {
  const handlers: Record<string, CommandHandler> = {
    // Sagshistorik: `[journalNumber]` or `[uri, position]`.
    [Protocol.caseHistoryCommand]: ([first, second], token) => {
      if (typeof first !== 'string') return [];
      if (!first.includes(':')) return ctx.service.caseHistory(first, token);
      const doc = openReferat(ctx, first);
      return doc && isPosition(second) ? ctx.service.caseHistory({ doc, position: second }, token) : [];
    },
    // After a fix that adds an empty section: the cursor goes into it, where the editor can put it.
    [Protocol.moveCursorCommand]: async ([uri, position]) => {
      if (typeof uri !== 'string' || !isPosition(position) || !ctx.canShowDocument) return null;
      await ctx.connection.window.showDocument({ uri, selection: { start: position, end: position }, takeFocus: true });
      return null;
    },
  };
  ctx.connection.onExecuteCommand(
    safe(ctx, 'executeCommand', null, (params, token) => {
      const handler = handlers[params.command];
      return handler ? handler(params.arguments ?? [], token) : null;
    }),
  );
}

function isPosition(p: unknown): p is Position {
  return typeof p === 'object' && p !== null && typeof (p as Position).line === 'number' && typeof (p as Position).character === 'number';
}

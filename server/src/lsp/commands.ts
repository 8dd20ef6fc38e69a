import type { Position } from '../syntax/range';
import { Protocol } from '../protocol';
import { ServerContext, safe } from './context';

type CommandHandler = (args: readonly unknown[]) => unknown;

/** workspace/executeCommand has one handler per connection; each feature adds its commands here. */
export function registerCommands(ctx: ServerContext, handlers: Readonly<Record<string, CommandHandler>>): void {
  const all: Record<string, CommandHandler> = {
    ...handlers,
    // After a fix that adds an empty section: the cursor goes into it, where an editor can put it.
    [Protocol.moveCursorCommand]: async ([uri, position]) => {
      if (typeof uri !== 'string' || !isPosition(position) || !ctx.canShowDocument) return null;
      await ctx.connection.window.showDocument({ uri, selection: { start: position, end: position }, takeFocus: true });
      return null;
    },
  };
  ctx.connection.onExecuteCommand(
    safe(ctx, 'executeCommand', null as unknown, (params) => {
      const handler = all[params.command];
      return handler ? handler(params.arguments ?? []) : null;
    }),
  );
}

export function commandNames(extra: readonly string[]): string[] {
  return [...extra, Protocol.moveCursorCommand];
}

function isPosition(p: unknown): p is Position {
  return typeof p === 'object' && p !== null && typeof (p as Position).line === 'number' && typeof (p as Position).character === 'number';
}

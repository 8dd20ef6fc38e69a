import { CancellationToken, type ExecuteCommandParams } from 'vscode-languageserver/node';
import type { Position } from '../syntax/range';
import { capitalize, localize } from '../i18n/locale';
import { Protocol, type ApprovalCandidates, type ApproveAnswer, type ApproveParams } from '../protocol';
import { openReferat, type ServerContext } from './context';
import { safeRequest } from './requestParams';

type CommandHandler = (args: readonly unknown[], token: CancellationToken) => unknown;

/** The commands the server carries out (workspace/executeCommand has one handler per connection). */
export const SERVER_COMMANDS = [Protocol.caseHistoryCommand, Protocol.moveCursorCommand, Protocol.approvalCandidatesCommand, Protocol.approveCommand];

export function registerCommands(ctx: ServerContext): void {
  const handlers: Record<string, CommandHandler> = {
    // Sagshistorik: `[journalNumber]` or `[uri, position]`.
    [Protocol.caseHistoryCommand]: ([first, second], token) => {
      if (typeof first !== 'string') return [];
      if (!first.includes(':')) return ctx.service.caseHistory(first, token);
      const doc = openReferat(ctx, first);
      return doc && isPosition(second) ? ctx.service.caseHistory({ doc, position: second }, token) : [];
    },
    // Godkend referat: whom to offer, then the approval as an edit of the open document.
    [Protocol.approvalCandidatesCommand]: async ([uri], token): Promise<ApprovalCandidates | null> => {
      const doc = typeof uri === 'string' ? openReferat(ctx, uri) : undefined;
      if (!doc) return null;
      return ctx.service.approvalCandidates(doc, token);
    },
    [Protocol.approveCommand]: async ([uri, params], token): Promise<ApproveAnswer | null> => {
      const doc = typeof uri === 'string' ? openReferat(ctx, uri) : undefined;
      if (!doc || !isApproveParams(params)) return null;
      const version = doc.version;
      const approved = await ctx.service.approve(doc, { by: params.by, date: params.date, force: params.force }, token);
      const locale = ctx.service.locale;
      if (!approved.ok) return { ok: false, approved: approved.kind === 'approved', message: localize(approved.problem, locale) };
      // Each a message of its own: a sentence. The errors the text has are not among them: the editor asked about those first.
      return { ok: true, version, edit: approved.edit, warnings: approved.warnings.map((w) => sentence(localize(w, locale))) };
    },
    // After a fix that adds an empty section: the cursor goes into it, where the editor can put it.
    [Protocol.moveCursorCommand]: async ([uri, position]) => {
      if (typeof uri !== 'string' || !isPosition(position) || !ctx.canShowDocument) return null;
      await ctx.connection.window.showDocument({ uri, selection: { start: position, end: position }, takeFocus: true });
      return null;
    },
  };
  ctx.connection.onExecuteCommand(
    safeRequest(ctx, 'executeCommand', null, ['command'], (params: ExecuteCommandParams, token?: CancellationToken) => {
      const handler = handlers[params.command];
      return handler ? handler(params.arguments ?? [], token ?? CancellationToken.None) : null;
    }),
  );
}

/** A clause (`godkendelsesdatoen … er før mødet …`) as a message: capital first letter, a full stop. */
function sentence(clause: string): string {
  const text = capitalize(clause);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function isPosition(p: unknown): p is Position {
  return typeof p === 'object' && p !== null && typeof (p as Position).line === 'number' && typeof (p as Position).character === 'number';
}

function isApproveParams(p: unknown): p is ApproveParams {
  if (typeof p !== 'object' || p === null) return false;
  const { by, date, force } = p as ApproveParams;
  return Array.isArray(by) && by.every((b) => typeof b === 'string') && typeof date === 'string' && typeof force === 'boolean';
}

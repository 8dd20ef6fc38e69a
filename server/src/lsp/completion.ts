import type { CompletionList } from 'vscode-languageserver/node';
import { kleCatalog } from '../model/kle';
import { complete } from '../features/completion';
import { ServerContext, safe } from './context';

export function registerCompletion(ctx: ServerContext): void {
  ctx.connection.onCompletion(
    safe(ctx, 'completion', { isIncomplete: false, items: [] } as CompletionList, async (params) => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc || !ctx.isReferat(doc.uri)) return { isIncomplete: false, items: [] };
      const line = params.position.line;
      if (line < 0 || line >= doc.lineCount) return { isIncomplete: false, items: [] };
      const lineText = doc.getText({ start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } }).replace(/\r?\n$|\r$/, '');
      const position = { line, character: Math.max(0, Math.min(params.position.character, lineText.length)) };
      const fileName = decodeURIComponent(doc.uri.split('/').pop() ?? '');
      return complete(ctx.referat(doc), lineText, position, { catalog: await ctx.catalogFor(doc.uri), kle: kleCatalog(), locale: ctx.locale, fileName });
    }),
  );
}

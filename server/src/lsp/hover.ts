import type { Hover } from 'vscode-languageserver/node';
import { kleCatalog } from '../model/kle';
import { hover } from '../features/hover';
import { ServerContext, safe } from './context';

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover(
    safe(ctx, 'hover', null as Hover | null, async (params) => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc || !ctx.isReferat(doc.uri)) return null;
      const line = params.position.line;
      const lineText = line >= 0 && line < doc.lineCount ? doc.getText({ start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } }).replace(/\r?\n$|\r$/, '') : undefined;
      return hover(ctx.referat(doc), params.position, { kle: kleCatalog(), catalog: await ctx.catalogFor(doc.uri), locale: ctx.locale }, lineText);
    }),
  );
}

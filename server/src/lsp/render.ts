import { randomUUID } from 'node:crypto';
import type { CancellationToken } from 'vscode-languageserver/node';
import { localize } from '../i18n/locale';
import { PdfThreads } from '../node/pdfJob';
import { Protocol, type PagePatch, type RenderAnswer, type RenderParams, type RenderPdfAnswer, type RenderPdfParams, type RenderRefusal } from '../protocol';
import type { RenderRefusal as ServiceRefusal } from '../service/languageService';
import { commonPrefix, commonSuffix } from '../syntax/lexer';
import { openReferat, type ServerContext } from './context';
import { safeRequest } from './requestParams';

/**
 * The preview and the exports: the referat as it will be published, rendered by the service,
 * which also refuses a public version that may not be made; its reason goes out in the display
 * language. A PDF is made on a thread of its own, so hover and diagnostics never wait for an
 * export, and a cancelled export ends its thread.
 */
export function registerRender(ctx: ServerContext): void {
  const pages = new PreviewPages();
  const pdfs = new PdfThreads({
    local: (job) => ctx.service.renderPdf({ uri: job.uri, version: job.version, getText: () => job.text }, job.options),
  });
  const refusal = (r: ServiceRefusal): RenderRefusal => ({
    line: r.range.start.line,
    character: r.range.start.character,
    message: localize(r.message, ctx.service.locale),
  });

  ctx.connection.onRequest(
    Protocol.renderRequest,
    safeRequest(
      ctx,
      'render',
      null as RenderAnswer | null,
      ['uri', 'audience', 'webview'],
      async (params: RenderParams, token?: CancellationToken): Promise<RenderAnswer | null> => {
        const doc = openReferat(ctx, params.uri);
        if (!doc) return null;
        const options = {
          audience: params.audience === 'public' ? ('public' as const) : ('internal' as const),
          locale: ctx.service.locale,
          ...(params.webview ? { webview: params.webview } : {}),
        };
        const rendered = await ctx.service.renderHtml(doc, options, token);
        if (rendered.output !== null)
          return params.webview ? pages.answer(`${params.audience}\n${params.uri}`, rendered.output, params.since) : { html: rendered.output };
        // The preview shows why, with its toolbar to switch back; an export gets no page to write.
        return { refused: refusal(rendered.refused), ...(params.webview ? { page: await ctx.service.refusalPage(rendered.refused, options) } : {}) };
      },
    ),
  );

  ctx.connection.onRequest(
    Protocol.renderPdfRequest,
    safeRequest(
      ctx,
      'renderPdf',
      null as RenderPdfAnswer | null,
      ['uri', 'audience'],
      async (params: RenderPdfParams, token?: CancellationToken): Promise<RenderPdfAnswer | null> => {
        const doc = openReferat(ctx, params.uri);
        if (!doc) return null;
        const cancel = new AbortController();
        const listening = token?.onCancellationRequested(() => cancel.abort());
        let rendered;
        try {
          const job = {
            uri: doc.uri,
            version: doc.version,
            text: doc.getText(),
            options: { audience: params.audience === 'public' ? 'public' : 'internal' } as const,
          };
          rendered = await pdfs.render(job, cancel.signal);
        } finally {
          listening?.dispose();
        }
        // Whoever cancelled reads no answer.
        if (rendered === 'cancelled') return null;
        // JSON-RPC carries text: the PDF travels as base64 (a third larger, once per export).
        return rendered.output !== null ? { pdf: Buffer.from(rendered.output).toString('base64') } : { refused: refusal(rendered.refused) };
      },
    ),
  );
}

/** Previews' last pages kept at once (a page per referat and edition a preview shows). */
const PREVIEW_PAGES_KEPT = 8;

/**
 * The last page sent to each preview, by edition and referat: the next rendering goes to a webview
 * that holds it as the change alone. Ids are unique to this server, so a page a webview kept from
 * one that was restarted is never taken for this one's.
 */
class PreviewPages {
  private readonly kept = new Map<string, { readonly id: string; readonly html: string }>();
  private readonly server = randomUUID();
  private made = 0;

  answer(key: string, html: string, since: string | undefined): RenderAnswer {
    const last = this.kept.get(key);
    const id = `${this.server}:${++this.made}`;
    this.kept.delete(key);
    this.kept.set(key, { id, html });
    for (const oldest of this.kept.keys()) {
      if (this.kept.size <= PREVIEW_PAGES_KEPT) break;
      this.kept.delete(oldest);
    }
    return since !== undefined && last?.id === since ? { patch: pagePatch(last.html, html, last.id, id) } : { html, id };
  }
}

/** The change from one page to the next: where they start and stop differing, by native comparisons. */
export function pagePatch(before: string, after: string, from: string, id: string): PagePatch {
  // Never between the halves of a character beyond the BMP (an emoji): the change is whole text.
  let start = commonPrefix(before, after);
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  let same = commonSuffix(before, after, start);
  if (same > 0 && isLowSurrogate(after.charCodeAt(after.length - same))) same--;
  return { from, id, start, end: before.length - same, text: after.slice(start, after.length - same), length: after.length };
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

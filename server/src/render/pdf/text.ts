import type { Block, PdfDocumentModel, Run } from './model';

/**
 * Every text a PDF of this model shows or carries, in reading order: the title (metadata and
 * window title), the running header, each block's text, each bookmark's title, the contents.
 * Blocks end lines; the runs of one block join as they are drawn, so a number split between an
 * emphasis and plain text reads as one, as it does on the page.
 */
export function modelText(model: PdfDocumentModel, extra: readonly string[] = []): string {
  const out: string[] = [model.title, model.running, model.edition, ...extra];
  const runs = (r: readonly Run[]): string => r.map((x) => x.text).join('');
  const walk = (b: Block): void => {
    switch (b.kind) {
      case 'heading':
        out.push(runs(b.runs));
        if (b.anchor) out.push(b.anchor.title);
        if (b.badge) out.push(b.badge);
        return;
      case 'para':
        out.push(runs(b.runs));
        return;
      case 'list':
        for (const item of b.items) {
          out.push(item.label);
          item.blocks.forEach(walk);
        }
        return;
      case 'quote':
      case 'sect':
        b.blocks.forEach(walk);
        return;
      case 'table':
        for (const row of b.rows) for (const cell of row.cells) out.push(runs(cell.runs));
        return;
      case 'fields':
        for (const row of b.rows) out.push(row.label, row.value);
        return;
      case 'toc':
        for (const e of b.entries) out.push(e.title);
        return;
      case 'signatures':
        out.push(...b.names);
        return;
      case 'rule':
        return;
    }
  };
  model.blocks.forEach(walk);
  return out.join('\n');
}

import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import type { Block, ListItem, Run, TableRow } from './model';
import type { Face } from './style';
import { tabTables } from '../tabTable';

// The same reading of body text as the HTML renderer: raw HTML stays text, links only to the
// web and to mail, no images.
const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });
// No indented code blocks: indentation in minutes is layout (imported text, a wrapped list), never code.
md.disable(['image', 'code']);
md.use(tabTables);
md.validateLink = (url: string): boolean => /^(https?:|mailto:)/i.test(url.trim());

const BULLET = /^([ \t]*)([-*+•]|\d{1,9}[.)])([ \t]+)(.*)$/;
const EMPTY_BULLET = /^[ \t]*[-*+•][ \t]*$/;

/**
 * Body text as the secretaries write it, made into CommonMark: a line that is only `-` is
 * dropped (an empty bullet, or markdown-it would read it as a heading underline), `•` is a
 * bullet, and a bullet indented by any amount under another is nested under it (CommonMark
 * wants it under the parent's text, so ` - x` below `- y` would otherwise be a sibling).
 */
export function normalizeBody(text: string): string {
  const out: string[] = [];
  // Open list items: their indent as written and the column their text starts at as rewritten.
  let stack: { indent: number; content: number }[] = [];
  for (const raw of text.split('\n')) {
    // Tabs before the text are its indentation; a tab inside it sets out a table's cells (`tabTables`).
    const line = raw.replace(/^[ \t]+/, (indent) => indent.replace(/\t/g, '    '));
    if (EMPTY_BULLET.test(line)) continue;
    const m = BULLET.exec(line);
    if (m) {
      const indent = m[1]!.length;
      while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
      // A first bullet goes to the margin: four spaces before it would be code in CommonMark.
      const at = stack.length > 0 ? stack[stack.length - 1]!.content : 0;
      const marker = m[2] === '•' ? '-' : m[2]!;
      out.push(`${' '.repeat(at)}${marker} ${m[4]}`);
      stack.push({ indent, content: at + marker.length + 1 });
    } else if (line.trim() === '') {
      out.push('');
    } else if (/^[ \t]/.test(line) && stack.length > 0) {
      // An indented line under a bullet continues that item.
      out.push(`${' '.repeat(stack[stack.length - 1]!.content)}${line.trimStart()}`);
    } else {
      if (!/^[ \t]/.test(line)) stack = [];
      out.push(line);
    }
  }
  return out.join('\n');
}

/** Body text (Markdown-ish) as blocks. Headings inside body text sit under the section's H3. */
export function markdownBlocks(text: string): Block[] {
  const tokens = md.parse(normalizeBody(text), {});
  const reader = new TokenReader(tokens);
  return reader.blocks(undefined, 0);
}

/** Plain text (no Markdown) as one run, with the characters a PDF cannot show removed. */
export function plainRuns(text: string, face: Face = 'regular'): Run[] {
  const t = clean(text);
  return t.trim() === '' ? [] : [{ text: t, face }];
}

// Tabs become spaces; control characters, soft hyphens (no hyphenation here, so they would show
// as hyphens) and zero-width characters have nothing to draw.
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  return text.replace(/\t/g, ' ').replace(/[\u0000-\u0009\u000b-\u001f\u007f\u00ad\u200b-\u200d\u2060\ufeff]/g, '');
}

const BULLETS = ['•', '–', '◦'];

class TokenReader {
  private i = 0;
  // Markdown heading levels seen in this body, so body headings nest from H4 without skipping a level.
  private readonly headingLevels: number[] = [];

  constructor(private readonly tokens: readonly Token[]) {}

  blocks(close: string | undefined, listDepth: number): Block[] {
    const out: Block[] = [];
    while (this.i < this.tokens.length) {
      const t = this.tokens[this.i]!;
      if (close !== undefined && t.type === close) {
        this.i++;
        return out;
      }
      switch (t.type) {
        case 'paragraph_open': {
          const runs = inlineRuns(this.tokens[this.i + 1]?.children ?? [], 'regular');
          this.i += 3;
          if (hasText(runs)) out.push({ kind: 'para', runs });
          break;
        }
        case 'heading_open': {
          const runs = inlineRuns(this.tokens[this.i + 1]?.children ?? [], 'bold');
          this.i += 3;
          if (hasText(runs)) out.push({ kind: 'heading', level: this.bodyHeadingLevel(Number(t.tag.slice(1))), runs });
          break;
        }
        case 'bullet_list_open':
        case 'ordered_list_open': {
          this.i++;
          const items = this.listItems(t.type === 'ordered_list_open' ? 'ordered' : 'bullet', listDepth);
          if (items.length > 0) out.push({ kind: 'list', items });
          break;
        }
        case 'blockquote_open': {
          this.i++;
          const blocks = this.blocks('blockquote_close', listDepth);
          if (blocks.length > 0) out.push({ kind: 'quote', blocks });
          break;
        }
        case 'table_open': {
          this.i++;
          const table = this.table();
          if (table.kind === 'table' && table.rows.length > 0) out.push(table);
          break;
        }
        case 'code_block':
        case 'fence':
        case 'html_block': {
          // Kept as written, line by line: minutes have no code, only text someone indented.
          this.i++;
          const runs = plainRuns(t.content.replace(/\n+$/, ''));
          if (hasText(runs)) out.push({ kind: 'para', runs });
          break;
        }
        case 'hr':
          this.i++;
          out.push({ kind: 'rule' });
          break;
        default:
          this.i++;
      }
    }
    return out;
  }

  private bodyHeadingLevel(markdownLevel: number): 4 | 5 | 6 {
    while (this.headingLevels.length > 0 && this.headingLevels[this.headingLevels.length - 1]! >= markdownLevel) this.headingLevels.pop();
    const depth = Math.min(this.headingLevels.length, 2);
    this.headingLevels.push(markdownLevel);
    return (4 + depth) as 4 | 5 | 6;
  }

  private listItems(kind: 'ordered' | 'bullet', depth: number): ListItem[] {
    const close = kind === 'ordered' ? 'ordered_list_close' : 'bullet_list_close';
    const ordered = kind === 'ordered';
    const items: ListItem[] = [];
    let n = 0;
    while (this.i < this.tokens.length) {
      const t = this.tokens[this.i]!;
      this.i++;
      if (t.type === close) break;
      if (t.type !== 'list_item_open') continue;
      n++;
      const label = ordered ? `${t.info || n}${t.markup || '.'}` : BULLETS[depth % BULLETS.length]!;
      const blocks = this.blocks('list_item_close', depth + 1);
      if (blocks.length > 0) items.push({ label, blocks });
    }
    return items;
  }

  private table(): Block {
    const rows: TableRow[] = [];
    let header = false;
    let row: TableRow['cells'][number][] | undefined;
    let align: 'left' | 'right' | 'center' = 'left';
    while (this.i < this.tokens.length) {
      const t = this.tokens[this.i]!;
      this.i++;
      if (t.type === 'table_close') break;
      if (t.type === 'thead_open') header = true;
      else if (t.type === 'thead_close') header = false;
      else if (t.type === 'tr_open') row = [];
      else if (t.type === 'tr_close' && row) {
        rows.push({ header, cells: row });
        row = undefined;
      } else if (t.type === 'th_open' || t.type === 'td_open') {
        // `---:` in the separator row: markdown-it writes it as a style attribute.
        const m = /text-align:(left|right|center)/.exec(t.attrGet('style') ?? '');
        align = (m?.[1] as 'left' | 'right' | 'center' | undefined) ?? 'left';
      } else if (t.type === 'inline' && row) row.push({ runs: inlineRuns(t.children ?? [], header ? 'bold' : 'regular'), align });
    }
    return { kind: 'table', rows };
  }
}

function hasText(runs: readonly Run[]): boolean {
  return runs.some((r) => r.text.trim() !== '');
}

/** Inline tokens as runs: bold, italic and links kept, everything else as its text. */
function inlineRuns(children: readonly Token[], base: Face): Run[] {
  const runs: Run[] = [];
  let bold = base === 'bold' ? 1 : 0;
  let italic = 0;
  let href: string | undefined;
  const face = (): Face => (bold > 0 ? 'bold' : italic > 0 ? 'italic' : 'regular');
  const push = (text: string): void => {
    const t = clean(text);
    if (t === '') return;
    const last = runs[runs.length - 1];
    const f = face();
    if (last && last.face === f && last.href === href) runs[runs.length - 1] = { ...last, text: last.text + t };
    else runs.push(href === undefined ? { text: t, face: f } : { text: t, face: f, href });
  };
  for (const c of children) {
    switch (c.type) {
      case 'text':
      case 'code_inline':
      case 'html_inline':
        push(c.content);
        break;
      // A line she wrote on its own stays a line of its own, as in the HTML.
      case 'softbreak':
      case 'hardbreak':
        push('\n');
        break;
      case 'strong_open':
        bold++;
        break;
      case 'strong_close':
        bold--;
        break;
      case 'em_open':
        italic++;
        break;
      case 'em_close':
        italic--;
        break;
      case 'link_open':
        href = c.attrGet('href') ?? undefined;
        break;
      case 'link_close':
        href = undefined;
        break;
      default:
        if (c.content) push(c.content);
    }
  }
  return runs;
}

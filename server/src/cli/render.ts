import { writeFile } from 'node:fs/promises';
import { parseReferat } from '../model/parse';
import { renderHtml } from '../render/html';
import { toLocale, type Locale } from '../i18n/locale';
import { readReferatFile, type CliIO } from './io';

const USAGE = 'usage: referat render FILE [-o OUT.html] [--public] [--locale da|en]';

/** `referat render`: the minutes as a standalone HTML document; exit 2 for usage or I/O trouble. */
export async function runRender(args: readonly string[], io: CliIO): Promise<number> {
  let out: string | undefined;
  let audience: 'internal' | 'public' = 'internal';
  let locale: Locale = toLocale(io.env.LC_ALL || io.env.LC_MESSAGES || io.env.LANG);
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-o' || a === '--output') {
      out = args[++i];
      if (!out) return usage(io, `${a} needs a file name`);
    } else if (a === '--public') audience = 'public';
    else if (a === '--locale' || a.startsWith('--locale=')) {
      const v = a.includes('=') ? a.slice(9) : args[++i];
      if (v !== 'da' && v !== 'en') return usage(io, `unknown locale "${v ?? ''}"`);
      locale = v;
    } else if (a === '-h' || a === '--help') {
      io.stdout(`${USAGE}\n`);
      return 0;
    } else if (a.startsWith('-')) return usage(io, `unknown option "${a}"`);
    else files.push(a);
  }
  if (files.length !== 1) return usage(io, files.length === 0 ? 'no FILE given' : 'one FILE at a time');
  const file = files[0]!;
  const read = await readReferatFile(file, io);
  if (!read.ok) {
    io.stderr(`${file}: ${read.problem}\n`);
    return 2;
  }
  const html = renderHtml(parseReferat(read.text), { audience, locale });
  if (!out) {
    io.stdout(html);
    return 0;
  }
  try {
    await writeFile(out, html);
  } catch (e) {
    io.stderr(`${out}: cannot write (${(e as { code?: string }).code ?? String(e)})\n`);
    return 2;
  }
  return 0;
}

function usage(io: CliIO, problem: string): number {
  io.stderr(`referat render: ${problem}\n${USAGE}\n`);
  return 2;
}

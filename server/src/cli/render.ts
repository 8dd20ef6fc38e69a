import { writeFile } from 'node:fs/promises';
import { parseReferat } from '../model/parse';
import { checkReferat } from '../rules/index';
import { localize } from '../i18n/locale';
import { renderHtml } from '../render/html';
import { readReferatFile, type CliIO } from './io';
import { readOptions } from './options';

const USAGE = 'usage: referat render FILE [-o OUT.html] [--public] [--locale da|en]';

/** `referat render`: the minutes as a standalone HTML document; exit 2 for usage or I/O trouble. */
export async function runRender(args: readonly string[], io: CliIO): Promise<number> {
  const options = readOptions(args, { output: { type: 'string', short: 'o' }, public: { type: 'boolean' } }, io);
  if (!options.ok) return usage(io, options.problem);
  const { values, positionals: files } = options;
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const out = values.output;
  const audience = values.public ? 'public' : 'internal';
  const locale = values.locale;
  if (files.length !== 1) return usage(io, files.length === 0 ? 'no FILE given / ingen FIL angivet' : 'one FILE at a time / én FIL ad gangen');
  const file = files[0]!;
  const read = readReferatFile(file);
  if (!read.ok) {
    io.stderr(`${file}: ${read.problem}\n`);
    return 2;
  }
  const referat = parseReferat(read.text);
  // An export is what gets published: errors still in it are said, on stderr, so a script can see them.
  const errors = checkReferat(referat, { locale }).filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const first = errors[0]!;
    io.stderr(`${file}:${first.range.start.line + 1}:${first.range.start.character + 1}: ${localize({ da: `${errors.length} fejl står stadig i referatet (den første: ${first.message}); det gengives alligevel`, en: `${errors.length} error(s) remain in the referat (the first: ${first.message}); rendered anyway` }, locale)}\n`);
  }
  const html = renderHtml(referat, { audience, locale });
  if (!out) {
    io.stdout(html);
    return 0;
  }
  try {
    await writeFile(out, html);
  } catch (e) {
    io.stderr(`${out}: cannot write (${(e as { code?: string }).code ?? String(e)}) / kan ikke skrive filen\n`);
    return 2;
  }
  return 0;
}

function usage(io: CliIO, problem: string): number {
  io.stderr(`referat render: ${problem}\n${USAGE}\n`);
  return 2;
}

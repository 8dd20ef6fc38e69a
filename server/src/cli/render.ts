import { writeFile } from 'node:fs/promises';
import { bothLanguages, localize, type LocalizedText } from '../i18n/locale';
import { nodeWorkspace } from '../node/nodeWorkspace';
import { nodePaths } from '../node/paths';
import { createLanguageService } from '../service/languageService';
import { readReferatFile, type CliIO } from './io';
import { readOptions } from './options';

export const RENDER_USAGE = 'referat render FILE [-o OUT.html] [--public] [--locale da|en]';

/** `referat render`: the minutes as a standalone HTML document; exit 2 for usage or I/O trouble. */
export async function runRender(args: readonly string[], io: CliIO): Promise<number> {
  const options = readOptions(args, { output: { type: 'string', short: 'o' }, public: { type: 'boolean' } }, io);
  if (!options.ok) return usage(io, options.problem);
  const { values, positionals: files } = options;
  if (values.help) {
    io.stdout(`usage: ${RENDER_USAGE}\n`);
    return 0;
  }
  const out = values.output;
  const audience = values.public ? 'public' : 'internal';
  const locale = values.locale;
  if (files.length !== 1)
    return usage(io, files.length === 0 ? { da: 'ingen FIL angivet', en: 'no FILE given' } : { da: 'én FIL ad gangen', en: 'one FILE at a time' });
  const file = files[0]!;
  const read = readReferatFile(file);
  if (!read.ok) {
    io.stderr(`${file}: ${bothLanguages(read.problem)}\n`);
    return 2;
  }
  const service = createLanguageService({ workspace: nodeWorkspace, paths: nodePaths, locale });
  const doc = { uri: service.uriOf(file), version: 1, getText: () => read.text };
  // An export is what gets published: errors still in it are said, on stderr, so a script can see them.
  const errors = (await service.findings(doc)).filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const first = errors[0]!;
    const said = {
      da: `${errors.length} fejl står stadig i referatet (den første: ${first.message}); det gengives alligevel`,
      en: `${errors.length} error(s) remain in the referat (the first: ${first.message}); rendered anyway`,
    };
    io.stderr(`${file}:${first.range.start.line + 1}:${first.range.start.character + 1}: ${localize(said, locale)}\n`);
  }
  const html = await service.renderHtml(doc, { audience, locale });
  if (!out) {
    io.stdout(html);
    return 0;
  }
  try {
    await writeFile(out, html);
  } catch (e) {
    io.stderr(
      `${out}: ${bothLanguages({ da: `kan ikke skrive filen (${(e as { code?: string }).code ?? String(e)})`, en: `cannot write (${(e as { code?: string }).code ?? String(e)})` })}\n`,
    );
    return 2;
  }
  return 0;
}

function usage(io: CliIO, problem: LocalizedText): number {
  io.stderr(`referat render: ${bothLanguages(problem)}\nusage: ${RENDER_USAGE}\n`);
  return 2;
}

import { bothLanguages, localize, type LocalizedText } from '../i18n/locale';
import { mayWrite, sameFile, writeFileSafely, type WriteResult } from '../node/files';
import { nodeFonts } from '../node/fonts';
import { nodeWorkspace } from '../node/nodeWorkspace';
import { nodePaths } from '../node/paths';
import { createLanguageService, type Rendered } from '../service/languageService';
import { readReferatFile, type CliIO } from './io';
import type { CommandInput } from './options';
import type { RENDER_OPTIONS } from './commands';

/**
 * `referat render`: the minutes as a standalone HTML page or a tagged PDF (the format from the
 * output's extension, or --format); exit 2 for usage or I/O trouble, and for a public version that
 * may not be made (a CPR number in it): then nothing is written. The referat itself is never
 * written over, whatever its name is given as; another existing file only with --force.
 */
export async function runRender(input: CommandInput<typeof RENDER_OPTIONS>, io: CliIO): Promise<number> {
  const { values, positionals: files } = input;
  const out = values.output;
  const audience = values.public ? 'public' : 'internal';
  const locale = values.locale;
  const format = values.format ?? (out && /\.pdf$/i.test(out) ? 'pdf' : out && /\.json$/i.test(out) ? 'json' : 'html');
  if (format !== 'html' && format !== 'pdf' && format !== 'json')
    return input.usage({ da: `ukendt format "${format}" (html, pdf eller json)`, en: `unknown format "${format}" (html, pdf or json)` });
  // A PDF is binary: to a terminal it would be noise, to a pipe it is better named with -o.
  if (format === 'pdf' && !out) return input.usage({ da: 'en PDF skal have -o FIL', en: 'a PDF needs -o FILE' });
  if (files.length !== 1)
    return input.usage(files.length === 0 ? { da: 'ingen FIL angivet', en: 'no FILE given' } : { da: 'én FIL ad gangen', en: 'one FILE at a time' });
  const file = files[0]!;
  const read = readReferatFile(file);
  if (!read.ok) {
    io.stderr(`${file}: ${bothLanguages(read.problem)}\n`);
    return 2;
  }
  const force = values.force === true;
  if (out !== undefined) {
    // Said before the rendering, which may take a while: a target that will be refused anyway.
    if (await sameFile(out, file)) {
      io.stderr(
        `${out}: ${bothLanguages({
          da: 'er referatet, der gengives; det overskrives aldrig, heller ikke med --force',
          en: 'is the referat being rendered; it is never written over, not even with --force',
        })}\n`,
      );
      return 2;
    }
    const may = await mayWrite(out, { force });
    if (!may.ok) return cannotWrite(io, out, may);
  }
  const service = createLanguageService({ workspace: nodeWorkspace, paths: nodePaths, locale, fonts: nodeFonts });
  const doc = { uri: service.uriOf(file), version: 1, getText: () => read.text };
  const rendered: Rendered<string | Uint8Array> =
    format === 'pdf'
      ? await service.renderPdf(doc, { audience })
      : format === 'json'
        ? await service.renderData(doc, { audience })
        : await service.renderHtml(doc, { audience, locale });
  if (rendered.output === null) {
    const at = rendered.refused.range.start;
    // Said in her language, as the findings are: the locale was read (the trouble lines before it may not know it).
    io.stderr(`${file}:${at.line + 1}:${at.character + 1}: ${localize(rendered.refused.message, locale)}\n`);
    return 2;
  }
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
  if (!out) {
    // Only HTML and JSON come this far without -o.
    if (typeof rendered.output === 'string') io.stdout(rendered.output);
    return 0;
  }
  const wrote = await writeFileSafely(out, rendered.output, { force });
  return wrote.ok ? 0 : cannotWrite(io, out, wrote);
}

function cannotWrite(io: CliIO, out: string, why: Exclude<WriteResult, { ok: true }>): number {
  const problem: LocalizedText =
    why.kind === 'exists'
      ? {
          da: 'filen findes allerede og overskrives ikke (brug --force for at erstatte den)',
          en: 'the file already exists and is not overwritten (use --force to replace it)',
        }
      : why.problem;
  io.stderr(`${out}: ${bothLanguages(problem)}\n`);
  return 2;
}

import { lstat } from 'node:fs/promises';
import { bothLanguages, localize, type Locale, type LocalizedText } from '../i18n/locale';
import { writeFileSafely } from '../node/files';
import { nodeWorkspace } from '../node/nodeWorkspace';
import { nodePaths } from '../node/paths';
import { createLanguageService } from '../service/languageService';
import { readReferatFile, type CliIO } from './io';
import { readOptions } from './options';

export const APPROVE_USAGE = 'referat approve FILE --by NAME [--by NAME]… [--date YYYY-MM-DD] [--force] [--locale da|en]';

type ApproveOptions =
  | {
      readonly ok: true;
      readonly file?: string;
      readonly by: string[];
      readonly date?: string;
      readonly force: boolean;
      readonly help: boolean;
      readonly locale: Locale;
    }
  | { readonly ok: false; readonly problem: LocalizedText };

/** The command's options in one place: `--by` may come again and again, the rest once. */
function readApproveOptions(args: readonly string[], io: CliIO): ApproveOptions {
  const by: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--by') {
      const value = args[++i];
      if (value === undefined || value.startsWith('--')) return { ok: false, problem: { da: '--by skal have en værdi', en: '--by needs a value' } };
      by.push(value);
    } else if (a.startsWith('--by=')) by.push(a.slice('--by='.length));
    else rest.push(a);
  }
  const options = readOptions(rest, { date: { type: 'string' }, force: { type: 'boolean' } }, io);
  if (!options.ok) return options;
  const { values, positionals } = options;
  if (positionals.length > 1) return { ok: false, problem: { da: 'ét referat ad gangen', en: 'one referat at a time' } };
  return {
    ok: true,
    ...(positionals[0] !== undefined ? { file: positionals[0] } : {}),
    by,
    ...(values.date !== undefined ? { date: values.date } : {}),
    force: values.force === true,
    help: values.help,
    locale: values.locale,
  };
}

/**
 * `referat approve`: who approved the referat and when, and the seal of its text, written in a
 * block at its end. Errors in the referat are said on stderr, not refused; an approval already
 * there is replaced only with --force. The file is replaced whole (a temporary file renamed over
 * it), never written through a link. Exit 2 for usage, I/O trouble or a refusal, in one line.
 */
export async function runApprove(args: readonly string[], io: CliIO): Promise<number> {
  const options = readApproveOptions(args, io);
  if (!options.ok) return usage(io, options.problem);
  if (options.help) {
    io.stdout(`usage: ${APPROVE_USAGE}\n`);
    return 0;
  }
  const file = options.file;
  if (file === undefined) return usage(io, { da: 'intet referat angivet', en: 'no referat given' });
  if (options.by.length === 0) return usage(io, { da: 'hvem godkender? (--by NAVN)', en: 'who approves? (--by NAME)' });
  const link = await lstat(file).then(
    (s) => s.isSymbolicLink(),
    () => false,
  );
  if (link) return fail(io, file, { da: 'er et symbolsk link; godkend filen, det peger på', en: 'is a symbolic link; approve the file it points to' });
  const read = readReferatFile(file);
  if (!read.ok) return fail(io, file, read.problem);
  const service = createLanguageService({ workspace: nodeWorkspace, paths: nodePaths, locale: options.locale });
  const approved = await service.approve(
    { uri: service.uriOf(file), version: 1, getText: () => read.text },
    { by: options.by, ...(options.date !== undefined ? { date: options.date } : {}), force: options.force },
  );
  service.dispose();
  if (!approved.ok) return fail(io, file, approved.problem);
  for (const w of approved.warnings) io.stderr(`${file}: ${localize({ da: 'advarsel', en: 'warning' }, options.locale)}: ${localize(w, options.locale)}\n`);
  const wrote = await writeFileSafely(file, approved.text, { force: true });
  if (!wrote.ok) return fail(io, file, wrote.kind === 'exists' ? { da: 'filen kunne ikke erstattes', en: 'the file could not be replaced' } : wrote.problem);
  const names = options.by.join(', ');
  io.stdout(`${file}: ${localize({ da: `godkendt af ${names}; teksten er forseglet`, en: `approved by ${names}; the text is sealed` }, options.locale)}\n`);
  return 0;
}

function fail(io: CliIO, file: string, problem: LocalizedText): number {
  io.stderr(`${file}: ${bothLanguages(problem)}\n`);
  return 2;
}

function usage(io: CliIO, problem: LocalizedText): number {
  io.stderr(`referat approve: ${bothLanguages(problem)}\nusage: ${APPROVE_USAGE}\n`);
  return 2;
}

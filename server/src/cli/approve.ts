import { lstat } from 'node:fs/promises';
import { bothLanguages, localize, type LocalizedText } from '../i18n/locale';
import { writeFileSafely } from '../node/files';
import { nodeWorkspace } from '../node/nodeWorkspace';
import { nodePaths } from '../node/paths';
import { createLanguageService } from '../service/languageService';
import { readReferatFile, type CliIO } from './io';
import type { APPROVE_OPTIONS } from './commands';
import type { CommandInput } from './options';

/**
 * `referat approve`: who approved the referat and when, and the seal of its text, written in a
 * block at its end. Errors in the referat are said on stderr, not refused; an approval already
 * there is replaced only with --force. The file is replaced whole (a temporary file renamed over
 * it), never written through a link. Exit 2 for usage, I/O trouble or a refusal, in one line.
 */
export async function runApprove(input: CommandInput<typeof APPROVE_OPTIONS>, io: CliIO): Promise<number> {
  const { values, positionals } = input;
  if (positionals.length > 1) return input.usage({ da: 'ét referat ad gangen', en: 'one referat at a time' });
  const file = positionals[0];
  if (file === undefined) return input.usage({ da: 'intet referat angivet', en: 'no referat given' });
  const options = { by: values.by ?? [], date: values.date, force: values.force === true, locale: values.locale };
  if (options.by.length === 0) return input.usage({ da: 'hvem godkender? (--by NAVN)', en: 'who approves? (--by NAME)' });
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
  for (const w of [...(approved.errors ? [approved.errors] : []), ...approved.warnings])
    io.stderr(`${file}: ${localize({ da: 'advarsel', en: 'warning' }, options.locale)}: ${localize(w, options.locale)}\n`);
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

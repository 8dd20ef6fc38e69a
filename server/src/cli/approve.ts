import { lstat, readFile, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { bothLanguages, localize, type Locale, type LocalizedText } from '../i18n/locale';
import { writeFileSafely } from '../node/files';
import { nodeWorkspace } from '../node/nodeWorkspace';
import { nodePaths } from '../node/paths';
import { createLanguageService } from '../service/languageService';
import { encodeReferat } from '../workspace/decode';
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
  // One approval of a file at a time: two run side by side would each replace the file from the same text.
  const lock = await takeLock(file);
  if (!lock.ok) return fail(io, file, lock.problem);
  try {
    return await approveLocked(io, file, options);
  } finally {
    await lock.release();
  }
}

async function approveLocked(
  io: CliIO,
  file: string,
  options: { readonly by: readonly string[]; readonly date: string | undefined; readonly force: boolean; readonly locale: Locale },
): Promise<number> {
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
  // The file as read, asked again right before it is replaced: an approval run beside this one, or an editor's save, is not lost.
  const stillAsRead = (): boolean => {
    const again = readReferatFile(file);
    return again.ok && again.text === read.text;
  };
  // In the file's own encoding: an approval changes no more of the file than the block it adds.
  const wrote = await writeFileSafely(file, encodeReferat(approved.text, read.encoding), { force: true, stillAsRead });
  if (!wrote.ok) return fail(io, file, wrote.kind === 'exists' ? { da: 'filen kunne ikke erstattes', en: 'the file could not be replaced' } : wrote.problem);
  const names = options.by.join(', ');
  io.stdout(`${file}: ${localize({ da: `godkendt af ${names}; teksten er forseglet`, en: `approved by ${names}; the text is sealed` }, options.locale)}\n`);
  return 0;
}

type Lock = { readonly ok: true; readonly release: () => Promise<void> } | { readonly ok: false; readonly problem: LocalizedText };

/**
 * The file's approval lock, `.NAME.approving` beside it, made only where none is: it holds the process
 * id, so a lock left by a process that ended (killed midway) is taken over, not waited on forever.
 */
async function takeLock(file: string): Promise<Lock> {
  const path = join(dirname(file), `.${basename(file)}.approving`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(path, String(process.pid), { flag: 'wx' });
      return { ok: true, release: () => unlink(path).catch(() => undefined) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return { ok: true, release: () => Promise.resolve() };
      const holder = Number(await readFile(path, 'utf8').catch(() => ''));
      if (Number.isInteger(holder) && holder > 0 && alive(holder))
        return {
          ok: false,
          problem: {
            da: 'referatet godkendes allerede af en anden kommando; vent til den er færdig',
            en: 'the referat is being approved by another command; wait until it is done',
          },
        };
      await unlink(path).catch(() => undefined);
    }
  }
  return { ok: false, problem: { da: 'godkendelsens lås kunne ikke tages', en: "the approval's lock could not be taken" } };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function fail(io: CliIO, file: string, problem: LocalizedText): number {
  io.stderr(`${file}: ${bothLanguages(problem)}\n`);
  return 2;
}

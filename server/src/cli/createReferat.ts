import { basename, dirname, join } from 'node:path';
import { bothLanguages, localize, type LocalizedText } from '../i18n/locale';
import { writeFileSafely } from '../node/files';
import { nodeWorkspace } from '../node/nodeWorkspace';
import { nodePaths } from '../node/paths';
import { createLanguageService } from '../service/languageService';
import { readReferatFile, type CliIO } from './io';
import { readOptions } from './options';
import { referatFileName } from '../protocol';

export const CREATE_REFERAT_USAGE = 'referat create-referat DAGSORDEN [-o OUT] [--locale da|en]';

/** Where the referat goes when no -o is given: beside the dagsorden (features/referatFileName.ts). */
export function referatPathFor(dagsorden: string): string {
  return join(dirname(dagsorden), referatFileName(basename(dagsorden)));
}

/**
 * `referat create-referat`: the referat to write during the meeting, from its dagsorden. Never
 * overwrites a file; exit 2 for usage, I/O trouble or a document that is not a dagsorden.
 */
export async function runCreateReferat(args: readonly string[], io: CliIO): Promise<number> {
  const options = readOptions(args, { output: { type: 'string', short: 'o' } }, io);
  if (!options.ok) return usage(io, options.problem);
  const { values, positionals: files } = options;
  if (values.help) {
    io.stdout(`usage: ${CREATE_REFERAT_USAGE}\n`);
    return 0;
  }
  if (files.length !== 1)
    return usage(
      io,
      files.length === 0 ? { da: 'ingen DAGSORDEN angivet', en: 'no DAGSORDEN given' } : { da: 'én DAGSORDEN ad gangen', en: 'one DAGSORDEN at a time' },
    );
  const file = files[0]!;
  const read = readReferatFile(file);
  if (!read.ok) {
    io.stderr(`${file}: ${bothLanguages(read.problem)}\n`);
    return 2;
  }
  const out = values.output ?? referatPathFor(file);
  const service = createLanguageService({ workspace: nodeWorkspace, paths: nodePaths, locale: values.locale });
  // The folder's other minutes know the udvalg's members when referat.yaml does not.
  service.setRoots([dirname(file)]);
  await service.indexed();
  const created = await service.createReferat({ uri: service.uriOf(file), version: 1, getText: () => read.text });
  if (!created.ok) {
    io.stderr(`${file}: ${localize(created.problem, values.locale)}\n`);
    return 2;
  }
  // Never over an existing name, a link included, not even one made a moment ago.
  const wrote = await writeFileSafely(out, created.text, { force: false });
  if (!wrote.ok) {
    const problem: LocalizedText =
      wrote.kind === 'exists'
        ? {
            da: 'filen findes allerede; den overskrives ikke (vælg et andet navn med -o)',
            en: 'the file already exists; it is not overwritten (choose another name with -o)',
          }
        : wrote.problem;
    io.stderr(`${out}: ${bothLanguages(problem)}\n`);
    return 2;
  }
  io.stdout(
    `${out}:${created.cursor.line + 1}:${created.cursor.character + 1}: ${localize(
      {
        da: `referatet er oprettet med ${created.decisions === 1 ? '1 tom beslutning' : `${created.decisions} tomme beslutninger`} at skrive`,
        en: `the referat is created with ${created.decisions === 1 ? '1 empty decision' : `${created.decisions} empty decisions`} to write`,
      },
      values.locale,
    )}\n`,
  );
  return 0;
}

function usage(io: CliIO, problem: LocalizedText): number {
  io.stderr(`referat create-referat: ${bothLanguages(problem)}\nusage: ${CREATE_REFERAT_USAGE}\n`);
  return 2;
}

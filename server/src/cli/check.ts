import { availableParallelism } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { loadSpeller } from '../node/speller';
import { bothLanguages, localize, type LocalizedText } from '../i18n/locale';
import { nodeWorkspace } from '../node/nodeWorkspace';
import { nodePaths } from '../node/paths';
import { runPool } from '../node/threadPool';
import type { DocumentInfo } from '../protocol';
import type { Diagnostic } from '../rules/types';
import { createLanguageService } from '../service/languageService';
import { checkFile, type FileCheck } from './checkFile';
import { collectFiles, readReferatFile, type CliIO } from './io';
import type { CommandInput } from './options';
import type { CHECK_OPTIONS } from './commands';

interface JsonFinding {
  file: string;
  /** The dialect the file was read in (`edoc`, `greve`); none for a mistake in referat.yaml itself. */
  dialect?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Diagnostic['severity'];
  code: string;
  message: string;
}

/** The configuration's file name: named on its own, it is checked as the configuration (the command line reaches the core through the service alone). */
const CONFIG_FILE_NAME = 'referat.yaml';

/**
 * `referat check`: exit 0 without errors, 1 with errors, 2 for usage or I/O trouble. Each file is
 * checked by the language service with the nearest referat.yaml, as in the editor.
 */
export async function runCheck(input: CommandInput<typeof CHECK_OPTIONS>, io: CliIO): Promise<number> {
  const { values, positionals: paths } = input;
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json')
    return input.usage({ da: `ukendt format "${format}" (text eller json)`, en: `unknown format "${format}" (text or json)` });
  const locale = values.locale;
  // Threads for a large folder; --jobs 1 checks on this thread only.
  if (values.jobs !== undefined && !/^[1-9]\d{0,2}$/.test(values.jobs))
    return input.usage({ da: `--jobs skal være et helt tal fra 1, ikke "${values.jobs}"`, en: `--jobs needs a whole number from 1, not "${values.jobs}"` });
  const jobs = values.jobs !== undefined ? Number(values.jobs) : defaultJobs();
  if (paths.length === 0) return input.usage({ da: 'ingen STI angivet', en: 'no PATH given' });

  let trouble = false;
  let errors = 0;
  const json: JsonFinding[] = [];
  // A referat.yaml named on its own is checked as the configuration it is, not read as a referat.
  const configs = paths.filter((p) => basename(p).toLowerCase() === CONFIG_FILE_NAME);
  const files = await collectFiles(paths.filter((p) => !configs.includes(p)));
  const spelling = values.spelling === true;
  // The command line checks files one by one: no archive to read, no cache, no thread pool of summaries.
  // With --spelling the folders checked are the archive (the municipality's own words), and the dictionary is loaded first.
  // Each file is read once: nothing of it is kept for a next version.
  const service = createLanguageService({
    workspace: nodeWorkspace,
    paths: nodePaths,
    locale,
    reading: 'once',
    ...(spelling ? { speller: () => loadSpeller() } : {}),
  });
  if (spelling) {
    service.setRoots([...new Set(files.filter((f) => f.ok).map((f) => dirname(f.path)))]);
    await service.indexed();
    await service.spellingReady();
  } else service.setPersonalRules({ spelling: 'off' });

  // Results come back in any order from the worker threads; they are printed in the files' order.
  const checked = new Map<string, FileCheck>();
  let next = 0;
  const print = (): void => {
    for (; next < files.length; next++) {
      const f = files[next]!;
      const r: FileCheck | { problem: LocalizedText } | undefined = f.ok ? checked.get(f.path) : f;
      if (!r) return;
      if ('problem' in r) {
        io.stderr(`${f.path}: ${bothLanguages(r.problem)}\n`);
        trouble = true;
        continue;
      }
      // Which dialect each file was read in, on stderr: stdout stays the findings alone, for scripts.
      if (values.verbose === true) io.stderr(`${f.path}: ${localize(readAs(r.info, service.pathOf.bind(service)), locale)}\n`);
      for (const d of r.findings) {
        // Spelling findings never change the exit code, whatever their severity.
        if (d.severity === 'error' && d.code !== 'spelling') errors++;
        if (format === 'text') io.stdout(`${f.path}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}\n`);
        else json.push({ file: f.path, dialect: r.info.dialect.id, ...d });
      }
    }
  };
  // A folder of hundreds of referater is checked on every core; a few files on this thread.
  const readable = files.filter((f) => f.ok).map((f) => f.path);
  await runPool(
    readable,
    {
      workerFile: join(__dirname, 'checkWorker.js'),
      workerData: { locale },
      // The spell check's archive and dictionary live on this thread.
      parallelFrom: jobs > 1 && !spelling ? 64 : Infinity,
      batch: 8,
      threads: jobs,
      local: (p) => checkFile(p, service),
    },
    (results) => {
      for (const r of results) checked.set(r.path, r);
      print();
    },
  );
  print();
  // Each referat.yaml that applied, with its mistakes at their line and column, as the editor shows them.
  const yamls = new Map<string, { readonly path: string; readonly problems: Awaited<ReturnType<typeof service.configProblems>> }>();
  for (const path of configs) {
    const read = readReferatFile(path);
    if (!read.ok) {
      io.stderr(`${path}: ${bothLanguages(read.problem)}\n`);
      trouble = true;
      continue;
    }
    const full = resolve(path);
    if (!yamls.has(full)) yamls.set(full, { path: full, problems: await service.configProblems(full, read.text) });
  }
  // Looked up from the file's absolute path, as its check did: `check file.referat` and `check .` name files without a folder.
  for (const path of readable) {
    const loaded = await service.configFor(resolve(path));
    if (loaded && !yamls.has(loaded.path)) yamls.set(loaded.path, loaded);
  }
  for (const loaded of yamls.values()) {
    // Named as the files are: from the current folder where it lies below it.
    const near = relative(process.cwd(), loaded.path);
    const file = near.startsWith('..') || isAbsolute(near) ? loaded.path : near;
    for (const p of loaded.problems) {
      errors++;
      const d = { line: p.range.start.line + 1, column: p.range.start.character + 1, endLine: p.range.end.line + 1, endColumn: p.range.end.character + 1 };
      const message = localize(p.message, service.locale);
      if (format === 'text') io.stdout(`${file}:${d.line}:${d.column}: error referat-yaml: ${message}\n`);
      else json.push({ file, ...d, severity: 'error', code: 'referat-yaml', message });
    }
  }
  if (format === 'json') io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  if (trouble) return 2;
  return errors > 0 ? 1 : 0;
}

/** `referat, 14 punkter, dialekt greve (First Agenda (Greve))`, and the referat.yaml that chose it, if one did. */
function readAs(info: DocumentInfo, pathOf: (uri: string) => string | undefined): LocalizedText {
  const { id, name, config } = info.dialect;
  const n = info.punkter;
  const dagsorden = info.kind === 'dagsorden';
  const yaml = config !== undefined ? (pathOf(config) ?? config) : undefined;
  return {
    da: `${dagsorden ? 'dagsorden' : 'referat'}, ${n} ${n === 1 ? 'punkt' : 'punkter'}, dialekt ${id} (${name})${yaml ? `, valgt i ${yaml}` : ''}`,
    en: `${dagsorden ? 'agenda' : 'minutes'}, ${n} ${n === 1 ? 'item' : 'items'}, dialect ${id} (${name})${yaml ? `, chosen in ${yaml}` : ''}`,
  };
}

/**
 * One worker per core but one, up to eight: one thread checking already keeps about 1.25 cores
 * busy (garbage collection and compilation run beside it), so on two cores threads gain little
 * and not reliably (2,000 files: from 1.9 s against 1.7 s to 1.85 s against 2.0 s).
 */
function defaultJobs(): number {
  return Math.max(1, Math.min(8, availableParallelism() - 1));
}

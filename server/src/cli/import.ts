import { mkdir, rmdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { bothLanguages, localize, type Locale, type LocalizedText } from '../i18n/locale';
import type { ImportedMeeting } from '../import/types';
import { errorCode, fsProblem, mayWrite, sameFile, writeFileSafely } from '../node/files';
import type { FileImport } from '../node/importer';
import { planImport } from '../node/importPlan';
import { runPool, startPool, type BatchOptions } from '../node/threadPool';
import { IMPORT_EXTENSIONS, untakenName } from '../protocol';
import type { CliIO } from './io';
import type { CommandInput } from './options';
import type { IMPORT_OPTIONS } from './commands';

/** Below this many files the import runs on this thread: a thread costs pdf.js's start-up again. */
const PARALLEL_FROM = 4;

/**
 * `referat import`: published minutes (PDF, First Agenda page or JSON, a meeting system's XML, its
 * folder or the folder as a zip) as referater, one per meeting, named by udvalg and date, beside each
 * source or in --out-dir. A bad file is one
 * line on stderr and the rest go on; an existing file is never overwritten without --force, and
 * with it replaced as a name, never written through a link. Exit 0 when every source was imported,
 * 2 when one was not (or for usage trouble).
 */
export async function runImport(input: CommandInput<typeof IMPORT_OPTIONS>, io: CliIO): Promise<number> {
  const { values, positionals: sources } = input;
  const output = values.output;
  const outDir = values['out-dir'];
  if (sources.length === 0) return input.usage({ da: 'ingen KILDE angivet', en: 'no SOURCE given' });
  if (output !== undefined && outDir !== undefined)
    return input.usage({ da: '-o og --out-dir kan ikke bruges sammen', en: '-o and --out-dir cannot be used together' });
  if (values.jobs !== undefined && !/^[1-9]\d{0,2}$/.test(values.jobs))
    return input.usage({ da: `--jobs skal være et helt tal fra 1, ikke "${values.jobs}"`, en: `--jobs needs a whole number from 1, not "${values.jobs}"` });

  // A folder or many files: the threads start now and load their bundle while this thread loads
  // its own and looks for the sources (about a third of a second before the first file is read).
  const threads: ImportThreads = {
    workerFile: join(__dirname, 'importWorker.js'),
    parallelFrom: PARALLEL_FROM,
    batch: 1,
    // One file at a time: a PDF takes up to a second, and one waiting behind another thread's
    // while this thread idles at the end costs more than the round trip saved.
    ahead: 1,
    threads: values.jobs !== undefined ? Number(values.jobs) : Math.max(1, Math.min(8, availableParallelism())),
  };
  const started = (await likelyMany(sources)) ? startPool<FileImport>(threads) : undefined;
  try {
    return await importAll(input, io, { ...threads, started });
  } finally {
    // Ended by the import's run, or here when it stopped before it (a usage error found after the start).
    await started?.dispose();
  }
}

type ImportThreads = Omit<BatchOptions<FileImport>, 'local'>;

/** A folder, or enough files for threads: worth starting the threads before the sources are planned. */
async function likelyMany(sources: readonly string[]): Promise<boolean> {
  if (sources.length >= PARALLEL_FROM) return true;
  for (const s of sources) if ((await stat(s).catch(() => undefined))?.isDirectory()) return true;
  return false;
}

async function importAll(input: CommandInput<typeof IMPORT_OPTIONS>, io: CliIO, threads: ImportThreads): Promise<number> {
  const { values, positionals: sources } = input;
  const locale = values.locale;
  const output = values.output;
  const outDir = values['out-dir'];
  const progress = new Progress(io, 0, locale);
  let trouble = false;
  const fail = (path: string, problem: LocalizedText): void => {
    progress.clear();
    io.stderr(`${path}: ${localize(problem, locale)}\n`);
    trouble = true;
  };
  // The readers (pdf.js among them) are loaded beside this bundle where a file is read on this
  // thread, or a folder holds XML to tell: not when `referat check` starts, nor while the threads read.
  const planned = await planImport(sources, IMPORT_EXTENSIONS);
  for (const p of planned.problems) fail(p.path, p.problem);
  const files = planned.sources;
  // Every source already said why it cannot be read: nothing more to say, nowhere to write.
  if (files.length === 0 && trouble) return 2;
  // A folder gives one referat per meeting: more than -o names.
  if (output !== undefined && (files.length !== 1 || sources.length !== 1 || (await stat(files[0]!).catch(() => undefined))?.isDirectory()))
    return input.usage({ da: '-o kan kun bruges med én kildefil; brug --out-dir til flere', en: '-o takes one source file only; use --out-dir for more' });
  // Where the referater go is checked before anything is read: a folder given as -o, a file as --out-dir.
  if (output !== undefined) {
    const s = await stat(output).catch(() => undefined);
    if (s?.isDirectory())
      return refuse(io, output, {
        da: 'er en mappe; -o navngiver filen, brug --out-dir MAPPE for at skrive i mappen',
        en: 'is a folder; -o names the file, use --out-dir DIR to write into the folder',
      });
    if (await sameFile(output, files[0]!)) return refuse(io, output, SOURCE_ITSELF);
    const may = await mayWrite(output, { force: values.force === true });
    if (!may.ok) return refuse(io, output, may.kind === 'exists' ? EXISTS : may.problem);
  }
  let created: string | undefined;
  if (outDir !== undefined) {
    const made = await makeOutDir(outDir);
    if ('problem' in made) return refuse(io, outDir, made.problem);
    created = made.created;
  }

  progress.total = files.length;
  const written = new Set<string>();
  const results = new Map<string, FileImport>();
  let next = 0;
  const report = async (): Promise<void> => {
    for (; next < files.length; next++) {
      const r = results.get(files[next]!);
      if (!r) return;
      if ('problem' in r) fail(r.path, r.problem);
      else if (!r.result.ok) fail(r.path, r.result.message);
      else {
        for (const note of r.result.notes) {
          progress.clear();
          io.stderr(`${r.path}: ${localize(note, locale)}\n`);
        }
        for (const m of r.result.meetings) {
          const target = output ?? uniqueTarget(join(outDir ?? dirname(r.path), m.fileName), written);
          const wrote = (await sameFile(target, r.path)) ? SOURCE_ITSELF : await write(target, m, { force: values.force === true });
          if (wrote !== undefined) fail(target, wrote);
          else {
            written.add(resolve(target));
            progress.clear();
            io.stdout(`${target}: ${localize(summary(m, r.path), locale)}\n`);
          }
        }
      }
      progress.step(!('problem' in r) && r.result.ok ? 'read' : 'failed');
    }
  };

  let chain = Promise.resolve();
  // The readers on this thread only where a file is read here (few files, or a thread gone).
  const local = async (path: string): Promise<FileImport> => (await import('../node/importer')).importFile(path);
  await runPool(await largestFirst(files), { ...threads, local }, (batch) => {
    for (const r of batch) results.set(r.path, r);
    chain = chain.then(report);
  });
  await chain;
  await report();
  progress.clear();
  // An out-dir made for this run and left empty is not left behind.
  if (created !== undefined && written.size === 0) await removeEmpty(outDir!, created);
  return trouble ? 2 : 0;
}

/**
 * The files in the order the threads take them: the largest first, so a large PDF does not start last
 * and keep one thread at work while the others have nothing left (their results are still told in
 * the folder's order). A file that cannot be read counts as empty: its thread says why.
 */
async function largestFirst(files: readonly string[]): Promise<string[]> {
  const sizes = new Map<string, number>();
  await Promise.all(files.map(async (f) => sizes.set(f, (await stat(f).catch(() => undefined))?.size ?? 0)));
  return [...files].sort((a, b) => sizes.get(b)! - sizes.get(a)!);
}

/** The out-dir, made where it is missing; the first folder made, to take away again if nothing is written. */
async function makeOutDir(dir: string): Promise<{ created: string | undefined } | { problem: LocalizedText }> {
  const s = await stat(dir).catch(() => undefined);
  if (s !== undefined) {
    if (s.isDirectory()) return { created: undefined };
    return {
      problem: s.isFile()
        ? { da: 'er en fil, ikke en mappe; --out-dir skal være en mappe', en: 'is a file, not a folder; --out-dir needs a folder' }
        : { da: 'er ikke en mappe; --out-dir skal være en mappe', en: 'is not a folder; --out-dir needs a folder' },
    };
  }
  try {
    return { created: await mkdir(dir, { recursive: true }) };
  } catch (e) {
    const code = errorCode(e);
    if (code === 'EEXIST' || code === 'ENOTDIR')
      return { problem: { da: 'en del af stien er en fil, ikke en mappe', en: 'a part of the path is a file, not a folder' } };
    return {
      problem:
        code === 'EACCES' || code === 'EPERM'
          ? { da: 'adgang nægtet; kan ikke oprette mappen', en: 'permission denied; cannot create the folder' }
          : fsProblem(e),
    };
  }
}

/** The folders made for the run, from the out-dir up to the first one made, each only if empty. */
async function removeEmpty(dir: string, created: string): Promise<void> {
  const top = resolve(created);
  for (let d = resolve(dir); d === top || d.startsWith(`${top}${sep}`); d = dirname(d)) {
    try {
      await rmdir(d);
    } catch {
      return;
    }
  }
}

/** One line on what is wrong with where the referater go, before anything is read. */
function refuse(io: CliIO, path: string, problem: LocalizedText): number {
  io.stderr(`${path}: ${bothLanguages(problem)}\n`);
  return 2;
}

/** Two sources of this run with one meeting's name (its PDF and its page) each get a file. */
function uniqueTarget(target: string, written: ReadonlySet<string>): string {
  return untakenName(target, (candidate) => written.has(resolve(candidate)));
}

/** Writes the referat; never over an existing file unless forced, never through a link. The problem, if any. */
async function write(target: string, m: ImportedMeeting, { force }: { readonly force: boolean }): Promise<LocalizedText | undefined> {
  const wrote = await writeFileSafely(target, m.text, { force });
  if (wrote.ok) return undefined;
  return wrote.kind === 'exists' ? EXISTS : wrote.problem;
}

const SOURCE_ITSELF: LocalizedText = {
  da: 'er kilden selv; den overskrives aldrig, heller ikke med --force',
  en: 'is the source itself; it is never written over, not even with --force',
};

const EXISTS: LocalizedText = {
  da: 'filen findes allerede og overskrives ikke (brug --force for at erstatte den)',
  en: 'the file already exists and is not overwritten (use --force to replace it)',
};

function summary(m: ImportedMeeting, source: string): LocalizedText {
  const kind = m.document === 'dagsorden' ? { da: 'dagsorden', en: 'agenda' } : { da: 'referat', en: 'minutes' };
  // A folder's or zip's meeting says which of its files it came from.
  const from = m.source ?? basename(source);
  return {
    da: `${kind.da} med ${m.punkter} ${m.punkter === 1 ? 'punkt' : 'punkter'} fra ${from} (${m.dialect})`,
    en: `${kind.en} with ${m.punkter} ${m.punkter === 1 ? 'item' : 'items'} from ${from} (${m.dialect})`,
  };
}

/** One line on a terminal, rewritten in place: how far a folder import has come. Silent elsewhere. */
class Progress {
  private done = 0;
  private failed = 0;
  private shown = false;
  constructor(
    private readonly io: CliIO,
    public total: number,
    private readonly locale: Locale,
  ) {}

  step(outcome: 'read' | 'failed'): void {
    this.done++;
    if (outcome === 'failed') this.failed++;
    if (!this.io.interactive || this.total < 2) return;
    const line = localize(
      {
        da: `importerer ${this.done}/${this.total}${this.failed > 0 ? ` (${this.failed} kunne ikke læses)` : ''}`,
        en: `importing ${this.done}/${this.total}${this.failed > 0 ? ` (${this.failed} could not be read)` : ''}`,
      },
      this.locale,
    );
    this.io.stderr(`\r${line}\x1b[K`);
    this.shown = true;
  }

  clear(): void {
    if (!this.shown) return;
    this.io.stderr('\r\x1b[K');
    this.shown = false;
  }
}

// Referat: Import Minutes… — published minutes (PDF, First Agenda page or JSON, a meeting system's
// XML, its folder or zip) read by
// the language server, written as referater in the workspace (beside sources that are in it, or in
// a folder she picks), with a progress bar she can cancel. She is asked before a file is replaced,
// and before anything is written outside the workspace; the first referat is opened.
import * as vscode from 'vscode';
import { askModal, t } from './locale';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  IMPORT_EXTENSIONS,
  Protocol,
  type ImportAnswer,
  type ImportedReferat,
  type ImportParams,
  type ImportPlanAnswer,
  type ImportPlanParams,
  untakenName,
} from '../../server/src/protocol';
import { confirmOutside, defaultFolder, inWorkspace, parentOf } from './where';
import { exists, writeReplacing } from './files';

/** How a run went, for the caller (and the extension's tests). */
export interface ImportOutcome {
  readonly written: vscode.Uri[];
  readonly skipped: vscode.Uri[];
  readonly failed: { readonly source: vscode.Uri; readonly message: string }[];
  readonly cancelled: boolean;
}

/** What a caller may settle beforehand instead of asking: the tests, or another extension. */
export interface ImportOptions {
  readonly sources?: readonly vscode.Uri[];
  /** Where to write; when not given and not asked: beside each source in the workspace, else in the workspace folder. */
  readonly outDir?: vscode.Uri;
  /** Replace existing files without asking (true), never (false), or ask (undefined). */
  readonly replace?: boolean;
  /** Write outside the workspace without asking (true), in the workspace folder instead (false), or ask (undefined). */
  readonly outside?: boolean;
  /** Neither open the first referat nor say how it went (a caller that goes on with it). */
  readonly quiet?: boolean;
}

/** Requests in flight at once: the server reads each on a thread of its own (two by default). */
const LANES = 2;

export async function importMinutes(
  client: LanguageClient | undefined,
  output: vscode.OutputChannel,
  arg?: unknown,
  selected?: unknown,
): Promise<ImportOutcome> {
  const none: ImportOutcome = { written: [], skipped: [], failed: [], cancelled: true };
  if (!client) return none;
  const options = readArgs(arg, selected);
  const interactive = options.sources === undefined;
  const chosen = options.sources ?? (await pickSources());
  if (!chosen || chosen.length === 0) return none;
  let outDir = options.outDir;
  // Beside the sources only where she chose it; by default beside those in the workspace.
  let beside = false;
  if (!outDir && interactive) {
    const where = await pickDestination(chosen);
    if (where === undefined) return none;
    if (where === 'beside') beside = true;
    else outDir = where;
  }

  const files = await plan(client, output, chosen);
  if (files.length === 0) {
    void vscode.window.showWarningMessage(t('No files to import (PDF, HTML, JSON or XML).'));
    return none;
  }
  const dirOf = await targetFolders(files, { outDir, beside, outside: options.outside });
  if (!dirOf) return none;
  const run: ImportRun = {
    client,
    output,
    files,
    dirOf,
    replaceAll: options.replace,
    asking: Promise.resolve(),
    written: [],
    notes: 0,
    skipped: [],
    failed: [],
    cancelled: false,
    taken: new Set(),
  };
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('Importing minutes'), cancellable: true }, (progress, token) =>
    importAll(run, progress, token),
  );
  run.written.sort((a, b) => a.index - b.index);
  const outcome = { written: run.written.map((w) => w.uri), skipped: run.skipped, failed: run.failed, cancelled: run.cancelled };
  if (!options.quiet) await tell(run);
  return outcome;
}

/** Where each source's referater go, once she has agreed to any folder outside the workspace; undefined when she cancelled. */
async function targetFolders(
  files: readonly vscode.Uri[],
  where: { outDir: vscode.Uri | undefined; beside: boolean; outside: boolean | undefined },
): Promise<((source: vscode.Uri) => vscode.Uri) | undefined> {
  const home = defaultFolder();
  const planned = (source: vscode.Uri): vscode.Uri => where.outDir ?? (where.beside || inWorkspace(source) || !home ? parentOf(source) : home);
  // Never outside the workspace without a word: the archive would not see what is written there.
  const outside = await confirmOutside(files.map(planned), {
    ...(where.outside !== undefined ? { decided: where.outside ? ('there' as const) : ('workspace' as const) } : {}),
  });
  if (outside === undefined) return undefined;
  if (outside === 'there') return planned;
  const fallback = outside;
  return (source) => (inWorkspace(planned(source)) ? planned(source) : fallback);
}

/** One run of the command: what it reads, where it writes, and how it has gone so far. */
interface ImportRun {
  readonly client: LanguageClient;
  readonly output: vscode.OutputChannel;
  readonly files: readonly vscode.Uri[];
  readonly dirOf: (source: vscode.Uri) => vscode.Uri;
  /** Replace every existing file (true), none (false), or ask (undefined). */
  replaceAll: boolean | undefined;
  /** The question about replacing a file being asked, if one is: the next waits for it. */
  asking: Promise<void>;
  readonly written: { index: number; uri: vscode.Uri; document: ImportedReferat['document'] }[];
  /** Notes on what was read (a bilag without text, pages without text), in the output channel. */
  notes: number;
  readonly skipped: vscode.Uri[];
  readonly failed: { source: vscode.Uri; message: string }[];
  cancelled: boolean;
  /** The files this import has written or is writing (as URIs): a second meeting of the same name gets its own. */
  readonly taken: Set<string>;
}

/** Every file read by the server, a few at once, and its referater written, with a progress bar she can cancel. */
async function importAll(run: ImportRun, progress: vscode.Progress<{ increment?: number; message?: string }>, token: vscode.CancellationToken): Promise<void> {
  const { files } = run;
  let next = 0;
  let done = 0;
  const lane = async (): Promise<void> => {
    for (let i = next++; i < files.length; i = next++) {
      if (token.isCancellationRequested) return;
      const source = files[i]!;
      const answer = await readSource(run.client, source, token);
      if (token.isCancellationRequested) return;
      if (!answer.ok) {
        run.failed.push({ source, message: answer.message });
        run.output.appendLine(`${source.fsPath}: ${answer.message}`);
      } else if (!(await writeReferater(run, answer, i))) return;
      done++;
      progress.report({ increment: 100 / files.length, message: t('{0} of {1}: {2}', done, files.length, source.path.split('/').pop() ?? '') });
    }
  };
  await Promise.all(Array.from({ length: Math.min(LANES, files.length) }, lane));
  if (token.isCancellationRequested) run.cancelled = true;
}

/** The server's reading of one file; a request that failed is a failed reading. */
async function readSource(client: LanguageClient, source: vscode.Uri, token: vscode.CancellationToken): Promise<ImportAnswer> {
  try {
    return await client.sendRequest<ImportAnswer>(Protocol.importRequest, { path: source.fsPath } satisfies ImportParams, token);
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

/** The referater read from the run's file `index`, each written unless she keeps the file there; false when she cancelled. */
async function writeReferater(run: ImportRun, answer: ImportAnswer & { ok: true }, index: number): Promise<boolean> {
  const source = run.files[index]!;
  for (const note of answer.notes) run.output.appendLine(`${source.fsPath}: ${note}`);
  run.notes += answer.notes.length;
  for (const r of answer.referater) {
    // Two meetings of this import with one name (two agendas of a committee on one day) each get a file:
    // the name is taken at once, before any wait, since the other lanes write meanwhile.
    const dir = run.dirOf(source);
    const name = untakenName(r.fileName, (candidate) => run.taken.has(vscode.Uri.joinPath(dir, candidate).toString()));
    const target = vscode.Uri.joinPath(dir, name);
    run.taken.add(target.toString());
    if (await exists(target)) {
      const choice = await replaceOrKeep(run, target);
      if (choice === 'cancel') return false;
      if (choice === 'keep') {
        run.skipped.push(target);
        continue;
      }
    }
    await writeReplacing(target, new TextEncoder().encode(r.text));
    run.written.push({ index, uri: target, document: r.document });
    run.output.appendLine(`${target.fsPath}: ${r.punkter === 1 ? t('1 item from {0}', source.fsPath) : t('{0} items from {1}', r.punkter, source.fsPath)}`);
  }
  return true;
}

/** The first referat opened, and how the run went in a message. */
async function tell(run: ImportRun): Promise<void> {
  const { written, skipped, failed, output } = run;
  const first = written[0];
  if (first) await vscode.window.showTextDocument(first.uri, { preview: false });
  const summary = run.cancelled
    ? t('Import cancelled: {0} written.', documents(written))
    : t('Imported {0} from {1}.', documents(written), fileCount(run.files.length));
  if (failed.length > 0) {
    const show = t('Show details');
    const lone = failed.length === 1 && written.length === 0 && skipped.length === 0 && !run.cancelled ? failed[0] : undefined;
    // One file refused and nothing else done: its reason is the message, not a count behind a button.
    const message = lone
      ? t('{0} was not imported: {1}', lone.source.path.split('/').pop() ?? '', lone.message)
      : `${summary} ${t('{0} could not be read.', fileCount(failed.length))}`;
    void vscode.window.showWarningMessage(message, show).then((picked) => picked === show && output.show());
  } else {
    const kept = skipped.length > 0 ? ` ${t('{0} kept.', skipped.length === 1 ? t('1 existing file') : t('{0} existing files', skipped.length))}` : '';
    // What the reader noticed (a bilag without text, a PDF missing for a punkt) is said, with the way to it.
    if (run.notes === 0) void vscode.window.showInformationMessage(`${summary}${kept}`);
    else {
      const show = t('Show details');
      const noted = run.notes === 1 ? t('1 note on what was read.') : t('{0} notes on what was read.', run.notes);
      void vscode.window.showInformationMessage(`${summary}${kept} ${noted}`, show).then((picked) => picked === show && output.show());
    }
  }
}

/** The documents written, as what they are: referater, and dagsordener where the source was one. */
function documents(written: ImportRun['written']): string {
  const agendas = written.filter((w) => w.document === 'dagsorden').length;
  const minutes = written.length - agendas;
  if (agendas === 0) return referater(minutes);
  const dagsordener = agendas === 1 ? t('1 dagsorden') : t('{0} dagsordener', agendas);
  return minutes === 0 ? dagsordener : t('{0} and {1}', referater(minutes), dagsordener);
}

// vscode.l10n has no plural forms: each count's phrase is a message of its own, in both languages.
function referater(n: number): string {
  return n === 1 ? t('1 referat') : t('{0} referater', n);
}
function fileCount(n: number): string {
  return n === 1 ? t('1 file') : t('{0} files', n);
}

/** From the explorer: the file clicked and the others selected; from code: an options object. */
function readArgs(arg: unknown, selected: unknown): ImportOptions {
  if (Array.isArray(selected) && selected.length > 0 && selected.every((u) => u instanceof vscode.Uri)) return { sources: selected };
  if (arg instanceof vscode.Uri) return { sources: [arg] };
  if (arg && typeof arg === 'object') return arg;
  return {};
}

async function pickSources(): Promise<readonly vscode.Uri[] | undefined> {
  const files = t('Choose files…');
  const folder = t('Choose a folder…');
  const picked = await vscode.window.showQuickPick(
    [
      { label: files, detail: t('PDF, First Agenda pages (HTML) and exports (JSON), meeting systems’ XML and zip') },
      { label: folder, detail: t('A meeting system’s export folder, or every such file in the folder and its sub-folders') },
    ],
    { title: t('Import minutes'), placeHolder: t('What do you want to import?') },
  );
  if (!picked) return undefined;
  const defaultUri = vscode.workspace.workspaceFolders?.[0]?.uri;
  return vscode.window.showOpenDialog({
    canSelectFiles: picked.label === files,
    canSelectFolders: picked.label === folder,
    canSelectMany: picked.label === files,
    openLabel: t('Import'),
    title: t('Import minutes'),
    ...(defaultUri ? { defaultUri } : {}),
    ...(picked.label === files ? { filters: { [t('Published minutes')]: [...IMPORT_EXTENSIONS] } } : {}),
  });
}

/**
 * A folder, beside the sources, or undefined when she cancels. The first choice, the one Enter
 * takes, is always in the workspace: beside the sources when they are in it, else a workspace folder.
 */
async function pickDestination(sources: readonly vscode.Uri[]): Promise<vscode.Uri | 'beside' | undefined> {
  type Choice = vscode.QuickPickItem & { readonly to: vscode.Uri | 'beside' | 'choose' };
  const sourcesInside = sources.every((s) => inWorkspace(s));
  const besideItem: Choice = {
    label: t('Next to the sources'),
    description: sourcesInside ? t('in the workspace') : t('outside the workspace: you are asked first'),
    to: 'beside',
  };
  const folders: Choice[] = (vscode.workspace.workspaceFolders ?? []).map((f) => ({
    label: t('In the workspace folder {0}', f.name),
    description: f.uri.fsPath,
    to: f.uri,
  }));
  const choose: Choice = { label: t('In a folder I choose…'), to: 'choose' };
  const items = sourcesInside || folders.length === 0 ? [besideItem, ...folders, choose] : [...folders, besideItem, choose];
  const picked = await vscode.window.showQuickPick(items, { title: t('Where should the referater go?') });
  if (picked === undefined) return undefined;
  if (picked.to !== 'choose') return picked.to;
  const home = defaultFolder();
  const dir = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    openLabel: t('Write here'),
    ...(home ? { defaultUri: home } : {}),
  });
  return dir?.[0];
}

type ReplaceChoice = 'replace' | 'all' | 'skip' | 'none' | 'cancel';

/**
 * Whether an existing file is replaced: her answer for all where she gave one, else her answer now.
 * One question at a time: the lanes write in parallel, and a lane that waited behind a question
 * reads its answer first (asked at once, "Keep all existing" was followed by a question for the next
 * file, whose default replaced her edited referat).
 */
function replaceOrKeep(run: ImportRun, target: vscode.Uri): Promise<'replace' | 'keep' | 'cancel'> {
  const answer = run.asking.then(async (): Promise<'replace' | 'keep' | 'cancel'> => {
    if (run.cancelled) return 'cancel';
    if (run.replaceAll !== undefined) return run.replaceAll ? 'replace' : 'keep';
    const choice = await askReplace(target);
    if (choice === 'cancel') {
      run.cancelled = true;
      return 'cancel';
    }
    if (choice === 'all') run.replaceAll = true;
    if (choice === 'none') run.replaceAll = false;
    return choice === 'replace' || choice === 'all' ? 'replace' : 'keep';
  });
  run.asking = answer.then(
    () => undefined,
    () => undefined,
  );
  return answer;
}

async function askReplace(target: vscode.Uri): Promise<ReplaceChoice> {
  const replace = t('Replace');
  const all = t('Replace all');
  const skip = t('Keep the existing');
  const none = t('Keep all existing');
  // Keeping comes first, the button Enter presses: replacing loses what she wrote in the file since.
  const picked = await askModal(
    t('{0} already exists. Replace it with the imported referat?', target.path.split('/').pop() ?? ''),
    {},
    skip,
    none,
    replace,
    all,
  );
  return picked === replace ? 'replace' : picked === all ? 'all' : picked === skip ? 'skip' : picked === none ? 'none' : 'cancel';
}

/**
 * The sources in what she chose, as the server sees them: files as they are, a folder a meeting
 * system wrote (its XML with the PDFs it names) as one source, other folders searched for the kinds
 * the import reads. Where the server cannot say (an older server), the folders are searched here.
 */
async function plan(client: LanguageClient, output: vscode.OutputChannel, uris: readonly vscode.Uri[]): Promise<vscode.Uri[]> {
  const local = uris.filter((u) => u.scheme === 'file');
  if (local.length !== uris.length) return expand(uris);
  try {
    const answer = await client.sendRequest<ImportPlanAnswer>(Protocol.importPlanRequest, { paths: local.map((u) => u.fsPath) } satisfies ImportPlanParams);
    for (const p of answer.problems) output.appendLine(`${p.path}: ${p.message}`);
    return answer.sources.map((p) => vscode.Uri.file(p));
  } catch {
    return expand(uris);
  }
}

/** Files as they are; folders searched, sub-folders too, for the kinds the import reads. */
async function expand(uris: readonly vscode.Uri[]): Promise<vscode.Uri[]> {
  const out: vscode.Uri[] = [];
  const walk = async (uri: vscode.Uri): Promise<void> => {
    let type: vscode.FileType;
    try {
      type = (await vscode.workspace.fs.stat(uri)).type;
    } catch {
      return;
    }
    if (!(type & vscode.FileType.Directory)) {
      out.push(uri);
      return;
    }
    const entries = await vscode.workspace.fs.readDirectory(uri);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [name, t] of entries) {
      if (name.startsWith('.')) continue;
      const child = vscode.Uri.joinPath(uri, name);
      if (t & vscode.FileType.Directory) await walk(child);
      else if (IMPORT_EXTENSIONS.includes(name.split('.').pop()?.toLowerCase() ?? '')) out.push(child);
    }
  };
  for (const u of uris) await walk(u);
  return out;
}

/** Whether a file is there (the workspace's file system: local or remote alike). */

// Where the extension writes new referater: in the workspace, where the archive, completion and
// case history see them. A folder outside it is written to only after she says so.
import * as vscode from 'vscode';
import { askModal, t } from './locale';

/** The folder a file is in. */
export function parentOf(uri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(uri, '..');
}

/** Whether a file or folder lies in one of the open workspace folders. */
export function inWorkspace(uri: vscode.Uri): boolean {
  return vscode.workspace.getWorkspaceFolder(uri) !== undefined;
}

/** The workspace folder new files go to when their own place is outside: the first one, if any. */
export function defaultFolder(): vscode.Uri | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

/**
 * What to do about folders outside the workspace: `there` (write as planned), a workspace folder
 * to write in instead, or undefined (she cancelled). Nothing outside: `there`, without a word.
 * `decided` settles it beforehand: `there` writes there, `workspace` in the workspace folder (or
 * nothing, when no folder is open).
 */
export async function confirmOutside(
  dirs: readonly vscode.Uri[],
  { decided }: { readonly decided?: 'there' | 'workspace' } = {},
): Promise<'there' | vscode.Uri | undefined> {
  const outside = [...new Map(dirs.filter((d) => !inWorkspace(d)).map((d) => [d.toString(), d])).values()];
  if (outside.length === 0 || decided === 'there') return 'there';
  const folder = defaultFolder();
  if (decided === 'workspace') return folder;
  const instead = folder ? t('Write in {0} instead', vscode.workspace.getWorkspaceFolder(folder)?.name ?? folder.path.split('/').pop() ?? '') : undefined;
  const anyway = t('Write outside the workspace');
  const first = outside[0]!.fsPath;
  const detail = folder
    ? t('Case history, completion and the archive only know the referater in the workspace folder.')
    : t('No folder is open: case history, completion and the archive only know the referater in an open folder.');
  const picked = await askModal(
    outside.length === 1 ? t('{0} is outside the workspace. Write there?', first) : t('{0} and other folders are outside the workspace. Write there?', first),
    { detail },
    ...(instead ? [instead] : []),
    anyway,
  );
  if (picked === anyway) return 'there';
  if (picked !== undefined && picked === instead) return folder;
  return undefined;
}

import * as vscode from 'vscode';

/** Is there anything at this name: a file, a folder, or a link (a dangling one too)? */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes a file the user asked for (or agreed to replace). A symbolic link at the name is replaced
 * itself, never written through: its target may lie outside the folder, and writing there would
 * change a file nobody named.
 */
export async function writeReplacing(target: vscode.Uri, bytes: Uint8Array): Promise<void> {
  let link = false;
  try {
    link = ((await vscode.workspace.fs.stat(target)).type & vscode.FileType.SymbolicLink) !== 0;
  } catch {
    // Nothing there: written as new.
  }
  if (link) await vscode.workspace.fs.delete(target, { useTrash: false });
  await vscode.workspace.fs.writeFile(target, bytes);
}

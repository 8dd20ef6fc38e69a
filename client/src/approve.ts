import * as vscode from 'vscode';
import { approvalDate, dayFirst } from './approvalDate';
import { askModal, t } from './locale';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Protocol, type ApprovalCandidates, type ApproveAnswer, type ApproveParams } from '../../server/src/protocol';

/** Whether she goes on, asked in a modal question. */
const ask = async (message: string, goOn: string): Promise<boolean> => (await askModal(message, {}, goOn)) === goOn;

/**
 * Godkend referat: the approvers picked among the members present in the header (typed, where it
 * names none), the date (today first), and the approval block the server writes applied to the
 * open document as one edit she can undo and saves herself. An approval already there is replaced
 * only when she says so (the quick fix that approves again has said so).
 */
export async function approveMinutes(
  client: LanguageClient | undefined,
  asked: { readonly replace?: boolean } = {},
): Promise<{ approved?: boolean; refused?: string }> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || doc.languageId !== 'referat' || !client) {
    void vscode.window.showInformationMessage(t('Open the referat to approve.'));
    return {};
  }
  const uri = doc.uri.toString();
  const candidates = await client.sendRequest<ApprovalCandidates | null>('workspace/executeCommand', {
    command: Protocol.approvalCandidatesCommand,
    arguments: [uri],
  });
  if (!candidates) return {};
  let force = false;
  // From the quick fix "Approve the referat again": she has said so already.
  if (candidates.approved) {
    if (!asked.replace && !(await ask(t('This referat is already approved. Replace its approval?'), t('Replace the approval')))) return {};
    force = true;
  }
  // Errors in the text do not stop an approval (a seal is no check), but she is asked before, not told after.
  // Not a change since an earlier approval: approving again is what mends that.
  const first = candidates.firstError;
  if (candidates.errors > 0 && first) {
    const count = candidates.errors === 1 ? t('1 error') : t('{0} errors', candidates.errors);
    const message = t('The referat has {0} (the first on line {1}: {2}). Approve it all the same?', count, first.line + 1, first.message.replace(/\.$/, ''));
    if (!(await ask(message, t('Approve all the same')))) return {};
  }
  const by = await pickApprovers(candidates.members, candidates.approvedBy ?? []);
  if (!by) return {};
  const { meeting } = candidates;
  // YYYY-MM-DD compares as the days it names: an approval is dated on or after the meeting's day.
  const beforeMeeting = (day: string): boolean => meeting !== undefined && day < meeting;
  const date = await vscode.window.showInputBox({
    title: t('Date of the approval'),
    // What to write, in her language (VS Code adds its own English line about Enter and Escape after it).
    prompt: t('The day the referat was approved, as DD-MM-YYYY or YYYY-MM-DD.'),
    // Today, or the meeting's day where she approves ahead of it (a referat written before its meeting).
    value: dayFirst(meeting && beforeMeeting(candidates.today) ? meeting : candidates.today),
    validateInput: (v) => {
      const day = approvalDate(v);
      if (!day) return t('Write a date that exists, as DD-MM-YYYY or YYYY-MM-DD.');
      return meeting && beforeMeeting(day) ? t('The meeting is on {0}: a referat is approved on or after that day.', dayFirst(meeting)) : undefined;
    },
  });
  const day = date === undefined ? undefined : approvalDate(date);
  if (day === undefined) return {};
  const params: ApproveParams = { by, date: day, force };
  const answer = await client.sendRequest<ApproveAnswer | null>('workspace/executeCommand', { command: Protocol.approveCommand, arguments: [uri, params] });
  if (!answer) return {};
  if (!answer.ok) {
    void vscode.window.showErrorMessage(answer.message);
    return { refused: answer.message };
  }
  // The edit is for the text the server read: not for one she has changed since.
  if (answer.version !== doc.version) {
    const message = t('The referat changed while it was being approved; approve it again.');
    void vscode.window.showErrorMessage(message);
    return { refused: message };
  }
  const { start, end } = answer.edit.range;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(start.line, start.character, end.line, end.character), answer.edit.newText);
  if (!(await vscode.workspace.applyEdit(edit))) return { refused: t('The referat changed while it was being approved; approve it again.') };
  // The block she has just made, in view: it is at the end of a long referat.
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
  const lines = answer.edit.newText.split('\n');
  const blockEnd = new vscode.Position(start.line + lines.length - 1, (lines.length === 1 ? start.character : 0) + lines[lines.length - 1]!.length);
  editor?.revealRange(new vscode.Range(start.line, 0, blockEnd.line, blockEnd.character), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  for (const w of answer.warnings) void vscode.window.showWarningMessage(w);
  // Where VS Code saves by itself (files.autoSave, always on in VS Code for the web), she is not asked to.
  const savesItself = vscode.workspace.getConfiguration('files', doc.uri).get<string>('autoSave', 'off') !== 'off';
  void vscode.window.showInformationMessage(
    savesItself ? t('Approved by {0}.', by.join(', ')) : t('Approved by {0}. Save the referat to keep the approval.', by.join(', ')),
  );
  return { approved: true };
}

/**
 * The members present, several picked at once; names typed where the header lists none. Approving
 * again, those who approved before are offered: ticked among the members, or written in the box.
 */
async function pickApprovers(members: readonly string[], before: readonly string[]): Promise<string[] | undefined> {
  if (members.length > 0) {
    // Those present approve their minutes: all are ticked (or those who approved before), and she unticks who does not.
    const earlier = before.filter((name) => members.includes(name));
    const picked = await vscode.window.showQuickPick(
      members.map((label) => ({ label, picked: earlier.length === 0 || earlier.includes(label) })),
      { canPickMany: true, title: t('Who approves the referat?'), placeHolder: t('Pick the members who approve it') },
    );
    if (picked && picked.length === 0) void vscode.window.showInformationMessage(t('No one was picked: the referat is not approved.'));
    return picked && picked.length > 0 ? picked.map((p) => p.label) : undefined;
  }
  const typed = await vscode.window.showInputBox({
    title: t('Who approves the referat?'),
    prompt: t('The header names no members present: write the names, separated by commas.'),
    value: before.join(', '),
  });
  const names = (typed ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  return names.length > 0 ? names : undefined;
}

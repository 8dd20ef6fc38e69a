import * as vscode from 'vscode';
import daMessages from '../../l10n/bundle.l10n.da.json';
import { toLocale, type Locale } from '../../server/src/i18n/locale';

/*
 * The language Referat speaks. VS Code has no Danish display language (no language pack for it), so
 * a Danish secretary's VS Code is English; `referat.language` lets her have Referat in Danish all the
 * same: the server's findings, hovers and completions, and the extension's own dialogs and messages.
 */

const DANISH: Readonly<Record<string, string>> = daMessages;

/** `referat.language`, or, with `auto`, VS Code's display language. */
export function referatLocale(): Locale {
  const chosen = vscode.workspace.getConfiguration('referat').get<string>('language');
  return chosen === 'da' || chosen === 'en' ? chosen : toLocale(vscode.env.language);
}

/** The display language's own code (`da`, `en`, `de`): VS Code's translation of a message is in it. */
const displayLanguage = (): string => vscode.env.language.toLowerCase().split('-')[0] ?? '';

/** A message of the extension in Referat's language: VS Code's own translation where that is the display language, else Referat's own. */
export function t(message: string, ...args: (string | number | boolean)[]): string {
  const locale = referatLocale();
  if (locale === displayLanguage()) return vscode.l10n.t(message, ...args);
  const template = locale === 'da' ? (DANISH[message] ?? message) : message;
  return template.replace(/\{(\d+)\}/g, (placeholder, i: string) => {
    const arg = args[Number(i)];
    return arg === undefined ? placeholder : String(arg);
  });
}

/**
 * A modal question whose Cancel is in Referat's language too (VS Code adds its own in the display
 * language otherwise): the answer she picked, or undefined for Cancel or Escape.
 */
export async function askModal(message: string, options: { readonly detail?: string }, ...answers: string[]): Promise<string | undefined> {
  const items: vscode.MessageItem[] = answers.map((title) => ({ title }));
  const cancel: vscode.MessageItem = { title: t('Cancel'), isCloseAffordance: true };
  const picked = await vscode.window.showWarningMessage(message, { modal: true, ...options }, ...items, cancel);
  return picked === undefined || picked === cancel ? undefined : picked.title;
}

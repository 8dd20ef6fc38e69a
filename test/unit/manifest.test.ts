import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers';

/*
 * The extension's manifest as VS Code reads it: every text in Danish and English, the prose
 * defaults for referater, the walkthrough with its media, and the commands a new user starts
 * with reachable from the command palette with no file open.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const read = (rel: string): Json => JSON.parse(readFileSync(join(repoRoot, rel), 'utf8')) as Json;
const manifest = read('package.json') as { contributes: Record<string, Json> };
const en = read('package.nls.json') as Record<string, string>;
const da = read('package.nls.da.json') as Record<string, string>;
const contributes = manifest.contributes;

/** Every string in the manifest, as VS Code's localisation walks it (nested values too). */
function strings(value: Json): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}
const keys = strings(manifest as unknown as Json)
  .map((s) => /^%([\w.-]+)%$/.exec(s)?.[1])
  .filter((k): k is string => k !== undefined);

test('every %key% of package.json is in package.nls.json and package.nls.da.json, and neither holds a key no one uses', () => {
  for (const k of keys) {
    assert.ok(typeof en[k] === 'string' && en[k] !== '', `package.nls.json lacks ${k}`);
    assert.ok(typeof da[k] === 'string' && da[k] !== '', `package.nls.da.json lacks ${k}`);
  }
  assert.deepEqual(Object.keys(en).sort(), [...new Set(keys)].sort(), 'package.nls.json');
  assert.deepEqual(Object.keys(da).sort(), [...new Set(keys)].sort(), 'package.nls.da.json');
});

test('every message of the extension (t, or vscode.l10n.t) has its Danish translation, and the bundle holds no other', () => {
  const bundle = read('l10n/bundle.l10n.da.json') as Record<string, string>;
  const used = new Set<string>();
  for (const name of readdirSync(join(repoRoot, 'client/src'))) {
    const source = readFileSync(join(repoRoot, 'client/src', name), 'utf8');
    for (const m of source.matchAll(/(?:l10n\.)?\bt\(\s*'((?:\\.|[^'\\])*)'/g)) used.add(m[1]!.replace(/\\'/g, "'"));
  }
  assert.ok(used.size > 40);
  for (const k of used) assert.ok(bundle[k], `l10n/bundle.l10n.da.json lacks "${k}"`);
  assert.deepEqual(
    Object.keys(bundle).filter((k) => !used.has(k)),
    [],
  );
  // One English word for a punkt in the UI: "item". The Danish says punkt.
  for (const k of used) assert.doesNotMatch(k, /\bpunkt(er)?\b/i, `"${k}" says punkt in English`);
  for (const [k, v] of Object.entries(en)) assert.doesNotMatch(v, /\bpunkt(er)?\b/i, `package.nls.json ${k} says punkt in English`);
});

test('the plural forms: one referat, one file, one item', () => {
  const bundle = read('l10n/bundle.l10n.da.json') as Record<string, string>;
  const say = (k: string, ...args: string[]): string => bundle[k]!.replace(/\{(\d)\}/g, (_, i: string) => args[Number(i)]!);
  assert.equal(say('Imported {0} from {1}.', say('1 referat'), say('1 file')), '1 referat importeret fra 1 fil.');
  assert.equal(say('Imported {0} from {1}.', say('{0} referater', '3'), say('{0} files', '2')), '3 referater importeret fra 2 filer.');
  assert.equal(say('{0} could not be read.', say('1 file')), '1 fil kunne ikke læses.');
  // A lone file refused: its name and the server's reason, in one message.
  assert.equal(say('{0} was not imported: {1}', 'bilag.pdf', 'Filen rummer intet møde.'), 'bilag.pdf blev ikke importeret: Filen rummer intet møde.');
  assert.equal(say('1 item from {0}', 'a.pdf'), '1 punkt fra a.pdf');
});

test('the preview commands say forhåndsvisning in Danish, as VS Code does', () => {
  assert.equal(da['command.openPreview'], 'Åbn forhåndsvisning');
  assert.equal(da['command.openPreviewToSide'], 'Åbn forhåndsvisning i siden af');
  assert.equal(en['command.openPreview'], 'Open Preview');
  assert.equal(en['command.openPreviewToSide'], 'Open Preview to the Side');
  for (const v of Object.values(da)) assert.doesNotMatch(v, /eksempel/i);
});

test('prose defaults for referater: word wrap, no word suggestions, Enter never takes a suggestion, trigger characters kept', () => {
  const defaults = (contributes.configurationDefaults as Record<string, Record<string, Json>>)['[referat]']!;
  assert.equal(defaults['editor.wordWrap'], 'on');
  assert.equal(defaults['editor.wordBasedSuggestions'], 'off');
  assert.equal(defaults['editor.acceptSuggestionOnEnter'], 'off');
  // Inline in the header's fields too: the grammar scopes their values as strings (`Mødedeltagere Ditte` → `Ditte Ågård`).
  assert.deepEqual(defaults['editor.quickSuggestions'], { other: 'inline', comments: 'off', strings: 'inline' });
  // Prose, as VS Code sets for Markdown and plain text: the en dash and typographic quotes of Danish minutes are not boxed as look-alikes of ASCII.
  assert.equal(defaults['editor.unicodeHighlight.ambiguousCharacters'], false);
  // An imported table's empty cell is a non-breaking space: not boxed as an invisible character in every such row.
  assert.deepEqual(defaults['editor.unicodeHighlight.allowedCharacters'], { '\u00a0': true });
  // The server's completions open on its trigger characters (space, comma, colon, period) and with Ctrl+Space.
  assert.equal(defaults['editor.suggestOnTriggerCharacters'], true);
  assert.equal(defaults['editor.formatOnType'], true);
  // Tab writes a tab: rows she sets out with it are a table in the rendering, as imported rows are.
  assert.equal(defaults['editor.insertSpaces'], false);
  // The README says what they are and how to change them.
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  for (const setting of ['editor.wordWrap', 'editor.wordBasedSuggestions', 'editor.acceptSuggestionOnEnter', 'editor.quickSuggestions', 'editor.insertSpaces'])
    assert.ok(readme.includes(setting), `README names ${setting}`);
});

test('Import Minutes and Create Referat from Dagsorden are in the command palette with no file open', () => {
  const commands = (contributes.commands as { command: string }[]).map((c) => c.command);
  const palette = (contributes.menus as Record<string, { command: string; when?: string }[]>).commandPalette!;
  for (const id of ['referat.importMinutes', 'referat.createReferat']) {
    assert.ok(commands.includes(id), id);
    const hidden = palette.filter((m) => m.command === id && m.when !== undefined && m.when !== 'true');
    assert.deepEqual(hidden, [], `${id} is hidden in the palette`);
  }
  // Contributed commands activate the extension themselves (VS Code ≥ 1.74), with no referat.yaml.
  assert.match((manifest as unknown as { engines: { vscode: string } }).engines.vscode, /^\^1\.(7[4-9]|[89]\d|1\d\d)\./);
});

test('the walkthrough of the first meeting: six steps, each with its media in both languages, its command link and its completion event', () => {
  const walkthroughs = contributes.walkthroughs as {
    id: string;
    title: string;
    steps: { id: string; title: string; description: string; media: { markdown: string }; completionEvents: string[] }[];
  }[];
  assert.equal(walkthroughs.length, 1);
  const steps = walkthroughs[0]!.steps;
  assert.deepEqual(
    steps.map((s) => s.id),
    ['archive', 'create', 'write', 'check', 'preview', 'publish'],
  );
  const ours = new Set((contributes.commands as { command: string }[]).map((c) => c.command));
  const builtIn = new Set(['workbench.action.files.openFolder', 'workbench.actions.view.problems', 'workbench.action.openSettings']);
  for (const step of steps) {
    assert.ok(step.completionEvents.length > 0, step.id);
    for (const nls of [en, da]) {
      const media = nls[/^%(.+)%$/.exec(step.media.markdown)![1]!]!;
      assert.match(media, /^media\/walkthrough\/[a-z]+(\.da)?\.md$/);
      assert.ok(existsSync(join(repoRoot, media)), media);
      // Local media only: no image from the network.
      assert.doesNotMatch(readFileSync(join(repoRoot, media), 'utf8'), /!\[[^\]]*\]\(https?:/);
      const description = nls[/^%(.+)%$/.exec(step.description)![1]!]!;
      const links = [...description.matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1]!);
      assert.ok(links.length > 0, `${step.id} has a command link`);
      for (const l of links) assert.ok(ours.has(l) || builtIn.has(l), `${step.id} links to ${l}`);
    }
  }
  assert.deepEqual(steps.flatMap((s) => s.completionEvents.filter((e) => e.startsWith('onCommand:referat.'))).sort(), [
    'onCommand:referat.createReferat',
    'onCommand:referat.exportHtml',
    'onCommand:referat.exportPdf',
    'onCommand:referat.importMinutes',
    'onCommand:referat.openPreview',
    'onCommand:referat.openPreviewToSide',
  ]);
  // The media travel in the .vsix.
  assert.match(readFileSync(join(repoRoot, '.vscodeignore'), 'utf8'), /^!media\/\*\*$/m);
});

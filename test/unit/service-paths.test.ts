import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { URI } from 'vscode-uri';
import { nodePaths } from '../../server/src/node/paths';
import { defaultPaths, filePaths } from '../../server/src/service/paths';

/*
 * File paths and document URIs as VS Code writes them (vscode-uri), on Windows, where the
 * secretaries work, and elsewhere: a document the editor names and the same file found on disk
 * must be one URI, or the archive and the open editor speak of two files.
 */

const windows = filePaths('windows');
const posix = filePaths('posix');

test('a Windows drive letter: C: becomes c%3A as VS Code writes it, and the path comes back', () => {
  assert.equal(windows.toUri('C:\\Users\\x\\referat.yaml'), 'file:///c%3A/Users/x/referat.yaml');
  assert.equal(windows.toPath('file:///c%3A/Users/x/referat.yaml'), 'C:\\Users\\x\\referat.yaml');
  // What VS Code sends for the same file.
  assert.equal(windows.toUri('C:\\Users\\x\\referat.yaml'), URI.parse('file:///C:/Users/x/referat.yaml').toString());
  // A URI written with a plain colon, as other editors may, names the same path.
  assert.equal(windows.toPath('file:///C:/Users/x/referat.yaml'), 'C:\\Users\\x\\referat.yaml');
  assert.equal(windows.toPath('file:///c:/Users/x/referat.yaml'), 'C:\\Users\\x\\referat.yaml');
  // A drive's root, and forward slashes in a Windows path.
  assert.equal(windows.toUri('D:\\'), 'file:///d%3A/');
  assert.equal(windows.toUri('C:/Users/x/a.referat'), 'file:///c%3A/Users/x/a.referat');
});

test('a Windows network share keeps its server as the authority', () => {
  assert.equal(windows.toUri('\\\\fil01\\Referater\\Byrådet.referat'), 'file://fil01/Referater/Byr%C3%A5det.referat');
  assert.equal(windows.toPath('file://fil01/Referater/Byr%C3%A5det.referat'), '\\\\fil01\\Referater\\Byrådet.referat');
});

test('spaces, #, % and æøå in names are percent-encoded and decoded back, on both systems', () => {
  const names = ['Økonomi- og Erhvervsudvalget 2024', 'Punkt #3 (100% enig)', 'Børne- og Ungdomsudvalget', 'a%20b', 'æøå ÆØÅ'];
  for (const name of names) {
    const winPath = `C:\\Users\\Søren Ågård\\Referater\\${name}.referat`;
    const winUri = windows.toUri(winPath);
    assert.ok(!/[ #æøåÆØÅ]/.test(winUri.slice('file://'.length)), winUri);
    assert.equal(windows.toPath(winUri), winPath);
    assert.equal(windows.toUri(windows.toPath(winUri)!), winUri);

    const posixPath = `/home/søren/Referater/${name}.referat`;
    const posixUri = posix.toUri(posixPath);
    assert.equal(posix.toPath(posixUri), posixPath);
    // As VS Code writes it.
    assert.equal(posixUri, URI.file(posixPath).toString());
    // The same file as node's url module reads it.
    assert.equal(decodeURIComponent(new URL(posixUri).pathname), decodeURIComponent(pathToFileURL(posixPath).pathname));
  }
  assert.equal(posix.toUri('/ws/Punkt #3 100%.referat'), 'file:///ws/Punkt%20%233%20100%25.referat');
  assert.equal(windows.toUri('C:\\x\\æ.referat'), 'file:///c%3A/x/%C3%A6.referat');
});

test('a URI that is no file has no path; a fragment is no part of the path', () => {
  for (const paths of [windows, posix]) {
    assert.equal(paths.toPath('untitled:Untitled-1'), undefined);
    assert.equal(paths.toPath('vscode-notebook-cell:/x.referat#1'), undefined);
  }
  assert.equal(posix.toPath('file:///ws/a.referat#L15'), '/ws/a.referat');
  assert.equal(defaultPaths.toUri('/ws/a.referat'), 'file:///ws/a.referat');
});

test("the node host's paths are this platform's, and a relative path is taken from the working folder", () => {
  const here = nodePaths.toUri('x.referat');
  assert.equal(nodePaths.toPath(here), `${process.cwd()}${process.platform === 'win32' ? '\\' : '/'}x.referat`);
  assert.equal(nodePaths.toUri(nodePaths.toPath(here)!), here);
});

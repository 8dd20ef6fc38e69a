import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { SHOWN_PER_KIND, shownOf } from '../../server/src/lsp/diagnostics';

const at = (line: number): Diagnostic['range'] => ({ start: { line, character: 0 }, end: { line, character: 1 } });

test('the editor is shown every error and at most SHOWN_PER_KIND of each other kind, with one line saying how many more', () => {
  const warnings = Array.from({ length: SHOWN_PER_KIND + 120 }, (_, i): Diagnostic => ({
    range: at(i),
    severity: DiagnosticSeverity.Warning,
    code: 'toc-mismatch',
    message: `w${i}`,
  }));
  const errors = Array.from({ length: SHOWN_PER_KIND + 7 }, (_, i): Diagnostic => ({
    range: at(i),
    severity: DiagnosticSeverity.Error,
    code: 'cpr-number',
    message: `e${i}`,
  }));
  const few = [{ range: at(3), severity: DiagnosticSeverity.Hint, code: 'spelling', message: 'h' }];
  const shown = shownOf([...warnings, ...errors, ...few], 'en');
  assert.equal(shown.filter((d) => d.code === 'cpr-number').length, SHOWN_PER_KIND + 7);
  assert.equal(shown.filter((d) => d.code === 'spelling').length, 1);
  const toc = shown.filter((d) => d.code === 'toc-mismatch');
  assert.equal(toc.length, SHOWN_PER_KIND + 1);
  const more = toc[toc.length - 1]!;
  assert.equal(more.severity, DiagnosticSeverity.Information);
  assert.deepEqual(more.range, at(SHOWN_PER_KIND));
  assert.equal(more.message, '120 more findings of the same kind (toc-mismatch) are not shown here; referat check lists them all.');
  assert.match(shownOf(warnings, 'da').at(-1)!.message, /^120 fund mere af samme slags \(toc-mismatch\)/);
  // Below the limit, the findings as they are.
  assert.deepEqual(shownOf(warnings.slice(0, 10), 'en'), warnings.slice(0, 10));
});

import { SymbolKind, type SymbolInformation } from 'vscode-languageserver-types';
import type { ArchiveIndex } from '../archive/index';

/** Punkt titles and journal numbers across every meeting of the archive (ctrl+T). */
export function workspaceSymbols(query: string, archive: ArchiveIndex, limit = 500): SymbolInformation[] {
  return archive
    .symbols(query, limit)
    .map((s) => ({ name: s.name, kind: SymbolKind.Number, location: { uri: s.uri, range: s.range }, containerName: s.detail }));
}

/**
 * The core as a library: the language service and what it is built from, for another host, the
 * in-process benchmark and the tests. The language server and the command line use the service.
 */
export {
  createLanguageService,
  CancelledError,
  type CancellationToken,
  type LanguageServiceOptions,
  type ReferatDocument,
  type ReferatLanguageService,
  type WorkspaceChange,
} from './service/languageService';
export type { ReferenceOptions } from './service/api';
export { MemoryWorkspace } from './workspace/memoryWorkspace';
export type { Workspace } from './workspace/workspace';
export { buildReferat, bodyMarkdown, normalizeBody, readDate, PunktMemory } from './model/build';
export { parseReferat } from './model/parse';
export { parseSyntax } from './syntax/parser';
export { RULES, RULE_CODES, checkReferat, type CheckOptions } from './rules/index';
export { kleCatalog, type KleCatalog } from './model/kle';
export * from './model/dates';
export { meetingDate, meetingStart } from './model/meeting';
export { SECTION_ORDER, sectionKindOf, canonicalTitle, orderIndex } from './model/sections';
export { toLocale, localize, type Locale, type LocalizedText } from './i18n/locale';
export type * from './model/types';
export type * from './rules/types';
export { containsPosition, type Position, type Range } from './syntax/range';
export { ArchiveIndex, meetingKey, type ArchivedMeeting, type ArchivedPunkt, type SymbolHit } from './archive/index';
export { summarizeReferat, type ReferatSummary, type PunktSummary } from './archive/summary';
export { SEVERITIES } from './rules/types';
export { renderHtml, escapeHtml, type Audience, type RenderOptions, type WebviewResources } from './render/html';

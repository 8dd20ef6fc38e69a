import { ErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';
import { localize, type LocalizedText } from '../i18n/locale';
import { log, safe, type ServerContext } from './context';

/**
 * The parts of a request's params a handler reads, as LSP defines them. A client that sends one
 * malformed (a `null` position, a line of 1.5, no `context`) is answered with InvalidParams and one
 * log line that says which part and how, before the handler reads it: not with a stack trace from
 * deep inside the service, which says nothing to whoever reads the log.
 */
export type ParamPart =
  | 'textDocument'
  | 'position'
  | 'range'
  | 'referenceContext'
  | 'codeActionContext'
  | 'query'
  // Referat's own requests (protocol.ts).
  | 'uri'
  | 'audience'
  | 'webview'
  | 'path'
  | 'paths'
  // workspace/executeCommand: its name, and its arguments as a list where there are any.
  | 'command';

type Fields = Record<string, unknown>;

const isFields = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A line or a character: a whole number. LSP's are from 0; one below, like one past the document's end,
 * is out of range and answered as such (nothing there), not refused.
 */
const isWhole = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v);

const isPosition = (v: unknown): boolean => isFields(v) && isWhole(v.line) && isWhole(v.character);

const isRange = (v: unknown): boolean => isFields(v) && isPosition(v.start) && isPosition(v.end);

const MISSING: LocalizedText = { da: 'mangler', en: 'missing' };

/** What a value is, said without repeating it (a client's text does not go into the log). */
function kindOf(v: unknown): LocalizedText {
  if (v === undefined) return MISSING;
  if (v === null) return { da: 'null', en: 'null' };
  if (Array.isArray(v)) return { da: 'en liste', en: 'a list' };
  if (typeof v === 'number') return Number.isFinite(v) ? { da: String(v), en: String(v) } : { da: 'intet endeligt tal', en: 'not a finite number' };
  if (typeof v === 'string') return { da: 'en tekst', en: 'a string' };
  if (typeof v === 'boolean') return { da: 'en sandhedsværdi', en: 'a boolean' };
  return { da: 'et objekt', en: 'an object' };
}

/** `what` is `kind`, where `want` was asked for: one clause, in both languages. */
function is(what: string, kind: LocalizedText, want: LocalizedText): LocalizedText {
  if (kind === MISSING) return { da: `${what} mangler (skal være ${want.da})`, en: `${what} is missing (must be ${want.en})` };
  return { da: `${what} er ${kind.da}, ikke ${want.da}`, en: `${what} is ${kind.en}, not ${want.en}` };
}

const TEXT: LocalizedText = { da: 'en tekst', en: 'a string' };
const POSITION: LocalizedText = { da: '{ line, character } af hele tal', en: '{ line, character } of whole numbers' };

function positionKind(v: unknown): LocalizedText {
  if (!isFields(v)) return kindOf(v);
  const line = kindOf(v.line);
  const character = kindOf(v.character);
  return { da: `{ line: ${line.da}, character: ${character.da} }`, en: `{ line: ${line.en}, character: ${character.en} }` };
}

/** What is wrong with one part, or undefined where it is as LSP defines it. */
function wrongPart(p: Fields, part: ParamPart): LocalizedText | undefined {
  switch (part) {
    case 'textDocument': {
      if (isFields(p.textDocument) && typeof p.textDocument.uri === 'string') return undefined;
      return is('textDocument.uri', kindOf(isFields(p.textDocument) ? p.textDocument.uri : p.textDocument), TEXT);
    }
    case 'position':
      return isPosition(p.position) ? undefined : is('position', positionKind(p.position), POSITION);
    case 'range': {
      if (isRange(p.range)) return undefined;
      const kind = isFields(p.range)
        ? { da: 'et område uden start eller slut som position', en: 'a range whose start or end is no position' }
        : kindOf(p.range);
      return is('range', kind, { da: '{ start, end } af positioner', en: '{ start, end } of positions' });
    }
    case 'referenceContext':
      return isFields(p.context) && typeof p.context.includeDeclaration === 'boolean'
        ? undefined
        : is('context', kindOf(p.context), { da: '{ includeDeclaration }', en: '{ includeDeclaration }' });
    case 'codeActionContext': {
      if (!isFields(p.context) || !Array.isArray(p.context.diagnostics)) {
        return is('context', kindOf(p.context), { da: '{ diagnostics } med en liste af fund', en: '{ diagnostics } with a list of diagnostics' });
      }
      const bad = p.context.diagnostics.findIndex((d) => !isFields(d) || !isRange(d.range));
      if (bad >= 0) return { da: `context.diagnostics[${bad}] har intet område (range)`, en: `context.diagnostics[${bad}] has no range` };
      const { only } = p.context;
      if (only === undefined || (Array.isArray(only) && only.every((k) => typeof k === 'string'))) return undefined;
      return is('context.only', kindOf(only), { da: 'en liste af slags', en: 'a list of kinds' });
    }
    case 'query':
    case 'uri':
    case 'path':
      return typeof p[part] === 'string' ? undefined : is(part, kindOf(p[part]), TEXT);
    case 'audience':
      return p.audience === 'internal' || p.audience === 'public'
        ? undefined
        : is('audience', kindOf(p.audience), { da: "'internal' eller 'public'", en: "'internal' or 'public'" });
    case 'webview': {
      const { webview, since } = p;
      const fields = ['cspSource', 'nonce', 'styleUri', 'scriptUri'];
      if (webview !== undefined && !(isFields(webview) && fields.every((f) => typeof webview[f] === 'string'))) {
        return is('webview', kindOf(webview), { da: `{ ${fields.join(', ')} } af tekster`, en: `{ ${fields.join(', ')} } of strings` });
      }
      return since === undefined || typeof since === 'string' ? undefined : is('since', kindOf(since), TEXT);
    }
    case 'command':
      if (typeof p.command !== 'string') return is('command', kindOf(p.command), TEXT);
      return p.arguments === undefined || Array.isArray(p.arguments) ? undefined : is('arguments', kindOf(p.arguments), { da: 'en liste', en: 'a list' });
    case 'paths':
      return Array.isArray(p.paths) && p.paths.every((x) => typeof x === 'string')
        ? undefined
        : is('paths', kindOf(p.paths), { da: 'en liste af tekster', en: 'a list of strings' });
  }
}

/** What is wrong with a request's params, read as `parts`; undefined where they are well formed. */
export function malformedParams(params: unknown, parts: readonly ParamPart[]): LocalizedText | undefined {
  if (!isFields(params)) return is('params', kindOf(params), { da: 'et objekt', en: 'an object' });
  for (const part of parts) {
    const wrong = wrongPart(params, part);
    if (wrong) return wrong;
  }
  return undefined;
}

/**
 * A request handler as `safe` makes it, behind a check of the params' `parts`: a malformed request is
 * answered with LSP's InvalidParams and one line in the log, and the handler is not called.
 */
export function safeRequest<P, R>(
  ctx: ServerContext,
  name: string,
  empty: R,
  parts: readonly ParamPart[],
  fn: (params: P, token?: CancellationToken) => R | Promise<R>,
): (params: P, token?: CancellationToken) => Promise<R> {
  const run = safe(ctx, name, empty, fn);
  return async (params, token) => {
    const wrong = malformedParams(params, parts);
    if (wrong === undefined) return run(params, token);
    const said = localize(wrong, ctx.service.locale);
    log(ctx, `referat: ${name}: ${localize({ da: 'en forkert udformet forespørgsel', en: 'a malformed request' }, ctx.service.locale)}, ${said}`);
    throw new ResponseError(ErrorCodes.InvalidParams, `${name}: ${said}`);
  };
}

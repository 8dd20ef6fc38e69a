import { parseSyntax } from '../syntax/parser';
import { buildReferat, type BuildOptions } from './build';
import type { Dialect } from '../dialect/dialects';
import type { Referat } from './types';

/** Reads a referat: syntax, then meaning, in the given dialect or the one its lines show. Total: never throws. */
export function parseReferat(text: string, dialect?: Dialect, options: BuildOptions = {}): Referat {
  return buildReferat(parseSyntax(text, dialect, options.memory ? { memory: options.memory.lexed } : {}), options);
}

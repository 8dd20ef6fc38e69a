import { parseSyntax } from '../syntax/parser';
import { buildReferat } from './build';
import type { Referat } from './types';

/** Reads a referat: syntax, then meaning. Total: never throws. */
export function parseReferat(text: string): Referat {
  return buildReferat(parseSyntax(text));
}

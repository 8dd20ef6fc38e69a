/**
 * Cancellation as the core knows it: a request's token, given by the host. The language server's
 * `CancellationToken` (vscode-languageserver) satisfies it as it is; the core imports nothing of
 * the protocol. A token changes only between turns of the host's event loop, so the core looks at
 * it where a request has waited (for the configuration, the findings, the renderer), not inside a
 * synchronous pass.
 */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

/** Why a request gave no answer: its token was cancelled. The language server answers it with LSP's RequestCancelled. */
export class CancelledError extends Error {
  constructor() {
    super('the request was cancelled');
    this.name = 'CancelledError';
  }
}

/** Throws `CancelledError` when the token is cancelled; a request without a token is never cancelled. */
export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new CancelledError();
}

/**
 * The one wrapper every request handler of the server goes through (features, code actions, commands, the graph
 * requests). It does two things:
 *
 *  - A request that the client cancelled before the server got to it is answered `RequestCancelled` (-32800)
 *    without doing its work. vscode-jsonrpc hands such a request to its handler with a token that is already
 *    cancelled (a `$/cancelRequest` that arrives while the request waits in the queue is remembered for it); without
 *    this check a queue of stale hovers after fast typing would each still be computed.
 *  - A handler that throws is logged and answered with the feature's empty result: one bad request never takes the
 *    server down, and the user sees nothing rather than an error popup. `ResponseError`s pass through: they are the
 *    answers a handler chose (`RequestCancelled` and `ContentModified` from `runSliced.ts`).
 *
 * Cancellation is checked at the start only. Work that can see a cancellation while it runs is the sliced work
 * (`runSliced.ts`); everything else is synchronous, so a cancellation cannot even be delivered before it ends, and
 * the commands that await the client (`workspace/applyEdit`) have done what they were asked by the time they could
 * notice: their answer says what happened, which is more useful than an error.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver/node';

export type RequestHandler<P, R> = (params: P, token: CancellationToken) => R | Promise<R>;

/** The answer of a failed request: the feature's empty result, or one computed from the error. */
export type FailureAnswer<P, R> = R | ((error: Error, params: P) => R);

/** `name` is for messages and the log (a function of the parameters when one method does several things). */
export function cancellable<P, R>(
  connection: Connection,
  name: string | ((params: P) => string),
  onFailure: FailureAnswer<P, R>,
  handler: RequestHandler<P, R>,
): (params: P, token: CancellationToken) => Promise<R> {
  return async (params: P, token: CancellationToken): Promise<R> => {
    const label = typeof name === 'string' ? name : name(params);
    if (token.isCancellationRequested) throw requestCancelled(label);
    try {
      return await handler(params, token);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      const failure = error instanceof Error ? error : new Error(String(error));
      connection.console.error(`${label} failed: ${failure.stack ?? failure.message}`);
      return typeof onFailure === 'function' ? (onFailure as (error: Error, params: P) => R)(failure, params) : onFailure;
    }
  };
}

/** The answer to a request the client cancelled (LSP: RequestCancelled, -32800). */
export function requestCancelled(name: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, `${name} cancelled`);
}

/** The answer to a request whose input kept changing while it ran (LSP: ContentModified, -32801). */
export function contentModified(name: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.ContentModified, `${name}: the workspace changed while it was computed; ask again`);
}

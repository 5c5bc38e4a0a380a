/**
 * Runs the engine's steppable work (`engine/features/steps.ts`) in time slices on the server's one thread.
 *
 * JavaScript is single-threaded: while a request handler computes, no other message is read, so a whole-workspace
 * query (the connectivity graph takes seconds on thousands of workloads) would hold back the `$/cancelRequest` meant
 * for it and every `didChange` typed meanwhile, with their diagnostics. So the work is advanced step by step for
 * about `sliceMs`, then the server yields to the event loop (`setImmediate`: queued messages are handled before the
 * work goes on), then:
 *  - if the client cancelled the request, the work is dropped and the answer is `RequestCancelled` (-32800);
 *  - if the analysis changed (an edit was applied between two slices), the work is dropped and started again from
 *    scratch: an answer computed partly before and partly after an edit would be wrong, and the objects the work
 *    holds (the NetworkPolicy model, lists of the index) belong to the old state. After `MAX_RESTARTS` restarts the
 *    answer is `ContentModified` (-32801): the user is still typing, and the client asks again when diagnostics
 *    change.
 *
 * The slice that finishes the work returns its answer without yielding, so code that awaits `runSliced` and then
 * converts the answer (offsets to positions) runs in the same macrotask, against the same state of the analysis.
 */
import type { CancellationToken } from 'vscode-languageserver/node';
import type { Steps } from '../engine/features/steps';
import { contentModified, requestCancelled } from './cancellable';

/** Long enough that the yields cost nothing measurable, short enough that typing stays fluid. */
export const DEFAULT_SLICE_MS = 10;

/** Restarts allowed after edits before the request gives up with ContentModified. */
export const MAX_RESTARTS = 3;

/** What the work reads: its `version` changes whenever what it reads changes (engine/analysis.ts). */
export interface Versioned {
  readonly version: number;
}

export async function runSliced<T>(name: string, state: Versioned, start: () => Steps<T>, token: CancellationToken, sliceMs = DEFAULT_SLICE_MS): Promise<T> {
  for (let restarts = 0; ; restarts++) {
    const version = state.version;
    const steps = start();
    for (;;) {
      const deadline = performance.now() + sliceMs;
      for (;;) {
        const next = steps.next();
        if (next.done) return next.value;
        if (performance.now() >= deadline) break;
      }
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (token.isCancellationRequested) {
        steps.return(undefined as never);
        throw requestCancelled(name);
      }
      if (state.version !== version) {
        steps.return(undefined as never);
        break;
      }
    }
    if (restarts === MAX_RESTARTS) throw contentModified(name);
  }
}

/**
 * Whole-workspace queries (the connectivity graph, workspace symbols, references) as steppable work: a generator that
 * `yield`s between units of work (a workload, a pair, a batch of objects) and `return`s its answer.
 *
 * Why a generator: the engine has no timers and no event loop (it is pure), yet the language server must stop a
 * query that the client cancelled and must publish diagnostics for edits that arrive while a query runs. JavaScript
 * is single-threaded, so the only way to do both is to run the query in slices. A generator lets the engine say where
 * a query may pause, and leaves it to the caller to decide when: the language server drives it in time slices
 * (`lsp/runSliced.ts`), everyone else runs it to the end at once (`runSteps`), with the same result.
 *
 * A paused query holds objects (the NetworkPolicy model, lists of the index) that an edit replaces: a caller that
 * lets the analysis change between two steps must throw the generator away and start again (runSliced does).
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs steppable work to the end, without pausing: the synchronous answer. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** How many cheap items (a resource name to score, a pair to format) a loop handles between two yields. */
export const CHEAP_ITEMS_PER_STEP = 256;

/**
 * NetworkPolicy semantics: the public surface. Everything is plain data in and out; see docs/netpol.md.
 *
 *   const model = buildNetpolModel(analysis.index);        // once per index state; rebuild after edits
 *   connectivity(model, { focusWorkload })                  // every connected pair of workloads and addresses
 *   evaluatePair(model, src, dst, trail)                    // one pair of endpoints, both directions (evaluate.ts)
 * reach/ imports the modules it needs (evaluate.ts, compiledPolicy.ts, portSet.ts, ...) directly; this file exports
 * only what is used from outside netpol/ and reach/ (the tests that compare with np-guard). Surfaces do not use this module directly: they ask the cluster model (engine/reach/), which reads the profile,
 * places the ingress paths and DNS, and combines the legs of a connection.
 */
export { buildNetpolModel } from './model';
export { connectivity } from './connectivity';
export { formatConnections } from './portSet';

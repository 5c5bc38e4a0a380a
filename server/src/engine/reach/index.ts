/**
 * The reachability model: one answer to "who can reach whom", from the manifests and the cluster profile. Every
 * surface (rules, explain, connectivity, the graph, hovers, code lenses, generators) asks it; see ARCHITECTURE.md.
 *
 *   const model = reachModelOf(index, profile);              // cached on the index per profile
 *   reachBetween(model, src, dst)                            // one pair, with every leg's decision trail
 *   verdictOf(answer, { protocol: 'TCP', port: 8080 })       // 'allowed' | 'denied' | 'unknown'
 *   whoCanReach(model, w) / reachableFrom(model, w)          // one column / row
 *   connectivityList(model, { focusWorkload })               // np-guard's list
 *   resolvePeer(model, 'lb:shop/web') / explainReach(...)    // what explain prints
 */
export { ReachModel, reachModelOf } from './model';
export { peerId, workloadPeer, type ReachPeer } from './peers';
export { reachBetween, verdictOf, whoCanReach, reachableFrom, verdictBetween, peerOfWorkloadDefinition, type ReachAnswer, type Verdict } from './query';
export { connectivityList, focusExists, isFocus } from './connectivity';
export { resolvePeer } from './resolve';
export { explainAnswer, explainReach } from './explain';

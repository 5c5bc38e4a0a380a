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
export { peerId, peerName, workloadPeer, type ReachPeer } from './peers';
export { reachBetween, verdictOf, partly, whoCanReach, reachableFrom, verdictBetween, connectionWords, peerOfWorkloadDefinition, type ReachAnswer, type ReachRow, type Leg, type Verdict, type ReachQuery } from './query';
export { connectivityList, focusExists, isFocus } from './connectivity';
export { resolvePeer, type Resolution } from './resolve';
export { explainAnswer, explainReach, type ReachExplanation } from './explain';
export { type IngressPath, type PathSource, placeIngress, placeGateway, controllerOfIngress, controllerOfGateway, GATEWAY_NAME_LABEL, type ControllerSource } from './placement';
export { type ClusterDns, DNS_PORT, KUBE_DNS_LABEL_KEY, KUBE_DNS_LABEL_VALUE, KUBE_DNS_NAMESPACE } from './clusterDns';

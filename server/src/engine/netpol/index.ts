/**
 * NetworkPolicy semantics: the public surface. Everything is plain data in and out; see docs/netpol.md.
 *
 *   const model = buildNetpolModel(analysis.index);        // once per index state; rebuild after edits
 *   connectivity(model, { focusWorkload })                  // every connected pair, exact port sets
 *   reach(model, src, dst)                                  // one pair with its decision trail
 *   whoCanReach(model, workload) / reachableFrom(model, w)  // one column / row of the matrix
 */
export { buildNetpolModel, modelOf, NetpolModel, DEFAULT_INGRESS_CONTROLLER_NAMESPACE, type NetpolOptions, type NetpolSource } from './model';
export {
  connectivity,
  focusExists,
  externalPeer,
  ingressControllerPeer,
  INGRESS_CONTROLLER_ID,
  INGRESS_CONTROLLER_NAME,
  type ConnectivityOptions,
  type ExternalPeer,
  type IngressControllerPeer,
  type Peer,
  type PeerConnection,
} from './connectivity';
export { reach, reaches, whoCanReach, reachableFrom, resolveEndpoint, endpointOfWorkload, type ReachPair, type ReachResult, type Resolution, type ResolvedEndpoint } from './reach';
export { explainReach, describePeer, type ReachExplanation, type ReachQuery } from './explainText';
export { evaluatePair, evaluateDirection, allowedBetween, peerMatches, rulePorts, type DirectionVerdict, type Endpoint, type PairVerdict, type PortProblem, type RuleOutcome } from './evaluate';
export { compilePolicy, type CompiledPeer, type CompiledPolicy, type CompiledPort, type CompiledRule, type Direction } from './compiledPolicy';
export { groupPods, peerIdentityOf, peerIdOf, type PodClass, type WorkloadPeer } from './podClasses';
export type { IngressRoute, IngressRoutes } from './ingressRoutes';
export {
  PROTOCOLS,
  MIN_PORT,
  MAX_PORT,
  allConnections,
  noConnections,
  allPortsOf,
  connectionsOf,
  unionConnections,
  intersectConnections,
  subtractConnections,
  isAllConnections,
  isEmptyConnections,
  equalConnections,
  connectionsContain,
  formatConnections,
  formatPortRanges,
  portCount,
  type ConnectionSet,
  type PortRange,
} from './portSet';
export {
  parseAddressOrCidr,
  parseCidr,
  parseAddress,
  formatAddress,
  formatRange,
  cutAddressSpace,
  wholeFamily,
  type AddressRange,
  type IpFamily,
} from './addressSet';

/**
 * NetworkPolicy semantics: the public surface. Everything is plain data in and out; see docs/netpol.md.
 *
 *   const model = buildNetpolModel(analysis.index);        // once per index state; rebuild after edits
 *   connectivity(model, { focusWorkload })                  // every connected pair of workloads and addresses
 *   evaluatePair(model, src, dst, trail)                    // one pair of endpoints, both directions
 * Surfaces do not use this module directly: they ask the cluster model (engine/reach/), which reads the profile,
 * places the ingress paths and DNS, and combines the legs of a connection.
 */
export { buildNetpolModel, modelOf, NetpolModel, type NetpolOptions, type NetpolSource } from './model';
export {
  connectivity,
  focusExists,
  externalPeer,
  INGRESS_CONTROLLER_ID,
  INGRESS_CONTROLLER_NAME,
  INGRESS_CONTROLLER_PEER,
  type ConnectivityOptions,
  type ExternalPeer,
  type IngressControllerPeer,
  type Peer,
  type PeerConnection,
} from './connectivity';
export { describeDirection, describePeer, type ReachQuery } from './policyTrail';
export { evaluatePair, evaluateDirection, allowedBetween, peerMatches, peerMatch, rulePorts, type DirectionVerdict, type Endpoint, type PairVerdict, type PortProblem, type RuleOutcome } from './evaluate';
export { API_SEMANTICS, semanticsOf, type EngineSemantics, type Match } from './semantics';
export { compilePolicy, type CompiledPeer, type CompiledPolicy, type CompiledPort, type CompiledRule, type Direction } from './compiledPolicy';
export { groupPods, peerIdentityOf, peerIdOf, type PodClass, type WorkloadPeer } from './podClasses';
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

/**
 * What policies select, for surfaces that describe policies rather than reachability (which pods a peer matches,
 * which policies isolate a pod, which port entries resolve, how the engine reads an ipBlock): the NetworkPolicy
 * model's own answers, exported here so that nothing outside the model imports its evaluation internals
 * (.dependency-cruiser.cjs guards it, run by test/engine/dependencies.test.ts).
 */
export { classesMatchedByPeer, classesMatchedByPeers, isolatingPolicies, rulePorts, type PortProblem } from '../netpol/evaluate';
export { engineName, ipBlockMatchesPods, semanticsOf } from '../netpol/semantics';
export { queryAllowed } from '../netpol/policyTrail';
export { ciliumIsolating, classesSelectedBy as ciliumClassesSelectedBy } from '../netpol/cilium/evaluate';
export { syntheticPodClass } from '../netpol/syntheticPods';
export { INGRESS_CONTROLLER_NAME } from '../netpol/connectivity';

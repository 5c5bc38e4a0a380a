/**
 * The connectivity list as np-guard prints it (`netlens connectivity`): every connected pair of workloads and
 * address ranges (netpol/connectivity.ts), plus `{ingress-controller}`: every ingress path of the model
 * (placement.ts), merged into np-guard's one peer, toward each workload it routes to. A line shows what is admitted
 * for certain; pairs that are only possibly connected have no line (`netlens explain` says why).
 *
 * Without a cluster profile an Ingress with no class is served by np-guard's own stand-in, so np-guard's lists come
 * out byte for byte; an Ingress whose class names a known controller is judged from where that controller runs.
 */
import { INGRESS_CONTROLLER_ID, INGRESS_CONTROLLER_NAME, INGRESS_CONTROLLER_PEER, connectivity as workloadConnectivity, focusExists as workloadFocusExists, pairInFocus, type ConnectivityOptions, type PeerConnection } from '../netpol/connectivity';
import { compareStrings } from '../util/compare';
import { equalConnections, intersectConnections, isEmptyConnections, noConnections, unionConnections, type ConnectionSet } from '../netpol/portSet';
import type { ReachModel } from './model';
import { workloadPeer } from './peers';
import { reachBetween } from './query';

export type { ConnectivityOptions, PeerConnection };
/** Whether a peer is the workload a focus option names (np-guard's matching: name or ns/name). */
export { isFocus } from '../netpol/connectivity';

export function connectivityList(model: ReachModel, options: ConnectivityOptions = {}): PeerConnection[] {
  const out = workloadConnectivity(model.netpol, options);
  if (model.netpol.peers.length === 0) return out;
  const paths = model.paths();
  if (paths.length === 0) return out;
  const source = { kind: 'ingress' as const, paths, merged: true };
  for (const dst of model.netpol.peers) {
    if (!pairInFocus(INGRESS_CONTROLLER_PEER, dst, options)) continue;
    if (!paths.some((path) => dst.classes.some((c) => model.routesOf(path).has(c.id)))) continue;
    let union = noConnections();
    let every: ConnectionSet | undefined;
    for (const cls of dst.classes) {
      const allowed = reachBetween(model, source, workloadPeer(dst, [cls]), false).allowed;
      union = unionConnections(union, allowed);
      every = every === undefined ? allowed : intersectConnections(every, allowed);
    }
    if (isEmptyConnections(union)) continue;
    const connection: { -readonly [K in keyof PeerConnection]: PeerConnection[K] } = { src: INGRESS_CONTROLLER_PEER, dst, allowed: union };
    if (every && !equalConnections(every, union)) connection.allowedForEveryPod = every;
    out.push(connection);
  }
  return out.sort((a, b) => compareStrings(a.src.id, b.src.id) || compareStrings(a.dst.id, b.dst.id));
}

/** True when the focus names a workload, or `ingress-controller` when some ingress path routes somewhere. */
export function focusExists(model: ReachModel, focus: string): boolean {
  if (focus === INGRESS_CONTROLLER_NAME || focus === INGRESS_CONTROLLER_ID) return model.paths().some((p) => model.routesOf(p).size > 0);
  return workloadFocusExists(model.netpol, focus);
}

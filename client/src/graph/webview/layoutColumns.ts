/**
 * Which layer of the left-to-right layout a graph node type is pinned to: where traffic comes from (Internet, VNet,
 * node network) first, where it leaves the cluster (addresses outside, declared hosts, cluster DNS) last; the rest
 * (load balancers, controllers, Gateways, workloads) where their edges put them.
 */
import type { LayoutColumn } from './elkLayout';

const FIRST: ReadonlySet<string> = new Set(['internet', 'vnet', 'nodes']);
const LAST: ReadonlySet<string> = new Set(['external', 'dns', 'host']);

export function columnOf(type: string | undefined): LayoutColumn {
  if (type && FIRST.has(type)) return 'first';
  if (type && LAST.has(type)) return 'last';
  return undefined;
}

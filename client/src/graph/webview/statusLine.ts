/**
 * The graph's status line: what is drawn, counted from the server's edges. The denied count covers every declared
 * dependency the model denies, DNS lookups and external destinations included, and says which of them are DNS or
 * external; blocked ways in are counted too. Notes (no NetworkPolicy, bounds hit) are not here: the banner shows them
 * whole. Pure, for test/client/pairEdges.test.ts.
 */
import type { Graph } from '../protocol';

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function statusLine(graph: Graph): string {
  const stats = graph.stats;
  const dependencies = graph.edges.filter((e) => e.kind === 'dependency');
  const denied = dependencies.filter((e) => e.status === 'denied');
  const deniedDns = denied.filter((e) => e.what === 'dns').length;
  const deniedExternal = denied.filter((e) => e.what === 'external').length;
  const unknown = dependencies.filter((e) => e.status === 'unknown').length;
  const exposure = graph.edges.filter((e) => e.kind === 'exposure');
  const blocked = exposure.filter((e) => e.blocked || e.status === 'blocked').length;
  const which = [deniedDns ? `${deniedDns} DNS` : '', deniedExternal ? `${deniedExternal} external` : ''].filter(Boolean);
  const parts = [
    plural(stats.workloads, 'workload'),
    plural(stats.policyEdges, 'policy edge'),
    `${plural(dependencies.length, 'declared dependency', 'declared dependencies')} (${denied.length} denied${which.length ? `: ${which.join(', ')}` : ''}${unknown ? `, ${unknown} unknown` : ''})`,
    `${plural(exposure.length, 'exposure edge')}${blocked ? ` (${blocked} blocked)` : ''}`,
  ];
  if (stats.openPairs) parts.push(`${plural(stats.openPairs, 'open pair')} not drawn`);
  return parts.join(' · ');
}

/**
 * Cilium's part of a direction's verdict in words (netpol/policyTrail.ts prints it after the NetworkPolicies'):
 * which Cilium rules select the pods, which items match the other side with what they admit or deny, and the L7
 * rules that filter the requests of an admitted connection.
 */
import type { Direction } from '../compiledPolicy';
import { formatConnections, isAllConnections, isEmptyConnections, type ConnectionSet } from '../portSet';
import { ciliumItemPath, ciliumPolicyName, type CompiledCiliumPolicy } from './compiled';
import type { CiliumDirectionVerdict } from './evaluate';

/** The Cilium policies that isolate the direction, by name (`CiliumNetworkPolicy \`ns/name\``). */
export function ciliumIsolatingNames(verdict: CiliumDirectionVerdict, direction: Direction): string[] {
  return uniquePolicies(verdict.rules.filter((r) => r.isolates[direction]).map((r) => r.policy)).map(ciliumPolicyName);
}

export function describeCilium(verdict: CiliumDirectionVerdict, direction: Direction): string[] {
  const other = direction === 'Ingress' ? 'source' : 'destination';
  const lines: string[] = [];
  for (const outcome of verdict.outcomes) {
    const item = outcome.item;
    const head = `  ${ciliumPolicyName(item.policy)} ${ciliumItemPath(item)}`;
    const who = outcome.peers.join('; ');
    const ports = portWords(outcome.ports, outcome.possiblePorts);
    if (item.deny) lines.push(`${head} ${outcome.match === 'yes' ? 'denies' : 'may deny'} ${who} on ${ports}: deny wins`);
    else lines.push(`${head} ${outcome.match === 'yes' ? 'admits' : 'may admit'} ${who} on ${ports}`);
    if (item.l7.length && !item.deny) lines.push(`    L7: only ${item.l7.join('; ')} (requests are filtered, the connection is admitted)`);
  }
  const matched = new Set(verdict.outcomes.map((o) => o.item.policy));
  for (const policy of uniquePolicies(verdict.rules.map((r) => r.policy))) {
    if (!matched.has(policy)) lines.push(`  ${ciliumPolicyName(policy)} has no ${direction === 'Ingress' ? 'ingress' : 'egress'} item that matches this ${other}`);
  }
  return lines;
}

function uniquePolicies(policies: readonly CompiledCiliumPolicy[]): CompiledCiliumPolicy[] {
  return [...new Set(policies)];
}

function portWords(ports: ConnectionSet, possible: ConnectionSet): string {
  const words = (set: ConnectionSet) => (isEmptyConnections(set) ? 'no port' : isAllConnections(set) ? 'all ports' : formatConnections(set));
  const certain = words(ports);
  const maybe = words(possible);
  return certain === maybe ? certain : `${certain} (maybe ${maybe})`;
}

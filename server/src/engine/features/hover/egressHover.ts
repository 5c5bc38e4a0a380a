/**
 * Hover on an env value or ConfigMap value that names a destination outside the cluster (an entry of the egress
 * inventory, egress/inventory.ts): the destination, who connects to it, the Azure Firewall rule it needs, and what
 * address it will see the connection come from, per the cluster profile (profileText.ts).
 */
import { egressOfConfigMap, egressOfWorkload, readersOfConfigMap, type EgressDestination, type EgressEvidence } from '../../egress/inventory';
import { describeFirewallHint } from '../../egress/schemes';
import { isWorkload, type ConfigMap, type Workload } from '../../model/resources';
import { parseAddressOrCidr } from '../../netpol/addressSet';
import type { ClusterProfile } from '../../profile/types';
import type { Span } from '../../syntax/tree';
import { code, objectAtPlace, profileOf } from '../host';
import { sections, type HoverContext } from './context';
import { sourceAddressText, scopeOfRanges, type DestinationScope } from './profileText';

export function egressHover(context: HoverContext): string | undefined {
  const { resource, cursor, path } = context;
  const index = context.host.analysis.index;
  // Only env values and ConfigMap data hold inventory entries: other hovers skip the lookup.
  if (isWorkload(resource) ? !path.includes('env') : resource.kind !== 'ConfigMap' || path[0] !== 'data') return undefined;
  let target: Span;
  if (!cursor.onKey) target = { start: context.node.start, end: context.node.end };
  else if (resource.kind === 'ConfigMap' && path[0] === 'data' && typeof path[1] === 'string' && (resource as ConfigMap).dataSpans[path[1]]) target = (resource as ConfigMap).dataSpans[path[1]]!;
  else return undefined;

  let destinations: readonly EgressDestination[];
  let readers: readonly Workload[] | undefined;
  if (isWorkload(resource)) destinations = egressOfWorkload(index, resource);
  else if (resource.kind === 'ConfigMap') {
    destinations = egressOfConfigMap(index, resource as ConfigMap);
    readers = readersOfConfigMap(index, resource as ConfigMap);
  } else return undefined;

  const overlaps = (span: Span) => span.start < target.end && target.start < span.end;
  const hits = destinations.flatMap((d) => d.evidence.filter((e) => e.file === resource.file && overlaps(e.span)).map((e) => ({ destination: d, evidence: e })));
  if (hits.length === 0) return undefined;
  const profile = profileOf(context.host, resource.file);
  const parts = hits.slice(0, 3).map(({ destination, evidence }) => destinationText(destination, evidence, profile));
  const more = hits.length > 3 ? `… and ${hits.length - 3} more destinations in this value.` : undefined;
  const readBy = readers
    ? readers.length
      ? `**Read by** ${readers.slice(0, 6).map((w) => objectAtPlace(context.host, w)).join(', ')}${readers.length > 6 ? `, and ${readers.length - 6} more` : ''}: their pods open these connections.`
      : 'No workload of the workspace reads this ConfigMap.'
    : undefined;
  return sections(...parts, more, readBy);
}

function destinationText(destination: EgressDestination, evidence: EgressEvidence, profile: ClusterProfile | undefined): string {
  const host = destination.host.includes(':') ? `[${destination.host}]` : destination.host;
  const scheme = destination.scheme ? ` · ${code(destination.scheme)}` : '';
  const implied = destination.portImplied ? ` (port implied by ${destination.scheme ? code(destination.scheme) : 'the service'})` : '';
  const head = `**External destination** ${code(`${host}:${destination.port}`)} · ${destination.protocol}${scheme}${implied}`;
  const declared =
    evidence.via === 'env'
      ? `Declared by env ${code(evidence.name)}${evidence.container ? ` of container ${code(evidence.container)}` : ''}`
      : `Declared by ConfigMap ${code(evidence.configMap ?? '')} key ${code(evidence.name)}`;
  const portFrom = evidence.portFrom ? `, port from ${code(evidence.portFrom)}` : '';
  const firewall = `Azure Firewall: ${describeFirewallHint(destination.firewall)}.`;
  return sections(head, `${declared}${portFrom}. ${firewall}`, sourceAddressText(profile, scopeOf(destination, profile)))!;
}

function scopeOf(destination: EgressDestination, profile: ClusterProfile | undefined): DestinationScope {
  if (destination.address === 'ip') {
    const range = parseAddressOrCidr(destination.host);
    return range ? scopeOfRanges(profile, [range]) : { internet: true };
  }
  return destination.private ? { privateAny: true, fqdn: destination.host } : { internet: true, fqdn: destination.host };
}

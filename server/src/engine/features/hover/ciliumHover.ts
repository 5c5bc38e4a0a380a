/**
 * Hovers on a CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy (issue 22): whether the profile's engine enforces
 * it, and per rule the workspace pods it selects, the directions it puts in default deny, and what each item admits
 * or denies, L7 rules included as data ("only http: GET /public"). What it selects comes from the model
 * (netpol/cilium/); field docs follow on fields.
 */
import type { CiliumPolicy } from '../../model/resources';
import { ciliumPolicyName, compileCiliumPolicy, ciliumItemPath, type CompiledCiliumItem, type CompiledCiliumRule } from '../../netpol/cilium/compiled';
import type { Direction } from '../../netpol/compiledPolicy';
import { escapeText } from '../../util/markdown';
import { ciliumClassesSelectedBy } from '../../reach/selection';
import { bounded, profileOf } from '../host';
import { fieldDocMarkdown } from '../kbDocs';
import { onIdentity, sections, type HoverContext } from './context';
import { podsText, workloadsOfClasses } from './netpolText';

export function ciliumHover(context: HoverContext): string | undefined {
  const resource = context.resource as CiliumPolicy;
  if (!('rules' in resource)) return undefined;
  const policy = compileCiliumPolicy(resource);
  const { path } = context;
  const specIndex = path[0] === 'spec' ? -1 : path[0] === 'specs' && typeof path[1] === 'number' ? path[1] : undefined;
  if (!onIdentity(path) && specIndex === undefined) return undefined;
  const rules = specIndex === undefined ? policy.rules : policy.rules.filter((r) => r.spec.index === specIndex);
  const onRule = specIndex !== undefined && path.length <= (specIndex < 0 ? 1 : 2);
  const itemPath = specIndex === undefined ? [] : path.slice(specIndex < 0 ? 1 : 2);
  const list = itemPath[0];
  const position = itemPath[1];
  // On one item of a list: that item's line, then the field's doc.
  if (typeof list === 'string' && typeof position === 'number') {
    const item = rules.flatMap((r) => [...r.allow.Ingress, ...r.allow.Egress, ...r.deny.Ingress, ...r.deny.Egress]).find((i) => i.list === list && i.index === position);
    return sections(item ? itemLine(item) : undefined, fieldDocMarkdown(resource.kind, path, context.value));
  }
  if (!onIdentity(path) && !onRule) return undefined;
  const head = `**${escapeText(ciliumPolicyName(policy).replace(/`/g, ''))}**`;
  return sections(head, engineLine(context, resource), ...rules.map((r) => ruleText(context, r)), onRule ? fieldDocMarkdown(resource.kind, path, context.value) : undefined);
}

function engineLine(context: HoverContext, resource: CiliumPolicy): string {
  const engine = profileOf(context.host, resource.file)?.networkPolicyEngine;
  if (engine === 'cilium') return '**Enforced by** Cilium, per the cluster profile.';
  if (engine === undefined) return '**Enforcement:** only Cilium enforces it, and the cluster profile does not name the engine: it is not evaluated (set `cluster.networkPolicyEngine: cilium`).';
  return `**Not enforced:** only Cilium enforces it, and the cluster profile says the engine is ${escapeText(engine)}.`;
}

function ruleText(context: HoverContext, rule: CompiledCiliumRule): string {
  const where = rule.spec.index < 0 ? 'spec' : `specs[${rule.spec.index}]`;
  const selected = rule.subject ? workloadsOfClasses(ciliumClassesSelectedBy(context.model(), rule)) : [];
  const who = !rule.subject ? 'selects no pod (a node selector, or no endpointSelector)' : selected.length ? `selects ${podsText(selected)}` : 'selects no workload of the workspace';
  const deny = (['Ingress', 'Egress'] as const).filter((d) => rule.isolates[d]).map((d) => d.toLowerCase());
  const lines = [`\`${where}\` ${who}${deny.length ? `; default deny for ${deny.join(' and ')}` : ''}.`];
  const items = (['Ingress', 'Egress'] as Direction[]).flatMap((d) => [...rule.allow[d], ...rule.deny[d]]);
  lines.push(...bounded(items.map((i) => `- ${itemLine(i)}`), 8));
  return lines.join('\n');
}

function itemLine(item: CompiledCiliumItem): string {
  const peers = item.peers === undefined ? 'every peer' : item.peers.length === 0 ? 'nothing' : item.peers.map((p) => escapeText(p.text.replace(/`/g, ''))).join('; ');
  const ports = item.ports ? escapeText([...new Set(item.ports.map((p) => (p.kind === 'range' ? `${p.protocol} ${p.from === p.to ? p.from : `${p.from}-${p.to}`}` : p.kind === 'named' ? `${p.protocol} ${p.name}` : 'an invalid port')))].join(', ')) : 'all ports';
  const l7 = item.l7.length ? `; allowed: ${escapeText(item.l7.join('; '))} only` : '';
  return `\`${ciliumItemPath(item)}\` ${item.deny ? 'denies' : 'admits'} ${peers} on ${ports}${l7}`;
}

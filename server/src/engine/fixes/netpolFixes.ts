/**
 * Fixes for NetworkPolicy findings. They admit exactly what the finding says is missing and nothing more:
 *  - netpol-policytypes-ignores-rules: add the direction to policyTypes, or remove the rules it ignores;
 *  - netpol-egress-blocks-dns: a DNS egress rule in the policy, or a separate `allow-dns` policy for the same pods;
 *  - netpol-blocks-ingress-controller: a policy admitting the controller (its namespace, or the subnet of an
 *    Azure-hosted one) on the backend's target ports only; when neither is known, a command asks for the CIDR;
 *  - netpol-blocks-declared-dependency: an ingress policy for the target and/or an egress policy for the client,
 *    on that one port, per the direction(s) that deny it.
 * New policies are appended as documents to the file of the finding (or of the policy they complement). Each
 * function is the fix of one rule (fixes/registry.ts).
 */
import type { LabelSelector } from '../model/labelSelector';
import type { Gateway, NetworkPolicy, Protocol, Route, Workload } from '../model/resources';
import { isWorkload } from '../model/resources';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import { parseCidr } from '../netpol/addressSet';
import type { YMap } from '../syntax/tree';
import { checkedEdits, editFix, fileEdit, resourceAt, splitRef, stringData } from './fixSupport';
import { GATEWAY_NAME_LABEL } from './trafficEdges';
import {
  allowDnsPolicy,
  dnsEgressRule,
  dnsName,
  namespaceSelectorOf,
  networkPolicy,
  plainSelector,
  podPeer,
  portsOf,
  uniqueName,
  workloadSelector,
  type PlainSelector,
  type PolicyPort,
} from './policyObjects';
import type { FindingDataOf } from '../rules/findingData';
import type { CodeFix, FixContext, FixTarget, TextEdit } from './types';
import { addPair, appendDocuments, appendItem, detectStyle, objectNodeIn, pathPair, removePair, replacePairValue, seqAt, type Edit } from './yamlEdit';

import { ADMIT_INGRESS_CONTROLLER_COMMAND } from '../features/commandIds';

export { ADMIT_INGRESS_CONTROLLER_COMMAND };

function policyAt(ctx: FixContext, target: FixTarget): NetworkPolicy | undefined {
  const ref = stringData(target.data, 'policy');
  const here = resourceAt(ctx.index, target.file, target.span, ['NetworkPolicy']) as NetworkPolicy | undefined;
  if (here && (!ref || ref === `${here.namespace}/${here.name}` || ref === here.name)) return here;
  if (!ref) return undefined;
  const { namespace, name } = splitRef(ref, here?.namespace ?? 'default');
  return ctx.index.lookup('NetworkPolicy', namespace, name)[0];
}

export function policyTypesFixes(ctx: FixContext, target: FixTarget<FindingDataOf['netpol-policytypes-ignores-rules']>): CodeFix[] {
  const direction = stringData(target.data, 'direction');
  const policy = policyAt(ctx, target);
  if (!policy || (direction !== 'Ingress' && direction !== 'Egress')) return [];
  const text = ctx.textOf(policy.file);
  const found = text !== undefined ? objectNodeIn(text, policy.span) : undefined;
  if (text === undefined || !found) return [];
  const types = seqAt(found.node, ['spec', 'policyTypes']);
  const rules = pathPair(found.node, ['spec', direction === 'Ingress' ? 'ingress' : 'egress']);
  const style = detectStyle(text);
  const fixes: CodeFix[] = [];
  if (types) {
    fixes.push(
      editFix(target.ruleId, `Add ${direction} to policyTypes (enforce the ${direction.toLowerCase()} rules of \`${policy.name}\`)`, [fileEdit(policy.file, appendItem(text, types, direction, style))]),
    );
  }
  if (rules) {
    fixes.push(editFix(target.ruleId, `Remove the ${direction.toLowerCase()} rules that policyTypes ignores`, [fileEdit(policy.file, removePair(text, rules.map, rules.pair))]));
  }
  return fixes;
}

export function dnsFixes(ctx: FixContext, target: FixTarget<FindingDataOf['netpol-egress-blocks-dns']>): CodeFix[] {
  const policy = policyAt(ctx, target);
  const namespace = stringData(target.data, 'namespace') ?? policy?.namespace;
  const fixes: CodeFix[] = [];
  if (policy) {
    const text = ctx.textOf(policy.file);
    const found = text !== undefined ? objectNodeIn(text, policy.span) : undefined;
    if (text !== undefined && found) {
      const edit = addToRules(text, found.node, 'egress', dnsEgressRule());
      if (edit) fixes.push(editFix(target.ruleId, `Allow DNS (UDP and TCP 53 to kube-dns) in \`${policy.name}\``, [fileEdit(policy.file, edit)], { preferred: true }));
    }
  }
  if (namespace) {
    const selector = selectorData(target.data.podSelector) ?? (policy ? plainSelector(policy.podSelector) : undefined);
    if (selector) {
      const file = policy?.file ?? target.file;
      const text = ctx.textOf(file);
      if (text !== undefined) {
        const name = uniqueName(ctx.index, 'NetworkPolicy', namespace, policy ? dnsName('allow-dns', policy.name) : 'allow-dns');
        fixes.push(editFix(target.ruleId, `Add a separate policy \`${name}\` allowing DNS for the same pods`, [fileEdit(file, appendDocuments(text, [allowDnsPolicy(namespace, name, selector)]))]));
      }
    }
  }
  return fixes;
}

/** Appends a rule to `spec.<key>`, creating the list when the key is absent (or null). */
function addToRules(text: string, root: YMap, key: 'ingress' | 'egress', rule: Record<string, unknown>): Edit | undefined {
  const style = detectStyle(text);
  const spec = pathPair(root, ['spec']);
  if (!spec || spec.pair.value?.kind !== 'map') return undefined;
  const specMap = spec.pair.value;
  const existing = pathPair(root, ['spec', key]);
  if (existing?.pair.value?.kind === 'seq') return appendItem(text, existing.pair.value, rule, style);
  if (existing) {
    const value = existing.pair.value;
    if (value && !(value.kind === 'scalar' && value.value === null)) return undefined;
    // `egress:` with no value: the key gets the list.
    return replacePairValue(text, specMap, existing.pair, [rule], style);
  }
  return addPair(text, specMap, key, [rule], style);
}

function selectorData(value: unknown): PlainSelector | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const selector = value as Partial<LabelSelector>;
  if (selector.invalid) return undefined;
  return plainSelector({ matchLabels: selector.matchLabels ?? {}, matchExpressions: selector.matchExpressions ?? [] });
}

function workloadOf(index: WorkspaceIndex, ref: string | undefined, namespace: string | undefined, kind?: string): Workload | undefined {
  if (!ref) return undefined;
  const { namespace: ns, name } = splitRef(ref, namespace ?? 'default');
  const candidates = index.workloadsIn(ns).filter((w) => w.name === name || w.controllerOwner?.name === name);
  return candidates.find((w) => !kind || w.kind === kind) ?? candidates[0];
}

function portsData(value: unknown): PolicyPort[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((p) => {
    const port = (p as { port?: unknown })?.port;
    const protocol = ((p as { protocol?: unknown })?.protocol ?? 'TCP') as Protocol;
    return (typeof port === 'number' || typeof port === 'string') && ['TCP', 'UDP', 'SCTP'].includes(protocol) ? [{ port, protocol }] : [];
  });
}

export interface AdmitControllerArguments {
  /** The finding's data (workload, namespace, ports, class, controllerNamespace?, controllerCidr?). */
  data: Record<string, unknown>;
  /** Where the new policy goes (engine file key): the file of the finding. */
  file: string;
  /** The finding's span (on a route, it tells which Gateway's proxies to admit). */
  span?: { start: number; end: number };
}

/** The edit admitting an ingress controller, or a reason when its location is unknown. */
export function admitIngressControllerChange(ctx: FixContext, args: AdmitControllerArguments): { edits: TextEdit[]; title: string } | { error: string } {
  const result = admitControllerEdits(ctx, args);
  if ('error' in result) return result;
  const checked = checkedEdits(ctx.textOf, result.edits);
  if ('error' in checked) return { error: `the policy is not written: ${checked.error}` };
  return { edits: checked.edits, title: result.title };
}

/** The edit admitting an ingress controller before the guard (quickFixes checks it with the other fixes). */
function admitControllerEdits(ctx: FixContext, args: AdmitControllerArguments): { edits: TextEdit[]; title: string } | { error: string } {
  const data = args.data;
  const workload = workloadOf(ctx.index, stringData(data, 'workload'), stringData(data, 'namespace'));
  const namespace = stringData(data, 'namespace') ?? workload?.namespace;
  const ports = portsData(data.ports);
  const className = stringData(data, 'class') ?? 'the ingress class';
  if (!workload || !namespace || ports.length === 0) return { error: 'the finding does not name a workload and its ports' };
  const controllerNamespace = stringData(data, 'controllerNamespace');
  const controllerCidr = stringData(data, 'controllerCidr');
  if (!controllerNamespace && !controllerCidr) {
    return { error: `where the controller of ${className} runs is unknown: pass controllerCidr (its subnet) or controllerNamespace, or set ingressControllers in .netlens.yaml` };
  }
  // The CIDR comes from a person typing it: a policy the API server would reject is no fix.
  if (controllerCidr && !parseCidr(controllerCidr)) return { error: `controllerCidr \`${controllerCidr}\` is not a CIDR (for example 10.225.0.0/24)` };
  const text = ctx.textOf(args.file);
  if (text === undefined) return { error: `cannot read ${args.file}` };
  const gatewayPods = controllerCidr ? undefined : gatewayProxySelector(ctx, args, className);
  const peer = controllerCidr
    ? { ipBlock: { cidr: controllerCidr } }
    : gatewayPods
      ? podPeer(namespace, controllerNamespace!, gatewayPods)
      : { namespaceSelector: namespaceSelectorOf(controllerNamespace!) };
  const name = uniqueName(ctx.index, 'NetworkPolicy', namespace, dnsName('allow-ingress-to', workload.name));
  const policy = networkPolicy({
    name,
    namespace,
    podSelector: workloadSelector(ctx.index, workload).selector,
    policyTypes: ['Ingress'],
    ingress: [{ from: [peer], ports: portsOf(ports) }],
  });
  const title = `Admit the ingress controller of \`${className}\` (${controllerCidr ? `subnet ${controllerCidr}` : `namespace ${controllerNamespace}`}) to \`${workload.name}\` on ${ports.map((p) => `${p.port}/${p.protocol}`).join(', ')}`;
  return { edits: [fileEdit(args.file, appendDocuments(text, [policy]))], title };
}

/**
 * Istio-based Gateway classes run a proxy per Gateway, labelled with its name, usually in the application's own
 * namespace: admitting the whole namespace would admit every pod there. When the finding is on a route, its parent
 * Gateways of that class name the proxies.
 */
function gatewayProxySelector(ctx: FixContext, args: AdmitControllerArguments, className: string): PlainSelector | undefined {
  if (!args.span) return undefined;
  const route = resourceAt(ctx.index, args.file, args.span, ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute']) as Route | undefined;
  if (!route) return undefined;
  const names = new Set<string>();
  for (const parent of route.parentRefs) {
    if (parent.kind !== 'Gateway') continue;
    const gateways = ctx.index.lookup('Gateway', parent.namespace ?? route.namespace, parent.name) as Gateway[];
    for (const gateway of gateways) if (gateway.gatewayClassName === className && gateway.namespace === stringData(args.data, 'controllerNamespace')) names.add(gateway.name);
  }
  if (names.size === 0) return undefined;
  return names.size === 1
    ? { matchLabels: { [GATEWAY_NAME_LABEL]: [...names][0]! } }
    : { matchExpressions: [{ key: GATEWAY_NAME_LABEL, operator: 'In', values: [...names].sort() }] };
}

export function ingressControllerFixes(ctx: FixContext, target: FixTarget<FindingDataOf['netpol-blocks-ingress-controller']>): CodeFix[] {
  const args: AdmitControllerArguments = { data: target.data, file: target.file, span: target.span };
  const result = admitControllerEdits(ctx, args);
  if ('edits' in result) return [editFix(target.ruleId, result.title, result.edits, { preferred: true })];
  const className = stringData(target.data, 'class') ?? 'its class';
  const workload = stringData(target.data, 'workload');
  if (!workload || portsData(target.data.ports).length === 0) return [];
  return [
    {
      title: `Admit the ingress controller of \`${className}\` to \`${workload}\`… (asks for the controller's subnet CIDR; or set ingressControllers in .netlens.yaml)`,
      kind: 'quickfix',
      ruleId: target.ruleId,
      change: { edits: [], newFiles: [] },
      command: { command: ADMIT_INGRESS_CONTROLLER_COMMAND, title: 'Admit the ingress controller', arguments: [args] },
    },
  ];
}

type Direction = 'Ingress' | 'Egress';

/** Which directions deny a dependency: `deniedBy` may be a direction, `both`, a list of them, or policy records. */
export function deniedDirections(deniedBy: unknown): Direction[] {
  const found = new Set<Direction>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      const lower = value.toLowerCase();
      if (lower === 'both') {
        found.add('Ingress');
        found.add('Egress');
      } else if (lower.startsWith('ingress')) found.add('Ingress');
      else if (lower.startsWith('egress')) found.add('Egress');
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if ('direction' in record) visit(record.direction);
      else {
        if ('ingress' in record && record.ingress) found.add('Ingress');
        if ('egress' in record && record.egress) found.add('Egress');
      }
    }
  };
  visit(deniedBy);
  return found.size ? [...found].sort() : ['Egress', 'Ingress'];
}

export function declaredDependencyFixes(ctx: FixContext, target: FixTarget<FindingDataOf['netpol-blocks-declared-dependency']>): CodeFix[] {
  const data = target.data;
  const client = workloadOf(ctx.index, stringData(data, 'client'), undefined, stringData(data, 'clientKind'));
  const server = workloadOf(ctx.index, stringData(data, 'target'), undefined);
  const port = typeof data.port === 'number' || typeof data.port === 'string' ? data.port : undefined;
  const protocol = (stringData(data, 'protocol') ?? 'TCP') as Protocol;
  if (!client || !server || port === undefined || !isWorkload(client)) return [];
  // The rule reports the pod port (what the Service port targets on these pods): policies are about pod ports.
  const podPort = port;
  const directions = deniedDirections(data.deniedBy);
  const clientSelector = workloadSelector(ctx.index, client).selector;
  const serverSelector = workloadSelector(ctx.index, server).selector;
  const ports = portsOf([{ port: podPort, protocol }]);
  const edits: TextEdit[] = [];
  const parts: string[] = [];
  const byFile = new Map<string, unknown[]>();
  const taken = new Set<string>();
  const add = (file: string, policy: unknown) => byFile.set(file, [...(byFile.get(file) ?? []), policy]);
  if (directions.includes('Ingress')) {
    const name = uniqueName(ctx.index, 'NetworkPolicy', server.namespace, dnsName(server.name, 'from', client.name), taken);
    add(server.file, networkPolicy({ name, namespace: server.namespace, podSelector: serverSelector, policyTypes: ['Ingress'], ingress: [{ from: [podPeer(server.namespace, client.namespace, clientSelector)], ports }] }));
    parts.push(`ingress of \`${server.name}\``);
  }
  if (directions.includes('Egress')) {
    const name = uniqueName(ctx.index, 'NetworkPolicy', client.namespace, dnsName(client.name, 'to', server.name), taken);
    add(client.file, networkPolicy({ name, namespace: client.namespace, podSelector: clientSelector, policyTypes: ['Egress'], egress: [{ to: [podPeer(client.namespace, server.namespace, serverSelector)], ports }] }));
    parts.push(`egress of \`${client.name}\``);
  }
  for (const [file, policies] of byFile) {
    const text = ctx.textOf(file);
    if (text === undefined) return [];
    edits.push(fileEdit(file, appendDocuments(text, policies)));
  }
  return [editFix(target.ruleId, `Admit \`${client.name}\` to \`${server.name}\` on ${podPort}/${protocol} (${parts.join(' and ')})`, edits, { preferred: true })];
}

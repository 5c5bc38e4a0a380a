/**
 * Hovers on the custom resources AKS users write beside the core and Gateway API kinds: Istio's Gateway and
 * VirtualService, the objects that attach to another by reference (Application Gateway for Containers policies,
 * Gateway API BackendTLSPolicy and ListenerSet), and the add-ons' own kinds (NginxIngressController,
 * ApplicationLoadBalancer, IngressExtension, ClusterExternalDNS / ExternalDNS). On the object: what the kind is (from
 * the knowledge base, with its source) and what its references resolve to in the workspace; on a field: its doc.
 */
import { customKind, groupOf, policyKind } from '../../kb/policyKinds';
import { ISTIO_ADDON_GATEWAYS, ISTIO_ADDON_NAMESPACE } from '../../kb/istioAddon';
import { destinationServiceOf, istioGatewayRef } from '../../model/istioRefs';
import { equalitySelector, selectorMatches } from '../../model/labelSelector';
import type { AnyResource, AttachedPolicy, Gateway, NginxIngressController, Service, VirtualService } from '../../model/resources';
import type { WorkspaceIndex } from '../../model/workspaceIndex';
import { bounded, code, escapeText, objectAtPlace, objectRef, where, type FeatureHost } from '../host';
import { fieldDocMarkdown } from '../kbDocs';
import { onIdentity, sections, type HoverContext } from './context';

/** The hover of an object of one of these kinds, or undefined when the kind is none of them. */
export function aksResourceHover(context: HoverContext): string | undefined {
  const resource = context.resource;
  if (resource.kind === 'Gateway' && (resource as Gateway).istio) return istioGatewayHover(context, resource as Gateway);
  if (resource.kind === 'VirtualService' && 'destinations' in resource) return virtualServiceHover(context, resource as VirtualService);
  if ('targetRefs' in resource && 'group' in resource && policyKind((resource as AttachedPolicy).group, resource.kind)) return policyHover(context, resource as AttachedPolicy);
  const facts = customKind(groupOf(resource.apiVersion), resource.kind);
  if (!facts) return undefined;
  const doc = fieldDoc(context);
  if (!onIdentity(context.path)) return doc;
  const extra = resource.kind === 'NginxIngressController' ? controllerText(context.host, resource as NginxIngressController) : undefined;
  return sections(`**${escapeText(resource.kind)} ${code(resource.name)}** · ${code(facts.group)}`, `${facts.doc} [Docs](${facts.source})`, extra);
}

function fieldDoc(context: HoverContext): string | undefined {
  return fieldDocMarkdown(context.resource.kind, context.path, context.value, context.resource.apiVersion);
}

function title(resource: AnyResource): string {
  return `**${escapeText(resource.kind)} ${code(`${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}`)}** · ${code(groupOf(resource.apiVersion))}`;
}

function istioGatewayHover(context: HoverContext, gateway: Gateway): string | undefined {
  const { path, host } = context;
  const onSelector = path[0] === 'spec' && path[1] === 'selector';
  if (!onIdentity(path) && !onSelector) return fieldDoc(context);
  const istio = gateway.istio!;
  const selector = Object.entries(istio.selector);
  const shown = selector.map(([k, v]) => `${k}: ${v}`).join(', ');
  let proxies: string;
  const addOn = ISTIO_ADDON_GATEWAYS.find((g) => selector.length > 0 && selector.every(([k, v]) => g.placement.labels[k] === v));
  if (selector.length === 0) proxies = '**Proxies:** no `spec.selector`: the Gateway selects no particular gateway proxies.';
  else if (addOn) proxies = `**Proxies:** the AKS Istio add-on's ${addOn.mode} ingress gateway ${code(addOn.name)} in ${code(ISTIO_ADDON_NAMESPACE)}. ${addOn.doc} [Docs](${addOn.source})`;
  else {
    const labelSelector = equalitySelector(istio.selector, gateway.nameSpan);
    const workloads = [...host.analysis.index.workloads()].filter((w) => selectorMatches(labelSelector, w.podLabels));
    proxies = workloads.length
      ? `**Proxies** (pods with ${code(shown)})\n${bounded(workloads.map((w) => `- ${objectAtPlace(host, w)}`), 8).join('\n')}`
      : `**Proxies:** no workload of the workspace has ${code(shown)}; the AKS Istio add-on's gateways carry ${ISTIO_ADDON_GATEWAYS.map((g) => code(`istio: ${g.name}`)).join(' or ')}.`;
  }
  const servers = istio.servers.map((s) => `- ${s.port ?? '?'}${s.protocol ? `/${escapeText(s.protocol)}` : ''} ${s.hosts.map(code).join(', ') || 'no hosts'}${s.tlsMode ? ` · TLS ${escapeText(s.tlsMode)}` : ''}`);
  const bound = boundVirtualServices(host.analysis.index, gateway).map((vs) => `- ${objectAtPlace(host, vs)}`);
  return sections(
    title(gateway),
    'Istio\'s own Gateway (not Gateway API): it configures the gateway proxies its `spec.selector` matches, and VirtualServices that name it in `spec.gateways` route through them.',
    proxies,
    servers.length ? `**Servers**\n${bounded(servers, 8).join('\n')}` : undefined,
    bound.length ? `**VirtualServices bound to it**\n${bounded(bound, 8).join('\n')}` : 'No VirtualService of the workspace is bound to it.',
    onSelector ? fieldDoc(context) : undefined,
  );
}

/** VirtualServices whose `spec.gateways` name this Istio Gateway. */
function boundVirtualServices(index: WorkspaceIndex, gateway: Gateway): VirtualService[] {
  return index.ofKind('VirtualService').filter((vs) => vs.gateways.some((g) => istioGatewayRef(g.value, vs.namespace)?.namespace === gateway.namespace && istioGatewayRef(g.value, vs.namespace)?.name === gateway.name));
}

function virtualServiceHover(context: HoverContext, vs: VirtualService): string | undefined {
  const { path, host } = context;
  if (!onIdentity(path) && !(path[0] === 'spec' && (path[1] === 'gateways' || path.includes('destination')))) return fieldDoc(context);
  const index = host.analysis.index;
  const gateways = vs.gateways.map((g) => {
    const ref = istioGatewayRef(g.value, vs.namespace);
    if (!ref) return `- ${code('mesh')}: the sidecars of the mesh`;
    const found = index.lookup('Gateway', ref.namespace, ref.name).filter((gw) => gw.istio);
    return `- ${code(`${ref.namespace}/${ref.name}`)}: ${found.length ? objectAtPlace(host, found[0]!) : 'not in the workspace'}`;
  });
  const destinations = vs.destinations.map((d) => {
    const target = destinationServiceOf(d.host, vs.namespace);
    const port = d.port !== undefined ? `:${d.port}` : '';
    if (!target) return `- ${code(d.host + port)}: not a cluster Service name (a ServiceEntry host or an external name)`;
    const services = index.lookup('Service', target.namespace, target.name) as Service[];
    return `- ${code(d.host + port)} → ${services.length ? objectAtPlace(host, services[0]!) : `Service ${code(`${target.namespace}/${target.name}`)}, not in the workspace`}`;
  });
  return sections(
    title(vs),
    'Istio routing rules for its hosts, applied on the Istio Gateways it names (and on the sidecars with `mesh`). A short destination host is read in the VirtualService\'s namespace.',
    vs.hosts.length ? `**Hosts:** ${vs.hosts.map((h) => code(h.value)).join(', ')}` : undefined,
    `**Gateways**\n${gateways.length ? bounded(gateways, 8).join('\n') : `- ${code('mesh')} (default): the sidecars only`}`,
    destinations.length ? `**Destinations**\n${bounded(destinations, 10).join('\n')}` : undefined,
    onIdentity(path) ? undefined : fieldDoc(context),
  );
}

function policyHover(context: HoverContext, policy: AttachedPolicy): string | undefined {
  const { path, host } = context;
  const facts = policyKind(policy.group, policy.kind)!;
  const onRef = path[0] === 'spec' && (path[1] === 'targetRef' || path[1] === 'targetRefs' || path[1] === 'parentRef');
  if (!onIdentity(path) && !onRef) return fieldDoc(context);
  const index = host.analysis.index;
  const targets = policy.targetRefs.map((ref) => {
    const namespace = ref.namespace ?? policy.namespace;
    const found = index.lookupAny(ref.kind, namespace, ref.name).filter((r) => ref.kind !== 'Gateway' || !(r as Gateway).istio);
    const sections = ref.sections.length ? ` (${ref.sections.map((s) => code(s.value)).join(', ')})` : '';
    return `- ${escapeText(ref.kind)} ${code(`${namespace}/${ref.name}`)}${sections}: ${found.length ? `${where(host, found[0]!.file, found[0]!.nameSpan)}` : 'not in the workspace'}`;
  });
  return sections(
    title(policy),
    `${facts.product}. ${facts.doc} [Docs](${facts.source})`,
    `**Applies to** (${facts.targets.map((t) => t.kind).join(' or ')})\n${targets.length ? bounded(targets, 8).join('\n') : '- nothing: no target is given'}`,
    onIdentity(path) ? undefined : fieldDoc(context),
  );
}

function controllerText(host: FeatureHost, controller: NginxIngressController): string | undefined {
  const className = controller.ingressClassName?.value;
  if (!className) return undefined;
  const users = host.analysis.index.ofKind('Ingress').filter((i) => i.ingressClassName === className);
  return `**Ingress class** ${code(className)}: ${users.length ? `used by ${bounded(users.map((u) => objectRef(u)), 5).join(', ')}` : 'used by no Ingress of the workspace'}.`;
}

/** Istio's own networking API (`networking.istio.io`): Gateway (selector and servers) and VirtualService. */
import { child, integerOf, itemsOf, stringListOf, stringMapOf, stringOf } from '../../syntax/access';
import type { YNode } from '../../syntax/tree';
import type { Gateway, ResourceBase, VirtualService, VirtualServiceDestination } from '../resources';
import { locatedStrings, spanOf } from './common';

export const ISTIO_NETWORKING_GROUP = 'networking.istio.io';

export function isIstioNetworking(apiVersion: string): boolean {
  return apiVersion.startsWith(`${ISTIO_NETWORKING_GROUP}/`);
}

/** An Istio Gateway, kept as kind Gateway (the index's kind) without listeners, its facts under `istio`. */
export function istioGatewayOf(root: YNode, base: ResourceBase): Gateway {
  const spec = child(root, 'spec');
  const selectorNode = child(spec, 'selector');
  const gateway: Gateway = {
    ...base,
    kind: 'Gateway',
    listeners: [],
    istio: {
      selector: stringMapOf(selectorNode),
      servers: itemsOf(child(spec, 'servers')).map((server) => {
        const out: NonNullable<Gateway['istio']>['servers'][number] = { hosts: stringListOf(child(server, 'hosts')), span: spanOf(server, base.span) };
        const port = integerOf(child(server, 'port', 'number'));
        if (port !== undefined) out.port = port;
        const protocol = stringOf(child(server, 'port', 'protocol'));
        if (protocol) out.protocol = protocol;
        const tlsMode = stringOf(child(server, 'tls', 'mode'));
        if (tlsMode) out.tlsMode = tlsMode;
        const credentialName = stringOf(child(server, 'tls', 'credentialName'));
        if (credentialName) out.credentialName = credentialName;
        return out;
      }),
    },
  };
  if (selectorNode) gateway.istio!.selectorSpan = spanOf(selectorNode, base.span);
  return gateway;
}

export function virtualServiceOf(root: YNode, base: ResourceBase): VirtualService {
  const spec = child(root, 'spec');
  const destinations: VirtualServiceDestination[] = [];
  for (const section of ['http', 'tcp', 'tls']) {
    for (const rule of itemsOf(child(spec, section))) {
      for (const route of itemsOf(child(rule, 'route'))) {
        const destination = child(route, 'destination');
        const hostNode = child(destination, 'host');
        const host = stringOf(hostNode);
        if (!destination || host === undefined) continue;
        const entry: VirtualServiceDestination = { host, hostSpan: spanOf(hostNode, base.span), span: spanOf(destination, base.span) };
        const portNode = child(destination, 'port', 'number');
        const port = integerOf(portNode);
        if (port !== undefined) {
          entry.port = port;
          entry.portSpan = spanOf(portNode, base.span);
        }
        destinations.push(entry);
      }
    }
  }
  return {
    ...base,
    kind: 'VirtualService',
    hosts: locatedStrings(child(spec, 'hosts'), base.span),
    gateways: locatedStrings(child(spec, 'gateways'), base.span),
    destinations,
  };
}

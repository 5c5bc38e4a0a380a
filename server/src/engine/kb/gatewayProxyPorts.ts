/**
 * On which pod port the proxies of a Gateway API Gateway receive a listener's traffic, per implementation whose
 * proxies run in the cluster (the generator admits clients there: fixes/trafficEdges.ts).
 */
import { DECEMBER_2026_REVIEW, type Sourced } from './types';

export interface GatewayProxyPorts extends Sourced {
  /** `listener`: the proxy binds the listener's own port (no Service port translation). */
  podPort: 'listener';
}

/**
 * Istio's per-Gateway deployments (pods labelled `gateway.networking.k8s.io/gateway-name`, kb/controllerPlacement.ts;
 * the AKS application routing add-on's Gateway API mode runs the same): the proxy binds the listener port itself; the deployment lowers `net.ipv4.ip_unprivileged_port_start`
 * so that ports 80 and 443 need no privilege.
 */
export const ISTIO_GATEWAY_PROXY_PORTS: GatewayProxyPorts = {
  podPort: 'listener',
  // Also https://istio.io/latest/docs/tasks/traffic-management/ingress/gateway-api/#automated-deployment
  source: 'https://github.com/istio/istio/blob/master/manifests/charts/gateway/values.yaml',
  checked: DECEMBER_2026_REVIEW,
};

/**
 * Application Gateway Ingress Controller (AGIC) annotations, `appgw.ingress.kubernetes.io/*`. They apply to every
 * HTTP setting, backend pool and listener made from the Ingress, i.e. to all its rules at once. AGIC only handles
 * Ingresses of class `azure/application-gateway` (IngressClass `azure-application-gateway`).
 */
import { annotationTable, BOOLEAN_VALUES } from './define';
import { FIRST_RECORDED } from '../types';

const AGIC_DOC = 'https://learn.microsoft.com/en-us/azure/application-gateway/ingress-controller-annotations';
const AGIC_GITHUB = 'https://azure.github.io/application-gateway-kubernetes-ingress/annotations/';

const agic = annotationTable('agic', 'appgw.ingress.kubernetes.io/', ['Ingress'], AGIC_DOC, FIRST_RECORDED);

export const AGIC_ANNOTATIONS = [
  agic('backend-path-prefix', 'Replaces the matched path prefix with this one in requests sent to the pods (e.g. path `/hello/` sent as `/test/`). Applies to every rule of the Ingress; use separate Ingresses for different prefixes.', { valueHint: 'a path prefix' }),
  agic('backend-hostname', 'Host header Application Gateway sends to the pods.', { valueHint: 'a host name' }),
  agic('backend-protocol', 'Protocol from Application Gateway to the pods. With `https` the pod certificate must be trusted (a well-known CA or `appgw-trusted-root-certificate`).', { values: ['http', 'https'], defaultValue: 'http' }),
  agic('ssl-redirect', 'Redirects HTTP to HTTPS; needs TLS configured on the Ingress.', { values: BOOLEAN_VALUES, defaultValue: 'false' }),
  agic('appgw-ssl-certificate', 'Name of a certificate already installed on the Application Gateway (for example from Key Vault) to use for this Ingress\'s HTTPS listener, instead of a Kubernetes Secret.', { valueHint: 'a certificate name on the gateway' }),
  agic('appgw-ssl-profile', 'Name of an SSL profile already defined on the Application Gateway to apply to the HTTPS listener.', { valueHint: 'an SSL profile name' }),
  agic('appgw-trusted-root-certificate', 'Name of a root certificate installed on the Application Gateway, trusted when connecting to HTTPS backends whose certificates a well-known CA did not sign.', { valueHint: 'a certificate name on the gateway' }),
  agic('connection-draining', 'Keeps in-flight requests to pods being removed from the backend pool until they finish or `connection-draining-timeout` passes.', { values: BOOLEAN_VALUES, defaultValue: 'false' }),
  agic('connection-draining-timeout', 'Seconds connection draining waits.', { valueHint: 'seconds', defaultValue: '30' }),
  agic('cookie-based-affinity', 'Sticky sessions with an Application Gateway-managed cookie.', { values: BOOLEAN_VALUES, defaultValue: 'false' }),
  agic('request-timeout', 'Seconds Application Gateway waits for a pod\'s response.', { valueHint: 'seconds', defaultValue: '30' }),
  agic('use-private-ip', 'Exposes the Ingress on the Application Gateway\'s private frontend IP instead of its public one. The gateway must have a private IP.', { values: BOOLEAN_VALUES, defaultValue: 'false' }),
  agic('override-frontend-port', 'Frontend port of the listener instead of 80/443 (within 1-64999); clients must then use that port.', { valueHint: 'a port number', source: AGIC_GITHUB }),
  agic('hostname-extension', 'Extra host names (wildcards allowed) the listener accepts besides the rule hosts.', { valueHint: 'host names' }),
  agic('waf-policy-for-path', 'Azure resource ID of a Web Application Firewall policy applied to this Ingress\'s paths.', { valueHint: 'an Azure resource ID' }),
  agic('rewrite-rule-set', 'Name of a rewrite rule set already defined on the Application Gateway, applied to this Ingress\'s rules.', { valueHint: 'a rewrite rule set name' }),
  agic('health-probe-hostname', 'Host header of the health probe Application Gateway sends to the pods.', { valueHint: 'a host name' }),
  agic('health-probe-port', 'Port the health probe targets on the pods.', { valueHint: 'a port number' }),
  agic('health-probe-path', 'Path of the health probe. Pods failing the probe receive no traffic, so point it at an endpoint that answers 200.', { valueHint: 'a path' }),
  agic('health-probe-status-codes', 'Status codes counted as healthy, e.g. `200-399`.', { valueHint: 'codes or ranges, comma-separated' }),
  agic('health-probe-interval', 'Seconds between health probes.', { valueHint: 'seconds' }),
  agic('health-probe-timeout', 'Seconds a health probe waits for an answer.', { valueHint: 'seconds' }),
  agic('health-probe-unhealthy-threshold', 'Failed probes in a row before a pod is marked unhealthy.', { valueHint: 'a whole number' }),
];

/**
 * Per-port Azure load balancer annotations, `service.beta.kubernetes.io/port_{port}_*`, read by the Azure cloud
 * provider on LoadBalancer Services. `{port}` is a Service port number (`spec.ports[].port`). They override the
 * Service-wide `azure-load-balancer-health-probe-*` annotations for that one port.
 */
import { annotationTable, BOOLEAN_VALUES } from './define';
import { FIRST_RECORDED } from '../types';

const AKS_LB = 'https://learn.microsoft.com/en-us/azure/aks/load-balancer-standard';
const CLOUD_PROVIDER_PROBES = 'https://cloud-provider-azure.sigs.k8s.io/topics/loadbalancer/#custom-load-balancer-health-probe';

const perPort = annotationTable('azure-load-balancer', 'service.beta.kubernetes.io/port_{port}_', ['Service'], AKS_LB, FIRST_RECORDED);
const PORT_NOTE = '`{port}` must be one of the Service\'s `spec.ports[].port` numbers, or the annotation applies to nothing.';

export const AZURE_PORT_ANNOTATIONS = [
  perPort('no_lb_rule', `\`"true"\`: no load balancing rule and no health probe for this port, so it is not reachable through the Azure load balancer (e.g. a health check port that must stay private). ${PORT_NOTE}`, { pattern: true, values: BOOLEAN_VALUES }),
  perPort('no_probe_rule', `\`"true"\`: no health probe for this port. ${PORT_NOTE}`, { pattern: true, values: BOOLEAN_VALUES }),
  perPort('health-probe_protocol', `Protocol of this port\'s health probe, overriding the port\'s \`appProtocol\`. ${PORT_NOTE}`, { pattern: true, values: ['tcp', 'http', 'https'] }),
  perPort('health-probe_port', `Port probed for this port, as a number or a Service port name; lets several ports share one health endpoint. ${PORT_NOTE}`, { pattern: true, valueHint: 'a port number or Service port name' }),
  perPort('health-probe_request-path', `Path probed for this port when the probe is HTTP or HTTPS (defaults to \`/\`). ${PORT_NOTE}`, { pattern: true, valueHint: 'a path starting with /', defaultValue: '/' }),
  perPort('health-probe_interval', `Seconds between health probes of this port (Service-wide default 5). ${PORT_NOTE}`, { pattern: true, valueHint: 'seconds', source: CLOUD_PROVIDER_PROBES }),
  perPort('health-probe_num-of-probe', `Failed probes in a row before a node is taken out of rotation for this port (Service-wide default 2). ${PORT_NOTE}`, { pattern: true, valueHint: 'a whole number', source: CLOUD_PROVIDER_PROBES }),
];

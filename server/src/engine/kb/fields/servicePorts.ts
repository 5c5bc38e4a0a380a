/**
 * Service ports: the port clients use, where it lands in the pods, and what the node port and app protocol do.
 */
import { docsOf, row, value } from './define';
import { SERVICE_API, SERVICE_CONCEPT } from './service';
import { FIRST_RECORDED } from '../types';

const AKS_LB = 'https://learn.microsoft.com/en-us/azure/aks/load-balancer-standard';

export const SERVICE_PORT_FIELDS = docsOf('Service', SERVICE_API, [
  row(
    'spec.ports',
    'The ports the Service exposes. Each maps a Service port to a port on the selected pods (`targetPort`). With more than one port, every port needs a unique `name`.',
    { source: SERVICE_CONCEPT },
  ),
  row(
    'spec.ports.name',
    'Name of this port, unique within the Service and required when there is more than one port. Ingress backends (`port.name`), Gateway parentRefs to Services (`sectionName`) and EndpointSlices refer to the port by this name. Must be a DNS label (lowercase, digits, `-`).',
  ),
  row('spec.ports.protocol', 'Transport protocol of the port. Defaults to `TCP`.', {
    values: [
      value('TCP', 'Default.'),
      value('UDP', 'UDP datagrams. On AKS, UDP ports on a Cluster-policy LoadBalancer Service get no health probe.'),
      value('SCTP', 'SCTP associations; needs support in the network plugin.'),
    ],
  }),
  row(
    'spec.ports.appProtocol',
    'The application protocol spoken on the port, as a hint to implementations: IANA names (`http`, `https`) or `kubernetes.io/h2c`, `kubernetes.io/ws`, `kubernetes.io/wss`, or a domain-prefixed custom name. Gateway API implementations use it to pick the backend protocol. On AKS it also chooses the Azure load balancer health probe for `externalTrafficPolicy: Cluster`: `http`/`https` make an HTTP(S) probe on `/` (Kubernetes 1.24 and later), so a port that is not really HTTP there fails its probe.',
    { source: AKS_LB },
  ),
  row(
    'spec.ports.port',
    'The port clients connect to: on the cluster IP, and on the load balancer frontend for `type: LoadBalancer`. Ingress `port.number` and HTTPRoute `backendRefs[].port` name **this** port, not the container port.',
  ),
  row(
    'spec.ports.targetPort',
    'Where traffic lands in the selected pods: a number, or a name looked up in each pod\'s `containers[].ports[].name` (so pods may use different numbers). Defaults to the value of `port`. A number that no container listens on, or a name no container declares, makes connections fail. Ignored for headless Services.',
    { source: SERVICE_CONCEPT },
  ),
  row(
    'spec.ports.nodePort',
    'The port opened on every node for `type: NodePort` or `LoadBalancer`. Normally allocated from the node port range (30000-32767 by default); a fixed value must be in range and unused. Not allowed on ClusterIP Services, and wiped when the type changes to one that does not need it.',
    { source: `${SERVICE_CONCEPT}#type-nodeport` },
  ),
], FIRST_RECORDED);

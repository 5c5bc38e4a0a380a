/**
 * Service: how it is exposed (type), which pods it sends to (selector) and how nodes distribute traffic (traffic
 * policies, affinity). Addressing fields are in serviceAddressing.ts, ports in servicePorts.ts.
 */
import { docsOf, row, value } from './define';
import { FIRST_RECORDED } from '../types';

export const SERVICE_API = 'https://kubernetes.io/docs/reference/kubernetes-api/service-resources/service-v1/';
export const SERVICE_CONCEPT = 'https://kubernetes.io/docs/concepts/services-networking/service/';
const VIRTUAL_IPS = 'https://kubernetes.io/docs/reference/networking/virtual-ips/';
const SOURCE_IP = 'https://kubernetes.io/docs/tutorials/services/source-ip/';
const AKS_SERVICES = 'https://learn.microsoft.com/en-us/azure/aks/concepts-network-services';
const AKS_LB = 'https://learn.microsoft.com/en-us/azure/aks/load-balancer-standard';

export const SERVICE_FIELDS = docsOf('Service', SERVICE_API, [
  row('spec', 'What the Service exposes (ports), to which pods (selector) and how (type, traffic policies).'),
  row(
    'spec.type',
    'How the Service is reachable. Defaults to `ClusterIP`. `NodePort` and `LoadBalancer` are **layer 4**: they forward TCP/UDP connections by port number and know nothing of host names, URL paths, HTTP headers or certificates. For routing by host or path, or to terminate TLS, put an Ingress or a Gateway in front of a ClusterIP Service instead.',
    {
      source: SERVICE_CONCEPT,
      values: [
        value('ClusterIP', 'Default. A virtual IP reachable only from inside the cluster; connections to it are spread over the ready pods the selector matches. With `clusterIP: None` it is *headless*: no virtual IP and no proxying, cluster DNS answers with the pod IPs themselves (used by StatefulSets).'),
        value('NodePort', 'A ClusterIP Service plus the same port opened on every node (from the node port range, 30000-32767 by default), forwarding to the pods. Anyone who can reach a node IP can reach it.'),
        value('LoadBalancer', 'A NodePort Service plus an external load balancer from the cloud provider. On AKS this creates or updates a rule per port on the cluster\'s Azure load balancer and AKS opens the network security group for those ports: the Service is reachable **from the internet** unless it has `service.beta.kubernetes.io/azure-load-balancer-internal: "true"`, which gives it a private VNet IP instead. Still L4: no hosts, paths or HTTP.'),
        value('ExternalName', 'No proxying and no virtual IP: cluster DNS answers the Service name with a CNAME to `spec.externalName`. Selector and ports are not used to route. Gateway API implementations should refuse it as a backend.'),
      ],
    },
  ),
  row(
    'spec.selector',
    'Label pairs a pod must carry (all of them) to receive this Service\'s traffic; only pods in the Service\'s namespace are considered. Match the **pod template** labels of a Deployment (`spec.template.metadata.labels`), not the Deployment\'s own labels. Without a selector Kubernetes manages no endpoints: you supply EndpointSlices yourself, otherwise the Service has nowhere to send traffic. Ignored for `ExternalName`.',
    { source: SERVICE_CONCEPT },
  ),
  row(
    'spec.externalTrafficPolicy',
    'How nodes handle traffic arriving on the Service\'s externally facing addresses (node ports, external IPs, load balancer IPs). Defaults to `Cluster`. Traffic from inside the cluster to the load balancer IP always behaves as `Cluster`.',
    {
      source: SOURCE_IP,
      values: [
        value('Cluster', 'Default. Any node accepts the connection and may forward it to a pod on another node; the client source IP is replaced by the node\'s (SNAT), so pods, NetworkPolicy `ipBlock` rules and access logs see a node address. Load spreads over all nodes.'),
        value('Local', 'Only nodes running a ready pod of this Service deliver the traffic, to that local pod, and the client source IP is **preserved**. Traffic reaching a node without a local pod is dropped, so the load balancer relies on the health check node port (on AKS an HTTP probe of `/healthz`) to send only to nodes that have one. Load can be uneven when pods are unevenly spread.'),
      ],
    },
  ),
  row(
    'spec.internalTrafficPolicy',
    'How nodes handle traffic sent to the ClusterIP from inside the cluster. Defaults to `Cluster`.',
    {
      source: VIRTUAL_IPS,
      values: [
        value('Cluster', 'Default. Traffic goes to any ready endpoint in the cluster.'),
        value('Local', 'Traffic only goes to endpoints on the client\'s own node, and is dropped when that node has none (typical for DaemonSet agents).'),
      ],
    },
  ),
  row(
    'spec.healthCheckNodePort',
    'The node port on which each node answers whether it has a ready local endpoint. Only for `type: LoadBalancer` with `externalTrafficPolicy: Local`; allocated automatically when omitted, and cannot be changed once set. The cloud load balancer probes it (on AKS over HTTP at `/healthz`) and sends traffic only to nodes that answer healthy.',
    { source: AKS_LB },
  ),
  row(
    'spec.trafficDistribution',
    'A preference (a hint implementations may ignore) for which endpoints receive traffic. When unset the implementation\'s default applies.',
    {
      source: VIRTUAL_IPS,
      values: [
        value('PreferSameZone', 'Prefer endpoints in the client\'s zone, falling back to others when there are none.'),
        value('PreferSameNode', 'Prefer endpoints on the client\'s node, then its zone.'),
        value('PreferClose', 'Older name with the same meaning as PreferSameZone.'),
      ],
    },
  ),
  row(
    'spec.publishNotReadyAddresses',
    'When `true`, endpoints count as ready even if their pods are not, so DNS and proxies include pods that are still starting. Meant for a StatefulSet\'s headless Service whose members must find each other before they are ready; on a normal Service it sends traffic to pods that fail their readiness probe. Defaults to `false`.',
  ),
  row(
    'spec.sessionAffinity',
    'Whether connections from one client keep going to the same pod. Defaults to `None`.',
    {
      source: VIRTUAL_IPS,
      values: [
        value('None', 'Default. Each connection may go to any ready endpoint.'),
        value('ClientIP', 'Connections from the same client IP go to the same endpoint for `sessionAffinityConfig.clientIP.timeoutSeconds`. With `externalTrafficPolicy: Cluster` external clients arrive with node addresses, so stickiness follows the node rather than the client.'),
      ],
    },
  ),
  row('spec.sessionAffinityConfig', 'Settings of session affinity; only used with `sessionAffinity: ClientIP`.'),
  row('spec.sessionAffinityConfig.clientIP', 'Settings of client-IP based affinity: how long a client stays on its endpoint.'),
  row(
    'spec.sessionAffinityConfig.clientIP.timeoutSeconds',
    'How long, in seconds, a client stays pinned to its endpoint: more than 0 and at most 86400 (one day). Defaults to 10800 (three hours).',
  ),
  row(
    'status',
    'Written by Kubernetes, not by you: for a LoadBalancer Service it holds the address the cloud assigned (on AKS, the frontend IP of the Azure load balancer). Manifests should leave it out.',
    { source: AKS_SERVICES },
  ),
], FIRST_RECORDED);

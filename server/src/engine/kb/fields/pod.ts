/**
 * The pod fields networking depends on: labels (what Services and policies select), container ports (what
 * targetPort and named ports resolve to), readiness (which pods get traffic), host networking and DNS.
 * Workload kinds reach these through their pod template (see workloads.ts).
 */
import { docsOf, row, under, value, type FieldRow } from './define';
import { FIRST_RECORDED } from '../types';

const POD_API = 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/';
const SERVICE_CONCEPT = 'https://kubernetes.io/docs/concepts/services-networking/service/';
const POLICIES = 'https://kubernetes.io/docs/concepts/services-networking/network-policies/';
const DNS = 'https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/';
const PROBES = 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-probes';

function containerPortRows(kind: 'containers' | 'initContainers'): FieldRow[] {
  return under(`spec.${kind}.ports`, [
    row(
      '',
      `Ports the container listens on. Mostly informational: a port missing here is still reachable if the program listens on it. But **named** ports must be declared here for a Service \`targetPort\` or a NetworkPolicy \`port\` to refer to them by name.${kind === 'initContainers' ? ' For init containers this matters for sidecars (restartPolicy Always), which keep running next to the main containers.' : ''}`,
      { source: SERVICE_CONCEPT },
    ),
    row('containerPort', 'The port number the program listens on in the pod (1-65535). A Service `targetPort` number must equal it for traffic to arrive.'),
    row(
      'name',
      'Name of the port (at most 15 characters, lowercase letters, digits and `-`, at least one letter), unique in the pod. A Service `targetPort: <name>` and a NetworkPolicy `port: <name>` resolve to this port, so pods may change the number without touching the Service.',
    ),
    row('protocol', 'Protocol of the port. Defaults to `TCP`; a named Service port or policy port only matches a container port of the same protocol.', {
      values: [value('TCP', 'Default.'), value('UDP', 'UDP.'), value('SCTP', 'SCTP.')],
    }),
    row(
      'hostPort',
      'Also expose the port on the node\'s own IP at this number, bypassing Services. Each node can run only one pod using a given host port and protocol, which limits scheduling; with `hostNetwork` it must equal `containerPort`. Most workloads should use a Service instead.',
    ),
    row('hostIP', 'Which node address the `hostPort` binds to; all addresses when unset.'),
  ]);
}

const rows: FieldRow[] = [
  row(
    'metadata.labels',
    'Labels of the pod, the ones Service selectors and NetworkPolicy pod selectors match. In a Deployment, StatefulSet, DaemonSet or Job this is the pod template (`spec.template.metadata.labels`): it must contain the workload\'s `spec.selector.matchLabels`, and whatever Services select must be here, not on the workload\'s own `metadata.labels`.',
    { source: SERVICE_CONCEPT },
  ),
  row('spec', 'The pod: its containers and how it is networked.'),
  row('spec.containers', 'The containers of the pod. They share one network namespace: one IP, one port space, and they reach each other on `localhost`.'),
  row('spec.containers.name', 'Name of the container, unique in the pod.'),
  ...containerPortRows('containers'),
  row(
    'spec.containers.readinessProbe',
    'Check that decides whether the container is ready. A pod whose containers are not ready is taken out of its Services\' endpoints (unless `publishNotReadyAddresses`), so ingress controllers and load balancers stop sending it traffic. Without a probe the pod counts as ready once its containers run.',
    { source: PROBES },
  ),
  row('spec.initContainers', 'Containers run before the main ones; those with `restartPolicy: Always` are sidecars that keep running.'),
  row('spec.initContainers.name', 'Name of the init container, unique in the pod.'),
  ...containerPortRows('initContainers'),
  row(
    'spec.hostNetwork',
    'When `true`, the pod uses the node\'s network namespace: its IP is the node\'s, its ports open directly on the node and can clash with other host services, and it sees all node traffic. How NetworkPolicies treat host-network pods is undefined: a plugin either recognises them and applies policies, or cannot tell them from node traffic and lets them through. Defaults to `false`.',
    { source: POLICIES },
  ),
  row('spec.dnsPolicy', 'How the pod resolves names. Defaults to `ClusterFirst`.', {
    source: DNS,
    values: [
      value('ClusterFirst', 'Default. Cluster DNS first (Service names resolve); other names are forwarded upstream. A `hostNetwork` pod with this policy falls back to the node\'s resolver, so Service names do not resolve.'),
      value('ClusterFirstWithHostNet', 'Cluster DNS for a `hostNetwork` pod; set it explicitly on such pods.'),
      value('Default', 'The resolver configuration of the node, without cluster DNS (despite its name, not the default).'),
      value('None', 'Only what `dnsConfig` provides.'),
    ],
  }),
  row('spec.hostname', 'Host name of the pod; with `subdomain`, the pod gets the DNS name `<hostname>.<subdomain>.<namespace>.svc.<cluster-domain>`.', { source: DNS }),
  row('spec.subdomain', 'Name of a headless Service in the pod\'s namespace; with `hostname` it gives the pod its own DNS record. StatefulSets set it from `spec.serviceName`.', { source: DNS }),
];

export const POD_FIELDS = docsOf('Pod', POD_API, rows, FIRST_RECORDED);

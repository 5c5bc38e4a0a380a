/**
 * NetworkPolicy (networking.k8s.io/v1): which pods are isolated and which connections to and from them are allowed.
 */
import { docsOf, row, under, value, type FieldRow } from './define';
import { labelSelectorRows } from './labelSelector';
import { FIRST_RECORDED } from '../types';

const API = 'https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/';
const CONCEPT = 'https://kubernetes.io/docs/concepts/services-networking/network-policies/';
const AKS_POLICIES = 'https://learn.microsoft.com/en-us/azure/aks/use-network-policies';

/** A peer of an ingress (`from`) or egress (`to`) rule. */
function peerRows(direction: 'from' | 'to'): FieldRow[] {
  const who = direction === 'from' ? 'sources' : 'destinations';
  return [
    row(
      '',
      `Allowed ${who}; the items are ORed. Missing or empty means any ${direction === 'from' ? 'source' : 'destination'} (inside or outside the cluster). In one item, \`podSelector\` and \`namespaceSelector\` together mean pods matching both (AND); as two separate items (\`- podSelector\` / \`- namespaceSelector\`) they mean either (OR), a frequent source of over-broad policies.`,
      { source: CONCEPT },
    ),
    row(
      'podSelector',
      `Pods allowed as ${who}. Alone, it selects pods in the **policy's own namespace**; together with \`namespaceSelector\` in the same item, pods matching it in the selected namespaces. \`{}\` means all pods (of those namespaces).`,
      { source: CONCEPT },
    ),
    ...labelSelectorRows('podSelector', 'pods'),
    row(
      'namespaceSelector',
      `Namespaces whose pods are allowed as ${who}, selected by namespace labels (every namespace has \`kubernetes.io/metadata.name: <name>\`). \`{}\` means all namespaces. Alone it allows every pod of those namespaces.`,
      { source: CONCEPT },
    ),
    ...labelSelectorRows('namespaceSelector', 'namespaces'),
    row(
      'ipBlock',
      `A CIDR range allowed as ${who}, minus \`except\`. Cannot be combined with the selectors in the same item. Meant for addresses outside the cluster: whether pod IPs match is implementation-defined, and traffic may be source-NATed before the policy sees it (external clients of a LoadBalancer Service with \`externalTrafficPolicy: Cluster\` can arrive with a node address).`,
      { source: CONCEPT },
    ),
    row('ipBlock.cidr', 'The range, e.g. `10.0.0.0/16` or `2001:db8::/64`; `0.0.0.0/0` means every IPv4 address. Required.'),
    row('ipBlock.except', 'Sub-ranges of `cidr` that are not allowed; each must lie inside `cidr`.'),
  ];
}

/** A port entry of an ingress or egress rule. */
function portRows(side: string): FieldRow[] {
  return [
    row('', `Ports allowed ${side}; the items are ORed. Missing or empty means all ports of all protocols. A rule allows traffic only if it matches both a port and a peer.`, { source: CONCEPT }),
    row('protocol', 'Protocol the traffic must use. Defaults to `TCP`: a rule for DNS must list `UDP` port 53 (and usually TCP 53) explicitly.', {
      values: [value('TCP', 'Default.'), value('UDP', 'UDP, e.g. DNS on port 53.'), value('SCTP', 'SCTP, where the network plugin supports it.')],
    }),
    row(
      'port',
      'A port number, or a port name resolved against the **destination pod\'s** container ports (protocol must match; a name no container declares allows nothing). Omitted means every port of the protocol. This is the pod port, not a Service port: policies act after the Service has translated the address.',
      { source: CONCEPT },
    ),
    row('endPort', 'Turns `port` into the range `port`..`endPort` (inclusive). Requires a numeric `port` and must be at least `port`; not usable with named ports.', { source: CONCEPT }),
  ];
}

const rows: FieldRow[] = [
  row(
    'spec',
    'Which pods this policy isolates (`podSelector`), for which directions (`policyTypes`), and what it allows. Policies only allow, never deny, and add up. They take effect only with a network policy engine; on AKS that is Azure Network Policy Manager, Calico or Cilium, chosen for the cluster, and without one the object changes nothing.',
    { source: AKS_POLICIES },
  ),
  row(
    'spec.podSelector',
    'Pods **in this policy\'s namespace** the policy applies to. `{}` selects every pod of the namespace (the usual default-deny form). A selected pod is isolated for each direction in `policyTypes`: only connections some policy allows get through, while pods no policy selects stay open.',
    { source: CONCEPT },
  ),
  ...labelSelectorRows('spec.podSelector', 'pods'),
  row(
    'spec.policyTypes',
    'Directions this policy isolates. Defaults to `Ingress`, plus `Egress` when the policy has an `egress` section. When you write the list, a direction missing from it is ignored even if its rules are present: `egress` rules under `policyTypes: [Ingress]` do nothing. An egress-only or deny-all-egress policy needs `Egress` listed explicitly.',
    {
      source: CONCEPT,
      values: [
        value('Ingress', 'Selected pods accept only connections allowed by some policy\'s `ingress` rules.'),
        value('Egress', 'Selected pods may open only connections allowed by some policy\'s `egress` rules (including DNS: allow UDP/TCP 53 to CoreDNS).'),
      ],
    },
  ),
  row(
    'spec.ingress',
    'Incoming connections allowed to the selected pods; each rule needs both its `from` and its `ports` to match. `[]` or no rules allows nothing (isolation only); `[{}]` allows everything, from inside and outside the cluster. Traffic from the pod\'s own node (such as kubelet probes) is always allowed.',
    { source: CONCEPT },
  ),
  ...under('spec.ingress.from', peerRows('from')),
  ...under('spec.ingress.ports', portRows('in')),
  row(
    'spec.egress',
    'Outgoing connections allowed from the selected pods; each rule needs both its `to` and its `ports` to match. Only has effect when `policyTypes` includes `Egress`. `[]` allows nothing, `[{}]` everything. A connection between two pods needs the sender\'s egress and the receiver\'s ingress to allow it.',
    { source: CONCEPT },
  ),
  ...under('spec.egress.to', peerRows('to')),
  ...under('spec.egress.ports', portRows('out')),
];

export const NETWORK_POLICY_FIELDS = docsOf('NetworkPolicy', API, rows, FIRST_RECORDED);

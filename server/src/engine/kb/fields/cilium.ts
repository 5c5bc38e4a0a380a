/**
 * CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy (cilium.io/v2): Cilium's own policy language, in our words
 * from Cilium's documentation (checked 2026-12-06). What Kube Netlens models of it: docs/cilium.md.
 */
import { docsOf, row, under, value, type FieldRow } from './define';
import { labelSelectorRows } from './labelSelector';

const CHECKED = '2026-12-06';
const LANGUAGE = 'https://docs.cilium.io/en/stable/security/policy/language/';
const INTRO = 'https://docs.cilium.io/en/stable/security/policy/intro/';
const DENY = 'https://docs.cilium.io/en/latest/security/policy/deny/';
const KUBERNETES = 'https://docs.cilium.io/en/latest/policy/kubernetes/';
const ENTITIES = 'https://docs.cilium.io/en/stable/security/policy/language/#entities-based';
const CIDR = 'https://docs.cilium.io/en/stable/security/policy/language/#cidr-based';
const DNS = 'https://docs.cilium.io/en/stable/security/policy/language/#dns-based';
const L4 = 'https://docs.cilium.io/en/stable/security/policy/language/#layer-4-examples';
const L7 = 'https://docs.cilium.io/en/stable/security/policy/language/#layer-7-examples';
const SERVICES = 'https://docs.cilium.io/en/stable/security/policy/language/#services-based';
const AKS_FQDN = 'https://learn.microsoft.com/azure/aks/container-network-security-fqdn-filtering-concepts';

const ENTITY_VALUES = [
  value('world', 'Every address outside the cluster (`world-ipv4`, `world-ipv6` for one family).'),
  value('cluster', 'Every endpoint of the cluster: pods, nodes and the cluster\'s own identities.'),
  value('host', 'The node the pod runs on (its own node), including hostNetwork pods there.'),
  value('remote-node', 'Every other node of the cluster.'),
  value('kube-apiserver', 'The Kubernetes API server.'),
  value('all', 'Everything: the union of all other entities.'),
  value('health', 'Cilium\'s health-check endpoints.'),
  value('init', 'Endpoints whose identity is not resolved yet.'),
  value('ingress', 'Cilium\'s own ingress (Envoy) proxy.'),
  value('unmanaged', 'Pods not managed by Cilium.'),
];

function endpointSelectorRows(prefix: string, who: string): FieldRow[] {
  return [
    row(
      prefix,
      `${who}: a label selector over pod labels. \`k8s:\` prefixes are optional; \`k8s:io.kubernetes.pod.namespace: <name>\` selects by namespace name and \`k8s:io.cilium.k8s.namespace.labels.<key>\` by namespace label. In a CiliumNetworkPolicy a selector without a namespace key means the policy's own namespace; \`{}\` means every pod of it.`,
      { source: KUBERNETES },
    ),
    ...labelSelectorRows(prefix, 'pods'),
  ];
}

function portRows(prefix: string): FieldRow[] {
  return [
    row(prefix, 'Layer 4 restriction: the connection must use one of these ports (ORed), and the item\'s L3 selectors must match too (AND). An item with `toPorts` only admits every peer on those ports.', { source: L4 }),
    row(`${prefix}.ports`, 'Ports and protocols; the items are ORed.', { source: L4 }),
    row(`${prefix}.ports.port`, 'A port number as a string (`"80"`) or a named port; `"0"` or absent means every port.', { source: L4 }),
    row(`${prefix}.ports.endPort`, 'Turns `port` into the range `port`..`endPort`. Cilium before 1.16 enforces only the first port (AKS below Kubernetes 1.31).', { source: L4 }),
    row(`${prefix}.ports.protocol`, 'The protocol; `ANY` (the default) means TCP, UDP and SCTP.', {
      source: L4,
      values: [value('TCP', 'TCP only.'), value('UDP', 'UDP only.'), value('SCTP', 'SCTP only.'), value('ANY', 'Default: every protocol.')],
    }),
    row(`${prefix}.rules`, 'Layer 7 rules for the traffic on these ports: the connection is admitted and Cilium\'s proxy filters its requests (HTTP, Kafka, DNS). Kube Netlens shows them as data and does not read them as port restrictions.', { source: L7 }),
    row(`${prefix}.rules.http`, 'Admitted HTTP requests (`method`, `path` regular expressions, `host`, `headers`); any other request gets 403. On AKS this needs `advancedNetworkPolicies: L7`.', { source: L7 }),
    row(`${prefix}.rules.kafka`, 'Admitted Kafka requests (`role` produce/consume or `apiKey`, `topic`).', { source: L7 }),
    row(`${prefix}.rules.dns`, 'Which DNS lookups the proxy admits (`matchName`, `matchPattern`). Required for `toFQDNs`: Cilium learns a name\'s addresses from the answers its DNS proxy sees.', { source: DNS }),
  ];
}

function peerRuleRows(prefix: string, side: 'from' | 'to', deny: boolean): FieldRow[] {
  const who = side === 'from' ? 'sources' : 'destinations';
  const verb = deny ? 'Denied' : 'Allowed';
  const rows: FieldRow[] = [
    ...endpointSelectorRows(`${prefix}.${side}Endpoints`, `${verb} ${who} that are pods`),
    row(`${prefix}.${side}Entities`, `${verb} ${who} by what they are rather than by labels.`, { source: ENTITIES, values: ENTITY_VALUES }),
    row(`${prefix}.${side}CIDR`, `${verb} ${who} by address (addresses outside the cluster: pods and nodes have identities, which CIDR rules do not select).`, { source: CIDR }),
    row(`${prefix}.${side}CIDRSet`, `Like \`${side}CIDR\`, each with \`except\` ranges left out.`, { source: CIDR }),
    row(`${prefix}.${side}CIDRSet.cidr`, 'The range, e.g. `10.0.0.0/8`; `0.0.0.0/0` is every IPv4 address.', { source: CIDR }),
    row(`${prefix}.${side}CIDRSet.except`, 'Sub-ranges of `cidr` that are not selected.', { source: CIDR }),
    ...portRows(`${prefix}.toPorts`),
  ];
  if (side === 'to' && !deny) {
    rows.push(
      row(`${prefix}.toServices`, 'Destinations by Kubernetes Service (`k8sService: {serviceName, namespace}` or `k8sServiceSelector`): applies to Services without a selector, whose endpoints are set by hand.', { source: SERVICES }),
      row(`${prefix}.toFQDNs`, `Destinations by DNS name (\`matchName\`, \`matchPattern\` with \`*\`). Needs an egress item with \`rules: dns\` toward kube-dns, or the names never resolve to allowed addresses. On AKS this needs Advanced Container Networking Services with FQDN filtering (${AKS_FQDN}).`, { source: DNS }),
      row(`${prefix}.toFQDNs.matchName`, 'An exact name (`api.example.com`).', { source: DNS }),
      row(`${prefix}.toFQDNs.matchPattern`, 'A pattern: `*` stands for any characters within one label (`*.example.com`); `*` alone for every name.', { source: DNS }),
    );
  }
  return rows;
}

function ruleRows(prefix: string, clusterwide: boolean): FieldRow[] {
  return [
    ...endpointSelectorRows(`${prefix}.endpointSelector`, clusterwide ? 'The pods this rule applies to, in every namespace' : 'The pods this rule applies to, in the policy\'s namespace'),
    row(`${prefix}.nodeSelector`, 'Selects nodes instead of pods (a host policy); exclusive with `endpointSelector`.', { source: LANGUAGE }),
    row(`${prefix}.ingress`, 'Allowed incoming connections. A rule with ingress (or ingressDeny) items puts its pods in default deny for ingress; `- {}` allows nothing, an empty list does not apply.', { source: INTRO }),
    ...peerRuleRows(`${prefix}.ingress`, 'from', false),
    row(`${prefix}.egress`, 'Allowed outgoing connections; puts the pods in default deny for egress. Remember DNS: admit port 53 to kube-dns.', { source: INTRO }),
    ...peerRuleRows(`${prefix}.egress`, 'to', false),
    row(`${prefix}.ingressDeny`, 'Denied incoming connections: deny wins over every allow, Cilium\'s and Kubernetes NetworkPolicies\' alike.', { source: DENY }),
    ...peerRuleRows(`${prefix}.ingressDeny`, 'from', true),
    row(`${prefix}.egressDeny`, 'Denied outgoing connections: deny wins over every allow.', { source: DENY }),
    ...peerRuleRows(`${prefix}.egressDeny`, 'to', true),
    row(`${prefix}.enableDefaultDeny`, 'Whether the rule puts its pods in default deny, per direction (`ingress`, `egress`). Default: true for each direction the rule has items for.', { source: LANGUAGE }),
    row(`${prefix}.description`, 'Free text for people; Cilium does not read it.', { source: LANGUAGE }),
  ];
}

function policyRows(clusterwide: boolean): FieldRow[] {
  return [
    row('spec', `One Cilium rule. ${clusterwide ? 'Clusterwide: its selectors reach every namespace.' : 'Namespaced: it selects pods of its own namespace.'} Only Cilium enforces it (on AKS: Azure CNI powered by Cilium).`, { source: LANGUAGE }),
    ...ruleRows('spec', clusterwide),
    row('specs', 'Several rules in one object, each like `spec`.', { source: LANGUAGE }),
    ...under('specs', ruleRows('', clusterwide).map((r) => ({ ...r, path: r.path.replace(/^\./, '') }))),
  ];
}

export const CILIUM_NETWORK_POLICY_FIELDS = docsOf('CiliumNetworkPolicy', LANGUAGE, policyRows(false), CHECKED);
export const CILIUM_CLUSTERWIDE_NETWORK_POLICY_FIELDS = docsOf('CiliumClusterwideNetworkPolicy', LANGUAGE, policyRows(true), CHECKED);

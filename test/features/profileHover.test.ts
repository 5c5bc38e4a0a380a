/**
 * Hovers that read the cluster profile: the source address an external destination sees (NetworkPolicy egress
 * ipBlocks, env and ConfigMap values of the egress inventory), the engine that enforces a policy, and an ipBlock
 * against the pod/service/VNet ranges. Each profile carries origins, so the hover's "from ..." is checked too.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { featureHost, profileOf } from '../../server/src/engine/features/host';
import type { ClusterProfile } from '../../server/src/engine/profile/types';
import { loadFixture } from '../support/fixture';
import { assertHoverWith, assertNoHoverText, cursorIn, hoverAt } from './support';

const FIXTURE = `
# file: api.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
        - name: api
          image: api
          env:
            - name: PAYMENTS_URL
              value: https://api.stripe.com/v1
            - name: LOG_LEVEL
              value: debug
          envFrom:
            - configMapRef: {name: api-config}
# file: config.yaml
apiVersion: v1
kind: ConfigMap
metadata: {name: api-config, namespace: shop}
data:
  LEGACY_ENDPOINT: "http://10.225.1.20:8080/soap"
  ONPREM_LDAP: "ldaps://172.16.4.10"
# file: egress.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-egress, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  policyTypes: [Egress]
  egress:
    - to:
        - ipBlock:
            cidr: 203.0.113.0/24
      ports: [{port: 443, protocol: TCP}]
    - to:
        - ipBlock:
            cidr: 10.0.0.0/8
            except: [10.0.0.0/16]
`;

const at = (file: string, needle: string, delta = 1) => cursorIn(FIXTURE, file, needle, delta);
const FROM_FILE = (key: string) => `.netlens.yaml: cluster.${key}`;

function profile(fields: Omit<ClusterProfile, 'origins'>, origins: Record<string, string> = {}): ClusterProfile {
  const all: Record<string, string> = {};
  for (const key of Object.keys(fields)) all[key] = origins[key] ?? FROM_FILE(key);
  return { ...fields, origins: all };
}

const RANGES = { podCidr: '10.244.0.0/16', serviceCidr: '10.0.0.0/16', vnetCidrs: ['10.224.0.0/12'] } as const;

test('overlay + loadBalancer: SNAT to the node IP, then the load balancer outbound IP; facts named with their origin', () => {
  const options = { profile: profile({ networkModel: 'overlay', outboundType: 'loadBalancer', ...RANGES, vnetCidrs: [...RANGES.vnetCidrs], networkPolicyEngine: 'azure-npm' }) };
  const md = assertHoverWith(
    options,
    at('egress.yaml', '203.0.113'),
    '**Peer** addresses `203.0.113.0/24`',
    '`203.0.113.0/24` lies outside the cluster\'s ranges the profile states',
    '**Source address the destination sees**',
    "- **The Internet**: the pod IP is SNAT'd to the node IP, which leaves as the **outbound public IP of the cluster's load balancer**",
    'networkModel `overlay` \\(from \\.netlens\\.yaml\\: cluster\\.networkModel\\)',
    'outboundType `loadBalancer` \\(from \\.netlens\\.yaml\\: cluster\\.outboundType\\)',
    'https://learn.microsoft.com/azure/aks/concepts-network-cni-overview',
  );
  assertNoHoverText(md, '**In the VNet**', 'NAT gateway');
  // An env value naming an Internet host: the same answer, with who declares it.
  assertHoverWith(
    options,
    at('api.yaml', 'api.stripe'),
    '**External destination** `api.stripe.com:443` · TCP · `https` (port implied by `https`)',
    'Declared by env `PAYMENTS_URL` of container `api`. Azure Firewall: application rule Https:443.',
    '(if `api.stripe.com` resolves to a public address)',
    "the pod IP is SNAT'd to the node IP, which leaves as the **outbound public IP of the cluster's load balancer**",
  );
  // A ConfigMap value naming a VNet host (read through envFrom): the node IP, not the outbound IP.
  const vnet = assertHoverWith(
    options,
    cursorIn(FIXTURE, 'config.yaml', '10.225.1.20'),
    '**External destination** `10.225.1.20:8080` · TCP · `http`',
    'Declared by ConfigMap `shop/api-config` key `LEGACY_ENDPOINT`',
    "- **In the VNet** (`10.224.0.0/12`): the **node IP** (SNAT'd when leaving the cluster).",
    'vnetCidrs `10.224.0.0/12` \\(from \\.netlens\\.yaml\\: cluster\\.vnetCidrs\\)',
    '**Read by** Deployment `shop/api` ([api\\.yaml:3](api.yaml#L3))',
  );
  assertNoHoverText(vnet, '**The Internet**');
  // On the ConfigMap key, the same entry.
  assertHoverWith(options, cursorIn(FIXTURE, 'config.yaml', 'LEGACY_ENDPOINT'), '**External destination** `10.225.1.20:8080`');
  // An env value that names no destination keeps its ordinary hover.
  assert.ok(!(hoverAt(at('api.yaml', 'debug'), options) ?? '').includes('External destination'));
});

test('overlay + managedNATGateway: Internet traffic leaves as the NAT gateway IP; an egress rule and its private ipBlock', () => {
  const options = { profile: profile({ networkModel: 'overlay', outboundType: 'managedNATGateway', ...RANGES, vnetCidrs: [...RANGES.vnetCidrs] }, { networkModel: 'aks.json: properties.networkProfile.networkPluginMode (overlay)', outboundType: 'aks.json: properties.networkProfile.outboundType' }) };
  assertHoverWith(
    options,
    at('api.yaml', 'api.stripe'),
    "the pod IP is SNAT'd to the node IP, which leaves as the **public IP of the AKS-managed NAT gateway**",
    'networkModel `overlay` \\(from aks\\.json\\: properties\\.networkProfile\\.networkPluginMode \\(overlay\\)\\)',
    'outboundType `managedNATGateway` \\(from aks\\.json\\: properties\\.networkProfile\\.outboundType\\)',
  );
  // The rule (cursor on `- to:` of the second rule): 10.0.0.0/8 except 10.0.0.0/16 is pods, VNet and other private networks, no Internet.
  const rule = assertHoverWith(
    options,
    cursorIn(FIXTURE, 'egress.yaml', '- to:\n        - ipBlock:\n            cidr: 10.0.0.0/8', 3),
    '**Egress rule 2** allows addresses `10.0.0.0/8` except `10.0.0.0/16` on every port',
    "- **In the cluster** (pod or service CIDR): the pod's own IP (no NAT between pods).",
    "- **In the VNet** (`10.224.0.0/12`): the **node IP** (SNAT'd when leaving the cluster).",
    "- **Other private networks** (peered VNets, on-premises): the **node IP** (SNAT'd when leaving the cluster).",
  );
  assertNoHoverText(rule, '**The Internet**', 'NAT gateway');
});

test('flat: VNet destinations see the pod IP; beyond the VNet the AKS pages differ; Internet leaves through the outbound type', () => {
  const options = {
    profile: profile({ networkModel: 'flat', outboundType: 'userDefinedRouting', vnetCidrs: ['10.224.0.0/12'], networkPolicyEngine: 'calico' }, { networkModel: 'aks.json: properties.networkProfile.networkPlugin (azure, node subnet)' }),
  };
  assertHoverWith(
    options,
    cursorIn(FIXTURE, 'config.yaml', '10.225.1.20'),
    "- **In the VNet** (`10.224.0.0/12`): the **pod IP** (pods have VNet IPs and are not SNAT'd).",
    'networkModel `flat` \\(from aks\\.json\\: properties\\.networkProfile\\.networkPlugin \\(azure\\, node subnet\\)\\)',
  );
  assertHoverWith(
    options,
    cursorIn(FIXTURE, 'config.yaml', '172.16.4.10'),
    '**External destination** `172.16.4.10:636` · TCP · `ldaps` (port implied by `ldaps`)',
    "- **Other private networks** (peered VNets, on-premises): AKS's pages differ beyond the VNet",
    "(https://learn.microsoft.com/azure/aks/concepts-network-cni-overview) says the pod IP (not SNAT'd)",
    '(https://learn.microsoft.com/azure/aks/configure-azure-cni#frequently-asked-questions) says the node IP',
  );
  const md = assertHoverWith(options, at('api.yaml', 'api.stripe'), '- **The Internet** (if `api.stripe.com` resolves to a public address): **whatever your routes do**: AKS sets up no egress path', 'outboundType `userDefinedRouting`');
  assertNoHoverText(md, "SNAT'd to the node IP");
});

test('no profile: each hover says what it depends on and how to set the profile', () => {
  assertHoverWith(
    {},
    at('egress.yaml', 'name: api-egress', 7),
    '**NetworkPolicy `shop/api-egress`**',
    "**Enforcement:** depends on the cluster's network policy engine, which the profile does not name.",
    '`cluster.networkPolicyEngine`',
    '`.netlens.yaml`',
    '`cluster.importFrom: ./aks.json`',
  );
  assertHoverWith(
    {},
    at('api.yaml', 'api.stripe'),
    '**External destination** `api.stripe.com:443`',
    '**Source address the destination sees**: depends on the cluster, which the profile does not describe.',
    "Under `overlay` (kubenet, Azure CNI Overlay) pods are SNAT'd to the node IP when leaving the cluster",
    'Needs `cluster.networkModel` and `cluster.outboundType`.',
    '`.netlens.yaml`',
  );
  assertHoverWith({}, at('egress.yaml', '10.0.0.0/8'), 'depends on `cluster.podCidr`, `cluster.serviceCidr` and `cluster.vnetCidrs`, which no profile states');
  // A profile with no key set is no profile.
  assertHoverWith({ profile: {} }, at('egress.yaml', 'name: api-egress', 7), "**Enforcement:** depends on the cluster's network policy engine");
});

test('engine none: the policy is not enforced, and its ipBlocks say so', () => {
  const options = { profile: profile({ networkPolicyEngine: 'none', ...RANGES, vnetCidrs: [...RANGES.vnetCidrs] }, { networkPolicyEngine: 'aks.json: properties.networkProfile.networkPolicy (not set: policies are not enforced)' }) };
  assertHoverWith(
    options,
    at('egress.yaml', 'name: api-egress', 7),
    '**Egress:** isolated.',
    '**Not enforced:** the profile says no network policy engine, per networkPolicyEngine `none` \\(from aks\\.json\\: properties\\.networkProfile\\.networkPolicy \\(not set\\: policies are not enforced\\)\\).',
    'nothing filters traffic by it',
  );
  assertHoverWith(options, at('egress.yaml', '10.0.0.0/8'), '- overlaps the **pod CIDR** `10.244.0.0/16`', '- Not enforced: the profile says no network policy engine.');
});

test('engine cilium: named as the enforcer; an ipBlock over pod IPs gets the Cilium difference, on the policy and on the cidr', () => {
  const options = { profile: profile({ networkModel: 'overlay', networkPolicyEngine: 'cilium', ...RANGES, vnetCidrs: [...RANGES.vnetCidrs], kubernetesVersion: '1.31' }) };
  assertHoverWith(
    options,
    at('egress.yaml', 'name: api-egress', 7),
    '**Enforced by** Cilium (Azure CNI Powered by Cilium), per networkPolicyEngine `cilium` \\(from \\.netlens\\.yaml\\: cluster\\.networkPolicyEngine\\).',
    'Cilium treats parts of this policy differently:',
    '- Cilium does not match pod or node IPs with ipBlock\\: 10\\.0\\.0\\.0\\/8 covers the pod CIDR 10\\.244\\.0\\.0\\/16',
    '([source](https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium))',
  );
  const md = assertHoverWith(
    options,
    at('egress.yaml', '10.0.0.0/8', 3),
    '**Against the cluster profile:** `10.0.0.0/8`',
    '- overlaps the **pod CIDR** `10.244.0.0/16`: the IPs pods have inside the cluster.',
    '- overlaps the **VNet range** `10.224.0.0/12`: nodes and other VNet hosts (overlay: no pod IP is there).',
    '- Cilium does not match pod or node IPs with ipBlock',
    "add \\`namespaceSelector\\: \\{\\}\\` to the rule\\'s \\`to\\`",
    'networkPolicyEngine `cilium` \\(from \\.netlens\\.yaml\\: cluster\\.networkPolicyEngine\\)',
  );
  // ipblock-covers-pods is about Azure NPM and Calico: with Cilium it says nothing here.
  assertNoHoverText(md, 'Azure NPM or Calico');
  // The public block is outside every range: no engine difference.
  const outside = assertHoverWith(options, at('egress.yaml', '203.0.113'), "lies outside the cluster's ranges the profile states");
  assertNoHoverText(outside, 'Cilium does not match');
});

test('profileOf: the settings the rules get; an empty profile is none', () => {
  const withProfile = loadFixture(FIXTURE, { profile: { networkModel: 'flat' } }).analysis;
  assert.deepEqual(profileOf(featureHost(withProfile), 'api.yaml'), { networkModel: 'flat' });
  assert.equal(profileOf(featureHost(loadFixture(FIXTURE, { profile: {} }).analysis), 'api.yaml'), undefined);
  assert.equal(profileOf(featureHost(loadFixture(FIXTURE).analysis), 'api.yaml'), undefined);
});

test('engine azure-npm and the kubenet network model: the hovers say when their support ends, with the source', () => {
  const npm = { profile: profile({ networkModel: 'overlay', networkPolicyEngine: 'azure-npm', windowsNodes: true }, { networkModel: 'aks.json: properties.networkProfile.networkPlugin (kubenet)' }) };
  assertHoverWith(
    npm,
    at('egress.yaml', 'name: api-egress', 7),
    '**Retirement:** Azure Network Policy Manager on Windows nodes is out of support since 30 September 2026',
    '([source](https://github.com/Azure/AKS/issues/3129))',
    'Azure Network Policy Manager on Linux nodes is announced to lose support on 30 September 2028',
    '(date not confirmed by the AKS pages read',
  );
  assertHoverWith(npm, at('api.yaml', 'api.stripe'), 'kubenet networking retires on 31 March 2028', '([source](https://github.com/Azure/AKS/issues/4859))');
  const cilium = { profile: profile({ networkModel: 'overlay', networkPolicyEngine: 'cilium' }) };
  assertNoHoverText(assertHoverWith(cilium, at('egress.yaml', 'name: api-egress', 7), '**Enforced by** Cilium'), 'Retirement');
  assertNoHoverText(assertHoverWith(cilium, at('api.yaml', 'api.stripe'), '**Source address the destination sees**'), 'kubenet networking retires');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasErrors, parseProfile } from '../../server/src/engine/profile/parseProfile';

/** `line:col severity message` with 1-based positions, for exact comparisons. */
function located(text: string, issues: ReturnType<typeof parseProfile>['issues']): string[] {
  return issues.map((i) => {
    if (!i.span) return `-:- ${i.severity} ${i.message}`;
    const before = text.slice(0, i.span.start).split('\n');
    return `${before.length}:${before[before.length - 1]!.length + 1} ${i.severity} ${i.message}`;
  });
}

test('a complete profile reads every key, with origins', () => {
  const text = `cluster:
  networkModel: overlay
  podCidr: 10.244.0.0/16
  serviceCidr: 10.0.0.0/16
  dnsServiceIP: 10.0.0.10
  vnetCidrs: [10.224.0.0/12, 10.225.0.0/16]
  networkPolicyEngine: cilium
  outboundType: managedNATGateway
  windowsNodes: false
  kubernetesVersion: 1.30
  importFrom: ./aks.json
ingressControllers:
  - class: webapprouting.kubernetes.azure.com
    namespace: app-routing-system
  - {class: azure-alb-external, subnetCidr: 10.225.0.0/24}
defaultNamespace: shop
`;
  const parsed = parseProfile(text);
  assert.deepEqual(parsed.issues, []);
  const { origins, ...profile } = parsed.profile;
  assert.deepEqual(profile, {
    networkModel: 'overlay',
    podCidr: '10.244.0.0/16',
    serviceCidr: '10.0.0.0/16',
    dnsServiceIP: '10.0.0.10',
    vnetCidrs: ['10.224.0.0/12', '10.225.0.0/16'],
    networkPolicyEngine: 'cilium',
    outboundType: 'managedNATGateway',
    windowsNodes: false,
    kubernetesVersion: '1.30',
    ingressControllers: [
      { class: 'webapprouting.kubernetes.azure.com', namespace: 'app-routing-system' },
      { class: 'azure-alb-external', subnetCidr: '10.225.0.0/24' },
    ],
    defaultNamespace: 'shop',
  });
  assert.equal(origins!.podCidr, '.netlens.yaml: cluster.podCidr');
  assert.equal(origins!.ingressControllers, '.netlens.yaml: ingressControllers');
  assert.equal(parsed.importFrom!.path, './aks.json');
  assert.equal(text.slice(parsed.importFrom!.span!.start, parsed.importFrom!.span!.end), './aks.json');
});

test('dotted keys read like nested ones; an empty file is an empty profile', () => {
  assert.deepEqual(parseProfile('cluster.networkPolicyEngine: none\ncluster.podCidr: 10.244.0.0/16\n').profile.networkPolicyEngine, 'none');
  assert.deepEqual(parseProfile('cluster.networkPolicyEngine: none\ncluster.podCidr: 10.244.0.0/16\n').profile.podCidr, '10.244.0.0/16');
  assert.deepEqual(parseProfile(''), { profile: {}, issues: [] });
  assert.deepEqual(parseProfile('# only a comment\n'), { profile: {}, issues: [] });
});

test('validation errors name the key, the value and a did-you-mean, at the right position', () => {
  const text = `cluster:
  networkModle: overlay
  podCidr: 10.244.0.0
  serviceCidr: 10.0.0.1/16
  dnsServiceIP: 10.0.0.300
  networkPolicyEngine: calicoo
  outboundType: Overlay
  vnetCidrs: 10.224.0.0/12
  windowsNodes: yes
  kubernetesVersion: latest
ingressController:
  - class: nginx
ingressControllers:
  - class: nginx
  - {class: agc, namespace: agc, subnetCidr: 10.1.0.0/24}
  - {klass: x, namespace: y}
defaultNamespace: Shop
podCidr: 10.1.0.0/16
`;
  const parsed = parseProfile(text);
  assert.ok(hasErrors(parsed.issues));
  assert.deepEqual(located(text, parsed.issues), [
    '2:3 error unknown key `cluster.networkModle` (did you mean `cluster.networkModel`?)',
    '3:12 error `cluster.podCidr` must be a CIDR such as 10.244.0.0/16, got `10.244.0.0` (an address; add the prefix length, e.g. `10.244.0.0/16`)',
    '4:16 warning `cluster.serviceCidr: 10.0.0.1/16` has host bits set; it means `10.0.0.0/16`',
    '5:17 error `cluster.dnsServiceIP` must be an IP address such as 10.0.0.10, got `10.0.0.300`',
    '6:24 error `cluster.networkPolicyEngine` must be one of none, azure-npm, calico, cilium, got `calicoo` (did you mean `calico`?)',
    '7:17 error `cluster.outboundType` must be one of loadBalancer, managedNATGateway, userAssignedNATGateway, userDefinedRouting, got `Overlay`',
    '9:17 error `cluster.windowsNodes` must be true or false, got `yes`',
    '10:22 error `cluster.kubernetesVersion` must be a Kubernetes version such as "1.31", got `latest`',
    '11:1 error unknown key `ingressController` (did you mean `ingressControllers`?)',
    '14:5 error `ingressControllers[0]` (class `nginx`) needs `namespace` (in-cluster controller) or `subnetCidr` (Azure-hosted controller)',
    '15:5 error `ingressControllers[1]` (class `agc`) has both `namespace` and `subnetCidr`: a controller runs either in the cluster or in a subnet',
    '16:6 error unknown key `ingressControllers[2].klass` (did you mean `class`?)',
    '17:19 error `defaultNamespace` must be a namespace name (lowercase letters, digits and \'-\', at most 63), got `Shop`',
    '18:1 error unknown key `podCidr` (it belongs under `cluster:`)',
  ]);
  // A single CIDR where a list is expected is accepted (one range).
  assert.deepEqual(parsed.profile.vnetCidrs, ['10.224.0.0/12']);
  assert.equal(parsed.profile.serviceCidr, '10.0.0.0/16');
});

test('aliases copied from the AKS API read as profile values with a warning; YAML errors are issues', () => {
  const parsed = parseProfile('cluster:\n  networkPolicyEngine: azure\n  networkModel: Flat\n');
  assert.equal(parsed.profile.networkPolicyEngine, 'azure-npm');
  assert.equal(parsed.profile.networkModel, 'flat');
  assert.deepEqual(parsed.issues.map((i) => i.message), [
    '`cluster.networkPolicyEngine: azure` is read as `azure-npm`; write `azure-npm`',
    '`cluster.networkModel: Flat` is read as `flat`; write `flat`',
  ]);
  const broken = parseProfile('cluster: [\n');
  assert.ok(hasErrors(broken.issues));
  assert.ok(broken.issues[0]!.span);
  assert.deepEqual(parseProfile('- a\n- b\n').issues.map((i) => i.message), ['a cluster profile is a map of keys (cluster:, ingressControllers:, defaultNamespace:), got a list']);
});

test('facts that contradict each other are warnings on the key', () => {
  const text = `cluster:
  networkModel: overlay
  podCidr: 10.224.0.0/16
  serviceCidr: 10.0.0.0/16
  dnsServiceIP: 10.1.0.10
  vnetCidrs: [10.224.0.0/12]
`;
  const parsed = parseProfile(text);
  assert.deepEqual(located(text, parsed.issues), [
    '3:12 warning `cluster.podCidr` 10.224.0.0/16 overlaps the VNet range 10.224.0.0/12; under the overlay model the pod CIDR lies outside the VNet',
    '5:17 warning `cluster.dnsServiceIP` 10.1.0.10 is outside `cluster.serviceCidr` 10.0.0.0/16; AKS takes the DNS service IP from the service CIDR',
  ]);
  assert.equal(hasErrors(parsed.issues), false);
});

test('cluster.localDns and an in-cluster controller\'s podLabels; podLabels without a namespace and wrong shapes are errors', () => {
  const text = `cluster:
  localDns: true
ingressControllers:
  - {class: traefik, namespace: traefik, podLabels: {app.kubernetes.io/name: traefik, tier: 1}}
`;
  const parsed = parseProfile(text);
  assert.deepEqual(parsed.issues, []);
  assert.equal(parsed.profile.localDns, true);
  assert.deepEqual(parsed.profile.ingressControllers, [{ class: 'traefik', namespace: 'traefik', podLabels: { 'app.kubernetes.io/name': 'traefik', tier: '1' } }]);
  const wrong = `ingressControllers:
  - {class: a, subnetCidr: 10.0.0.0/24, podLabels: {app: a}}
  - {class: b, namespace: b, podLabels: [app]}
`;
  assert.deepEqual(located(wrong, parseProfile(wrong).issues), [
    '2:5 error `ingressControllers[0]` (class `a`) has `podLabels` without `namespace`: labels belong to in-cluster controller pods',
    '3:41 error `ingressControllers[1].podLabels` must be a map of label keys to string values, got a list',
  ]);
});

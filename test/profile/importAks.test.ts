import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { importAksJson } from '../../server/src/engine/profile/importAks';
import { REPO_ROOT } from '../support/lspClient';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'profile');
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

test('az aks show: Azure CNI Overlay + Cilium, managed NAT gateway, app routing enabled', () => {
  const text = read('az-aks-show-overlay-cilium.json');
  const imported = importAksJson(text, 'aks.json');
  assert.equal(imported.format, 'az-aks-show');
  const { origins, ...profile } = imported.profile;
  assert.deepEqual(profile, {
    networkModel: 'overlay',
    networkPolicyEngine: 'cilium',
    podCidr: '10.244.0.0/16',
    serviceCidr: '10.0.0.0/16',
    dnsServiceIP: '10.0.0.10',
    outboundType: 'managedNATGateway',
    windowsNodes: false,
    kubernetesVersion: '1.31.5',
    aksAutomatic: false,
    ingressControllers: [{ class: 'webapprouting.kubernetes.azure.com', namespace: 'app-routing-system' }],
  });
  assert.equal(origins!.networkModel, 'aks.json: networkProfile.networkPluginMode (overlay)');
  assert.equal(origins!.dnsServiceIP, 'aks.json: networkProfile.dnsServiceIp');
  assert.equal(origins!.ingressControllers, 'aks.json: ingressProfile.webAppRouting.enabled');
  // VNet ranges are not in `az aks show`: one info says how to get them, at the subnet ID.
  assert.deepEqual(imported.issues.map((i) => [i.severity, i.key]), [['info', 'cluster.vnetCidrs']]);
  assert.match(imported.issues[0]!.message, /node subnet `vnet-shop\/snet-aks-nodes` is named, but VNet address ranges are not part of this JSON/);
  assert.match(text.slice(imported.issues[0]!.span!.start, imported.issues[0]!.span!.end), /^"\/subscriptions\/.*snet-aks-nodes"$/);
});

test('az aks show: Azure CNI (flat), Azure NPM, load balancer outbound, Windows node pool', () => {
  const imported = importAksJson(read('az-aks-show-flat-npm.json'), 'legacy.json');
  const { origins, ...profile } = imported.profile;
  assert.deepEqual(profile, {
    networkModel: 'flat',
    networkPolicyEngine: 'azure-npm',
    serviceCidr: '10.0.0.0/16',
    dnsServiceIP: '10.0.0.10',
    outboundType: 'loadBalancer',
    windowsNodes: true,
    kubernetesVersion: '1.30.9',
  });
  assert.equal(origins!.networkModel, 'legacy.json: networkProfile.networkPlugin (azure, node subnet)');
  assert.equal(origins!.networkPolicyEngine, 'legacy.json: networkProfile.networkPolicy (azure)');
  assert.equal(origins!.windowsNodes, 'legacy.json: agentPoolProfiles[].osType (Windows)');
});

test('ARM template: literal values are read, ARM expressions are reported as unknown, VNets give vnetCidrs', () => {
  const text = read('arm-template.json');
  const imported = importAksJson(text, 'main.json');
  assert.equal(imported.format, 'arm-template');
  const { origins, ...profile } = imported.profile;
  assert.deepEqual(profile, {
    networkModel: 'overlay',
    podCidr: '192.168.0.0/16',
    serviceCidr: '172.16.0.0/16',
    dnsServiceIP: '172.16.0.10',
    outboundType: 'userDefinedRouting',
    windowsNodes: false,
    kubernetesVersion: '1.32',
    vnetCidrs: ['10.40.0.0/16'],
    // The Istio add-on is a mesh with ingress gateways for Istio Gateway objects, not an Ingress class in aks-istio-ingress.
    istioRevisions: ['asm-1-24'],
    istioIngressGateways: ['internal'],
  });
  assert.equal(origins!.istioRevisions, 'main.json: resources[name=aks-payments].properties.serviceMeshProfile.istio.revisions');
  assert.equal(origins!.podCidr, 'main.json: resources[name=aks-payments].properties.networkProfile.podCidr');
  assert.equal(origins!.vnetCidrs, 'main.json: resources[name=vnet-payments].properties.addressSpace.addressPrefixes[0]');
  assert.deepEqual(
    imported.issues.map((i) => `${i.severity} ${i.message}`),
    ["warning `resources[name=aks-payments].properties.networkProfile.networkPolicy` is an ARM expression (`[parameters('networkPolicy')]`), not evaluated: `cluster.networkPolicyEngine` stays unknown; state it in .netlens.yaml"],
  );
  assert.equal(text.slice(imported.issues[0]!.span!.start, imported.issues[0]!.span!.end), `"[parameters('networkPolicy')]"`);
});

test('a single ARM resource, Bicep symbolic-name resources, kubenet and networkPolicy defaults', () => {
  const resource = JSON.stringify({
    type: 'Microsoft.ContainerService/managedClusters',
    name: 'k',
    properties: { networkProfile: { networkPlugin: 'kubenet', podCidr: '10.244.0.0/16' }, agentPoolProfiles: [{ name: 'a', osType: 'Linux' }] },
  });
  const one = importAksJson(resource, 'k.json');
  assert.equal(one.format, 'arm-resource');
  assert.equal(one.profile.networkModel, 'overlay');
  assert.equal(one.profile.networkPolicyEngine, 'none');
  assert.equal(one.profile.origins!.networkPolicyEngine, 'k.json: properties.networkProfile.networkPolicy (not set: policies are not enforced)');

  const bicep = JSON.stringify({
    languageVersion: '2.0',
    resources: {
      aks: { type: 'Microsoft.ContainerService/managedClusters', properties: { networkProfile: { networkPlugin: 'azure', networkPluginMode: 'overlay', networkDataplane: 'cilium' } } },
    },
  });
  const symbolic = importAksJson(bicep, 'b.json');
  assert.equal(symbolic.profile.networkPolicyEngine, 'cilium');
  assert.equal(symbolic.profile.origins!.networkPolicyEngine, 'b.json: resources.aks.properties.networkProfile.networkDataplane (cilium)');

  const nested = JSON.stringify({
    resources: [{ type: 'Microsoft.Resources/deployments', name: 'aksModule', properties: { template: { resources: [{ type: 'Microsoft.ContainerService/managedClusters', name: 'inner', properties: { networkProfile: { networkPlugin: 'azure', networkPolicy: 'calico' } } }] } } }],
  });
  const module = importAksJson(nested, 'n.json');
  assert.equal(module.profile.networkModel, 'flat');
  assert.equal(module.profile.networkPolicyEngine, 'calico');
});

test('inputs that are not a cluster are errors, not exceptions', () => {
  for (const [text, message] of [
    ['', /is empty/],
    ['{"foo": 1}', /neither `az aks show -o json` output/],
    ['{"resources": [{"type": "Microsoft.Storage/storageAccounts"}]}', /without a Microsoft.ContainerService\/managedClusters resource/],
    ['{"networkProfile": ', /./],
    ['42', /not a JSON object/],
  ] as const) {
    const imported = importAksJson(text, 'x.json');
    assert.ok(imported.issues.some((i) => i.severity === 'error' && message.test(i.message)), `${text}: ${JSON.stringify(imported.issues)}`);
  }
});

test('az aks show: AKS Automatic defaults, LocalDNS, the app routing Gateway API mode, the probe mode, ACNS policies', () => {
  const automatic = JSON.stringify({
    sku: { name: 'Automatic', tier: 'Standard' },
    kubernetesVersion: '1.36.1',
    ingressProfile: { webAppRouting: { enabled: true, gatewayAPIImplementations: { appRoutingIstio: { mode: 'Enabled' } } } },
    networkProfile: {
      networkPlugin: 'azure',
      networkPluginMode: 'overlay',
      networkDataplane: 'cilium',
      loadBalancerProfile: { clusterServiceLoadBalancerHealthProbeMode: 'Shared' },
      advancedNetworking: { enabled: true, security: { enabled: true } },
    },
    agentPoolProfiles: [{ name: 'system', osType: 'Linux' }],
  });
  const imported = importAksJson(automatic, 'auto.json');
  const { origins, ...profile } = imported.profile;
  assert.equal(profile.aksAutomatic, true);
  assert.equal(profile.localDns, true, 'LocalDNS is preconfigured on AKS Automatic');
  assert.equal(origins!.localDns, 'auto.json: sku.name (Automatic: true by default)');
  assert.equal(profile.outboundType, 'managedNATGateway');
  assert.equal(origins!.outboundType, 'auto.json: sku.name (Automatic: managedNATGateway by default)');
  assert.equal(profile.networkPolicyEngine, 'cilium');
  assert.equal(profile.appRoutingGatewayApi, true);
  assert.equal(origins!.appRoutingGatewayApi, 'auto.json: ingressProfile.webAppRouting.gatewayAPIImplementations.appRoutingIstio.mode');
  assert.equal(profile.clusterServiceLoadBalancerHealthProbeMode, 'Shared');
  assert.equal(profile.advancedNetworkPolicies, 'FQDN', 'security enabled without a value means FQDN');

  const standard = JSON.stringify({
    sku: { name: 'Base' },
    networkProfile: { networkPlugin: 'azure', networkPluginMode: 'overlay', networkDataplane: 'cilium', advancedNetworking: { security: { enabled: true, advancedNetworkPolicies: 'L7' } } },
    agentPoolProfiles: [{ name: 'a', osType: 'Linux', localDNSProfile: { mode: 'Required' } }, { name: 'b', osType: 'Linux' }],
  });
  const explicit = importAksJson(standard, 's.json').profile;
  assert.equal(explicit.localDns, true);
  assert.equal(explicit.origins!.localDns, 's.json: agentPoolProfiles[].localDNSProfile.mode');
  assert.equal(explicit.advancedNetworkPolicies, 'L7');
  assert.equal(explicit.outboundType, undefined, 'no AKS Automatic default on a Base cluster');
});

test('az aks show: retirements and impossible combinations are reported', () => {
  const kubenetNpm = importAksJson(JSON.stringify({ networkProfile: { networkPlugin: 'kubenet', networkPolicy: 'azure' }, agentPoolProfiles: [{ name: 'a', osType: 'Linux' }] }), 'old.json');
  const messages = kubenetNpm.issues.map((i) => `${i.severity} ${i.key}: ${i.message}`);
  assert.ok(messages.some((m) => /^info cluster.networkModel: kubenet networking retires on 31 March 2028/.test(m)), messages.join('\n'));
  assert.ok(messages.some((m) => /^info cluster.networkPolicyEngine: .*30 September 2028.*Windows nodes is out of support since 30 September 2026/.test(m)), messages.join('\n'));

  const ciliumWindows = importAksJson(JSON.stringify({ networkProfile: { networkPlugin: 'azure', networkPluginMode: 'overlay', networkDataplane: 'cilium', networkPolicy: 'cilium' }, agentPoolProfiles: [{ name: 'a' }, { name: 'win', osType: 'Windows' }] }), 'w.json');
  assert.ok(ciliumWindows.issues.some((i) => i.severity === 'warning' && /does not support Cilium on Windows node pools/.test(i.message)), JSON.stringify(ciliumWindows.issues));

  const both = importAksJson(JSON.stringify({ ingressProfile: { webAppRouting: { enabled: true, gatewayAPIImplementations: { appRoutingIstio: { mode: 'Enabled' } } } }, serviceMeshProfile: { mode: 'Istio', istio: { revisions: ['asm-1-28'] } }, networkProfile: { networkPlugin: 'azure' } }), 'b.json');
  assert.ok(both.issues.some((i) => /cannot run the application routing Gateway API implementation and the Istio add-on together/.test(i.message)), JSON.stringify(both.issues));
});

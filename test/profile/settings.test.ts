import assert from 'node:assert/strict';
import { test } from 'node:test';
import { effectiveProfile } from '../../server/src/engine/profile/effectiveProfile';
import { profileFromSettings } from '../../server/src/engine/profile/fromSettings';
import { importAksJson } from '../../server/src/engine/profile/importAks';
import { mergeProfiles } from '../../server/src/engine/profile/mergeProfiles';
import { parseProfile } from '../../server/src/engine/profile/parseProfile';

test('settings read the same keys (nested as VS Code hands them, or flat), ignoring other netlens settings', () => {
  const nested = profileFromSettings({
    cluster: { networkModel: 'flat', vnetCidrs: ['10.10.0.0/16'], networkPolicyEngine: 'calico' },
    ingressControllers: [{ class: 'azure-alb-external', subnetCidr: '10.10.8.0/24' }],
    defaultNamespace: 'shop',
    rules: { 'service-selects-nothing': 'off' },
    exclude: ['**/node_modules/**'],
    maxFileSize: 1000,
  });
  assert.deepEqual(nested.issues, []);
  assert.equal(nested.profile.networkModel, 'flat');
  assert.deepEqual(nested.profile.ingressControllers, [{ class: 'azure-alb-external', subnetCidr: '10.10.8.0/24' }]);
  assert.equal(nested.profile.origins!.networkPolicyEngine, 'setting netlens.cluster.networkPolicyEngine');
  const flat = profileFromSettings({ 'netlens.cluster.networkPolicyEngine': 'none', 'netlens.cluster.importFrom': 'infra/aks.json' });
  assert.equal(flat.profile.networkPolicyEngine, 'none');
  assert.equal(flat.importFrom, 'infra/aks.json');
  assert.deepEqual(profileFromSettings(undefined), { profile: {}, issues: [] });
});

test('settings errors name the setting and carry no span', () => {
  const result = profileFromSettings({ cluster: { podCidr: 'ten', networkPolicyEngin: 'cilium' } });
  assert.deepEqual(result.issues, [
    { severity: 'error', key: 'cluster.podCidr', message: '`netlens.cluster.podCidr` must be a CIDR such as 10.244.0.0/16, got `ten`' },
    { severity: 'error', key: 'cluster.networkPolicyEngin', message: 'unknown key `netlens.cluster.networkPolicyEngin` (did you mean `netlens.cluster.networkPolicyEngine`?)' },
  ]);
});

test('precedence: .netlens.yaml keys > its importFrom > settings, key by key, with origins', () => {
  const file = parseProfile('cluster:\n  networkPolicyEngine: cilium\n').profile;
  const imported = { networkPolicyEngine: 'azure-npm' as const, podCidr: '10.244.0.0/16', origins: { networkPolicyEngine: 'aks.json: x', podCidr: 'aks.json: y' } };
  const settings = profileFromSettings({ cluster: { podCidr: '192.168.0.0/16', serviceCidr: '10.0.0.0/16' }, defaultNamespace: 'dev' }).profile;
  const merged = mergeProfiles(file, imported, settings);
  assert.equal(merged.networkPolicyEngine, 'cilium');
  assert.equal(merged.podCidr, '10.244.0.0/16');
  assert.equal(merged.serviceCidr, '10.0.0.0/16');
  assert.equal(merged.defaultNamespace, 'dev');
  assert.deepEqual(merged.origins, {
    networkPolicyEngine: '.netlens.yaml: cluster.networkPolicyEngine',
    podCidr: 'aks.json: y',
    serviceCidr: 'setting netlens.cluster.serviceCidr',
    defaultNamespace: 'setting netlens.defaultNamespace',
  });
});

test('effectiveProfile merges the sources and reports contradictions that only the merge shows', () => {
  const file = parseProfile('cluster:\n  serviceCidr: 172.20.0.0/16\n');
  const imported = importAksJson(JSON.stringify({ networkProfile: { networkPlugin: 'azure', networkPluginMode: 'overlay', networkPolicy: 'cilium', networkDataplane: 'cilium', serviceCidr: '10.0.0.0/16', dnsServiceIp: '10.0.0.10' } }), 'aks.json');
  const settings = profileFromSettings({ cluster: { networkPolicyEngine: 'none' } });
  const effective = effectiveProfile({ file, imported, settings });
  assert.equal(effective.profile.serviceCidr, '172.20.0.0/16');
  assert.equal(effective.profile.networkPolicyEngine, 'cilium');
  assert.deepEqual(effective.issues.map((i) => i.message), [
    'effective profile: `cluster.dnsServiceIP` 10.0.0.10 is outside `cluster.serviceCidr` 172.20.0.0/16; AKS takes the DNS service IP from the service CIDR',
  ]);
  assert.deepEqual(effectiveProfile({ file }).issues, []);
});

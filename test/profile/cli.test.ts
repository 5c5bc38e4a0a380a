import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { profileCommand } from '../../server/src/cli/commands/profile';
import { loadProfileOption } from '../../server/src/cli/profileOption';
import { UsageError, type CliIO } from '../../server/src/cli/usage';
import { REPO_ROOT } from '../support/lspClient';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'profile');

function fakeIo(cwd: string): CliIO & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', cwd, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t), readStdin: async () => '' };
  return io;
}

test('netlens profile prints the effective profile (file over importFrom) with origins', async () => {
  const io = fakeIo(FIXTURES);
  const code = await profileCommand.run(['netlens.yaml'], io);
  assert.equal(code, 0, io.stderr);
  assert.equal(
    io.stdout,
    `cluster:
  networkModel: overlay # az-aks-show-overlay-cilium.json: networkProfile.networkPluginMode (overlay)
  podCidr: 10.244.0.0/16 # az-aks-show-overlay-cilium.json: networkProfile.podCidr
  serviceCidr: 10.0.0.0/16 # az-aks-show-overlay-cilium.json: networkProfile.serviceCidr
  dnsServiceIP: 10.0.0.10 # az-aks-show-overlay-cilium.json: networkProfile.dnsServiceIp
  vnetCidrs: [10.224.0.0/12] # netlens.yaml: cluster.vnetCidrs
  networkPolicyEngine: cilium # netlens.yaml: cluster.networkPolicyEngine
  outboundType: managedNATGateway # az-aks-show-overlay-cilium.json: networkProfile.outboundType
  windowsNodes: false # az-aks-show-overlay-cilium.json: agentPoolProfiles[].osType
  kubernetesVersion: 1.31.5 # az-aks-show-overlay-cilium.json: currentKubernetesVersion
  aksAutomatic: false # az-aks-show-overlay-cilium.json: sku.name (Base)
ingressControllers: # netlens.yaml: ingressControllers
  - {class: webapprouting.kubernetes.azure.com, namespace: app-routing-system}
  - {class: azure-alb-external, subnetCidr: 10.225.0.0/24}
defaultNamespace: shop # netlens.yaml: defaultNamespace
`,
  );
  // The import's info about VNet ranges is shown, with its position in the imported file.
  assert.match(io.stderr, /^az-aks-show-overlay-cilium\.json:23:23: info: the node subnet `vnet-shop\/snet-aks-nodes` is named/m);

  const json = fakeIo(FIXTURES);
  assert.equal(await profileCommand.run(['netlens.yaml', '--format', 'json'], json), 0);
  const parsed = JSON.parse(json.stdout);
  assert.equal(parsed.cluster.networkPolicyEngine, 'cilium');
  assert.equal(parsed.origins.podCidr, 'az-aks-show-overlay-cilium.json: networkProfile.podCidr');
});

test('netlens profile shows the AKS facts added in December 2026 with where each came from', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-profile-'));
  try {
    fs.writeFileSync(
      path.join(dir, 'aks.json'),
      JSON.stringify({
        sku: { name: 'Automatic' },
        networkProfile: { networkPlugin: 'azure', networkPluginMode: 'overlay', networkDataplane: 'cilium', loadBalancerProfile: { clusterServiceLoadBalancerHealthProbeMode: 'Shared' } },
        agentPoolProfiles: [{ name: 'system', osType: 'Linux' }],
        serviceMeshProfile: { mode: 'Istio', istio: { revisions: ['asm-1-28'], components: { ingressGateways: [{ mode: 'External', enabled: true }] } } },
      }),
    );
    fs.writeFileSync(path.join(dir, '.netlens.yaml'), 'cluster:\n  importFrom: aks.json\n  advancedNetworkPolicies: L7\n  localDns: false\n');
    const io = fakeIo(dir);
    assert.equal(await profileCommand.run([], io), 0, io.stderr);
    for (const line of [
      '  aksAutomatic: true # aks.json: sku.name (Automatic)',
      '  localDns: false # .netlens.yaml: cluster.localDns',
      '  clusterServiceLoadBalancerHealthProbeMode: Shared # aks.json: networkProfile.loadBalancerProfile.clusterServiceLoadBalancerHealthProbeMode',
      '  advancedNetworkPolicies: L7 # .netlens.yaml: cluster.advancedNetworkPolicies',
      '  istioRevisions: [asm-1-28] # aks.json: serviceMeshProfile.istio.revisions',
      '  istioIngressGateways: [external] # aks.json: serviceMeshProfile.istio.components.ingressGateways',
      '  outboundType: managedNATGateway # aks.json: sku.name (Automatic: managedNATGateway by default)',
    ]) {
      assert.ok(io.stdout.includes(`${line}\n`), `missing ${JSON.stringify(line)} in\n${io.stdout}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('netlens profile exits 1 with file:line:col messages for an invalid profile, 2 when there is none', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-profile-'));
  try {
    fs.writeFileSync(path.join(dir, '.netlens.yaml'), 'cluster:\n  networkPolicyEngine: cillium\n  importFrom: missing.json\n');
    const io = fakeIo(dir);
    assert.equal(await profileCommand.run([], io), 1);
    assert.equal(io.stdout, '');
    assert.equal(
      io.stderr,
      '.netlens.yaml:2:24: error: `cluster.networkPolicyEngine` must be one of none, azure-npm, calico, cilium, got `cillium` (did you mean `cilium`?)\n' +
        '.netlens.yaml:3:15: error: cluster.importFrom `missing.json`: cannot read it: no such file or directory\n',
    );
    await assert.rejects(() => profileCommand.run(['nowhere.yaml'], fakeIo(dir)), UsageError);
    assert.throws(() => loadProfileOption(undefined, fakeIo(dir)), /invalid cluster profile:\n\.netlens\.yaml:2:24: error/);
    assert.equal(loadProfileOption(undefined, fakeIo(dir), [], false), undefined);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('loadProfileOption reads --profile, prints warnings to stderr and returns the profile', () => {
  const io = fakeIo(REPO_ROOT);
  const profile = loadProfileOption('test/fixtures/profile/netlens.yaml', io);
  assert.equal(profile?.networkPolicyEngine, 'cilium');
  assert.equal(profile?.defaultNamespace, 'shop');
  assert.equal(io.stderr, '');
  assert.throws(() => loadProfileOption('test/fixtures/profile/none.yaml', fakeIo(REPO_ROOT)), /--profile: no file/);
});

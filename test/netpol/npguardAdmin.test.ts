/**
 * np-guard netpol-analyzer's AdminNetworkPolicy / BaselineAdminNetworkPolicy cases
 * (../shared/conformance/npguard-anp-banp, Apache-2.0): the connectivity list with the case's focus options, in txt,
 * must be byte-identical to upstream's expected.txt. One test per case (the `__exposure` ones: npguardExposure.test.ts).
 *
 * One disagreement, documented in docs/netpol.md ("AdminNetworkPolicy"): `networks` peers. The API says
 * "cluster-internal traffic will be checked against the rule as well" (a network matches the pod IPs it contains);
 * np-guard never matches a network against a pod. Without the pod CIDR we cannot say whether a pod's IP is in
 * 8.8.8.8/32, so a Deny on it makes that port uncertain between pods and the certain list differs. With the pod CIDR
 * stated (cluster.podCidr), we print exactly upstream's list: the test checks both.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { restrictToConnection, parseFocusConn } from '../../server/src/cli/focusConn';
import { formatConnlistText, formatFocusConnText } from '../../server/src/cli/format/connlistText';
import type { ConnectivityOptions } from '../../server/src/engine/netpol/connectivity';
import type { ClusterProfile } from '../../server/src/engine/profile/types';
import { connectivityList, reachModelOf } from '../../server/src/engine/reach/index';
import { caseFolders, sharedData } from '../support/shared';
import { loadFolder } from './helpers';

const shared = sharedData('conformance', 'npguard-anp-banp');
const { dir: ROOT, skip } = shared;

export interface NpguardOptions {
  focusWorkloads?: string[];
  focusWorkloadPeers?: string[];
  focusDirection?: 'ingress' | 'egress';
  focusConn?: string;
  exposureAnalysis?: boolean;
}

const cases = caseFolders(shared);

test('all 43 np-guard AdminNetworkPolicy cases are present', { skip }, () => {
  assert.equal(cases.length, 43);
});

function connlistOfCase(dir: string, options: NpguardOptions, profile: ClusterProfile = {}): string {
  const reach = reachModelOf(loadFolder(path.join(dir, 'manifests')).index, profile);
  const connectivityOptions: ConnectivityOptions = { focusWorkloads: options.focusWorkloads ?? [], focusWorkloadPeers: options.focusWorkloadPeers ?? [], ...(options.focusDirection ? { focusDirection: options.focusDirection } : {}) };
  const focusConn = options.focusConn === undefined ? undefined : parseFocusConn(options.focusConn);
  const connections = restrictToConnection(connectivityList(reach, connectivityOptions), focusConn);
  return focusConn ? formatFocusConnText(connections, focusConn) : formatConnlistText(connections);
}

const NETWORKS_CASE = 'anp_and_banp_using_networks_test';

for (const name of cases) {
  const dir = path.join(ROOT, name);
  // The exposure cases run in npguardExposure.test.ts (through the CLI).
  if (name.endsWith('__exposure')) continue;
  test(`np-guard AdminNetworkPolicy: ${name}`, () => {
    const options = (JSON.parse(fs.readFileSync(path.join(dir, 'case.json'), 'utf8')) as { options?: NpguardOptions }).options ?? {};
    const expected = fs.readFileSync(path.join(dir, 'expected.txt'), 'utf8');
    if (name === NETWORKS_CASE) {
      // Pods in 10.244.0.0/16: no pod is in the networks the ANP names (8.8.8.8/32, ...), so upstream's list holds.
      assert.equal(connlistOfCase(dir, options, { podCidr: '10.244.0.0/16' }), expected);
      // Without it, the Deny of UDP 53 toward 8.8.8.8/32 may apply to a pod: that port is not certain between pods.
      const uncertain = expected
        .replace('ns1/pod1[Deployment] => ns2/pod1[Deployment] : All Connections', 'ns1/pod1[Deployment] => ns2/pod1[Deployment] : SCTP 1-65535,TCP 1-65535,UDP 1-52,54-65535')
        .replace('ns2/pod1[Deployment] => ns1/pod1[Deployment] : All Connections', 'ns2/pod1[Deployment] => ns1/pod1[Deployment] : SCTP 1-65535,TCP 1-65535,UDP 1-52,54-65535');
      assert.notEqual(uncertain, expected);
      assert.equal(connlistOfCase(dir, options), uncertain);
      return;
    }
    assert.equal(connlistOfCase(dir, options), expected);
  });
}

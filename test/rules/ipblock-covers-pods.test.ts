import { test } from 'node:test';
import { ipblockCoversPods } from '../../server/src/engine/rules/ipblockCoversPods';
import type { ClusterProfile } from '../../server/src/engine/profile/types';
import { checkFixture } from '../support/fixture';

const rules = [ipblockCoversPods];
const overlay: ClusterProfile = { networkModel: 'overlay', podCidr: '10.244.0.0/16', serviceCidr: '10.0.0.0/16', vnetCidrs: ['10.224.0.0/12'], networkPolicyEngine: 'azure-npm' };
const flat: ClusterProfile = { networkModel: 'flat', serviceCidr: '172.16.0.0/16', vnetCidrs: ['10.10.0.0/16'], networkPolicyEngine: 'calico' };

test('ipblock-covers-pods fires under overlay for the pod CIDR and for the service CIDR', () => {
  checkFixture(`
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: corp-only, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
    - from:
        - ipBlock: {cidr: 10.0.0.0/8}
#         ^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[ipblock-covers-pods]: ipBlock 10.0.0.0/8 overlaps the pod CIDR 10.244.0.0/16 (overlay network): inside the cluster pods keep their pod IPs, so with Azure NPM it admits traffic from every pod of the cluster in that range
  egress:
    - to:
        - ipBlock: {cidr: 10.0.0.0/24}
#         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[ipblock-covers-pods]: ipBlock 10.0.0.0/24 overlaps the service CIDR 10.0.0.0/16: a connection to a ClusterIP is translated to the backend pod's IP before NetworkPolicies are evaluated
`, { rules, settings: { profile: overlay } });
});

test('ipblock-covers-pods fires under flat when a VNet block also holds pod IPs', () => {
  checkFixture(`
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: from-vnet, namespace: shop}
spec:
  podSelector: {}
  ingress:
    - from:
        - ipBlock:
#         ^ warning[ipblock-covers-pods]: ipBlock 10.10.0.0/16 overlaps the VNet range 10.10.0.0/16 where pods get their IPs (flat network: Azure CNI gives pods VNet addresses): with Calico it admits traffic from every pod of the cluster in that range
            cidr: 10.10.0.0/16
`, { rules, settings: { profile: flat } });
});

test('ipblock-covers-pods stays silent for 0.0.0.0/0, for excepted pod ranges, outside ranges, with Cilium or no engine, and without ranges', () => {
  const fixture = `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: internet, namespace: shop}
spec:
  podSelector: {}
  egress:
    - to:
        - ipBlock: {cidr: 0.0.0.0/0}
        - ipBlock: {cidr: 10.0.0.0/8, except: [10.244.0.0/16, 10.0.0.0/16]}
        - ipBlock: {cidr: 192.168.0.0/16}
`;
  checkFixture(fixture, { rules, settings: { profile: overlay } });
  const podBlock = fixture.replace('except: [10.244.0.0/16, 10.0.0.0/16]', 'except: [10.0.0.0/16]');
  checkFixture(podBlock, { rules, settings: { profile: { ...overlay, networkPolicyEngine: 'cilium', serviceCidr: '172.30.0.0/16' } } });
  checkFixture(podBlock, { rules, settings: { profile: { ...overlay, networkPolicyEngine: 'none' } } });
  checkFixture(podBlock, { rules, settings: { profile: {} } });
});

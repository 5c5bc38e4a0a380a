import { test } from 'node:test';
import { internalLbIpOutsideSubnet } from '../../server/src/engine/rules/internalLbIpOutsideSubnet';
import type { ClusterProfile } from '../../server/src/engine/profile/types';
import { checkFixture } from '../support/fixture';

const rules = [internalLbIpOutsideSubnet];
const profile: ClusterProfile = { networkModel: 'overlay', vnetCidrs: ['10.224.0.0/12'], serviceCidr: '10.0.0.0/16', podCidr: '10.244.0.0/16' };

test('internal-lb-ip-outside-subnet fires for the ipv4 annotation and spec.loadBalancerIP outside the VNet', () => {
  checkFixture(`
apiVersion: v1
kind: Service
metadata:
  name: orders-ilb
  annotations:
    service.beta.kubernetes.io/azure-load-balancer-internal: "true"
    service.beta.kubernetes.io/azure-load-balancer-ipv4: 10.0.0.50
#                                                        ^^^^^^^^^ error[internal-lb-ip-outside-subnet]: internal LoadBalancer \`orders-ilb\` requests 10.0.0.50 (annotation azure-load-balancer-ipv4), which is outside the cluster's VNet ranges 10.224.0.0/12; it is in the service CIDR 10.0.0.0/16, which is not a VNet subnet
spec:
  type: LoadBalancer
  selector: {app: orders}
  ports: [{port: 80}]
---
apiVersion: v1
kind: Service
metadata:
  name: legacy-ilb
  annotations: {service.beta.kubernetes.io/azure-load-balancer-internal: "TRUE"}
spec:
  type: LoadBalancer
#       ^^^^^^^^^^^^ error[internal-lb-ip-outside-subnet]: requests 192.168.10.4 (spec.loadBalancerIP), which is outside the cluster's VNet ranges 10.224.0.0/12: Azure cannot allocate it
  loadBalancerIP: 192.168.10.4
  ports: [{port: 80}]
`, { rules, settings: { profile } });
});

test('internal-lb-ip-outside-subnet stays silent inside the VNet, for public or class-handled LBs, and without vnetCidrs', () => {
  const fixture = `
apiVersion: v1
kind: Service
metadata:
  name: inside
  annotations:
    service.beta.kubernetes.io/azure-load-balancer-internal: "true"
    service.beta.kubernetes.io/azure-load-balancer-ipv4: 10.224.10.20
spec: {type: LoadBalancer, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata:
  name: public
  annotations: {service.beta.kubernetes.io/azure-load-balancer-ipv4: 20.1.2.3}
spec: {type: LoadBalancer, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata:
  name: other-class
  annotations: {service.beta.kubernetes.io/azure-load-balancer-internal: "true"}
spec: {type: LoadBalancer, loadBalancerClass: example.com/lb, loadBalancerIP: 192.168.1.1, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata:
  name: no-ip
  annotations: {service.beta.kubernetes.io/azure-load-balancer-internal: "true"}
spec: {type: LoadBalancer, ports: [{port: 80}]}
`;
  checkFixture(fixture, { rules, settings: { profile } });
  checkFixture(fixture.replace('10.224.10.20', '192.168.0.1'), { rules, settings: { profile: { networkModel: 'overlay' } } });
});

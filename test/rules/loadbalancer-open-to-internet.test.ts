import { test } from 'node:test';
import { checkFixture } from '../support/fixture';

const only = { onlyRules: ['loadbalancer-open-to-internet'] };

test('loadbalancer-open-to-internet: a public LoadBalancer without any source restriction', () => {
  checkFixture(`
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: LoadBalancer
#       ^^^^^^^^^^^^ info[loadbalancer-open-to-internet]: Service \`web\` gets a public IP open to every address on the Internet (80/TCP, 443/TCP)
  selector: {app: web}
  ports: [{port: 80}, {port: 443}]
`, only);
});

test('loadbalancer-open-to-internet stays silent with source ranges, Azure allow-lists, internal or non-LoadBalancer Services, and sensitive ports (reported by service-sensitive-port-public)', () => {
  checkFixture(`
apiVersion: v1
kind: Service
metadata: {name: a}
spec:
  type: LoadBalancer
  loadBalancerSourceRanges: [198.51.100.0/24]
  ports: [{port: 80}]
---
apiVersion: v1
kind: Service
metadata:
  name: b
  annotations: {service.beta.kubernetes.io/azure-allowed-ip-ranges: "198.51.100.0/24"}
spec: {type: LoadBalancer, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata:
  name: c
  annotations: {service.beta.kubernetes.io/azure-allowed-service-tags: "AzureFrontDoor.Backend"}
spec: {type: LoadBalancer, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata:
  name: d
  annotations: {service.beta.kubernetes.io/azure-load-balancer-internal: "true"}
spec: {type: LoadBalancer, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: e}
spec: {type: ClusterIP, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: f}
spec: {type: LoadBalancer, loadBalancerClass: example.com/other-lb, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: redis}
spec: {type: LoadBalancer, ports: [{port: 6379}]}
`, only);
});

import { test } from 'node:test';
import { checkFixture } from '../support/fixture';

const only = { onlyRules: ['service-sensitive-port-public'] };

const redis = `
# file: redis.yaml
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: redis, namespace: shop}
spec:
  template:
    metadata: {labels: {app: redis}}
    spec: {containers: [{name: redis, image: redis, ports: [{name: redis, containerPort: 6379}]}]}
`;

test('service-sensitive-port-public: a public LoadBalancer exposes Redis, directly or behind another port', () => {
  checkFixture(`${redis}
---
apiVersion: v1
kind: Service
metadata: {name: redis, namespace: shop}
spec:
  type: LoadBalancer
  selector: {app: redis}
  ports:
    - {port: 6379}
#     ^^^^^^^^^^^^ warning[service-sensitive-port-public]: Public LoadBalancer Service \`redis\` exposes port 6379 (Redis) to the Internet
    - {name: web, port: 80, targetPort: redis}
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[service-sensitive-port-public]: port 80, which forwards to container port 6379 (Redis)
`, only);
});

test('service-sensitive-port-public: source ranges are mentioned but do not make the address private', () => {
  checkFixture(`
apiVersion: v1
kind: Service
metadata:
  name: pg
  annotations:
    service.beta.kubernetes.io/azure-load-balancer-internal: "false"
spec:
  type: LoadBalancer
  loadBalancerSourceRanges: [203.0.113.0/24]
  selector: {app: pg}
  ports:
    - port: 5432
#     ^^^^^^^^^^ warning[service-sensitive-port-public]: loadBalancerSourceRanges 203.0.113.0/24 narrows who may connect, but the address stays public
`, only);
});

test('service-sensitive-port-public: a NodePort is an info (nodes are public only with node public IPs)', () => {
  checkFixture(`
apiVersion: v1
kind: Service
metadata: {name: ssh}
spec:
  type: NodePort
  selector: {app: bastion}
  ports:
    - {port: 22, nodePort: 30022}
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^ info[service-sensitive-port-public]: NodePort Service \`ssh\` exposes port 22 (SSH) on port 30022 of every node
`, only);
});

test('service-sensitive-port-public stays silent for internal load balancers, ClusterIP and ordinary ports', () => {
  checkFixture(`${redis}
---
apiVersion: v1
kind: Service
metadata:
  name: redis-internal
  namespace: shop
  annotations: {service.beta.kubernetes.io/azure-load-balancer-internal: "True"}
spec:
  type: LoadBalancer
  selector: {app: redis}
  ports: [{port: 6379}]
---
apiVersion: v1
kind: Service
metadata: {name: redis, namespace: shop}
spec:
  selector: {app: redis}
  ports: [{port: 6379}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  type: LoadBalancer
  selector: {app: web}
  ports: [{port: 443, targetPort: 8443}]
`, only);
});

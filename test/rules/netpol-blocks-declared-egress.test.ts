import { test } from 'node:test';
import { netpolBlocksDeclaredEgress } from '../../server/src/engine/rules/netpolBlocksDeclaredEgress';
import { checkFixture } from '../support/fixture';

const rules = [netpolBlocksDeclaredEgress];
const profile = { networkPolicyEngine: 'cilium' as const };

test('netpol-blocks-declared-egress fires on the env value and on the ConfigMap key when egress admits no external address on the port', () => {
  checkFixture(`
# file: orders.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: orders, namespace: shop}
spec:
  template:
    metadata: {labels: {app: orders}}
    spec:
      containers:
        - name: orders
          image: orders:1
          env:
            - name: PAYMENT_API
              value: https://api.example.com/v1
#                            ^^^^^^^^^^^^^^^ warning[netpol-blocks-declared-egress]: env \`PAYMENT_API\` declares https://api.example.com (443/TCP, the https default), but the egress policies (\`default-deny\`, \`dns-and-db\`) selecting Deployment \`orders\` admit no connection to any address outside the cluster on 443/TCP
            - name: DB_ADDR
              value: orders-db.postgres.database.azure.com:5432
            - name: LEGACY
              value: 203.0.113.7:8443
#                    ^^^^^^^^^^^^^^^^ warning[netpol-blocks-declared-egress]: admit no connection to 203.0.113.7 on 8443/TCP
          envFrom: [{configMapRef: {name: orders-config}}]
# file: config.yaml
apiVersion: v1
kind: ConfigMap
metadata: {name: orders-config, namespace: shop}
data:
  QUEUE_URL: amqps://orders.servicebus.windows.net
#                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[netpol-blocks-declared-egress]: key \`QUEUE_URL\` declares amqps://orders.servicebus.windows.net (5671/TCP, the amqps default), but the egress policies (\`default-deny\`, \`dns-and-db\`) selecting Deployment \`orders\`, which reads it, admit no connection
# file: policies.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Egress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: dns-and-db, namespace: shop}
spec:
  podSelector: {matchLabels: {app: orders}}
  policyTypes: [Egress]
  egress:
    - to: [{namespaceSelector: {}}]
      ports: [{port: 53, protocol: UDP}, {port: 443}]
    - to: [{ipBlock: {cidr: 10.20.0.0/16}}]
      ports: [{port: 5432}]
`, { rules, settings: { profile } });
});

test('netpol-blocks-declared-egress stays silent without egress isolation, when some address is admitted, for cluster Services, and with no engine', () => {
  const fixture = `
# file: app.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: web:1
          env:
            - {name: API, value: "https://api.example.com"}
            - {name: CART_ADDR, value: "cart:7070"}
            - {name: CACHE, value: "redis.shop.svc.cluster.local:6379"}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-egress, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Egress]
  egress:
    - to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}}]
      ports: [{port: 443}]
    - to: [{podSelector: {}}]
`;
  checkFixture(fixture, { rules, settings: { profile } });
  checkFixture(fixture.replace('policyTypes: [Egress]', 'policyTypes: [Ingress]'), { rules, settings: { profile } });
  checkFixture(fixture.replace('ports: [{port: 443}]', 'ports: [{port: 80}]'), { rules, settings: { profile: { networkPolicyEngine: 'none' } } });
});

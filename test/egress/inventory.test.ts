import assert from 'node:assert/strict';
import { test } from 'node:test';
import { egressInventory, type EgressDestination } from '../../server/src/engine/egress/inventory';
import { loadFixture } from '../support/fixture';

/** host:port scheme rule (evidence as `file#name`), compact for exact comparisons. */
function brief(destinations: EgressDestination[]): string[] {
  return destinations.map((d) => {
    const rule = d.firewall.kind === 'application' ? `app:${d.firewall.protocol}` : 'net:TCP';
    const flags = [d.portImplied ? 'implied' : '', d.private ? 'private' : ''].filter(Boolean).join(',');
    return `${d.host}:${d.port} ${d.scheme ?? '-'} ${rule}${flags ? ` [${flags}]` : ''} <- ${d.evidence.map((e) => `${e.file}#${e.name}${e.portFrom ? `+${e.portFrom}` : ''}`).join(' ')}`;
  });
}

function textAt(files: { name: string; text: string }[], file: string, span: { start: number; end: number }): string {
  return files.find((f) => f.name === file)!.text.slice(span.start, span.end);
}

const SHOP = `
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
            - {name: PAYMENT_API, value: "https://api.example.com/v1/pay"}
            - {name: DB_URL, value: "postgres://app@orders-db.postgres.database.azure.com/orders?sslmode=require"}
            - {name: BUS, value: "Endpoint=sb://shop-bus.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=abc="}
            - {name: LEGACY_ERP, value: "10.50.1.20:8443"}
            - {name: CART_ADDR, value: "cart:7070"}
            - {name: CACHE_URL, value: "redis://redis.shop.svc.cluster.local:6379"}
            - {name: CATALOG, value: "http://catalog.shop:8080"}
            - {name: BIND, value: "0.0.0.0:8080"}
            - {name: LOCAL, value: "http://localhost:9000"}
            - {name: TEMPLATE, value: "https://$(REGION).api.example.com"}
            - {name: GREETING, value: "hello: world"}
            - {name: VERSION, value: "1.2.3"}
            - {name: MAIL_HOST, value: "smtp.sendgrid.net"}
            - {name: MAIL_PORT, value: "587"}
            - {name: KV_ENDPOINT, value: "shop-kv.vault.azure.net"}
            - {name: QUEUE_HOST, value: "mq.partner.example"}
            - {name: ORDERS_CONFIG, valueFrom: {configMapKeyRef: {name: orders-config, key: WEBHOOK}}}
          envFrom: [{configMapRef: {name: shared-config}}]
---
apiVersion: v1
kind: Service
metadata: {name: cart, namespace: shop}
spec: {selector: {app: cart}, ports: [{port: 7070}]}
---
apiVersion: v1
kind: Service
metadata: {name: catalog, namespace: shop}
spec: {selector: {app: catalog}, ports: [{port: 8080}]}
# file: config.yaml
apiVersion: v1
kind: ConfigMap
metadata: {name: orders-config, namespace: shop}
data:
  WEBHOOK: https://hooks.slack.com/services/T000/B000
  UNUSED_BY_ORDERS: https://not-read.example.com
---
apiVersion: v1
kind: ConfigMap
metadata: {name: shared-config, namespace: shop}
data:
  SQL: "Server=tcp:shop-sql.database.windows.net,1433;Initial Catalog=shop;Encrypt=True"
  appsettings.json: |
    {"$schema": "https://json-schema.org/draft-07/schema", "telemetry": "https://dc.services.visualstudio.com/v2/track"}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: orphan, namespace: shop}
data:
  KAFKA_BROKERS: b1.kafka.example.net:9093,b2.kafka.example.net:9093
`;

test('the inventory lists external destinations per workload with evidence, ports and firewall rule kinds', () => {
  const { analysis, files } = loadFixture(SHOP);
  const inventory = egressInventory(analysis.index);
  assert.equal(inventory.workloads.length, 1);
  const orders = inventory.workloads[0]!;
  assert.deepEqual(orders.workload, { kind: 'Deployment', namespace: 'shop', name: 'orders' });
  assert.deepEqual(brief(orders.destinations), [
    '10.50.1.20:8443 - net:TCP [private] <- orders.yaml#LEGACY_ERP',
    'api.example.com:443 https app:Https [implied] <- orders.yaml#PAYMENT_API',
    'dc.services.visualstudio.com:443 https app:Https [implied] <- config.yaml#appsettings.json',
    'hooks.slack.com:443 https app:Https [implied] <- config.yaml#WEBHOOK',
    'orders-db.postgres.database.azure.com:5432 postgres net:TCP [implied] <- orders.yaml#DB_URL',
    'shop-bus.servicebus.windows.net:5671 sb net:TCP [implied] <- orders.yaml#BUS',
    'shop-kv.vault.azure.net:443 https app:Https [implied] <- orders.yaml#KV_ENDPOINT',
    'shop-sql.database.windows.net:1433 mssql app:Mssql <- config.yaml#SQL',
    'smtp.sendgrid.net:587 - net:TCP <- orders.yaml#MAIL_HOST+MAIL_PORT',
  ]);
  // Evidence spans point at the host (and port) inside the value.
  const api = orders.destinations.find((d) => d.host === 'api.example.com')!;
  assert.equal(textAt(files, 'orders.yaml', api.evidence[0]!.span), 'api.example.com');
  const erp = orders.destinations.find((d) => d.host === '10.50.1.20')!;
  assert.equal(textAt(files, 'orders.yaml', erp.evidence[0]!.span), '10.50.1.20:8443');
  assert.equal(erp.evidence[0]!.container, 'orders');
  const webhook = orders.destinations.find((d) => d.host === 'hooks.slack.com')!;
  assert.equal(webhook.evidence[0]!.configMap, 'shop/orders-config');
  assert.equal(textAt(files, 'config.yaml', webhook.evidence[0]!.span), 'hooks.slack.com');

  assert.deepEqual(
    inventory.unattributed.map((u) => [`${u.configMap.namespace}/${u.configMap.name}`, brief(u.destinations)]),
    [['shop/orphan', ['b1.kafka.example.net:9093 - net:TCP <- config.yaml#KAFKA_BROKERS', 'b2.kafka.example.net:9093 - net:TCP <- config.yaml#KAFKA_BROKERS']]],
  );
});

test('variants of one workload merge into one entry with the evidence of each file', () => {
  const { analysis } = loadFixture(`
# file: all-in-one.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: api, image: api, env: [{name: UPSTREAM, value: "https://upstream.example.org"}]}]}
# file: api.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: api, image: api, env: [{name: UPSTREAM_URL, value: "https://upstream.example.org:443/"}]}]}
`);
  const inventory = egressInventory(analysis.index);
  assert.equal(inventory.workloads.length, 1);
  assert.deepEqual(inventory.workloads[0]!.files, ['all-in-one.yaml', 'api.yaml']);
  assert.deepEqual(brief(inventory.workloads[0]!.destinations), ['upstream.example.org:443 https app:Https <- all-in-one.yaml#UPSTREAM api.yaml#UPSTREAM_URL']);
});

test('the inventory stays silent (no finding) for cluster names, bare names, loopback, bind addresses and expansions', () => {
  const { analysis } = loadFixture(`
apiVersion: apps/v1
kind: Deployment
metadata: {name: quiet, namespace: app}
spec:
  template:
    metadata: {labels: {app: quiet}}
    spec:
      containers:
        - name: quiet
          image: quiet
          env:
            - {name: A, value: "http://backend:8080"}
            - {name: B, value: "backend.app.svc:8080"}
            - {name: C, value: "mongodb://db.other.svc.cluster.local:27017"}
            - {name: D, value: "127.0.0.1:5432"}
            - {name: E, value: "0.0.0.0"}
            - {name: F, value: "http://$(HOST):80"}
            - {name: G, value: "printer.local:631"}
            - {name: H, value: "https://api"}
            - {name: I, value: "10:30"}
`);
  assert.deepEqual(egressInventory(analysis.index), { workloads: [], unattributed: [] });
});

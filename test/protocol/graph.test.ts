/** The custom requests netlens/graph, netlens/explain and netlens/inventory through the built server over stdio. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ExplainRequest, GraphRequest, InventoryRequest, type Graph } from '../../server/src/protocol/requests';
import { LspTestClient } from '../support/lspClient';

// An emoji before the Deployment's name: its place must be given in UTF-16 columns.
const STORE = `apiVersion: apps/v1
kind: Deployment
metadata: {annotations: {note: "\u{1F680}"}, namespace: store, name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx
          ports: [{name: http, containerPort: 8080}]
          env: [{name: ORDERS_URL, value: "http://orders:80"}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: orders, namespace: store}
spec:
  selector: {matchLabels: {app: orders}}
  template:
    metadata: {labels: {app: orders}}
    spec:
      containers: [{name: orders, image: x, ports: [{name: http, containerPort: 9000}]}]
---
apiVersion: v1
kind: Service
metadata: {name: orders, namespace: store}
spec:
  selector: {app: orders}
  ports: [{port: 80, targetPort: http}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: store}
spec:
  podSelector: {}
`;

const OTHER = `apiVersion: apps/v1
kind: Deployment
metadata: {name: job, namespace: batch}
spec:
  selector: {matchLabels: {app: job}}
  template:
    metadata: {labels: {app: job}}
    spec:
      containers: [{name: job, image: x}]
`;


let workspace: string;
let client: LspTestClient;
const uri = (name: string) => pathToFileURL(path.join(workspace, name)).href;
/** The graph, asked with parameters as a client may send them (wrong types included). */
const graphOf = (params: unknown) => client.connection.sendRequest(GraphRequest, params as never) as Promise<Graph>;
const explain = (params: unknown) => client.connection.sendRequest(ExplainRequest, params as never);
const placeOf = (graph: Graph, id: string) => {
  const node = graph.nodes.find((n) => n.id === id);
  return node && 'place' in node ? node.place : undefined;
};

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-graph-'));
  fs.writeFileSync(path.join(workspace, 'store.yaml'), STORE);
  fs.writeFileSync(path.join(workspace, 'batch.yaml'), OTHER);
  client = new LspTestClient();
  await client.initialize(pathToFileURL(workspace).href);
  await client.settle();
});

after(async () => {
  await client.shutdown();
  fs.rmSync(workspace, { recursive: true, force: true });
});

test('netlens/graph: nodes with places as URI + UTF-16 range, the denied dependency with its place', async () => {
  const graph = await graphOf({});
  assert.deepEqual(graph.allNamespaces, ['batch', 'store']);
  const web = placeOf(graph, 'store/web[Deployment]');
  assert.ok(web);
  assert.equal(web.uri, uri('store.yaml'));
  const line = STORE.split('\n').findIndex((l) => l.includes('name: web}'));
  const character = STORE.split('\n')[line]!.indexOf('web}');
  assert.deepEqual(web.range, { start: { line, character }, end: { line, character: character + 3 } });
  const dependency = graph.edges.find((e) => e.kind === 'dependency');
  assert.ok(dependency?.kind === 'dependency');
  assert.equal(dependency.status, 'denied');
  assert.equal(dependency.place.uri, uri('store.yaml'));
  const envLine = STORE.split('\n').findIndex((l) => l.includes('ORDERS_URL'));
  assert.equal(dependency.place.range.start.line, envLine);
  assert.deepEqual(dependency.explain, { source: 'store/web[Deployment]', destination: 'store/orders[Deployment]', protocol: 'TCP', port: 9000 });
});

test('netlens/graph with a namespace: only it; bad parameters read as no namespace', async () => {
  const one = await graphOf({ namespace: 'batch' });
  assert.equal(one.namespace, 'batch');
  assert.deepEqual(one.nodes.filter((n) => n.type === 'workload').map((n) => n.id), ['batch/job[Deployment]']);
  const odd = await graphOf({ namespace: 42 });
  assert.equal(odd.namespace, undefined);
  assert.equal(odd.nodes.filter((n) => n.type === 'workload').length, 3);
});

test('netlens/explain: the trail of the denied dependency; unknown names answer an error with a suggestion', async () => {
  const denied = await explain({ source: 'store/web[Deployment]', destination: 'store/orders[Deployment]', port: 9000, protocol: 'TCP' });
  assert.equal(denied.allowed, false);
  assert.equal(denied.error, undefined);
  assert.equal(denied.lines[0], 'Deployment store/web → Deployment store/orders on TCP 9000: DENIED');
  assert.equal(denied.verdict, 'denied');
  assert.ok(denied.lines.includes("ingress of Deployment store/orders: isolated by 'default-deny'"), denied.lines.join('\n'));
  // The deciding policy, in words, with where it is written (the graph's details pane links it).
  const denyLine = STORE.split('\n').findIndex((l) => l.includes('name: default-deny'));
  assert.deepEqual(denied.deciding, [
    {
      label: 'NetworkPolicy store/default-deny: isolates Deployment store/orders for ingress',
      place: { uri: uri('store.yaml'), range: { start: { line: denyLine, character: 17 }, end: { line: denyLine, character: 29 } } },
    },
  ]);
  assert.ok(denied.deciding.every((d) => d.place.uri === uri('store.yaml')));
  const open = await explain({ source: 'store/orders', destination: 'batch/job' });
  assert.equal(open.allowed, true);
  const unknown = await explain({ source: 'store/wbe', destination: 'store/orders' });
  assert.equal(unknown.allowed, false);
  assert.match(unknown.error ?? '', /^source: no workload 'store\/wbe' in the workspace \(did you mean 'store\/web'\?\)$/);
  const badPort = await explain({ source: 'store/web', destination: 'store/orders', port: 70000 });
  assert.match(badPort.error ?? '', /port must be a number from 1 to 65535/);
  const missing = await explain({});
  assert.match(missing.error ?? '', /needs \{ source, destination \}/);
});

test('netlens/inventory: namespaces, workloads with ports, Ingresses', async () => {
  const inventory = await client.connection.sendRequest(InventoryRequest, {});
  assert.deepEqual(inventory.namespaces, ['batch', 'store']);
  assert.deepEqual(
    inventory.workloads.map((w) => [w.id, w.ports]),
    [
      ['batch/job[Deployment]', []],
      ['store/orders[Deployment]', [{ port: 9000, protocol: 'TCP', name: 'http' }]],
      ['store/web[Deployment]', [{ port: 8080, protocol: 'TCP', name: 'http' }]],
    ],
  );
  assert.deepEqual(inventory.ingresses, []);
});

test('the graph follows an edit: a policy that admits the dependency makes it allowed', async () => {
  const text = `${STORE}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: orders-from-web, namespace: store}
spec:
  podSelector: {matchLabels: {app: orders}}
  ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: http}]}]
`;
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('store.yaml'), languageId: 'yaml', version: 1, text } });
  await client.settle();
  const graph = await graphOf({});
  const dependency = graph.edges.find((e) => e.kind === 'dependency');
  assert.equal(dependency?.kind === 'dependency' && dependency.status, 'allowed');
  assert.ok(graph.edges.some((e) => e.kind === 'policy' && e.source === 'store/web[Deployment]' && e.target === 'store/orders[Deployment]'));
  // The rule that admits it is named and placed too, after the policies that isolate.
  const allowed = await explain({ source: 'store/web[Deployment]', destination: 'store/orders[Deployment]', port: 9000, protocol: 'TCP' });
  const ruleLine = text.split('\n').findIndex((l) => l.includes('ingress: [{from'));
  assert.deepEqual(
    allowed.deciding?.map((d) => [d.label, d.place.range.start.line]),
    [
      ['NetworkPolicy store/default-deny: isolates Deployment store/orders for ingress', text.split('\n').findIndex((l) => l.includes('name: default-deny'))],
      ['NetworkPolicy store/orders-from-web: isolates Deployment store/orders for ingress', text.split('\n').findIndex((l) => l.includes('name: orders-from-web'))],
      ['NetworkPolicy store/orders-from-web, ingress rule 1: admits TCP 9000', ruleLine],
    ],
  );
});

test('a custom request without params is answered InvalidParams (the protocol asks for an object), and the server goes on', async () => {
  for (const method of [GraphRequest.method, InventoryRequest.method, ExplainRequest.method]) {
    await assert.rejects(client.connection.sendRequest(method), (error: { code?: number }) => error.code === -32602, method);
  }
  assert.deepEqual((await client.connection.sendRequest(InventoryRequest, {})).namespaces, ['batch', 'store']);
});

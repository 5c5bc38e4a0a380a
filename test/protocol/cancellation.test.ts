/**
 * Request cancellation and slow queries, through the built server over stdio (docs/performance.md, "Cancellation").
 *
 * The workspace is generated: 40 namespaces of 50 applications (2,000 workloads), each with a Service and an
 * allow-list NetworkPolicy whose peers admit a fair share of the others, so that `netlens/graph` takes seconds (it
 * evaluates about 100,000 workload pairs). A small open file, `probe.yaml`, is what the tests edit.
 *
 * The assertions are about order and ratios, never absolute times: a slow CI machine is slower on both sides.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import { GraphRequest, InventoryRequest, type Graph } from '../../server/src/protocol/requests';
import { LspTestClient } from '../support/lspClient';

/** LSP error codes (the specification's LSPErrorCodes). */
const REQUEST_CANCELLED = -32800;
const CONTENT_MODIFIED = -32801;

const NAMESPACES = 40;
const APPS = 50;
/** Generous: the initial scan and each graph take seconds here and may take ten times longer on a loaded CI machine. */
const LONG = 300_000;

/** One namespace: a Namespace, default deny, DNS egress, then per application a Deployment, a Service and a policy. */
function namespaceBundle(n: number): string {
  const ns = `team-${n}`;
  const docs = [
    `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n  labels: {team: t${n % 4}, group: g${n % 3}}\n`,
    `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: default-deny, namespace: ${ns}}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n`,
    `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-dns, namespace: ${ns}}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]
      ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
`,
  ];
  for (let a = 0; a < APPS; a++) {
    const app = `app-${a}`;
    const tier = ['front', 'back', 'db'][a % 3]!;
    const callee = (a + 1) % APPS;
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata: {name: ${app}, namespace: ${ns}}
spec:
  selector: {matchLabels: {app: ${app}}}
  template:
    metadata: {labels: {app: ${app}, tier: ${tier}, v: v${a % 5}}}
    spec:
      containers:
        - name: main
          image: example/${app}:1
          ports: [{name: http, containerPort: ${8000 + (a % 50)}}, {name: metrics, containerPort: 9090}]
          env: [{name: NEXT_URL, value: "http://app-${callee}:80"}]
`);
    docs.push(`apiVersion: v1
kind: Service
metadata: {name: ${app}, namespace: ${ns}}
spec:
  selector: {app: ${app}}
  ports: [{name: http, port: 80, targetPort: http}]
`);
    docs.push(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ${app}, namespace: ${ns}}
spec:
  podSelector: {matchLabels: {app: ${app}}}
  policyTypes: [Ingress, Egress]
  ingress:
    - from: [{podSelector: {matchLabels: {tier: front}}}, {namespaceSelector: {matchLabels: {team: t${(n + 1) % 4}}}, podSelector: {matchLabels: {v: v${a % 5}}}}]
      ports: [{port: http}]
    - from: [{namespaceSelector: {matchLabels: {group: g${n % 3}}}}]
      ports: [{port: 9090}]
  egress:
    - to: [{podSelector: {matchLabels: {app: app-${callee}}}}]
      ports: [{port: ${8000 + (callee % 50)}}]
    - to: [{podSelector: {matchLabels: {tier: back}}}, {namespaceSelector: {matchLabels: {team: t${(n + 1) % 4}}}, podSelector: {matchLabels: {v: v${a % 5}}}}]
      ports: [{port: http}, {port: 9090}]
`);
  }
  return docs.join('---\n');
}

/** A Service that selects app-1 (no finding), or nothing (`service-selects-nothing`) next to a new Deployment. */
const PROBE_CLEAN = `apiVersion: v1
kind: Service
metadata: {name: probe, namespace: team-0}
spec:
  selector: {app: app-1}
  ports: [{port: 80, targetPort: http}]
`;
const PROBE_BROKEN = `apiVersion: v1
kind: Service
metadata: {name: probe, namespace: team-0}
spec:
  selector: {app: nobody}
  ports: [{port: 80, targetPort: http}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: late-arrival, namespace: team-0}
spec:
  selector: {matchLabels: {app: late-arrival}}
  template:
    metadata: {labels: {app: late-arrival}}
    spec:
      containers: [{name: main, image: example/late:1}]
`;
const LATE_ARRIVAL = 'team-0/late-arrival[Deployment]';


let workspace: string;
let client: LspTestClient;
let probeUri: string;
let probeVersion = 1;

const request = <T>(method: string, params: unknown) => client.connection.sendRequest(method, params) as Promise<T>;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends the request and its `$/cancelRequest` right after it (vscode-jsonrpc does so for a cancelled token). */
function sendCancelled(method: string, params: unknown): Promise<unknown> {
  const source = new CancellationTokenSource();
  source.cancel();
  return client.connection.sendRequest(method, params, source.token);
}

/** The error code a request was answered with, or 'answered' when it was answered with a result. */
async function outcome(pending: Promise<unknown>): Promise<number | 'answered'> {
  try {
    await pending;
    return 'answered';
  } catch (error) {
    assert.ok(error instanceof ResponseError, `not a JSON-RPC error: ${String(error)}`);
    return error.code;
  }
}

async function setProbe(text: string): Promise<void> {
  await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: probeUri, version: ++probeVersion }, contentChanges: [{ text }] });
}

/**
 * Returns once the server has handled everything sent before: notifications are handled in order and synchronously,
 * so a request that round-trips was dispatched after them.
 */
async function barrier(): Promise<void> {
  await request('textDocument/documentSymbol', { textDocument: { uri: probeUri } });
}

/** Workloads the graph counts: shown, and left out beyond its bound (2,000). */
function workloadsOf(graph: Graph | null): number {
  assert.ok(graph, 'the server built the graph');
  return graph.stats.workloads + graph.stats.omittedWorkloads;
}

const probeFindings = () => (client.diagnostics.get(probeUri) ?? []).filter((d) => d.code === 'service-selects-nothing');

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-cancel-'));
  for (let n = 0; n < NAMESPACES; n++) fs.writeFileSync(path.join(workspace, `team-${n}.yaml`), namespaceBundle(n));
  fs.writeFileSync(path.join(workspace, 'probe.yaml'), PROBE_CLEAN);
  probeUri = pathToFileURL(path.join(workspace, 'probe.yaml')).href;
  client = new LspTestClient({ coalesceWrites: true });
  await client.initialize(pathToFileURL(workspace).href);
  await client.waitFor(() => client.progressEnded > 0, 'the initial workspace scan to end', LONG);
  await client.settle();
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: probeUri, languageId: 'yaml', version: probeVersion, text: PROBE_CLEAN } });
  await client.waitFor(() => client.diagnostics.has(probeUri), 'the diagnostics of the opened probe', LONG);
  assert.deepEqual(probeFindings(), []);
});

after(async () => {
  await client.shutdown();
  fs.rmSync(workspace, { recursive: true, force: true });
});

test('requests cancelled while they wait in the queue answer RequestCancelled without being computed', { timeout: LONG }, async () => {
  // Keep the server busy in synchronous tasks (reading large YAML documents it is given to open: no Kubernetes
  // object, so they change nothing else), so that each request below and its $/cancelRequest are both read before the
  // server dispatches the request: vscode-jsonrpc then hands it over with a token that is already cancelled. Each
  // document stays under the size from which the server defers an open document's analysis until typing pauses
  // (lsp/server.ts LARGE_DOCUMENT, 256 K code units): one deferred document would leave the server idle. The anchor
  // sends each to the `yaml` package's reader (the fast reader declines anchors): about 200 ms each, not 20.
  const bigUris = Array.from({ length: 6 }, (_, n) => pathToFileURL(path.join(workspace, `big-not-on-disk-${n}.yaml`)).href);
  const big = (n: number) => `padding: &slow-reader\n${Array.from({ length: 6_900 }, (_, i) => `  - {name: item-${n}-${i}, value: ${i}}\n`).join('')}`;
  for (const [n, uri] of bigUris.entries()) {
    assert.ok(big(n).length < 256 * 1024);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: big(n) } });
  }
  const hover = sendCancelled('textDocument/hover', { textDocument: { uri: probeUri }, position: { line: 2, character: 18 } });
  const symbols = sendCancelled('workspace/symbol', { query: 'app' });
  const graph = sendCancelled(GraphRequest.method, {});
  const inventory = sendCancelled(InventoryRequest.method, {});
  // A hover is never sliced: only the check before it starts can answer it RequestCancelled, so it did not run.
  assert.equal(await outcome(hover), REQUEST_CANCELLED, 'hover');
  assert.equal(await outcome(symbols), REQUEST_CANCELLED, 'workspace/symbol');
  assert.equal(await outcome(graph), REQUEST_CANCELLED, 'netlens/graph');
  assert.equal(await outcome(inventory), REQUEST_CANCELLED, 'netlens/inventory');
  for (const uri of bigUris) await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });

  // The same requests, not cancelled, are answered: the errors above came from the cancellation alone.
  const answered = await request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: probeUri }, position: { line: 2, character: 18 } });
  assert.match(answered?.contents.value ?? '', /probe/);
  assert.ok((await request<unknown[]>('workspace/symbol', { query: 'app-1' })).length > 0);
  const full = await client.connection.sendRequest(GraphRequest, {});
  assert.equal(workloadsOf(full), NAMESPACES * APPS);
});

test('a graph request cancelled while it runs stops: answered RequestCancelled well before the uncancelled duration', { timeout: LONG }, async (t) => {
  // Each measured request follows the same kind of edit (the probe Service changes, a kind the graph reads), so that
  // neither finds the graph cached.
  await setProbe(PROBE_BROKEN);
  await barrier();
  let started = performance.now();
  const graph = await client.connection.sendRequest(GraphRequest, {});
  const uncancelled = performance.now() - started;
  assert.equal(workloadsOf(graph), NAMESPACES * APPS + 1);

  await setProbe(PROBE_CLEAN);
  await barrier();
  const source = new CancellationTokenSource();
  started = performance.now();
  const pending = client.connection.sendRequest(GraphRequest, {}, source.token);
  await delay(50);
  source.cancel();
  const code = await outcome(pending);
  const cancelled = performance.now() - started;
  assert.equal(code, REQUEST_CANCELLED);
  const ratio = cancelled / uncancelled;
  t.diagnostic(`graph uncancelled ${uncancelled.toFixed(0)} ms, cancelled after 50 ms answered in ${cancelled.toFixed(0)} ms: ratio ${ratio.toFixed(3)}`);
  // Meaningful only when the graph takes well over the 50 ms before the cancellation.
  assert.ok(uncancelled > 500, `the generated graph took only ${uncancelled.toFixed(0)} ms`);
  assert.ok(ratio < 0.5, `cancelled ${cancelled.toFixed(0)} ms vs uncancelled ${uncancelled.toFixed(0)} ms`);
});

test('a slow graph request never blocks diagnostics: an edit sent after it is published before its answer, which includes the edit', { timeout: LONG }, async () => {
  await setProbe(PROBE_CLEAN);
  await barrier();
  assert.deepEqual(probeFindings(), []);
  const order: string[] = [];
  const graph = client.connection.sendRequest(GraphRequest, {}).then((answer) => {
    order.push('graph');
    return answer;
  });
  await setProbe(PROBE_BROKEN);
  await client.waitFor(() => probeFindings().length > 0, 'the finding of the edited probe', LONG);
  order.push('diagnostics');
  const answer = await graph;
  assert.deepEqual(order, ['diagnostics', 'graph']);
  // The graph started before the edit and answered after it: it was computed again on the edited workspace, not
  // finished on the state it started from.
  assert.ok(answer?.nodes.some((n) => n.id === LATE_ARRIVAL), 'the Deployment the edit added is in the graph');
  assert.equal(workloadsOf(answer), NAMESPACES * APPS + 1);
});

test('a graph request whose workspace keeps changing gives up with ContentModified after its restarts', { timeout: LONG }, async () => {
  await setProbe(PROBE_CLEAN);
  await barrier();
  let settled = false;
  const pending = outcome(client.connection.sendRequest(GraphRequest, {})).finally(() => (settled = true));
  // Each edit is applied between two slices of the graph and makes it start again; the barrier paces the edits so
  // that each lands in a different slice. Four runs are disturbed after a handful of edits; the bound only keeps a
  // server that never gives up from being edited forever (the graph then answers and the assertion says so).
  for (let edits = 0; !settled && edits < 50; edits++) {
    await setProbe(edits % 2 === 0 ? PROBE_BROKEN : PROBE_CLEAN);
    await barrier();
  }
  assert.equal(await pending, CONTENT_MODIFIED);
});

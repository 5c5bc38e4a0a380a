/**
 * A large manifest (under the size limit) must not freeze the server: edits of a large open document are analysed
 * once typing pauses, not once per keystroke, and a refresh that takes long (checking thousands of objects) lets
 * requests in between its slices. What it costs is measured by the bench and in docs/performance.md; here only the
 * order of events is checked.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../support/lspClient';

const pair = (i: number) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: app-${i}, namespace: shop}
spec:
  selector: {matchLabels: {app: app-${i}}}
  template:
    metadata: {labels: {app: app-${i}}}
    spec:
      containers: [{name: main, image: example/app:${i}, ports: [{name: http, containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: app-${i}, namespace: shop}
spec:
  selector: {app: app-${i}}
  ports: [{port: 80, targetPort: http}]
---
`;
/** About 600 KB: over the server's large-document threshold, well under the 2 MB limit. */
const LARGE = Array.from({ length: 1500 }, (_, i) => pair(i)).join('');
const ORPHAN = `apiVersion: v1
kind: Service
metadata: {name: orphan, namespace: shop}
spec:
  selector: {app: nobody}
  ports: [{port: 80}]
---
`;

let workspace: string;
let client: LspTestClient;
const uriOf = (name: string) => pathToFileURL(path.join(workspace, name)).href;

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-large-'));
  fs.writeFileSync(path.join(workspace, 'small.yaml'), pair(100000));
  client = new LspTestClient();
  await client.initialize(pathToFileURL(workspace).href);
  await client.settle();
});

after(async () => {
  await client.shutdown();
  fs.rmSync(workspace, { recursive: true, force: true });
});

test('a burst of edits to a large open document is analysed once, for its last text', async () => {
  const uri = uriOf('large.yaml');
  fs.writeFileSync(path.join(workspace, 'large.yaml'), LARGE);
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: LARGE } });
  await client.waitFor(() => client.diagnostics.has(uri), 'the large document\'s diagnostics', 120_000);
  await client.settle();
  const before = client.publishes.length;
  // Five keystrokes in a row; only the last text holds a Service that selects nothing.
  for (let version = 2; version <= 6; version++) {
    const text = version === 6 ? ORPHAN + LARGE : `# edit ${version}\n${LARGE}`;
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }
  await client.waitFor(() => client.publishes.slice(before).some((p) => p.uri === uri), 'the diagnostics after the burst', 120_000);
  await client.settle(600);
  const published = client.publishes.slice(before).filter((p) => p.uri === uri);
  assert.equal(published.length, 1, 'one analysis for the burst, not one per keystroke');
  assert.deepEqual(published[0]!.diagnostics.map((d) => d.code), ['service-selects-nothing']);
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await client.settle();
});

test('while a long refresh runs, a request is answered before it ends', async () => {
  const file = path.join(workspace, 'changed.yaml');
  fs.writeFileSync(file, ORPHAN + LARGE.replaceAll('app-', 'web-'));
  const order: string[] = [];
  const before = client.publishes.length;
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('changed.yaml'), type: 1 }] });
  const hover = client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf('small.yaml') }, position: { line: 2, character: 20 } }).then(() => order.push('hover answered'));
  await client.waitFor(() => client.publishes.slice(before).some((p) => p.uri === uriOf('changed.yaml')), 'the diagnostics of the new file', 120_000);
  order.push('diagnostics published');
  await hover;
  assert.deepEqual(order, ['hover answered', 'diagnostics published']);
});

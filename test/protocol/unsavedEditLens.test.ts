/**
 * The unsaved-edit code lens (issue 21), through the protocol: while a policy file has unsaved changes, each changed
 * policy gets a lens saying what the edit does to connectivity against the saved file, with the command
 * `netlens.showConnectivityChanges` listing the changed pairs; once the editor's text equals the disk's, it is gone.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../support/lspClient';

const APPS = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c, image: x}]}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  template: {metadata: {labels: {app: api}}, spec: {containers: [{name: c, image: x, ports: [{containerPort: 8080}]}]}}
`;

const policy = (ports: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: web}}}]
    ports: [${ports}]
`;

let workspace: string;
let client: LspTestClient;
const uri = (name: string) => pathToFileURL(path.join(workspace, name)).href;

interface Lens {
  command: { title: string; command: string; arguments?: { title: string; changes: string[] }[] };
}

async function editLenses(): Promise<Lens[]> {
  const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: uri('policy.yaml') } })) as Lens[];
  return lenses.filter((l) => l.command.command === 'netlens.showConnectivityChanges');
}

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-unsaved-'));
  fs.writeFileSync(path.join(workspace, 'apps.yaml'), APPS);
  fs.writeFileSync(path.join(workspace, 'policy.yaml'), policy('{port: 8080}'));
  client = new LspTestClient();
  await client.initialize(pathToFileURL(workspace).href);
  const deadline = Date.now() + 10000;
  while (((await client.connection.sendRequest('workspace/symbol', { query: 'api' })) as unknown[]).length === 0) {
    if (Date.now() > deadline) throw new Error(`the workspace was never indexed; stderr: ${client.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('policy.yaml'), languageId: 'yaml', version: 1, text: policy('{port: 8080}') } });
});

after(async () => {
  await client.shutdown();
  fs.rmSync(workspace, { recursive: true, force: true });
});

test('no unsaved edit, no lens', async () => {
  assert.deepEqual(await editLenses(), []);
});

test('an unsaved edit of a policy: its lens says what it opens and closes, and the command lists the pairs', async () => {
  // 8080 → 9090: web → api loses TCP 8080 and gains TCP 9090 (one changed pair: it opens and closes).
  await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('policy.yaml'), version: 2 }, contentChanges: [{ text: policy('{port: 9090}') }] });
  let lenses: Lens[] = [];
  const deadline = Date.now() + 10000;
  while ((lenses = await editLenses()).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(lenses.length, 1, JSON.stringify(lenses));
  assert.equal(lenses[0]!.command.title, 'unsaved edit: opens 1 connection, closes 1 connection');
  assert.deepEqual(lenses[0]!.command.arguments![0]!.changes, ['changed: shop/web[Deployment] → shop/api[Deployment]: TCP 8080 → TCP 9090']);

  // Admitting every port as well: the pair opens only.
  await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('policy.yaml'), version: 3 }, contentChanges: [{ text: policy('') }] });
  const until = Date.now() + 10000;
  while (!(lenses = await editLenses())[0]?.command.title.includes('opens 1 connection') || lenses[0]!.command.title.includes('closes')) {
    if (Date.now() > until) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.equal(lenses[0]!.command.title, 'unsaved edit: opens 1 connection');
});

test('back to the saved text: the lens is gone', async () => {
  await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('policy.yaml'), version: 4 }, contentChanges: [{ text: policy('{port: 8080}') }] });
  let lenses: Lens[] = [{ command: { title: '', command: '' } }];
  const deadline = Date.now() + 10000;
  while ((lenses = await editLenses()).length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  assert.deepEqual(lenses, []);
});

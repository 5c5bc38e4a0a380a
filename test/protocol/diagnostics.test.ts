import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspTestClient, REPO_ROOT } from '../support/lspClient';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: nginx, ports: [{name: http, containerPort: 8080}]}]
`;

const SERVICE = `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: webb}
  ports: [{name: http, port: 80, targetPort: http}]
`;

// The emoji is two UTF-16 code units: the diagnostic's character must count them as two.
const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec:
  rules:
    - http:
        paths:
          - {path: "/\u{1F680}", pathType: Prefix, backend: {service: {name: wbe, port: {number: 80}}}}
`;

let workspace: string;
let client: LspTestClient;
const uri = (name: string) => pathToFileURL(path.join(workspace, name)).href;

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-protocol-'));
  fs.writeFileSync(path.join(workspace, 'deployment.yaml'), DEPLOYMENT);
  fs.writeFileSync(path.join(workspace, 'service.yaml'), SERVICE);
  fs.writeFileSync(path.join(workspace, 'ingress.yaml'), INGRESS);
  fs.mkdirSync(path.join(workspace, 'node_modules', 'dep'), { recursive: true });
  fs.writeFileSync(path.join(workspace, 'node_modules', 'dep', 'svc.yaml'), SERVICE);
  client = new LspTestClient();
  const result = (await client.initialize(pathToFileURL(workspace).href)) as { capabilities: { textDocumentSync: unknown } };
  assert.ok(result.capabilities.textDocumentSync);
});

after(async () => {
  await client.shutdown();
  fs.rmSync(workspace, { recursive: true, force: true });
});

test('files that were never opened get diagnostics from the workspace scan', async () => {
  await client.waitFor(() => (client.diagnostics.get(uri('service.yaml')) ?? []).length > 0, 'service.yaml diagnostics');
  const [diagnostic] = client.diagnostics.get(uri('service.yaml'))!;
  assert.equal(diagnostic!.code, 'service-selects-nothing');
  assert.equal(diagnostic!.source, 'netlens');
  assert.equal(diagnostic!.severity, 2);
  // The rule's page as installed beside the server (here the repository's), opened offline by any editor.
  assert.equal(diagnostic!.codeDescription!.href, pathToFileURL(path.join(REPO_ROOT, 'docs', 'rules', 'service-selects-nothing.md')).href);
  assert.deepEqual(diagnostic!.range, { start: { line: 4, character: 12 }, end: { line: 4, character: 23 } });
  // Plain text for the Problems panel: the point in one sentence, names in quotes; the rest as related rows.
  assert.equal(diagnostic!.message, "Service 'web' selects no workload.");
  assert.deepEqual(diagnostic!.relatedInformation, [
    { location: { uri: uri('service.yaml'), range: diagnostic!.range }, message: "No pod template in namespace 'shop' has app=webb (closest: Deployment web has app=web)." },
  ]);
  assert.equal(client.diagnostics.has(pathToFileURL(path.join(workspace, 'node_modules', 'dep', 'svc.yaml')).href), false, 'node_modules is excluded');
});

test('columns are UTF-16 code units', async () => {
  await client.waitFor(() => (client.diagnostics.get(uri('ingress.yaml')) ?? []).length > 0, 'ingress.yaml diagnostics');
  const diagnostic = client.diagnostics.get(uri('ingress.yaml'))!.find((d) => d.code === 'ingress-backend-missing')!;
  const line = INGRESS.split('\n')[7]!;
  assert.equal(diagnostic.range.start.line, 7);
  assert.equal(diagnostic.range.start.character, line.indexOf('wbe'));
  assert.equal(diagnostic.range.end.character, line.indexOf('wbe') + 3);
});

test('an edit in an open file updates the diagnostics of a closed file', async () => {
  const deploymentUri = uri('deployment.yaml');
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: deploymentUri, languageId: 'yaml', version: 1, text: DEPLOYMENT } });
  // Relabel the pods to what the Service selects: the Service's finding disappears without touching service.yaml.
  const line = 6;
  const text = DEPLOYMENT.split('\n')[line]!;
  const start = text.indexOf('app: web}') + 'app: '.length;
  await client.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: deploymentUri, version: 2 },
    contentChanges: [{ range: { start: { line, character: start }, end: { line, character: start + 3 } }, text: 'webb' }],
  });
  await client.waitFor(() => (client.diagnostics.get(uri('service.yaml')) ?? []).length === 0, 'service.yaml cleared');
  // And back: closing the document without saving restores the text on disk, and the finding returns.
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: deploymentUri } });
  await client.waitFor(() => (client.diagnostics.get(uri('service.yaml')) ?? []).length === 1, 'service.yaml finding back after close');
});

test('a file created on disk is picked up through didChangeWatchedFiles', async () => {
  fs.writeFileSync(path.join(workspace, 'wbe.yaml'), SERVICE.replace(/name: web,/, 'name: wbe,').replace('app: webb', 'app: web'));
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('wbe.yaml'), type: 1 }] });
  await client.waitFor(() => !(client.diagnostics.get(uri('ingress.yaml')) ?? []).some((d) => d.code === 'ingress-backend-missing'), 'ingress finding resolved');
  fs.rmSync(path.join(workspace, 'wbe.yaml'));
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('wbe.yaml'), type: 3 }] });
  await client.waitFor(() => (client.diagnostics.get(uri('ingress.yaml')) ?? []).some((d) => d.code === 'ingress-backend-missing'), 'ingress finding back');
});

test('rule severities come from workspace/configuration', async () => {
  client.settings = { rules: { 'service-selects-nothing': 'off' } };
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await client.waitFor(() => (client.diagnostics.get(uri('service.yaml')) ?? []).length === 0, 'rule turned off');
  client.settings = { rules: { 'service-selects-nothing': 'error' } };
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await client.waitFor(() => (client.diagnostics.get(uri('service.yaml')) ?? [])[0]?.severity === 1, 'rule raised to error');
});

test('a folder created with manifests inside is read when only the folder is reported', async () => {
  fs.mkdirSync(path.join(workspace, 'newapp'));
  fs.writeFileSync(path.join(workspace, 'newapp', 'svc.yaml'), SERVICE.replace(/name: web,/, 'name: fresh,'));
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('newapp'), type: 1 }] });
  await client.waitFor(() => (client.diagnostics.get(uri('newapp/svc.yaml')) ?? []).some((d) => d.code === 'service-selects-nothing'), 'diagnostics for the file inside the new folder');
});

test('opening a file without findings still publishes (empty) diagnostics for it', async () => {
  const clean = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: clean}\ndata: {a: b}\n';
  fs.writeFileSync(path.join(workspace, 'clean.yaml'), clean);
  client.diagnostics.delete(uri('clean.yaml'));
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('clean.yaml'), languageId: 'yaml', version: 1, text: clean } });
  await client.waitFor(() => client.diagnostics.has(uri('clean.yaml')), 'a publish for the opened file');
  assert.deepEqual(client.diagnostics.get(uri('clean.yaml')), []);
});

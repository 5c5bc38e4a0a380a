/**
 * Documents and file events an editor (or an attacker) can send that are not ordinary workspace files, through the
 * built server over stdio: a batch of watched-file changes with URIs of another host or scheme, an open document over
 * the size limit, and untitled documents.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspTestClient, type Diagnostic } from '../support/lspClient';

const ORPHAN = (name: string) => `apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: shop}
spec:
  selector: {app: nobody}
  ports: [{port: 80, targetPort: 8080}]
`;

/** An Ingress whose backend Service exists only in the untitled document below. */
const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web, namespace: shop}
spec:
  ingressClassName: nginx
  rules:
    - http:
        paths:
          - {path: /, pathType: Prefix, backend: {service: {name: unsaved, port: {number: 80}}}}
`;

/** A Service (only here), a YAML 1.1 boolean label (a finding about the document itself) and a selector that matches no workload. */
const UNTITLED = `apiVersion: v1
kind: Service
metadata: {name: unsaved, namespace: shop, labels: {public: yes}}
spec:
  selector: {app: nobody}
  ports: [{port: 80, targetPort: 8080}]
`;

let workspace: string;
let client: LspTestClient;
const uriOf = (name: string) => pathToFileURL(path.join(workspace, name)).href;
const codes = (diagnostics: Diagnostic[] | undefined) => (diagnostics ?? []).map((d) => String(d.code)).sort();

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-hostile-docs-'));
  fs.writeFileSync(path.join(workspace, 'ingress.yaml'), INGRESS);
  client = new LspTestClient();
  client.settings = { maxFileSize: 4096 };
  await client.initialize(pathToFileURL(workspace).href);
  await client.settle();
});

after(async () => {
  await client.shutdown();
  fs.rmSync(workspace, { recursive: true, force: true });
});

test('a watched-files batch with a URI of another host and of another scheme still applies its other changes', async () => {
  fs.writeFileSync(path.join(workspace, 'a.yaml'), ORPHAN('a'));
  fs.writeFileSync(path.join(workspace, 'b.yaml'), ORPHAN('b'));
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [
      { uri: 'file://otherhost/share/x.yaml', type: 2 },
      { uri: uriOf('a.yaml'), type: 1 },
      { uri: 'vscode-vfs://github/org/repo/y.yaml', type: 1 },
      { uri: 'file://otherhost/share/gone.yaml', type: 3 },
      { uri: uriOf('b.yaml'), type: 1 },
    ],
  });
  await client.waitFor(() => codes(client.diagnostics.get(uriOf('a.yaml'))).includes('service-selects-nothing') && codes(client.diagnostics.get(uriOf('b.yaml'))).includes('service-selects-nothing'), 'both created files analysed');
  assert.ok(!client.stderr.includes('Error'), client.stderr);
});

test('an open document over maxFileSize is skipped with one file-skipped info, and analysed again once under it', async () => {
  const uri = uriOf('big.yaml');
  const big = ORPHAN('big') + `# ${'x'.repeat(8000)}\n`;
  fs.writeFileSync(path.join(workspace, 'big.yaml'), ORPHAN('big'));
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: big } });
  await client.waitFor(() => codes(client.diagnostics.get(uri)).join() === 'file-skipped', 'the file-skipped info on the open document');
  const [skipped] = client.diagnostics.get(uri)!;
  assert.match(skipped!.message, /over the 4\.0 KB limit \(netlens\.maxFileSize/);
  assert.equal(skipped!.severity, 3);
  // Typing in it stays skipped (and costs nothing); cutting it under the limit analyses it.
  await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: big + '# more\n' }] });
  await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: ORPHAN('big') }] });
  await client.waitFor(() => codes(client.diagnostics.get(uri)).join() === 'service-selects-nothing', 'the findings of the shortened document');
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await client.settle();
});

test('an untitled document gets the findings about itself, no claim that needs the workspace, and changes no workspace file', async () => {
  const uri = 'untitled:Untitled-1';
  const before = codes(client.diagnostics.get(uriOf('ingress.yaml')));
  assert.ok(before.includes('ingress-backend-missing'), `${before}`);
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: UNTITLED } });
  await client.waitFor(() => codes(client.diagnostics.get(uri)).includes('yaml11-boolean-string'), 'the untitled document\'s own findings');
  await client.settle();
  assert.deepEqual(codes(client.diagnostics.get(uri)), ['yaml11-boolean-string'], 'no service-selects-nothing: the workloads it could select are not its to judge');
  assert.deepEqual(codes(client.diagnostics.get(uriOf('ingress.yaml'))), before, 'the unsaved Service does not make the workspace backend exist');
  // A syntax error is its own too; closing clears its diagnostics.
  await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${UNTITLED}  bad: [\n` }] });
  await client.waitFor(() => codes(client.diagnostics.get(uri)).includes('yaml-syntax'), 'the syntax error');
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await client.waitFor(() => client.diagnostics.get(uri)?.length === 0, 'diagnostics cleared on close');
});

/**
 * Generators and the Migrate action write files named after manifest text. A namespace `../../escaped` or an
 * Ingress `../../pwned` must not make them target a URI outside the workspace folder of the manifest: names become
 * one safe path segment (engine/util/fileName.ts), and the server refuses any change whose final path (symbolic
 * links resolved) leaves the folder, whatever produced it (a `directory` argument included).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LspTestClient } from '../support/lspClient';

const NS = '../../escaped';
const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: "${NS}"}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: example/web:1
          ports: [{name: http, containerPort: 8080}]
          env: [{name: API, value: "http://api:80"}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: "${NS}"}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers: [{name: api, image: example/api:1, ports: [{name: http, containerPort: 9000}]}]
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: "${NS}"}
spec:
  selector: {app: api}
  ports: [{port: 80, targetPort: http}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: "${NS}"}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: http}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: "../../pwned", namespace: "${NS}"}
spec:
  ingressClassName: webapprouting.kubernetes.azure.com
  rules:
    - host: shop.example.com
      http:
        paths:
          - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
`;

let base: string;
let workspace: string;
let outside: string;
let client: LspTestClient;
const manifestUri = () => pathToFileURL(path.join(workspace, 'app', 'shop.yaml')).href;

function uris(value: unknown): string[] {
  const out: string[] = [];
  JSON.stringify(value, (key, v) => {
    if (key === 'uri' && typeof v === 'string') out.push(v);
    if (key === 'files' && Array.isArray(v)) out.push(...(v as string[]));
    return v;
  });
  return out;
}

function assertInside(list: string[]): void {
  assert.ok(list.length > 0, 'no target at all');
  for (const uri of list) {
    const file = fileURLToPath(uri);
    assert.ok(file.startsWith(workspace + path.sep), `${file} is outside ${workspace}`);
    assert.ok(!path.basename(file).includes('/') && !path.basename(file).startsWith('.'), file);
  }
}

before(async () => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-targets-'));
  workspace = path.join(base, 'a', 'b', 'workspace');
  outside = path.join(base, 'outside');
  fs.mkdirSync(path.join(workspace, 'app'), { recursive: true });
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(workspace, 'app', 'shop.yaml'), MANIFEST);
  fs.symlinkSync(outside, path.join(workspace, 'app', 'linked'));
  client = new LspTestClient();
  client.connection.onRequest('workspace/applyEdit', () => ({ applied: true }));
  await client.initialize(pathToFileURL(workspace).href);
  await client.settle();
});

after(async () => {
  await client.shutdown();
  fs.rmSync(base, { recursive: true, force: true });
});

test('the Migrate action of an Ingress named ../../pwned creates its file inside the workspace', async () => {
  const actions = await client.connection.sendRequest<{ title: string; edit?: unknown }[]>('textDocument/codeAction', {
    textDocument: { uri: manifestUri() },
    range: { start: { line: 52, character: 12 }, end: { line: 52, character: 12 } },
    context: { diagnostics: [], only: ['refactor.rewrite'] },
  });
  const migrate = actions.find((a) => a.title.startsWith('Migrate Ingress'));
  assert.ok(migrate?.edit, JSON.stringify(actions));
  assertInside(uris(migrate.edit));
});

for (const command of ['netlens.generateDefaultDeny', 'netlens.generatePolicies', 'netlens.migrateIngress']) {
  test(`${command} for namespace ../../escaped targets only files inside the workspace`, async () => {
    const result = await client.connection.sendRequest<Record<string, unknown>>('workspace/executeCommand', { command, arguments: [{ uri: manifestUri(), namespace: NS, apply: false }] });
    assert.equal(result.error, undefined, JSON.stringify(result));
    assertInside(uris(result));
  });
}

test('a directory outside the workspace, or a link inside it that leads outside, is refused and nothing is applied', async () => {
  for (const directory of [pathToFileURL(outside).href, pathToFileURL(path.join(workspace, 'app', 'linked')).href]) {
    const result = await client.connection.sendRequest<{ applied: boolean; error?: string; edit?: unknown }>('workspace/executeCommand', {
      command: 'netlens.generateDefaultDeny',
      arguments: [{ uri: manifestUri(), namespace: NS, directory }],
    });
    assert.equal(result.applied, false);
    assert.match(result.error ?? '', /outside the workspace folder/);
    assert.equal(result.edit, undefined);
  }
  assert.deepEqual(fs.readdirSync(outside), []);
});

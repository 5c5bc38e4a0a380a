/** Editor features through the real protocol: the built server over stdio, driven like an editor would. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../support/lspClient';

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface Location {
  uri: string;
  range: Range;
}

// The emoji in the comment is two UTF-16 code units: positions on that line must count them as two.
const WEB = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: nginx, ports: [{name: http, containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop} # \u{1F680} web
spec:
  type: LoadBalancer
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: http}]
`;

const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec:
  ingressClassName: webapprouting.kubernetes.azure.com
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 80
`;

let workspace: string;
let client: LspTestClient;
const uri = (name: string) => pathToFileURL(path.join(workspace, name)).href;
const request = <T>(method: string, params: unknown) => client.connection.sendRequest(method, params) as Promise<T>;
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));
const columnOf = (text: string, needle: string) => text.split('\n')[lineOf(text, needle)]!.indexOf(needle);

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-features-'));
  fs.writeFileSync(path.join(workspace, 'web.yaml'), WEB);
  fs.writeFileSync(path.join(workspace, 'ingress.yaml'), INGRESS);
  client = new LspTestClient();
  const result = (await client.initialize(pathToFileURL(workspace).href)) as { capabilities: Record<string, unknown> };
  for (const capability of ['hoverProvider', 'definitionProvider', 'referencesProvider', 'completionProvider', 'documentSymbolProvider', 'workspaceSymbolProvider', 'codeLensProvider']) {
    assert.ok(result.capabilities[capability], `${capability} is advertised`);
  }
  // The scan runs after `initialized`: wait until the workspace is indexed.
  const deadline = Date.now() + 10000;
  while ((await request<unknown[]>('workspace/symbol', { query: 'shop' })).length === 0) {
    if (Date.now() > deadline) throw new Error(`the workspace was never indexed; stderr: ${client.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
});

after(async () => {
  await client.shutdown();
  fs.rmSync(workspace, { recursive: true, force: true });
});

test('hover on a Service name (a closed file) explains and resolves it; columns are UTF-16', async () => {
  const line = lineOf(WEB, 'name: web, namespace: shop} #');
  const hover = await request<{ contents: { kind: string; value: string }; range: Range }>('textDocument/hover', {
    textDocument: { uri: uri('web.yaml') },
    position: { line, character: columnOf(WEB, 'name: web, namespace: shop} #') + 7 },
  });
  assert.equal(hover.contents.kind, 'markdown');
  assert.match(hover.contents.value, /\*\*Service `shop\/web`\*\* · LoadBalancer/);
  assert.match(hover.contents.value, /port 80\/TCP \(`http`\) → targetPort `http` → 8080 on 2 pods of Deployment `shop\/web` \(\[web\\\.yaml:3\]\(file:\/\/\/[^)]*web\.yaml#L3\)\)/);
  assert.deepEqual(hover.range, { start: { line, character: 17 }, end: { line, character: 20 } });
  // After the emoji: `web` in the comment is no YAML value, so no hover; the position is still read in UTF-16.
  const commentColumn = WEB.split('\n')[line]!.lastIndexOf('web');
  const none = await request<unknown>('textDocument/hover', { textDocument: { uri: uri('web.yaml') }, position: { line, character: commentColumn + 1 } });
  assert.equal(none, null);
});

test('definition from an Ingress backend to the Service, references back', async () => {
  const line = lineOf(INGRESS, 'name: web');
  const targets = await request<Location[]>('textDocument/definition', { textDocument: { uri: uri('ingress.yaml') }, position: { line, character: columnOf(INGRESS, 'name: web') + 7 } });
  assert.equal(targets.length, 1);
  assert.equal(targets[0]!.uri, uri('web.yaml'));
  const serviceLine = lineOf(WEB, '# \u{1F680}');
  assert.deepEqual(targets[0]!.range, { start: { line: serviceLine, character: 17 }, end: { line: serviceLine, character: 20 } });
  const refs = await request<Location[]>('textDocument/references', {
    textDocument: { uri: uri('web.yaml') },
    position: { line: serviceLine, character: 18 },
    context: { includeDeclaration: true },
  });
  assert.deepEqual(refs.map((r) => `${path.basename(r.uri)}:${r.range.start.line}`).sort(), [`ingress.yaml:${line}`, `web.yaml:${serviceLine}`]);
});

test('completion of Service names in an open document', async () => {
  const text = INGRESS.replace('name: web', 'name: ');
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('ingress.yaml'), languageId: 'yaml', version: 1, text } });
  const line = text.split('\n').findIndex((l) => l.trim() === 'name:');
  const list = await request<{ items: { label: string; textEdit: { range: Range; newText: string } }[] }>('textDocument/completion', {
    textDocument: { uri: uri('ingress.yaml') },
    position: { line, character: text.split('\n')[line]!.length },
  });
  assert.deepEqual(list.items.map((i) => i.label), ['web']);
  assert.equal(list.items[0]!.textEdit.newText, 'web');
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('ingress.yaml') } });
});

test('document symbols and workspace symbols', async () => {
  const symbols = await request<{ name: string; detail: string; selectionRange: Range }[]>('textDocument/documentSymbol', { textDocument: { uri: uri('web.yaml') } });
  assert.deepEqual(symbols.map((s) => `${s.name} (${s.detail})`), ['web (Deployment · shop)', 'web (Service · shop)']);
  const found = await request<{ name: string; containerName: string; location: Location }[]>('workspace/symbol', { query: 'sho' });
  // The name matches first; objects in namespace `shop` follow.
  assert.deepEqual(found.map((s) => `${s.name} ${s.containerName} ${path.basename(s.location.uri)}`), ['shop Ingress · shop ingress.yaml', 'web Deployment · shop web.yaml', 'web Service · shop web.yaml']);
  assert.deepEqual(found[0]!.location.range.start, { line: 2, character: 17 });
});

test('code lenses carry netlens.showLocations with {uri, position, locations}', async () => {
  const lenses = await request<{ range: Range; command: { title: string; command: string; arguments: { uri: string; position: unknown; locations: Location[] }[] } }[]>('textDocument/codeLens', {
    textDocument: { uri: uri('web.yaml') },
  });
  const titles = lenses.map((l) => l.command.title);
  assert.ok(titles.includes('selects 2 pods'), titles.join(' | '));
  assert.ok(titles.includes('public via LoadBalancer'), titles.join(' | '));
  const routed = lenses.find((l) => l.command.title === 'routed by Ingress shop/shop')!;
  assert.equal(routed.command.command, 'netlens.showLocations');
  const [argument] = routed.command.arguments;
  assert.equal(argument!.uri, uri('web.yaml'));
  assert.deepEqual(argument!.position, routed.range.start);
  assert.deepEqual(argument!.locations.map((l) => path.basename(l.uri)), ['ingress.yaml']);
});

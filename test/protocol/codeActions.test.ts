/**
 * Quick-fixes and generator commands through the real protocol: `textDocument/codeAction` on a published diagnostic
 * (the edit applied gives the expected whole text), and `workspace/executeCommand` for the generators, whose edits
 * arrive as `workspace/applyEdit` requests that this client answers like an editor.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspTestClient, type Diagnostic } from '../support/lspClient';

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface TextEdit {
  range: Range;
  newText: string;
}
interface WorkspaceEdit {
  changes?: Record<string, TextEdit[]>;
  documentChanges?: ({ kind: 'create'; uri: string } | { textDocument: { uri: string; version: number | null }; edits: TextEdit[] })[];
}
interface CodeAction {
  title: string;
  kind: string;
  isPreferred?: boolean;
  diagnostics?: Diagnostic[];
  edit?: WorkspaceEdit;
  command?: { command: string; arguments: unknown[] };
}

const APP = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: web, ports: [{name: http, containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop} # \u{1F680} storefront
spec:
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: http}]
`;

const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: shop
  annotations:
    nginx.ingress.kubernetes.io/proxy-body-size: 8m
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
                name: wbe # \u{1F680} typo
                port: {number: 80}
`;

let workspace: string;
let client: LspTestClient;
const applied: { label?: string; edit: WorkspaceEdit }[] = [];
const uri = (name: string) => pathToFileURL(path.join(workspace, name)).href;
const request = <T>(method: string, params: unknown) => client.connection.sendRequest(method, params) as Promise<T>;

/** Applies LSP text edits (UTF-16 positions) to a text. */
function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: Position) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)).reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-actions-'));
  fs.writeFileSync(path.join(workspace, 'app.yaml'), APP);
  fs.writeFileSync(path.join(workspace, 'ingress.yaml'), INGRESS);
  client = new LspTestClient();
  client.connection.onRequest('workspace/applyEdit', (params: { label?: string; edit: WorkspaceEdit }) => {
    applied.push(params);
    return { applied: true };
  });
  const result = (await client.initialize(pathToFileURL(workspace).href)) as { capabilities: Record<string, unknown> };
  assert.deepEqual(result.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'refactor.rewrite', 'source'], resolveProvider: false });
  assert.deepEqual(result.capabilities.executeCommandProvider, { commands: ['netlens.generateDefaultDeny', 'netlens.generatePolicies', 'netlens.migrateIngress', 'netlens.admitIngressController'] });
  await client.waitFor(() => (client.diagnostics.get(uri('ingress.yaml')) ?? []).some((d) => d.code === 'ingress-backend-missing'), 'the ingress-backend-missing diagnostic');
});

after(async () => {
  await client.shutdown();
  fs.rmSync(workspace, { recursive: true, force: true });
});

test('a quick-fix for a published diagnostic: matched by code and data, preferred, and its edit gives the fixed text', async () => {
  const diagnostic = client.diagnostics.get(uri('ingress.yaml'))!.find((d) => d.code === 'ingress-backend-missing')!;
  // UTF-16: the emoji after the name does not move the name's columns, but the data is what the fix matches on.
  assert.deepEqual(diagnostic.data, { ruleId: 'ingress-backend-missing', service: 'wbe', candidates: ['web'] });
  const actions = await request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri: uri('ingress.yaml') },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], only: ['quickfix'] },
  });
  assert.deepEqual(actions.map((a) => [a.title, a.kind, !!a.isPreferred]), [
    ["Change Service to 'web'", 'quickfix', true],
    ['Ignore ingress-backend-missing for this object', 'quickfix', false],
    ['Ignore ingress-backend-missing on this line', 'quickfix', false],
  ]);
  const edit = actions[0]!.edit!;
  assert.deepEqual(Object.keys(edit.changes!), [uri('ingress.yaml')]);
  assert.equal(applyTextEdits(INGRESS, edit.changes![uri('ingress.yaml')]!), INGRESS.replace('name: wbe #', 'name: web #'));
});

test('the ingress-nginx retirement notice offers the migration as its quick-fix', async () => {
  const diagnostic = client.diagnostics.get(uri('ingress.yaml'))!.find((d) => d.code === 'ingress-nginx-retirement')!;
  assert.ok(diagnostic, 'the retirement notice is published');
  const actions = await request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri: uri('ingress.yaml') },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], only: ['quickfix'] },
  });
  assert.deepEqual(actions.map((a) => [a.title, a.kind, a.diagnostics?.map((d) => d.code)]), [
    ["Migrate Ingress 'shop' to Gateway API (approuting-istio) — not translated: proxy-body-size", 'quickfix', ['ingress-nginx-retirement']],
    ['Ignore ingress-nginx-retirement for this object', 'quickfix', ['ingress-nginx-retirement']],
    ['Ignore ingress-nginx-retirement on this line', 'quickfix', ['ingress-nginx-retirement']],
  ]);
});

test('refactor and source actions at the cursor: migrate this Ingress (title lists what is not translated), generators as commands', async () => {
  const actions = await request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri: uri('ingress.yaml') },
    range: { start: { line: 3, character: 8 }, end: { line: 3, character: 8 } },
    context: { diagnostics: [] },
  });
  assert.deepEqual(actions.map((a) => [a.title, a.kind]), [
    ["Migrate Ingress 'shop' to Gateway API (approuting-istio) — not translated: proxy-body-size", 'refactor.rewrite'],
    ["Add default-deny NetworkPolicies (DNS allowed) for namespace 'shop'", 'source'],
    ["Generate least-privilege NetworkPolicies for namespace 'shop'", 'source'],
  ]);
  const created = actions[0]!.edit!.documentChanges!;
  assert.deepEqual(created[0], { kind: 'create', uri: uri('shop-gateway-api.yaml'), options: { ignoreIfExists: true } });
  assert.match((created[1] as { edits: TextEdit[] }).edits[0]!.newText, /^# Migrated by Kube Netlens from Ingress shop\/shop/);
  assert.deepEqual(actions[1]!.command, { title: 'Add default deny', command: 'netlens.generateDefaultDeny', arguments: [{ namespace: 'shop', uri: uri('ingress.yaml') }] });
});

test('workspace/executeCommand netlens.generateDefaultDeny applies a new file through workspace/applyEdit', async () => {
  applied.length = 0;
  const result = await request<{ applied: boolean; files: string[]; policies: string[] }>('workspace/executeCommand', { command: 'netlens.generateDefaultDeny', arguments: [{ namespace: 'shop' }] });
  assert.equal(result.applied, true);
  assert.deepEqual(result.files, [uri('shop-default-deny.yaml')]);
  assert.deepEqual(result.policies, ['default-deny', 'allow-dns']);
  assert.equal(applied.length, 1);
  assert.equal(applied[0]!.label, 'Default deny for namespace shop');
  const changes = applied[0]!.edit.documentChanges!;
  assert.deepEqual(changes[0], { kind: 'create', uri: uri('shop-default-deny.yaml'), options: { ignoreIfExists: true } });
  const text = (changes[1] as { edits: TextEdit[] }).edits[0]!.newText;
  assert.match(text, /^# Generated by Kube Netlens: review before applying\.\n/);
  assert.match(text, /kind: NetworkPolicy\nmetadata:\n  name: default-deny\n  namespace: shop\nspec:\n  podSelector: \{\}\n  policyTypes:\n    - Ingress\n    - Egress\n/);
});

test('netlens.generatePolicies with apply: false returns the edges with evidence and the edit, and applies nothing', async () => {
  applied.length = 0;
  const result = await request<{ applied: boolean; edges: { text: string; evidence: { text: string; location: { uri: string; range: Range } }[] }[]; edit: WorkspaceEdit; notes: { message: string }[] }>(
    'workspace/executeCommand',
    { command: 'netlens.generatePolicies', arguments: [{ namespace: 'shop', apply: false }] },
  );
  assert.equal(result.applied, false);
  assert.equal(applied.length, 0);
  assert.deepEqual(result.edges, []);
  assert.deepEqual(result.notes, [
    // The Ingress names a Service that does not exist, so web has no evidenced client: no namespace default deny.
    { severity: 'warning', message: "namespace shop: no default deny written: Deployment shop/web is exposed by Service web but no client of it is evidenced: reference the Service from its clients' env, ConfigMap or args, or declare them with the netlens.io/allow-from annotation (or pass --force)" },
    { severity: 'warning', message: 'Ingress shop/shop shop.example.com / (Prefix) -> Service wbe:80: no such Service in the workspace, no edge', location: { uri: uri('ingress.yaml'), range: { start: { line: 17, character: 22 }, end: { line: 17, character: 25 } } } },
  ]);
  assert.equal(result.edit.documentChanges!.length, 2);
});

test('netlens.migrateIngress returns what was and was not translated, and applies the files', async () => {
  applied.length = 0;
  const result = await request<{ applied: boolean; gatewayClass: string; untranslated: { annotation: string }[]; files: string[] }>('workspace/executeCommand', {
    command: 'netlens.migrateIngress',
    arguments: [{ ingress: 'shop/shop', gatewayClass: 'istio' }],
  });
  assert.equal(result.applied, true);
  assert.equal(result.gatewayClass, 'istio');
  assert.deepEqual(result.untranslated.map((u) => u.annotation), ['nginx.ingress.kubernetes.io/proxy-body-size']);
  assert.deepEqual(result.files, [uri('shop-gateway-api.yaml')]);
  assert.equal(applied.length, 1);
  const bad = await request<{ error: string }>('workspace/executeCommand', { command: 'netlens.migrateIngress', arguments: [{ ingress: 'shop/nope' }] });
  assert.match(bad.error, /found no Ingress/);
});

test('every finding can be silenced for its object (the annotation, merged) or its line (a comment at its indentation)', async () => {
  const diagnostic = client.diagnostics.get(uri('ingress.yaml'))!.find((d) => d.code === 'ingress-backend-missing')!;
  const actions = await request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri: uri('ingress.yaml') },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], only: ['quickfix'] },
  });
  const edited = (title: string) => applyTextEdits(INGRESS, actions.find((a) => a.title === title)!.edit!.changes![uri('ingress.yaml')]!);
  assert.equal(
    edited('Ignore ingress-backend-missing for this object'),
    INGRESS.replace('    nginx.ingress.kubernetes.io/proxy-body-size: 8m\n', '    nginx.ingress.kubernetes.io/proxy-body-size: 8m\n    netlens.io/ignore: ingress-backend-missing\n'),
  );
  assert.equal(edited('Ignore ingress-backend-missing on this line'), INGRESS.replace('                name: wbe #', '                # netlens-ignore ingress-backend-missing\n                name: wbe #'));
});

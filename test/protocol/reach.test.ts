/**
 * The cases of issue 15 through the language server (the built server over stdio): netlens/explain, diagnostics,
 * hovers, code lenses and netlens/graph give one answer, under the folder's cluster profile (.netlens.yaml). The same
 * cases through the CLI are in test/reach/issueCases.test.ts.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspTestClient, REPO_ROOT } from '../support/lspClient';

interface Explanation {
  allowed: boolean;
  verdict?: string;
  lines: string[];
  error?: string;
}

interface Workspace {
  root: string;
  client: LspTestClient;
  uri(name: string): string;
  request<T>(method: string, params: unknown): Promise<T>;
}

async function open(files: Record<string, string>): Promise<Workspace> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-reach-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  const client = new LspTestClient();
  await client.initialize(pathToFileURL(root).href);
  await client.settle();
  return {
    root,
    client,
    uri: (name) => pathToFileURL(path.join(root, name)).href,
    request: <T>(method: string, params: unknown) => client.connection.sendRequest(method, params) as Promise<T>,
  };
}

async function close(workspace: Workspace): Promise<void> {
  await workspace.client.shutdown();
  fs.rmSync(workspace.root, { recursive: true, force: true });
}

function examples(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const dir of ['shop', 'platform']) {
    for (const name of fs.readdirSync(path.join(REPO_ROOT, 'examples', dir))) out[`${dir}/${name}`] = fs.readFileSync(path.join(REPO_ROOT, 'examples', dir, name), 'utf8');
  }
  return out;
}

let shop: Workspace;
let calico: Workspace;

before(async () => {
  shop = await open(examples());
  const fixture = path.join(REPO_ROOT, 'test', 'reach', 'fixtures', 'calico-ipblock');
  calico = await open({ 'app.yaml': fs.readFileSync(path.join(fixture, 'app.yaml'), 'utf8'), '.netlens.yaml': fs.readFileSync(path.join(fixture, 'calico.netlens.yaml'), 'utf8') });
});

after(async () => {
  await close(shop);
  await close(calico);
});

test('the application routing NGINX: netlens/explain ALLOWED and no diagnostic on the Ingress', async () => {
  const answer = await shop.request<Explanation>('netlens/explain', { source: '{ingress-controller}', destination: 'shop/storefront', port: 8080 });
  assert.equal(answer.verdict, 'allowed', answer.lines.join('\n'));
  assert.match(answer.lines[0]!, /^the application routing NGINX controller \(app-routing-system\) → Deployment shop\/storefront on TCP 8080: ALLOWED$/);
  const ingress = shop.client.diagnostics.get(shop.uri('shop/ingress.yaml')) ?? [];
  assert.ok(!ingress.some((d) => d.code === 'netpol-blocks-ingress-controller'), JSON.stringify(ingress));
});

test('Redis on a public load balancer: the diagnostic, explain, the graph edge, the hover and the code lens give the same answer', async () => {
  const diagnostic = (shop.client.diagnostics.get(shop.uri('shop/cache.yaml')) ?? []).find((d) => d.code === 'service-sensitive-port-public');
  // The point is the message; the per-engine verdict follows as related information (plain-text surfaces, issue 19).
  const said = [diagnostic?.message ?? '', ...((diagnostic as { relatedInformation?: { message: string }[] } | undefined)?.relatedInformation ?? []).map((r) => r.message)].join('\n');
  assert.ok(said.includes('under Azure NPM or Calico: admitted; under Cilium: not settled'), said);
  const answer = await shop.request<Explanation>('netlens/explain', { source: 'lb:shop/cache', destination: 'shop/cache', port: 6379 });
  assert.equal(answer.verdict, 'unknown', answer.lines.join('\n'));
  const graph = await shop.request<{ edges: { kind: string; source: string; target: string; status?: string; label: string; what?: string }[]; stats: Record<string, number> }>('netlens/graph', {});
  const edge = graph.edges.find((e) => e.kind === 'exposure' && e.source === 'lb:shop/cache' && e.target === 'shop/cache[StatefulSet]');
  assert.equal(edge?.status, 'unknown', JSON.stringify(edge));
  assert.ok(edge?.label.endsWith('(may be blocked)'), edge?.label);
  const text = fs.readFileSync(path.join(shop.root, 'shop', 'cache.yaml'), 'utf8');
  const line = text.split('\n').findIndex((l) => l.startsWith('  name: cache'));
  const hover = await shop.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: shop.uri('shop/cache.yaml') }, position: { line, character: 9 } });
  assert.ok(hover.contents.value.includes('may be blocked'), hover.contents.value);
  const lenses = await shop.request<{ command: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri: shop.uri('shop/cache.yaml') } });
  assert.ok(lenses.some((l) => l.command.title === 'public via LoadBalancer (may be blocked)'), JSON.stringify(lenses.map((l) => l.command.title)));
});

test('the graph counts the blocked DNS and external egress the diagnostics report', async () => {
  const graph = await shop.request<{ edges: { kind: string; source: string; target: string; status?: string; what?: string }[]; stats: Record<string, number> }>('netlens/graph', {});
  const denied = graph.edges.filter((e) => e.kind === 'dependency' && e.status === 'denied');
  assert.ok(denied.some((e) => e.what === 'dns' && e.source === 'shop/storefront[Deployment]'), JSON.stringify(denied));
  assert.ok(denied.some((e) => e.what === 'external' && e.target === 'host:payments.example.com'), JSON.stringify(denied));
  assert.equal(graph.stats['deniedDependencies'], denied.length);
  assert.ok(denied.length >= 6, `${denied.length} denied`);
  const storefront = await shop.request<Explanation>('netlens/explain', { source: 'shop/storefront', destination: 'shop/orders', port: 8080 });
  assert.equal(storefront.verdict, 'allowed');
  assert.ok(storefront.lines.some((l) => l.startsWith('note: Deployment shop/storefront cannot look names up')), storefront.lines.join('\n'));
});

test('Calico and an ipBlock over the pod CIDR (.netlens.yaml): explain ALLOWED, ipblock-covers-pods, no dependency warning', async () => {
  const answer = await calico.request<Explanation>('netlens/explain', { source: 'shop/api', destination: 'shop/db', port: 5432 });
  assert.equal(answer.verdict, 'allowed', answer.lines.join('\n'));
  const codes = (calico.client.diagnostics.get(calico.uri('app.yaml')) ?? []).map((d) => d.code);
  assert.deepEqual(codes, ['ipblock-covers-pods']);
});

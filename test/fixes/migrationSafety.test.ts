/**
 * Migration safety (issue 16): gRPC backends (ingress-nginx `backend-protocol: GRPC`/`GRPCS`) become GRPCRoutes; an
 * Ingress whose security annotations cannot be translated is not migrated without `force`, and the reason is in the
 * result (and so in the CLI's output and the editor) and, when forced, in the written file; migrating again reuses
 * the Gateway the first migration made and writes no second route for the same Ingress. Every output is read back
 * with the manifests, and our own rules must find nothing new in it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { migrateIngress, MIGRATED_FROM_ANNOTATION } from '../../server/src/engine/fixes/index';
import type { Ingress } from '../../server/src/engine/model/resources';
import { apply, fixtureWorkspace, workspaceOf } from './support';

const APP = `# file: app.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers: [{name: api, image: api, ports: [{name: grpc, containerPort: 50051}]}]
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec:
  selector: {app: api}
  ports: [{name: grpc, port: 50051, targetPort: grpc}]
`;

function ingress(annotations: Record<string, string>, paths = '[{path: /, pathType: Prefix, backend: {service: {name: api, port: {number: 50051}}}}]'): string {
  const lines = Object.entries(annotations).map(([k, v]) => `    ${k}: ${JSON.stringify(v)}`);
  return `# file: ingress.yaml
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: api
  namespace: shop
${lines.length ? `  annotations:\n${lines.join('\n')}\n` : ''}spec:
  ingressClassName: nginx
  rules: [{host: api.example.com, http: {paths: ${paths}}}]
`;
}

function run(files: string, options: Parameters<typeof migrateIngress>[2] = {}) {
  const ws = fixtureWorkspace(`${APP}${files}`);
  const found = ws.analysis.index.ofKind('Ingress')[0] as Ingress;
  return { ws, result: migrateIngress(ws.ctx, found, options) };
}

test('backend-protocol GRPC: a GRPCRoute, paths as gRPC service and method matches', () => {
  const { ws, result } = run(ingress({ 'nginx.ingress.kubernetes.io/backend-protocol': 'GRPC' }, '[{path: /shop.Catalog, pathType: Prefix, backend: {service: {name: api, port: {number: 50051}}}}, {path: /shop.Cart/Add, pathType: Exact, backend: {service: {name: api, port: {number: 50051}}}}]'));
  const text = result.change.newFiles[0]!.text;
  assert.match(text, /kind: GRPCRoute/);
  assert.doesNotMatch(text, /kind: HTTPRoute/);
  assert.ok(text.includes('        - method:\n            type: Exact\n            service: shop.Catalog\n'), text);
  assert.ok(text.includes('        - method:\n            type: Exact\n            service: shop.Cart\n            method: Add\n'), text);
  assert.ok(result.annotations.some((a) => a.annotation.endsWith('backend-protocol') && a.translated && a.detail.startsWith('GRPCRoute')));
  const after = workspaceOf(apply(ws, result.change));
  after.analysis.refresh();
  assert.deepEqual(after.analysis.allFindings().filter((f) => f.file === result.change.newFiles[0]!.file && f.severity === 'error').map((f) => f.message), []);
});

test('backend-protocol GRPCS: a GRPCRoute, and a warning that TLS to the pods needs a BackendTLSPolicy', () => {
  const { result } = run(ingress({ 'nginx.ingress.kubernetes.io/backend-protocol': 'GRPCS' }));
  assert.match(result.change.newFiles[0]!.text, /kind: GRPCRoute/);
  assert.ok(result.warnings.some((w) => w.includes('BackendTLSPolicy')), result.warnings.join('\n'));
});

test('security annotations that cannot be translated: not migrated without force, the reason says which and what to do', () => {
  for (const annotation of ['auth-url', 'auth-tls-secret', 'whitelist-source-range', 'limit-rps', 'enable-modsecurity']) {
    const { result } = run(ingress({ [`nginx.ingress.kubernetes.io/${annotation}`]: 'x' }));
    assert.deepEqual(result.change.newFiles, [], annotation);
    assert.equal(result.refused.length, 1, annotation);
    assert.match(result.errors.join('\n'), new RegExp(`Ingress shop/api is not migrated: its security annotations \\(nginx\\.ingress\\.kubernetes\\.io/${annotation}\\).*--force`));
  }
  const forced = run(ingress({ 'nginx.ingress.kubernetes.io/auth-url': 'https://auth.example.com/check' }), { force: true });
  assert.deepEqual(forced.result.refused, []);
  const text = forced.result.change.newFiles[0]!.text;
  assert.ok(text.includes('# SECURITY NOT CARRIED OVER (migrated with --force)'), text);
  assert.ok(text.includes('#   shop/api nginx.ingress.kubernetes.io/auth-url\n'), text);
});

test('migrating again reuses the Gateway it made and writes no second route for the same Ingress', () => {
  const { ws, result } = run(ingress({}));
  const first = result.change.newFiles[0]!.text;
  assert.ok(first.includes(`    ${MIGRATED_FROM_ANNOTATION}: shop/api\n`), first);
  // The first output saved beside the manifests: the same Ingress again gives nothing new and says why.
  const saved = workspaceOf(apply(ws, result.change));
  const again = migrateIngress(saved.ctx, saved.analysis.index.ofKind('Ingress')[0] as Ingress);
  assert.deepEqual(again.change.newFiles, []);
  assert.match(again.warnings.join('\n'), /Ingress shop\/api was migrated already \(HTTPRoute api\)/);
  // A second Ingress of the namespace and class: routes only, attached to the existing Gateway.
  const ws2 = workspaceOf(
    new Map([
      ...saved.texts,
      [
        'other.yaml',
        `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: other, namespace: shop}
spec:
  ingressClassName: nginx
  rules: [{host: other.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: api, port: {number: 50051}}}}]}}]
`,
      ],
    ]),
  );
  const other = ws2.analysis.index.ofKind('Ingress').find((i) => i.name === 'other') as Ingress;
  const third = migrateIngress(ws2.ctx, other);
  assert.deepEqual(third.reusedGateways, ['shop/api']);
  const text = third.change.newFiles[0]!.text;
  assert.doesNotMatch(text, /kind: Gateway\n/);
  assert.ok(text.includes('  parentRefs:\n    - name: api\n'), text);
});

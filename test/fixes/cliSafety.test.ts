/**
 * The CLI says up front when generated output is incomplete or refused (issue 16): generate-policies withholds a
 * namespace's default deny when an exposed workload has no evidenced client (stderr first, exit 1; --force writes
 * it), and migrate-ingress does not migrate an Ingress whose security annotations would be dropped (exit 1; --force).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { runNetlens } from '../support/cli';

let dir: string;

const APP = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: web, ports: [{containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
`;

const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: shop
  annotations:
    nginx.ingress.kubernetes.io/auth-url: https://auth.example.com/check
spec:
  ingressClassName: nginx
  rules: [{host: shop.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}]
`;

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-safety-cli-'));
  fs.writeFileSync(path.join(dir, 'app.yaml'), APP);
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('generate-policies: no default deny for a Service without evidenced clients; exit 1 and stderr say so first; --force writes it', () => {
  const run = runNetlens(['generate-policies', 'app.yaml'], { cwd: dir });
  assert.equal(run.status, 1, run.stderr);
  assert.equal(run.stderr.split('\n')[0], 'netlens generate-policies: namespace shop: no default deny written (1 reason in the notes; --force writes it anyway)');
  assert.match(run.stdout, /warning: namespace shop: no default deny written: Deployment shop\/web is exposed by Service web but no client of it is evidenced/);
  assert.doesNotMatch(run.stdout, /name: default-deny\n/);
  const forced = runNetlens(['generate-policies', 'app.yaml', '--force'], { cwd: dir });
  assert.equal(forced.status, 0, forced.stderr);
  assert.match(forced.stdout, /name: default-deny\n/);
  const json = JSON.parse(runNetlens(['generate-policies', 'app.yaml', '--format', 'json'], { cwd: dir }).stdout) as { notes: { message: string }[] };
  assert.match(json.notes[0]!.message, /^namespace shop: no default deny written/);
});

test('migrate-ingress: an Ingress with auth-url is not migrated (exit 1, the reason first on stderr); --force migrates and says what is lost', () => {
  fs.writeFileSync(path.join(dir, 'ingress.yaml'), INGRESS);
  try {
    const run = runNetlens(['migrate-ingress', 'app.yaml', 'ingress.yaml'], { cwd: dir });
    assert.equal(run.status, 1, run.stderr);
    assert.equal(run.stdout, '');
    assert.match(run.stderr.split('\n')[0]!, /^netlens migrate-ingress: Ingress shop\/web is not migrated: its security annotations \(nginx\.ingress\.kubernetes\.io\/auth-url\)/);
    const forced = runNetlens(['migrate-ingress', 'app.yaml', 'ingress.yaml', '--force'], { cwd: dir });
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(forced.stdout, /# SECURITY NOT CARRIED OVER \(migrated with --force\)/);
  } finally {
    fs.rmSync(path.join(dir, 'ingress.yaml'));
  }
});

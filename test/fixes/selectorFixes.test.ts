/** service-selects-nothing: the selector changed to the closest workload's pod labels ("use app=orders"). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apply, assertFixed, findingOf, fixesOf, fixtureWorkspace } from './support';

const DEPLOYMENT = (name: string, labels: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: shop}
spec:
  selector: {matchLabels: ${labels}}
  template:
    metadata: {labels: ${labels}}
    spec:
      containers: [{name: app, image: app, ports: [{containerPort: 8080}]}]
`;

test('a misspelt label value becomes the closest workload\'s, preferred; the finding is gone and nothing new', () => {
  const service = `apiVersion: v1
kind: Service
metadata:
  name: orders
  namespace: shop
spec:
  selector:
    app: order
    tier: backend
  ports:
    - port: 80
      targetPort: 8080
`;
  const ws = fixtureWorkspace(`# file: apps.yaml\n${DEPLOYMENT('orders', '{app: orders, tier: backend}')}---\n${DEPLOYMENT('cache', '{app: cache}')}# file: svc.yaml\n${service}`);
  const finding = findingOf(ws, 'service-selects-nothing');
  const [fix, ...others] = fixesOf(ws, finding);
  assert.deepEqual(others, []);
  assert.equal(fix!.title, "Use app=orders,tier=backend, the pod labels of Deployment 'orders'");
  assert.equal(fix!.isPreferred, true);
  assert.equal(!!fix!.safe, false, 'changes where traffic goes: never applied unattended');
  const after = apply(ws, fix!.change);
  assert.equal(after.get('svc.yaml'), service.replace('app: order\n', 'app: orders\n'));
  assertFixed(ws, after, finding);
});

test('a key the workload does not have is removed (flow style); the title says when more than that workload is selected', () => {
  const service = `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web, version: v2}
  ports: [{port: 80, targetPort: 8080}]
`;
  const ws = fixtureWorkspace(`# file: apps.yaml\n${DEPLOYMENT('web', '{app: web}')}---\n${DEPLOYMENT('web-canary', '{app: web, track: canary}')}# file: svc.yaml\n${service}`);
  const finding = findingOf(ws, 'service-selects-nothing');
  const fixes = fixesOf(ws, finding);
  assert.deepEqual(fixes.map((f) => [f.title, !!f.isPreferred]), [["Use app=web, the pod labels of Deployment 'web'; it selects 2 workloads", false]]);
  const after = apply(ws, fixes[0]!.change);
  assert.equal(after.get('svc.yaml'), service.replace('{app: web, version: v2}', '{app: web}'));
  assertFixed(ws, after, finding);
});

test('no workload shares a label key: no fix', () => {
  const ws = fixtureWorkspace(`# file: apps.yaml\n${DEPLOYMENT('web', '{app: web}')}# file: svc.yaml\napiVersion: v1\nkind: Service\nmetadata: {name: db, namespace: shop}\nspec:\n  selector: {role: db}\n  ports: [{port: 5432}]\n`);
  assert.deepEqual(fixesOf(ws, findingOf(ws, 'service-selects-nothing')), []);
});

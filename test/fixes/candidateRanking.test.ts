/**
 * How Service candidates are ranked for a name that does not exist: names within the did-you-mean distance first,
 * then the Services that have the port the reference needs, then by edit distance; never alphabetically first.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rankCandidates } from '../../server/src/engine/fixes/fixSupport';
import { findingOf, fixesOf, fixtureWorkspace } from './support';

const SERVICES = ['redis:6379', 'accounts:80', 'ledger:80', 'admin:8443', 'cache:6379']
  .map((entry) => {
    const [name, port] = entry.split(':');
    return `---\napiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: bank}\nspec:\n  selector: {app: ${name}}\n  ports: [{name: http, port: ${port}}]\n`;
  })
  .join('');

test('unit: close names first, then those that fit, then by distance and shared prefix; obvious and only follow fit', () => {
  const fitsPort80 = (name: string) => ['accounts', 'ledger', 'web'].includes(name);
  assert.deepEqual(rankCandidates('acount', ['redis', 'cache', 'accounts', 'ledger', 'admin'], 5, undefined, fitsPort80).names, ['accounts', 'ledger', 'admin', 'cache', 'redis']);
  // Nothing close: the Services with the port lead, whatever the alphabet says.
  assert.deepEqual(rankCandidates('payments', ['cache', 'redis', 'web', 'ledger'], 4, undefined, fitsPort80).names.slice(0, 2), ['ledger', 'web']);
  // Two equally close names: the one with the port is the obvious one, and the only fitting close one is safe.
  const tie = rankCandidates('ordrs', ['orders', 'ordes'], 3, undefined, (name) => name === 'ordes');
  assert.deepEqual(tie.names, ['ordes', 'orders']);
  assert.equal(tie.obvious, 'ordes');
  assert.equal(rankCandidates('ordrs', ['orders'], 3, undefined, () => false).only, undefined, 'a close name without the port is never applied unattended');
  assert.equal(rankCandidates('ordrs', ['orders'], 3).only, 'orders');
});

test('ingress-backend-missing: for Service acount on port 80, accounts and the other port-80 Services come before Redis', () => {
  const ws = fixtureWorkspace(`# file: bank.yaml
${SERVICES}---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: bank, namespace: bank}
spec:
  rules:
    - http:
        paths:
          - {path: /, pathType: Prefix, backend: {service: {name: acount, port: {number: 80}}}}
`);
  const titles = fixesOf(ws, findingOf(ws, 'ingress-backend-missing')).map((f) => f.title);
  assert.deepEqual(titles, ['Change Service to `accounts`', 'Change Service to `ledger`', 'Change Service to `admin`']);
});

test('reference-service-missing: the port written after the name ranks the candidates', () => {
  const ws = fixtureWorkspace(`# file: bank.yaml
${SERVICES}---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: bank}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: web
          env: [{name: STORE_ADDR, value: "stor:6379"}]
`);
  const titles = fixesOf(ws, findingOf(ws, 'reference-service-missing')).map((f) => f.title);
  // No name is within the did-you-mean distance of `stor`: the two Services on 6379 first.
  assert.deepEqual(titles.slice(0, 2), ['Change `stor` to Service `cache`', 'Change `stor` to Service `redis`']);
});

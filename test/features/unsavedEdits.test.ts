/** The unsaved-edit lenses of policy files (issue 21): per changed policy, the connectivity diff against the saved text. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentTrees } from '../../server/src/engine/features/cursor';
import { unsavedEditLenses } from '../../server/src/engine/features/unsavedEdits';
import { analysisOf } from '../support/workspace';

const APPS = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c, image: x}]}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  template: {metadata: {labels: {app: api}}, spec: {containers: [{name: c, image: x}]}}
`;

const policy = (name: string, app: string, ports: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ${name}, namespace: shop}
spec:
  podSelector: {matchLabels: {app: ${app}}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: web}}}]
    ports: [${ports}]
`;

function lensesFor(saved: string, edited: string) {
  const analysis = analysisOf([
    ['/w/apps.yaml', APPS],
    ['/w/policy.yaml', edited],
  ]);
  return unsavedEditLenses({ analysis, trees: new DocumentTrees() }, '/w/policy.yaml', saved);
}

test('a changed policy: opens and closes, with the pairs', () => {
  const lenses = lensesFor(policy('api', 'api', '{port: 80}'), policy('api', 'api', '{port: 80}, {port: 443}'));
  assert.equal(lenses.length, 1);
  assert.equal(lenses[0]!.title, 'unsaved edit: opens 1 connection');
  assert.deepEqual(lenses[0]!.changes, ['changed: shop/web[Deployment] → shop/api[Deployment]: TCP 80 → TCP 80,443']);
});

test('only the changed policy of a file gets a lens, at its first line', () => {
  const saved = `${policy('api', 'api', '{port: 80}')}---\n${policy('web', 'web', '{port: 80}')}`;
  const edited = `${policy('api', 'api', '{port: 80}')}---\n${policy('web', 'web', '{port: 81}')}`;
  const lenses = lensesFor(saved, edited);
  assert.equal(lenses.length, 1);
  assert.equal(lenses[0]!.span.start, edited.indexOf('apiVersion', 10));
  // web → web is a workload to itself (not listed): the edit changes no listed pair.
  assert.equal(lenses[0]!.title, 'unsaved edit: no change in connectivity');
});

test('a new policy that isolates: it closes connections', () => {
  const lenses = lensesFor('', policy('api', 'api', '{port: 80}'));
  assert.equal(lenses.length, 1);
  assert.equal(lenses[0]!.title, 'unsaved edit: closes 2 connections');
  assert.deepEqual(lenses[0]!.changes, [
    'changed: shop/web[Deployment] → shop/api[Deployment]: All Connections → TCP 80',
    'removed: 0.0.0.0-255.255.255.255[External] → shop/api[Deployment]: All Connections → No Connections',
  ]);
});

test('no change, or no policy in the file: no lens', () => {
  assert.deepEqual(lensesFor(policy('api', 'api', '{port: 80}'), policy('api', 'api', '{port: 80}')), []);
});

/**
 * The read keys (model/readKeys.ts): the forms the constructors build, that keys of different things never coincide,
 * and that what an added or removed object changes touches every read that can see it and none that cannot.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ALL_NAMESPACE_OBJECTS,
  ALL_WORKLOADS,
  changeKeysFrom,
  changeKeysOf,
  clusterObjects,
  copyKey,
  everyNamespaceKeysOf,
  EVERYTHING,
  fileKey,
  NAMESPACE_SET,
  namespaceObjects,
  objectsAnywhere,
  objectsIn,
  touches,
  workloadsIn,
  type ReadKey,
} from '../../server/src/engine/model/readKeys';
import { loadFixture } from '../support/fixture';

test('each constructor builds the documented form', () => {
  const forms: [ReadKey, string][] = [
    [objectsIn('Service', 'shop'), 'Service|shop'],
    [clusterObjects('Namespace'), 'Namespace|'],
    [objectsAnywhere('NetworkPolicy'), 'NetworkPolicy|*'],
    [workloadsIn('shop'), 'workload|shop'],
    [ALL_WORKLOADS, 'workload|*'],
    [fileKey('k8s/web.yaml'), 'file|k8s/web.yaml'],
    [copyKey({ kind: 'Deployment', namespace: 'shop', name: 'web' }), 'copy|Deployment/shop/web'],
    [namespaceObjects('shop'), 'ns|shop'],
    [ALL_NAMESPACE_OBJECTS, 'ns|*'],
    [NAMESPACE_SET, 'namespaces|'],
    [EVERYTHING, '*'],
  ];
  for (const [key, form] of forms) assert.equal(key, form);
});

test('keys of different things differ', () => {
  const keys = [
    objectsIn('Service', 'shop'),
    objectsIn('Service', ''),
    clusterObjects('Namespace'),
    objectsAnywhere('Service'),
    workloadsIn('shop'),
    fileKey('shop'),
    copyKey({ kind: 'Service', namespace: 'shop', name: 'web' }),
    namespaceObjects('shop'),
    NAMESPACE_SET,
    EVERYTHING,
  ];
  assert.equal(new Set(keys).size, keys.length);
});

test("an object's change keys touch the reads that see it, and no read of another namespace, kind or file", () => {
  const { analysis } = loadFixture(`
# file: shop.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx
`);
  const [deployment] = analysis.index.resourcesOf('shop.yaml');
  assert.ok(deployment);
  const changes = changeKeysFrom(new Set(changeKeysOf(deployment)));
  const seen = [
    objectsIn('Deployment', 'shop'),
    objectsAnywhere('Deployment'),
    workloadsIn('shop'),
    ALL_WORKLOADS,
    fileKey('shop.yaml'),
    copyKey(deployment),
    namespaceObjects('shop'),
    ALL_NAMESPACE_OBJECTS,
    EVERYTHING,
  ];
  for (const read of seen) assert.equal(touches([read], changes), true, read);
  const unseen = [objectsIn('Deployment', 'bank'), objectsIn('Service', 'shop'), objectsAnywhere('Service'), workloadsIn('bank'), fileKey('bank.yaml'), namespaceObjects('bank'), clusterObjects('Namespace'), NAMESPACE_SET];
  for (const read of unseen) assert.equal(touches([read], changes), false, read);
  // The every-namespace keys are exactly the `kind|*` reads the object's change touches.
  for (const key of everyNamespaceKeysOf(deployment)) assert.equal(touches([key], changes), true, key);
  assert.deepEqual([...everyNamespaceKeysOf(deployment)].sort(), [objectsAnywhere('Deployment'), ALL_WORKLOADS, ALL_NAMESPACE_OBJECTS].sort());
});

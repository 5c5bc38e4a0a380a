/**
 * The two halves of "which findings does a change make stale": the inverted index from read keys to files
 * (model/readersByKey.ts, ReadersByKey, per file) and the per-check test (model/readKeys.ts, touches). Both must agree
 * on the key forms: an exact key, `kind|*` (every namespace of a kind) and `*` (everything). The incremental tests
 * check the whole against fresh analyses; these pin the rules down one by one.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ReadLists } from '../../server/src/engine/checkResults';
import { ReadersByKey } from '../../server/src/engine/model/readersByKey';
import { changeKeysFrom, clusterObjects, EVERYTHING, fileKey, NAMESPACE_SET, objectsAnywhere, objectsIn, touches, workloadsIn, type ReadKey } from '../../server/src/engine/model/readKeys';

const SERVICES_SHOP = objectsIn('Service', 'shop');
const SERVICES_BANK = objectsIn('Service', 'bank');
const WORKLOADS_SHOP = workloadsIn('shop');
const NAMESPACES = clusterObjects('Namespace');
const POLICIES_BANK = objectsIn('NetworkPolicy', 'bank');
const FILE_A = fileKey('a.yaml');
const FILE_D = fileKey('d.yaml');
const INGRESSES_SHOP = objectsIn('Ingress', 'shop');

const changes = (...keys: ReadKey[]) => changeKeysFrom(new Set(keys));

test('a read is touched by the same key, by any change of its kind when it reads every namespace, and `*` by anything', () => {
  assert.equal(touches([SERVICES_SHOP], changes(SERVICES_SHOP)), true);
  assert.equal(touches([SERVICES_SHOP], changes(SERVICES_BANK)), false);
  assert.equal(touches([objectsAnywhere('Service')], changes(SERVICES_BANK)), true);
  assert.equal(touches([objectsAnywhere('Service')], changes(objectsIn('Ingress', 'bank'))), false);
  assert.equal(touches([EVERYTHING], changes(FILE_A)), true);
  assert.equal(touches([WORKLOADS_SHOP, NAMESPACES], changes(NAMESPACES)), true);
  // The set of known namespaces has a key of its own, which a read of Namespace objects does not cover.
  assert.equal(touches([NAMESPACES], changes(NAMESPACE_SET)), false);
  assert.equal(touches([], changes(SERVICES_SHOP)), false);
  assert.equal(touches([SERVICES_SHOP], changes()), false);
});

test('the inverted index finds the same files as testing each file, and forgets replaced and deleted reads', () => {
  const readers = new ReadersByKey();
  const reads: Record<string, ReadKey[]> = {
    'a.yaml': [SERVICES_SHOP, WORKLOADS_SHOP],
    'b.yaml': [objectsAnywhere('Service')],
    'c.yaml': [EVERYTHING],
    'd.yaml': [POLICIES_BANK, FILE_D],
    'e.yaml': [],
  };
  for (const [file, keys] of Object.entries(reads)) readers.set(file, new Set(keys));
  const cases = [[SERVICES_SHOP], [SERVICES_BANK], [WORKLOADS_SHOP], [POLICIES_BANK], [FILE_D], [objectsIn('Ingress', 'x'), WORKLOADS_SHOP], []];
  for (const keys of cases) {
    const expected = Object.entries(reads).filter(([, r]) => touches(r, changes(...keys))).map(([f]) => f).sort();
    assert.deepEqual([...readers.touchedBy(changes(...keys))].sort(), expected, keys.join(', '));
  }
  assert.ok(readers.has('e.yaml'), 'a file that read nothing is known (its findings were computed)');
  readers.set('a.yaml', new Set([INGRESSES_SHOP]));
  assert.deepEqual([...readers.touchedBy(changes(WORKLOADS_SHOP))].sort(), ['c.yaml']);
  readers.delete('c.yaml');
  assert.equal(readers.has('c.yaml'), false);
  assert.deepEqual([...readers.touchedBy(changes(WORKLOADS_SHOP))], []);
  assert.deepEqual([...readers.touchedBy(changes(INGRESSES_SHOP))], ['a.yaml']);
});

test('equal read lists are shared', () => {
  const lists = new ReadLists();
  const first = lists.intern(new Set([SERVICES_SHOP, WORKLOADS_SHOP]));
  assert.equal(lists.intern(new Set([SERVICES_SHOP, WORKLOADS_SHOP])), first);
  assert.deepEqual(first, [SERVICES_SHOP, WORKLOADS_SHOP]);
  assert.deepEqual(lists.intern(new Set()), []);
});

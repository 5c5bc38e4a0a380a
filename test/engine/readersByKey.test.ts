/**
 * The two halves of "which findings does a change make stale", both in model/readersByKey.ts: the inverted index from
 * read keys to files (ReadersByKey, per file) and the per-check test (touches). Both must agree on the key forms: an
 * exact key, `kind|*` (every namespace of a kind) and `*` (everything). The incremental tests check the whole against
 * fresh analyses; these pin the rules down one by one.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ReadLists } from '../../server/src/engine/checkResults';
import { changeKeysFrom, ReadersByKey, touches } from '../../server/src/engine/model/readersByKey';

const changes = (...keys: string[]) => changeKeysFrom(new Set(keys));

test('a read is touched by the same key, by any change of its kind when it reads every namespace, and `*` by anything', () => {
  assert.equal(touches(['Service|shop'], changes('Service|shop')), true);
  assert.equal(touches(['Service|shop'], changes('Service|bank')), false);
  assert.equal(touches(['Service|*'], changes('Service|bank')), true);
  assert.equal(touches(['Service|*'], changes('Ingress|bank')), false);
  assert.equal(touches(['*'], changes('file|a.yaml')), true);
  assert.equal(touches(['workload|shop', 'Namespace|'], changes('Namespace|')), true);
  // The set of known namespaces has a key of its own, which a read of Namespace objects does not cover.
  assert.equal(touches(['Namespace|'], changes('namespaces|')), false);
  assert.equal(touches([], changes('Service|shop')), false);
  assert.equal(touches(['Service|shop'], changes()), false);
});

test('the inverted index finds the same files as testing each file, and forgets replaced and deleted reads', () => {
  const readers = new ReadersByKey();
  const reads: Record<string, string[]> = {
    'a.yaml': ['Service|shop', 'workload|shop'],
    'b.yaml': ['Service|*'],
    'c.yaml': ['*'],
    'd.yaml': ['NetworkPolicy|bank', 'file|d.yaml'],
    'e.yaml': [],
  };
  for (const [file, keys] of Object.entries(reads)) readers.set(file, new Set(keys));
  const cases = [['Service|shop'], ['Service|bank'], ['workload|shop'], ['NetworkPolicy|bank'], ['file|d.yaml'], ['Ingress|x', 'workload|shop'], []];
  for (const keys of cases) {
    const expected = Object.entries(reads).filter(([, r]) => touches(r, changes(...keys))).map(([f]) => f).sort();
    assert.deepEqual([...readers.touchedBy(changes(...keys))].sort(), expected, keys.join(', '));
  }
  assert.ok(readers.has('e.yaml'), 'a file that read nothing is known (its findings were computed)');
  readers.set('a.yaml', new Set(['Ingress|shop']));
  assert.deepEqual([...readers.touchedBy(changes('workload|shop'))].sort(), ['c.yaml']);
  readers.delete('c.yaml');
  assert.equal(readers.has('c.yaml'), false);
  assert.deepEqual([...readers.touchedBy(changes('workload|shop'))], []);
  assert.deepEqual([...readers.touchedBy(changes('Ingress|shop'))], ['a.yaml']);
});

test('equal read lists are shared', () => {
  const lists = new ReadLists();
  const first = lists.intern(new Set(['Service|shop', 'workload|shop']));
  assert.equal(lists.intern(new Set(['Service|shop', 'workload|shop'])), first);
  assert.deepEqual(first, ['Service|shop', 'workload|shop']);
  assert.deepEqual(lists.intern(new Set()), []);
});

/**
 * The open file's namespace is read first (server/src/lsp/namespacesFirst.ts): the text test that decides which files
 * may hold its objects (mayName), and which read keys are final once it is complete (isFinalWhen). Through the
 * protocol: test/protocol/scanning.test.ts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isFinalWhen, type ReadKey } from '../../server/src/engine/model/readKeys';
import { mayName } from '../../server/src/lsp/namespacesFirst';

test('mayName: a text may hold an object of a namespace unless it names it only inside other tokens or as another key\'s value', () => {
  const shop = new Set(['shop']);
  for (const text of [
    'metadata:\n  namespace: shop\n',
    'metadata: {name: a, namespace: shop}\n',
    '{"metadata": {"namespace": "shop"}}',
    "metadata:\n  namespace: 'shop'\n",
    'kind: Namespace\nmetadata:\n  name: shop\n',
    'x: &ns shop\nmetadata:\n  namespace: *ns\n',
    'metadata:\n  namespace: |-\n    shop\n',
    'metadata:\n  namespace: "\\x73hop"\n',
    'metadata:\n  namespace:\n    shop\n',
    '- shop\n',
    'owner: shop extra\n',
  ]) assert.equal(mayName(text, shop), true, text);
  for (const text of [
    'metadata:\n  namespace: other\n',
    'env:\n- {name: URL, value: "http://orders.shop:8080"}\n',
    'value: orders.shop.svc.cluster.local\n',
    'metadata:\n  namespace: shopping\n',
    'namespaceSelector:\n  matchLabels:\n    kubernetes.io/metadata.name: shop\n',
    '  annotations:\n    owner: "shop" # the team\n',
  ]) assert.equal(mayName(text, shop), false, text);
});

test('isFinalWhen: reads of a complete namespace and of files read are final; every namespace, the set of namespaces and cluster-scoped kinds are not', () => {
  const complete = new Set(['shop']);
  const read = (file: string) => file === '/w/a.yaml';
  for (const key of ['Service|shop', 'workload|shop', 'ns|shop', 'copy|Service/shop/web', 'file|/w/a.yaml']) assert.equal(isFinalWhen(key as ReadKey, complete, read), true, key);
  for (const key of ['Service|other', 'Service|*', 'workload|*', '*', 'namespaces|', 'Namespace|', 'IngressClass|', 'copy|Service/other/web', 'file|/w/b.yaml']) {
    assert.equal(isFinalWhen(key as ReadKey, complete, read), false, key);
  }
});

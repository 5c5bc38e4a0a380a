import assert from 'node:assert/strict';
import { test } from 'node:test';
import { selectorMatches, type LabelSelector } from '../../server/src/engine/model/labelSelector';

const span = { start: 0, end: 0 };
const selector = (partial: Partial<LabelSelector>): LabelSelector => ({ matchLabels: {}, matchExpressions: [], span, ...partial });

test('matchLabels and matchExpressions are ANDed', () => {
  const s = selector({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'edge'] }] });
  assert.equal(selectorMatches(s, { app: 'web', tier: 'edge' }), true);
  assert.equal(selectorMatches(s, { app: 'web', tier: 'back' }), false);
  assert.equal(selectorMatches(s, { tier: 'edge' }), false);
});

test('NotIn and DoesNotExist match objects that lack the key; In and Exists do not', () => {
  assert.equal(selectorMatches(selector({ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] }), {}), true);
  assert.equal(selectorMatches(selector({ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] }), { env: 'prod' }), false);
  assert.equal(selectorMatches(selector({ matchExpressions: [{ key: 'env', operator: 'DoesNotExist', values: [] }] }), {}), true);
  assert.equal(selectorMatches(selector({ matchExpressions: [{ key: 'env', operator: 'DoesNotExist', values: [] }] }), { env: '' }), false);
  assert.equal(selectorMatches(selector({ matchExpressions: [{ key: 'env', operator: 'Exists', values: [] }] }), { env: '' }), true);
  assert.equal(selectorMatches(selector({ matchExpressions: [{ key: 'env', operator: 'In', values: ['a'] }] }), {}), false);
});

test('the empty selector matches everything; an invalid one matches nothing', () => {
  assert.equal(selectorMatches(selector({}), { any: 'thing' }), true);
  assert.equal(selectorMatches(selector({ invalid: 'bad operator' }), {}), false);
});

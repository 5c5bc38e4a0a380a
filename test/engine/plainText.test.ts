/** Messages for plain-text surfaces (engine/util/plainText.ts): quotes instead of code spans, the point first. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { code } from '../../server/src/engine/util/markdown';
import { newDetails, plainText, splitMessage } from '../../server/src/engine/util/plainText';

test('code spans become quotes, whatever their fence; unclosed backticks stay', () => {
  assert.equal(plainText('Service `web` selects no workload in `shop`'), "Service 'web' selects no workload in 'shop'");
  assert.equal(plainText(`value ${code('a`b')} and ${code('`x`')}`), "value 'a`b' and '`x`'");
  assert.equal(plainText('a lone ` backtick'), 'a lone ` backtick');
  assert.equal(plainText('no code'), 'no code');
});

test('the point first as one sentence, the rest as sentences; colons inside code spans and parentheses do not cut', () => {
  assert.deepEqual(splitMessage('Service `orders` selects no workload: no pod template in namespace `shop` has app=order (closest: Deployment orders has app=orders)'), {
    headline: "Service 'orders' selects no workload.",
    details: ["No pod template in namespace 'shop' has app=order (closest: Deployment orders has app=orders)."],
  });
  assert.deepEqual(splitMessage('Public LoadBalancer Service `cache` exposes port 6379 (Redis) to the Internet: cache/database without authentication by default. Keep it private: `a: "true"`, type ClusterIP, or a private endpoint.'), {
    headline: "Public LoadBalancer Service 'cache' exposes port 6379 (Redis) to the Internet.",
    details: ['Cache/database without authentication by default.', `Keep it private: 'a: "true"', type ClusterIP, or a private endpoint.`],
  });
  assert.deepEqual(splitMessage('targetPort `htttp` of Service `catalog` is not a container port name: the Service has no endpoints for it'), {
    headline: "targetPort 'htttp' of Service 'catalog' is not a container port name.",
    details: ['The Service has no endpoints for it.'],
  });
  assert.deepEqual(splitMessage('Ingress `shop` routes shop.contoso.com/account to Service `acount`, which does not exist in namespace `shop`'), {
    headline: "Ingress 'shop' routes shop.contoso.com/account to Service 'acount', which does not exist in namespace 'shop'.",
    details: [],
  });
});

test('a colon after a few words introduces the point: no cut there', () => {
  assert.deepEqual(splitMessage('Not analysed: 6.0 MB is over the 4.0 KB limit (netlens.maxFileSize / --max-file-size)'), {
    headline: 'Not analysed: 6.0 MB is over the 4.0 KB limit (netlens.maxFileSize / --max-file-size).',
    details: [],
  });
});

test('details that another row already says are left out', () => {
  assert.deepEqual(newDetails(['The Service has no endpoints for it.', 'Declared ports: http (3000/TCP), metrics (9090/TCP).'], ['Deployment catalog declares ports: http (3000/TCP), metrics (9090/TCP)']), [
    'The Service has no endpoints for it.',
  ]);
  assert.deepEqual(newDetails(['Same.', 'Same.'], []), ['Same.']);
});

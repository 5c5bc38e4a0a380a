/** util/fileName.ts: any manifest text becomes one safe path segment. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { safeFileName } from '../../server/src/engine/util/fileName';
import { Random } from '../support/random';

test('names that would leave the folder, hide the file or break it become plain names', () => {
  assert.equal(safeFileName('shop-networkpolicies.yaml'), 'shop-networkpolicies.yaml');
  assert.equal(safeFileName('../../escaped-networkpolicies.yaml'), '_.._escaped-networkpolicies.yaml');
  assert.equal(safeFileName('..-default-deny.yaml'), '-default-deny.yaml');
  assert.equal(safeFileName('..'), 'unnamed');
  assert.equal(safeFileName('.yaml'), 'yaml');
  assert.equal(safeFileName('a/b\\c\0d e:f*g.yaml'), 'a_b_c_d_e_f_g.yaml');
  assert.equal(safeFileName('/etc/passwd'), '_etc_passwd');
  assert.equal(safeFileName('nul.yaml'), '_nul.yaml');
  assert.equal(safeFileName('trailing...'), 'trailing');
  assert.equal(safeFileName(`${'x'.repeat(500)}-gateway-api.yaml`), `${'x'.repeat(120)}.yaml`);
  assert.equal(safeFileName('ünï-ns.yaml'), '_n_-ns.yaml');
});

test('random text: always one segment of safe characters, never hidden, never . or ..', () => {
  const random = new Random(7);
  const alphabet = ['.', '/', '\\', '\0', ' ', 'a', 'Z', '0', '-', '_', ':', '\n', 'é', '~', '$'];
  for (let i = 0; i < 5000; i++) {
    let name = '';
    for (let j = random.int(20); j >= 0; j--) name += alphabet[random.int(alphabet.length)];
    const safe = safeFileName(`${name}.yaml`);
    assert.match(safe, /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/, JSON.stringify(name));
    assert.ok(safe.length <= 130);
  }
});

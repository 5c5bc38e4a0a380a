/**
 * The one test that insists on ../shared: skipped with a notice on a bare clone, failed under CI (CI set), where
 * every test that reads upstream data would otherwise be skipped silently.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { SHARED_ROOT } from './support/shared';

const present = fs.existsSync(path.join(SHARED_ROOT, 'conformance')) && fs.existsSync(path.join(SHARED_ROOT, 'corpora'));
const underCi = !!process.env['CI'];

test('the upstream data (../shared: conformance and corpora) is beside the repository', { skip: present || underCi ? false : `${SHARED_ROOT} is absent (a bare clone): upstream-data tests are skipped` }, () => {
  assert.ok(present, `${SHARED_ROOT} must hold conformance/ and corpora/ when CI is set`);
});

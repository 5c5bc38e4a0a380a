/** The netlens.exclude pattern the duplicate-definition quick fix adds (client/src/duplicates/excludePattern.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { excludePatternFor, withPattern } from '../../client/src/duplicates/excludePattern';

test('the copy folder relative to the workspace folder, as a glob of everything below it', () => {
  assert.equal(excludePatternFor('/w/app', '/w/app/release/web.yaml'), 'release/**');
  assert.equal(excludePatternFor('/w/app/', '/w/app/deploy/release/web.yaml'), 'deploy/release/**');
});

test('nothing for a copy at the top of the folder, outside it, or in a folder whose name is a glob', () => {
  assert.equal(excludePatternFor('/w/app', '/w/app/web.yaml'), undefined);
  assert.equal(excludePatternFor('/w/app', '/w/other/release/web.yaml'), undefined);
  assert.equal(excludePatternFor('/w/app', '/w/apple/release/web.yaml'), undefined);
  assert.equal(excludePatternFor('/w/app', '/w/app/r*/web.yaml'), undefined);
});

test('added once, the patterns in force kept', () => {
  assert.deepEqual(withPattern(['**/node_modules/**'], 'release/**'), ['**/node_modules/**', 'release/**']);
  assert.deepEqual(withPattern(['release/**'], 'release/**'), ['release/**']);
});

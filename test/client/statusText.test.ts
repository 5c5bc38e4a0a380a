/** What the status bar item says (client/src/status/statusText.ts): progress while analysing, never a premature count. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { statusView, type FindingCounts } from '../../client/src/status/statusText';

const NONE: FindingCounts = { errors: 0, warnings: 0, infos: 0, files: 0 };
const SOME: FindingCounts = { errors: 1, warnings: 2, infos: 1, files: 1 };

test('while the server starts, reads and checks: progress, never a count, whatever the diagnostics say', () => {
  for (const counts of [NONE, SOME]) {
    assert.equal(statusView({ state: 'starting' }, counts)?.text, '$(sync~spin) Netlens');
    assert.equal(statusView({ state: 'reading', read: 812, total: 4310 }, counts)?.text, '$(sync~spin) Netlens: analysing 812 of 4,310 files');
    assert.equal(statusView({ state: 'checking', files: 4310 }, counts)?.text, '$(sync~spin) Netlens: checking 4,310 files');
  }
  assert.equal(statusView({ state: 'reading', read: 0, total: 1 }, NONE)?.text, '$(sync~spin) Netlens: analysing 0 of 1 file');
});

test('ready: the count with plurals; no findings is a check mark, not "0"', () => {
  const view = statusView({ state: 'ready', resources: 12, files: 5 }, SOME);
  assert.equal(view?.text, '$(error) Netlens: 4');
  assert.equal(view?.tooltip, 'Kube Netlens: 1 error, 2 warnings and 1 info in 1 file. Analysed 12 resources in 5 files. Click to open the Problems panel.');
  assert.equal(view?.command, 'workbench.actions.view.problems');
  const warnings = statusView({ state: 'ready', resources: 1, files: 1 }, { errors: 0, warnings: 1, infos: 0, files: 1 });
  assert.equal(warnings?.text, '$(warning) Netlens: 1');
  assert.match(warnings?.tooltip ?? '', /^Kube Netlens: 1 warning in 1 file\. Analysed 1 resource in 1 file\./);
  const clean = statusView({ state: 'ready', resources: 3, files: 2 }, NONE);
  assert.equal(clean?.text, '$(check) Netlens');
  assert.equal(clean?.tooltip, 'Kube Netlens: no findings. Analysed 3 resources in 2 files.');
});

test('a workspace without Kubernetes objects hides the item, unless something was found', () => {
  assert.equal(statusView({ state: 'ready', resources: 0, files: 7 }, NONE), undefined);
  assert.equal(statusView({ state: 'ready', resources: 0, files: 7 }, { errors: 1, warnings: 0, infos: 0, files: 1 })?.text, '$(error) Netlens: 1');
});

test('a stopped server says so, and a click restarts it', () => {
  const view = statusView({ state: 'stopped' }, SOME);
  assert.equal(view?.text, '$(error) Netlens: stopped');
  assert.equal(view?.command, 'netlens.restartServer');
});

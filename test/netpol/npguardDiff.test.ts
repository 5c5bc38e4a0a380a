/**
 * np-guard netpol-analyzer's diff cases (../shared/conformance/npguard-diff, Apache-2.0): `diff --dir1 old --dir2 new`
 * in txt must be byte-identical to upstream's expected.txt. One test per case.
 *
 * Where we disagree, the case lists the exact lines that differ and why (docs/netpol.md, "np-guard diff"): the test
 * then checks that everything else is identical and that the differing lines are exactly those, so that any other
 * change fails it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatDiffText, DEFAULT_DIFF_NAMES } from '../../server/src/cli/format/connectivityDiff';
import { connectivityDiff } from '../../server/src/engine/reach/connectivityDiff';
import { reachModelOf } from '../../server/src/engine/reach/index';
import { caseFolders, sharedData } from '../support/shared';
import { loadFolder } from './helpers';

const shared = sharedData('conformance', 'npguard-diff');
const { dir: ROOT, skip } = shared;

interface CaseJson {
  options?: { argNames?: [string, string] };
}

/**
 * Cases where our output differs, by design: an upstream line and what we print instead (null: no line).
 * OpenShift Routes are not read (Netlens reads Kubernetes and AKS manifests; a Route is not a Kubernetes API
 * object), so the connections np-guard gives `{ingress-controller}` through a Route are not there.
 */
const DISAGREEMENTS: Record<string, { reason: string; lines: [string, string | null][] }> = {
  'diff_between_acs-security-demos-new_and_acs-security-demos': {
    reason: 'the old side exposes frontend/asset-cache through an OpenShift Route only',
    lines: [['diff-type: removed, source: {ingress-controller}, destination: frontend/asset-cache[Deployment], ref1: TCP 8080, ref2: No Connections', null]],
  },
  'diff_between_multiple_ingress_objects_with_different_ports_new_and_multiple_ingress_objects_with_different_ports': {
    reason: 'the new side adds port 8000 through an OpenShift Route (route-1) only',
    lines: [
      [
        'diff-type: changed, source: {ingress-controller}, destination: ingressworld/ingress-world-multiple-ports[Deployment], ref1: TCP 8050,8090, ref2: TCP 8000,8090',
        'diff-type: changed, source: {ingress-controller}, destination: ingressworld/ingress-world-multiple-ports[Deployment], ref1: TCP 8050,8090, ref2: TCP 8090',
      ],
    ],
  },
};

const cases = caseFolders(shared);

test('all 24 np-guard diff cases are present', { skip }, () => {
  assert.equal(cases.length, 24);
});

function diffOfCase(dir: string, names = DEFAULT_DIFF_NAMES): string {
  const oldModel = reachModelOf(loadFolder(path.join(dir, 'old')).index);
  const newModel = reachModelOf(loadFolder(path.join(dir, 'new')).index);
  return formatDiffText(connectivityDiff(oldModel, newModel), names);
}

for (const name of cases) {
  test(`np-guard diff: ${name}`, () => {
    const dir = path.join(ROOT, name);
    const caseJson = JSON.parse(fs.readFileSync(path.join(dir, 'case.json'), 'utf8')) as CaseJson;
    const argNames = caseJson.options?.argNames;
    const names = argNames ? { ref1: argNames[0], ref2: argNames[1] } : DEFAULT_DIFF_NAMES;
    let expected = fs.readFileSync(path.join(dir, 'expected.txt'), 'utf8');
    const disagreement = DISAGREEMENTS[name];
    for (const [upstream, ours] of disagreement?.lines ?? []) {
      assert.ok(expected.includes(`${upstream}\n`), `the documented upstream line is in expected.txt: ${upstream}`);
      expected = expected.replace(`${upstream}\n`, ours === null ? '' : `${ours}\n`);
    }
    assert.equal(diffOfCase(dir, names), expected);
  });
}

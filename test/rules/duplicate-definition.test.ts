import assert from 'node:assert/strict';
import { test } from 'node:test';
import { besideName } from '../../server/src/engine/rules/duplicateDefinition';
import { checkFixture, loadFixture } from '../support/fixture';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx, ports: [{containerPort: 8080}]}]}`;

const SERVICE_WITH_TYPO = `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: webb}
  ports: [{port: 80, targetPort: 8080}]`;

test('duplicate-definition: identical copies in another folder are reported once per pair of places, on the first object, and their findings are not doubled', () => {
  checkFixture(`
# file: kubernetes-manifests/web.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
#                ^^^ info[duplicate-definition]: 2 objects of \`kubernetes-manifests/\` (Deployment \`web\` and 1 more) are also defined in \`release/web.yaml\`, with the same data: each is counted once, from \`kubernetes-manifests/\`
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx, ports: [{containerPort: 8080}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: webb}
#           ^^^^^^^^^^^ warning[service-selects-nothing]: Service \`web\` selects no workload
  ports: [{port: 80, targetPort: 8080}]
# file: release/web.yaml
${DEPLOYMENT}
---
${SERVICE_WITH_TYPO}
`, { onlyRules: ['duplicate-definition', 'service-selects-nothing'] });
});

test('duplicate-definition: copies that differ (another replica count) are variants: silent, each analysed', () => {
  checkFixture(`
# file: base/web.yaml
${DEPLOYMENT}
# file: prod/web.yaml
${DEPLOYMENT.replace('replicas: 1', 'replicas: 3')}
`, { onlyRules: ['duplicate-definition'] });
});

test('duplicate-definition: the same data spelled differently (key order, flow or block style, quotes) is a copy; a YAML 1.1 word is not', () => {
  const { analysis } = loadFixture(`
# file: a/ns.yaml
apiVersion: v1
kind: Namespace
metadata: {name: shop, labels: {team: web, tier: "front"}}
# file: b/ns.yaml
kind: Namespace
apiVersion: v1
metadata:
  labels:
    tier: front
    team: "web"
  name: shop
# file: c/cm.yaml
apiVersion: v1
kind: ConfigMap
metadata: {name: flags, namespace: shop}
data: {CACHE: "yes"}
# file: d/cm.yaml
apiVersion: v1
kind: ConfigMap
metadata: {name: flags, namespace: shop}
data: {CACHE: yes}
`);
  assert.deepEqual(analysis.findings('a/ns.yaml').filter((f) => f.ruleId === 'duplicate-definition').map((f) => f.message), ['Namespace `shop` is also defined in `b/ns.yaml`, with the same data: it is counted once, here']);
  assert.equal(analysis.findings('c/cm.yaml').filter((f) => f.ruleId === 'duplicate-definition').length, 0, 'no finding: kubectl reads yes as a boolean');
  assert.equal(analysis.index.lookup('ConfigMap', 'shop', 'flags').length, 2, 'both variants kept');
  assert.equal(analysis.index.lookup('Namespace', '', 'shop').length, 1, 'the copy counted once');
});

test('duplicate-definition: counted once (selects 1 workload), the copy takes over when the first file goes; two definitions in one file stay silent', () => {
  const { analysis } = loadFixture(`
# file: kubernetes-manifests/web.yaml
${DEPLOYMENT}
# file: release/web.yaml
${DEPLOYMENT}
`);
  assert.equal(analysis.index.workloadsIn('shop').length, 1);
  assert.equal(analysis.index.workloadsSelectedBy('shop', { matchLabels: { app: 'web' }, matchExpressions: [] } as never).length, 1);
  assert.equal(analysis.index.anyOfKindIn('Deployment', 'shop').length, 1);
  assert.equal(analysis.index.workloadsIn('shop')[0]!.file, 'kubernetes-manifests/web.yaml');
  analysis.removeFile('kubernetes-manifests/web.yaml');
  analysis.refresh();
  assert.equal(analysis.index.workloadsIn('shop').length, 1);
  assert.equal(analysis.index.workloadsIn('shop')[0]!.file, 'release/web.yaml');
  assert.equal(analysis.findings('release/web.yaml').filter((f) => f.ruleId === 'duplicate-definition').length, 0);

  const same = loadFixture(`
# file: all.yaml
${DEPLOYMENT}
---
${DEPLOYMENT}
`);
  assert.equal(same.analysis.findings('all.yaml').filter((f) => f.ruleId === 'duplicate-definition').length, 0, 'stays silent within one file');
  assert.equal(same.analysis.index.workloadsIn('shop').length, 2, 'two definitions in one file are not merged');
});

test('the copy is named from the folder both files share', () => {
  assert.equal(besideName('/w/app/kubernetes-manifests/web.yaml', '/w/app/release/web.yaml'), 'release/web.yaml');
  assert.equal(besideName('a.yaml', 'b.yaml'), 'b.yaml');
  assert.equal(besideName('C:\\w\\a\\x.yaml', 'C:\\w\\b\\x.yaml'), 'b/x.yaml');
});

test('duplicate-definition: one finding per pair of places (a folder of copies, or another file of the same folder), with every copy related', () => {
  const { analysis } = loadFixture(`
# file: app/web.yaml
${DEPLOYMENT}
# file: app/svc.yaml
${SERVICE_WITH_TYPO}
# file: release/a.yaml
${DEPLOYMENT}
# file: release/b.yaml
${SERVICE_WITH_TYPO}
# file: app/all-in-one.yaml
${SERVICE_WITH_TYPO}
`);
  const findings = [...analysis.allFindings()].filter((f) => f.ruleId === 'duplicate-definition');
  // app/all-in-one.yaml sorts first: its Service is the first definition; app/ -> release/ is one pair of places
  // (two objects, two files), app/all-in-one.yaml -> app/svc.yaml (same folder) another.
  assert.deepEqual(findings.map((f) => `${f.file}: ${f.message}`).sort(), [
    'app/all-in-one.yaml: 2 objects of `app/` (Service `web` and 1 more) are also defined in `release/` (2 files), with the same data: each is counted once, from `app/`',
    'app/all-in-one.yaml: Service `web` is also defined in `svc.yaml`, with the same data: it is counted once, here',
  ]);
  const inRelease = findings.filter((f) => f.message.includes('release/'));
  assert.deepEqual(inRelease.flatMap((f) => (f.related ?? []).map((r) => r.file)).sort(), ['release/a.yaml', 'release/b.yaml']);
});

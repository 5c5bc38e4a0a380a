/**
 * "Ignore <rule> for this object" and "Ignore <rule> on this line": each test compares the whole text after the
 * edit, then the analysis runs again and must find the finding gone and nothing new (assertFixed).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ignoreFixes } from '../../server/src/engine/fixes/index';
import { apply, assertFixed, findingOf, fixtureWorkspace, pickFix, type Workspace } from './support';
import type { Finding } from '../../server/src/engine/rules/rule';

const fixesFor = (ws: Workspace, finding: Finding) => ignoreFixes(ws.ctx, { ruleId: finding.ruleId, file: finding.file, span: finding.span, data: finding.data ?? {} });

function check(fixture: string, rule: string, title: string, expected: string): void {
  const ws = fixtureWorkspace(fixture);
  const finding = findingOf(ws, rule);
  const fix = pickFix(fixesFor(ws, finding), title);
  assert.equal(fix.kind, 'quickfix');
  assert.equal(!!fix.isPreferred, false, 'silencing is never the preferred fix');
  const after = apply(ws, fix.change);
  assert.equal(after.get(finding.file), expected);
  assertFixed(ws, after, finding);
}

const SERVICE_BLOCK = `# file: svc.yaml
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector:
    app: nothing
  ports:
    - port: 80
`;

test('for this object: an annotations map is added to metadata, at the file indentation', () => {
  check(SERVICE_BLOCK, 'service-selects-nothing', 'Ignore service-selects-nothing for this object', SERVICE_BLOCK.replace('# file: svc.yaml\n', '').replace('  namespace: shop\n', '  namespace: shop\n  annotations:\n    netlens.io/ignore: service-selects-nothing\n'));
});

test('for this object: merged into an ignore annotation that lists other rules, its quotes kept', () => {
  const fixture = SERVICE_BLOCK.replace('  namespace: shop\n', '  namespace: shop\n  annotations:\n    team: web\n    netlens.io/ignore: "service-target-port-missing"\n');
  const expected = fixture.replace('# file: svc.yaml\n', '').replace('"service-target-port-missing"', '"service-target-port-missing,service-selects-nothing"');
  check(fixture, 'service-selects-nothing', 'Ignore service-selects-nothing for this object', expected);
});

test('for this object: added to an existing annotations map, flow style kept', () => {
  const fixture = `# file: svc.yaml
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop, annotations: {team: web}}
spec:
  selector: {app: nothing}
  ports: [{port: 80}]
`;
  const expected = fixture.replace('# file: svc.yaml\n', '').replace('{team: web}', '{team: web, netlens.io/ignore: service-selects-nothing}');
  check(fixture, 'service-selects-nothing', 'Ignore service-selects-nothing for this object', expected);
});

test('on this line: a comment above the finding, at its line indentation, kept apart from other directives', () => {
  const expected = SERVICE_BLOCK.replace('# file: svc.yaml\n', '').replace('    app: nothing\n', '    # netlens-ignore service-selects-nothing\n    app: nothing\n');
  check(SERVICE_BLOCK, 'service-selects-nothing', 'Ignore service-selects-nothing on this line', expected);
  // A directive above for another rule stays; the new one adds up with it.
  const withOther = SERVICE_BLOCK.replace('    app: nothing\n', '    # netlens-ignore some-other-rule\n    app: nothing\n');
  check(withOther, 'service-selects-nothing', 'Ignore service-selects-nothing on this line', withOther.replace('# file: svc.yaml\n', '').replace('    app: nothing\n', '    # netlens-ignore service-selects-nothing\n    app: nothing\n'));
});

test('on this line: a sequence item line gets the comment at its dash', () => {
  const fixture = `# file: app.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx
          ports: [{name: http, containerPort: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports:
    - {port: 80, targetPort: grpc}
`;
  const expected = fixture.replace('# file: app.yaml\n', '').replace('    - {port: 80, targetPort: grpc}\n', '    # netlens-ignore service-target-port-missing\n    - {port: 80, targetPort: grpc}\n');
  check(fixture, 'service-target-port-missing', 'Ignore service-target-port-missing on this line', expected);
});

test('no line comment where it would change the data: a line inside a block scalar or a multi-line string', () => {
  const fixture = `# file: cm.yaml
apiVersion: v1
kind: ConfigMap
metadata: {name: config, namespace: shop}
data:
  nginx.conf: |
    upstream orders {
      server orders:8080;
    }
  motd: "first line
    second line"
`;
  const ws = fixtureWorkspace(fixture);
  const text = ws.texts.get('cm.yaml')!;
  for (const inside of ['server orders:8080', 'second line']) {
    const start = text.indexOf(inside);
    const fixes = ignoreFixes(ws.ctx, { ruleId: 'reference-service-missing', file: 'cm.yaml', span: { start, end: start + 6 }, data: {} });
    assert.deepEqual(fixes.map((f) => f.title), ['Ignore reference-service-missing for this object'], inside);
  }
  // On a line of its own key, the comment is fine.
  const key = text.indexOf('nginx.conf');
  const fixes = ignoreFixes(ws.ctx, { ruleId: 'reference-service-missing', file: 'cm.yaml', span: { start: key, end: key + 10 }, data: {} });
  assert.deepEqual(fixes.map((f) => f.title), ['Ignore reference-service-missing for this object', 'Ignore reference-service-missing on this line']);
});

test('findings about a whole file (syntax errors) offer nothing', () => {
  const ws = fixtureWorkspace('# file: bad.yaml\nkind: Service\nmetadata: {name: a\n');
  const finding = findingOf(ws, 'yaml-syntax');
  assert.deepEqual(fixesFor(ws, finding), []);
});

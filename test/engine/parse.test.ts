import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Analysis } from '../../server/src/engine/analysis';
import { isWorkload, type Service, type Workload } from '../../server/src/engine/model/resources';
import { parseYamlText } from '../../server/src/engine/syntax/parse';

test('multi-document files, List expansion and non-Kubernetes documents', () => {
  const analysis = new Analysis();
  analysis.setFile('a.yaml', `
# just a comment
---
name: not-kubernetes
---
apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Service
    metadata: {name: a}
    spec: {selector: {app: a}, ports: [{port: 80}]}
  - apiVersion: v1
    kind: Pod
    metadata: {name: p, labels: {app: a}}
    spec: {containers: [{name: c, image: x}]}
---
apiVersion: v1
kind: PodList
items:
  - metadata: {name: q, namespace: ns1}
`);
  const resources = [...analysis.index.all()];
  assert.deepEqual(resources.map((r) => `${r.kind}/${r.namespace}/${r.name}`), ['Service/default/a', 'Pod/default/p', 'Pod/ns1/q']);
  assert.deepEqual(analysis.findings('a.yaml'), []);
});

test('JSON manifests are read', () => {
  const analysis = new Analysis();
  analysis.setFile('svc.json', JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'j' }, spec: { selector: { app: 'j' }, ports: [{ port: 1 }] } }));
  const [service] = analysis.index.lookup('Service', 'default', 'j');
  assert.equal(service?.ports[0]?.port, 1);
});

test('syntax errors are data with spans inside the text, never a throw', () => {
  const text = 'apiVersion: v1\nkind: Service\nmetadata: {name: x\n';
  const parsed = parseYamlText(text);
  assert.ok(parsed.issues.length > 0);
  for (const issue of parsed.issues) assert.ok(issue.span.start >= 0 && issue.span.end <= text.length);
  const analysis = new Analysis();
  analysis.setFile('bad.yaml', text);
  assert.ok(analysis.findings('bad.yaml').some((f) => f.ruleId === 'yaml-syntax' && f.severity === 'error'));
});

test('broken YAML in a file that is not Kubernetes-like is not reported', () => {
  const analysis = new Analysis();
  analysis.setFile('config.yaml', 'a: [1, 2\nb: }\n');
  assert.deepEqual(analysis.findings('config.yaml'), []);
});

test('Helm templates are skipped with one info, not a flood of syntax errors', () => {
  const analysis = new Analysis();
  analysis.setFile('chart/templates/svc.yaml', `apiVersion: v1
kind: Service
metadata:
  name: {{ include "app.fullname" . }}
  labels:
    {{- include "app.labels" . | nindent 4 }}
spec:
  ports:
  {{- range .Values.ports }}
    - port: {{ .port }}
  {{- end }}
`);
  const findings = analysis.findings('chart/templates/svc.yaml');
  assert.deepEqual(findings.map((f) => `${f.severity}:${f.ruleId}`), ['info:helm-template']);
  assert.equal(analysis.index.resourceCount, 0);
});

test('aliases resolve to their anchor without expansion; merge keys apply', () => {
  const analysis = new Analysis();
  analysis.setFile('anchors.yaml', `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    metadata:
      labels: &labels {app: web, tier: front}
    spec:
      containers:
        - &base {name: web, image: nginx, ports: [{containerPort: 80}]}
        - <<: *base
          name: sidecar
  selector: {matchLabels: *labels}
`);
  const [workload] = analysis.index.lookupAny('Deployment', 'default', 'web') as Workload[];
  assert.ok(workload && isWorkload(workload));
  assert.deepEqual(workload.containers.map((c) => [c.name, c.ports.map((p) => p.containerPort)]), [['web', [80]], ['sidecar', [80]]]);
  // Label records have no prototype (manifest keys such as `toString` are plain keys): compared by content.
  assert.deepEqual({ ...workload.podLabels }, { app: 'web', tier: 'front' });
  assert.deepEqual({ ...workload.selector?.matchLabels }, { app: 'web', tier: 'front' });
  assert.deepEqual(analysis.findings('anchors.yaml'), []);
}); 

test('anchors are per document: an alias to another document is an error, not a silent match', () => {
  const analysis = new Analysis();
  analysis.setFile('x.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, labels: &l {app: a}}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {selector: *l}\n');
  const [service] = analysis.index.lookup('Service', 'default', 's') as Service[];
  assert.equal(service?.selector, null);
  assert.ok(analysis.findings('x.yaml').some((f) => f.ruleId === 'yaml-syntax'));
});

test('an alias bomb is read quickly and not expanded', () => {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 30; i++) lines.push(`a${i}: &a${i} [*a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}]`);
  lines.push('kind: ConfigMap', 'apiVersion: v1', 'metadata: {name: bomb}');
  const started = Date.now();
  const analysis = new Analysis();
  analysis.setFile('bomb.yaml', lines.join('\n'));
  assert.equal(analysis.index.resourceCount, 1);
  // A generous bound: expansion would take astronomically long, reading takes milliseconds.
  assert.ok(Date.now() - started < 5000);
});

test('namespace resolution: explicit, default setting, cluster-scoped', () => {
  const analysis = new Analysis({ settingsFor: () => ({ defaultNamespace: 'team-a', rules: {} }) });
  analysis.setFile('x.yaml', `apiVersion: v1
kind: Service
metadata: {name: a}
---
apiVersion: v1
kind: Service
metadata: {name: b, namespace: team-b}
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: nginx, namespace: ignored}
---
apiVersion: v1
kind: Namespace
metadata: {name: team-b, labels: {env: prod}}
`);
  const names = [...analysis.index.all()].map((r) => `${r.kind}:${r.namespace}:${r.name}:${r.namespaceExplicit}`);
  assert.deepEqual(names, ['Service:team-a:a:false', 'Service:team-b:b:true', 'IngressClass::nginx:false', 'Namespace::team-b:false']);
  assert.deepEqual({ ...analysis.index.namespaceLabels('team-b') }, { env: 'prod', 'kubernetes.io/metadata.name': 'team-b' });
  assert.deepEqual({ ...analysis.index.namespaceLabels('undeclared') }, { 'kubernetes.io/metadata.name': 'undeclared' });
});

test('wrong types read as absent, never as a throw', () => {
  const analysis = new Analysis();
  analysis.setFile('weird.yaml', `apiVersion: v1
kind: Service
metadata: {name: w, labels: [a, b]}
spec:
  selector: [app, web]
  ports: "80"
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec: null
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: n}
spec:
  podSelector: {matchExpressions: [{key: app, operator: Bogus}]}
  ingress: {from: x}
`);
  assert.equal(analysis.index.resourceCount, 3);
  assert.doesNotThrow(() => analysis.allFindings());
});

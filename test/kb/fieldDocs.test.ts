/** Field documentation: every entry well-formed, no duplicates, and the lookup resolves the paths hovers send. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allFieldDocs, fieldDoc } from '../../server/src/engine/kb/fieldDocs';

test('every field doc has a kind, a dotted path without indexes, a real doc and an https source', () => {
  for (const doc of allFieldDocs()) {
    const where = `${doc.kind} ${doc.path}`;
    assert.ok(doc.kind.length > 0, where);
    assert.match(doc.path, /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/, `${where}: path`);
    assert.ok(doc.doc.trim().length >= 20, `${where}: doc too short`);
    assert.match(doc.source, /^https:\/\/[^\s]+$/, `${where}: source`);
    for (const v of doc.values ?? []) {
      assert.ok(v.value.length > 0 && v.doc.trim().length > 0, `${where}: value ${v.value}`);
    }
    if (doc.values) assert.equal(new Set(doc.values.map((v) => v.value)).size, doc.values.length, `${where}: duplicate values`);
  }
});

test('no kind documents the same path twice (kinds of the same name in different API groups apart)', () => {
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const doc of allFieldDocs()) {
    const key = `${doc.group ? `${doc.group}/` : ''}${doc.kind} ${doc.path}`;
    if (seen.has(key)) duplicates.push(key);
    seen.add(key);
  }
  assert.deepEqual(duplicates, []);
});

test('numeric segments are ignored', () => {
  assert.equal(fieldDoc('Service', ['spec', 'ports', 0, 'targetPort'])?.path, 'spec.ports.targetPort');
  assert.equal(fieldDoc('Ingress', ['spec', 'rules', 2, 'http', 'paths', 1, 'backend', 'service', 'port', 'number'])?.path, 'spec.rules.http.paths.backend.service.port.number');
  assert.equal(fieldDoc('NetworkPolicy', ['spec', 'ingress', 0, 'from', 1, 'namespaceSelector', 'matchExpressions', 0, 'operator'])?.path, 'spec.ingress.from.namespaceSelector.matchExpressions.operator');
  assert.equal(fieldDoc('HTTPRoute', ['spec', 'rules', 0, 'backendRefs', 3, 'weight'])?.path, 'spec.rules.backendRefs.weight');
});

test('enum fields carry their values', () => {
  const values = (kind: string, path: string) => fieldDoc(kind, path.split('.'))?.values?.map((v) => v.value);
  assert.deepEqual(values('Service', 'spec.type'), ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']);
  assert.deepEqual(values('Service', 'spec.externalTrafficPolicy'), ['Cluster', 'Local']);
  assert.deepEqual(values('Ingress', 'spec.rules.http.paths.pathType'), ['Exact', 'Prefix', 'ImplementationSpecific']);
  assert.deepEqual(values('NetworkPolicy', 'spec.policyTypes'), ['Ingress', 'Egress']);
  assert.deepEqual(values('Gateway', 'spec.listeners.tls.mode'), ['Terminate', 'Passthrough']);
  assert.deepEqual(values('HTTPRoute', 'spec.rules.matches.path.type'), ['Exact', 'PathPrefix', 'RegularExpression']);
  assert.ok(values('HTTPRoute', 'spec.rules.filters.type')?.includes('URLRewrite'));
  assert.deepEqual(values('GRPCRoute', 'spec.rules.matches.method.type'), ['Exact', 'RegularExpression']);
});

test('the Service type doc explains L4 and the AKS load balancer', () => {
  const type = fieldDoc('Service', ['spec', 'type'])!;
  const lb = type.values!.find((v) => v.value === 'LoadBalancer')!.doc;
  assert.match(type.doc, /layer 4/i);
  assert.match(lb, /network security group/);
  assert.match(lb, /azure-load-balancer-internal/);
  const local = fieldDoc('Service', ['spec', 'externalTrafficPolicy'])!.values!.find((v) => v.value === 'Local')!.doc;
  assert.match(local, /preserved/);
  assert.match(local, /health check node port/);
});

test('workload pod template paths resolve to the pod field docs', () => {
  const pod = fieldDoc('Pod', ['spec', 'containers', 0, 'ports', 0, 'containerPort']);
  assert.ok(pod);
  for (const [kind, prefix] of [
    ['Deployment', ['spec', 'template']],
    ['StatefulSet', ['spec', 'template']],
    ['DaemonSet', ['spec', 'template']],
    ['ReplicaSet', ['spec', 'template']],
    ['Job', ['spec', 'template']],
    ['CronJob', ['spec', 'jobTemplate', 'spec', 'template']],
    ['PodTemplate', ['template']],
  ] as const) {
    assert.equal(fieldDoc(kind, [...prefix, 'spec', 'containers', 1, 'ports', 0, 'containerPort']), pod, kind);
    assert.equal(fieldDoc(kind, [...prefix, 'spec', 'hostNetwork'])?.path, 'spec.hostNetwork', kind);
    assert.equal(fieldDoc(kind, [...prefix, 'metadata', 'labels'])?.kind, 'Pod', `${kind} template labels`);
  }
  // A path that only looks like a template path on the wrong kind does not map.
  assert.equal(fieldDoc('Service', ['spec', 'template', 'spec', 'hostNetwork']), undefined);
});

test('workload own fields and shared metadata', () => {
  assert.equal(fieldDoc('Deployment', ['spec', 'selector', 'matchLabels'])?.kind, 'Deployment');
  assert.equal(fieldDoc('StatefulSet', ['spec', 'serviceName'])?.kind, 'StatefulSet');
  // The workload's own labels are the shared doc, which warns that selectors look at the template.
  const own = fieldDoc('Deployment', ['metadata', 'labels'])!;
  assert.equal(own.kind, '*');
  assert.match(own.doc, /spec\.template\.metadata\.labels/);
  assert.equal(fieldDoc('ConfigMap', ['metadata', 'name'])?.path, 'metadata.name');
  assert.equal(fieldDoc('Whatever', ['apiVersion'])?.path, 'apiVersion');
});

test('keys inside map-valued fields get the field doc', () => {
  assert.equal(fieldDoc('Service', ['metadata', 'labels', 'app'])?.path, 'metadata.labels');
  assert.equal(fieldDoc('Service', ['spec', 'selector', 'app'])?.path, 'spec.selector');
  assert.equal(fieldDoc('NetworkPolicy', ['spec', 'podSelector', 'matchLabels', 'tier'])?.path, 'spec.podSelector.matchLabels');
  assert.equal(fieldDoc('Deployment', ['spec', 'template', 'metadata', 'labels', 'app'])?.kind, 'Pod');
  assert.equal(fieldDoc('Gateway', ['spec', 'listeners', 0, 'tls', 'options', 'kubernetes.azure.com/tls-cert-keyvault-uri'])?.path, 'spec.listeners.tls.options');
  // Not a map: an unknown key below a structured field stays undocumented.
  assert.equal(fieldDoc('Deployment', ['spec', 'selector', 'app']), undefined);
  assert.equal(fieldDoc('Service', ['spec', 'nonsense']), undefined);
  assert.equal(fieldDoc('Service', []), undefined);
});

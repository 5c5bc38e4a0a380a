/**
 * Conformance with kube-linter's checks (../shared/conformance/kube-linter, Apache-2.0): our rules must fire on the
 * same objects as upstream, except where upstream is documented as wrong (each exception says why).
 *
 * Mapping: dangling-service -> service-selects-nothing, dangling-ingress -> ingress-backend-missing,
 * dangling-networkpolicy -> netpol-selects-nothing, dangling-networkpolicypeer-podselector ->
 * netpol-peer-selects-nothing, non-isolated-pod -> workload-not-isolated.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { Analysis } from '../../server/src/engine/analysis';
import { RULES } from '../../server/src/engine/rules/catalogue';
import type { Finding } from '../../server/src/engine/rules/rule';

function findConformance(): string | undefined {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'conformance', 'kube-linter');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

const KUBE_LINTER = findConformance();
const skip = KUBE_LINTER ? false : 'shared/conformance/kube-linter was not found beside the repository';

interface Expected {
  messages_in_order: string[];
  objects_reported_inferred?: string[];
  not_reported?: string[];
}

function runCase(check: string, ruleId: string): { findings: Finding[]; expected: Expected; objectOf(f: Finding): string } {
  const dir = path.join(KUBE_LINTER!, 'e2e', check);
  const file = path.join(dir, 'input.yaml');
  const analysis = new Analysis({ onRuleError: (id, error) => assert.fail(`rule ${id} threw: ${(error as Error).stack}`) });
  analysis.setFile(file, fs.readFileSync(file, 'utf8'));
  const findings = analysis.findings(file).filter((f) => f.ruleId === ruleId);
  const resources = [...analysis.index.resourcesOf(file)];
  // The object a finding is on: the one whose span contains it.
  const objectOf = (f: Finding) => {
    const owner = resources.find((r) => r.span.start <= f.span.start && f.span.end <= r.span.end);
    return owner ? `${owner.kind} ${owner.name}` : '?';
  };
  return { findings, expected: JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected, objectOf };
}

/** `Kind name` of the objects upstream reports, from `not_reported` entries too (`Service dont-fire (why)`). */
function objects(list: readonly string[] | undefined): string[] {
  return (list ?? []).map((entry) => entry.replace(/\s*\(.*\)$/, ''));
}

test('kube-linter dangling-service -> service-selects-nothing fires on the same Services', { skip }, () => {
  const { findings, expected, objectOf } = runCase('dangling-service', 'service-selects-nothing');
  // Upstream reports Service app2 because its selector (app) matches nothing; the DeploymentConfig app2 in the input
  // is an OpenShift kind we do not model as a workload, and its labels (app2) would not match either: same verdict.
  assert.deepEqual(findings.map(objectOf).sort(), objects(expected.objects_reported_inferred).sort());
  for (const notReported of objects(expected.not_reported)) assert.ok(!findings.map(objectOf).includes(notReported), notReported);
  assert.equal(findings.length, expected.messages_in_order.length);
  for (const f of findings) assert.match(f.message, /app\.kubernetes\.io\/name=app/);
});

test('kube-linter dangling-ingress -> ingress-backend-missing fires on the same Ingresses and backends', { skip }, () => {
  const { findings, expected, objectOf } = runCase('dangling-ingress', 'ingress-backend-missing');
  assert.deepEqual(findings.map(objectOf).sort(), objects(expected.objects_reported_inferred).sort());
  for (const notReported of objects(expected.not_reported)) assert.ok(!findings.map(objectOf).includes(notReported), notReported);
  // Upstream: "no service found matching ingress label (missing), port 80" and "(bad-port), port 8080".
  assert.deepEqual(
    findings.map((f) => [f.data?.['service'], f.data?.['port'] ?? null]),
    [['missing', null], ['bad-port', 8080]],
  );
});

test('kube-linter unit scenarios for dangling-service and dangling-ingress agree, except the documented upstream quirks', { skip }, () => {
  // Scenarios transcribed from upstream's Go unit tests. Where upstream differs we follow the Kubernetes API:
  //  - TestServiceEmptySelectorMatchesNoPods: upstream flags a Service without selector ("service has no selector
  //    specified"); such a Service has hand-managed Endpoints (or an EndpointSlice controller of its own), so it
  //    selects nothing on purpose and is not reported by service-selects-nothing.
  //  - TestMatchingWithIgnoredLabel: upstream's ignoredLabels parameter has no counterpart; a selector key the pods
  //    lack really matches nothing, so service2 (app + env) is reported by us and not by upstream.
  const analysis = new Analysis();
  analysis.setFile('scenario.yaml', `
apiVersion: apps/v1
kind: Deployment
metadata: {name: pod2}
spec: {template: {metadata: {labels: {app: pod2-test}}, spec: {containers: [{name: c, image: x}]}}}
---
apiVersion: v1
kind: Service
metadata: {name: service1}
spec: {selector: {app: pod1-test}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: service2}
spec: {selector: {app: pod2-test}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: service-none}
spec: {ports: [{port: 80}]}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: ingress-1}
spec:
  defaultBackend: {service: {name: service-2, port: {number: 80}}}
  rules: [{http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: service1, port: {number: 80}}}}, {path: /b, pathType: Prefix, backend: {service: {name: service1, port: {name: port1}}}}]}}]
`);
  const byRule = (id: string) => analysis.findings('scenario.yaml').filter((f) => f.ruleId === id);
  // TestOneServiceIsDangling: service1 reported, service2 not.
  assert.deepEqual(byRule('service-selects-nothing').map((f) => f.data?.['selector']), [{ app: 'pod1-test' }]);
  // TestIngressWithDefaultBackendAndRulesServiceMissingFails / TestIngressWithServiceMissmatchPortfails: one finding
  // per missing backend (service-2 missing; service1 exists, port 80 exists, port name port1 does not).
  assert.deepEqual(byRule('ingress-backend-missing').map((f) => [f.data?.['service'], f.data?.['port'] ?? null]), [['service-2', null], ['service1', 'port1']]);
});

const NETPOL_RULES = ['netpol-selects-nothing', 'netpol-peer-selects-nothing', 'workload-not-isolated'];
const missingNetpolRules = NETPOL_RULES.filter((id) => !RULES.some((r) => r.id === id));

// test.skip ignores a skip reason in the options, so the reason is also in the name, which the runner prints.
test.skip(`kube-linter dangling-networkpolicy, dangling-networkpolicypeer-podselector, non-isolated-pod: skipped until rules ${NETPOL_RULES.join(', ')} exist`, {
  skip: `waiting for the NetworkPolicy rules ${NETPOL_RULES.join(', ')} (not in the catalogue yet: ${missingNetpolRules.join(', ') || 'none'}); the lead enables this test`,
}, () => {
  // Enable once the NetworkPolicy rules are in the catalogue. Expected, from upstream's e2e cases:
  //  - dangling-networkpolicy: NetworkPolicy `app` (podSelector app.kubernetes.io/name=app1 matches no pod).
  //  - dangling-networkpolicypeer-podselector: NetworkPolicy `app`, for its ingress peer app.kubernetes.io/name=app2
  //    (upstream checks only peers without namespaceSelector, in the policy's namespace).
  //  - non-isolated-pod: Deployment `app1` (and upstream's DeploymentConfig `app2`, an OpenShift kind we do not
  //    model); not Deployment `dont-fire`, which policy dont-fire1 selects. Upstream counts any selecting policy as
  //    isolating, regardless of policyTypes; we follow the API (egress-only policies do not isolate ingress).
  for (const [check, ruleId, objects] of [
    ['dangling-networkpolicy', 'netpol-selects-nothing', ['NetworkPolicy app']],
    ['dangling-networkpolicypeer-podselector', 'netpol-peer-selects-nothing', ['NetworkPolicy app']],
    ['non-isolated-pod', 'workload-not-isolated', ['Deployment app1']],
  ] as const) {
    const { findings, objectOf } = runCase(check, ruleId);
    assert.deepEqual(findings.map(objectOf).sort(), [...objects].sort(), check);
  }
});

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
import { Analysis, type AnalysisSettings } from '../../server/src/engine/analysis';
import { RULES } from '../../server/src/engine/rules/catalogue';
import { netpolPeerSelectsNothing } from '../../server/src/engine/rules/netpolPeerSelectsNothing';
import { netpolSelectsNothing } from '../../server/src/engine/rules/netpolSelectsNothing';
import type { Finding, Rule } from '../../server/src/engine/rules/rule';
import { workloadNotIsolated } from '../../server/src/engine/rules/workloadNotIsolated';
import { sharedData } from '../support/shared';

const { dir: KUBE_LINTER, skip } = sharedData('conformance', 'kube-linter');

interface Expected {
  messages_in_order: string[];
  objects_reported_inferred?: string[];
  not_reported?: string[];
}

function runCase(check: string, ruleId: string, analysis?: Analysis): { findings: Finding[]; expected: Expected; objectOf(f: Finding): string } {
  const dir = path.join(KUBE_LINTER, 'e2e', check);
  const file = path.join(dir, 'input.yaml');
  analysis ??= new Analysis({ onRuleError: (id, error) => assert.fail(`rule ${id} threw: ${(error as Error).stack}`) });
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
  assert.deepEqual(byRule('service-selects-nothing').map((f) => ({ ...(f.data?.['selector'] as object) })), [{ app: 'pod1-test' }]);
  // TestIngressWithDefaultBackendAndRulesServiceMissingFails / TestIngressWithServiceMissmatchPortfails: one finding
  // per missing backend (service-2 missing; service1 exists, port 80 exists, port name port1 does not).
  assert.deepEqual(byRule('ingress-backend-missing').map((f) => [f.data?.['service'], f.data?.['port'] ?? null]), [['service-2', null], ['service1', 'port1']]);
});

/**
 * The NetworkPolicy rules, added to the catalogue here so that these tests do not depend on their registration (a rule
 * already in the catalogue is not added twice). workload-not-isolated is off by default: the tests turn it on.
 */
const NETPOL_RULES: readonly Rule[] = [netpolSelectsNothing, netpolPeerSelectsNothing, workloadNotIsolated];
const WITH_NETPOL_RULES: readonly Rule[] = [...RULES, ...NETPOL_RULES.filter((rule) => !RULES.some((r) => r.id === rule.id))];
const NETPOL_SETTINGS: AnalysisSettings = { defaultNamespace: 'default', rules: { 'workload-not-isolated': 'info' } };

function netpolAnalysis(): Analysis {
  return new Analysis({
    rules: WITH_NETPOL_RULES,
    settingsFor: () => NETPOL_SETTINGS,
    onRuleError: (id, error) => assert.fail(`rule ${id} threw: ${(error as Error).stack}`),
  });
}

test('kube-linter dangling-networkpolicy -> netpol-selects-nothing fires on the same NetworkPolicy', { skip }, () => {
  const { findings, expected, objectOf } = runCase('dangling-networkpolicy', 'netpol-selects-nothing', netpolAnalysis());
  // Upstream: NetworkPolicy `app` (podSelector app.kubernetes.io/name=app1 matches no pod). The input holds no
  // workload at all, so the namespace may be populated from elsewhere: we say it at info severity, on the same object.
  assert.deepEqual(findings.map(objectOf), ['NetworkPolicy app']);
  assert.equal(findings.length, expected.messages_in_order.length);
  assert.equal(findings[0]!.severity, 'info');
  assert.match(findings[0]!.message, /app\.kubernetes\.io\/name=app1/);
});

test('kube-linter dangling-networkpolicypeer-podselector -> netpol-peer-selects-nothing fires on the same peer', { skip }, () => {
  const { findings, expected, objectOf } = runCase('dangling-networkpolicypeer-podselector', 'netpol-peer-selects-nothing', netpolAnalysis());
  // Upstream checks only peers without namespaceSelector, in the policy's namespace: the ingress peer
  // app.kubernetes.io/name=app2. Info severity for the same reason as above (no workload in the namespace).
  assert.deepEqual(findings.map(objectOf), ['NetworkPolicy app']);
  assert.equal(findings.length, expected.messages_in_order.length);
  assert.deepEqual(findings.map((f) => [f.severity, f.data?.['selector'], f.data?.['direction']]), [['info', 'app.kubernetes.io/name=app2', 'Ingress']]);
});

test('kube-linter non-isolated-pod -> workload-not-isolated agrees on ingress isolation, and also reports open egress', { skip }, () => {
  const { findings, expected, objectOf } = runCase('non-isolated-pod', 'workload-not-isolated', netpolAnalysis());
  // Upstream reports Deployment app1 and DeploymentConfig app2 (an OpenShift kind we do not model as a workload);
  // not Deployment dont-fire, which policy dont-fire1 selects. Upstream counts any selecting policy as isolating,
  // whatever its policyTypes; the API isolates per direction. dont-fire1 has no policyTypes and no egress rules, so
  // its effective policyTypes is [Ingress]: dont-fire is isolated for ingress (where we agree with upstream) and open
  // for egress, which we report and upstream does not (upstream is wrong about egress, by the API reference).
  const ingressOpen = findings.filter((f) => (f.data?.['directions'] as string[]).includes('Ingress'));
  const modelled = objects(expected.objects_reported_inferred).filter((o) => !o.startsWith('DeploymentConfig '));
  assert.deepEqual(ingressOpen.map(objectOf).sort(), modelled.sort());
  for (const notReported of objects(expected.not_reported)) assert.ok(!ingressOpen.map(objectOf).includes(notReported), notReported);
  assert.deepEqual(
    findings.filter((f) => !ingressOpen.includes(f)).map((f) => [objectOf(f), f.data?.['directions']]),
    [['Deployment dont-fire', ['Egress']]],
  );
});

/** `kube-linter/unit_scenarios.yaml` for the NetworkPolicy checks, as manifests (one empty namespace: `default`). */
function deployments(pods: Record<string, string>): string {
  return Object.entries(pods)
    .map(([name, app]) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}}\nspec: {template: {metadata: {labels: {app: ${app}}}, spec: {containers: [{name: c, image: x}]}}}\n`)
    .join('---\n');
}

function policy(name: string, spec: string): string {
  return `---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}}\nspec: ${spec}\n`;
}

function scenario(text: string, ruleId: string): string[] {
  const analysis = netpolAnalysis();
  analysis.setFile('scenario.yaml', text);
  const resources = [...analysis.index.resourcesOf('scenario.yaml')];
  return analysis
    .findings('scenario.yaml')
    .filter((f) => f.ruleId === ruleId)
    .map((f) => resources.find((r) => r.span.start <= f.span.start && f.span.end <= r.span.end)!.name);
}

test('kube-linter unit scenarios for dangling-networkpolicy agree', { skip }, () => {
  const pods = deployments({ pod1: 'pod1-test', pod2: 'pod2-test' });
  // TestNetworkPolicyEmptySelectorMatchesAllPods, TestNoDanglingNetworkPolicies: nothing.
  assert.deepEqual(scenario(pods + policy('networkpolicy-matches-all', '{podSelector: {}}'), 'netpol-selects-nothing'), []);
  assert.deepEqual(
    scenario(pods + policy('networkpolicy-matches-pod1', '{podSelector: {matchLabels: {app: pod1-test}}}') + policy('networkpolicy-matches-pod2', '{podSelector: {matchLabels: {app: pod2-test}}}'), 'netpol-selects-nothing'),
    [],
  );
  // TestOneNetworkPolicyIsDangling: only pod2 exists.
  assert.deepEqual(
    scenario(deployments({ pod2: 'pod2-test' }) + policy('networkpolicy-matches-pod1', '{podSelector: {matchLabels: {app: pod1-test}}}') + policy('networkpolicy-matches-pod2', '{podSelector: {matchLabels: {app: pod2-test}}}'), 'netpol-selects-nothing'),
    ['networkpolicy-matches-pod1'],
  );
});

test('kube-linter unit scenarios for dangling-networkpolicypeer-podselector agree, one finding per dangling peer', { skip }, () => {
  const both = deployments({ pod1: 'pod1-test', pod2: 'pod2-test' });
  const peers = (apps: string[]) => `[${apps.map((a) => (a === '{}' ? '{podSelector: {}}' : `{podSelector: {matchLabels: {app: ${a}}}}`)).join(', ')}]`;
  const egress = (apps: string[]) => `{podSelector: {}, egress: [{to: ${peers(apps)}}]}`;
  const ingress = (apps: string[]) => `{podSelector: {}, ingress: [{from: ${peers(apps)}}]}`;
  const id = 'netpol-peer-selects-nothing';
  // TestNetworkPolicyPeerEmptySelectorMatchesAllPods, TestNoDanglingNetworkPolicyPeers.
  assert.deepEqual(scenario(both + policy('egress-all', egress(['{}'])) + policy('ingress-all', ingress(['{}'])), id), []);
  assert.deepEqual(scenario(both + policy('np1', egress(['pod1-test'])) + policy('np2', ingress(['pod2-test'])), id), []);
  // TestOneNetworkPolicyPeerIsDangling: only pod2 exists.
  assert.deepEqual(scenario(deployments({ pod2: 'pod2-test' }) + policy('np1', egress(['pod1-test'])) + policy('np2', egress(['pod2-test'])), id), ['np1']);
  // TestEgressRuleWithMultiplePeerSomeDangling, TestNPwithIngressEgressRulesWithMultiplePeerSomeDangling.
  assert.deepEqual(scenario(both + policy('np3', egress(['pod1-test', 'wrong1-test', 'wrong2-test'])), id), ['np3', 'np3']);
  assert.deepEqual(
    scenario(both + policy('np4', `{podSelector: {}, ingress: [{from: ${peers(['pod1-test', 'wrong1-test'])}}], egress: [{to: ${peers(['pod2-test', 'wrong2-test'])}}]}`), id),
    ['np4', 'np4'],
  );
});

test('kube-linter unit scenarios for non-isolated-pod agree on ingress isolation', { skip }, () => {
  const pods = deployments({ pod1: 'pod1-test', pod2: 'pod2-test' });
  // Upstream counts a selecting policy as isolating whatever its types; these policies have no policyTypes and no
  // egress rules, so they isolate for ingress only (API defaulting): we compare the ingress side.
  const ingressOpen = (text: string) => {
    const analysis = netpolAnalysis();
    analysis.setFile('scenario.yaml', text);
    return analysis
      .findings('scenario.yaml')
      .filter((f) => f.ruleId === 'workload-not-isolated' && (f.data?.['directions'] as string[]).includes('Ingress'))
      .map((f) => String(f.data?.['workload']))
      .sort();
  };
  assert.deepEqual(ingressOpen(pods + policy('networkpolicy-isolating-all', '{podSelector: {}}')), []);
  assert.deepEqual(ingressOpen(pods + policy('np-pod1', '{podSelector: {matchLabels: {app: pod1-test}}}') + policy('np-pod2', '{podSelector: {matchLabels: {app: pod2-test}}}')), []);
  assert.deepEqual(ingressOpen(pods + policy('np-pod2', '{podSelector: {matchLabels: {app: pod2-test}}}')), ['default/pod1']);
  assert.deepEqual(ingressOpen(pods + policy('np-none', '{podSelector: {matchLabels: {app: no-pods-test}}}')), ['default/pod1', 'default/pod2']);
});

/**
 * AdminNetworkPolicy / BaselineAdminNetworkPolicy semantics (issue 21), one point per test: the API's tier order
 * (ANP by priority, Allow / Deny / Pass; NetworkPolicies; the baseline), named ports, explain naming the deciding rule,
 * and the model following edits of an admin policy.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatConnlistText } from '../../server/src/cli/format/connlistText';
import { connectivityList, explainReach, reachModelOf, resolvePeer, type ReachPeer } from '../../server/src/engine/reach/index';
import type { ReachModel } from '../../server/src/engine/reach/model';
import { loadYaml } from './helpers';
import { analysisOf } from '../support/workspace';

const WORKLOADS = `apiVersion: v1
kind: Namespace
metadata: {name: a, labels: {team: a}}
---
apiVersion: v1
kind: Namespace
metadata: {name: b, labels: {team: b}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: a}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: x, ports: [{name: http, containerPort: 8080}]}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: b}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: c, image: x, ports: [{name: http, containerPort: 9090}]}]}
`;

function anp(name: string, priority: number, action: string, extra = ''): string {
  return `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: ${name}}
spec:
  priority: ${priority}
  subject: {namespaces: {matchLabels: {team: b}}}
  ingress:
  - name: ${name}-rule
    action: ${action}
    from: [{namespaces: {matchLabels: {team: a}}}]
${extra}`;
}

const BANP_DENY = `apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata: {name: default}
spec:
  subject: {namespaces: {}}
  ingress:
  - name: deny-all
    action: Deny
    from: [{namespaces: {}}]
`;

const NP_ALLOW_9090 = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api, namespace: b}
spec:
  podSelector: {}
  ingress: [{ports: [{port: 9090}]}]
`;

function webToApi(...texts: string[]): string {
  const list = connectivityList(reachModelOf(loadYaml(WORKLOADS, ...texts).index));
  const line = list.find((c) => c.src.id === 'a/web[Deployment]' && c.dst.id === 'b/api[Deployment]');
  return line ? formatConnlistText([line]).trim().split(' : ')[1]! : 'none';
}

function peer(model: ReachModel, text: string): ReachPeer {
  const resolved = resolvePeer(model, text);
  assert.ok('peer' in resolved);
  return resolved.peer;
}

test('without admin policies, the NetworkPolicy decides', () => {
  assert.equal(webToApi(NP_ALLOW_9090), 'TCP 9090');
});

test('an ANP Deny wins over a NetworkPolicy that admits', () => {
  assert.equal(webToApi(NP_ALLOW_9090, anp('deny', 10, 'Deny')), 'none');
});

test('an ANP Allow wins over a NetworkPolicy that isolates and over the baseline', () => {
  assert.equal(webToApi(NP_ALLOW_9090, BANP_DENY, anp('allow', 10, 'Allow')), 'All Connections');
});

test('the lower priority number decides first', () => {
  assert.equal(webToApi(anp('deny', 20, 'Deny'), anp('allow', 10, 'Allow')), 'All Connections');
  assert.equal(webToApi(anp('deny', 5, 'Deny'), anp('allow', 10, 'Allow')), 'none');
});

test('Pass hands the connection to the NetworkPolicies, or to the baseline when none isolates the pods', () => {
  assert.equal(webToApi(NP_ALLOW_9090, anp('pass', 1, 'Pass'), anp('allow', 10, 'Allow')), 'TCP 9090');
  assert.equal(webToApi(BANP_DENY, anp('pass', 1, 'Pass')), 'none');
  assert.equal(webToApi(anp('pass', 1, 'Pass')), 'All Connections');
});

test('the baseline applies only where no NetworkPolicy isolates the pods', () => {
  assert.equal(webToApi(BANP_DENY), 'none');
  assert.equal(webToApi(BANP_DENY, NP_ALLOW_9090), 'TCP 9090');
});

test('ports: a named port resolves against the destination pods, the rest falls through', () => {
  const namedDeny = anp('deny-http', 10, 'Deny', '    ports: [{namedPort: http}]\n');
  assert.equal(webToApi(namedDeny), 'SCTP 1-65535,TCP 1-9089,9091-65535,UDP 1-65535');
  const rangeAllow = anp('allow-range', 10, 'Allow', '    ports: [{portRange: {protocol: TCP, start: 9000, end: 9100}}]\n');
  assert.equal(webToApi(BANP_DENY, rangeAllow), 'TCP 9000-9100');
});

test('explain names the deciding admin rule', () => {
  const model = reachModelOf(loadYaml(WORKLOADS, NP_ALLOW_9090, anp('deny', 10, 'Deny')).index);
  const explanation = explainReach(model, peer(model, 'a/web'), peer(model, 'b/api'), { protocol: 'TCP', port: 9090 });
  assert.equal(explanation.verdict, 'denied');
  const text = explanation.lines.join('\n');
  assert.match(text, /AdminNetworkPolicy `deny` \(priority 10\) ingress rule 1 `deny-rule`: Deny on every port/);
  assert.match(text, /result: ingress allows nothing/);
});

test('the model follows edits of an admin policy (shared model dropped when an ANP changes)', () => {
  const analysis = analysisOf([
    ['/w/app.yaml', WORKLOADS],
    ['/w/anp.yaml', anp('deny', 10, 'Deny')],
  ]);
  const before = connectivityList(reachModelOf(analysis.index)).some((c) => c.dst.id === 'b/api[Deployment]' && c.src.id === 'a/web[Deployment]');
  assert.equal(before, false);
  analysis.setFile('/w/anp.yaml', anp('deny', 10, 'Allow'));
  const after = connectivityList(reachModelOf(analysis.index)).some((c) => c.dst.id === 'b/api[Deployment]' && c.src.id === 'a/web[Deployment]');
  assert.equal(after, true);
  analysis.removeFile('/w/anp.yaml');
  assert.equal(connectivityList(reachModelOf(analysis.index)).some((c) => c.dst.id === 'b/api[Deployment]' && c.src.id === 'a/web[Deployment]'), true);
});

/**
 * A NetworkPolicy alias bomb (issue 14, item 11): a rule aliased N times, holding a peer aliased N times, holding an
 * ipBlock with N excepts. Its text grows linearly with N, what it expands to cubically. Every stage after parsing
 * must cost what the text costs: the facts share what the YAML shares, compilation keeps each rule and peer object
 * once, the address space is cut once per ipBlock, fingerprints hash each object once. Work is counted (objects,
 * compiled peers, address ranges), not timed; one generous time limit only guards against a hang.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Analysis } from '../../server/src/engine/analysis';
import { codeLenses } from '../../server/src/engine/features/codeLens';
import { featureHost } from '../../server/src/engine/features/host';
import { hover } from '../../server/src/engine/features/hover';
import { documentSymbols } from '../../server/src/engine/features/symbols';
import { resourceFingerprint } from '../../server/src/engine/model/fingerprint';
import type { NetworkPolicy } from '../../server/src/engine/model/resources';
import { compiledPeerAt, compiledRuleAt, compilePolicy } from '../../server/src/engine/netpol/compiledPolicy';
import { buildNetpolModel, connectivity } from '../../server/src/engine/netpol/index';
import { explainReach, reachModelOf, resolvePeer, type ReachModel } from '../../server/src/engine/reach/index';
import { RULES } from '../../server/src/engine/rules/catalogue';

const APP = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: default}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: x, ports: [{containerPort: 80}]}]}
`;

function bomb(n: number): string {
  const lines = ['apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: bomb, namespace: default}', 'spec:', '  podSelector: {}', '  ingress:', '    - &rule', '      from:', '        - &peer', '          ipBlock:', '            cidr: 10.0.0.0/8', '            except:'];
  for (let i = 0; i < n; i++) lines.push(`              - 10.${i >> 8}.${i & 255}.0/24`);
  for (let i = 1; i < n; i++) lines.push('        - *peer');
  for (let i = 1; i < n; i++) lines.push('    - *rule');
  return `${lines.join('\n')}\n`;
}

/** Distinct objects reachable from a value (what the facts really hold, shared objects once). */
function distinctObjects(value: unknown, seen = new Set<object>()): number {
  if (value === null || typeof value !== 'object' || seen.has(value)) return seen.size;
  seen.add(value);
  for (const member of Object.values(value)) distinctObjects(member, seen);
  return seen.size;
}

function analyse(text: string): Analysis {
  const analysis = new Analysis({ rules: RULES, settingsFor: () => ({ defaultNamespace: 'default', rules: {} }) });
  analysis.setFile('app.yaml', APP);
  analysis.setFile('bomb.yaml', text);
  return analysis;
}

function policyOf(analysis: Analysis): NetworkPolicy {
  return analysis.index.resourcesOf('bomb.yaml').find((r) => r.kind === 'NetworkPolicy') as NetworkPolicy;
}

test('the facts of an alias bomb share what the YAML shares: as many objects for N = 300 as the text has nodes', () => {
  for (const n of [30, 300]) {
    const policy = policyOf(analyse(bomb(n)));
    assert.equal(policy.ingress!.length, n, 'every alias is a rule of the list');
    assert.equal(new Set(policy.ingress).size, 1, 'one rule object, repeated');
    assert.equal(new Set(policy.ingress![0]!.peers).size, 1, 'one peer object, repeated');
    assert.equal(policy.ingress![0]!.peers![0]!.ipBlock!.except.length, n);
    // The policy, one rule, one peer with its ipBlock, selectors and spans: a bound that does not grow with N
    // (apart from the N except strings and spans, which the text holds).
    assert.ok(distinctObjects(policy) < 2 * n + 100, `${distinctObjects(policy)} objects for N = ${n}`);
  }
});

test('compiling an alias bomb compiles each rule and peer object once; the address space is cut once', () => {
  const sizes = [30, 300].map((n) => {
    const analysis = analyse(bomb(n));
    const compiled = compilePolicy(policyOf(analysis));
    assert.equal(compiled.rejected, undefined);
    const rules = compiled.rules.Ingress;
    const peers = rules.flatMap((r) => r.peers ?? []);
    const ranges = compiled.writtenIpBlocks.Ingress.flat();
    const model = buildNetpolModel(analysis.index);
    return { rules: rules.length, peers: peers.length, ranges: ranges.length, atoms: model.sourceAtoms.length, n };
  });
  for (const size of sizes) {
    assert.equal(size.rules, 1);
    assert.equal(size.peers, 1);
    // 10.0.0.0/8 minus N /24s: at most N + 1 ranges; the atoms are those cuts of the IPv4 space.
    assert.ok(size.ranges <= size.n + 1, JSON.stringify(size));
    assert.ok(size.atoms <= 2 * size.n + 4, JSON.stringify(size));
  }
});

test('fingerprints of shared facts: the same facts print alike, a change prints differently', () => {
  const policy = policyOf(analyse(bomb(300)));
  const print = resourceFingerprint(policy);
  assert.equal(resourceFingerprint(policyOf(analyse(bomb(300)))), print, 'the same facts print the same');
  assert.notEqual(resourceFingerprint(policyOf(analyse(bomb(300).replace('10.0.0.0/8', '11.0.0.0/8')))), print, 'a change prints differently');
});

test('analysis, connectivity, hovers, code lenses and symbols on an alias bomb finish (hang guard)', () => {
  const started = Date.now();
  const text = bomb(300);
  const analysis = analyse(text);
  // An edit: fingerprints of the old and new objects are compared.
  analysis.setFile('bomb.yaml', text.replace('10.0.0.0/8', '10.0.0.0/9'));
  analysis.refresh();
  assert.ok(analysis.allFindings().every((f) => f.ruleId !== 'yaml-syntax'));
  const pairs = connectivity(analysis.index);
  assert.ok(pairs.length > 0);
  const host = featureHost(analysis);
  const edited = text.replace('10.0.0.0/8', '10.0.0.0/9');
  for (const needle of ['&rule', '&peer', 'ipBlock', 'cidr', '*peer', '*rule', 'podSelector']) hover(host, 'bomb.yaml', edited, edited.lastIndexOf(needle) + 1);
  codeLenses(host, 'bomb.yaml');
  documentSymbols(host, 'bomb.yaml', edited);
  // Before: 55 s and 400 MB for the CLI alone. A generous bound, only against a hang.
  assert.ok(Date.now() - started < 30000, `took ${Date.now() - started} ms`);
});

test('rules and peers repeated through aliases: explain, hovers and the compiled lookups find their first occurrence', () => {
  const policy = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: default}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress:
    - &rule
      from:
        - &peer {ipBlock: {cidr: 192.0.2.0/24}}
        - *peer
        - podSelector: {matchLabels: {app: web}}
    - *rule
`;
  const analysis = new Analysis({ rules: RULES, settingsFor: () => ({ defaultNamespace: 'default', rules: {} }) });
  analysis.setFile('app.yaml', APP);
  analysis.setFile('policy.yaml', policy);
  const compiled = compilePolicy(analysis.index.resourcesOf('policy.yaml')[0] as NetworkPolicy);
  assert.deepEqual(compiled.rules.Ingress.map((r) => r.index), [0]);
  assert.deepEqual(compiled.rules.Ingress[0]!.peers!.map((p) => p.index), [0, 2]);
  assert.equal(compiledRuleAt(compiled, 'Ingress', 1), compiled.rules.Ingress[0]);
  assert.equal(compiledPeerAt(compiled.rules.Ingress[0]!, 1), compiled.rules.Ingress[0]!.peers![0]);
  const model = reachModelOf(analysis.index);
  const text = explainReach(model, resolvePeerOrFail(model, 'default/web'), resolvePeerOrFail(model, 'default/web')).lines.join('\n');
  assert.ok(text.includes('`web` ingress rule 1 admits pods app=web'), text);
  const host = featureHost(analysis);
  // The second rule and the second peer are aliases: their hovers are the first occurrence's.
  const secondPeer = policy.indexOf('*peer') + 1;
  assert.match(hover(host, 'policy.yaml', policy, secondPeer)?.markdown ?? '', /192\.0\.2\.0\/24/);
});

function resolvePeerOrFail(model: ReachModel, text: string) {
  const resolved = resolvePeer(model, text);
  assert.ok('peer' in resolved, JSON.stringify(resolved));
  return resolved.peer;
}

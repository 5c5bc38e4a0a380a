/**
 * ahmetb/kubernetes-network-policy-recipes (test/fixtures/recipes, Apache-2.0): every "this pod can / cannot reach
 * that one on this port" claim transcribed from the recipes' prose, checked with `reach` on the recipe's policies
 * plus derived-workloads.yaml (our translation of the recipe's kubectl commands into manifests).
 *
 * - A claim may say which policies were applied at that point (`policies_applied`, `policy`); otherwise the recipe's
 *   `policies` list applies.
 * - Recipe 11 applies two versions of the same-named policy `foo-deny-egress` with `kubectl apply`: the second
 *   REPLACES the first (one object per namespace/name in a cluster). The workspace index keeps every definition of a
 *   name (variants of one manifest are common in repositories) and the engine treats every definition as in force,
 *   which would make the two versions additive. So each claim of recipe 11 loads only the version it was made
 *   under (its `policy` field): the last definition applied at that moment.
 * - Recipe 14's first claim ("the app=foo pod can connect to web") contradicts the recipe's current YAML, which only
 *   allows egress to kube-system pods labelled k8s-app=kube-dns on 53/UDP and 53/TCP. The Kubernetes API reference
 *   (NetworkPolicySpec.egress): "If this field is empty then this NetworkPolicy limits all outgoing traffic (and
 *   serves solely to ensure that the pods it selects are isolated by default)", and outgoing traffic of a selected
 *   pod is allowed "if the traffic matches at least one egress rule across all of the NetworkPolicy objects whose
 *   podSelector matches the pod". web is not kube-dns, so the YAML wins: we assert the connection is DENIED (the
 *   claim is marked CLAIM_CONTRADICTS_SPEC).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { Protocol } from '../../server/src/engine/model/resources';
import { connectionsContain, formatConnections, isEmptyConnections } from '../../server/src/engine/netpol/portSet';
import { reachBetween as reach, reachModelOf, resolvePeer, type ReachModel, type ReachPeer } from '../../server/src/engine/reach/index';
import { subfolders } from '../support/repo';
import { FIXTURES, loadFiles } from './helpers';

const ROOT = path.join(FIXTURES, 'recipes');

interface Claim {
  id: string;
  policies_applied?: string[];
  policy?: string;
  src: string;
  dst: string;
  port: string;
  expected: 'allowed' | 'blocked';
  CLAIM_CONTRADICTS_SPEC?: boolean;
}

interface ClaimsFile {
  recipe: string;
  policies: string[];
  claims_transcribed_from_prose: Claim[];
}

const recipes = subfolders(ROOT);

let claimCount = 0;

for (const recipe of recipes) {
  const dir = path.join(ROOT, recipe);
  const claims = parse(fs.readFileSync(path.join(dir, 'claims.yaml'), 'utf8')) as ClaimsFile;
  for (const claim of claims.claims_transcribed_from_prose) {
    claimCount++;
    test(`recipe ${recipe}: ${claim.id} (${claim.src} -> ${claim.dst} ${claim.port}: ${claim.expected}${claim.CLAIM_CONTRADICTS_SPEC ? ', contradicted by the YAML' : ''})`, () => {
      const policies = claim.policies_applied ?? (claim.policy ? [claim.policy] : claims.policies);
      const files = [path.join(dir, 'derived-workloads.yaml'), ...policies.map((p) => path.join(dir, fileNameOf(p)))];
      const model = reachModelOf(loadFiles(files).index);
      const src = endpoint(model, claim.src);
      const dst = endpoint(model, claim.dst);
      const result = reach(model, src, dst);
      const expectAllowed = claim.CLAIM_CONTRADICTS_SPEC ? claim.expected !== 'allowed' : claim.expected === 'allowed';
      const ports = portsOf(claim.port);
      if (ports === 'not-expressible') {
        // ICMP cannot be named in a NetworkPolicy; an egress-isolated pod with no rule to the address gets nothing.
        assert.equal(isEmptyConnections(result.allowed), !expectAllowed, formatConnections(result.allowed));
        return;
      }
      for (const [protocol, port] of ports) {
        assert.equal(connectionsContain(result.allowed, protocol, port), expectAllowed, `${protocol} ${port}: allowed set is ${formatConnections(result.allowed)}`);
      }
    });
  }
}

test('31 claims in 12 recipes are checked', () => {
  assert.equal(claimCount, 31);
});

/** `policy-2.yaml (REPLACES policy-1: same name foo-deny-egress)` -> `policy-2.yaml` */
function fileNameOf(entry: string): string {
  return /^(\S+\.yaml)/.exec(entry)![1]!;
}

/** `default/web`, `0.0.0.0/0 (internet, via LoadBalancer)`, `93.184.216.34 (www.example.com)` */
function endpoint(model: ReachModel, text: string): ReachPeer {
  const resolution = resolvePeer(model, text.split(' ')[0]!);
  assert.ok('peer' in resolution, `${text}: ${'error' in resolution ? resolution.error : ''}`);
  return resolution.peer;
}

/** `TCP 80`, `UDP 53,TCP 53`, `ICMP (...)` */
function portsOf(text: string): [Protocol, number][] | 'not-expressible' {
  if (text.startsWith('ICMP')) return 'not-expressible';
  return text.split(',').map((item) => {
    const [protocol, port] = item.trim().split(' ');
    return [protocol as Protocol, Number(port)];
  });
}

test('recipe 11: both versions loaded as one workspace are additive, which is why each claim loads its own version', () => {
  const dir = path.join(ROOT, '11-deny-egress-traffic-from-an-application');
  const model = reachModelOf(loadFiles(['derived-workloads.yaml', 'policy-1.yaml', 'policy-2.yaml'].map((f) => path.join(dir, f))).index);
  const dns = reach(model, endpoint(model, 'default/test'), endpoint(model, 'kube-system/kube-dns')).allowed;
  // v1 (`egress: []`) admits nothing, so the union is v2: right for v2's claims, wrong for v1's ("DNS is blocked").
  assert.equal(formatConnections(dns), 'TCP 53,UDP 53');
});

test('recipes 03 and 12 (prose only, no tested claim): the derived expectations hold', () => {
  const load = (recipe: string) => {
    const dir = path.join(ROOT, recipe);
    return reachModelOf(loadFiles([path.join(dir, 'derived-workloads.yaml'), path.join(dir, 'policy-1.yaml')]).index);
  };
  const allowedText = (model: ReachModel, src: string, dst: string) => formatConnections(reach(model, endpoint(model, src), endpoint(model, dst)).allowed);
  // 03: all ingress to pods in `default` denied, from any pod or address; egress unaffected.
  const deny03 = load('03-deny-all-non-whitelisted-traffic-in-the-namespace');
  assert.equal(allowedText(deny03, 'default/test-client', 'default/web'), 'No Connections');
  assert.equal(allowedText(deny03, '8.8.8.8', 'default/web'), 'No Connections');
  assert.equal(allowedText(deny03, 'default/web', '8.8.8.8'), 'All Connections');
  // 12: all egress from pods in `default` denied, DNS to kube-system included; ingress unaffected.
  const deny12 = load('12-deny-all-non-whitelisted-traffic-from-the-namespace');
  assert.equal(allowedText(deny12, 'default/test-client', 'kube-system/kube-dns'), 'No Connections');
  assert.equal(allowedText(deny12, 'default/test-client', '8.8.8.8'), 'No Connections');
  assert.equal(allowedText(deny12, 'kube-system/kube-dns', 'default/web'), 'All Connections');
});

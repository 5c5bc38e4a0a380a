/**
 * One answer everywhere: random workspaces (NetworkPolicies, Cilium policies, admin and baseline admin policies) and cluster profiles (engines none / Azure NPM / Calico / Cilium / not
 * stated; every controller kind; LocalDNS on and off), and for every pair of workloads, every ingress path and
 * every load balancer to the pods it sends to, and every workload's DNS, what each surface says must agree with
 * `netlens explain`'s verdict (the reachability model):
 *  - the connectivity list has the pair's line iff explain says ALLOWED, with the same set; `{ingress-controller}`
 *    holds a routed port iff some path is ALLOWED on it;
 *  - the graph draws the pair's policy edge (or counts the pair as open) iff ALLOWED, with the same set; the way-in
 *    edges' status and the DNS and dependency edges' status are the verdicts;
 *  - the rules report a blocked finding (netpol-blocks-ingress-controller, netpol-egress-blocks-dns,
 *    netpol-blocks-declared-dependency with verdict denied) iff explain says DENIED;
 *  - the workload hover lists a workload among who can connect iff ALLOWED, and a way in as not admitted iff DENIED;
 *    the code lens counts the same workloads and marks the same ways in as blocked.
 * `npm test` runs NETLENS_AGREEMENT_CASES (default 40) workspaces; set it higher for a longer run, and
 * NETLENS_AGREEMENT_DUMP=<seed> to print a failing seed's workspace.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeLenses } from '../../server/src/engine/features/codeLens';
import { connectivityGraph, type GraphData } from '../../server/src/engine/features/graph';
import { featureHost } from '../../server/src/engine/features/host';
import { hover } from '../../server/src/engine/features/hover';
import { exposureOf } from '../../server/src/engine/exposure/exposure';
import { isWorkload } from '../../server/src/engine/model/resources';
import { formatConnections, isEmptyConnections } from '../../server/src/engine/netpol/portSet';
import type { ClusterProfile } from '../../server/src/engine/profile/types';
import { connectivityList, peerId, peerOfWorkloadDefinition, reachBetween, reachModelOf, verdictOf, workloadPeer, type ReachModel, type Verdict } from '../../server/src/engine/reach/index';
import { restrictedByPolicy } from '../../server/src/engine/reach/allowedPairs';
import { exposureVerdict, wayOfExposure } from '../../server/src/engine/reach/ways';
import { loadFixture } from '../support/fixture';
import { Random } from '../support/random';

const CASES = Number(process.env['NETLENS_AGREEMENT_CASES'] ?? 40);
const NAMESPACES = ['shop', 'pay'];
const APPS = ['web', 'api', 'db'];
const INGRESS_CLASSES = ['webapprouting.kubernetes.azure.com', 'nginx', 'istio', 'azure-alb-external', 'traefik', ''];
const GATEWAY_CLASSES = ['istio', 'approuting-istio', 'azure-alb-external'];

interface Generated {
  fixture: string;
  profile: ClusterProfile;
}

function generate(random: Random): Generated {
  const files: string[] = [];
  const workloads: { ns: string; app: string; port: number }[] = [];
  for (const ns of NAMESPACES) {
    files.push(`# file: ns-${ns}.yaml\napiVersion: v1\nkind: Namespace\nmetadata: {name: ${ns}, labels: {team: ${random.pick(['a', 'b'])}}}\n`);
    for (const app of APPS) {
      if (random.next() < 0.25) continue;
      const port = random.pick([8080, 9000, 5432]);
      workloads.push({ ns, app, port });
      const target = random.pick(workloads);
      const env = random.next() < 0.6 ? `\n          env: [{name: PEER_ADDR, value: "${target.app}.${target.ns}:80"}, {name: EXT_URL, value: "https://${random.pick(['api.example.com', '10.1.2.3', '52.1.2.3'])}"}]` : '';
      const lb = random.next() < 0.3;
      const svcType = lb ? `type: LoadBalancer${random.next() < 0.5 ? '\n  externalTrafficPolicy: Local' : ''}` : 'type: ClusterIP';
      const internal = lb && random.next() < 0.3 ? `\n  annotations: {service.beta.kubernetes.io/azure-load-balancer-internal: "true"}` : '';
      files.push(`# file: ${ns}-${app}.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${app}, namespace: ${ns}}
spec:
  selector: {matchLabels: {app: ${app}}}
  template:
    metadata: {labels: {app: ${app}, tier: ${random.pick(['front', 'back'])}}}
    spec:
      containers:
        - name: c
          image: example
          ports: [{name: http, containerPort: ${port}}]${env}
---
apiVersion: v1
kind: Service
metadata: {name: ${app}, namespace: ${ns}${internal}}
spec:
  ${svcType}
  selector: {app: ${app}}
  ports: [{name: http, port: 80, targetPort: http}]
`);
    }
  }
  let policies = 0;
  for (const ns of NAMESPACES) {
    if (random.next() < 0.6) files.push(`# file: ${ns}-deny.yaml\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: default-deny, namespace: ${ns}}\nspec: {podSelector: {}, policyTypes: ${random.pick(['[Ingress]', '[Ingress, Egress]', '[Egress]'])}}\n`);
    const count = random.int(3);
    for (let i = 0; i < count; i++) {
      const peer = random.pick([
        `{podSelector: {matchLabels: {app: ${random.pick(APPS)}}}}`,
        `{namespaceSelector: {matchLabels: {team: ${random.pick(['a', 'b'])}}}}`,
        `{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ${random.pick(['app-routing-system', 'ingress-nginx', 'shop', 'kube-system'])}}}}`,
        `{namespaceSelector: {}, podSelector: {matchLabels: {${random.pick(['app: nginx', 'gateway.networking.k8s.io/gateway-name: gw', 'k8s-app: kube-dns'])}}}}`,
        `{ipBlock: {cidr: ${random.pick(['10.0.0.0/8', '0.0.0.0/0', '10.224.0.0/12', '169.254.10.11/32'])}${random.next() < 0.3 ? ', except: [10.0.0.0/16]' : ''}}}`,
      ]);
      const ports = random.pick(['', `, ports: [{port: ${random.pick(['http', '8080', '53'])}${random.next() < 0.3 ? ', protocol: UDP' : ''}}]`, ', ports: [{port: 5000, endPort: 9000}]']);
      const direction = random.pick(['ingress', 'egress']);
      const rule = random.next() < 0.15 ? '{}' : `{${direction === 'ingress' ? 'from' : 'to'}: [${peer}]${ports}}`;
      files.push(`# file: ${ns}-np-${policies}.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: np-${policies++}, namespace: ${ns}}
spec:
  podSelector: ${random.next() < 0.4 ? '{}' : `{matchLabels: {app: ${random.pick(APPS)}}}`}
  policyTypes: [${direction === 'ingress' ? 'Ingress' : 'Egress'}]
  ${direction}: [${rule}]
`);
    }
  }
  // Cilium policies (evaluated only when the profile's engine is Cilium) and admin policies (always), so the surfaces
  // are compared under every tier the model combines.
  for (const ns of NAMESPACES) {
    if (random.next() >= 0.35) continue;
    const selector = random.next() < 0.4 ? '{}' : `{matchLabels: {app: ${random.pick(APPS)}}}`;
    const section = random.pick(['ingress', 'egress', 'ingressDeny', 'egressDeny']);
    const inbound = section.startsWith('ingress');
    const peer = random.pick([
      `${inbound ? 'fromEndpoints' : 'toEndpoints'}: [{matchLabels: {app: ${random.pick(APPS)}}}]`,
      `${inbound ? 'fromEndpoints' : 'toEndpoints'}: [{matchLabels: {k8s:io.kubernetes.pod.namespace: ${random.pick(NAMESPACES)}}}]`,
      `${inbound ? 'fromEntities' : 'toEntities'}: [${random.pick(['world', 'cluster', 'all'])}]`,
      `${inbound ? 'fromCIDR' : 'toCIDR'}: [${random.pick(['10.0.0.0/8', '0.0.0.0/0'])}]`,
      ...(inbound ? [] : ['toEndpoints: [{matchLabels: {k8s:io.kubernetes.pod.namespace: kube-system, k8s-app: kube-dns}}]']),
    ]);
    const ports = random.next() < 0.5 ? `, toPorts: [{ports: [{port: "${random.pick(['8080', '9000', '53', '5432'])}", protocol: ${random.pick(['TCP', 'UDP', 'ANY'])}}]}]` : '';
    files.push(`# file: ${ns}-cilium.yaml
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: cnp, namespace: ${ns}}
spec:
  endpointSelector: ${selector}
  ${section}: [{${peer}${ports}}]
`);
  }
  if (random.next() < 0.3) {
    const action = random.pick(['Allow', 'Deny', 'Pass']);
    const inbound = random.next() < 0.5;
    const peer = random.pick([`{namespaces: {matchLabels: {team: ${random.pick(['a', 'b'])}}}}`, `{pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: ${random.pick(APPS)}}}}}`]);
    const ports = random.next() < 0.5 ? `
    ports: [{portNumber: {protocol: TCP, port: ${random.pick([8080, 9000, 5432])}}}]` : '';
    files.push(`# file: anp.yaml
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: admin}
spec:
  priority: ${random.int(50)}
  subject: {namespaces: {matchLabels: {team: ${random.pick(['a', 'b'])}}}}
  ${inbound ? 'ingress' : 'egress'}:
  - name: rule
    action: ${action}
    ${inbound ? 'from' : 'to'}: [${peer}]${ports}
`);
  }
  if (random.next() < 0.2) {
    files.push(`# file: banp.yaml
apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata: {name: default}
spec:
  subject: {namespaces: {}}
  ingress:
  - name: deny
    action: Deny
    from: [{namespaces: {matchLabels: {team: ${random.pick(['a', 'b'])}}}}]
`);
  }
  // Ways in: Ingresses of every kind of class, a Gateway with a route.
  for (let i = 0; i < 2; i++) {
    const target = random.pick(workloads.length ? workloads : [{ ns: 'shop', app: 'web', port: 8080 }]);
    const className = random.pick(INGRESS_CLASSES);
    files.push(`# file: ingress-${i}.yaml
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: in-${i}, namespace: ${target.ns}}
spec:${className ? `\n  ingressClassName: ${className}` : ''}
  rules:
    - http:
        paths:
          - {path: /, pathType: Prefix, backend: {service: {name: ${target.app}, port: {number: 80}}}}
`);
  }
  if (random.next() < 0.6 && workloads.length) {
    const target = random.pick(workloads);
    files.push(`# file: gateway.yaml
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: ${target.ns}}
spec:
  gatewayClassName: ${random.pick(GATEWAY_CLASSES)}
  listeners: [{name: http, port: 80, protocol: HTTP}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: route, namespace: ${target.ns}}
spec:
  parentRefs: [{name: gw}]
  rules: [{backendRefs: [{name: ${target.app}, port: 80}]}]
`);
  }
  const profile: ClusterProfile = {};
  const engine = random.pick([undefined, 'none', 'azure-npm', 'calico', 'cilium'] as const);
  if (engine) profile.networkPolicyEngine = engine;
  if (random.next() < 0.5) profile.podCidr = random.pick(['10.244.0.0/16', '100.64.0.0/16']);
  if (random.next() < 0.4) profile.vnetCidrs = ['10.224.0.0/12'];
  if (random.next() < 0.5) profile.networkModel = random.pick(['overlay', 'flat'] as const);
  if (random.next() < 0.5) profile.localDns = random.next() < 0.5;
  if (random.next() < 0.4) profile.ingressControllers = [random.pick([{ class: 'azure-alb-external', subnetCidr: '10.225.0.0/24' }, { class: 'nginx', namespace: 'ingress-nginx' }, { class: 'traefik', namespace: 'traefik', podLabels: { app: 'traefik' } }])];
  if (random.next() < 0.3) profile.kubernetesVersion = random.pick(['1.30', '1.31']);
  return { fixture: files.join('\n'), profile };
}

function ctx(seed: number, g: Generated): string {
  return `seed ${seed}, profile ${JSON.stringify(g.profile)}`;
}

/** What the cases covered, so that a generator that stops producing some kind of case fails the last test. */
const seen = { pairs: 0, allowedPairs: 0, deniedPairs: 0, unknownPairs: 0, ways: 0, waysDenied: 0, waysUnknown: 0, waysAllowed: 0, dns: 0, dnsDenied: 0, dnsUnknown: 0, dependencies: 0, hoverRows: 0, dnsDeniedByAdminRule: 0 };

const STATUS_WORDS: Record<Verdict, string> = { allowed: '', denied: ' (blocked)', unknown: ' (may be blocked)' };

for (let seed = 1; seed <= CASES; seed++) {
  test(`surfaces agree with the reachability model (seed ${seed})`, () => {
    const g = generate(new Random(seed * 7919));
    const { analysis, files } = loadFixture(g.fixture, { profile: g.profile });
    const textOf = new Map(files.map((f) => [f.name, f.text]));
    const where = ctx(seed, g);
    if (process.env['NETLENS_AGREEMENT_DUMP'] === String(seed)) console.log(g.fixture);
    const index = analysis.index;
    const model = reachModelOf(index, g.profile);
    const host = featureHost(analysis);
    const list = connectivityList(model);
    const graph = connectivityGraph(index, { profile: g.profile });
    const findings = analysis.allFindings();
    const peers = model.netpol.peers;

    // Workload pairs: explain, the connectivity line, the graph's policy edge.
    for (const src of peers) {
      for (const dst of peers) {
        if (src === dst) continue;
        const answer = reachBetween(model, workloadPeer(src), workloadPeer(dst), false);
        const line = list.find((c) => c.src.id === src.id && c.dst.id === dst.id);
        seen.pairs++;
        seen[`${verdictOf(answer)}Pairs` as 'allowedPairs']++;
        assert.equal(!!line, verdictOf(answer) === 'allowed', `${where}: ${src.id} => ${dst.id}: connectivity line vs explain ${verdictOf(answer)}`);
        if (line) assert.equal(formatConnections(line.allowed), formatConnections(answer.allowed), `${where}: ${src.id} => ${dst.id} sets`);
        const drawn = graphPairSet(graph, src, dst);
        assert.equal(drawn ?? 'none', isEmptyConnections(answer.allowed) ? 'none' : formatConnections(answer.allowed), `${where}: ${src.id} => ${dst.id}: graph vs explain`);
      }
    }

    // Ways in (ingress paths, load balancers) to each workload definition they send to, per exposure path.
    const workloads = [...index.workloads()].filter(isWorkload);
    for (const workload of workloads) {
      const target = peerOfWorkloadDefinition(model, workload);
      if (!target) continue;
      const lenses = codeLenses(host, workload.file).map((l) => l.title);
      const markdown = hover(host, workload.file, textOf.get(workload.file)!, workload.nameSpan.start + 1)?.markdown ?? '';
      for (const path of exposureOf(index, workload)) {
        const way = wayOfExposure(model, path);
        const last = path.hops[path.hops.length - 1];
        if (!way || last?.kind !== 'pods' || last.target.port === undefined) continue;
        const verdict = verdictOf(reachBetween(model, way, target), { protocol: last.protocol, port: last.target.port });
        assert.equal(exposureVerdict(model, path), verdict, `${where}: exposure verdict of ${peerId(way)} → ${workload.name}`);
        seen.ways++;
        seen[verdict === 'allowed' ? 'waysAllowed' : verdict === 'denied' ? 'waysDenied' : 'waysUnknown']++;
        // The code lens marks the way in as the model says.
        const base = path.hops[0]!.kind === 'load-balancer' ? (path.hops[0].visibility === 'public' ? 'public via LoadBalancer' : 'internal via LoadBalancer') : path.hops[0]!.kind === 'ingress-controller' ? 'public via Ingress' : path.hops[0]!.kind === 'gateway' ? 'public via Gateway' : 'NodePort';
        assert.ok(lenses.includes(`${base}${STATUS_WORDS[verdict]}`), `${where}: lens for ${peerId(way)} → ${workload.name} (${verdict}) in ${JSON.stringify(lenses)}`);
        // The graph's way-in edge to the workload's peer agrees (edges aggregate every way between two nodes).
        checkExposureEdge(model, graph, way, target.peer.id, where);
        // netpol-blocks-ingress-controller reports DENIED ways in (controller known), never an ALLOWED one.
        if (way.kind === 'ingress' && path.hops[0]!.kind === 'ingress-controller' && way.paths[0]!.source.kind !== 'unknown' && g.profile.networkPolicyEngine !== 'none') {
          const ingress = path.hops.find((h) => h.kind === 'ingress');
          const blocked = findings.some(
            (f) => f.ruleId === 'netpol-blocks-ingress-controller' && f.file === (ingress?.kind === 'ingress' ? ingress.ingress.file : '') && f.data?.['verdict'] === 'denied' && f.data['workload'] === `${workload.namespace}/${workload.name}`,
          );
          assert.equal(blocked, verdict === 'denied', `${where}: netpol-blocks-ingress-controller for ${peerId(way)} → ${workload.name} vs explain ${verdict}`);
        }
      }
      // The hover: who can connect (workloads, for certain) and the ways in it says are not admitted.
      const rows = peers.filter((p) => p !== target.peer).map((p) => ({ p, answer: reachBetween(model, workloadPeer(p), target, false) }));
      for (const { p, answer } of rows) {
        if (!markdown.includes('**Inside the cluster:** isolated')) break;
        // In the picture's line (the first sources) or in the list below it (all of them, when the line has no room).
        const listed = markdown.includes(`${p.kind} \`${p.namespace}/${p.name}\`: ${isEmptyConnections(answer.allowed) ? 'maybe' : ''}`);
        assert.equal(listed, !isEmptyConnections(answer.possible), `${where}: hover of ${workload.name} lists ${p.id}?`);
        seen.hoverRows++;
      }
      const lens = lenses.find((t) => t.startsWith('reachable from '));
      if (lens && lens.startsWith('reachable from ') && !lens.includes('everywhere')) {
        const certain = rows.filter((r) => !isEmptyConnections(r.answer.allowed)).length;
        assert.ok(lens.startsWith(`reachable from ${certain} workload`), `${where}: lens "${lens}" counts ${certain}`);
      }
    }

    // DNS: explain, netpol-egress-blocks-dns and the graph's DNS edge.
    for (const src of peers) {
      if (src.classes.some((c) => c.hostNetwork)) continue;
      const answer = reachBetween(model, workloadPeer(src), { kind: 'dns' }, false);
      const udp = verdictOf(answer, { protocol: 'UDP', port: 53 });
      const npIsolating = src.classes.some((c) => model.netpol.policiesSelecting(c, 'Egress').length > 0);
      const restricted = src.classes.some((c) => restrictedByPolicy(model.netpol, c, 'Egress')) && model.semantics.enforced;
      // Without egress restriction DNS is allowed, unless an admin policy restricts the DNS pods' ingress (a baseline
      // whose subject is every namespace, kube-system included, may deny it).
      const adminPolicies = model.netpol.adminPolicies.length + model.netpol.baselinePolicies.length;
      if (!restricted && adminPolicies === 0) assert.equal(udp, 'allowed', `${where}: DNS of ${src.id} without egress isolation`);
      // The graph shows DNS for pods NetworkPolicies isolate, and wherever DNS is not allowed (Cilium, admin policies).
      const edge = graph.edges.find((e) => e.kind === 'dependency' && e.source === src.id && e.target === 'dns');
      assert.equal(edge?.kind === 'dependency' ? edge.status : undefined, npIsolating || udp !== 'allowed' ? udp : undefined, `${where}: graph DNS edge of ${src.id}`);
      // Some rule reports every denied DNS, naming the workload: the NetworkPolicy, Cilium or admin policy rule.
      const named = (f: { ruleId: string; data?: Record<string, unknown>; message: string }) =>
        (f.ruleId === 'admin-policy-blocks-dns' && (f.data?.['workloads'] as string[]).includes(`${src.namespace}/${src.name}`)) ||
        (f.ruleId === 'netpol-egress-blocks-dns' && f.data?.['namespace'] === src.namespace && (f.data['workloads'] as string[]).includes(`${src.kind}/${src.name}`)) ||
        (f.ruleId === 'cilium-egress-blocks-dns' && f.message.includes(`${src.kind} \`${src.name}\``) && f.data?.['policy'] !== undefined && String(f.data['policy']).startsWith(`${src.namespace}/`));
      if (udp === 'denied' && model.semantics.enforced) assert.ok(findings.some(named), `${where}: denied DNS of ${src.id} reported by no rule`);
      for (const f of findings.filter((x) => x.ruleId === 'admin-policy-blocks-dns' && (x.data?.['workloads'] as string[]).includes(`${src.namespace}/${src.name}`))) {
        assert.equal(udp, 'denied', `${where}: ${f.message}`);
        seen.dnsDeniedByAdminRule++;
      }
      if (!restricted) continue;
      seen.dns++;
      if (udp === 'denied') seen.dnsDenied++;
      if (udp === 'unknown') seen.dnsUnknown++;
      // netpol-egress-blocks-dns speaks of NetworkPolicy isolation (Cilium has cilium-egress-blocks-dns).
      if (!npIsolating) continue;
      const blocked = findings.some((f) => f.ruleId === 'netpol-egress-blocks-dns' && f.data?.['verdict'] === 'denied' && f.data['namespace'] === src.namespace && (f.data['workloads'] as string[]).includes(`${src.kind}/${src.name}`));
      assert.equal(blocked, udp === 'denied', `${where}: netpol-egress-blocks-dns for ${src.id} vs explain UDP 53 ${udp}`);
    }

    // Declared dependencies: the graph's dependency edges and netpol-blocks-declared-dependency.
    for (const edge of graph.edges) {
      if (edge.kind !== 'dependency' || edge.what !== 'service' || edge.targetPort === undefined) continue;
      const src = peers.find((p) => p.id === edge.source)!;
      const dst = peers.find((p) => p.id === edge.target)!;
      const verdict = verdictOf(reachBetween(model, workloadPeer(src), workloadPeer(dst), false), { protocol: edge.protocol, port: edge.targetPort });
      assert.equal(edge.status, verdict, `${where}: dependency edge ${edge.id}`);
      seen.dependencies++;
      if (verdict === 'denied' && g.profile.networkPolicyEngine !== 'none') {
        const reported = findings.some((f) => f.ruleId === 'netpol-blocks-declared-dependency' && f.data?.['client'] === `${src.namespace}/${src.name}` && f.data['target'] === `${dst.namespace}/${dst.name}`);
        assert.ok(reported, `${where}: netpol-blocks-declared-dependency for ${edge.id}`);
      }
    }
    for (const f of findings) {
      if (f.ruleId !== 'netpol-blocks-declared-dependency') continue;
      const src = peers.find((p) => `${p.namespace}/${p.name}` === f.data?.['client'])!;
      const dst = peers.find((p) => `${p.namespace}/${p.name}` === f.data?.['target'])!;
      const verdict = verdictOf(reachBetween(model, workloadPeer(src), workloadPeer(dst), false), { protocol: f.data!['protocol'] as 'TCP', port: f.data!['port'] as number });
      assert.equal(verdict, 'denied', `${where}: netpol-blocks-declared-dependency ${f.message}`);
    }
  });
}

test('the cases covered every kind of answer', () => {
  for (const [kind, count] of Object.entries(seen)) assert.ok(count > 0, `no case produced ${kind}: ${JSON.stringify(seen)}`);
});

/** What the graph draws from src to dst: its edge (or a namespace-collapsed one), `open` pairs as All Connections. */
function graphPairSet(graph: GraphData, src: { id: string; namespace: string }, dst: { id: string; namespace: string }): string | undefined {
  const ends = (peer: { id: string; namespace: string }) => [peer.id, `ns:${peer.namespace}`];
  for (const s of ends(src)) {
    for (const d of ends(dst)) {
      const edge = graph.edges.find((e) => e.kind === 'policy' && e.source === s && e.target === d);
      if (edge?.kind === 'policy') return edge.connections;
    }
  }
  const node = (id: string) => graph.nodes.find((n) => n.type === 'workload' && n.id === id);
  const s = node(src.id);
  const d = node(dst.id);
  if (s?.type === 'workload' && d?.type === 'workload' && !s.isolated.egress && !d.isolated.ingress) return 'All Connections';
  return undefined;
}

/** The graph's edge from a way in to a workload peer: its status is the model's verdict over every route between them. */
function checkExposureEdge(model: ReachModel, graph: GraphData, way: Parameters<typeof peerId>[0], peerIdOfTarget: string, where: string): void {
  const source = way.kind === 'service-entry' ? (way.via === 'load-balancer' ? `lb:${way.service.namespace}/${way.service.name}` : 'nodes') : peerId(way);
  const edge = graph.edges.find((e) => e.kind === 'exposure' && e.source === source && e.target === peerIdOfTarget);
  if (!edge || edge.kind !== 'exposure' || edge.status === undefined || way.kind === 'service-entry' && way.via === 'node-port') return;
  const target = model.netpol.peer(peerIdOfTarget)!;
  const statuses = new Set<Verdict>();
  for (const workload of target.workloads) {
    for (const path of exposureOf(model.index, workload)) {
      const other = wayOfExposure(model, path);
      if (!other || peerId(other) !== peerId(way)) continue;
      const verdict = exposureVerdict(model, path);
      if (verdict) statuses.add(verdict);
    }
  }
  const expected = statuses.has('allowed') ? 'allowed' : statuses.has('unknown') ? 'unknown' : 'blocked';
  assert.equal(edge.status, expected, `${where}: graph edge ${edge.id}`);
}


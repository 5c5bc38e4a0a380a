/**
 * Incremental equals from scratch for the NetworkPolicy rules, whose dependencies are the finest: the shared model
 * records per-namespace reads (NetpolModel's accessors), so a label edit in one namespace only re-runs the files that
 * asked about that namespace. Random semantic edits (pod labels, a workload moving namespace, namespace labels,
 * policy selectors, namespaceSelectors, ports, ipBlocks, kube-dns appearing and going, Services and Ingresses) on a
 * generated multi-namespace workspace; after each refresh the findings equal those of a fresh analysis.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Analysis } from '../../server/src/engine/analysis';
import { firstDifference } from '../support/diff';
import { Random } from '../support/random';

const STEPS = Number(process.env['NETLENS_INCREMENTAL_NETPOL_STEPS'] ?? 300);
const NAMESPACES = ['shop', 'pay', 'web', 'ops'];
const TIERS = ['web', 'api', 'db', 'cache'];
/** Namespaces no Namespace object declares: known only while some workload lives there (and a typo of one). */
const UNDECLARED = ['audit', 'audti'];

function workload(random: Random, i: number): string {
  const ns = random.next() < 0.15 ? UNDECLARED[0]! : random.pick(NAMESPACES);
  const tier = random.pick(TIERS);
  const port = random.pick([8080, 9000, 5432]);
  const next = random.int(8);
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: app-${i}, namespace: ${ns}}
spec:
  selector: {matchLabels: {app: app-${i}}}
  template:
    metadata: {labels: {app: app-${i}, tier: ${tier}}}
    spec:
      containers:
        - name: app
          image: example.com/app-${i}:1
          ports: [{name: http, containerPort: ${port}}]
          env: [{name: NEXT_ADDR, value: "app-${next}.${random.pick(NAMESPACES)}:80"}, {name: API_URL, value: "https://${random.pick(['10.1.2.3', 'api.example.com'])}"}]
---
apiVersion: v1
kind: Service
metadata: {name: app-${i}, namespace: ${ns}}
spec:
  selector: {app: app-${random.int(8)}}
  ports: [{port: 80, targetPort: ${random.pick(['http', '8080', 'grpc'])}}]
`;
}

function policy(random: Random, i: number): string {
  const ns = random.pick(NAMESPACES);
  const peer = random.pick([
    `{podSelector: {matchLabels: {tier: ${random.pick(TIERS)}}}}`,
    `{namespaceSelector: {matchLabels: {team: ${random.pick(['a', 'b'])}}}}`,
    `{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ${random.pick([...NAMESPACES, ...UNDECLARED])}}}, podSelector: {matchLabels: {tier: ${random.pick(TIERS)}}}}`,
    `{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}`,
  ]);
  const port = random.pick(['{port: http}', '{port: 8080}', '{protocol: UDP, port: 53}', '{port: 5000, endPort: 9000}']);
  const types = random.pick(['[Ingress]', '[Egress]', '[Ingress, Egress]', '[]']);
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: np-${i}, namespace: ${ns}}
spec:
  podSelector: {matchLabels: {tier: ${random.pick(TIERS)}}}
  policyTypes: ${types}
  ingress: [{from: [${peer}], ports: [${port}]}]
  egress: [{to: [${peer}], ports: [${port}]}]
`;
}

function namespaceObject(random: Random, name: string): string {
  return `apiVersion: v1
kind: Namespace
metadata: {name: ${name}, labels: {team: ${random.pick(['a', 'b', 'c'])}}}
`;
}

function ingress(random: Random, i: number): string {
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: in-${i}, namespace: ${random.pick(NAMESPACES)}}
spec:
  ingressClassName: webapprouting.kubernetes.azure.com
  rules: [{host: shop.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: app-${random.int(8)}, port: {number: 80}}}}]}}]
`;
}

const KUBE_DNS = `apiVersion: apps/v1
kind: Deployment
metadata: {name: coredns, namespace: kube-system}
spec:
  template:
    metadata: {labels: {k8s-app: kube-dns}}
    spec:
      containers: [{name: coredns, image: coredns, ports: [{name: dns, containerPort: 53, protocol: UDP}, {name: dns-tcp, containerPort: 53}]}]
`;

test(`${STEPS} NetworkPolicy-relevant edits: incremental findings equal a fresh analysis`, () => {
  const random = new Random(Number(process.env['NETLENS_INCREMENTAL_SEED'] ?? 11));
  const files = new Map<string, string>();
  const makers: Record<string, (i: number) => string> = {
    app: (i) => workload(random, i),
    np: (i) => policy(random, i),
    in: (i) => ingress(random, i),
  };
  const fileNames = [...Array.from({ length: 8 }, (_, i) => `app-${i}.yaml`), ...Array.from({ length: 6 }, (_, i) => `np-${i}.yaml`), 'in-0.yaml', 'in-1.yaml'];
  for (const name of fileNames) files.set(name, makers[name.split('-')[0]!]!(Number(name.split('-')[1]!.split('.')[0])));
  for (const ns of NAMESPACES) files.set(`ns-${ns}.yaml`, namespaceObject(random, ns));
  const incremental = new Analysis();
  for (const [name, text] of files) incremental.setFile(name, text);
  incremental.refresh();

  for (let step = 0; step < STEPS; step++) {
    const action = random.int(10);
    if (action < 7) {
      const name = random.pick(fileNames);
      files.set(name, makers[name.split('-')[0]!]!(Number(name.split('-')[1]!.split('.')[0])));
    } else if (action < 9) {
      const ns = random.pick(NAMESPACES);
      if (random.next() < 0.2) files.delete(`ns-${ns}.yaml`);
      else files.set(`ns-${ns}.yaml`, namespaceObject(random, ns));
    } else if (files.has('kube-dns.yaml')) {
      files.delete('kube-dns.yaml');
    } else {
      files.set('kube-dns.yaml', KUBE_DNS);
    }
    for (const name of incremental.fileNames()) if (!files.has(name)) incremental.removeFile(name);
    for (const [name, text] of files) incremental.setFile(name, text);
    if (random.next() < 0.7) incremental.refresh(); // sometimes several changes arrive before findings are asked for

    const fresh = new Analysis();
    for (const [name, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) fresh.setFile(name, text);
    const difference = firstDifference(incremental.allFindings(), fresh.allFindings());
    assert.equal(difference, undefined, `step ${step}: ${difference}`);
  }
  // The workspace produced NetworkPolicy findings at all (else the test would prove nothing).
  const ruleIds = new Set(incremental.allFindings().map((f) => f.ruleId));
  assert.ok([...ruleIds].some((id) => id.startsWith('netpol-')), `rules seen: ${[...ruleIds].join(', ')}`);
});

test('a namespace that becomes known through a new workload updates the suggestions of policies in other files', () => {
  const policyText = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: np, namespace: shop}
spec:
  podSelector: {}
  ingress: [{from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: audti}}}]}]
`;
  const app = `apiVersion: apps/v1
kind: Deployment
metadata: {name: app, namespace: shop}
spec:
  template:
    metadata: {labels: {app: app}}
    spec: {containers: [{name: app, image: app}]}
`;
  const files = new Map([
    ['np.yaml', policyText],
    ['app.yaml', app],
  ]);
  const incremental = new Analysis();
  for (const [name, text] of files) incremental.setFile(name, text);
  incremental.refresh();
  const suggestionsBefore = incremental.findings('np.yaml').filter((f) => f.message.includes('did you mean'));
  assert.equal(suggestionsBefore.length, 0, 'no namespace close to `audti` is known yet');
  files.set('audit.yaml', app.replace('namespace: shop', 'namespace: audit'));
  incremental.setFile('audit.yaml', files.get('audit.yaml')!);
  incremental.refresh();
  const fresh = new Analysis();
  for (const [name, text] of files) fresh.setFile(name, text);
  assert.equal(firstDifference(incremental.allFindings(), fresh.allFindings()), undefined);
  assert.ok(incremental.findings('np.yaml').some((f) => f.message.includes('did you mean `audit`')), 'the new namespace is suggested');
});

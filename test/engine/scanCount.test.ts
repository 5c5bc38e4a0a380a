/**
 * Linear cost, counted rather than timed (issue 17): the index counts the objects in every whole-workspace list it
 * hands out (`all`, `files`, `ofKind`, `workloads`, `namespaceNames`, ... see `WorkspaceIndex.scanStats`). On
 * workspaces of the same shape at two sizes (4x the objects), a rule run must scan about as many objects at both sizes
 * (a value built once per refresh is shared by every run, so its scan is paid once), and so must an edit. A rule that
 * scans the index once per object, or per host it finds in an env value, scans 4x more per run at 4x the size: it
 * makes a cold check quadratic, and this test names it.
 *
 * The workspaces hold what real repositories hold: every form of Service reference in env values, container args and
 * ConfigMaps (`svc`, `svc:port`, `svc.ns`, `svc.ns:port`, `svc.ns.svc`, `svc.ns.svc.cluster.local`, URLs with and
 * without schemes and ports), `envFrom`, external hosts, Helm-like labels, NetworkPolicies with namespaceSelectors and
 * ipBlocks, Ingresses, Gateway API routes; multi-document bundles next to one-object files; few or many namespaces.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Analysis } from '../../server/src/engine/analysis';
import type { ScanStats } from '../../server/src/engine/model/workspaceIndex';
import { RULES } from '../../server/src/engine/rules/catalogue';
import type { Rule } from '../../server/src/engine/rules/rule';

interface Shape {
  name: string;
  namespaces: number;
  appsPerNamespace: number;
  /** One multi-document file per namespace (else one file per application). */
  bundles: boolean;
}

function app(ns: string, i: number, namespaces: readonly string[], apps: number): string {
  const name = `app-${i}`;
  const other = namespaces[(namespaces.indexOf(ns) + 1) % namespaces.length]!;
  const peer = `app-${(i + 1) % apps}`;
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
  labels: {app.kubernetes.io/name: ${name}, app.kubernetes.io/instance: ${name}-${ns}, helm.sh/chart: ${name}-1.2.3}
  annotations:
    meta.helm.sh/release-name: ${name}
    checksum/config: 3f2a1c0e9b8d7f6a5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f
spec:
  selector: {matchLabels: {app.kubernetes.io/name: ${name}}}
  template:
    metadata: {labels: {app.kubernetes.io/name: ${name}, tier: backend}}
    spec:
      tolerations: [{key: pool, operator: Equal, value: apps, effect: NoSchedule}]
      containers:
        - name: main
          image: contoso.azurecr.io/${name}:1.0.${i}
          args: ["--upstream=http://${peer}.${other}:80", "--metrics=${peer}:9090"]
          ports: [{name: http, containerPort: 8080}, {name: metrics, containerPort: 9090}]
          envFrom: [{configMapRef: {name: ${name}-config}}]
          env:
            - {name: PEER, value: ${peer}}
            - {name: PEER_PORT_ADDR, value: "${peer}:80"}
            - {name: PEER_NS, value: ${peer}.${other}}
            - {name: PEER_NS_PORT, value: "${peer}.${other}:80"}
            - {name: PEER_SVC, value: ${peer}.${other}.svc}
            - {name: PEER_FQDN, value: ${peer}.${other}.svc.cluster.local}
            - {name: PEER_URL, value: "http://${peer}.${other}.svc.cluster.local:80/api"}
            - {name: OTEL_EXPORTER_OTLP_ENDPOINT, value: "http://otel-collector.observability:4317"}
            - {name: MISSING_NS, value: "http://ghost.nowhere-${i}:8080"}
            - {name: PAYMENTS_URL, value: "https://api.payments-${i % 7}.example.com/v2"}
            - {name: DB_HOST, value: db-${i % 5}.postgres.database.azure.com}
            - {name: DB_PORT, value: "5432"}
            - name: FROM_MAP
              valueFrom: {configMapKeyRef: {name: ${name}-config, key: UPSTREAM}}
---
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${ns}, labels: {app.kubernetes.io/name: ${name}}}
spec:
  selector: {app.kubernetes.io/name: ${name}}
  ports: [{name: http, port: 80, targetPort: http}, {name: metrics, port: 9090, targetPort: metrics}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: ${name}-config, namespace: ${ns}}
data:
  UPSTREAM: http://${peer}.${other}:80
  CACHE: redis-${i % 3}.${ns}.svc.cluster.local:6379
  EXTERNAL: https://login.example-${i % 4}.org
${POLICY_SEPARATOR}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ${name}-ingress, namespace: ${ns}}
spec:
  podSelector: {matchLabels: {app.kubernetes.io/name: ${name}}}
  policyTypes: [Ingress, Egress]
  ingress:
    - from:
        - namespaceSelector: {matchLabels: {team: ${other}}}
          podSelector: {matchLabels: {app.kubernetes.io/name: ${peer}}}
        - podSelector: {matchLabels: {tier: backend}}
      ports: [{port: http}]
  egress:
    - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ${other}}}}]
      ports: [{port: 8080}]
    - to: [{ipBlock: {cidr: 10.${i % 250}.0.0/16, except: [10.${i % 250}.1.0/24]}}]
${i % 3 === 0 ? ingressAndRoute(ns, name) : ''}`;
}

function ingressAndRoute(ns: string, name: string): string {
  return `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: ${name}, namespace: ${ns}}
spec:
  ingressClassName: nginx
  rules: [{host: ${name}.${ns}.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: ${name}, port: {name: http}}}}]}}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: ${name}, namespace: ${ns}}
spec:
  parentRefs: [{name: public, namespace: gateways}]
  rules: [{backendRefs: [{name: ${name}, port: 80}]}]
`;
}

/** Where a one-file-per-app layout splits an application's policy into a file of its own. */
const POLICY_SEPARATOR = '--- # policy';

const SHARED = `apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: nginx}
spec: {controller: k8s.io/ingress-nginx}
---
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: public}
spec: {controllerName: example.com/gateway}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: public, namespace: gateways}
spec:
  gatewayClassName: public
  listeners: [{name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}]
`;

export function workspace(shape: Shape): Map<string, string> {
  const namespaces = Array.from({ length: shape.namespaces }, (_, n) => `team-${n}`);
  const files = new Map<string, string>([['shared.yaml', SHARED]]);
  for (const ns of namespaces) {
    const header = `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${ns}, labels: {team: ${ns}}}\n`;
    const apps = Array.from({ length: shape.appsPerNamespace }, (_, i) => app(ns, i, namespaces, shape.appsPerNamespace));
    if (shape.bundles) files.set(`${ns}/all.yaml`, [header, ...apps].join('---\n'));
    else {
      files.set(`${ns}/namespace.yaml`, header);
      apps.forEach((text, i) => {
        const [workload, policy] = text.split(POLICY_SEPARATOR) as [string, string];
        files.set(`${ns}/app-${i}.yaml`, workload);
        files.set(`${ns}/app-${i}-policy.yaml`, `---${policy}`);
      });
    }
  }
  return files;
}

interface Measured {
  resources: number;
  /** Objects scanned per rule run, by rule, over a cold check: in whole-workspace lists, and in one namespace's lists. */
  perRun: Map<string, { runs: number; objects: number; namespaceObjects: number }>;
  /** Objects scanned by setFile over a cold check, per file. */
  perSetFile: number;
  /** Objects scanned by one value edit (setFile and refresh), for each of the edits. */
  perEdit: number[];
  /**
   * The objects of the kinds the edited file holds. Setting a file again removes and re-adds all its objects, so the
   * values derived from those kinds (the compiled policy set, the Ingress route table) are rebuilt once per edit: one
   * pass over each such kind is what an edit of a bundle costs today (not yet per changed object, see
   * docs/performance.md), and anything beyond it is a per-item scan.
   */
  editedKinds: number;
}

function measure(shape: Shape): Measured {
  const stats: ScanStats = { scans: 0, objects: 0, namespaceObjects: 0 };
  const perRun = new Map<string, { runs: number; objects: number; namespaceObjects: number }>();
  const rules: Rule[] = RULES.map((rule) => ({
    ...rule,
    check(resource, ctx) {
      const before = stats.objects;
      const namespaceBefore = stats.namespaceObjects;
      try {
        rule.check(resource, ctx);
      } finally {
        const entry = perRun.get(rule.id) ?? { runs: 0, objects: 0, namespaceObjects: 0 };
        entry.runs++;
        entry.objects += stats.objects - before;
        entry.namespaceObjects += stats.namespaceObjects - namespaceBefore;
        perRun.set(rule.id, entry);
      }
    },
  }));
  const failures: string[] = [];
  const analysis = new Analysis({ rules, onRuleError: (id, error) => failures.push(`${id}: ${String(error)}`) });
  analysis.index.scanStats = stats;
  const files = workspace(shape);
  for (const [file, text] of files) analysis.setFile(file, text);
  const perSetFile = stats.objects / files.size;
  analysis.refresh();
  assert.deepEqual(failures, []);
  // Edits: an env value (a fact other files do not read), a pod label (one they do), and the edit undone.
  const target = shape.bundles ? 'team-0/all.yaml' : 'team-0/app-1.yaml';
  const original = files.get(target)!;
  const edits = [original.replace('image: contoso.azurecr.io/app-1:1.0.1', 'image: contoso.azurecr.io/app-1:1.0.2'), original.replace('tier: backend}}', 'tier: backend2}}'), original];
  assert.ok(edits[0] !== original && edits[1] !== original, 'the edits change the file');
  const perEdit: number[] = [];
  for (const text of edits) {
    const before = stats.objects;
    analysis.setFile(target, text);
    analysis.refresh();
    perEdit.push(stats.objects - before);
  }
  const kinds = new Set(analysis.index.resourcesOf(target).map((r) => r.kind));
  let editedKinds = 0;
  for (const resource of analysis.index.all()) if (kinds.has(resource.kind)) editedKinds++;
  return { resources: analysis.index.resourceCount, perRun, perSetFile, perEdit, editedKinds };
}

export const SHAPES: { small: Shape; large: Shape }[] = [
  { small: { name: 'many namespaces, bundles', namespaces: 12, appsPerNamespace: 4, bundles: true }, large: { name: 'many namespaces, bundles', namespaces: 48, appsPerNamespace: 4, bundles: true } },
  { small: { name: 'few namespaces, one file per app', namespaces: 3, appsPerNamespace: 16, bundles: false }, large: { name: 'few namespaces, one file per app', namespaces: 3, appsPerNamespace: 64, bundles: false } },
];

/** At 4x the objects: what a linear check scans per run or per edit stays about the same; a quadratic one's is 4x. */
const MAX_GROWTH = 2;
/** Below this many objects per run or edit, growth is noise (a list of the workspace's 3 IngressClasses). */
const FLOOR = 20;

for (const { small, large } of SHAPES) {
  test(`objects scanned per rule run, per setFile and per edit do not grow with the workspace (${small.name})`, () => {
    const a = measure(small);
    const b = measure(large);
    assert.ok(b.resources >= 3.5 * a.resources, `the large workspace has ${b.resources} objects, the small ${a.resources}`);
    const grown: string[] = [];
    for (const [rule, large] of b.perRun) {
      const smallRuns = a.perRun.get(rule);
      const perRunLarge = large.objects / large.runs;
      const perRunSmall = smallRuns ? smallRuns.objects / smallRuns.runs : 0;
      if (perRunLarge > FLOOR && perRunLarge > MAX_GROWTH * perRunSmall) grown.push(`${rule}: ${perRunSmall.toFixed(1)} -> ${perRunLarge.toFixed(1)} objects scanned per run`);
    }
    if (b.perSetFile > FLOOR && b.perSetFile > MAX_GROWTH * a.perSetFile) grown.push(`setFile: ${a.perSetFile.toFixed(1)} -> ${b.perSetFile.toFixed(1)} objects scanned per file`);
    b.perEdit.forEach((objects, i) => {
      if (objects > FLOOR && objects > MAX_GROWTH * a.perEdit[i]! + b.editedKinds) grown.push(`edit ${i + 1}: ${a.perEdit[i]} -> ${objects} objects scanned`);
    });
    assert.deepEqual(grown, [], `scans that grow with the workspace (${a.resources} -> ${b.resources} objects)`);
  });
}

/**
 * One namespace of 200 and of 1,000 workloads, the same policies per workload (one allow-list each): a rule that walks
 * its namespace's workloads, Services or pod classes once per policy, per peer or per workload scans 5x more per run
 * at 5x the namespace, and makes a check quadratic in the namespace (issue 17: 25 million selector tests in a
 * namespace of 5,000 workloads). A per-namespace table built once per refresh is shared by every run.
 */
const NAMESPACE_SIZES = { small: 200, large: 1000 };

test('objects of a namespace scanned per rule run do not grow with the namespace (one namespace of 200 vs 1,000 workloads)', () => {
  const shape = (apps: number): Shape => ({ name: `one namespace of ${apps} workloads`, namespaces: 1, appsPerNamespace: apps, bundles: false });
  const a = measure(shape(NAMESPACE_SIZES.small));
  const b = measure(shape(NAMESPACE_SIZES.large));
  const grown: string[] = [];
  for (const [rule, large] of b.perRun) {
    const small = a.perRun.get(rule);
    const perRunLarge = large.namespaceObjects / large.runs;
    const perRunSmall = small ? small.namespaceObjects / small.runs : 0;
    if (perRunLarge > FLOOR && perRunLarge > MAX_GROWTH * perRunSmall) grown.push(`${rule}: ${perRunSmall.toFixed(1)} -> ${perRunLarge.toFixed(1)} objects of the namespace scanned per run`);
  }
  assert.deepEqual(grown, [], `namespace scans that grow with the namespace (${a.resources} -> ${b.resources} objects)`);
});

test('the namespace scan counter counts: a rule that walks its namespace per policy is caught', () => {
  const stats: ScanStats = { scans: 0, objects: 0, namespaceObjects: 0 };
  const perPolicy = (apps: number) => {
    const analysis = new Analysis({
      rules: [{ ...RULES[0]!, id: 'walk-per-policy', appliesTo: ['NetworkPolicy'], check: (resource, ctx) => void ctx.index.workloadsIn(resource.namespace).some((w) => w.name === resource.name) }],
    });
    analysis.index.scanStats = stats;
    for (const [file, text] of workspace({ name: 'one namespace', namespaces: 1, appsPerNamespace: apps, bundles: false })) analysis.setFile(file, text);
    const before = stats.namespaceObjects;
    analysis.refresh();
    return (stats.namespaceObjects - before) / analysis.index.ofKind('NetworkPolicy').length;
  };
  assert.ok(perPolicy(40) > MAX_GROWTH * perPolicy(10));
});

test('the scan counter counts: a rule that scans the index per object is caught', () => {
  const stats: ScanStats = { scans: 0, objects: 0, namespaceObjects: 0 };
  const quadratic = (shape: Shape) => {
    const analysis = new Analysis({
      rules: [{ ...RULES[0]!, id: 'scan-per-object', appliesTo: ['Service'], check: (resource, ctx) => void ctx.index.ofKind('Service').some((s) => s === resource) }],
    });
    analysis.index.scanStats = stats;
    for (const [file, text] of workspace(shape)) analysis.setFile(file, text);
    const before = stats.objects;
    analysis.refresh();
    return (stats.objects - before) / analysis.index.ofKind('Service').length;
  };
  const shape = SHAPES[0]!;
  assert.ok(quadratic(shape.large) > MAX_GROWTH * quadratic(shape.small));
});

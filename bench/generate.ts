/**
 * Deterministic generator of realistic AKS-style workspaces for the benchmark (seeded PRNG, no Math.random).
 *
 * A workspace is a set of namespaces. Each namespace holds a Namespace object, a default-deny NetworkPolicy and a
 * DNS egress policy, then applications: a Deployment (probes, resources, several named ports, env values that name
 * other Services such as `http://catalog-2.shop-3.svc.cluster.local:80` or `cart-4:9000`, sometimes a sidecar),
 * a Service (ClusterIP, some LoadBalancer with Azure annotations), a ConfigMap, an allow-list NetworkPolicy (pod
 * and namespace selectors, named ports) and for some applications an Ingress (class
 * webapprouting.kubernetes.azure.com). Namespaces are laid out in three ways, as repositories are:
 *  - split:   one object per file (`<ns>/<app>/service.yaml`);
 *  - per-app: one multi-document file per application (`<ns>/<app>.yaml`);
 *  - bundle:  one file per namespace (`<ns>/all.yaml`), 1,000 to 6,000 lines.
 *
 * What repositories hold varies, so the generator takes a mix (`MIXES`, chosen with the seed in the bench run): how many
 * namespaces (from 5 to 500), the layouts' shares, how large a bundle gets (a namespace's bundle is cut into release
 * files of 50 to 5,000 lines), which forms Service references take (`svc`, `svc:port`, `svc.ns`, `svc.ns:port`,
 * `svc.ns.svc`, `svc.ns.svc.cluster.local`, URLs with and without schemes and ports; in env values, ConfigMap keys
 * read through `envFrom` and `configMapKeyRef`, and container args), external hosts (an API over HTTPS, an Azure
 * database host with its port in a second variable) with the ipBlock egress rule that admits them, telemetry sent
 * to `otel-collector.observability:4317`, Helm-rendered shapes (`# Source:` comments, `app.kubernetes.io/*` and
 * `helm.sh/chart` labels, long checksum annotations, tolerations) and the rarer forms of YAML (flow style, anchors and
 * aliases, `kind: List`). docs/performance.md gives each mix's proportions.
 *
 * A few real cross-file mistakes are planted and recorded in the manifest (`mistakes`), so the bench can check that
 * the engine it measures still finds them. Everything else is consistent: a correct engine reports nothing else.
 *
 * The manifest also names the files the server measurements edit and open (`editTargets`, `openTarget`), with the
 * offsets of the values the edits toggle.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Prng } from './prng';

/** Bump when the output changes, so cached workspaces are regenerated. */
export const GENERATOR_VERSION = 6;
export const DEFAULT_SEED = 20240611;

export interface PlantedMistake {
  rule: string;
  /** Path relative to the workspace root, with `/`. */
  file: string;
  object: string;
  what: string;
}

export interface ToggleEdit {
  /** Offset of the value in the file as generated. */
  offset: number;
  /** The value as generated, and the value the edits alternate with (of another length, so later spans move). */
  from: string;
  to: string;
}

export interface EditTarget {
  file: string;
  lines: number;
  /** Changes no fact (the container image tag): only this file's findings are recomputed. */
  local: ToggleEdit;
  /** Changes a pod label (a fact other files' rules read): the engine treats it as cross-file. */
  crossFile: ToggleEdit;
  /** A finding of this file that lies after both edits, so that each edit moves it and the server republishes. */
  findingAfterEdits: string;
}

export interface WorkspaceManifest {
  generatorVersion: number;
  mix: string;
  seed: number;
  targetResources: number;
  resources: number;
  byKind: Record<string, number>;
  namespaces: number;
  layouts: Record<'split' | 'per-app' | 'bundle', number>;
  files: number;
  bytes: number;
  lines: number;
  largestFile: { file: string; lines: number };
  bundlesOver2000Lines: number;
  mistakes: PlantedMistake[];
  editTargets: { bundle: EditTarget; small: EditTarget };
  /** A correct single-document Service whose Deployment is in another file: opened right after initialize. */
  openTarget: { file: string };
}

type Layout = 'split' | 'per-app' | 'bundle';

/** The forms a reference to a Service takes (see `referenceTo`). */
export const REFERENCE_FORMS = ['svc', 'svc:port', 'svc.ns', 'svc.ns:port', 'svc.ns.svc', 'svc.ns.svc.cluster.local', 'http://svc:port', 'http://svc.ns:port/path', 'http://svc.ns.svc.cluster.local:port'] as const;
type ReferenceForm = (typeof REFERENCE_FORMS)[number];

/** What a generated workspace is made of, in proportions (see docs/performance.md). */
export interface Mix {
  name: string;
  /** How many namespaces a workspace of `target` resources has. */
  namespaces: (target: number) => number;
  /** Weights of the layouts of namespaces after the first three (which hold the edit targets). */
  layouts: Record<Layout, number>;
  /** Applications per bundle file: a namespace with more is cut into release files (`all.yaml`, `release-2.yaml`...). */
  bundleApps: [number, number];
  /** Weights of the reference forms, in the order of REFERENCE_FORMS (forms without a namespace: same namespace only). */
  forms: readonly number[];
  /** Shares of applications that call external hosts, that send telemetry, that are rendered by Helm, that use rare YAML forms. */
  external: number;
  telemetry: number;
  helm: number;
  rareYaml: number;
}

export const MIXES: Record<string, Mix> = {
  // The generator of issue 8, with every reference form: 6 to 30 applications per namespace, one bundle per namespace.
  classic: { name: 'classic', namespaces: (t) => Math.max(5, Math.round(t / 95)), layouts: { split: 35, 'per-app': 35, bundle: 30 }, bundleApps: [40, 40], forms: [1, 2, 1, 2, 1, 3, 2, 2, 3], external: 0.1, telemetry: 0.1, helm: 0, rareYaml: 0.05 },
  // Per-namespace Helm releases of about 2,500 lines in 100 (10k) to 500 (50k) namespaces; every application sends
  // telemetry to another namespace by `name.namespace:port`: the shape that made the egress inventory quadratic.
  helm: { name: 'helm', namespaces: (t) => Math.min(500, Math.max(5, Math.round(t / 100))), layouts: { split: 5, 'per-app': 15, bundle: 80 }, bundleApps: [8, 14], forms: [1, 1, 4, 4, 2, 2, 1, 4, 2], external: 0.4, telemetry: 1, helm: 0.9, rareYaml: 0.05 },
  // 5 to 10 large namespaces: bundles cut at up to 5,000 lines next to many one-object files; more rare YAML forms.
  few: { name: 'few', namespaces: (t) => Math.min(10, Math.max(5, Math.round(t / 5000))), layouts: { split: 45, 'per-app': 25, bundle: 30 }, bundleApps: [1, 25], forms: [2, 3, 1, 1, 1, 1, 3, 1, 1], external: 0.2, telemetry: 0.3, helm: 0.3, rareYaml: 0.25 },
};
export const DEFAULT_MIX = 'classic';
/** The (mix, seed) pairs `npm run bench` measures by default. */
export const DEFAULT_RUNS: readonly { mix: string; seed: number }[] = [
  { mix: 'classic', seed: DEFAULT_SEED },
  { mix: 'helm', seed: 7 },
  { mix: 'few', seed: 4242 },
];

interface App {
  ns: string;
  /** How this application's references are written, and what else its manifests carry (from the mix). */
  forms: ReferenceForm[];
  external: boolean;
  telemetry: boolean;
  helm: boolean;
  rareYaml: boolean;
  name: string;
  base: string;
  grpc: boolean;
  sidecar: boolean;
  exposed: boolean;
  lb: 'none' | 'internal' | 'public';
  shared: boolean;
  replicas: number;
  tag: string;
  callees: { app: App; port: 'http' | 'grpc'; crossNs: boolean }[];
  callers: App[];
  /** Planted mistakes, by kind. */
  selectorTypo?: boolean;
  ingressPortTypo?: boolean;
  ingressServiceTypo?: boolean;
}

interface Doc {
  kind: string;
  text: string;
  /** Kinds of the further objects the text holds (the items of a `kind: List`). */
  also?: string[];
}

const APP_BASES = [
  'orders', 'catalog', 'payments', 'cart', 'checkout', 'inventory', 'shipping', 'search', 'reviews', 'recommendations',
  'accounts', 'auth', 'notifications', 'billing', 'pricing', 'ledger', 'gateway', 'profile', 'media', 'reports',
];
const TEAMS = ['shop', 'retail', 'logistics', 'platform', 'data', 'identity', 'finance', 'marketing', 'support', 'analytics'];
const REGISTRY = 'contosoacr.azurecr.io';
const INGRESS_CLASS = 'webapprouting.kubernetes.azure.com';
const CONSUMER_LABEL = 'netlens.bench/consumer';

export function sizeToCount(size: string): number {
  const match = /^(\d+)(k?)$/i.exec(size.trim());
  if (!match) throw new Error(`bad size \`${size}\`: use e.g. 1k, 10k, 50k`);
  return Number(match[1]) * (match[2] ? 1000 : 1);
}

/** Generates (or reuses, when the cached manifest matches) the workspace of `targetResources` resources in `dir`. */
export function ensureWorkspace(dir: string, targetResources: number, seed = DEFAULT_SEED, mix = DEFAULT_MIX): WorkspaceManifest {
  const manifestFile = `${dir}.manifest.json`;
  if (fs.existsSync(manifestFile) && fs.existsSync(dir)) {
    const cached = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as WorkspaceManifest;
    if (cached.generatorVersion === GENERATOR_VERSION && cached.seed === seed && cached.mix === mix && cached.targetResources === targetResources) return cached;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const { files, manifest } = generateWorkspace(targetResources, seed, mix);
  for (const [file, text] of files) {
    const full = path.join(dir, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
  // Beside the workspace, not in it: the CLI and the server read every *.json under the root.
  fs.writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export function generateWorkspace(targetResources: number, seed = DEFAULT_SEED, mixName = DEFAULT_MIX): { files: Map<string, string>; manifest: WorkspaceManifest } {
  const mix = MIXES[mixName];
  if (!mix) throw new Error(`unknown mix \`${mixName}\` (${Object.keys(MIXES).join(', ')})`);
  const rng = new Prng(seed);
  // Applications per namespace, so that the workspace has the mix's number of namespaces (3 documents per namespace,
  // about 4.3 per application).
  const namespaceCount = mix.namespaces(targetResources);
  const meanApps = Math.max(3, (targetResources / namespaceCount - 3) / 4.3);
  const files = new Map<string, string>();
  const byKind: Record<string, number> = {};
  const layouts: Record<Layout, number> = { split: 0, 'per-app': 0, bundle: 0 };
  const mistakes: PlantedMistake[] = [];
  const sharedApps: App[] = [];
  let resources = 0;
  let nsIndex = 0;
  let bundleTarget: EditTarget | undefined;
  let smallTarget: EditTarget | undefined;
  let openTarget: string | undefined;

  const count = (docs: Doc[]) => {
    for (const doc of docs) {
      for (const kind of [doc.kind, ...(doc.also ?? [])]) byKind[kind] = (byKind[kind] ?? 0) + 1;
      resources += 1 + (doc.also?.length ?? 0);
    }
  };

  while (resources < targetResources) {
    const ns = `${TEAMS[nsIndex % TEAMS.length]}-${nsIndex}`;
    // The first three namespaces have fixed layouts: they hold the edit targets and the planted mistakes.
    const layout: Layout = nsIndex === 0 ? 'split' : nsIndex === 1 ? 'bundle' : nsIndex === 2 ? 'per-app' : weighted(rng, mix.layouts);
    layouts[layout]++;
    const nsDocs = namespaceDocs(ns);
    count(nsDocs);
    // The bundle edit target gets about 2,000 lines (11 applications); others vary.
    const appCount = nsIndex === 1 ? 11 : Math.max(3, rng.int(Math.round(meanApps * 0.5), Math.round(meanApps * 1.5)));
    const apps: App[] = [];
    let planned = 0;
    for (let i = 0; i < appCount; i++) {
      // The edit targets' namespaces keep the plain shapes their offsets are computed for.
      const app = makeApp(rng, ns, i, nsIndex, nsIndex < 3 ? { ...mix, helm: 0, rareYaml: 0 } : mix);
      apps.push(app);
      planned += 4 + (app.exposed ? 1 : 0);
      // The last namespace stops once the target is reached (the first three are always whole).
      if (nsIndex > 2 && targetResources - resources - planned <= 0) break;
    }
    wireCalls(rng, apps, sharedApps);

    if (nsIndex === 0) {
      // Not exposed, so that the typo yields exactly one finding (an Ingress to it would add ingress-backend-unready).
      apps[2]!.selectorTypo = true;
      apps[2]!.exposed = false;
    }
    if (nsIndex === 1) apps[apps.length - 1]!.exposed = true;
    if (nsIndex === 1) apps[apps.length - 1]!.ingressPortTypo = true;
    if (nsIndex === 2) {
      apps[1]!.exposed = true;
      apps[1]!.ingressServiceTypo = true;
    }

    const appDocs = apps.map((app) => ({ app, docs: appDocuments(app) }));
    for (const { docs } of appDocs) count(docs);

    if (layout === 'split') {
      files.set(`${ns}/namespace.yaml`, nsDocs[0]!.text);
      files.set(`${ns}/policies/default-deny.yaml`, nsDocs[1]!.text);
      files.set(`${ns}/policies/allow-dns.yaml`, nsDocs[2]!.text);
      for (const { app, docs } of appDocs) {
        for (const doc of docs) files.set(`${ns}/${app.name}/${fileNameOf(doc.kind)}`, doc.text);
      }
    } else if (layout === 'per-app') {
      files.set(`${ns}/00-namespace.yaml`, joinDocs(nsDocs));
      for (const { app, docs } of appDocs) files.set(`${ns}/${app.name}.yaml`, joinDocs(docs));
    } else {
      // Cut into release files of the mix's size (the edit target's bundle stays whole).
      let at = 0;
      for (let part = 1; at < appDocs.length; part++) {
        const take = nsIndex === 1 ? appDocs.length : rng.int(mix.bundleApps[0], mix.bundleApps[1]);
        const chunk = appDocs.slice(at, at + take);
        at += take;
        const docs = [...(part === 1 ? nsDocs : []), ...chunk.flatMap((a) => a.docs)];
        files.set(part === 1 ? `${ns}/all.yaml` : `${ns}/release-${part}.yaml`, joinDocs(docs, `# Namespace ${ns}: everything the team deploys, rendered by the release pipeline.\n`));
      }
    }

    for (const { app } of appDocs) {
      if (app.selectorTypo) {
        mistakes.push({ rule: 'service-selects-nothing', file: `${ns}/${app.name}/service.yaml`, object: `Service ${ns}/${app.name}`, what: `selector app=${app.name}-v2 matches no pod template` });
      }
      if (app.ingressPortTypo) {
        mistakes.push({ rule: 'ingress-backend-missing', file: `${ns}/all.yaml`, object: `Ingress ${ns}/${app.name}`, what: `backend port 8081 of Service ${app.name}, which has ports 80, 9090` });
      }
      if (app.ingressServiceTypo) {
        mistakes.push({ rule: 'ingress-backend-missing', file: `${ns}/${app.name}.yaml`, object: `Ingress ${ns}/${app.name}`, what: `backend Service ${typoOf(app.name)} does not exist (did you mean ${app.name})` });
      }
    }

    if (nsIndex === 0) {
      // The small edit target: a compact Deployment and its Service in one ~50-line file, with a planted named
      // targetPort that the container does not declare (the finding after the edits).
      const small = smallAppFile(ns);
      const file = `${ns}/${small.name}/app.yaml`;
      files.set(file, small.text);
      count([{ kind: 'Deployment', text: '' }, { kind: 'Service', text: '' }]);
      mistakes.push({ rule: 'service-target-port-missing', file, object: `Service ${ns}/${small.name}`, what: 'targetPort metrics; the container names its port metric' });
      smallTarget = editTargetOf(file, small.text, small.name, `targetPort \`metrics\` of Service ${small.name}`);
      openTarget = `${ns}/${apps[0]!.name}/service.yaml`;
    }
    if (nsIndex === 1) {
      const file = `${ns}/all.yaml`;
      const last = apps[apps.length - 1]!;
      bundleTarget = editTargetOf(file, files.get(file)!, apps[0]!.name, `Ingress ${last.name} backend port 8081 (last application of the file)`);
    }
    nsIndex++;
  }

  if (Object.values(byKind).length && mix.telemetry > 0) {
    const docs = collectorDocs();
    count(docs);
    files.set(`${COLLECTOR.ns}/collector.yaml`, joinDocs(docs));
  }

  let bytes = 0;
  let lines = 0;
  let largest = { file: '', lines: 0 };
  let bundlesOver2000Lines = 0;
  for (const [file, text] of files) {
    bytes += Buffer.byteLength(text);
    const n = lineCount(text);
    lines += n;
    if (n > largest.lines) largest = { file, lines: n };
    if (n >= 2000) bundlesOver2000Lines++;
  }
  const manifest: WorkspaceManifest = {
    generatorVersion: GENERATOR_VERSION,
    mix: mix.name,
    seed,
    targetResources,
    resources,
    byKind,
    namespaces: nsIndex + (mix.telemetry > 0 ? 1 : 0),
    layouts,
    files: files.size,
    bytes,
    lines,
    largestFile: largest,
    bundlesOver2000Lines,
    mistakes,
    editTargets: { bundle: bundleTarget!, small: smallTarget! },
    openTarget: { file: openTarget! },
  };
  return { files, manifest };
}

function makeApp(rng: Prng, ns: string, index: number, nsIndex: number, mix: Mix): App {
  const base = APP_BASES[(index + nsIndex * 7) % APP_BASES.length]!;
  const lbRoll = rng.next();
  return {
    ns,
    forms: Array.from({ length: 4 }, () => REFERENCE_FORMS[weightedIndex(rng, mix.forms)]!),
    external: rng.chance(mix.external),
    telemetry: rng.chance(mix.telemetry),
    helm: rng.chance(mix.helm),
    rareYaml: rng.chance(mix.rareYaml),
    name: `${base}-${index}`,
    base,
    grpc: rng.chance(0.35),
    sidecar: rng.chance(0.3),
    exposed: rng.chance(0.3),
    lb: lbRoll < 0.08 ? 'public' : lbRoll < 0.16 ? 'internal' : 'none',
    shared: index < 2,
    replicas: rng.int(1, 6),
    tag: `${rng.int(1, 4)}.${rng.int(0, 20)}.${rng.int(0, 30)}`,
    callees: [],
    callers: [],
  };
}

/** Each application calls up to three others of its namespace, and sometimes a shared one of an earlier namespace. */
function wireCalls(rng: Prng, apps: App[], sharedApps: App[]): void {
  for (const app of apps) {
    const others = apps.filter((a) => a !== app);
    for (const callee of rng.sample(others, rng.int(0, 3))) {
      app.callees.push({ app: callee, port: callee.grpc && rng.chance(0.5) ? 'grpc' : 'http', crossNs: false });
      callee.callers.push(app);
    }
    if (sharedApps.length && rng.chance(0.25)) {
      const callee = sharedApps[rng.int(Math.max(0, sharedApps.length - 40), sharedApps.length - 1)]!;
      app.callees.push({ app: callee, port: 'http', crossNs: true });
    }
  }
  for (const app of apps) if (app.shared) sharedApps.push(app);
}

function namespaceDocs(ns: string): Doc[] {
  return [
    {
      kind: 'Namespace',
      text: `apiVersion: v1
kind: Namespace
metadata:
  name: ${ns}
  labels:
    team: ${ns.replace(/-\d+$/, '')}
    ${CONSUMER_LABEL}: "true"
    pod-security.kubernetes.io/enforce: restricted
`,
    },
    {
      kind: 'NetworkPolicy',
      text: `# Zero trust: nothing in or out of ${ns} unless a policy below allows it.
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: ${ns}
spec:
  podSelector: {}
  policyTypes:
    - Ingress
    - Egress
`,
    },
    {
      kind: 'NetworkPolicy',
      text: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-dns
  namespace: ${ns}
spec:
  podSelector: {}
  policyTypes:
    - Egress
  egress:
    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: kube-system
          podSelector:
            matchLabels:
              k8s-app: kube-dns
      ports:
        - port: 53
          protocol: UDP
        - port: 53
          protocol: TCP
`,
    },
  ];
}

function appDocuments(app: App): Doc[] {
  const docs: Doc[] = [
    { kind: 'Deployment', text: deployment(app) },
    { kind: 'Service', text: app.rareYaml ? flowService(app) : service(app) },
  ];
  if (app.rareYaml) docs.push({ kind: 'ConfigMap', also: ['NetworkPolicy'], text: listOf([configMap(app), networkPolicy(app)]) });
  else docs.push({ kind: 'ConfigMap', text: configMap(app) }, { kind: 'NetworkPolicy', text: networkPolicy(app) });
  if (app.exposed) docs.push({ kind: 'Ingress', text: ingress(app) });
  // Helm writes where each document comes from.
  if (app.helm) for (const doc of docs) doc.text = `# Source: ${app.base}/templates/${doc.kind.toLowerCase()}.yaml\n${doc.text}`;
  return docs;
}

/** The Service in flow style, as some generators write it. */
function flowService(app: App): string {
  const ports = [`{name: http, port: 80, targetPort: http}`, `{name: metrics, port: 9090, targetPort: metrics}`, ...(app.grpc ? [`{name: grpc, port: 9000, targetPort: grpc, appProtocol: grpc}`] : [])];
  return `{apiVersion: v1, kind: Service, metadata: {name: ${app.name}, namespace: ${app.ns}, labels: {app: ${app.name}}},\n  spec: {selector: {app: ${app.selectorTypo ? `${app.name}-v2` : app.name}}, ports: [${ports.join(', ')}]}}\n`;
}

/** Documents as the items of one `kind: List`. */
function listOf(texts: string[]): string {
  const items = texts.map((text) =>
    text
      .trimEnd()
      .split('\n')
      .map((line, i) => (i === 0 ? `  - ${line}` : line ? `    ${line}` : line))
      .join('\n'),
  );
  return `apiVersion: v1\nkind: List\nitems:\n${items.join('\n')}\n`;
}

/** 64 hex digits that depend on `text` (a checksum annotation's shape). */
function checksumOf(text: string): string {
  let h = 2166136261;
  let out = '';
  for (let round = 0; out.length < 64; round++) {
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i) ^ round, 16777619) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}

function envName(app: App, suffix: string, crossNs: boolean): string {
  // A callee of another namespace may share its name with one of this namespace: qualify it.
  const qualifier = crossNs ? `_${app.ns.replace(/-/g, '_').toUpperCase()}` : '';
  return `${app.base.toUpperCase()}_${app.name.split('-').pop()}${qualifier}_${suffix}`;
}

function calleeAddress(callee: App, port: 'http' | 'grpc', crossNs: boolean, style: number, forms: readonly ReferenceForm[]): string {
  const number = port === 'grpc' ? 9000 : 80;
  let form = forms[style % forms.length]!;
  // A callee of another namespace is named with its namespace; a form without a port gets one in a URL.
  if (crossNs && !form.includes('.ns')) form = form.startsWith('http') ? 'http://svc.ns:port/path' : 'svc.ns:port';
  return referenceTo(form, callee.name, callee.ns, number);
}

/** A reference to Service `name` of namespace `ns` on `port`, written in `form`. */
export function referenceTo(form: ReferenceForm, name: string, ns: string, port: number): string {
  switch (form) {
    case 'svc':
      return name;
    case 'svc:port':
      return `${name}:${port}`;
    case 'svc.ns':
      return `${name}.${ns}`;
    case 'svc.ns:port':
      return `${name}.${ns}:${port}`;
    case 'svc.ns.svc':
      return `${name}.${ns}.svc`;
    case 'svc.ns.svc.cluster.local':
      return `${name}.${ns}.svc.cluster.local`;
    case 'http://svc:port':
      return `http://${name}:${port}`;
    case 'http://svc.ns:port/path':
      return `http://${name}.${ns}:${port}/api`;
    case 'http://svc.ns.svc.cluster.local:port':
      return `http://${name}.${ns}.svc.cluster.local:${port}`;
  }
}

/** The telemetry collector every application of some mixes sends to, in a namespace of its own. */
const COLLECTOR = { ns: 'observability', name: 'otel-collector', port: 4317 };

function collectorDocs(): Doc[] {
  const { ns, name, port } = COLLECTOR;
  return [
    { kind: 'Namespace', text: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n  labels:\n    team: platform\n` },
    {
      kind: 'Deployment',
      text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
        - name: collector
          image: otel/opentelemetry-collector-contrib:0.98.0
          ports:
            - name: otlp-grpc
              containerPort: ${port}
`,
    },
    { kind: 'Service', text: `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: ${ns}\nspec:\n  selector:\n    app: ${name}\n  ports:\n    - name: otlp-grpc\n      port: ${port}\n      targetPort: otlp-grpc\n` },
    {
      kind: 'NetworkPolicy',
      text: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  podSelector:
    matchLabels:
      app: ${name}
  policyTypes:
    - Ingress
  ingress:
    - from:
        - namespaceSelector:
            matchLabels:
              ${CONSUMER_LABEL}: "true"
      ports:
        - port: otlp-grpc
`,
    },
  ];
}

function deployment(app: App): string {
  const env = [
    `            - name: LOG_LEVEL
              value: info`,
    `            - name: POD_NAMESPACE
              valueFrom:
                fieldRef:
                  fieldPath: metadata.namespace`,
    ...app.callees.map(
      (c, i) => `            - name: ${envName(c.app, c.port === 'grpc' ? 'ADDR' : 'URL', c.crossNs)}
              value: ${quoted(calleeAddress(c.app, c.port, c.crossNs, i, app.forms))}`,
    ),
    ...(app.telemetry
      ? [`            - name: OTEL_EXPORTER_OTLP_ENDPOINT
              value: http://${COLLECTOR.name}.${COLLECTOR.ns}:${COLLECTOR.port}`]
      : []),
    ...(app.external
      ? [`            - name: PAYMENTS_API_URL
              value: https://api.payments-${app.name.length % 5}.example.com/v2/charges`,
          `            - name: ${app.base.toUpperCase()}_DB_HOST
              value: ${app.name}-db.postgres.database.azure.com`,
          `            - name: ${app.base.toUpperCase()}_DB_PORT
              value: "5432"`]
      : []),
    `            - name: FEATURE_FLAGS
              valueFrom:
                configMapKeyRef:
                  name: ${app.name}-config
                  key: FEATURE_FLAGS`,
  ];
  const ports = [
    `            - name: http
              containerPort: 8080
              protocol: TCP`,
    `            - name: metrics
              containerPort: 9090`,
  ];
  if (app.grpc) {
    ports.push(`            - name: grpc
              containerPort: 9000`);
  }
  const sidecar = app.sidecar
    ? `
        - name: log-shipper
          image: mcr.microsoft.com/oss/fluent/fluent-bit:3.0.${(app.replicas * 3) % 10}
          args: ["--config", "/fluent-bit/etc/fluent-bit.conf"]
          resources:${app.rareYaml ? ' *resources' : `
            requests:
              cpu: 20m
              memory: 32Mi
            limits:
              memory: 64Mi`}
          volumeMounts:
            - name: varlog
              mountPath: /var/log`
    : '';
  const volumes = app.sidecar
    ? `
      volumes:
        - name: varlog
          emptyDir: {}`
    : '';
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app.name}
  namespace: ${app.ns}
  labels:
    app.kubernetes.io/name: ${app.name}
    app.kubernetes.io/part-of: ${app.ns}
    app.kubernetes.io/managed-by: ${app.helm ? `Helm
    app.kubernetes.io/instance: ${app.ns}-${app.base}
    app.kubernetes.io/version: ${app.tag}
    helm.sh/chart: ${app.base}-${app.tag}
  annotations:
    meta.helm.sh/release-name: ${app.ns}-${app.base}
    meta.helm.sh/release-namespace: ${app.ns}
    checksum/config: ${checksumOf(app.name + app.tag)}
    checksum/secret: ${checksumOf(app.ns + app.name)}` : 'flux'}
spec:
  replicas: ${app.replicas}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      app: ${app.name}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 0
  template:
    metadata:
      labels:
        app: ${app.name}
        tier: ${app.exposed ? 'frontend' : 'backend'}
        version: v1
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/port: "9090"
    spec:
      serviceAccountName: ${app.name}${app.helm ? `
      tolerations:
        - key: workload
          operator: Equal
          value: ${app.base}
          effect: NoSchedule
        - key: kubernetes.azure.com/scalesetpriority
          operator: Equal
          value: spot
          effect: NoSchedule` : ''}
      securityContext:
        runAsNonRoot: true
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: ${app.base}
          image: ${REGISTRY}/${app.ns}/${app.base}:${app.tag}
          imagePullPolicy: IfNotPresent${app.callees.length ? `
          args:
            - --upstream=${calleeAddress(app.callees[0]!.app, app.callees[0]!.port, app.callees[0]!.crossNs, 2, app.forms)}
            - --log-format=json` : ''}
          ports:
${ports.join('\n')}
          env:
${env.join('\n')}
          envFrom:
            - configMapRef:
                name: ${app.name}-config
          readinessProbe:
            httpGet:
              path: /ready
              port: http
            periodSeconds: 5
          livenessProbe:
            httpGet:
              path: /healthz
              port: http
            initialDelaySeconds: 10
            periodSeconds: 10
          resources:${app.rareYaml ? ' &resources' : ''}
            requests:
              cpu: ${app.replicas * 50}m
              memory: 128Mi
            limits:
              cpu: "1"
              memory: 512Mi${sidecar}${volumes}
`;
}

function service(app: App): string {
  const annotations =
    app.lb === 'internal'
      ? `
  annotations:
    service.beta.kubernetes.io/azure-load-balancer-internal: "true"
    service.beta.kubernetes.io/azure-load-balancer-internal-subnet: aks-ilb
    service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path: /healthz`
      : app.lb === 'public'
        ? `
  annotations:
    service.beta.kubernetes.io/azure-pip-name: ${app.ns}-${app.name}-pip
    service.beta.kubernetes.io/azure-dns-label-name: ${app.ns}-${app.name}
    service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path: /healthz`
        : '';
  const type =
    app.lb === 'none'
      ? ''
      : `
  type: LoadBalancer
  externalTrafficPolicy: Local${app.lb === 'public' ? `
  loadBalancerSourceRanges:
    - 203.0.113.0/24
    - 198.51.100.0/24` : ''}`;
  const grpc = app.grpc
    ? `
    - name: grpc
      port: 9000
      targetPort: grpc
      appProtocol: grpc`
    : '';
  return `apiVersion: v1
kind: Service
metadata:
  name: ${app.name}
  namespace: ${app.ns}
  labels:
    app: ${app.name}${annotations}
spec:${type}
  selector:
    app: ${app.selectorTypo ? `${app.name}-v2` : app.name}
  ports:
    - name: http
      port: 80
      targetPort: http
      protocol: TCP
    - name: metrics
      port: 9090
      targetPort: metrics${grpc}
`;
}

function configMap(app: App): string {
  const refs = app.callees.map((c, i) => `  ${envName(c.app, 'ENDPOINT', c.crossNs)}: ${quoted(calleeAddress(c.app, c.port, c.crossNs, i + 1, app.forms))}`);
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${app.name}-config
  namespace: ${app.ns}
data:
  LOG_FORMAT: json
  FEATURE_FLAGS: "new-checkout,fast-search"
  UPSTREAM_TIMEOUT: 5s
${refs.length ? `${refs.join('\n')}\n` : ''}  application.yaml: |
    server:
      port: 8080
      shutdown: graceful
    management:
      port: 9090
`;
}

function networkPolicy(app: App): string {
  const ingressRules: string[] = [];
  const portsOf = (names: string[]) => names.map((n) => `        - port: ${n}\n          protocol: TCP`).join('\n');
  if (app.callers.length) {
    const peers = app.callers.map((c) => `        - podSelector:\n            matchLabels:\n              app: ${c.name}`).join('\n');
    ingressRules.push(`    - from:\n${peers}\n      ports:\n${portsOf(app.grpc ? ['http', 'grpc'] : ['http'])}`);
  }
  if (app.shared) {
    ingressRules.push(`    - from:\n        - namespaceSelector:\n            matchLabels:\n              ${CONSUMER_LABEL}: "true"\n          podSelector:\n            matchExpressions:\n              - key: tier\n                operator: In\n                values: [frontend, backend]\n      ports:\n${portsOf(['http'])}`);
  }
  if (app.exposed) {
    ingressRules.push(`    - from:\n        - namespaceSelector:\n            matchLabels:\n              kubernetes.io/metadata.name: app-routing-system\n      ports:\n${portsOf(['http'])}`);
  }
  if (app.lb !== 'none') {
    ingressRules.push(`    - from:\n        - ipBlock:\n            cidr: ${app.lb === 'public' ? '203.0.113.0/24' : '10.224.0.0/16'}\n      ports:\n${portsOf(['http'])}`);
  }
  ingressRules.push(`    - from:\n        - namespaceSelector:\n            matchLabels:\n              kubernetes.io/metadata.name: monitoring\n      ports:\n${portsOf(['metrics'])}`);
  const egressRules = app.callees.map((c) => {
    const peer = c.crossNs
      ? `        - namespaceSelector:\n            matchLabels:\n              kubernetes.io/metadata.name: ${c.app.ns}\n          podSelector:\n            matchLabels:\n              app: ${c.app.name}`
      : `        - podSelector:\n            matchLabels:\n              app: ${c.app.name}`;
    return `    - to:\n${peer}\n      ports:\n${portsOf([c.port])}`;
  });
  if (app.telemetry) {
    egressRules.push(`    - to:\n        - namespaceSelector:\n            matchLabels:\n              kubernetes.io/metadata.name: ${COLLECTOR.ns}\n          podSelector:\n            matchLabels:\n              app: ${COLLECTOR.name}\n      ports:\n        - port: ${COLLECTOR.port}\n          protocol: TCP`);
  }
  if (app.external) {
    egressRules.push(`    - to:\n        - ipBlock:\n            cidr: 0.0.0.0/0\n            except:\n              - 10.0.0.0/8\n              - 172.16.0.0/12\n              - 192.168.0.0/16\n      ports:\n        - port: 443\n          protocol: TCP\n        - port: 5432\n          protocol: TCP`);
  }
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${app.name}
  namespace: ${app.ns}
spec:
  podSelector:
    matchLabels:
      app: ${app.name}
  policyTypes:
    - Ingress${egressRules.length ? '\n    - Egress' : ''}
  ingress:
${ingressRules.join('\n')}
${egressRules.length ? `  egress:\n${egressRules.join('\n')}\n` : ''}`;
}

function ingress(app: App): string {
  const host = `${app.name}.${app.ns}.contoso.com`;
  const serviceName = app.ingressServiceTypo ? typoOf(app.name) : app.name;
  const apiPort = app.ingressPortTypo ? 8081 : 80;
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${app.name}
  namespace: ${app.ns}
  annotations:
    kubernetes.azure.com/tls-cert-keyvault-uri: https://contoso-kv.vault.azure.net/certificates/${app.ns}-${app.name}
    nginx.ingress.kubernetes.io/proxy-body-size: 8m
spec:
  ingressClassName: ${INGRESS_CLASS}
  tls:
    - hosts:
        - ${host}
      secretName: keyvault-${app.name}
  rules:
    - host: ${host}
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: ${serviceName}
                port:
                  name: http
          - path: /api
            pathType: Prefix
            backend:
              service:
                name: ${app.name}
                port:
                  number: ${apiPort}
`;
}

/** The small edit target: ~50 lines, Deployment then Service; the Service's `metrics` targetPort is planted wrong. */
function smallAppFile(ns: string): { name: string; text: string } {
  const name = 'status-page';
  const text = `# Status page: small enough to live in one file.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
        version: v1
    spec:
      containers:
        - name: web
          image: ${REGISTRY}/${ns}/${name}:2.3.1
          ports:
            - name: http
              containerPort: 8080
            - name: metric
              containerPort: 9090
          env:
            - name: ORDERS_URL
              value: http://orders-0.${ns}.svc.cluster.local:80
          readinessProbe:
            httpGet:
              path: /ready
              port: http
          resources:
            requests:
              cpu: 50m
              memory: 64Mi
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  selector:
    app: ${name}
  ports:
    - name: http
      port: 80
      targetPort: http
    - name: metrics
      port: 9090
      targetPort: metrics
`;
  return { name, text };
}

function editTargetOf(file: string, text: string, deploymentName: string, findingAfterEdits: string): EditTarget {
  const start = text.indexOf(`kind: Deployment\nmetadata:\n  name: ${deploymentName}\n`);
  if (start < 0) throw new Error(`generator: Deployment ${deploymentName} not found in ${file}`);
  const imageLine = text.indexOf('image: ', start);
  const tagStart = text.indexOf(':', imageLine + 'image: '.length + REGISTRY.length + 1) + 1;
  const tagEnd = text.indexOf('\n', tagStart);
  const tag = text.slice(tagStart, tagEnd);
  const versionStart = text.indexOf('version: v1\n', start) + 'version: '.length;
  return {
    file,
    lines: lineCount(text),
    local: { offset: tagStart, from: tag, to: `${tag}-hotfix.1` },
    crossFile: { offset: versionStart, from: 'v1', to: 'v1-canary' },
    findingAfterEdits,
  };
}

/** A scalar as written in a block mapping: quoted when it holds `: ` or starts like a number. */
function quoted(value: string): string {
  return /^[\d]|: /.test(value) ? `"${value}"` : value;
}

function weighted<K extends string>(rng: Prng, weights: Record<K, number>): K {
  const keys = Object.keys(weights) as K[];
  return keys[weightedIndex(rng, keys.map((k) => weights[k]))]!;
}

function weightedIndex(rng: Prng, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let roll = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    roll -= weights[i]!;
    if (roll < 0) return i;
  }
  return weights.length - 1;
}

function typoOf(name: string): string {
  // Drop the second letter: orders-3 -> oders-3.
  return name[0] + name.slice(2);
}

function fileNameOf(kind: string): string {
  return `${kind.toLowerCase()}.yaml`;
}

function joinDocs(docs: Doc[], header = ''): string {
  return header + docs.map((d) => d.text).join('---\n');
}

export function lineCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return text.length && text.charCodeAt(text.length - 1) !== 10 ? n + 1 : n;
}

/**
 * The workspace index: every resource of every file, by kind / namespace / name, with the lookups rules and
 * features need. Updated per file (remove the file's old facts, add its new ones), never rebuilt for an edit.
 *
 * Duplicates: a repository often holds several variants of one application (an all-in-one file next to per-app
 * files). The index is a multimap: every definition is kept, a name resolves when any definition exists, and a
 * selector matches a workload when any definition of it matches. So variants never produce "missing" findings
 * for one another.
 *
 * Identical copies (the same object with the same data, model/dataFingerprint.ts, in another file: a `release/`
 * folder generated from `kubernetes-manifests/`) are counted once: lookups, lists and workloads hold the first
 * definition (by file) of each set of identical ones, never the copies, so a one-replica Deployment is "1 pod" and
 * a hover lists it once. Copies stay in their files (`resourcesOf`, `all`); `copyOf` and `copiesOf` relate them.
 * Definitions that differ stay separate.
 *
 * This class holds the objects (by file, by kind and name, the visible definitions, sorted lists, workloads by
 * namespace) and the label indexes selectors are answered from; the rest is in modules of their own, each named by
 * what it guarantees: the read keys (readKeys.ts), what readers read and values valid while it is unchanged
 * (readRecorder.ts: ReadRecorder, ReadVersionedMemo), values dropped when an object of their kinds changes or kept for
 * the index's lifetime (derivedCaches.ts: ByKindCache, LifetimeCache), and the known and named namespaces
 * (namespaceTracker.ts).
 */
import { ownRecord } from '../syntax/access';
import { NAMESPACE_NAME_LABEL } from './extract/config';
import { selectorMatches, type LabelSelector, type Labels } from './labelSelector';
import {
  type AdminNetworkPolicy,
  isWorkload,
  type AnyResource,
  type ConfigMap,
  type Gateway,
  type GatewayClass,
  type Ingress,
  type IngressClass,
  type Namespace,
  type NetworkPolicy,
  type CiliumPolicy,
  type ReferenceGrant,
  type Route,
  type Secret,
  type Service,
  type Workload,
  type VirtualService,
  type ApplicationLoadBalancer,
  type NginxIngressController,
  type ExternalDnsConfig,
} from './resources';
import { compareStrings as compare } from '../util/compare';
import { ALL_WORKLOADS, clusterObjects, copyKey, EVERYTHING, fileKey, NAMESPACE_SET, namespaceObjects, objectsAnywhere, objectsIn, workloadsIn, type ReadKey } from './readKeys';
import { ReadRecorder, ReadVersionedMemo } from './readRecorder';
import { ByKindCache, LifetimeCache } from './derivedCaches';
import { NamespaceTracker } from './namespaceTracker';

/** The facts type of each kind the index answers for (the extractor builds these for that kind: model/extract). */
export interface KindTypes {
  Service: Service;
  Ingress: Ingress;
  IngressClass: IngressClass;
  NetworkPolicy: NetworkPolicy;
  CiliumNetworkPolicy: CiliumPolicy;
  CiliumClusterwideNetworkPolicy: CiliumPolicy;
  AdminNetworkPolicy: AdminNetworkPolicy;
  BaselineAdminNetworkPolicy: AdminNetworkPolicy;
  Namespace: Namespace;
  ConfigMap: ConfigMap;
  Secret: Secret;
  GatewayClass: GatewayClass;
  Gateway: Gateway;
  HTTPRoute: Route;
  GRPCRoute: Route;
  ReferenceGrant: ReferenceGrant;
  TLSRoute: Route;
  TCPRoute: Route;
  UDPRoute: Route;
  VirtualService: VirtualService;
  ApplicationLoadBalancer: ApplicationLoadBalancer;
  NginxIngressController: NginxIngressController;
  ClusterExternalDNS: ExternalDnsConfig;
  ExternalDNS: ExternalDnsConfig;
  ServiceAccount: AnyResource;
  IngressExtension: AnyResource;
}

export type IndexedKind = keyof KindTypes;

export class WorkspaceIndex {
  private readonly byFile = new Map<string, AnyResource[]>();
  /** kind -> `namespace/name` -> definitions (several when variants define the same object), copies included. */
  private readonly byKindKey = new Map<string, Map<string, AnyResource[]>>();
  /** The same without identical copies: what lookups and lists answer. */
  private readonly visibleByKindKey = new Map<string, Map<string, AnyResource[]>>();
  private readonly workloadsByNamespace = new Map<string, Workload[]>();
  /** Per namespace, its workloads by pod label `key=value` (see `workloadsSelectedBy`), dropped when one changes. */
  private readonly workloadsByPodLabel = new Map<string, Map<string, Workload[]>>();
  /** Namespaces whose workload list must be sorted again before it is read. */
  private readonly unsortedNamespaces = new Set<string>();
  /** Sorted lists per kind, dropped when an object of that kind is added or removed. */
  private readonly sortedByKind = new Map<string, AnyResource[]>();
  /** The same lists split by namespace, built with them. */
  private readonly sortedByKindNamespace = new Map<string, Map<string, AnyResource[]>>();
  /** Values of `derived` and `shared`: dropped when an object of one of their kinds is added or removed. */
  private readonly byKind = new ByKindCache();
  /** Values of `retained`: kept as long as the index. */
  private readonly lifetime = new LifetimeCache();
  /** What readers read, and a version per read key. */
  private readonly reads = new ReadRecorder();
  /** Values of `memo` and `memoFor`: valid while every key their computation read keeps its version. */
  private readonly memos = new ReadVersionedMemo(this.reads);
  /** Known and named namespaces (see `knownNamespaces`, `namespaceNames`). */
  private readonly namespaces = new NamespaceTracker();
  private size = 0;
  /**
   * When set, counts the whole-workspace lists handed out (`all`, `files`, `ofKind`, `workloads`, `namespaceNames`,
   * ...) and the objects in them: the scan-count test (test/engine/scanCount.test.ts) checks that the objects
   * scanned per rule run and per edit do not grow with the workspace (a per-item scan makes a check quadratic).
   */
  scanStats: ScanStats | undefined;
  /** `key=value` -> names of the Namespace objects declaring that label (see `namespacesLabelled`). */
  private readonly namespacesByLabel = new Map<string, Map<string, number>>();

  /**
   * Records, into `into`, what the following reads depend on, until called again with undefined (the keys are
   * readKeys.ts's); the host compares them with the keys an edit changes (`changeKeysOf`) to re-run only the rules
   * that read what changed.
   */
  recordReads(into: Set<ReadKey> | undefined): void {
    this.reads.recordInto(into);
  }

  private read(key: ReadKey): void {
    this.reads.read(key);
  }

  /**
   * Records a read made through a `shared` value's accessor (see `shared`): the key names what the answer depends
   * on, in the same form as the index's own reads.
   */
  noteRead(key: ReadKey): void {
    this.read(key);
  }

  get resourceCount(): number {
    return this.size;
  }

  files(): IterableIterator<string> {
    this.read(EVERYTHING);
    this.scanned(this.byFile.size);
    return this.byFile.keys();
  }

  resourcesOf(file: string): readonly AnyResource[] {
    this.read(fileKey(file));
    return this.byFile.get(file) ?? [];
  }

  *all(): IterableIterator<AnyResource> {
    this.read(EVERYTHING);
    this.scanned(0);
    for (const resources of this.byFile.values()) {
      if (this.scanStats) this.scanStats.objects += resources.length;
      yield* resources;
    }
  }

  setFile(file: string, resources: AnyResource[]): void {
    this.removeFile(file);
    if (resources.length === 0) return;
    this.byFile.set(file, resources);
    for (const resource of resources) this.add(resource);
  }

  removeFile(file: string): void {
    const old = this.byFile.get(file);
    if (!old) return;
    this.byFile.delete(file);
    for (const resource of old) this.remove(resource);
  }

  /** Every definition of kind/namespace/name (namespace '' for cluster-scoped kinds). */
  lookup<K extends IndexedKind>(kind: K, namespace: string, name: string): KindTypes[K][] {
    return this.lookupAny(kind, namespace, name) as KindTypes[K][];
  }

  lookupAny(kind: string, namespace: string, name: string): AnyResource[] {
    this.read(objectsIn(kind, namespace));
    return this.visibleByKindKey.get(kind)?.get(`${namespace}/${name}`) ?? [];
  }

  /** The definition `resource` is an identical copy of (in an earlier file), or undefined when it is not a copy. */
  copyOf(resource: AnyResource): AnyResource | undefined {
    this.read(copyKey(resource));
    const key = `${resource.namespace}/${resource.name}`;
    const visible = this.visibleByKindKey.get(resource.kind)?.get(key) ?? [];
    if (visible.includes(resource) || resource.dataFingerprint === undefined) return undefined;
    return visible.find((r) => r.dataFingerprint === resource.dataFingerprint);
  }

  /** The identical copies of `resource` in later files (none when it is itself a copy). */
  copiesOf(resource: AnyResource): AnyResource[] {
    this.read(copyKey(resource));
    const key = `${resource.namespace}/${resource.name}`;
    const all = this.byKindKey.get(resource.kind)?.get(key) ?? [];
    if (all.length < 2 || resource.dataFingerprint === undefined) return [];
    const visible = this.visibleByKindKey.get(resource.kind)?.get(key) ?? [];
    if (!visible.includes(resource)) return [];
    return all.filter((r) => r !== resource && !visible.includes(r) && r.dataFingerprint === resource.dataFingerprint);
  }

  /** Every object of any kind (CRDs included) in one namespace. */
  anyOfKindIn(kind: string, namespace: string): readonly AnyResource[] {
    const list = this.sortedOfKindIn(kind, namespace);
    this.scannedNamespace(list.length);
    return list;
  }

  private sortedOfKindIn(kind: string, namespace: string): readonly AnyResource[] {
    this.read(objectsIn(kind, namespace));
    let byNamespace = this.sortedByKindNamespace.get(kind);
    if (!byNamespace) {
      byNamespace = new Map();
      for (const resource of this.sortedOfKind(kind)) {
        const list = byNamespace.get(resource.namespace);
        if (list) list.push(resource);
        else byNamespace.set(resource.namespace, [resource]);
      }
      this.sortedByKindNamespace.set(kind, byNamespace);
    }
    return byNamespace.get(namespace) ?? [];
  }

  /**
   * All resources of a kind, every definition of duplicated objects included, in a stable order (namespace, name,
   * file): results never depend on the order in which files were read.
   */
  ofKind<K extends IndexedKind>(kind: K): readonly KindTypes[K][] {
    this.read(objectsAnywhere(kind));
    const sorted = this.sortedOfKind(kind) as KindTypes[K][];
    this.scanned(sorted.length);
    return sorted;
  }

  private scanned(objects: number): void {
    if (!this.scanStats) return;
    this.scanStats.scans++;
    this.scanStats.objects += objects;
  }

  /**
   * Counts a list of one namespace's objects handed out (`workloadsIn`, `ofKindIn`, the NetworkPolicy model's
   * `classesIn`): a reader that walks its namespace once per object makes a namespace of thousands of objects
   * quadratic, which the whole-workspace counts do not see.
   */
  scannedNamespace(objects: number): void {
    if (this.scanStats) this.scanStats.namespaceObjects += objects;
  }

  private sortedOfKind(kind: string): readonly AnyResource[] {
    let sorted = this.sortedByKind.get(kind);
    if (!sorted) {
      sorted = [];
      for (const definitions of this.visibleByKindKey.get(kind)?.values() ?? []) sorted.push(...definitions);
      sorted.sort(compareResources);
      this.sortedByKind.set(kind, sorted);
    }
    return sorted;
  }

  /** All resources of a kind in one namespace. */
  ofKindIn<K extends IndexedKind>(kind: K, namespace: string): readonly KindTypes[K][] {
    return this.anyOfKindIn(kind, namespace) as KindTypes[K][];
  }

  /** Whether the namespace has objects of the kind (read as `ofKindIn`, without handing out the list). */
  hasOfKindIn(kind: IndexedKind, namespace: string): boolean {
    return this.sortedOfKindIn(kind, namespace).length > 0;
  }

  /**
   * A value computed from the objects of some kinds (a lookup table, a policy model), kept until an object of one
   * of those kinds is added, changed or removed. The index owns the cache, so that rules and features hold no
   * module-level state and never read a value built from facts that have changed.
   */
  derived<T>(key: string, kinds: readonly string[], compute: () => T): T {
    // A cached value hides the reads that built it: every reader depends on all objects of its kinds.
    for (const kind of kinds) this.read(objectsAnywhere(kind));
    return this.byKind.get(key, kinds, compute);
  }

  /**
   * A value shared by every reader, like `derived`, but one whose reader-facing accessors record precisely what
   * each answer depends on (with `noteRead`): building it reads the whole workspace, while a reader asking about one
   * namespace depends on that namespace only. The build's own reads are recorded for nobody, so a value built while a
   * rule runs does not make that rule depend on everything. Only for values whose every accessor records its reads.
   */
  shared<T>(key: string, kinds: readonly string[], compute: () => T): T {
    return this.byKind.get(key, kinds, () => this.reads.unrecorded(compute));
  }

  /**
   * A value computed from reads of the index (and of `shared` accessors), cached until something it read changes:
   * the reads made while computing it are kept with the version of each read key, and the value is used again only
   * while every one of those keys is unchanged. Every later reader records the same reads, so a cached answer
   * carries exactly the dependencies a fresh computation would have.
   */
  memo<T>(key: string, compute: () => T): T {
    return this.memos.get(key, compute);
  }

  /** `memo` for a value about one object (a workload's references): kept as long as the object lives. */
  memoFor<T>(owner: object, key: string, compute: () => T): T {
    return this.memos.getFor(owner, key, compute);
  }

  /**
   * Namespaces the workspace knows, sorted: declared ones and those its workloads, Services and policies live in.
   * Readers depend on the set only (`namespaces|`): adding a Deployment to a namespace that already has objects
   * changes nothing they read.
   */
  knownNamespaces(): readonly string[] {
    this.read(NAMESPACE_SET);
    const names = this.namespaces.known();
    this.scanned(names.length);
    return names;
  }

  /** True once after the set of known namespaces changed (the host turns it into the `namespaces|` change key). */
  takeNamespaceSetChange(): boolean {
    return this.namespaces.takeKnownSetChange();
  }

  /**
   * A value kept for the index's lifetime and never invalidated, for caches that check their own input on every use
   * (netpol/namespaceGroups.ts). Records no reads: the caller reads what it checks.
   */
  retained<T>(key: string, create: () => T): T {
    return this.lifetime.get(key, create);
  }

  /** Namespaces that have workloads, sorted. */
  workloadNamespaces(): string[] {
    this.read(ALL_WORKLOADS);
    this.scanned(this.workloadsByNamespace.size);
    return [...this.workloadsByNamespace.keys()].sort();
  }

  /** Workloads of a namespace in a stable order (name, file). */
  workloadsIn(namespace: string): readonly Workload[] {
    const workloads = this.sortedWorkloadsIn(namespace);
    this.scannedNamespace(workloads.length);
    return workloads;
  }

  /** Whether the namespace has workloads (read as `workloadsIn`, without handing out the list). */
  hasWorkloadsIn(namespace: string): boolean {
    return this.sortedWorkloadsIn(namespace).length > 0;
  }

  private sortedWorkloadsIn(namespace: string): readonly Workload[] {
    this.read(workloadsIn(namespace));
    const workloads = this.workloadsByNamespace.get(namespace);
    if (!workloads) return [];
    if (this.unsortedNamespaces.delete(namespace)) workloads.sort(compareResources);
    return workloads;
  }

  /** Every workload, by namespace then name. */
  *workloads(): IterableIterator<Workload> {
    this.read(ALL_WORKLOADS);
    const stats = this.scanStats;
    for (const namespace of this.workloadNamespaces()) {
      const workloads = this.sortedWorkloadsIn(namespace);
      if (stats) stats.objects += workloads.length;
      yield* workloads;
    }
  }

  /**
   * Workloads of a namespace whose pod labels the selector matches. A selector that asks for labels is answered from
   * the namespace's workloads by pod label (the shortest list of its labels), not by testing every workload: asked once
   * per Service or policy, a test of every workload made a namespace of thousands of objects quadratic (issue 17).
   */
  workloadsSelectedBy(namespace: string, selector: LabelSelector): Workload[] {
    const workloads = this.sortedWorkloadsIn(namespace);
    const labels = Object.entries(selector.matchLabels);
    if (labels.length === 0 || workloads.length < 8) {
      this.scannedNamespace(workloads.length);
      return workloads.filter((w) => selectorMatches(selector, w.podLabels));
    }
    let byLabel = this.workloadsByPodLabel.get(namespace);
    if (!byLabel) {
      // Built from the sorted list, so every list keeps its order and the answer is the one of the full test.
      byLabel = new Map();
      for (const workload of workloads) {
        for (const [key, value] of Object.entries(workload.podLabels)) {
          const label = `${key}=${value}`;
          const list = byLabel.get(label);
          if (list) list.push(workload);
          else byLabel.set(label, [workload]);
        }
      }
      this.workloadsByPodLabel.set(namespace, byLabel);
    }
    let shortest: readonly Workload[] | undefined;
    for (const [key, value] of labels) {
      const list = byLabel.get(`${key}=${value}`) ?? [];
      if (!shortest || list.length < shortest.length) shortest = list;
      if (list.length === 0) break;
    }
    this.scannedNamespace(shortest!.length);
    return shortest!.filter((w) => selectorMatches(selector, w.podLabels));
  }

  /** Namespaces that appear anywhere: declared ones and those that resources live in. */
  namespaceNames(): readonly string[] {
    // Depends on every object (any object can bring a namespace), but costs the number of namespaces: the list is
    // kept until a namespace appears or goes.
    this.read(EVERYTHING);
    const names = this.namespaces.names();
    this.scanned(names.length);
    return names;
  }

  /**
   * Whether `namespaceNames()` holds `namespace`, in O(1), depending on that namespace's objects and declaration
   * only (`ns|namespace`, see `changeKeysOf`), not on the whole workspace.
   */
  hasNamespace(namespace: string): boolean {
    this.read(namespaceObjects(namespace));
    return this.namespaces.has(namespace);
  }

  /**
   * A namespace's labels: those of its declaration(s) in the workspace, plus `kubernetes.io/metadata.name`, which
   * every namespace carries whether or not the workspace declares it.
   */
  namespaceLabels(namespace: string): Labels {
    const labels = ownRecord<string>();
    for (const declaration of this.lookup('Namespace', '', namespace)) Object.assign(labels, declaration.labels);
    labels[NAMESPACE_NAME_LABEL] = namespace;
    return labels;
  }

  /** Whether `knownNamespaces()` holds `namespace`, in O(1) (reads what `knownNamespaces` reads). */
  isKnownNamespace(namespace: string): boolean {
    this.read(NAMESPACE_SET);
    return this.namespaces.isKnown(namespace);
  }

  /**
   * Names of the declared Namespace objects that carry the label `key=value`, sorted: a lookup that spares a scan of
   * every namespace when a selector asks for a label. (The implied `kubernetes.io/metadata.name` is not indexed.)
   */
  namespacesLabelled(key: string, value: string): string[] {
    this.read(clusterObjects('Namespace'));
    return [...(this.namespacesByLabel.get(`${key}=${value}`)?.keys() ?? [])].sort();
  }

  private countNamespaceLabels(resource: AnyResource, delta: 1 | -1): void {
    if (resource.kind !== 'Namespace') return;
    for (const [key, value] of Object.entries(resource.labels)) {
      const label = `${key}=${value}`;
      let names = this.namespacesByLabel.get(label);
      if (!names) this.namespacesByLabel.set(label, (names = new Map()));
      const count = (names.get(resource.name) ?? 0) + delta;
      if (count > 0) names.set(resource.name, count);
      else names.delete(resource.name);
      if (names.size === 0) this.namespacesByLabel.delete(label);
    }
  }

  /** True when the workspace declares Namespace objects (so "no namespace matches" can be said with confidence). */
  declaresNamespaces(): boolean {
    this.read(objectsAnywhere('Namespace'));
    return (this.byKindKey.get('Namespace')?.size ?? 0) > 0;
  }

  private add(resource: AnyResource): void {
    this.size++;
    this.reads.objectChanged(resource);
    if (this.namespaces.count(resource, 1)) this.reads.bump(NAMESPACE_SET);
    this.countNamespaceLabels(resource, 1);
    this.byKind.kindChanged(resource.kind);
    let byKey = this.byKindKey.get(resource.kind);
    if (!byKey) this.byKindKey.set(resource.kind, (byKey = new Map()));
    const key = `${resource.namespace}/${resource.name}`;
    const list = byKey.get(key);
    // Definitions in a stable order (file, then position), so that "the first definition" is the same however the
    // files were read.
    if (list) list.splice(sortedInsertionPoint(list, resource), 0, resource);
    else byKey.set(key, [resource]);
    this.updateVisible(resource.kind, key);
  }

  private remove(resource: AnyResource): void {
    this.size--;
    this.reads.objectChanged(resource);
    if (this.namespaces.count(resource, -1)) this.reads.bump(NAMESPACE_SET);
    this.countNamespaceLabels(resource, -1);
    this.byKind.kindChanged(resource.kind);
    const byKey = this.byKindKey.get(resource.kind);
    const key = `${resource.namespace}/${resource.name}`;
    const list = byKey?.get(key);
    if (list) {
      const remaining = list.filter((r) => r !== resource);
      if (remaining.length) byKey!.set(key, remaining);
      else byKey!.delete(key);
    }
    this.updateVisible(resource.kind, key);
  }

  /**
   * The visible definitions of one object after a definition came or went: a copy becomes visible when the definition
   * it copied goes, and a visible definition becomes a copy when an identical one arrives in an earlier file. The
   * sorted lists and the workloads follow (kept rather than rebuilt: an edit replaces a few objects).
   */
  private updateVisible(kind: string, key: string): void {
    const next = visibleDefinitions(this.byKindKey.get(kind)?.get(key) ?? []);
    let visible = this.visibleByKindKey.get(kind);
    if (!visible) this.visibleByKindKey.set(kind, (visible = new Map()));
    const before = visible.get(key) ?? [];
    if (next.length) visible.set(key, next);
    else visible.delete(key);
    for (const resource of before) if (!next.includes(resource)) this.hide(resource);
    for (const resource of next) if (!before.includes(resource)) this.show(resource);
  }

  private show(resource: AnyResource): void {
    const sorted = this.sortedByKind.get(resource.kind);
    if (sorted) sorted.splice(sortedInsertionPoint(sorted, resource), 0, resource);
    const inNamespace = this.sortedByKindNamespace.get(resource.kind);
    if (inNamespace) {
      const list = inNamespace.get(resource.namespace);
      if (list) list.splice(sortedInsertionPoint(list, resource), 0, resource);
      else inNamespace.set(resource.namespace, [resource]);
    }
    if (isWorkload(resource)) {
      const workloads = this.workloadsByNamespace.get(resource.namespace);
      if (workloads) workloads.push(resource);
      else this.workloadsByNamespace.set(resource.namespace, [resource]);
      this.unsortedNamespaces.add(resource.namespace);
      this.workloadsByPodLabel.delete(resource.namespace);
    }
  }

  private hide(resource: AnyResource): void {
    const sorted = this.sortedByKind.get(resource.kind);
    if (sorted) removeItem(sorted, resource);
    const inNamespace = this.sortedByKindNamespace.get(resource.kind)?.get(resource.namespace);
    if (inNamespace) {
      removeItem(inNamespace, resource);
      if (inNamespace.length === 0) this.sortedByKindNamespace.get(resource.kind)!.delete(resource.namespace);
    }
    if (isWorkload(resource)) {
      this.workloadsByPodLabel.delete(resource.namespace);
      const workloads = this.workloadsByNamespace.get(resource.namespace);
      if (workloads) {
        const remaining = workloads.filter((w) => w !== resource);
        if (remaining.length) this.workloadsByNamespace.set(resource.namespace, remaining);
        else this.workloadsByNamespace.delete(resource.namespace);
      }
    }
  }
}

/**
 * Definitions of one object (sorted by file) without identical copies: a definition is a copy when an earlier one in
 * another file has the same data. Definitions in one file are never merged (that is a different mistake).
 */
function visibleDefinitions(definitions: readonly AnyResource[]): AnyResource[] {
  if (definitions.length < 2) return [...definitions];
  const out: AnyResource[] = [];
  for (const resource of definitions) {
    const print = resource.dataFingerprint;
    if (print !== undefined && out.some((kept) => kept.dataFingerprint === print && kept.file !== resource.file)) continue;
    out.push(resource);
  }
  return out;
}

function compareResources(a: AnyResource, b: AnyResource): number {
  return compare(a.namespace, b.namespace) || compare(a.name, b.name) || compare(a.kind, b.kind) || compare(a.file, b.file) || compare(a.id, b.id);
}

/** Counted by the scan-count test (see `WorkspaceIndex.scanStats`). */
export interface ScanStats {
  /** Whole-workspace lists handed out. */
  scans: number;
  /** Objects (or names) in them. */
  objects: number;
  /** Objects in the lists of one namespace handed out (see `WorkspaceIndex.scannedNamespace`). */
  namespaceObjects: number;
}

/** Removes one occurrence of `item` from `list`, in place. */
function removeItem<T>(list: T[], item: T): void {
  const at = list.indexOf(item);
  if (at >= 0) list.splice(at, 1);
}

/** Where `resource` goes in a list sorted by compareResources (after its equals: the order of equals is stable). */
function sortedInsertionPoint(sorted: readonly AnyResource[], resource: AnyResource): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareResources(sorted[middle]!, resource) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}


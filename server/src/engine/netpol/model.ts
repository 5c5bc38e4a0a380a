/**
 * The NetworkPolicy model of one index snapshot: pod classes and workload peers, compiled policies, which policies
 * select which class (computed once per class and direction, lazily), namespace labels, the external address atoms
 * and how the cluster's engine reads what the API leaves open (semantics.ts).
 *
 * The WorkspaceIndex is mutated in place by edits, so a model is only valid for the index state it was built
 * from: whoever holds one (the language server for hovers) builds a new one after the index changes. Building is
 * linear in the number of workloads and policies; per-query work then touches only the classes and policies a
 * query needs. The model never changes what it computed; its caches only fill in.
 */
import { selectorMatches, type LabelSelector, type Labels } from '../model/labelSelector';
import { NAMESPACE_NAME_LABEL } from '../model/extract/config';
import { ADMIN_POLICY_KINDS } from '../model/extract/adminNetworkPolicy';
import type { AdminNetworkPolicy, Workload } from '../model/resources';
import { compileAdminPolicy, orderAdminPolicies, type CompiledAdminPolicy } from './admin/compiled';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import { ALL_WORKLOADS, clusterObjects, objectsAnywhere, objectsIn, workloadsIn } from '../model/readKeys';
import { cutAddressSpace, type AddressRange } from './addressSet';
import { compileCiliumPolicy, type CompiledCiliumPolicy, type CompiledCiliumRule } from './cilium/compiled';
import { ruleSelects } from './cilium/evaluate';
import { compilePolicy, type CompiledPolicy, type Direction } from './compiledPolicy';
import { groupPodsByNamespace, type NamespaceGroup } from './namespaceGroups';
import type { PodClass, WorkloadPeer } from './podClasses';
import { compareStrings } from '../util/compare';
import { API_SEMANTICS, type EngineSemantics } from './semantics';
import { classesSelected } from './classSelection';
import { filePolicies, policiesSelectingLabels, type PolicyFiling } from './policySelection';

export interface NetpolOptions {
  /** What the cluster's engine does where the API leaves it open (netpol/semantics.ts). Default: the API's reading. */
  semantics?: EngineSemantics;
}

export class NetpolModel {
  // Every answer records what it depends on (WorkspaceIndex.noteRead): the model is built from the whole workspace
  // and shared by every rule, but a rule asking about one namespace must only be re-run when that namespace changes.
  /** Per namespace: its classes and peers (namespaceGroups.ts keeps those of unchanged namespaces across models). */
  private readonly groups: ReadonlyMap<string, NamespaceGroup>;
  /** Every class and every peer, assembled from the groups when first asked for (rules ask per namespace). */
  private allClasses: readonly PodClass[] | undefined;
  private allPeers: readonly WorkloadPeer[] | undefined;
  private classNamespaceList: readonly string[] | undefined;
  /** Kept across models while no NetworkPolicy changes: a pod-label edit rebuilds the model, not these. */
  private readonly policySet: PolicySet;
  /** The compiled admin policies, kept across models while none changes. */
  private readonly adminSet: AdminSet;
  /** The destination atoms when admin policies name networks (cut with the ipBlocks; per model). */
  private destinationAtomsWithNetworks: readonly AddressRange[] | undefined;
  /** How the engine reads what the API leaves to it. */
  readonly semantics: EngineSemantics;

  private readonly selecting: Record<Direction, Map<number, readonly CompiledPolicy[]>> = { Ingress: new Map(), Egress: new Map() };
  private readonly ciliumSelecting: Record<Direction, Map<number, readonly CompiledCiliumRule[]>> = { Ingress: new Map(), Egress: new Map() };
  private readonly namespaceLabelCache = new Map<string, Labels>();

  constructor(private readonly index: WorkspaceIndex, options: NetpolOptions = {}) {
    this.groups = groupPodsByNamespace(index);
    this.semantics = options.semantics ?? API_SEMANTICS;

    this.policySet = index.derived('netpol:policy-set', ['NetworkPolicy'], () => policySetOf(index.ofKind('NetworkPolicy').map(compilePolicy)));
    this.adminSet = index.derived('netpol:admin-policy-set', ADMIN_POLICY_KINDS, () => adminSetOf(index.ofKind('AdminNetworkPolicy'), index.ofKind('BaselineAdminNetworkPolicy')));
  }

  /** AdminNetworkPolicies in evaluation order (priority first). */
  get adminPolicies(): readonly CompiledAdminPolicy[] {
    this.index.noteRead(clusterObjects('AdminNetworkPolicy'));
    return this.adminSet.admin;
  }

  /** BaselineAdminNetworkPolicies (the API allows one, named `default`; each is read). */
  get baselinePolicies(): readonly CompiledAdminPolicy[] {
    this.index.noteRead(clusterObjects('BaselineAdminNetworkPolicy'));
    return this.adminSet.baseline;
  }

  /** Every pod class, by namespace then in workload order (class ids are unique in the model, not positions). */
  get classes(): readonly PodClass[] {
    this.index.noteRead(ALL_WORKLOADS);
    this.allClasses ??= [...this.groups.values()].flatMap((group) => group.classes);
    return this.allClasses;
  }

  /** The namespaces that have pod classes, in model order (a list of namespaces, not of classes). */
  get classNamespaces(): readonly string[] {
    this.index.noteRead(ALL_WORKLOADS);
    return (this.classNamespaceList ??= [...this.groups.keys()]);
  }

  /** The pod classes of one namespace, in model order. */
  classesIn(namespace: string): readonly PodClass[] {
    this.index.noteRead(workloadsIn(namespace));
    const classes = this.groups.get(namespace)?.classes ?? [];
    this.index.scannedNamespace(classes.length);
    return classes;
  }

  /** Whether the namespace has pod classes (read as `classesIn`, without handing out the list). */
  hasClassesIn(namespace: string): boolean {
    this.index.noteRead(workloadsIn(namespace));
    return this.groups.has(namespace);
  }

  /**
   * The pod classes of one namespace that a pod selector matches, in model order: from the namespace's label index,
   * kept per selector (classSelection.ts), not a test of every class of the namespace.
   */
  classesSelectedIn(namespace: string, selector: LabelSelector): readonly PodClass[] {
    this.index.noteRead(workloadsIn(namespace));
    const group = this.groups.get(namespace);
    return group ? classesSelected(group.classes, selector) : [];
  }

  /** Workload peers sorted by id (`ns/name[Kind]`). */
  get peers(): readonly WorkloadPeer[] {
    this.index.noteRead(ALL_WORKLOADS);
    this.allPeers ??= [...this.groups.values()].flatMap((group) => group.peers).sort((a, b) => compareStrings(a.id, b.id));
    return this.allPeers;
  }

  get policies(): readonly CompiledPolicy[] {
    this.index.noteRead(objectsAnywhere('NetworkPolicy'));
    return this.policySet.all;
  }

  /** The address space cut at every ipBlock of every ingress rule: the external sources a connectivity list shows. */
  get sourceAtoms(): readonly AddressRange[] {
    this.index.noteRead(objectsAnywhere('NetworkPolicy'));
    return (this.policySet.ingressSourceAtoms ??= cutAddressSpace(this.policySet.all.flatMap((p) => p.writtenIpBlocks.Ingress)));
  }

  /** The same for egress rules: the external destinations. */
  get destinationAtoms(): readonly AddressRange[] {
    this.index.noteRead(objectsAnywhere('NetworkPolicy'));
    this.index.noteRead(clusterObjects('AdminNetworkPolicy'));
    this.index.noteRead(clusterObjects('BaselineAdminNetworkPolicy'));
    if (this.adminSet.networks.every((n) => n.length === 0)) return (this.policySet.egressDestinationAtoms ??= cutAddressSpace(this.policySet.all.flatMap((p) => p.writtenIpBlocks.Egress)));
    return (this.destinationAtomsWithNetworks ??= cutAddressSpace([...this.policySet.all.flatMap((p) => p.writtenIpBlocks.Egress), ...this.adminSet.networks]));
  }

  /** The class of a workload definition of this snapshot. */
  classOf(workload: Workload): PodClass | undefined {
    this.index.noteRead(workloadsIn(workload.namespace));
    return this.groups.get(workload.namespace)?.classOfWorkload.get(workload);
  }

  peer(id: string): WorkloadPeer | undefined {
    // `ns/name[Kind]`: namespace names hold no slash.
    const slash = id.indexOf('/');
    if (slash < 0) return undefined;
    const namespace = id.slice(0, slash);
    this.index.noteRead(workloadsIn(namespace));
    return this.groups.get(namespace)?.peerById.get(id);
  }

  /** The peer a workload definition is listed under. */
  peerOfWorkload(workload: Workload): WorkloadPeer | undefined {
    this.index.noteRead(workloadsIn(workload.namespace));
    return this.groups.get(workload.namespace)?.peerOfWorkload.get(workload);
  }

  /** Declared labels plus the implied `kubernetes.io/metadata.name`, for namespaces declared or not. */
  namespaceLabels(namespace: string): Labels {
    this.index.noteRead(clusterObjects('Namespace'));
    let labels = this.namespaceLabelCache.get(namespace);
    if (!labels) this.namespaceLabelCache.set(namespace, (labels = this.index.namespaceLabels(namespace)));
    return labels;
  }

  namespaceSelectorMatches(selector: LabelSelector, namespace: string): boolean {
    this.index.noteRead(clusterObjects('Namespace'));
    // Not cached per selector and namespace: matching a few labels costs about what a lookup does, and such a cache
    // held every (selector, namespace) pair ever asked (530 MB of the 845 MB heap of the 50k bench workspace).
    return selectorMatches(selector, this.namespaceLabels(namespace));
  }

  /**
   * The namespaces the workspace knows (`WorkspaceIndex.knownNamespaces`) that a namespaceSelector matches, sorted.
   * A selector that asks for a label looks up the namespaces carrying it instead of testing every namespace: asked
   * once per policy peer, a test of every namespace made a check quadratic in namespaces (issue 17).
   */
  namespacesMatching(selector: LabelSelector): string[] {
    const [first] = Object.entries(selector.matchLabels);
    if (!first) return this.index.knownNamespaces().filter((ns) => this.namespaceSelectorMatches(selector, ns));
    const [key, value] = first;
    // The implied label is every namespace's own name; any other label is one a Namespace object declares.
    const candidates = key === NAMESPACE_NAME_LABEL ? [value] : this.index.namespacesLabelled(key, value);
    return candidates.filter((ns) => this.index.isKnownNamespace(ns) && this.namespaceSelectorMatches(selector, ns));
  }

  /** Whether the policy is one of this model's (a policy of its namespace): a lookup, not a search of the list. */
  holdsPolicy(policy: CompiledPolicy): boolean {
    this.index.noteRead(objectsIn('NetworkPolicy', policy.namespace));
    return this.policySet.members.has(policy);
  }

  policiesIn(namespace: string): readonly CompiledPolicy[] {
    this.index.noteRead(objectsIn('NetworkPolicy', namespace));
    return this.policySet.byNamespace.get(namespace) ?? [];
  }

  /**
   * Cilium policies (netpol/cilium/): every CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy of the workspace,
   * compiled, whatever the engine (rules and hovers read them; evaluation only under Cilium).
   */
  get ciliumPolicies(): readonly CompiledCiliumPolicy[] {
    this.index.noteRead(objectsAnywhere('CiliumNetworkPolicy'));
    this.index.noteRead(objectsAnywhere('CiliumClusterwideNetworkPolicy'));
    return this.ciliumSet().all;
  }

  /**
   * Cilium rules that select the class and apply to the direction (default deny, allow or deny items for it): none
   * unless the profile's engine is Cilium, the only engine that enforces them.
   */
  ciliumRulesSelecting(cls: PodClass, direction: Direction): readonly CompiledCiliumRule[] {
    if (this.semantics.engine !== 'cilium') return [];
    this.index.noteRead(objectsIn('CiliumNetworkPolicy', cls.namespace));
    this.index.noteRead(objectsAnywhere('CiliumClusterwideNetworkPolicy'));
    this.index.noteRead(clusterObjects('Namespace'));
    const cache = this.ciliumSelecting[direction];
    const cached = cls.id >= 0 ? cache.get(cls.id) : undefined;
    if (cached) return cached;
    const set = this.ciliumSet();
    const candidates = [...(set.byNamespace.get(cls.namespace) ?? []), ...set.clusterwide];
    const result = candidates.flatMap((p) => p.rules).filter((r) => (r.isolates[direction] || r.allow[direction].length > 0 || r.deny[direction].length > 0) && ruleSelects(this, r, cls));
    if (cls.id >= 0) cache.set(cls.id, result);
    return result;
  }

  private ciliumSet(): CiliumSet {
    return this.index.derived('netpol:cilium-set', CILIUM_KINDS, () => ciliumSetOf([...this.index.ofKind('CiliumNetworkPolicy'), ...this.index.ofKind('CiliumClusterwideNetworkPolicy')].map(compileCiliumPolicy)));
  }

  /** The policies of a namespace filed by pod selector label (undefined when the namespace has none). */
  private policyFilingOf(namespace: string): PolicyFiling | undefined {
    const policies = this.policySet.byNamespace.get(namespace);
    if (!policies) return undefined;
    let filing = this.policySet.filings.get(namespace);
    if (!filing) this.policySet.filings.set(namespace, (filing = filePolicies(policies)));
    return filing;
  }

  /** Policies of the class's namespace that select it and isolate it for the direction. */
  policiesSelecting(cls: PodClass, direction: Direction): readonly CompiledPolicy[] {
    this.index.noteRead(objectsIn('NetworkPolicy', cls.namespace));
    const cache = this.selecting[direction];
    const cached = cls.id >= 0 ? cache.get(cls.id) : undefined;
    if (cached) return cached;
    const filing = this.policyFilingOf(cls.namespace);
    const result = filing ? policiesSelectingLabels(filing, cls.labels, direction) : [];
    if (cls.id >= 0) cache.set(cls.id, result);
    return result;
  }
}

/** The compiled policies of one state of the workspace's NetworkPolicies, by namespace, and their address atoms. */
interface PolicySet {
  readonly all: readonly CompiledPolicy[];
  readonly byNamespace: ReadonlyMap<string, readonly CompiledPolicy[]>;
  readonly members: ReadonlySet<CompiledPolicy>;
  /** Each namespace's policies filed by a label of their podSelector (policySelection.ts), filled when first asked. */
  readonly filings: Map<string, PolicyFiling>;
  ingressSourceAtoms?: readonly AddressRange[];
  egressDestinationAtoms?: readonly AddressRange[];
}

/** The admin policies of one state of the workspace: ANPs ordered, baselines, and the networks their egress rules name. */
interface AdminSet {
  readonly admin: readonly CompiledAdminPolicy[];
  readonly baseline: readonly CompiledAdminPolicy[];
  readonly networks: readonly (readonly AddressRange[])[];
}

function adminSetOf(admin: readonly AdminNetworkPolicy[], baseline: readonly AdminNetworkPolicy[]): AdminSet {
  const compiledAdmin = orderAdminPolicies(admin.map(compileAdminPolicy));
  const compiledBaseline = baseline.map(compileAdminPolicy);
  return { admin: compiledAdmin, baseline: compiledBaseline, networks: [...compiledAdmin, ...compiledBaseline].map((p) => p.egressNetworks) };
}

function policySetOf(all: readonly CompiledPolicy[]): PolicySet {
  const byNamespace = new Map<string, CompiledPolicy[]>();
  for (const policy of all) {
    const list = byNamespace.get(policy.namespace);
    if (list) list.push(policy);
    else byNamespace.set(policy.namespace, [policy]);
  }
  return { all, byNamespace, members: new Set(all), filings: new Map() };
}

const CILIUM_KINDS: readonly string[] = ['CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy'];

interface CiliumSet {
  readonly all: readonly CompiledCiliumPolicy[];
  readonly byNamespace: ReadonlyMap<string, readonly CompiledCiliumPolicy[]>;
  readonly clusterwide: readonly CompiledCiliumPolicy[];
}

function ciliumSetOf(all: readonly CompiledCiliumPolicy[]): CiliumSet {
  const byNamespace = new Map<string, CompiledCiliumPolicy[]>();
  const clusterwide: CompiledCiliumPolicy[] = [];
  for (const policy of all) {
    if (policy.clusterwide) {
      clusterwide.push(policy);
      continue;
    }
    const list = byNamespace.get(policy.namespace);
    if (list) list.push(policy);
    else byNamespace.set(policy.namespace, [policy]);
  }
  return { all, byNamespace, clusterwide };
}

/** A model of the index as it is now. Callers that query repeatedly keep the model and rebuild it after edits. */
export function buildNetpolModel(index: WorkspaceIndex, options: NetpolOptions = {}): NetpolModel {
  return new NetpolModel(index, options);
}

/** Functions of this module accept a model or, for one-off use, an index (a model is then built for the call). */
export type NetpolSource = NetpolModel | WorkspaceIndex;

export function modelOf(source: NetpolSource): NetpolModel {
  return source instanceof NetpolModel ? source : new NetpolModel(source);
}

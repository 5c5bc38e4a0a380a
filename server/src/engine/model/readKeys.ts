/**
 * Read keys: what a reader of the workspace index depends on, and what a change of the workspace changes, in one
 * vocabulary (see `WorkspaceIndex.recordReads`). A reader records the keys of what it reads; an added or removed
 * object changes the keys `changeKeysOf` gives; a reader is stale when a change `touches` one of its reads.
 *
 *   objectsIn(kind, namespace)   `kind|namespace`   objects of a kind in one namespace ('' for cluster-scoped kinds)
 *   clusterObjects(kind)         `kind|`            objects of a cluster-scoped kind (Namespace, AdminNetworkPolicy)
 *   objectsAnywhere(kind)        `kind|*`           objects of a kind in every namespace (read only, never changed)
 *   workloadsIn(namespace)       `workload|ns`      the workloads of a namespace, whatever their kind
 *   ALL_WORKLOADS                `workload|*`       every workload (read only)
 *   fileKey(file)                `file|path`        the objects of one file
 *   copyKey(resource)            `copy|kind/ns/name`  the definitions of one object (which are identical copies)
 *   namespaceObjects(namespace)  `ns|namespace`     whether any object brings the namespace (`hasNamespace`)
 *   NAMESPACE_SET                `namespaces|`      the set of known namespaces (`knownNamespaces`)
 *   EVERYTHING                   `*`                anything at all (read only)
 *
 * Keys are branded strings: built only here, so a key's form is written once and a misspelt one cannot be recorded.
 */
import { isWorkload, type AnyResource } from './resources';

declare const readKeyBrand: unique symbol;
export type ReadKey = string & { readonly [readKeyBrand]: true };

const EVERY_NAMESPACE = '*';
/** The kind part of the workload keys (no Kubernetes kind is lowercase). */
const WORKLOAD = 'workload';
/** The kind part of the namespace-object keys (`hasNamespace`). */
const NAMESPACE_OBJECTS = 'ns';
/** The kind part of the file keys. */
const FILE = 'file';
/** The kind part of the copy keys. */
const COPY = 'copy';

function keyOf(kind: string, rest: string): ReadKey {
  return `${kind}|${rest}` as ReadKey;
}

/** Objects of `kind` in `namespace` (`kind|namespace`; a cluster-scoped kind's objects are in namespace ''). */
export function objectsIn(kind: string, namespace: string): ReadKey {
  return keyOf(kind, namespace);
}

/** Objects of a cluster-scoped kind (`kind|`: they are in namespace ''). */
export function clusterObjects(kind: string): ReadKey {
  return objectsIn(kind, '');
}

/** Objects of `kind` in any namespace (`kind|*`): touched by a change of any object of that kind. */
export function objectsAnywhere(kind: string): ReadKey {
  return keyOf(kind, EVERY_NAMESPACE);
}

/** The workloads (of every workload kind) of one namespace. */
export function workloadsIn(namespace: string): ReadKey {
  return keyOf(WORKLOAD, namespace);
}

/** Every workload. */
export const ALL_WORKLOADS: ReadKey = objectsAnywhere(WORKLOAD);

/** The objects of one file. */
export function fileKey(file: string): ReadKey {
  return keyOf(FILE, file);
}

/**
 * The definitions of one object (`copy|kind/namespace/name`): what `copyOf` and `copiesOf` answer depends on, so that
 * a definition coming or going re-runs the checks of that object's other definitions only.
 */
export function copyKey(resource: Pick<AnyResource, 'kind' | 'namespace' | 'name'>): ReadKey {
  return keyOf(COPY, `${resource.kind}/${resource.namespace}/${resource.name}`);
}

/** Whether any object brings `namespace` into the index's namespace names (see `WorkspaceIndex.hasNamespace`). */
export function namespaceObjects(namespace: string): ReadKey {
  return keyOf(NAMESPACE_OBJECTS, namespace);
}

/** Any object bringing any namespace. */
export const ALL_NAMESPACE_OBJECTS: ReadKey = objectsAnywhere(NAMESPACE_OBJECTS);

/** The set of known namespaces (`WorkspaceIndex.knownNamespaces`); changed by the host when the set changes. */
export const NAMESPACE_SET: ReadKey = keyOf('namespaces', '');

/** Everything: touched by any change. */
export const EVERYTHING = '*' as ReadKey;

/** The namespaces an object brings into `namespaceNames()`: its own, and the name of a Namespace object. */
export function namespacesOf(resource: AnyResource): string[] {
  const names = resource.namespace ? [resource.namespace] : [];
  if (resource.kind === 'Namespace' && resource.name && resource.name !== resource.namespace) names.push(resource.name);
  return names;
}

/** The keys an added or removed object changes (never a `kind|*` or `*` key: those are touched through `kinds`). */
export function changeKeysOf(resource: AnyResource): ReadKey[] {
  const keys = [objectsIn(resource.kind, resource.namespace), fileKey(resource.file), copyKey(resource)];
  if (isWorkload(resource)) keys.push(workloadsIn(resource.namespace));
  for (const namespace of namespacesOf(resource)) keys.push(namespaceObjects(namespace));
  return keys;
}

/**
 * The keys an added or removed object changes for readers of every namespace (`kind|*`), which `changeKeysOf` leaves
 * out: what the index's memo versions bump besides `changeKeysOf` and `*`.
 */
export function everyNamespaceKeysOf(resource: AnyResource): ReadKey[] {
  const keys = [objectsAnywhere(resource.kind)];
  if (isWorkload(resource)) keys.push(ALL_WORKLOADS);
  if (namespacesOf(resource).length) keys.push(ALL_NAMESPACE_OBJECTS);
  return keys;
}

/** The change keys of a refresh, with the kinds they change (a read of `kind|*` is touched by any of them). */
export interface ChangeKeys {
  readonly keys: ReadonlySet<ReadKey>;
  readonly kinds: ReadonlySet<string>;
}

export function changeKeysFrom(keys: ReadonlySet<ReadKey>): ChangeKeys {
  const kinds = new Set<string>();
  for (const key of keys) kinds.add(key.slice(0, key.indexOf('|')));
  return { keys, kinds };
}

/**
 * Whether a check that read `reads` may answer differently after `changes`: a read is touched by the same key, a
 * `kind|*` read by any change of that kind, `*` by anything; no change touches nothing (as `ReadersByKey.touchedBy`).
 */
export function touches(reads: readonly ReadKey[], changes: ChangeKeys): boolean {
  if (changes.keys.size === 0) return false;
  for (const read of reads) {
    if (read === EVERYTHING) return true;
    const bar = read.indexOf('|');
    const everyNamespace = read.length === bar + 2 && read.endsWith(EVERY_NAMESPACE);
    if (everyNamespace ? changes.kinds.has(read.slice(0, bar)) : changes.keys.has(read)) return true;
  }
  return false;
}

/**
 * Whether what `key` names can no longer change while the rest of the workspace is read, once every file that may hold
 * an object of the namespaces `complete` is read (`fileRead` says which files are): the language server reads the
 * open files' namespaces first and publishes the findings of the checks whose every read is final
 * (`Analysis.findingsWithin`, lsp/namespacesFirst.ts). Final: the objects of a file read; `kind|ns`, `workload|ns`,
 * `ns|ns` and `copy|kind/ns/name` of a complete namespace. Never final before the whole scan: `kind|*`, `workload|*`,
 * `*`, the set of namespaces and cluster-scoped kinds (`kind|`: their files name no namespace).
 */
export function isFinalWhen(key: ReadKey, complete: ReadonlySet<string>, fileRead: (file: string) => boolean): boolean {
  const bar = key.indexOf('|');
  if (bar < 0 || key === NAMESPACE_SET) return false;
  const kind = key.slice(0, bar);
  const rest = key.slice(bar + 1);
  if (kind === FILE) return fileRead(rest);
  if (kind === COPY) {
    // copy|kind/namespace/name: kinds and namespaces hold no '/'.
    const namespace = rest.split('/')[1];
    return namespace !== undefined && namespace !== '' && complete.has(namespace);
  }
  return rest !== '' && rest !== EVERY_NAMESPACE && complete.has(rest);
}

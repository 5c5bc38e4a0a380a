/**
 * Which namespaces the workspace has, counted per object as objects come and go, in two senses:
 * - known (`known`, `isKnown`): declared by a Namespace object, or holding a workload, Service or NetworkPolicy;
 *   what rules mean by "a namespace the workspace knows". The set is reported as changed only when it differs
 *   from the set last reported (`takeKnownSetChange`).
 * - named (`names`, `has`): any object lives in it, or a Namespace object names it.
 * Lists are sorted and cached until a namespace appears or goes. Reads are recorded by the index, not here.
 */
import { isWorkload, type AnyResource } from './resources';
import { namespacesOf } from './readKeys';

export class NamespaceTracker {
  /** Per namespace, the objects that make it known. */
  private readonly knownUse = new Map<string, number>();
  private knownList: string[] | undefined;
  /** The known namespaces when a change was last reported, joined. */
  private reportedKnown = '';
  /** Per namespace, the objects in it plus the Namespace objects naming it. */
  private readonly anyUse = new Map<string, number>();
  private nameList: string[] | undefined;

  /** Counts an added (1) or removed (-1) object; true when the set of known namespaces gained or lost one. */
  count(resource: AnyResource, delta: 1 | -1): boolean {
    for (const name of namespacesOf(resource)) {
      if (adjust(this.anyUse, name, delta)) this.nameList = undefined;
    }
    const name = resource.kind === 'Namespace' ? resource.name : isWorkload(resource) || resource.kind === 'Service' || resource.kind === 'NetworkPolicy' ? resource.namespace : '';
    if (!name || !adjust(this.knownUse, name, delta)) return false;
    this.knownList = undefined;
    return true;
  }

  known(): readonly string[] {
    this.knownList ??= [...this.knownUse.keys()].sort();
    return this.knownList;
  }

  isKnown(namespace: string): boolean {
    return this.knownUse.has(namespace);
  }

  /** True once after the set of known namespaces changed since the last call. */
  takeKnownSetChange(): boolean {
    // Compared with the set last reported, not flagged on the way: re-reading a file that holds every object of a
    // namespace takes the namespace out and puts it back, which changes nothing for readers. The list is cached until
    // a namespace appears or goes, so this costs a join of the names.
    const now = this.known().join('\n');
    const changed = now !== this.reportedKnown;
    this.reportedKnown = now;
    return changed;
  }

  names(): readonly string[] {
    this.nameList ??= [...this.anyUse.keys()].sort();
    return this.nameList;
  }

  has(namespace: string): boolean {
    return (this.anyUse.get(namespace) ?? 0) > 0;
  }
}

/** Adds `delta` to a count; true when the name appeared (0 -> 1) or went (-> 0). */
function adjust(counts: Map<string, number>, name: string, delta: 1 | -1): boolean {
  const count = (counts.get(name) ?? 0) + delta;
  if (count > 0) counts.set(name, count);
  else counts.delete(name);
  return count === 0 || (delta === 1 && count === 1);
}

/**
 * Which pod classes of one namespace a label selector matches, answered from an inverted label index instead of a
 * test of every class (issue 17): asked once per policy and per policy peer, the test of every class made a
 * namespace of thousands of workloads quadratic (a 5,000-workload namespace: 25 million selector tests per check).
 *
 * The index of a namespace's classes (label key=value -> classes, key -> classes, for `Exists`) is built when first
 * asked and kept with the class list it indexes; the matched classes are kept per selector object. Both are pure
 * functions of their inputs (the class list of a namespace grouping and a compiled selector, neither ever mutated,
 * both replaced when their source changes: namespaceGroups.ts, NetpolModel's policy set), so nothing here needs
 * invalidating and an incremental run answers exactly what a fresh one does. The caller records the reads.
 *
 * A selector is narrowed by its most selective requirement that needs a label (a matchLabels pair, `In`, `Exists`);
 * one without such a requirement (`{}`, only `NotIn` / `DoesNotExist`) tests every class. Every candidate is then
 * tested by `selectorMatches` itself: the index only skips classes that cannot match.
 */
import { selectorMatches, type LabelSelector } from '../model/labelSelector';
import type { PodClass } from './podClasses';

interface ClassIndex {
  /** key -> value -> classes carrying that label, in class order. */
  readonly byLabel: Map<string, Map<string, PodClass[]>>;
  /** key -> classes carrying the key, in class order. */
  readonly byKey: Map<string, PodClass[]>;
  /** Position of each class in the indexed list (to merge candidate lists back into class order). */
  readonly position: Map<PodClass, number>;
  /** Matched classes per selector object. */
  readonly selected: WeakMap<LabelSelector, readonly PodClass[]>;
}

const indexes = new WeakMap<readonly PodClass[], ClassIndex>();

/** The classes of `classes` (one namespace's, in model order) that the selector matches, in the same order. */
export function classesSelected(classes: readonly PodClass[], selector: LabelSelector): readonly PodClass[] {
  if (selector.invalid) return [];
  let index = indexes.get(classes);
  if (!index) indexes.set(classes, (index = indexOf(classes)));
  let selected = index.selected.get(selector);
  if (!selected) {
    const candidates = narrowest(index, selector) ?? classes;
    selected = candidates.filter((cls) => selectorMatches(selector, cls.labels));
    index.selected.set(selector, selected);
  }
  return selected;
}

function indexOf(classes: readonly PodClass[]): ClassIndex {
  const byLabel = new Map<string, Map<string, PodClass[]>>();
  const byKey = new Map<string, PodClass[]>();
  const position = new Map<PodClass, number>();
  classes.forEach((cls, i) => {
    position.set(cls, i);
    for (const key of Object.keys(cls.labels)) {
      push(byKey, key, cls);
      let values = byLabel.get(key);
      if (!values) byLabel.set(key, (values = new Map()));
      push(values, cls.labels[key]!, cls);
    }
  });
  return { byLabel, byKey, position, selected: new WeakMap() };
}

/** The shortest list of classes that holds every match, or undefined when no requirement narrows the selector. */
function narrowest(index: ClassIndex, selector: LabelSelector): readonly PodClass[] | undefined {
  let best: readonly PodClass[] | undefined;
  const consider = (list: readonly PodClass[]) => {
    if (!best || list.length < best.length) best = list;
  };
  for (const key of Object.keys(selector.matchLabels)) {
    consider(index.byLabel.get(key)?.get(selector.matchLabels[key]!) ?? []);
    if (best!.length === 0) return best;
  }
  for (const requirement of selector.matchExpressions) {
    if (requirement.operator === 'Exists') consider(index.byKey.get(requirement.key) ?? []);
    else if (requirement.operator === 'In') consider(unionInOrder(index, requirement.key, requirement.values));
  }
  return best;
}

/** Classes whose label `key` has one of `values` (each class has one value per key: the lists are disjoint). */
function unionInOrder(index: ClassIndex, key: string, values: readonly string[]): readonly PodClass[] {
  const byValue = index.byLabel.get(key);
  if (!byValue) return [];
  const lists = [...new Set(values)].map((v) => byValue.get(v)).filter((l): l is PodClass[] => l !== undefined);
  if (lists.length <= 1) return lists[0] ?? [];
  return lists.flat().sort((a, b) => index.position.get(a)! - index.position.get(b)!);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Pods the workspace does not declare and whose facts are only partly known: an ingress controller or a gateway the
 * cluster deploys (its pods carry labels we know and labels whose values, or whose presence, we do not), or pods
 * whose namespace is not stated. Selectors then match in three states: yes (whatever the unknown facts are), no
 * (whatever they are), maybe.
 */
import { selectsEverything, type LabelSelector, type Labels, type SelectorRequirement } from '../model/labelSelector';
import type { Match } from './semantics';

export interface PartlyKnownPods {
  /** The namespace is not known: the pod class's namespace is only a placeholder (or the usual one). */
  readonly namespaceUnknown?: boolean;
  /** Label keys the pods carry whose values are not known (a `pod-template-hash`, a generated name). */
  readonly keysWithUnknownValue?: readonly string[];
  /** Whether the pods may carry labels besides the known ones and `keysWithUnknownValue`. */
  readonly otherLabels: 'absent' | 'unknown';
}

/** A label selector against pods whose labels are `known` plus what `partly` says. */
export function selectorMatch(selector: LabelSelector, known: Labels, partly: PartlyKnownPods | undefined): Match {
  if (selector.invalid) return 'no';
  let result: Match = 'yes';
  const requirements: SelectorRequirement[] = [
    ...Object.entries(selector.matchLabels).map(([key, value]): SelectorRequirement => ({ key, operator: 'In', values: [value] })),
    ...selector.matchExpressions,
  ];
  for (const requirement of requirements) {
    const one = requirementMatch(requirement, known, partly);
    if (one === 'no') return 'no';
    if (one === 'maybe') result = 'maybe';
  }
  return result;
}

function requirementMatch(requirement: SelectorRequirement, known: Labels, partly: PartlyKnownPods | undefined): Match {
  const { key, operator, values } = requirement;
  if (Object.prototype.hasOwnProperty.call(known, key)) {
    const value = known[key]!;
    switch (operator) {
      case 'In':
        return values.includes(value) ? 'yes' : 'no';
      case 'NotIn':
        return values.includes(value) ? 'no' : 'yes';
      case 'Exists':
        return 'yes';
      case 'DoesNotExist':
        return 'no';
    }
  }
  if (partly?.keysWithUnknownValue?.includes(key)) {
    if (operator === 'Exists') return 'yes';
    if (operator === 'DoesNotExist') return 'no';
    return 'maybe';
  }
  if (partly?.otherLabels === 'unknown') return 'maybe';
  // The key is absent.
  return operator === 'NotIn' || operator === 'DoesNotExist' ? 'yes' : 'no';
}

/** A namespaceSelector (or its absence: the policy's own namespace) against pods whose namespace is not known. */
export function unknownNamespaceMatch(namespaceSelector: LabelSelector | undefined): Match {
  if (!namespaceSelector) return 'maybe';
  if (namespaceSelector.invalid) return 'no';
  return selectsEverything(namespaceSelector) ? 'yes' : 'maybe';
}

export function and3(a: Match, b: Match): Match {
  if (a === 'no' || b === 'no') return 'no';
  return a === 'yes' && b === 'yes' ? 'yes' : 'maybe';
}

/** Kubernetes label selectors (metav1.LabelSelector) and how they match a set of labels. */
import { ownRecord } from '../syntax/access';
import type { Span } from '../syntax/tree';

export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface SelectorRequirement {
  key: string;
  operator: SelectorOperator;
  values: string[];
}

export interface LabelSelector {
  matchLabels: Record<string, string>;
  matchExpressions: SelectorRequirement[];
  /**
   * A selector the API server would reject (unknown operator, values with Exists, ...). It selects nothing:
   * we never guess what a broken selector was meant to say.
   */
  invalid?: string;
  /**
   * Written with its parts left empty: a null value (`podSelector:`), or `matchLabels` / `matchExpressions` present
   * with nothing in them. It selects everything like `{}`, but reads as a selector someone meant to fill in.
   */
  leftEmpty?: true;
  span: Span;
}

export type Labels = Readonly<Record<string, string>>;

/** True when the selector has no requirement at all: `{}` selects everything in its scope. */
export function selectsEverything(selector: LabelSelector): boolean {
  return !selector.invalid && Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0;
}

/**
 * matchLabels and matchExpressions are ANDed; NotIn and DoesNotExist match objects that lack the key. Keys come from
 * manifests: only own keys count (`toString` is no label of a plain object).
 */
export function selectorMatches(selector: LabelSelector, labels: Labels): boolean {
  if (selector.invalid) return false;
  for (const key of Object.keys(selector.matchLabels)) {
    if (!Object.prototype.hasOwnProperty.call(labels, key) || labels[key] !== selector.matchLabels[key]) return false;
  }
  for (const requirement of selector.matchExpressions) {
    if (!requirementMatches(requirement, labels)) return false;
  }
  return true;
}

function requirementMatches(requirement: SelectorRequirement, labels: Labels): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, requirement.key);
  const value = labels[requirement.key];
  switch (requirement.operator) {
    case 'In':
      return has && requirement.values.includes(value!);
    case 'NotIn':
      return !has || !requirement.values.includes(value!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
  }
}

/** A Service-style selector (a plain map, ANDed equality) as a LabelSelector. */
export function equalitySelector(labels: Record<string, string>, span: Span): LabelSelector {
  return { matchLabels: ownRecord(labels), matchExpressions: [], span };
}

/** `app=web,tier=front` for messages; `{}` for the empty selector. */
export function describeSelector(selector: LabelSelector): string {
  if (selector.invalid) return `(invalid selector: ${selector.invalid})`;
  const parts = Object.entries(selector.matchLabels).map(([k, v]) => `${k}=${v}`);
  for (const r of selector.matchExpressions) {
    if (r.operator === 'Exists') parts.push(r.key);
    else if (r.operator === 'DoesNotExist') parts.push(`!${r.key}`);
    else parts.push(`${r.key} ${r.operator.toLowerCase() === 'in' ? 'in' : 'notin'} (${r.values.join(',')})`);
  }
  return parts.length ? parts.join(',') : '{}';
}

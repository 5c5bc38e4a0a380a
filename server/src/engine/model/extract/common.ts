/** Reads shared by every kind's extractor: metadata, selectors, ports. */
import { asMap, asScalar, child, itemsOf, stringListOf, stringMapOf, stringOf } from '../../syntax/access';
import type { Span, YNode } from '../../syntax/tree';
import type { LabelSelector, SelectorOperator, SelectorRequirement } from '../labelSelector';
import type { Protocol } from '../resources';

export function spanOf(node: YNode | null | undefined, fallback: Span): Span {
  return node ? { start: node.start, end: node.end } : fallback;
}

/** Protocol as the API reads it: absent = TCP; an unknown value is kept out (undefined) so rules can say so. */
export function protocolOf(node: YNode | null | undefined): Protocol | undefined {
  const value = stringOf(node);
  if (value === undefined) return 'TCP';
  return value === 'TCP' || value === 'UDP' || value === 'SCTP' ? value : undefined;
}

export function labelSelectorOf(node: YNode | null | undefined, fallback: Span): LabelSelector {
  const span = spanOf(node, fallback);
  const selector: LabelSelector = { matchLabels: {}, matchExpressions: [], span };
  if (!node) return selector;
  const map = asMap(node);
  if (!map) {
    // A null/empty value (`podSelector:`) reads as `{}`; any other shape is invalid.
    if (asScalar(node)?.value === null) {
      selector.leftEmpty = true;
      return selector;
    }
    selector.invalid = 'a selector must be a map';
    return selector;
  }
  const matchLabels = child(map, 'matchLabels');
  if (matchLabels && !asMap(matchLabels) && asScalar(matchLabels)?.value !== null) selector.invalid = 'matchLabels must be a map';
  selector.matchLabels = stringMapOf(matchLabels);
  for (const item of itemsOf(child(map, 'matchExpressions'))) {
    const requirement = requirementOf(item);
    if (typeof requirement === 'string') selector.invalid = requirement;
    else selector.matchExpressions.push(requirement);
  }
  const written = [matchLabels, child(map, 'matchExpressions')].filter((n) => n !== null && n !== undefined);
  if (!selector.invalid && written.length > 0 && Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0) selector.leftEmpty = true;
  return selector;
}

const OPERATORS: ReadonlySet<string> = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

function requirementOf(node: YNode): SelectorRequirement | string {
  const key = stringOf(child(node, 'key'));
  const operator = stringOf(child(node, 'operator'));
  const values = stringListOf(child(node, 'values'));
  if (!key) return 'a matchExpressions entry has no key';
  if (!operator || !OPERATORS.has(operator)) return `unknown operator \`${operator ?? ''}\` for key \`${key}\``;
  if ((operator === 'In' || operator === 'NotIn') && values.length === 0) return `\`${operator}\` for key \`${key}\` needs values`;
  if ((operator === 'Exists' || operator === 'DoesNotExist') && values.length > 0) return `\`${operator}\` for key \`${key}\` takes no values`;
  return { key, operator: operator as SelectorOperator, values };
}


/** A scalar string with its span, or undefined. */
export function locatedString(node: YNode | null | undefined, fallback: Span): { value: string; span: Span } | undefined {
  const value = stringOf(node);
  return value === undefined ? undefined : { value, span: spanOf(node, fallback) };
}

/** The string items of a sequence, each with its span. */
export function locatedStrings(node: YNode | null | undefined, fallback: Span): { value: string; span: Span }[] {
  return itemsOf(node).flatMap((item) => {
    const located = locatedString(item, fallback);
    return located ? [located] : [];
  });
}

/** A string map with the span of each pair and of each scalar value (annotation-like maps outside metadata). */
export function spannedStringMap(node: YNode | null | undefined): { values: Record<string, string>; keySpans: Record<string, Span>; valueSpans: Record<string, Span> } {
  const keySpans: Record<string, Span> = {};
  const valueSpans: Record<string, Span> = {};
  for (const pair of asMap(node)?.pairs ?? []) {
    if (!pair.key) continue;
    keySpans[String(pair.key.value)] = { start: pair.start, end: pair.end };
    if (pair.value && asScalar(pair.value)) valueSpans[String(pair.key.value)] = { start: pair.value.start, end: pair.value.end };
  }
  return { values: stringMapOf(node), keySpans, valueSpans };
}

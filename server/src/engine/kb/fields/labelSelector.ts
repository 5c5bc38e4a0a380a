/**
 * The parts of a label selector (`matchLabels`, `matchExpressions` and its key/operator/values), shared by every
 * place that holds one: NetworkPolicy pod and namespace selectors, workload selectors, Gateway listener namespace
 * selectors. The caller documents the selector itself, since what it selects differs per place.
 */
import { row, under, value, type FieldRow } from './define';

export const LABELS_SOURCE = 'https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors';

/**
 * Rows for the parts of the selector at `prefix`.
 * @param subject what the selector picks, for the sentences (e.g. "pods", "namespaces").
 */
export function labelSelectorRows(prefix: string, subject: string): FieldRow[] {
  return under(prefix, [
    row(
      'matchLabels',
      `Exact \`key: value\` pairs; ${subject} must carry every one of them to match. Combined with \`matchExpressions\` by AND. Values are strings: quote \`"true"\` or numbers so YAML does not turn them into other types.`,
      { source: LABELS_SOURCE },
    ),
    row(
      'matchExpressions',
      `Set-based requirements, each with a \`key\`, an \`operator\` and (for In/NotIn) \`values\`. All of them and all \`matchLabels\` must hold (AND); for an OR write two separate selectors where the API allows a list.`,
      { source: LABELS_SOURCE },
    ),
    row('matchExpressions.key', `The label key the requirement tests on the ${subject}.`, { source: LABELS_SOURCE }),
    row('matchExpressions.operator', 'How the label is tested against `values`.', {
      source: LABELS_SOURCE,
      values: [
        value('In', 'The label is present and its value is one of `values`.'),
        value('NotIn', 'The label is absent, or its value is none of `values`: objects without the key match too.'),
        value('Exists', 'The key is present, whatever its value. `values` must be empty.'),
        value('DoesNotExist', 'The key is absent. `values` must be empty.'),
      ],
    }),
    row(
      'matchExpressions.values',
      'Candidate values for In and NotIn (must not be empty for them); must be empty for Exists and DoesNotExist.',
      { source: LABELS_SOURCE },
    ),
  ]);
}

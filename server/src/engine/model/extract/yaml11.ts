/**
 * YAML 1.1 booleans in string-only fields. We read YAML 1.2 (where `yes` is a string), but the API server and
 * kubectl decode manifests with a YAML 1.1 reader (go-yaml v2 via sigs.k8s.io/yaml), which turns these unquoted
 * words into booleans; a boolean where the API expects a string makes it reject the object.
 */
import { asMap, asScalar } from '../../syntax/access';
import type { YNode } from '../../syntax/tree';
import type { Yaml11Boolean } from '../resources';

/** The exact casings go-yaml v2 resolves to booleans (`yEs` stays a string). */
const YAML11_BOOLEANS: ReadonlySet<string> = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO',
  'true', 'True', 'TRUE', 'false', 'False', 'FALSE',
  'on', 'On', 'ON', 'off', 'Off', 'OFF',
]);

/** The node's text when it is an unquoted scalar that YAML 1.1 reads as a boolean. */
export function yaml11BooleanSource(node: YNode | null | undefined): string | undefined {
  const scalar = asScalar(node);
  if (!scalar || !scalar.plain || scalar.source === undefined) return undefined;
  return YAML11_BOOLEANS.has(scalar.source) ? scalar.source : undefined;
}

/** Appends the YAML 1.1 booleans among a string map's values (labels, annotations, ConfigMap data). */
export function collectYaml11Booleans(node: YNode | null | undefined, describe: (key: string) => string, out: Yaml11Boolean[]): void {
  for (const pair of asMap(node)?.pairs ?? []) {
    if (!pair.key || !pair.value) continue;
    const source = yaml11BooleanSource(pair.value);
    if (source !== undefined) out.push({ path: describe(String(pair.key.value)), source, span: { start: pair.value.start, end: pair.value.end } });
  }
}

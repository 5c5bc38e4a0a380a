/** Namespace, ConfigMap and Secret: names, labels and (for ConfigMaps) values that may reference Services. */
import { asMap, child, ownRecord, stringOf } from '../../syntax/access';
import type { Span, YNode } from '../../syntax/tree';
import type { ConfigMap, Namespace, ResourceBase, Secret } from '../resources';
import { collectYaml11Booleans } from './yaml11';

/** The API server adds `kubernetes.io/metadata.name` to every Namespace; policies select namespaces by it. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export function namespaceOf(base: ResourceBase): Namespace {
  return { ...base, kind: 'Namespace', labels: ownRecord({ ...base.labels, [NAMESPACE_NAME_LABEL]: base.name }) };
}

export function configMapOf(root: YNode, base: ResourceBase): ConfigMap {
  // Keyed by manifest keys: no prototype (see stringMapOf).
  const data = ownRecord<string>();
  const dataSpans = ownRecord<Span>();
  for (const pair of asMap(child(root, 'data'))?.pairs ?? []) {
    if (!pair.key) continue;
    const key = String(pair.key.value);
    const value = stringOf(pair.value);
    if (value === undefined || !pair.value) continue;
    data[key] = value;
    dataSpans[key] = { start: pair.value.start, end: pair.value.end };
  }
  const configMap: ConfigMap = { ...base, kind: 'ConfigMap', data, dataSpans };
  const yaml11Booleans = [...(base.yaml11Booleans ?? [])];
  collectYaml11Booleans(child(root, 'data'), (key) => `ConfigMap data key \`${key}\``, yaml11Booleans);
  if (yaml11Booleans.length) configMap.yaml11Booleans = yaml11Booleans;
  return configMap;
}

export function secretOf(root: YNode, base: ResourceBase): Secret {
  const keys = new Set<string>();
  for (const field of ['data', 'stringData']) {
    for (const pair of asMap(child(root, field))?.pairs ?? []) if (pair.key) keys.add(String(pair.key.value));
  }
  const secret: Secret = { ...base, kind: 'Secret', keys: [...keys] };
  const type = stringOf(child(root, 'type'));
  if (type) secret.type = type;
  return secret;
}

/**
 * Lookup of field documentation by kind and YAML path, for hovers and completion.
 *
 * Resolution order for a path (sequence indexes dropped):
 *  1. the kind's own docs;
 *  2. for kinds with a pod template (Deployment, CronJob, ...), a path inside the template is looked up as a Pod
 *     path (`spec.template.spec.containers.ports.name` on a Deployment is Pod `spec.containers.ports.name`);
 *  3. the fields every object has (`apiVersion`, `kind`, `metadata.*`);
 *  4. a path one level inside a map-valued field (`metadata.labels.app`) gets the map field's doc.
 */
import type { FieldDoc } from './types';
import { GATEWAY_CLASS_FIELDS, GATEWAY_FIELDS } from './fields/gateway';
import { GRPC_ROUTE_FIELDS } from './fields/grpcRoute';
import { HTTP_ROUTE_FIELDS } from './fields/httpRoute';
import { INGRESS_FIELDS } from './fields/ingress';
import { INGRESS_CLASS_FIELDS } from './fields/ingressClass';
import { METADATA_FIELDS, SHARED_KIND } from './fields/metadata';
import { NETWORK_POLICY_FIELDS } from './fields/networkPolicy';
import { CILIUM_CLUSTERWIDE_NETWORK_POLICY_FIELDS, CILIUM_NETWORK_POLICY_FIELDS } from './fields/cilium';
import { POD_FIELDS } from './fields/pod';
import { REFERENCE_GRANT_FIELDS } from './fields/referenceGrant';
import { SERVICE_FIELDS } from './fields/service';
import { SERVICE_ADDRESSING_FIELDS } from './fields/serviceAddressing';
import { SERVICE_PORT_FIELDS } from './fields/servicePorts';
import { POD_TEMPLATE_PATH, WORKLOAD_FIELDS } from './fields/workloads';
import {
  AGC_POLICY_FIELDS,
  APPLICATION_LOAD_BALANCER_FIELDS,
  CLUSTER_EXTERNAL_DNS_FIELDS,
  EXTERNAL_DNS_FIELDS,
  GATEWAY_API_POLICY_FIELDS,
  ISTIO_GATEWAY_FIELDS,
  NGINX_INGRESS_CONTROLLER_FIELDS,
  VIRTUAL_SERVICE_FIELDS,
} from './fields/aksCustomResources';
import { groupOf } from './policyKinds';

export type FieldPath = readonly (string | number)[];

const ALL_FIELD_DOCS: readonly FieldDoc[] = [
  ...METADATA_FIELDS,
  ...SERVICE_FIELDS,
  ...SERVICE_ADDRESSING_FIELDS,
  ...SERVICE_PORT_FIELDS,
  ...INGRESS_FIELDS,
  ...INGRESS_CLASS_FIELDS,
  ...NETWORK_POLICY_FIELDS,
  ...CILIUM_NETWORK_POLICY_FIELDS,
  ...CILIUM_CLUSTERWIDE_NETWORK_POLICY_FIELDS,
  ...GATEWAY_FIELDS,
  ...GATEWAY_CLASS_FIELDS,
  ...HTTP_ROUTE_FIELDS,
  ...GRPC_ROUTE_FIELDS,
  ...REFERENCE_GRANT_FIELDS,
  ...POD_FIELDS,
  ...WORKLOAD_FIELDS,
  ...ISTIO_GATEWAY_FIELDS,
  ...VIRTUAL_SERVICE_FIELDS,
  ...NGINX_INGRESS_CONTROLLER_FIELDS,
  ...CLUSTER_EXTERNAL_DNS_FIELDS,
  ...EXTERNAL_DNS_FIELDS,
  ...APPLICATION_LOAD_BALANCER_FIELDS,
  ...AGC_POLICY_FIELDS,
  ...GATEWAY_API_POLICY_FIELDS,
];

/** Where a doc is filed: `group/kind` for docs of a kind that another API group also uses, else the kind. */
function docKey(doc: FieldDoc): string {
  return doc.group ? `${doc.group}/${doc.kind}` : doc.kind;
}

const BY_KIND: ReadonlyMap<string, ReadonlyMap<string, FieldDoc>> = (() => {
  const byKind = new Map<string, Map<string, FieldDoc>>();
  for (const doc of ALL_FIELD_DOCS) {
    let paths = byKind.get(docKey(doc));
    if (!paths) byKind.set(docKey(doc), (paths = new Map()));
    // First entry wins; the tests guarantee there are no duplicates.
    if (!paths.has(doc.path)) paths.set(doc.path, doc);
  }
  return byKind;
})();

/** Kinds with docs filed under an API group. */
const GROUPED_KINDS: ReadonlySet<string> = new Set(ALL_FIELD_DOCS.filter((d) => d.group).map((d) => d.kind));

/** Map-valued fields whose keys are the user's own (a hover on such a key shows the field). */
const MAP_FIELD_NAMES: ReadonlySet<string> = new Set(['labels', 'annotations', 'matchLabels', 'options', 'nodeSelector', 'loadBalancerAnnotations']);
/** Map-valued fields recognised by their full path, where the last segment alone is ambiguous. */
const MAP_FIELD_PATHS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['Service', new Set(['spec.selector'])],
  ['Gateway', new Set(['spec.selector'])],
]);

/**
 * Documentation of the field at `path` in an object of `kind`, or undefined when the field is not documented.
 * Numeric segments (sequence indexes) are ignored, so `['spec', 'ports', 0, 'port']` finds `spec.ports.port`.
 * `apiVersion` tells same-named kinds of different API groups apart (Istio's Gateway from Gateway API's,
 * Application Gateway for Containers' BackendTLSPolicy from Gateway API's); without it the kind's ungrouped docs
 * are used.
 */
export function fieldDoc(kind: string, path: FieldPath, apiVersion?: string): FieldDoc | undefined {
  const segments = path.filter((segment): segment is string => typeof segment === 'string');
  if (segments.length === 0) return undefined;
  const key = fieldDocKind(kind, apiVersion);
  const found = lookup(key, segments.join('.'));
  if (found) return found;
  const parent = segments.slice(0, -1);
  if (parent.length > 0 && isMapField(kind, parent)) return lookup(key, parent.join('.'));
  return undefined;
}

/**
 * The key a kind's docs are filed under for this apiVersion: `group/kind` when that group's docs of the kind exist;
 * `kind` otherwise, unless the kind's docs all belong to named groups and this is another group (GKE's
 * HealthCheckPolicy must not get Application Gateway for Containers' docs).
 */
export function fieldDocKind(kind: string, apiVersion?: string): string {
  const group = apiVersion ? groupOf(apiVersion) : undefined;
  if (group && BY_KIND.has(`${group}/${kind}`)) return `${group}/${kind}`;
  if (group !== undefined && !BY_KIND.has(kind) && GROUPED_KINDS.has(kind)) return `${group}/${kind}`;
  return kind;
}

/** Whether a doc belongs to the docs `fieldDocKind` picks (for completion lists). */
export function fieldDocIn(doc: FieldDoc, key: string): boolean {
  return docKey(doc) === key;
}

/** Every field doc, in a stable order (for completion lists, documentation export and tests). */
export function allFieldDocs(): readonly FieldDoc[] {
  return ALL_FIELD_DOCS;
}

function lookup(kindKey: string, key: string): FieldDoc | undefined {
  const own = BY_KIND.get(kindKey)?.get(key);
  if (own) return own;
  const kind = kindKey.slice(kindKey.lastIndexOf('/') + 1);
  const template = POD_TEMPLATE_PATH[kind];
  if (template && key.startsWith(`${template}.`)) {
    const inPod = key.slice(template.length + 1);
    const podDoc = BY_KIND.get('Pod')?.get(inPod) ?? BY_KIND.get(SHARED_KIND)?.get(inPod);
    if (podDoc) return podDoc;
  }
  return BY_KIND.get(SHARED_KIND)?.get(key);
}

function isMapField(kind: string, path: readonly string[]): boolean {
  return MAP_FIELD_NAMES.has(path[path.length - 1]!) || !!MAP_FIELD_PATHS.get(kind)?.has(path.join('.'));
}

/**
 * Fields every object has (`apiVersion`, `kind`, `metadata.*`). Kept under the kind `*`: the lookup falls back to
 * them for any kind.
 */
import { docsOf, row } from './define';
import { FIRST_RECORDED } from '../types';

export const SHARED_KIND = '*';

const OBJECT_META = 'https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/object-meta/';
const NAMES = 'https://kubernetes.io/docs/concepts/overview/working-with-objects/names/';
const NAMESPACES = 'https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/';
const LABELS = 'https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/';
const ANNOTATIONS = 'https://kubernetes.io/docs/concepts/overview/working-with-objects/annotations/';
const CONVENTIONS = 'https://kubernetes.io/docs/concepts/overview/working-with-objects/#describing-a-kubernetes-object';

export const METADATA_FIELDS = docsOf(SHARED_KIND, OBJECT_META, [
  row(
    'apiVersion',
    'The API group and version of the schema this object is written against, e.g. `v1` (Service, Pod), `networking.k8s.io/v1` (Ingress, IngressClass, NetworkPolicy), `gateway.networking.k8s.io/v1` (Gateway, HTTPRoute, GRPCRoute). A wrong or retired version (such as `extensions/v1beta1` for Ingress) is rejected by the API server.',
    { source: CONVENTIONS },
  ),
  row('kind', 'The type of object, in CamelCase (`Service`, `Ingress`, `NetworkPolicy`, ...). Together with `apiVersion` it selects the schema the rest of the manifest is read with.', { source: CONVENTIONS }),
  row('metadata', 'Identity and bookkeeping of the object: its name, namespace, labels and annotations.'),
  row(
    'metadata.name',
    'The object\'s name, unique per kind within its namespace (or cluster-wide for cluster-scoped kinds such as IngressClass and GatewayClass). References between objects use it: an Ingress backend or HTTPRoute backendRef names a Service, a Gateway names its GatewayClass. Service names must be valid DNS labels (lowercase letters, digits and `-`, at most 63 characters) because they become DNS names.',
    { source: NAMES },
  ),
  row(
    'metadata.namespace',
    'The namespace the object lives in. When omitted, `kubectl apply` uses the current context\'s namespace (usually `default`), so the same file can land in different namespaces. Services, Ingresses and NetworkPolicies only see objects of their own namespace unless a field says otherwise (namespaceSelector, Gateway API `namespace` with a ReferenceGrant). Every namespace carries the label `kubernetes.io/metadata.name: <name>`, which namespace selectors can match.',
    { source: NAMESPACES },
  ),
  row(
    'metadata.labels',
    'Key/value pairs used to select objects. Services and NetworkPolicies select **pods** by their labels; on a Deployment, StatefulSet or DaemonSet these labels tag the workload object itself, and what selectors see are the pod template labels (`spec.template.metadata.labels`). Values are strings of at most 63 characters; quote values such as `"true"` or `"1"`.',
    { source: LABELS },
  ),
  row(
    'metadata.annotations',
    'Free-form key/value strings that configure tools and controllers rather than select objects: ingress controllers, the Azure cloud provider, cert-manager and Netlens (`netlens.io/ignore`) read them. Values must be strings, so quote `"true"` and numbers. A typo in a key is silently ignored by the controller it was meant for.',
    { source: ANNOTATIONS },
  ),
], FIRST_RECORDED);

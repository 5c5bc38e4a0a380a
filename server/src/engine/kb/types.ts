/**
 * Shapes of the knowledge base: documentation written in our own words from the Kubernetes, Gateway API, AKS and
 * controller documentation, each entry with the URL it was checked against. Data, not code.
 */

/** Documentation of one field, addressed by kind and dotted path without sequence indexes. */
export interface FieldDoc {
  /** e.g. `Service` */
  kind: string;
  /** e.g. `spec.ports.targetPort` (sequence indexes left out; `metadata.*` fields are shared by all kinds). */
  path: string;
  /** Markdown, a few sentences: what it is, what it does to traffic, the default, common mistakes. */
  doc: string;
  /** Allowed values with what each means, for enums (type, externalTrafficPolicy, pathType, ...). */
  values?: { value: string; doc: string }[];
  /** Where the facts come from. */
  source: string;
}

export type AnnotationOwner =
  | 'azure-load-balancer'
  | 'kubernetes'
  | 'ingress-nginx'
  | 'aks-app-routing'
  | 'application-gateway-for-containers'
  | 'agic'
  | 'istio'
  | 'cert-manager'
  | 'netlens';

/** Documentation of one annotation key (or a key pattern such as `service.beta.kubernetes.io/port_{port}_...`). */
export interface AnnotationDoc {
  key: string;
  /** True when `key` contains `{placeholders}` to match. */
  pattern?: boolean;
  /** Kinds the annotation belongs on (Service, Ingress, Gateway, ...). */
  kinds: string[];
  owner: AnnotationOwner;
  doc: string;
  /** What values look like: `"true" | "false"`, `4-100 (minutes)`, `CIDR list`, ... */
  valueHint?: string;
  defaultValue?: string;
  /** Enumerated values, for completion. */
  values?: string[];
  source: string;
}

/**
 * Shapes of the knowledge base: documentation written in our own words from the Kubernetes, Gateway API, AKS and
 * controller documentation, each entry with the URL it was checked against and the date it was checked. Data, not
 * code. test/kb/provenance.test.ts fails when an entry of any table in kb/ lacks either.
 */

/** Where a fact comes from and when that source was last read for it (an ISO date, `YYYY-MM-DD`). */
export interface Sourced {
  /** The page, source file or release note the fact was checked against. */
  source: string;
  /** The day the source was last read for this entry. */
  checked: string;
}

/**
 * The date recorded for entries written before each entry carried its own date: the day they entered this
 * repository, when they were written from their sources. Entries re-read since carry the later date instead.
 */
export const FIRST_RECORDED = '2026-11-26';

/** The day of the December 2026 review of AKS, cloud-provider-azure, Istio and Gateway API facts (issue 18). */
export const DECEMBER_2026_REVIEW = '2026-12-05';

/** Documentation of one field, addressed by kind and dotted path without sequence indexes. */
export interface FieldDoc extends Sourced {
  /** e.g. `Service` */
  kind: string;
  /**
   * The API group, for kinds whose name another group also uses (`networking.istio.io` for Istio's Gateway, which
   * is not Gateway API's). Absent: the kind's own group, the only one documented under that name.
   */
  group?: string;
  /** e.g. `spec.ports.targetPort` (sequence indexes left out; `metadata.*` fields are shared by all kinds). */
  path: string;
  /** Markdown, a few sentences: what it is, what it does to traffic, the default, common mistakes. */
  doc: string;
  /** Allowed values with what each means, for enums (type, externalTrafficPolicy, pathType, ...). */
  values?: { value: string; doc: string }[];
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
export interface AnnotationDoc extends Sourced {
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
}

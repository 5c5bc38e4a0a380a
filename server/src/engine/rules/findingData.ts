/**
 * The shape of each rule's finding `data`, by rule id: what a rule hands to its fixes (and nothing else reads).
 * `defineRule` checks a rule's reports against its entry here, and the fix registry (fixes/registry.ts) checks that a
 * fix reads only keys its rule writes. A rule without an entry reports loose data (`Record<string, unknown>`).
 *
 * The data travels through the client (a diagnostic's `data`) before a fix reads it, so a fix still checks each
 * value it reads (fixes/fixSupport.ts `stringData` and friends); the compiler checks the keys.
 *
 * Each entry is a type alias (not an interface), so that it is assignable to the loose record a finding carries.
 */
import type { Protocol } from '../model/resources';
import type { LabelSelector } from '../model/labelSelector';

/** A selector as plain data (`rules/shared/netpolScope.ts` plainSelector). */
type SelectorData = Pick<LabelSelector, 'matchLabels' | 'matchExpressions'>;

export type FindingDataOf = {
  /** A missing Service (its name, the closest names), or a port the Service does not have. */
  'ingress-backend-missing': { service: string; candidates: string[] } | { service: string; port: number | string };
  /** Without `namespace`: a backend of another kind; with it: a missing Service; with `port`: a port it lacks or none. */
  'httproute-backend-missing':
    | { service: string }
    | { service: string; namespace: string; suggestion?: string }
    | { service: string; port: number | string | undefined };
  'httproute-parent-missing':
    | { parent: string; namespace: string; suggestion?: string }
    | { parent: string; sectionName: string | undefined }
    | { parent: string; port: number | undefined };
  'reference-service-missing': { service: string; namespace: string; host: string; suggestion?: string };
  'reference-port-missing': { service: string; port: number; ports: number[] };
  'ingress-class-unknown': { ingressClass: string | undefined; unserved: string } | { ingressClass: string | undefined; suggestion?: string };
  'ingress-class-missing': { ingress: string };
  /** Empty when the Gateway names no class at all. */
  'gateway-class-unknown': { gatewayClass?: string; suggestion?: string };
  'service-target-port-missing': { targetPort: number | string; servicePort: number };
  'service-selects-nothing': { selector: Record<string, string> };
  'netpol-policytypes-ignores-rules': { policy: string; direction: 'Ingress' | 'Egress' };
  'netpol-egress-blocks-dns': { policy: string; namespace: string; podSelector: SelectorData; udp: boolean; tcp: boolean; verdict: 'denied' | 'unknown' | 'denied-tcp' };
  'netpol-blocks-ingress-controller': {
    workload: string;
    namespace: string;
    ports: { port: number; protocol: Protocol }[];
    class: string | null;
    path: string;
    verdict: 'denied' | 'unknown';
    controllerNamespace?: string;
    controllerCidr?: string;
  };
  'netpol-blocks-declared-dependency': {
    client: string;
    clientKind: string;
    target: string;
    port: number | string;
    protocol: Protocol;
    service: string;
    deniedBy: 'egress' | 'ingress' | 'both';
  };
};

/** A rule id with a declared data shape. */
export type TypedRuleId = keyof FindingDataOf;

/** The data a rule of this id reports. */
export type FindingDataFor<Id extends string> = Id extends TypedRuleId ? FindingDataOf[Id] : Record<string, unknown>;

/** Every key any variant of a data shape has. */
type KeysOf<D> = D extends unknown ? keyof D : never;

/**
 * The data as a fix receives it back from a client: only the declared keys, each value to be checked (a client
 * may hand back anything).
 */
export type ReceivedData<D> = { readonly [K in KeysOf<D>]?: unknown };

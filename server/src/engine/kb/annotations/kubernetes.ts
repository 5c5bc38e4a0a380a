/**
 * Annotations defined by Kubernetes itself that change networking behaviour.
 */
import { annotationTable, BOOLEAN_VALUES } from './define';
import { DECEMBER_2026_REVIEW, FIRST_RECORDED } from '../types';

const INGRESS_CONCEPT = 'https://kubernetes.io/docs/concepts/services-networking/ingress/';
const TOPOLOGY = 'https://kubernetes.io/docs/concepts/services-networking/topology-aware-routing/';

const k8s = annotationTable('kubernetes', '', ['Ingress'], INGRESS_CONCEPT, FIRST_RECORDED);

export const KUBERNETES_ANNOTATIONS = [
  k8s(
    'ingressclass.kubernetes.io/is-default-class',
    'On an IngressClass: `"true"` makes it the cluster\'s default, so new Ingresses without `spec.ingressClassName` get this class filled in. With more than one default, Ingresses without a class are refused. Already existing Ingresses are not changed.',
    { kinds: ['IngressClass'], values: BOOLEAN_VALUES, defaultValue: 'false', source: `${INGRESS_CONCEPT}#default-ingress-class` },
  ),
  k8s(
    'kubernetes.io/ingress.class',
    'Deprecated way to pick the ingress controller (e.g. `nginx`, `azure/application-gateway`); use `spec.ingressClassName`. Controllers still honour it, but the API server refuses an Ingress that sets both. Its value is matched by each controller against its own setting, not against IngressClass objects.',
    { valueHint: 'a class name' },
  ),
  k8s(
    'service.beta.kubernetes.io/load-balancer-source-ranges',
    'On a LoadBalancer Service: client CIDRs allowed to reach it, separated by commas (cloud-provider-azure also accepts spaces); the annotation form of spec.loadBalancerSourceRanges, read when that field is empty. cloud-provider-azure treats it exactly like the field: it cannot be combined with `azure-allowed-ip-ranges`, `azure-deny-all-except-load-balancer-source-ranges` applies to it, and an invalid entry adds a deny-all rule.',
    { kinds: ['Service'], valueHint: 'CIDRs separated by commas', source: 'https://pkg.go.dev/sigs.k8s.io/cloud-provider-azure@v1.27.15/pkg/provider/loadbalancer', checked: DECEMBER_2026_REVIEW },
  ),
  k8s(
    'service.kubernetes.io/topology-mode',
    'On a Service: `Auto` turns on topology aware routing, which keeps traffic in the client\'s zone when every zone has enough endpoints. Not set means traffic goes to all endpoints. Compare `spec.trafficDistribution`.',
    { kinds: ['Service'], values: ['Auto'], source: TOPOLOGY },
  ),
];

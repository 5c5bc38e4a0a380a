/**
 * IngressClass (networking.k8s.io/v1): names the controller that serves Ingresses of a class. Its
 * `ingressclass.kubernetes.io/is-default-class` annotation is documented with the annotations.
 */
import { docsOf, row, value } from './define';
import { FIRST_RECORDED } from '../types';

const API = 'https://kubernetes.io/docs/reference/kubernetes-api/service-resources/ingress-class-v1/';
const CONCEPT = 'https://kubernetes.io/docs/concepts/services-networking/ingress/#ingress-class';

export const INGRESS_CLASS_FIELDS = docsOf('IngressClass', API, [
  row(
    'metadata.name',
    'The class name that Ingresses put in `spec.ingressClassName`. IngressClass is cluster-scoped: one name for the whole cluster. Mark one class as the default with the annotation `ingressclass.kubernetes.io/is-default-class: "true"`.',
    { source: CONCEPT },
  ),
  row('spec', 'Which controller implements this class, and optional parameters for it.'),
  row(
    'spec.controller',
    'Name of the controller that serves Ingresses of this class, as a domain-prefixed path of at most 250 characters, e.g. `k8s.io/ingress-nginx`, `webapprouting.kubernetes.azure.com/nginx` (AKS application routing add-on). Immutable. A controller only acts on classes whose `controller` is its own name, so a typo here leaves every Ingress of the class unserved.',
  ),
  row('spec.parameters', 'Optional reference to an object holding more configuration for the controller (its meaning is up to the controller).', { source: CONCEPT }),
  row('spec.parameters.apiGroup', 'API group of the parameters object; empty means the core group.'),
  row('spec.parameters.kind', 'Kind of the parameters object, as the controller defines it. Required.'),
  row('spec.parameters.name', 'Name of the parameters object. Required; it must exist for the controller to use it.'),
  row('spec.parameters.scope', 'Whether the parameters object is cluster-scoped or namespaced. Defaults to `Cluster`.', {
    values: [value('Cluster', 'Default. The object is cluster-scoped; `namespace` must be unset.'), value('Namespace', 'The object is namespaced; `namespace` is required.')],
  }),
  row('spec.parameters.namespace', 'Namespace of the parameters object; required with `scope: Namespace` and forbidden with `Cluster`.'),
], FIRST_RECORDED);

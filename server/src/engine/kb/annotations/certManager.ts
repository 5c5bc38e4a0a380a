/**
 * cert-manager annotations on Ingress and Gateway: they make cert-manager create a Certificate and keep the TLS
 * Secret the Ingress (`spec.tls[].secretName`) or Gateway listener (`certificateRefs`) names filled.
 */
import { annotationTable, BOOLEAN_VALUES } from './define';
import { FIRST_RECORDED } from '../types';

const INGRESS_SHIM = 'https://cert-manager.io/docs/usage/ingress/';

const certManager = annotationTable('cert-manager', 'cert-manager.io/', ['Ingress', 'Gateway'], INGRESS_SHIM, FIRST_RECORDED);
const acme = annotationTable('cert-manager', 'acme.cert-manager.io/', ['Ingress'], INGRESS_SHIM, FIRST_RECORDED);

export const CERT_MANAGER_ANNOTATIONS = [
  certManager('cluster-issuer', 'ClusterIssuer (cluster-wide) that signs the certificate for the hosts in `spec.tls` (Ingress) or the listeners (Gateway). cert-manager stores the result in the named Secret. Cannot be combined with `issuer-kind` or `issuer-group`.', { valueHint: 'a ClusterIssuer name' }),
  certManager('issuer', 'Issuer that signs the certificate; it must be in the same namespace as the Ingress or Gateway. For a cluster-wide one use `cluster-issuer`.', { valueHint: 'an Issuer name' }),
  certManager('issuer-kind', 'Kind of an external issuer named by `issuer` (defaults to `Issuer`).', { valueHint: 'a kind' }),
  certManager('issuer-group', 'API group of an external issuer named by `issuer`.', { valueHint: 'an API group' }),
  certManager('common-name', 'Common name of the certificate; host names still go in the subject alternative names from `spec.tls[].hosts`.', { valueHint: 'a host name' }),
  certManager('duration', 'Requested lifetime of the certificate, as a Go duration (e.g. `2160h`).', { valueHint: 'a duration such as 2160h' }),
  certManager('renew-before', 'How long before expiry the certificate is renewed, as a Go duration.', { valueHint: 'a duration such as 360h' }),
  acme('http01-edit-in-place', '`"true"`: the ACME HTTP-01 challenge path is added to this Ingress instead of a separate temporary Ingress, for controllers that need one Ingress per host (or per IP).', { values: BOOLEAN_VALUES, defaultValue: 'false' }),
];

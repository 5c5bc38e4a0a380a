/**
 * Annotations read by the AKS application routing add-on (managed NGINX, IngressClass
 * `webapprouting.kubernetes.azure.com`). The add-on's NGINX also reads the ingress-nginx annotations; what it
 * accepts of the snippet ones is noted there.
 */
import { annotationTable } from './define';
import { DECEMBER_2026_REVIEW, FIRST_RECORDED } from '../types';

const DNS_SSL = 'https://learn.microsoft.com/en-us/azure/aks/app-routing-dns-ssl';

const appRouting = annotationTable('aks-app-routing', 'kubernetes.azure.com/', ['Ingress'], DNS_SSL, FIRST_RECORDED);

export const AKS_APP_ROUTING_ANNOTATIONS = [
  appRouting(
    'tls-cert-keyvault-uri',
    'Azure Key Vault certificate the add-on syncs into the Ingress\'s TLS Secret, e.g. `https://<vault>.vault.azure.net/certificates/<name>`. Leave the version off the URI so renewed certificates are picked up. Only the application routing add-on reads it: the Ingress must use an add-on class (`webapprouting.kubernetes.azure.com` or one an `NginxIngressController` defines), the add-on needs Key Vault access (`az aks approuting update --enable-kv --attach-kv ...`), and `spec.tls[].secretName` must be `keyvault-<ingress name>`. On a Gateway (classes `approuting-istio` and `istio`) the same key is a listener `tls.options` entry, not an annotation.',
    { valueHint: 'https://<vault>.vault.azure.net/certificates/<name>', checked: DECEMBER_2026_REVIEW },
  ),
];

import { test } from 'node:test';
import { checkFixture } from '../support/fixture';

const only = { onlyRules: ['keyvault-tls-misconfigured'] };

test('keyvault-tls-misconfigured: an Ingress certificate from Key Vault needs an add-on class, a tls entry with secretName keyvault-<ingress> and a certificate URI', () => {
  checkFixture(`
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  annotations:
    kubernetes.azure.com/tls-cert-keyvault-uri: https://shop-kv.vault.azure.net/certificates/shop/0123456789abcdef0123456789abcdef
#                                               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ info[keyvault-tls-misconfigured]: names version \`0123456789abcdef0123456789abcdef\`: renewed certificates are not picked up
spec:
  ingressClassName: webapprouting.kubernetes.azure.com
  tls:
    - hosts: [shop.example.com]
      secretName: shop-tls
#                 ^^^^^^^^ warning[keyvault-tls-misconfigured]: writes the Key Vault certificate of Ingress \`shop\` into Secret \`keyvault-shop\`, but this tls entry uses \`shop-tls\`
  rules: [{host: shop.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: agic
  annotations:
    kubernetes.azure.com/tls-cert-keyvault-uri: shop-kv/shop
#                                               ^^^^^^^^^^^^ warning[keyvault-tls-misconfigured]: is not a Key Vault certificate URI
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[keyvault-tls-misconfigured]: is only read by the application routing add-on, but Ingress \`agic\` has class \`azure-application-gateway\`
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[keyvault-tls-misconfigured]: has a Key Vault certificate but no spec.tls: the add-on writes it into Secret \`keyvault-agic\`
spec:
  ingressClassName: azure-application-gateway
  defaultBackend: {service: {name: web, port: {number: 80}}}
`, only);
});

test('keyvault-tls-misconfigured: Gateway listener options need class approuting-istio or istio and a ServiceAccount', () => {
  checkFixture(`
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: web, namespace: shop}
spec:
  gatewayClassName: approuting-istio
  listeners:
    - name: https
      port: 443
      protocol: HTTPS
      tls:
        mode: Terminate
        options:
          kubernetes.azure.com/tls-cert-keyvault-uri: https://shop-kv.vault.azure.net/certificates/web
#                                                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[keyvault-tls-misconfigured]: has a Key Vault certificate but no \`kubernetes.azure.com/tls-cert-service-account\`
    - name: admin
      port: 8443
      protocol: HTTPS
      tls:
        options:
          kubernetes.azure.com/tls-cert-keyvault-uri: https://shop-kv.vault.azure.net/certificates/admin
          kubernetes.azure.com/tls-cert-service-account: kv-reader
#                                                        ^^^^^^^^^ info[keyvault-tls-misconfigured]: ServiceAccount \`kv-reader\` (the Key Vault identity of listener \`admin\` of Gateway \`web\`) is not declared in namespace \`shop\`
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: default-reader, namespace: shop}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: alb, namespace: shop}
spec:
  gatewayClassName: azure-alb-external
  listeners:
    - name: https
      port: 443
      protocol: HTTPS
      tls:
        options:
          kubernetes.azure.com/tls-cert-keyvault-uri: https://shop-kv.vault.azure.net/certificates/web
#                                                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[keyvault-tls-misconfigured]: are only read by the application routing add-on for GatewayClasses \`approuting-istio\` and \`istio\`; this Gateway has class \`azure-alb-external\`
          kubernetes.azure.com/tls-cert-service-account: default-reader
`, only);
});

test('keyvault-tls-misconfigured: an NginxIngressController default certificate must be a Key Vault URI', () => {
  checkFixture(`
apiVersion: approuting.kubernetes.azure.com/v1alpha1
kind: NginxIngressController
metadata: {name: nginx-public}
spec:
  ingressClassName: nginx-public
  controllerNamePrefix: nginx-public
  defaultSSLCertificate:
    keyVaultURI: https://shop-kv.example.com/certificates/default
#                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[keyvault-tls-misconfigured]: is not a Key Vault certificate URI
`, only);
});

test('keyvault-tls-misconfigured stays silent for a complete Ingress, Gateway and NginxIngressController setup', () => {
  checkFixture(`
apiVersion: approuting.kubernetes.azure.com/v1alpha1
kind: NginxIngressController
metadata: {name: nginx-internal}
spec:
  ingressClassName: nginx-internal
  controllerNamePrefix: nginx-internal
  defaultSSLCertificate:
    keyVaultURI: https://shop-kv.vault.azure.net/certificates/default
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  annotations:
    kubernetes.azure.com/tls-cert-keyvault-uri: https://shop-kv.vault.azure.net/certificates/shop
spec:
  ingressClassName: nginx-internal
  tls: [{hosts: [shop.example.com], secretName: keyvault-shop}]
  rules: [{host: shop.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}]
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: kv-reader, namespace: shop}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: web, namespace: shop}
spec:
  gatewayClassName: istio
  listeners:
    - name: https
      port: 443
      protocol: HTTPS
      tls:
        options:
          kubernetes.azure.com/tls-cert-keyvault-uri: https://shop-kv.vault.azure.net/certificates/web
          kubernetes.azure.com/tls-cert-service-account: kv-reader
`, only);
});

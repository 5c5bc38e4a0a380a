import { test } from 'node:test';
import { checkFixture } from '../support/fixture';

const only = { onlyRules: ['ingress-tls-secret-missing'] };

const secrets = `
# file: secrets.yaml
apiVersion: v1
kind: Secret
metadata: {name: shop-tls, namespace: shop}
type: kubernetes.io/tls
data: {tls.crt: "", tls.key: ""}
`;

test('ingress-tls-secret-missing: the namespace has Secrets, but not this one', () => {
  checkFixture(`${secrets}
# file: ingress.yaml
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec:
  tls:
    - hosts: [shop.example.com]
      secretName: shop-tsl
#                 ^^^^^^^^ warning[ingress-tls-secret-missing]: TLS Secret \`shop-tsl\` of Ingress \`shop\` is not in namespace \`shop\` (Secrets there: shop-tls)
  rules:
    - host: shop.example.com
      http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}
`, only);
});

test('ingress-tls-secret-missing stays silent when the Secret exists, the namespace has no Secrets, or Key Vault / cert-manager provides it', () => {
  checkFixture(`${secrets}
# file: ingress.yaml
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: ok, namespace: shop}
spec:
  tls: [{hosts: [shop.example.com], secretName: shop-tls}]
  rules: [{host: shop.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: keyvault
  namespace: shop
  annotations: {kubernetes.azure.com/tls-cert-keyvault-uri: "https://kv.vault.azure.net/certificates/shop"}
spec:
  ingressClassName: webapprouting.kubernetes.azure.com
  tls: [{hosts: [kv.example.com], secretName: keyvault-keyvault}]
  rules: [{host: kv.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: acme
  namespace: shop
  annotations: {cert-manager.io/cluster-issuer: letsencrypt}
spec:
  tls: [{hosts: [acme.example.com], secretName: acme-tls}]
  rules: [{host: acme.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: elsewhere, namespace: other}
spec:
  tls: [{hosts: [o.example.com], secretName: managed-elsewhere}]
  rules: [{host: o.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}]
`, only);
});

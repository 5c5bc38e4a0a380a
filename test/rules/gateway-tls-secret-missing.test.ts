import { test } from 'node:test';
import { checkFixture } from '../support/fixture';

const only = { onlyRules: ['gateway-tls-secret-missing'] };

const secrets = `
# file: secrets.yaml
apiVersion: v1
kind: Secret
metadata: {name: shop-tls, namespace: infra}
type: kubernetes.io/tls
---
apiVersion: v1
kind: Secret
metadata: {name: wildcard-tls, namespace: certs}
type: kubernetes.io/tls
`;

test('gateway-tls-secret-missing: a missing Secret, and a Secret in another namespace without ReferenceGrant', () => {
  checkFixture(`${secrets}
# file: gateway.yaml
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: approuting-istio
  listeners:
    - name: shop
      port: 443
      protocol: HTTPS
      hostname: shop.example.com
      tls:
        certificateRefs:
          - {name: shop-tsl}
#           ^^^^^^^^^^^^^^^^ warning[gateway-tls-secret-missing]: Listener \`shop\` of Gateway \`gw\` uses TLS Secret \`shop-tsl\`, which is not in namespace \`infra\` (Secrets there: shop-tls)
    - name: apps
      port: 443
      protocol: HTTPS
      hostname: "*.apps.example.com"
      tls:
        certificateRefs:
          - {name: wildcard-tls, namespace: certs}
#           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[gateway-tls-secret-missing]: uses Secret \`certs/wildcard-tls\` from another namespace, but no ReferenceGrant in \`certs\` allows Gateways from \`infra\`
`, only);
});

test('gateway-tls-secret-missing stays silent for existing or granted Secrets, Key Vault options, passthrough and unknown namespaces', () => {
  checkFixture(`${secrets}
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: gateways, namespace: certs}
spec:
  from: [{group: gateway.networking.k8s.io, kind: Gateway, namespace: infra}]
  to: [{group: "", kind: Secret}]
# file: gateway.yaml
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: approuting-istio
  listeners:
    - {name: a, port: 443, protocol: HTTPS, hostname: a.example.com, tls: {certificateRefs: [{name: shop-tls}]}}
    - {name: b, port: 443, protocol: HTTPS, hostname: b.example.com, tls: {certificateRefs: [{name: wildcard-tls, namespace: certs}]}}
    - name: kv
      port: 443
      protocol: HTTPS
      hostname: kv.example.com
      tls:
        certificateRefs: [{name: kv-cert}]
        options: {kubernetes.azure.com/tls-cert-keyvault-uri: "https://kv.vault.azure.net/certificates/kv"}
    - {name: pt, port: 8443, protocol: TLS, tls: {mode: Passthrough}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: other, namespace: elsewhere}
spec:
  gatewayClassName: istio
  listeners: [{name: a, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: managed-elsewhere}]}}]
`, only);
});

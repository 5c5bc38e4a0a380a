import { test } from 'node:test';
import { ciliumFqdnWithoutDnsRule } from '../../server/src/engine/rules/ciliumFqdnWithoutDnsRule';
import { checkFixture } from '../support/fixture';

const rules = [ciliumFqdnWithoutDnsRule];
const cilium = { profile: { networkPolicyEngine: 'cilium' as const } };

// https://docs.cilium.io/en/stable/security/policy/language/#dns-based: the to-fqdn example without its DNS item.
test('cilium-fqdn-without-dns-rule fires on toFQDNs when no DNS rule sends the lookups through the proxy', () => {
  checkFixture(`
# file: fqdn.yaml
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: to-fqdn, namespace: shop}
spec:
  endpointSelector: {matchLabels: {app: test-app}}
  egress:
  - toEndpoints:
    - matchLabels: {"k8s:io.kubernetes.pod.namespace": kube-system, "k8s:k8s-app": kube-dns}
    toPorts: [{ports: [{port: "53", protocol: ANY}]}]
  - toFQDNs:
    - matchName: "my-remote-service.com"
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[cilium-fqdn-without-dns-rule]: \`to-fqdn\` admits egress to my-remote-service.com by name (toFQDNs), but no egress rule of its pods sends their DNS lookups through Cilium's DNS proxy
`, { rules, settings: cilium });
});

test('cilium-fqdn-without-dns-rule stays silent with the DNS rule in the same policy or in another selecting the pods', () => {
  checkFixture(`
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: to-fqdn, namespace: shop}
spec:
  endpointSelector: {matchLabels: {app: test-app}}
  egress:
  - toEndpoints:
    - matchLabels: {"k8s:io.kubernetes.pod.namespace": kube-system, "k8s:k8s-app": kube-dns}
    toPorts:
    - ports: [{port: "53", protocol: ANY}]
      rules:
        dns: [{matchPattern: "*"}]
  - toFQDNs: [{matchName: "my-remote-service.com"}]
`, { rules, settings: cilium });
  checkFixture(`
apiVersion: apps/v1
kind: Deployment
metadata: {name: test-app, namespace: shop}
spec:
  selector: {matchLabels: {app: test-app}}
  template:
    metadata: {labels: {app: test-app}}
    spec: {containers: [{name: c, image: i}]}
---
apiVersion: cilium.io/v2
kind: CiliumClusterwideNetworkPolicy
metadata: {name: dns-visibility}
spec:
  endpointSelector: {}
  egress:
  - toEndpoints: [{matchLabels: {"k8s:io.kubernetes.pod.namespace": kube-system, "k8s:k8s-app": kube-dns}}]
    toPorts: [{ports: [{port: "53", protocol: ANY}], rules: {dns: [{matchPattern: "*"}]}}]
---
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: to-fqdn, namespace: shop}
spec:
  endpointSelector: {matchLabels: {app: test-app}}
  egress:
  - toFQDNs: [{matchPattern: "*.example.com"}]
`, { rules, settings: cilium });
});

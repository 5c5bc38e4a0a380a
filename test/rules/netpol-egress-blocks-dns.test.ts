import assert from 'node:assert/strict';
import { test } from 'node:test';
import { netpolEgressBlocksDns } from '../../server/src/engine/rules/netpolEgressBlocksDns';
import { checkFixture } from '../support/fixture';

const rules = [netpolEgressBlocksDns];

const SHOP = `
# file: apps.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx, ports: [{name: http, containerPort: 8080}]}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: api, image: api, ports: [{name: http, containerPort: 3000}]}]}
`;

test('netpol-egress-blocks-dns fires once, on the default-deny, when no egress rule admits kube-dns', () => {
  const analysis = checkFixture(`${SHOP}
# file: policies.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec:
  podSelector: {}
#              ^^ error[netpol-egress-blocks-dns]: NetworkPolicy \`default-deny\` isolates Deployment \`api\` and Deployment \`web\` (namespace \`shop\`) for egress, and no egress rule of theirs admits DNS to kube-dns (pods with k8s-app=kube-dns in \`kube-system\`) on UDP 53 or TCP 53
  policyTypes: [Ingress, Egress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-to-api, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Egress]
  egress:
    - to: [{podSelector: {matchLabels: {app: api}}}]
      ports: [{port: 3000}]
`, { rules });
  const [finding] = analysis.findings('policies.yaml');
  assert.deepEqual(finding!.data, { policy: 'shop/default-deny', namespace: 'shop', podSelector: { matchLabels: {}, matchExpressions: [] }, udp: false, tcp: false, verdict: 'denied', workloads: ['Deployment/api', 'Deployment/web'] });
  assert.deepEqual(finding!.related.map((r) => r.message), ['NetworkPolicy web-to-api also isolates these pods for egress without DNS']);
});

test('netpol-egress-blocks-dns: pods of one policy in different states are each described as they are', () => {
  // api has UDP 53 to kube-system but not TCP 53; web has no DNS at all (and no egress rule: a lockdown, so a
  // warning). The finding is about web; api is told apart
  // (the random agreement test found the old message saying api had no UDP 53 either).
  const analysis = checkFixture(`${SHOP}
# file: policies.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec:
  podSelector: {}
#              ^^ warning[netpol-egress-blocks-dns]: NetworkPolicy \`default-deny\` isolates Deployment \`web\` (namespace \`shop\`) for egress, and no egress rule of theirs admits DNS to kube-dns (pods with k8s-app=kube-dns in \`kube-system\`) on UDP 53 or TCP 53: every name lookup times out, so connections by name (Services included) fail. Deployment \`api\` (namespace \`shop\`): UDP 53 is admitted but not TCP 53, so answers too large for UDP fail.
  policyTypes: [Egress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-dns, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  policyTypes: [Egress]
  egress: [{to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}], ports: [{port: 53, protocol: UDP}]}]
`, { rules });
  const [finding] = analysis.findings('policies.yaml');
  assert.equal(finding!.data!['verdict'], 'denied');
  assert.deepEqual(finding!.data!['workloads'], ['Deployment/web']);
});

test('netpol-egress-blocks-dns: a kube-dns podSelector without namespaceSelector means the policy namespace (error); UDP only is a warning', () => {
  checkFixture(`${SHOP}
# file: policies.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-egress, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
#              ^^^^^^^^^^^^^^^^^^^^^^^^^ error[netpol-egress-blocks-dns]: isolates Deployment \`web\` (namespace \`shop\`) for egress, and no egress rule of theirs admits DNS
  policyTypes: [Egress]
  egress:
    - to: [{podSelector: {matchLabels: {k8s-app: kube-dns}}}]
      ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]
    - to: [{podSelector: {matchLabels: {app: api}}}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-egress, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
#              ^^^^^^^^^^^^^^^^^^^^^^^^^ warning[netpol-egress-blocks-dns]: their egress admits DNS to kube-dns (pods with k8s-app=kube-dns in \`kube-system\`) on UDP 53 but not TCP 53: answers too large for UDP are retried over TCP and fail
  policyTypes: [Egress]
  egress:
    - to:
        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
          podSelector: {matchLabels: {k8s-app: kube-dns}}
      ports: [{port: 53, protocol: UDP}]
`, { rules });
});

test('netpol-egress-blocks-dns: a full lockdown and pods the workspace does not hold are warnings', () => {
  checkFixture(`
# file: apps.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: static, namespace: site}
spec:
  template:
    metadata: {labels: {app: static}}
    spec: {containers: [{name: web, image: nginx}]}
# file: policies.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-all, namespace: site}
spec:
  podSelector: {}
#              ^^ warning[netpol-egress-blocks-dns]: isolates Deployment \`static\` (namespace \`site\`) for egress
  policyTypes: [Ingress, Egress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-egress, namespace: elsewhere}
spec:
  podSelector: {}
#              ^^ warning[netpol-egress-blocks-dns]: isolates the pods it selects in namespace \`elsewhere\` (the workspace has no workload there) for egress
  policyTypes: [Egress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-egress, namespace: elsewhere}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Egress]
  egress: [{ports: [{port: 443}]}]
`, { rules });
});

const IPBLOCK_DNS = `${SHOP}
# file: policies.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to: [{ipBlock: {cidr: 0.0.0.0/0}}]
      ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}, {port: 443}]
`;

test('netpol-egress-blocks-dns: DNS through an ipBlock depends on the engine (warning unknown, error on Cilium, silent on Calico)', () => {
  checkFixture(IPBLOCK_DNS.replace('  podSelector: {}\n', '  podSelector: {}\n#              ^^ warning[netpol-egress-blocks-dns]: cannot be settled: whether an ipBlock matches pod IPs depends on the network policy engine (Calico and Azure NPM match them, Cilium does not)\n'), { rules });
  checkFixture(
    IPBLOCK_DNS.replace('  podSelector: {}\n', '  podSelector: {}\n#              ^^ error[netpol-egress-blocks-dns]: no egress rule of theirs admits DNS\n'),
    { rules, settings: { profile: { networkPolicyEngine: 'cilium' } } },
  );
  checkFixture(IPBLOCK_DNS, { rules, settings: { profile: { networkPolicyEngine: 'calico' } } });
});

test('netpol-egress-blocks-dns stays silent when DNS is allowed (kube-system + kube-dns, any namespace, no ports), without egress isolation, and with no engine', () => {
  checkFixture(`${SHOP}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: agent, namespace: shop}
spec:
  template:
    metadata: {labels: {app: agent}}
    spec: {hostNetwork: true, containers: [{name: a, image: a}]}
# file: policies.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-dns, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Egress]
  egress:
    - to:
        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
          podSelector: {matchLabels: {k8s-app: kube-dns}}
      ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-anywhere-53, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  policyTypes: [Egress]
  egress:
    - to: [{namespaceSelector: {}}]
      ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ingress-only, namespace: other}
spec:
  podSelector: {}
  ingress: [{from: [{podSelector: {}}]}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: open-egress, namespace: other}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress: [{}]
`, { rules });
  checkFixture(`${SHOP}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec: {podSelector: {}, policyTypes: [Egress]}
`, { rules, settings: { profile: { networkPolicyEngine: 'none' } } });
});

test('netpol-egress-blocks-dns stays silent with the workspace\'s own CoreDNS pods reached through named ports', () => {
  checkFixture(`${SHOP}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: coredns, namespace: kube-system}
spec:
  template:
    metadata: {labels: {k8s-app: kube-dns}}
    spec:
      containers:
        - name: coredns
          image: coredns
          ports: [{name: dns, containerPort: 53, protocol: UDP}, {name: dns-tcp, containerPort: 53}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]
      ports: [{port: dns, protocol: UDP}, {port: dns-tcp}]
`, { rules });
});

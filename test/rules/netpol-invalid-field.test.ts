import assert from 'node:assert/strict';
import { test } from 'node:test';
import { featureHost } from '../../server/src/engine/features/host';
import { hover } from '../../server/src/engine/features/hover';
import type { NetworkPolicy } from '../../server/src/engine/model/resources';
import { compilePolicy } from '../../server/src/engine/netpol/compiledPolicy';
import { netpolInvalidField } from '../../server/src/engine/rules/netpolInvalidField';
import { checkFixture } from '../support/fixture';
import { analysisOf } from '../support/workspace';

const rules = [netpolInvalidField];

test('netpol-invalid-field fires on ports the API server cannot decode or rejects, in its words', () => {
  checkFixture(`
# file: policy.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress:
    - ports:
        - port: 80.5
#               ^^^^ error[netpol-invalid-field]: the API server rejects NetworkPolicy \`web\`: spec.ingress[0].ports[0].port: cannot be decoded: \`80.5\` is not an integer. A rejected policy is not applied, so it isolates and admits nothing here either
        - port: true
#               ^^^^ error[netpol-invalid-field]: spec.ingress[0].ports[1].port: cannot be decoded: \`true\` is a boolean to Kubernetes' YAML reader, not an integer
        - port: on
#               ^^ error[netpol-invalid-field]: spec.ingress[0].ports[2].port: cannot be decoded: \`on\` is a boolean
        - port: .nan
#               ^^^^ error[netpol-invalid-field]: spec.ingress[0].ports[3].port: cannot be decoded: \`.nan\` is not a number JSON can carry
        - port: 70000
#               ^^^^^ error[netpol-invalid-field]: spec.ingress[0].ports[4].port: Invalid value: 70000: must be between 1 and 65535, inclusive
        - port: 0
#               ^ error[netpol-invalid-field]: spec.ingress[0].ports[5].port: Invalid value: 0: must be between 1 and 65535, inclusive
        - port: 4294967296
#               ^^^^^^^^^^ error[netpol-invalid-field]: spec.ingress[0].ports[6].port: cannot be decoded: \`4294967296\` does not fit a 32-bit integer
        - port: "80"
#               ^^^^ error[netpol-invalid-field]: spec.ingress[0].ports[7].port: Invalid value: "80": must contain at least one letter (a-z)
        - port: HTTP
#               ^^^^ error[netpol-invalid-field]: spec.ingress[0].ports[8].port: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-); must contain at least one letter (a-z)
        - port: http--alt
#               ^^^^^^^^^ error[netpol-invalid-field]: Invalid value: "http--alt": must not contain consecutive hyphens
        - port: -http
#               ^^^^^ error[netpol-invalid-field]: Invalid value: "-http": must not begin or end with a hyphen
        - port: a-very-long-port-name
#               ^^^^^^^^^^^^^^^^^^^^^ error[netpol-invalid-field]: Invalid value: "a-very-long-port-name": must be no more than 15 characters
        - port: [80]
#               ^^^^ error[netpol-invalid-field]: spec.ingress[0].ports[12].port: cannot be decoded: a list is neither an integer nor a port name
        - {port: 80, protocol: tcp}
#                              ^^^ error[netpol-invalid-field]: spec.ingress[0].ports[13].protocol: Unsupported value: "tcp": supported values: "TCP", "UDP", "SCTP"
        - {port: 100, endPort: 90}
#                              ^^ error[netpol-invalid-field]: spec.ingress[0].ports[14].endPort: Invalid value: 90: must be greater than or equal to \`port\`
        - {port: http, endPort: 90}
#                               ^^ error[netpol-invalid-field]: Invalid value: 90: may not be specified when \`port\` is non-numeric
        - {endPort: 90}
#                   ^^ error[netpol-invalid-field]: Invalid value: 90: may not be specified when \`port\` is not specified
        - {port: 80, endPort: 90.5}
#                             ^^^^ error[netpol-invalid-field]: spec.ingress[0].ports[17].endPort: cannot be decoded: \`90.5\` is not an integer
        - {port: 80, endPort: "90"}
#                             ^^^^ error[netpol-invalid-field]: spec.ingress[0].ports[18].endPort: cannot be decoded: \`90\` is a string, not an integer
        - {port: 80, endPort: 70000}
#                             ^^^^^ error[netpol-invalid-field]: spec.ingress[0].ports[19].endPort: Invalid value: 70000: must be between 1 and 65535, inclusive
`, { rules });
});

test('netpol-invalid-field fires on peers, CIDRs, selectors and policyTypes the API server rejects, in ignored rules too', () => {
  checkFixture(`
# file: policy.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db, namespace: shop}
spec:
  podSelector: {matchExpressions: [{key: app, operator: Equals, values: [db]}]}
#              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[netpol-invalid-field]: spec.podSelector: Invalid value: unknown operator \`Equals\` for key \`app\`
  policyTypes: [Ingress, egress]
#                        ^^^^^^ error[netpol-invalid-field]: spec.policyTypes: Unsupported value: "egress": supported values: "Ingress", "Egress"
  ingress:
    - from:
        - {}
#         ^^ error[netpol-invalid-field]: spec.ingress[0].from[0]: Required value: must specify a peer
        - {ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}}
#         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[netpol-invalid-field]: spec.ingress[0].from[1]: Forbidden: may not specify both ipBlock and another peer
        - ipBlock: {cidr: " 10.0.0.0/8"}
#                         ^^^^^^^^^^^^^ error[netpol-invalid-field]: spec.ingress[0].from[2].ipBlock.cidr: Invalid value: " 10.0.0.0/8": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)
        - ipBlock: {cidr: 10.0.0.0/33}
#                         ^^^^^^^^^^^ error[netpol-invalid-field]: spec.ingress[0].from[3].ipBlock.cidr: Invalid value: "10.0.0.0/33"
        - ipBlock: {cidr: 10.0.0.0}
#                         ^^^^^^^^ error[netpol-invalid-field]: spec.ingress[0].from[4].ipBlock.cidr: Invalid value: "10.0.0.0"
        - ipBlock: {except: [10.1.0.0/16]}
#         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[netpol-invalid-field]: spec.ingress[0].from[5].ipBlock.cidr: Required value
        - ipBlock: {cidr: 10.0.0.0/8, except: [10.0.0.0/8, 11.0.0.0/16]}
#                                              ^^^^^^^^^^ error[netpol-invalid-field]: spec.ingress[0].from[6].ipBlock.except[0]: Invalid value: "10.0.0.0/8": must be a strict subset of \`cidr\`
        - ipBlock: {cidr: "2001:db8::/32", except: ["2001:db8::/48 "]}
#                                                   ^^^^^^^^^^^^^^^^ error[netpol-invalid-field]: spec.ingress[0].from[7].ipBlock.except[0]: Invalid value: "2001:db8::/48 "
        - podSelector: {matchExpressions: [{key: tier, operator: In}]}
#                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[netpol-invalid-field]: spec.ingress[0].from[8].podSelector: Invalid value: \`In\` for key \`tier\` needs values
  egress:
    - ports: [{port: 0}]
#                    ^ error[netpol-invalid-field]: spec.egress[0].ports[0].port: Invalid value: 0
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: types, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress, Ingress]
#              ^^^^^^^^^^^^^^^^^^^^^^^^^^ error[netpol-invalid-field]: spec.policyTypes: Invalid value: may not specify more than two policyTypes
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ignored, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Ingress]
  egress:
    - to: [{ipBlock: {cidr: 10.0.0.0/8 }}]
      ports: [{port: "443"}]
#                    ^^^^^ error[netpol-invalid-field]: spec.egress[0].ports[0].port: Invalid value: "443"
`, { rules });
});

test('netpol-invalid-field reports a field shared through an alias once, where it is written', () => {
  checkFixture(`
# file: policy.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector: {}
  ingress:
    - &rule
      ports:
        - port: "8080"
#               ^^^^^^ error[netpol-invalid-field]: spec.ingress[0].ports[0].port: Invalid value: "8080"
    - *rule
    - *rule
`, { rules });
});

test('netpol-invalid-field stays silent on values the API server accepts', () => {
  const analysis = checkFixture(`
# file: policy.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Ingress, Egress]
  ingress:
    - from:
        - podSelector: {}
        - namespaceSelector: {matchExpressions: [{key: team, operator: Exists}]}
        - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16, 10.2.3.0/24]}
        - ipBlock: {cidr: 8.8.8.8/24}
        - ipBlock: {cidr: "2001:db8::/32", except: ["2001:db8:1::/48"]}
        - ipBlock: {cidr: 0.0.0.0/0}
      ports:
        - port: 1
        - {port: 65535, endPort: 65535}
        - {port: 32000, endPort: 32768, protocol: UDP}
        - {port: http, protocol: SCTP}
        - port: a-15-char-name1
        - port: 0x50
        - protocol: TCP
        - port:
  egress:
    - to: []
      ports: []
    - {}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: empty, namespace: shop}
spec:
  podSelector:
  policyTypes: []
  ingress:
`, { rules });
  assert.deepEqual(analysis.allFindings(), []);
});

test('a rejected policy reads as not in effect on every surface: its hover says so, and it isolates nothing', () => {
  const text = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: shop}
spec:
  podSelector: {}
  ingress:
    - ports: [{port: "80"}]
`;
  const analysis = analysisOf([['policy.yaml', text]], { rules: [netpolInvalidField] });
  const policy = analysis.index.resourcesOf('policy.yaml')[0] as NetworkPolicy;
  const compiled = compilePolicy(policy);
  assert.deepEqual(compiled.isolates, { Ingress: false, Egress: false });
  assert.deepEqual(compiled.rejected!.map((p) => p.field), ['spec.ingress[0].ports[0].port']);
  const markdown = hover(featureHost(analysis), 'policy.yaml', text, text.indexOf('deny') + 1)?.markdown ?? '';
  assert.match(markdown, /is \*\*rejected by the API server\*\*, so it is not applied/);
  assert.match(markdown, /spec\.ingress\[0\]\.ports\[0\]\.port: Invalid value: "80"/);
});

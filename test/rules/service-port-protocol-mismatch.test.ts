import { test } from 'node:test';
import { checkFixture } from '../support/fixture';

const only = { onlyRules: ['service-port-protocol-mismatch'] };

const dns = `
# file: dns.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: dns, namespace: infra}
spec:
  template:
    metadata: {labels: {app: dns}}
    spec:
      containers:
        - name: dns
          image: coredns
          ports:
            - {name: dns-udp, containerPort: 53, protocol: UDP}
            - {name: metrics, containerPort: 9153}
`;

test('service-port-protocol-mismatch: a TCP Service port in front of a UDP-only container port', () => {
  checkFixture(`${dns}
---
apiVersion: v1
kind: Service
metadata: {name: dns, namespace: infra}
spec:
  selector: {app: dns}
  ports:
    - name: dns
      port: 53
      targetPort: 53
#                 ^^ warning[service-port-protocol-mismatch]: Service \`dns\` port 53/TCP targets container port 53, which Deployment \`dns\` (container \`dns\`) declares as UDP only
`, only);
});

test('service-port-protocol-mismatch: the default targetPort (= port) is checked too, at the port entry', () => {
  checkFixture(`${dns}
---
apiVersion: v1
kind: Service
metadata: {name: dns, namespace: infra}
spec:
  selector: {app: dns}
  ports:
    - {port: 9153, protocol: UDP}
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[service-port-protocol-mismatch]: port 9153/UDP targets container port 9153
`, only);
});

test('service-port-protocol-mismatch stays silent when a container declares the protocol, for named or undeclared ports', () => {
  checkFixture(`${dns}
---
apiVersion: v1
kind: Service
metadata: {name: dns, namespace: infra}
spec:
  selector: {app: dns}
  ports:
    - {name: dns, port: 53, protocol: UDP}
    - {name: metrics, port: 9153, targetPort: metrics}
    - {name: other, port: 8080}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: both, namespace: infra}
spec:
  template:
    metadata: {labels: {app: both}}
    spec:
      containers:
        - name: c
          image: x
          ports: [{containerPort: 53, protocol: UDP}, {containerPort: 53, protocol: TCP}]
---
apiVersion: v1
kind: Service
metadata: {name: both, namespace: infra}
spec:
  selector: {app: both}
  ports: [{port: 53}]
`, only);
});

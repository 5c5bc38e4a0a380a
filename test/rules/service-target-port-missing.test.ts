import { test } from 'node:test';
import { checkFixture } from '../support/fixture';

const deployment = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx
          ports:
            - {name: http, containerPort: 8080}
            - {name: metrics, containerPort: 9090}
            - {name: dns, containerPort: 5353, protocol: UDP}
`;

test('service-target-port-missing: a named targetPort no container declares is an error', () => {
  checkFixture(`${deployment}---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports:
    - port: 80
      targetPort: htttp
#                 ^^^^^ error[service-target-port-missing]: targetPort \`htttp\` (TCP) of Service \`web\` port 80 is not a container port name in Deployment \`web\`
    - port: 81
      targetPort: http
`);
});

test('service-target-port-missing: a named port with another protocol does not match', () => {
  checkFixture(`${deployment}---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports:
    - {port: 53, targetPort: dns}
#                            ^^^ error[service-target-port-missing]: targetPort \`dns\` (TCP)
    - {port: 53, targetPort: dns, protocol: UDP}
`);
});

test('service-target-port-missing: an undeclared numeric targetPort is only an info', () => {
  checkFixture(`${deployment}---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports:
    - {port: 80, targetPort: 8081}
#                            ^^^^ info[service-target-port-missing]: targetPort 8081 of Service \`web\` is not declared by Deployment \`web\`
    - {port: 8080}
    - {port: 9090, targetPort: "9090"}
`);
});

test('service-target-port-missing stays silent when the Service selects nothing (another rule says so)', () => {
  checkFixture(`${deployment}---
apiVersion: v1
kind: Service
metadata: {name: other}
spec:
  selector: {app: other}
  ports: [{port: 80, targetPort: nope}]
`, { onlyRules: ['service-target-port-missing'] });
});

test('service-target-port-missing: pods that declare no ports at all are not flagged for numeric targetPorts', () => {
  checkFixture(`
apiVersion: apps/v1
kind: Deployment
metadata: {name: quiet}
spec:
  template:
    metadata: {labels: {app: quiet}}
    spec: {containers: [{name: q, image: nginx}]}
---
apiVersion: v1
kind: Service
metadata: {name: quiet}
spec:
  selector: {app: quiet}
  ports: [{port: 80, targetPort: 8080}]
`);
});

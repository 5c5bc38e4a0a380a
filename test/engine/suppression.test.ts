import { test } from 'node:test';
import { checkFixture } from '../support/fixture';

test('a `# netlens-ignore rule` comment silences that rule on the next line only', () => {
  checkFixture(`
apiVersion: v1
kind: Service
metadata: {name: a}
spec:
  # netlens-ignore service-selects-nothing
  selector: {app: nothing}
  ports: [{port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: b}
spec:
  # netlens-ignore some-other-rule
  selector: {app: nothing}
#           ^^^^^^^^^^^^^^ warning[service-selects-nothing]: Service \`b\` selects no workload
  ports: [{port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: c}
spec:
  # netlens-ignore
  # (a note between the directive and its target keeps it in force)
  selector: {app: nothing}
  ports: [{port: 80}]
`);
});

test('a `netlens.io/ignore` annotation silences the listed rules for that object', () => {
  checkFixture(`
apiVersion: v1
kind: Service
metadata:
  name: manual-endpoints
  annotations:
    netlens.io/ignore: "service-selects-nothing, ingress-backend-missing"
spec:
  selector: {app: nothing}
  ports: [{port: 80}]
---
apiVersion: v1
kind: Service
metadata:
  name: all-silenced
  annotations: {netlens.io/ignore: "*"}
spec:
  selector: {app: nothing}
---
apiVersion: v1
kind: Service
metadata:
  name: other-rule
  annotations: {netlens.io/ignore: "ingress-backend-missing"}
spec:
  selector: {app: nothing}
#           ^^^^^^^^^^^^^^ warning[service-selects-nothing]: Service \`other-rule\`
`);
});

import { test } from 'node:test';
import { checkFixture } from '../support/fixture';

test('service-selects-nothing fires when no pod template in the namespace matches', () => {
  checkFixture(`
# file: web.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web, tier: front}}
    spec:
      containers: [{name: web, image: nginx, ports: [{name: http, containerPort: 8080}]}]
# file: svc.yaml
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector:
    app: webb
#   ^^^^^^^^^ warning[service-selects-nothing]: Service \`web\` selects no workload: no pod template in namespace \`shop\` has app=webb
  ports: [{port: 80, targetPort: http}]
`);
});

test('service-selects-nothing compares namespaces, not just labels', () => {
  checkFixture(`
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx}]}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: other}
spec:
  selector: {app: web}
#           ^^^^^^^^^^ warning[service-selects-nothing]: the workspace has no workload in \`other\`
  ports: [{port: 80}]
`, { onlyRules: ['service-selects-nothing'] });
});

test('service-selects-nothing stays silent for matches, selector-less Services, ExternalName, and the default namespace', () => {
  checkFixture(`
# file: a.yaml
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  template:
    metadata: {labels: {app: db, role: primary}}
    spec: {containers: [{name: db, image: postgres, ports: [{containerPort: 5432}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: db, namespace: default}
spec:
  selector: {app: db}
  ports: [{port: 5432}]
---
apiVersion: v1
kind: Service
metadata: {name: manual}
spec:
  ports: [{port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: external}
spec:
  type: ExternalName
  externalName: db.example.com
  selector: {app: nothing}
# file: cron.yaml
apiVersion: batch/v1
kind: CronJob
metadata: {name: report}
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        metadata: {labels: {app: report}}
        spec: {containers: [{name: r, image: busybox}]}
---
apiVersion: v1
kind: Service
metadata: {name: report}
spec:
  selector: {app: report}
  ports: [{port: 9000}]
`, { onlyRules: ['service-selects-nothing'] });
});

test('a duplicate definition of a workload in another file (an app variant) satisfies the selector', () => {
  checkFixture(`
# file: all-in-one.yaml
apiVersion: v1
kind: Service
metadata: {name: api}
spec:
  selector: {app: api}
  ports: [{port: 80, targetPort: 8080}]
# file: api.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: api, image: api, ports: [{containerPort: 8080}]}]}
`);
});

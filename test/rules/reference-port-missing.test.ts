import { test } from 'node:test';
import { checkFixture } from '../support/fixture';

const only = { onlyRules: ['reference-port-missing'] };

const services = `
# file: services.yaml
apiVersion: v1
kind: Service
metadata: {name: catalog, namespace: shop}
spec: {selector: {app: catalog}, ports: [{name: http, port: 80, targetPort: 8080}]}
---
apiVersion: v1
kind: Service
metadata: {name: db, namespace: shop}
spec: {clusterIP: None, selector: {app: db}, ports: [{port: 5432}]}
`;

test('reference-port-missing: a written port or a scheme default port the Service does not expose', () => {
  checkFixture(`${services}
# file: app.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: app, namespace: shop}
spec:
  template:
    metadata: {labels: {app: app}}
    spec:
      containers:
        - name: app
          image: app
          env:
            - name: CATALOG_ADDR
              value: catalog:8080
#                    ^^^^^^^^^^^^ warning[reference-port-missing]: env \`CATALOG_ADDR\` connects to port 8080 of Service \`catalog\`, which exposes 80 (http): the connection is refused
            - name: CATALOG_URL
              value: https://catalog.shop.svc.cluster.local/v1
#                            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[reference-port-missing]: connects to port 443 (the default port of https://) of Service \`catalog\`
            - name: DB_URL
              value: jdbc:postgresql://catalog:5432/app
#                                      ^^^^^^^^^^^^ warning[reference-port-missing]: env \`DB_URL\` connects to port 5432 of Service \`catalog\`
`, only);
});

test('reference-port-missing stays silent for exposed ports, headless Services, missing Services and values without port', () => {
  checkFixture(`${services}
# file: app.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: app, namespace: shop}
spec:
  template:
    metadata: {labels: {app: app}}
    spec:
      containers:
        - name: app
          image: app
          env:
            - {name: CATALOG_ADDR, value: "catalog:80"}
            - {name: CATALOG_URL, value: "http://catalog/"}
            - {name: DB_HOST, value: "db-0.db.shop.svc.cluster.local:5433"}
            - {name: SEARCH_ADDR, value: "search:9200"}
            - {name: CATALOG_HOST, value: catalog}
`, only);
});

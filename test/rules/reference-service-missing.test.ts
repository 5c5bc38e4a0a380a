import assert from 'node:assert/strict';
import { test } from 'node:test';
import { referencesOf } from '../../server/src/engine/model/references';
import { isWorkload, type ConfigMap } from '../../server/src/engine/model/resources';
import { checkFixture, loadFixture } from '../support/fixture';

const only = { onlyRules: ['reference-service-missing'] };

const services = `
# file: services.yaml
apiVersion: v1
kind: Service
metadata: {name: cartservice, namespace: shop}
spec: {selector: {app: cart}, ports: [{port: 7070}]}
---
apiVersion: v1
kind: Service
metadata: {name: rabbitmq, namespace: shop}
spec: {selector: {app: rabbitmq}, ports: [{port: 5672}]}
---
apiVersion: v1
kind: Service
metadata: {name: catalog, namespace: catalog}
spec: {selector: {app: catalog}, ports: [{port: 80}]}
`;

test('reference-service-missing: bare names in address variables, URLs and cluster DNS names that name no Service', () => {
  checkFixture(`${services}
# file: frontend.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: frontend, namespace: shop}
spec:
  template:
    metadata: {labels: {app: frontend}}
    spec:
      containers:
        - name: server
          image: frontend
          env:
            - name: CART_SERVICE_ADDR
              value: "cartservce:7070"
#                     ^^^^^^^^^^^^^^^ warning[reference-service-missing]: env \`CART_SERVICE_ADDR\` of container \`server\` refers to Service \`cartservce\` port 7070, which does not exist in namespace \`shop\` (did you mean \`cartservice\`?)
            - name: AI_SERVICE_URL
              value: "http://ai-service:5001/"
#                            ^^^^^^^^^^^^^^^ warning[reference-service-missing]: refers to Service \`ai-service\` port 5001, which does not exist in namespace \`shop\`
            - name: CATALOG
              value: http://catalogue.catalog.svc.cluster.local/api
#                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[reference-service-missing]: refers to Service \`catalogue\`, which does not exist in namespace \`catalog\` (did you mean \`catalog\`?)
            - name: QUEUE_HOST
              value: rabitmq
#                    ^^^^^^^ warning[reference-service-missing]: env \`QUEUE_HOST\` of container \`server\` refers to Service \`rabitmq\`
`, only);
});

test('reference-service-missing: ConfigMap values are references too', () => {
  checkFixture(`${services}
# file: config.yaml
apiVersion: v1
kind: ConfigMap
metadata: {name: order-config, namespace: shop}
data:
  ORDER_QUEUE_HOSTNAME: rabbit
#                       ^^^^^^ warning[reference-service-missing]: ConfigMap key \`ORDER_QUEUE_HOSTNAME\` refers to Service \`rabbit\`
  settings: "upstream=http://search.catalog.svc:9200 timeout=5"
#                            ^^^^^^^^^^^^^^^^^^^^^^^ warning[reference-service-missing]: ConfigMap key \`settings\` refers to Service \`search\` port 9200, which does not exist in namespace \`catalog\`
`, only);
});

test('reference-service-missing stays silent for existing Services, IPs, localhost, expansions, unknown namespaces, non-address variables and namespaces without Services', () => {
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
            - {name: CART_SERVICE_ADDR, value: "cartservice:7070"}
            - {name: ORDER_QUEUE_URI, value: "amqp://rabbitmq:5672"}
            - {name: CATALOG_URL, value: "http://catalog.catalog:80/"}
            - {name: FASTIFY_ADDRESS, value: "0.0.0.0"}
            - {name: DB_HOST, value: localhost}
            - {name: API_URL, value: "http://$(API_HOST):8080"}
            - {name: METRICS_ENDPOINT, value: "http://prometheus.monitoring.svc:9090"}
            - {name: KUBE_API, value: "https://kubernetes.default.svc"}
            - {name: EMAIL_SERVICE, value: sendgrid}
            - {name: APP_NAME, value: frontend}
            - {name: APP_SERVER, value: gunicorn}
            - {name: ORDER_QUEUE_NAME, value: orders}
            - {name: UPSTREAM_URL, value: "https://api.github.com/repos"}
            - {name: MONGO_URI, value: "mongodb+srv://cluster0.example.net/db"}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: lonely, namespace: empty}
spec:
  template:
    metadata: {labels: {app: lonely}}
    spec: {containers: [{name: c, image: x, env: [{name: REDIS_ADDR, value: "redis:6379"}]}]}
`, only);
});

test('referencesOf: host, port, namespace, form and the span of the host inside the value', () => {
  const { analysis } = loadFixture(`${services}
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
            - {name: CART_SERVICE_ADDR, value: "cartservice:7070"}
            - {name: ORDER_QUEUE_URI, value: "amqp://user:pw@rabbitmq/vhost"}
            - {name: PEERS, value: "rabbitmq-0.rabbitmq.shop.svc.cluster.local:25672,catalog.catalog.svc:80"}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cfg, namespace: shop}
data: {CART_HOST: cartservice}
`);
  const workload = [...analysis.index.all()].find((r) => isWorkload(r) && r.name === 'app');
  assert.ok(workload && isWorkload(workload));
  const text = [...analysis.index.resourcesOf('app.yaml')].length > 0;
  assert.ok(text);
  const refs = referencesOf(analysis.index, workload);
  assert.deepEqual(
    refs.map((r) => ({ host: r.host, port: r.port, implied: r.portImplied ?? false, ns: r.namespace, svc: r.serviceName, form: r.form, env: r.envName })),
    [
      { host: 'cartservice', port: 7070, implied: false, ns: 'shop', svc: 'cartservice', form: 'bareService', env: 'CART_SERVICE_ADDR' },
      { host: 'rabbitmq', port: 5672, implied: true, ns: 'shop', svc: 'rabbitmq', form: 'bareService', env: 'ORDER_QUEUE_URI' },
      { host: 'rabbitmq-0.rabbitmq.shop.svc.cluster.local', port: 25672, implied: false, ns: 'shop', svc: 'rabbitmq', form: 'clusterDns', env: 'PEERS' },
      { host: 'catalog.catalog.svc', port: 80, implied: false, ns: 'catalog', svc: 'catalog', form: 'clusterDns', env: 'PEERS' },
    ],
  );
  const lines = analysis.lineIndex('app.yaml')!;
  const first = refs[0]!;
  const start = lines.position(first.span.start);
  const end = lines.position(first.span.end);
  assert.equal(end.column - start.column, 'cartservice:7070'.length);
  const configMap = [...analysis.index.all()].find((r) => r.kind === 'ConfigMap') as ConfigMap;
  assert.deepEqual(referencesOf(analysis.index, configMap).map((r) => [r.via, r.key, r.serviceName]), [['configMap', 'CART_HOST', 'cartservice']]);
});

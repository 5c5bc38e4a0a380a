import assert from 'node:assert/strict';
import { test } from 'node:test';
import { netpolBlocksDeclaredDependency } from '../../server/src/engine/rules/netpolBlocksDeclaredDependency';
import { checkFixture } from '../support/fixture';

const rules = [netpolBlocksDeclaredDependency];

const APPS = `
# file: web.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: web
          env:
            - {name: CART_ADDR, value: "cart:7070"}
            - {name: CATALOG_URL, value: "http://catalog.shop.svc.cluster.local"}
          envFrom: [{configMapRef: {name: web-config}}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: web-config, namespace: shop}
data:
  CACHE_ADDR: "cache:6379"
# file: backends.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: cart, namespace: shop}
spec:
  template:
    metadata: {labels: {app: cart}}
    spec: {containers: [{name: cart, image: cart, ports: [{name: grpc, containerPort: 7070}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: cart, namespace: shop}
spec: {selector: {app: cart}, ports: [{port: 7070, targetPort: grpc}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: catalog, namespace: shop}
spec:
  template:
    metadata: {labels: {app: catalog}}
    spec: {containers: [{name: catalog, image: catalog, ports: [{name: http, containerPort: 3000}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: catalog, namespace: shop}
spec: {selector: {app: catalog}, ports: [{port: 80, targetPort: http}]}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: cache, namespace: shop}
spec:
  template:
    metadata: {labels: {app: cache}}
    spec: {containers: [{name: redis, image: redis, ports: [{name: redis, containerPort: 6379}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: cache, namespace: shop}
spec: {selector: {app: cache}, ports: [{port: 6379, targetPort: redis}]}
`;

test('netpol-blocks-declared-dependency fires on the env value and on the ConfigMap key, saying which side denies', () => {
  const analysis = checkFixture(
    APPS.replace('{name: CART_ADDR, value: "cart:7070"}', '{name: CART_ADDR, value: "cart:7070"}\n#                                       ^^^^^^^^^ warning[netpol-blocks-declared-dependency]: env `CART_ADDR` refers to Service `cart` port 7070, whose pods (Deployment `cart`) listen on 7070/TCP, but the egress policies of Deployment `web` (`web-egress`) admit nothing to it on 7070/TCP: the connection will time out')
      .replace('CACHE_ADDR: "cache:6379"', 'CACHE_ADDR: "cache:6379"\n#              ^^^^^^^^^^ warning[netpol-blocks-declared-dependency]: ConfigMap key `CACHE_ADDR`, read by Deployment `web`, refers to Service `cache` port 6379, whose pods (StatefulSet `cache`) listen on 6379/TCP, but the egress policies of Deployment `web` (`web-egress`) admit nothing to it on 6379/TCP, and the ingress policies of StatefulSet `cache` (`cache-ingress`) admit nothing from Deployment `web` on 6379/TCP') +
      `
# file: policies.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-egress, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Egress]
  egress:
    - to: [{podSelector: {matchLabels: {app: catalog}}}]
      ports: [{port: 3000}]
    - to: [{podSelector: {matchLabels: {app: cart}}}]
      ports: [{port: 7000}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: cache-ingress, namespace: shop}
spec:
  podSelector: {matchLabels: {app: cache}}
  ingress: [{from: [{podSelector: {matchLabels: {app: orders}}}]}]
`,
    { rules },
  );
  assert.deepEqual(analysis.findings('web.yaml').map((f) => f.data), [
    { client: 'shop/web', clientKind: 'Deployment', target: 'shop/cart', port: 7070, protocol: 'TCP', service: 'shop/cart', deniedBy: 'egress' },
    { client: 'shop/web', clientKind: 'Deployment', target: 'shop/cache', port: 6379, protocol: 'TCP', service: 'shop/cache', deniedBy: 'both' },
  ]);
});

test('netpol-blocks-declared-dependency: ingress-only denial of a Service in another namespace', () => {
  const analysis = checkFixture(`
apiVersion: apps/v1
kind: Deployment
metadata: {name: worker, namespace: jobs}
spec:
  template:
    metadata: {labels: {app: worker}}
    spec:
      containers:
        - name: w
          image: w
          env:
            - name: QUEUE_URI
              value: amqp://rabbitmq.messaging.svc.cluster.local
#                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[netpol-blocks-declared-dependency]: env \`QUEUE_URI\` refers to Service \`rabbitmq\` port 5672 (the amqp:// default), whose pods (StatefulSet \`rabbitmq\`) listen on 5672/TCP, but the ingress policies of StatefulSet \`rabbitmq\` (\`rabbitmq\`) admit nothing from Deployment \`worker\` on 5672/TCP
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: rabbitmq, namespace: messaging}
spec:
  template:
    metadata: {labels: {app: rabbitmq}}
    spec: {containers: [{name: r, image: r, ports: [{name: amqp, containerPort: 5672}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: rabbitmq, namespace: messaging}
spec: {selector: {app: rabbitmq}, ports: [{name: amqp, port: 5672, targetPort: amqp}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: rabbitmq, namespace: messaging}
spec:
  podSelector: {matchLabels: {app: rabbitmq}}
  ingress: [{from: [{podSelector: {}}], ports: [{port: amqp}]}]
`, { rules });
  assert.equal(analysis.findings('fixture.yaml')[0]!.data?.['deniedBy'], 'ingress');
});

test('netpol-blocks-declared-dependency stays silent when allowed, without policies, for its own pods, missing Services and ports, and with no engine', () => {
  const allowed = `${APPS}
# file: policies.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-egress, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  egress: [{to: [{podSelector: {}}], ports: [{port: grpc}, {port: http}, {port: redis}]}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: from-web, namespace: shop}
spec:
  podSelector: {}
  ingress: [{from: [{podSelector: {matchLabels: {app: web}}}]}]
`;
  checkFixture(allowed, { rules });
  checkFixture(APPS, { rules });
  checkFixture(`${APPS}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
`, { rules, settings: { profile: { networkPolicyEngine: 'none' } } });
  checkFixture(`
apiVersion: apps/v1
kind: Deployment
metadata: {name: peer, namespace: shop}
spec:
  template:
    metadata: {labels: {app: peer}}
    spec:
      containers:
        - name: p
          image: p
          ports: [{containerPort: 7000}]
          env:
            - {name: SELF_ADDR, value: "peer:7000"}
            - {name: MISSING_ADDR, value: "missing:80"}
            - {name: WRONG_PORT, value: "peer:8080"}
---
apiVersion: v1
kind: Service
metadata: {name: peer, namespace: shop}
spec: {selector: {app: peer}, ports: [{port: 7000}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
`, { rules });
});

test('netpol-blocks-declared-dependency: a headless Service is judged on the pods\' own port; a reference without port only when every port is denied', () => {
  const fixture = (dbEgressPort: number) => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
        - name: api
          image: api
          env:
            - {name: DB_ADDR, value: "db-0.db:5432"}
            - {name: CACHE_HOST, value: "cache"}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: shop}
spec:
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: pg, image: postgres, ports: [{containerPort: 5432}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: db, namespace: shop}
spec: {clusterIP: None, selector: {app: db}, ports: [{port: 5432}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: cache, namespace: shop}
spec:
  template:
    metadata: {labels: {app: cache}}
    spec: {containers: [{name: redis, image: redis, ports: [{containerPort: 6379}, {containerPort: 16379}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: cache, namespace: shop}
spec: {selector: {app: cache}, ports: [{name: redis, port: 6379}, {name: bus, port: 16379}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-egress, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  policyTypes: [Egress]
  egress: [{to: [{podSelector: {}}], ports: [{port: ${dbEgressPort}}, {port: 6379}]}]
`;
  // db-0.db is not a cluster DNS name the references read (no .svc): only CACHE_HOST (no port) is a reference, and
  // 6379 is admitted, so the reference may work: silent.
  checkFixture(fixture(5432), { rules });
  checkFixture(
    `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
        - name: api
          image: api
          env:
            - {name: DB_ADDR, value: "db.shop.svc.cluster.local:5432"}
#                                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[netpol-blocks-declared-dependency]: whose pods (StatefulSet \`db\`) listen on 5432/TCP, but the egress policies of Deployment \`api\` (\`api-egress\`) admit nothing to it on 5432/TCP
            - {name: CACHE_HOST, value: "cache"}
#                                        ^^^^^ warning[netpol-blocks-declared-dependency]: env \`CACHE_HOST\` refers to Service \`cache\`, whose pods (Deployment \`cache\`) listen on 6379/TCP
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: shop}
spec:
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: pg, image: postgres, ports: [{containerPort: 5432}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: db, namespace: shop}
spec: {clusterIP: None, selector: {app: db}, ports: [{port: 5432}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: cache, namespace: shop}
spec:
  template:
    metadata: {labels: {app: cache}}
    spec: {containers: [{name: redis, image: redis, ports: [{containerPort: 6379}, {containerPort: 16379}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: cache, namespace: shop}
spec: {selector: {app: cache}, ports: [{name: redis, port: 6379}, {name: bus, port: 16379}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-egress, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  policyTypes: [Egress]
  egress: [{to: [{podSelector: {}}], ports: [{port: 443}]}]
`,
    { rules },
  );
});

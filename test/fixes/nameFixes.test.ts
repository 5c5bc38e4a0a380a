/**
 * Did-you-mean fixes: each test gives the files before, picks the fix by title, and compares every changed file's
 * whole text after the fix; then the analysis runs again and must find the finding gone and nothing new.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apply, assertFixed, findingOf, fixesOf, fixtureWorkspace, pickFix } from './support';

const APP = `# file: app.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx
          ports:
            - name: http
              containerPort: 8080
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports:
    - name: http
      port: 80
      targetPort: http
`;

/**
 * `expectedNew`: rules that may newly fire, with the reason in the test. ingress-nginx-retirement is one: choosing the
 * application routing class (the fix the user asked for) is exactly what that lifecycle notice is about.
 */
function check(fixture: string, ruleId: string, title: string, expected: Record<string, string>, options: { preferred?: boolean; safe?: boolean; messagePart?: string; expectedNew?: string[] } = {}): void {
  const ws = fixtureWorkspace(fixture);
  const finding = findingOf(ws, ruleId, options.messagePart);
  const fixes = fixesOf(ws, finding);
  const fix = pickFix(fixes, title);
  if (options.preferred !== undefined) assert.equal(!!fix.isPreferred, options.preferred, `isPreferred of "${fix.title}"`);
  if (options.safe !== undefined) assert.equal(!!fix.safe, options.safe, `safe of "${fix.title}"`);
  assert.equal(fix.kind, 'quickfix');
  const after = apply(ws, fix.change);
  for (const [file, text] of Object.entries(expected)) assert.equal(after.get(file), text, `text of ${file} after "${fix.title}"`);
  for (const [file, text] of after) if (!(file in expected)) assert.equal(text, ws.texts.get(file), `${file} must not change`);
  assertFixed(ws, after, finding, options.expectedNew);
}

test('ingress-backend-missing: a misspelled Service becomes the existing one, quotes kept', () => {
  check(
    `${APP}# file: ingress.yaml
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec:
  ingressClassName: webapprouting.kubernetes.azure.com
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: "wbe"   # the storefront
                port: {number: 80}
`,
    'ingress-backend-missing',
    'Change Service to `web`',
    {
      'ingress.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec:
  ingressClassName: webapprouting.kubernetes.azure.com
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: "web"   # the storefront
                port: {number: 80}
`,
    },
    { preferred: true, safe: true },
  );
});

test('ingress-backend-missing: a container port where the Service port belongs becomes that Service port', () => {
  check(
    `${APP}# file: ingress.yaml
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec:
  ingressClassName: webapprouting.kubernetes.azure.com
  defaultBackend:
    service: {name: web, port: {number: 8080}}
`,
    'ingress-backend-missing',
    'Change port to 80',
    {
      'ingress.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec:
  ingressClassName: webapprouting.kubernetes.azure.com
  defaultBackend:
    service: {name: web, port: {number: 80}}
`,
    },
    { preferred: true, safe: true },
  );
});

const GATEWAY = `# file: gateway.yaml
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: public, namespace: shop}
spec:
  gatewayClassName: approuting-istio
  listeners:
    - {name: http, protocol: HTTP, port: 80}
    - {name: https, protocol: HTTPS, port: 443, tls: {mode: Terminate, certificateRefs: [{name: shop-tls}]}}
`;

test('httproute-backend-missing: a misspelled backend Service', () => {
  check(
    `${APP}${GATEWAY}# file: route.yaml
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop, namespace: shop}
spec:
  parentRefs: [{name: public}]
  rules:
    - backendRefs:
        - name: webb
          port: 80
`,
    'httproute-backend-missing',
    'Change backend to Service `web`',
    {
      'route.yaml': `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop, namespace: shop}
spec:
  parentRefs: [{name: public}]
  rules:
    - backendRefs:
        - name: web
          port: 80
`,
    },
    { preferred: true, safe: true },
  );
});

test('httproute-backend-missing: a backendRef without port gets the Service port', () => {
  check(
    `${APP}${GATEWAY}# file: route.yaml
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop, namespace: shop}
spec:
  parentRefs: [{name: public}]
  rules:
    - backendRefs:
        - name: web # storefront
    - matches: [{path: {type: PathPrefix, value: /static}}]
      backendRefs: [{name: web, port: 80}]
`,
    'httproute-backend-missing',
    'Add port 80',
    {
      'route.yaml': `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop, namespace: shop}
spec:
  parentRefs: [{name: public}]
  rules:
    - backendRefs:
        - name: web # storefront
          port: 80
    - matches: [{path: {type: PathPrefix, value: /static}}]
      backendRefs: [{name: web, port: 80}]
`,
    },
    { preferred: true, safe: true },
  );
});

test('httproute-parent-missing: a misspelled Gateway, and a misspelled listener', () => {
  // The route as the fix must leave it; the workspace holds the same text after a file header.
  const expected = (parent: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop, namespace: shop}
spec:
  parentRefs:
    - ${parent}
  rules:
    - backendRefs: [{name: web, port: 80}]
`;
  const route = (parent: string) => `${APP}${GATEWAY}# file: route.yaml\n${expected(parent)}`;
  check(route('name: publik'), 'httproute-parent-missing', 'Attach to Gateway `public`', { 'route.yaml': expected('name: public') }, { preferred: true, safe: true });
  // `htps` is one edit from `https` and two from `http`: preferred, but not safe to apply unattended.
  check(route('{name: public, sectionName: htps}'), 'httproute-parent-missing', 'Attach to listener `https`', { 'route.yaml': expected('{name: public, sectionName: https}') }, { preferred: true, safe: false });
});

const CART = `# file: cart.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: cartservice, namespace: shop}
spec:
  selector: {matchLabels: {app: cartservice}}
  template:
    metadata: {labels: {app: cartservice}}
    spec:
      containers: [{name: server, image: cart, ports: [{containerPort: 7070}]}]
---
apiVersion: v1
kind: Service
metadata: {name: cartservice, namespace: shop}
spec:
  selector: {app: cartservice}
  ports: [{name: grpc, port: 7070, targetPort: 7070}]
`;

test('reference-service-missing: only the Service label of the host changes (bare name and cluster DNS name)', () => {
  // The frontend as the fix must leave it, and the workspace it is checked in (the same text after a file header).
  const after = (value: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: frontend, namespace: shop}
spec:
  selector: {matchLabels: {app: frontend}}
  template:
    metadata: {labels: {app: frontend}}
    spec:
      containers:
        - name: server
          image: frontend
          env:
            - name: CART_SERVICE_ADDR
              value: ${value}
`;
  const frontend = (value: string) => `${APP}${CART}# file: frontend.yaml\n${after(value)}`;
  check(frontend('"cartservce:7070"'), 'reference-service-missing', 'Service `cartservice`', { 'frontend.yaml': after('"cartservice:7070"') }, { preferred: true, safe: true });
  check(frontend('cartservce.shop.svc.cluster.local:7070'), 'reference-service-missing', 'Service `cartservice`', { 'frontend.yaml': after('cartservice.shop.svc.cluster.local:7070') }, { preferred: true });
});

test('reference-port-missing: the container port becomes the Service port; an implied port is written out', () => {
  const catalog = `# file: catalog.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: catalog, namespace: shop}
spec:
  selector: {matchLabels: {app: catalog}}
  template:
    metadata: {labels: {app: catalog}}
    spec:
      containers: [{name: catalog, image: catalog, ports: [{containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: catalog, namespace: shop}
spec:
  selector: {app: catalog}
  ports: [{port: 3000, targetPort: 8080}]
`;
  const urls = (value: string) => `apiVersion: v1
kind: ConfigMap
metadata: {name: urls, namespace: shop}
data:
  CATALOG_URL: ${value}
`;
  const client = (value: string) => `${catalog}# file: client.yaml\n${urls(value)}`;
  check(client('http://catalog:8080/api'), 'reference-port-missing', 'Use port 3000', { 'client.yaml': urls('http://catalog:3000/api') }, { preferred: true, safe: true });
  check(client("'http://catalog/api'"), 'reference-port-missing', 'Use port 3000', { 'client.yaml': urls("'http://catalog:3000/api'") }, { preferred: true, safe: true });
});

test('ingress-class-unknown: a misspelled class becomes the AKS one', () => {
  check(
    `${APP}# file: ingress.yaml
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec:
  ingressClassName: webapprouting.kubernetes.azure.co
  defaultBackend: {service: {name: web, port: {number: 80}}}
`,
    'ingress-class-unknown',
    'webapprouting.kubernetes.azure.com',
    {
      'ingress.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec:
  ingressClassName: webapprouting.kubernetes.azure.com
  defaultBackend: {service: {name: web, port: {number: 80}}}
`,
    },
    { preferred: true, safe: true, expectedNew: ['ingress-nginx-retirement'] },
  );
});

test('ingress-class-missing: ingressClassName is set first in spec (a declared class is preferred), block and flow', () => {
  check(
    `${APP}# file: ingress.yaml
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: internal}
spec: {controller: k8s.io/ingress-nginx}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec:
    defaultBackend: {service: {name: web, port: {number: 80}}}
`,
    'ingress-class-missing',
    'Set ingressClassName `webapprouting.kubernetes.azure.com`',
    {
      'ingress.yaml': `apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: internal}
spec: {controller: k8s.io/ingress-nginx}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec:
    ingressClassName: webapprouting.kubernetes.azure.com
    defaultBackend: {service: {name: web, port: {number: 80}}}
`,
    },
    { preferred: false, expectedNew: ['ingress-nginx-retirement'] },
  );
  const ws = fixtureWorkspace(`${APP}# file: ingress.yaml
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec: {defaultBackend: {service: {name: web, port: {number: 80}}}}
`);
  const finding = findingOf(ws, 'ingress-class-missing');
  const fixes = fixesOf(ws, finding);
  assert.deepEqual(
    fixes.map((f) => f.title.replace(/ \(.*\)$/, '')),
    ['Set ingressClassName `webapprouting.kubernetes.azure.com`', 'Set ingressClassName `azure-application-gateway`', 'Set ingressClassName `azure-alb-external`'],
  );
  const after = apply(ws, pickFix(fixes, 'azure-alb-external').change);
  assert.equal(after.get('ingress.yaml'), `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec: {defaultBackend: {service: {name: web, port: {number: 80}}}, ingressClassName: azure-alb-external}
`);
  assertFixed(ws, after, finding);
});

test('gateway-class-unknown: a misspelled GatewayClass', () => {
  check(
    `${APP}# file: gateway.yaml
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: public, namespace: shop}
spec:
  gatewayClassName: approuting-isto
  listeners: [{name: http, protocol: HTTP, port: 80}]
`,
    'gateway-class-unknown',
    'Change GatewayClass to `approuting-istio`',
    {
      'gateway.yaml': `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: public, namespace: shop}
spec:
  gatewayClassName: approuting-istio
  listeners: [{name: http, protocol: HTTP, port: 80}]
`,
    },
    { preferred: true, safe: true },
  );
});

test('service-target-port-missing: a named targetPort becomes a container port name that exists', () => {
  const fixture = APP.replace('targetPort: http', 'targetPort: htp');
  const ws = fixtureWorkspace(fixture);
  const finding = findingOf(ws, 'service-target-port-missing');
  const fixes = fixesOf(ws, finding);
  assert.deepEqual(fixes.map((f) => f.title), ['Change targetPort to container port `http`']);
  check(fixture, 'service-target-port-missing', 'container port `http`', { 'app.yaml': APP.replace('# file: app.yaml\n', '') }, { preferred: true, safe: true });
});

test('stale findings get no fix: the text at the span no longer says what the finding said', () => {
  const ws = fixtureWorkspace(`${APP}# file: ingress.yaml
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec:
  ingressClassName: webapprouting.kubernetes.azure.com
  defaultBackend: {service: {name: wbe, port: {number: 80}}}
`);
  const finding = findingOf(ws, 'ingress-backend-missing');
  ws.texts.set('ingress.yaml', ws.texts.get('ingress.yaml')!.replace('wbe', 'xyz'));
  assert.deepEqual(fixesOf(ws, finding), []);
});

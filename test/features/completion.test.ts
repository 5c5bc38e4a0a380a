import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SHOP } from './fixtures';
import { completionAt, completionLabels, CURSOR } from './support';

/** SHOP plus one more file whose text holds the cursor. */
function withFile(text: string): string {
  return `${SHOP}\n# file: new.yaml\n${text}`;
}

test('Ingress backend: Service names of the namespace, then that Service\'s ports', () => {
  const names = completionLabels(withFile(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: x
  namespace: shop
spec:
  rules:
    - http:
        paths:
          - path: /
            backend:
              service:
                name: ${CURSOR}
`));
  assert.deepEqual(names, ['api', 'web', 'web-lb']);
  const numbers = completionAt(withFile(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: x
  namespace: shop
spec:
  rules:
    - http:
        paths:
          - path: /
            backend:
              service:
                name: web-lb
                port:
                  number: ${CURSOR}
`));
  assert.deepEqual(numbers?.items.map((i) => i.label), ['443']);
  assert.match(numbers!.items[0]!.detail!, /443\/TCP → targetPort 8443/);
  const byName = completionLabels(withFile(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: x, namespace: shop}
spec:
  defaultBackend:
    service:
      name: web
      port:
        name: h${CURSOR}
`));
  assert.deepEqual(byName, ['http']);
});

test('HTTPRoute backendRefs: Services of the route\'s namespace, cross-namespace only with a ReferenceGrant', () => {
  const route = (backend: string) => withFile(`apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: r
  namespace: edge
spec:
  rules:
    - backendRefs:
${backend}`);
  assert.deepEqual(completionLabels(route(`        - namespace: shop\n          name: ${CURSOR}\n`)), []);
  const granted = `${route(`        - namespace: shop\n          name: ${CURSOR}\n`)}
# file: grant.yaml
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: g, namespace: shop}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: edge}]
  to: [{group: "", kind: Service, name: web}]
`;
  assert.deepEqual(completionLabels(granted), ['web']);
  const shopRoute = withFile(`apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: r
  namespace: shop
spec:
  rules:
    - backendRefs:
        - name: api
          port: ${CURSOR}
`);
  assert.deepEqual(completionLabels(shopRoute), ['80']);
});

test('Selectors: label keys and values from the workloads in scope', () => {
  const service = (body: string) => withFile(`apiVersion: v1
kind: Service
metadata:
  name: s
  namespace: shop
spec:
  selector:
${body}`);
  assert.deepEqual(completionLabels(service(`    ${CURSOR}\n`)), ['app', 'tier']);
  assert.deepEqual(completionLabels(service(`    tier: ${CURSOR}\n`)), ['back', 'front']);
  const expression = withFile(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: p
  namespace: shop
spec:
  podSelector:
    matchExpressions:
      - key: app
        operator: In
        values:
          - ${CURSOR}
`);
  assert.deepEqual(completionLabels(expression), ['api', 'web']);
  const namespaces = withFile(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: p
  namespace: shop
spec:
  podSelector: {}
  ingress:
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: ${CURSOR}
`);
  assert.deepEqual(completionLabels(namespaces), ['shop']);
});

test('ingressClassName and gatewayClassName: known AKS classes with docs', () => {
  const ingress = completionAt(withFile(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: x, namespace: shop}
spec:
  ingressClassName: ${CURSOR}
`));
  const labels = ingress!.items.map((i) => i.label);
  assert.ok(labels.includes('webapprouting.kubernetes.azure.com') && labels.includes('azure-alb-external') && labels.includes('nginx'), labels.join(', '));
  assert.ok(!labels.includes('azure/application-gateway'), 'annotation-only values are not class names');
  assert.ok(ingress!.items.every((i) => i.detail));
  const gateway = completionLabels(withFile(`apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: g, namespace: shop}
spec:
  gatewayClassName: ${CURSOR}
`));
  assert.ok(gateway.includes('approuting-istio') && gateway.includes('istio'), gateway.join(', '));
});

test('targetPort: named ports of the selected containers', () => {
  const items = completionAt(withFile(`apiVersion: v1
kind: Service
metadata:
  name: s
  namespace: shop
spec:
  selector:
    app: api
  ports:
    - port: 80
      targetPort: ${CURSOR}
`))!.items;
  assert.deepEqual(items.map((i) => i.label), ['http', '9000']);
  assert.match(items[0]!.detail!, /9000\/TCP in container api of Deployment api/);
});

test('Field names and enum values from the knowledge base', () => {
  const types = completionLabels(withFile(`apiVersion: v1
kind: Service
metadata: {name: s, namespace: shop}
spec:
  type: ${CURSOR}
`));
  assert.ok(types.includes('LoadBalancer') && types.includes('ClusterIP'), types.join(', '));
  const fields = completionLabels(withFile(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: shop}
spec:
  ${CURSOR}
`));
  assert.ok(fields.includes('podSelector') && fields.includes('policyTypes'), fields.join(', '));
});

test('Snippets in an empty document', () => {
  const result = completionAt(withFile(`${CURSOR}`));
  const labels = result!.items.map((i) => i.label);
  assert.deepEqual(labels, ['NetworkPolicy: default deny', 'NetworkPolicy: allow from namespace', 'NetworkPolicy: allow DNS egress', 'HTTPRoute']);
  assert.ok(result!.items.every((i) => i.snippet && i.insertText!.includes('${1:')));
});

test('Completion never throws, at any offset of a messy file', () => {
  const messy = 'kind: Ingress\nmetadata: {name: x\nspec:\n  rules:\n    - http:\n        paths: [{backend: {service: {name: \n  - : :\n\t"a\n';
  for (let i = 0; i <= messy.length; i++) assert.doesNotThrow(() => completionAt(withFile(`${messy.slice(0, i)}${CURSOR}${messy.slice(i)}`)));
});

test('Annotation keys with docs for the kind, and their values', () => {
  const keys = completionAt(withFile(`apiVersion: v1
kind: Service
metadata:
  name: s
  namespace: shop
  annotations:
    service.beta.kubernetes.io/azure-load${CURSOR}
`))!;
  const internal = keys.items.find((i) => i.label === 'service.beta.kubernetes.io/azure-load-balancer-internal');
  assert.ok(internal, keys.items.map((i) => i.label).join(', '));
  assert.equal(internal.insertText, 'service.beta.kubernetes.io/azure-load-balancer-internal: ');
  assert.ok(internal.documentation && internal.documentation.length > 20);
  const values = completionAt(withFile(`apiVersion: v1
kind: Service
metadata:
  name: s
  namespace: shop
  annotations:
    service.beta.kubernetes.io/azure-load-balancer-internal: ${CURSOR}
`))!;
  assert.deepEqual(values.items.map((i) => i.insertText), ['"true"', '"false"']);
});

/**
 * The NetworkPolicy generators on real applications (../shared/corpora): the inferred edges with their evidence are
 * listed here, edge by edge, with where each comes from; then the manifests plus the generated policies go into a
 * fresh Analysis and the NetworkPolicy engine's connectivity must be exactly those edges plus DNS, and our rules
 * must find nothing new.
 *
 * To show DNS in connectivity lists, the tests add a stand-in for CoreDNS (`kube-system/kube-dns`, labelled
 * `k8s-app: kube-dns` as on AKS); the manifests themselves never hold it.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { formatEdges, generateDefaultDeny, generatePolicies, parseAllowFrom, type FixContext } from '../../server/src/engine/fixes/index';
import { buildNetpolModel, connectivity, formatConnections } from '../../server/src/engine/netpol/index';
import { connectivityList, reachModelOf } from '../../server/src/engine/reach/index';
import { readManifest, scanFiles } from '../../server/src/io/scanFiles';
import { sharedData } from '../support/shared';
import { apply, workspaceOf, fixtureWorkspace, type Workspace } from './support';

const { dir: CORPORA, skip } = sharedData('corpora');

const KUBE_DNS = `apiVersion: apps/v1
kind: Deployment
metadata: {name: kube-dns, namespace: kube-system}
spec:
  selector: {matchLabels: {k8s-app: kube-dns}}
  template:
    metadata: {labels: {k8s-app: kube-dns}}
    spec:
      containers: [{name: coredns, image: coredns, ports: [{name: dns, containerPort: 53, protocol: UDP}, {name: dns-tcp, containerPort: 53}]}]
`;

function load(dir: string, files?: string[]): Map<string, string> {
  const texts = new Map<string, string>();
  const scan = scanFiles(files ? files.map((f) => path.join(dir, f)) : [dir]);
  for (const file of scan.files) {
    const read = readManifest(file);
    if ('text' in read) texts.set(file, read.text);
  }
  return texts;
}

/** np-guard style lines of the connectivity, keeping pairs with a workload of `namespace` on one side. */
function connectivityLines(ws: Workspace, namespace: string, controllerNamespace?: string): string[] {
  // With a controller: the reachability model places it (the fixtures' class runs in `controllerNamespace`).
  const lines = controllerNamespace ? connectivityList(reachModelOf(ws.analysis.index, ws.ctx.profile)) : connectivity(buildNetpolModel(ws.analysis.index));
  return lines
    .filter((c) => [c.src, c.dst].some((p) => p.type === 'workload' && p.namespace === namespace))
    .map((c) => `${c.src.id} => ${c.dst.id} : ${formatConnections(c.allowed)}`);
}

/** The lines a list of declared edges (plus DNS for every workload of the namespace) must give. */
function expectedLines(edges: readonly [string, string, string][], workloads: readonly string[]): string[] {
  const byPair = new Map<string, string[]>();
  for (const [src, dst, conn] of edges) byPair.set(`${src} => ${dst}`, [...(byPair.get(`${src} => ${dst}`) ?? []), conn]);
  const lines = [...byPair].map(([pair, conns]) => `${pair} : ${conns.sort().join(',')}`);
  for (const workload of workloads) lines.push(`${workload} => kube-system/kube-dns[Deployment] : TCP 53,UDP 53`);
  return lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function countsByRule(ws: Workspace): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of ws.analysis.allFindings()) counts.set(`${f.ruleId}|${f.file}`, (counts.get(`${f.ruleId}|${f.file}`) ?? 0) + 1);
  return counts;
}

function assertNothingNew(before: Workspace, after: Workspace): void {
  const was = countsByRule(before);
  for (const [key, n] of countsByRule(after)) {
    assert.ok(n <= (was.get(key) ?? 0), `the generated policies give ${key} ${n} finding(s) (was ${was.get(key) ?? 0}):\n${after.analysis.allFindings().filter((f) => `${f.ruleId}|${f.file}` === key).map((f) => `  ${f.message}`).join('\n')}`);
  }
}

test('microservices-demo: edges from env references and the LoadBalancer, connectivity = edges + DNS', { skip }, () => {
  const dir = path.join(CORPORA, 'microservices-demo', 'kubernetes-manifests');
  const texts = load(dir);
  texts.set('/virtual/kube-system/kube-dns.yaml', KUBE_DNS);
  const ws = workspaceOf(texts);
  const result = generatePolicies(ws.ctx, { namespace: 'default' });
  const rel = (file: string) => path.relative(dir, file);
  // Every edge and where it comes from: the env variable (file:line) that names the Service and port, or the
  // LoadBalancer Service. Ports are pod ports: emailservice's Service port 5000 targets 8080, frontend's 80 -> 8080.
  assert.deepEqual(formatEdges(result.edges, rel), [
    'default/frontend[Deployment] -> default/adservice[Deployment] : TCP 9555',
    '    env AD_SERVICE_ADDR = adservice:9555 (container server) (frontend.yaml:82)',
    'default/checkoutservice[Deployment] -> default/cartservice[Deployment] : TCP 7070',
    '    env CART_SERVICE_ADDR = cartservice:7070 (container server) (checkoutservice.yaml:68)',
    'default/frontend[Deployment] -> default/cartservice[Deployment] : TCP 7070',
    '    env CART_SERVICE_ADDR = cartservice:7070 (container server) (frontend.yaml:74)',
    'default/frontend[Deployment] -> default/checkoutservice[Deployment] : TCP 5050',
    '    env CHECKOUT_SERVICE_ADDR = checkoutservice:5050 (container server) (frontend.yaml:80)',
    'default/checkoutservice[Deployment] -> default/currencyservice[Deployment] : TCP 7000',
    '    env CURRENCY_SERVICE_ADDR = currencyservice:7000 (container server) (checkoutservice.yaml:66)',
    'default/frontend[Deployment] -> default/currencyservice[Deployment] : TCP 7000',
    '    env CURRENCY_SERVICE_ADDR = currencyservice:7000 (container server) (frontend.yaml:72)',
    'default/checkoutservice[Deployment] -> default/emailservice[Deployment] : TCP 8080',
    '    env EMAIL_SERVICE_ADDR = emailservice:5000 (container server) (checkoutservice.yaml:64)',
    'outside the cluster (any address) -> default/frontend[Deployment] : TCP 8080',
    '    Service default/frontend-external type LoadBalancer port 80/TCP -> targetPort 8080 (frontend.yaml:134)',
    'default/loadgenerator[Deployment] -> default/frontend[Deployment] : TCP 8080',
    '    env FRONTEND_ADDR = frontend:80 (container frontend-check) (loadgenerator.yaml:70)',
    '    env FRONTEND_ADDR = frontend:80 (container main) (loadgenerator.yaml:83)',
    'default/checkoutservice[Deployment] -> default/paymentservice[Deployment] : TCP 50051',
    '    env PAYMENT_SERVICE_ADDR = paymentservice:50051 (container server) (checkoutservice.yaml:62)',
    'default/checkoutservice[Deployment] -> default/productcatalogservice[Deployment] : TCP 3550',
    '    env PRODUCT_CATALOG_SERVICE_ADDR = productcatalogservice:3550 (container server) (checkoutservice.yaml:58)',
    'default/frontend[Deployment] -> default/productcatalogservice[Deployment] : TCP 3550',
    '    env PRODUCT_CATALOG_SERVICE_ADDR = productcatalogservice:3550 (container server) (frontend.yaml:70)',
    'default/recommendationservice[Deployment] -> default/productcatalogservice[Deployment] : TCP 3550',
    '    env PRODUCT_CATALOG_SERVICE_ADDR = productcatalogservice:3550 (container server) (recommendationservice.yaml:61)',
    'default/frontend[Deployment] -> default/recommendationservice[Deployment] : TCP 8080',
    '    env RECOMMENDATION_SERVICE_ADDR = recommendationservice:8080 (container server) (frontend.yaml:76)',
    'default/cartservice[Deployment] -> default/redis-cart[Deployment] : TCP 6379',
    '    env REDIS_ADDR = redis-cart:6379 (container server) (cartservice.yaml:51)',
    'default/checkoutservice[Deployment] -> default/shippingservice[Deployment] : TCP 50051',
    '    env SHIPPING_SERVICE_ADDR = shippingservice:50051 (container server) (checkoutservice.yaml:60)',
    'default/frontend[Deployment] -> default/shippingservice[Deployment] : TCP 50051',
    '    env SHIPPING_SERVICE_ADDR = shippingservice:50051 (container server) (frontend.yaml:78)',
  ]);
  // The frontend names a shopping assistant that these manifests do not deploy: no edge, said in a note.
  assert.deepEqual(
    result.notes.map((n) => n.message),
    ['env SHOPPING_ASSISTANT_SERVICE_ADDR = shoppingassistantservice:80 (container server) names Service default/shoppingassistantservice, which is not in the workspace: no edge (its pods are unknown); generate again once it is in the workspace'],
  );
  assert.equal(result.documents.length, 1);
  assert.equal(path.basename(result.documents[0]!.file), 'default-networkpolicies.yaml');
  assert.equal(path.dirname(result.documents[0]!.file), dir);
  assert.deepEqual(result.documents[0]!.policies, [
    'default-deny', 'allow-dns', 'adservice', 'cartservice', 'checkoutservice', 'currencyservice', 'emailservice', 'frontend', 'loadgenerator', 'paymentservice', 'productcatalogservice', 'recommendationservice', 'redis-cart', 'shippingservice',
  ]);

  const after = workspaceOf(apply(ws, result.change));
  const workloads = ['adservice', 'cartservice', 'checkoutservice', 'currencyservice', 'emailservice', 'frontend', 'loadgenerator', 'paymentservice', 'productcatalogservice', 'recommendationservice', 'redis-cart', 'shippingservice'].map((n) => `default/${n}[Deployment]`);
  const edges: [string, string, string][] = result.edges.map((e) => [e.from.type === 'addresses' ? '0.0.0.0-255.255.255.255[External]' : e.from.id, e.to.id, `${e.protocol} ${e.port}`]);
  assert.equal(edges.length, 17);
  assert.deepEqual(connectivityLines(after, 'default'), expectedLines(edges, workloads));
  assertNothingNew(ws, after);
});

/**
 * aks-store-demo's store-front serves the web app from NGINX, whose configuration (in the image, not in the
 * manifests: src/store-front/nginx.conf upstream) proxies `/order` to http://order-service:3000/ and `/products`
 * to http://product-service:3002/. No env value or ConfigMap says so, so the generator cannot see these edges; the
 * user declares them on the receiving workloads:
 *     order-service:    netlens.io/allow-from: "default/store-front:3000"
 *     product-service:  netlens.io/allow-from: "default/store-front:3002"
 * The test adds exactly these annotations to a copy of the quickstart manifests in a temp dir.
 */
test('aks-store-demo: ConfigMap host+port, the Ingress controller and allow-from edges; connectivity = edges + DNS', { skip }, () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-store-'));
  try {
    const source = fs.readFileSync(path.join(CORPORA, 'aks-store-demo', 'aks-store-ingress-quickstart.yaml'), 'utf8');
    const annotate = (text: string, name: string, value: string) => {
      const anchor = `kind: Deployment\nmetadata:\n  name: ${name}\n`;
      assert.ok(text.includes(anchor), `no Deployment ${name} in the quickstart`);
      return text.replace(anchor, `${anchor}  annotations:\n    netlens.io/allow-from: "${value}"\n`);
    };
    const copy = annotate(annotate(source, 'order-service', 'default/store-front:3000'), 'product-service', 'default/store-front:3002');
    fs.writeFileSync(path.join(tmp, 'aks-store-ingress-quickstart.yaml'), copy);
    const texts = load(tmp);
    texts.set(path.join(tmp, 'kube-system', 'kube-dns.yaml'), KUBE_DNS);
    const ws = workspaceOf(texts);
    const result = generatePolicies(ws.ctx, { namespace: 'default' });
    const rel = (file: string) => path.relative(tmp, file);
    assert.deepEqual(formatEdges(result.edges, rel), [
      // The user's declarations (the NGINX proxy in the store-front image); edges are listed by destination.
      'default/store-front[Deployment] -> default/order-service[Deployment] : TCP 3000',
      '    annotation netlens.io/allow-from: default/store-front:3000 (aks-store-ingress-quickstart.yaml:102)',
      'default/store-front[Deployment] -> default/product-service[Deployment] : TCP 3002',
      '    annotation netlens.io/allow-from: default/store-front:3002 (aks-store-ingress-quickstart.yaml:184)',
      // envFrom ConfigMap order-service-configs: ORDER_QUEUE_HOSTNAME=rabbitmq with ORDER_QUEUE_PORT=5672 beside it.
      'default/order-service[Deployment] -> default/rabbitmq[StatefulSet] : TCP 5672',
      '    ConfigMap order-service-configs key ORDER_QUEUE_HOSTNAME = rabbitmq (read through envFrom), port from ORDER_QUEUE_PORT = 5672 (aks-store-ingress-quickstart.yaml:85)',
      // Ingress class webapprouting.kubernetes.azure.com: the add-on's NGINX runs in app-routing-system.
      'app routing NGINX (namespace app-routing-system) -> default/store-front[Deployment] : TCP 8080',
      '    Ingress default/store-front * / (Prefix) -> Service store-front:80 (aks-store-ingress-quickstart.yaml:316)',
    ]);
    // product-service's AI_SERVICE_URL names ai-service, which the quickstart does not deploy.
    assert.equal(result.notes.length, 1);
    assert.match(result.notes[0]!.message, /^env AI_SERVICE_URL = http:\/\/ai-service:5001\/ \(container product-service\) names Service default\/ai-service, which is not in the workspace/);

    const after = workspaceOf(apply(ws, result.change));
    const workloads = ['default/order-service[Deployment]', 'default/product-service[Deployment]', 'default/rabbitmq[StatefulSet]', 'default/store-front[Deployment]'];
    const edges: [string, string, string][] = result.edges.map((e) => [e.from.type === 'pods' ? '{ingress-controller}' : e.from.id, e.to.id, `${e.protocol} ${e.port}`]);
    assert.deepEqual(connectivityLines(after, 'default', 'app-routing-system'), expectedLines(edges, workloads));
    assertNothingNew(ws, after);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('default deny: ingress and egress denied, DNS allowed, in a new file beside the namespace\'s manifests', () => {
  const ws = fixtureWorkspace(`# file: apps/shop/web.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: nginx}]
# file: apps/shop/shop-default-deny.yaml
apiVersion: v1
kind: ConfigMap
metadata: {name: taken, namespace: shop}
`);
  const result = generateDefaultDeny(ws.ctx, 'shop');
  assert.deepEqual(result.change.edits, []);
  assert.deepEqual(result.change.newFiles, [
    {
      file: 'apps/shop/shop-default-deny-2.yaml',
      text: `# Generated by Kube Netlens: review before applying.
# Namespace shop: every pod is isolated for ingress and egress; only DNS (UDP/TCP 53 to kube-dns in kube-system) is allowed.
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: shop
spec:
  podSelector: {}
  policyTypes:
    - Ingress
    - Egress
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-dns
  namespace: shop
spec:
  podSelector: {}
  policyTypes:
    - Egress
  egress:
    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: kube-system
          podSelector:
            matchLabels:
              k8s-app: kube-dns
      ports:
        - protocol: UDP
          port: 53
        - protocol: TCP
          port: 53
`,
    },
  ]);
  const after = workspaceOf(apply(ws, result.change));
  assert.deepEqual(after.analysis.allFindings().filter((f) => f.file.endsWith('-2.yaml')), []);
});

test('default deny appended to a chosen file: a new document after a separator, names made unique', () => {
  const ws = fixtureWorkspace(`# file: shop.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec: {podSelector: {matchLabels: {app: legacy}}, policyTypes: [Ingress]}`);
  const result = generateDefaultDeny(ws.ctx, 'shop', { appendTo: 'shop.yaml' });
  assert.deepEqual(result.documents[0]!.policies, ['default-deny-2', 'allow-dns']);
  const text = apply(ws, result.change).get('shop.yaml')!;
  assert.ok(text.startsWith(`${ws.texts.get('shop.yaml')}\n---\n# Generated by Kube Netlens`), text);
});

test('allow-from entries: workloads, whole namespaces, CIDRs, named ports and protocols; mistakes are reported', () => {
  assert.deepEqual(parseAllowFrom('default/store-front:3000, store-admin:http, monitoring/*:9090, 10.1.0.0/16:8443/TCP, ops/dns:53/udp', 'shop'), [
    { text: 'default/store-front:3000', namespace: 'default', workload: 'store-front', port: 3000, protocol: 'TCP' },
    { text: 'store-admin:http', namespace: 'shop', workload: 'store-admin', port: 'http', protocol: 'TCP' },
    { text: 'monitoring/*:9090', namespace: 'monitoring', workload: '*', port: 9090, protocol: 'TCP' },
    { text: '10.1.0.0/16:8443/TCP', cidr: '10.1.0.0/16', port: 8443, protocol: 'TCP' },
    { text: 'ops/dns:53/udp', namespace: 'ops', workload: 'dns', port: 53, protocol: 'UDP' },
  ]);
  assert.deepEqual(parseAllowFrom('store-front, a/b/c:80, x:70000, */y:80', 'shop'), [
    { error: '`store-front` is not `namespace/workload:port`' },
    { error: '`a/b/c:80`: `a/b/c` is not a workload (namespace/name)' },
    { error: '`x:70000`: port 70000 is out of range' },
    { error: '`*/y:80`: name a namespace (every namespace is not a least-privilege source)' },
  ]);
});

test('Gateway routes admit the Gateway\'s proxy pods; an allow-from caller outside the workspace admits its namespace, with a note', () => {
  const ws = fixtureWorkspace(`# file: shop.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
  annotations:
    netlens.io/allow-from: "batch/reporter:http"
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers: [{name: api, image: api, ports: [{name: http, containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec:
  selector: {app: api}
  ports: [{port: 80, targetPort: http}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: public, namespace: shop}
spec:
  gatewayClassName: approuting-istio
  listeners: [{name: http, protocol: HTTP, port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: api, namespace: shop}
spec:
  parentRefs: [{name: public}]
  rules: [{backendRefs: [{name: api, port: 80}]}]
`);
  const result = generatePolicies(ws.ctx as FixContext);
  assert.deepEqual(formatEdges(result.edges), [
    'outside the cluster (any address) -> Gateway shop/public (approuting-istio) proxy pods : TCP 80',
    '    Gateway shop/public listener http port 80/HTTP (the proxy binds the listener port) (shop.yaml:27)',
    'every pod of namespace batch (for batch/reporter) -> shop/api[Deployment] : TCP http',
    '    annotation netlens.io/allow-from: batch/reporter:http (shop.yaml:7)',
    'Gateway shop/public (approuting-istio) proxy pods -> shop/api[Deployment] : TCP 8080',
    '    HTTPRoute shop/api -> Service api:80 (shop.yaml:34)',
  ]);
  assert.deepEqual(result.notes.map((n) => n.message), ['netlens.io/allow-from of shop/api[Deployment]: workload batch/reporter is not in the workspace, so every pod of namespace batch is admitted on http/TCP']);
  const text = result.documents[0]!.text;
  assert.ok(
    text.includes(`  ingress:
    # from every pod of namespace batch (for batch/reporter):
    #   http/TCP: annotation netlens.io/allow-from: batch/reporter:http (shop.yaml:7)
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: batch
      ports:
        - protocol: TCP
          port: http
    # from Gateway shop/public (approuting-istio) proxy pods:
    #   8080/TCP: HTTPRoute shop/api -> Service api:80 (shop.yaml:34)
    - from:
        - podSelector:
            matchLabels:
              gateway.networking.k8s.io/gateway-name: public
      ports:
        - protocol: TCP
          port: 8080
`),
    text,
  );
  // The Gateway's own proxies: clients in on the listener port, out to the backend, so the default deny spares them.
  assert.ok(result.documents[0]!.policies.includes('public-proxy'), result.documents[0]!.policies.join(', '));
  assert.ok(
    text.includes(`  name: public-proxy
  namespace: shop
spec:
  podSelector:
    matchLabels:
      gateway.networking.k8s.io/gateway-name: public
  policyTypes:
    - Ingress
    - Egress
`),
    text,
  );
});

test('Application Gateway for Containers: its subnet from the profile becomes an ipBlock; unknown, a note and no edge', () => {
  const fixture = `# file: shop.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: web, ports: [{containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web, namespace: shop}
spec:
  ingressClassName: azure-alb-external
  defaultBackend: {service: {name: web, port: {number: 80}}}
`;
  const unknown = generatePolicies(fixtureWorkspace(fixture).ctx);
  assert.deepEqual(unknown.edges, []);
  assert.ok(unknown.notes.some((n) => /controller of class azure-alb-external .* has no known address: no edge\. Set ingressControllers/.test(n.message)), JSON.stringify(unknown.notes));
  // The backend cannot be admitted from its controller: no namespace default deny for it (it would cut the controller off).
  assert.deepEqual(unknown.withheld.map((w) => w.namespace), ['shop']);
  assert.ok(!unknown.documents[0]!.policies.includes('default-deny'));
  const known = generatePolicies(fixtureWorkspace(fixture, { profile: { ingressControllers: [{ class: 'azure-alb-external', subnetCidr: '10.225.0.0/24' }] } }).ctx);
  assert.deepEqual(formatEdges(known.edges), ['Application Gateway for Containers (subnet 10.225.0.0/24) -> shop/web[Deployment] : TCP 8080', '    Ingress shop/web defaultBackend -> Service web:80 (shop.yaml:23)']);
  assert.ok(known.documents[0]!.text.includes('        - ipBlock:\n            cidr: 10.225.0.0/24\n'));
});

/**
 * Ingress -> Gateway API: one whole-text golden for hosts, paths, pathTypes, backends, the default backend, TLS and
 * the default HTTPS redirect; then one test per translated construct and per warned annotation. Every migration's
 * output goes back into the analysis with the manifests, and our Gateway API rules must find nothing in it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ingressesOfClass, migrateIngress, migrateIngresses, type MigrationOptions, type MigrationResult } from '../../server/src/engine/fixes/index';
import type { Ingress } from '../../server/src/engine/model/resources';
import { apply, fixtureWorkspace, workspaceOf, type Workspace } from './support';

const APP = `# file: app.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: web, ports: [{name: http, containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: http}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web-v2, namespace: shop}
spec:
  selector: {matchLabels: {app: web-v2}}
  template:
    metadata: {labels: {app: web-v2}}
    spec:
      containers: [{name: web, image: web:2, ports: [{name: http, containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web-v2, namespace: shop}
spec:
  selector: {app: web-v2}
  ports: [{name: http, port: 80, targetPort: http}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers: [{name: api, image: api, ports: [{containerPort: 9000}]}]
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec:
  selector: {app: api}
  ports: [{name: grpc, port: 9000}]
---
apiVersion: v1
kind: Secret
metadata: {name: shop-tls, namespace: shop}
type: kubernetes.io/tls
`;

function ingress(annotations: Record<string, string>, spec: string, name = 'shop'): string {
  const lines = Object.entries(annotations).map(([k, v]) => `    ${k}: ${JSON.stringify(v)}`);
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
  namespace: shop
${lines.length ? `  annotations:\n${lines.join('\n')}\n` : ''}spec:
  ingressClassName: webapprouting.kubernetes.azure.com
${spec}`;
}

const SIMPLE_RULES = `  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /app(/|$)(.*)
            pathType: ImplementationSpecific
            backend: {service: {name: web, port: {number: 80}}}
`;

/** `expected`: findings (rule id: message start) the written Gateway should have, such as reminders the warnings repeat. */
function migrate(files: string, options: MigrationOptions = {}, name = 'shop', expected: string[] = []): { ws: Workspace; result: MigrationResult; text: string; after: Workspace } {
  const ws = fixtureWorkspace(`${APP}${files}`);
  const found = ws.analysis.index.ofKind('Ingress').find((i) => i.name === name) as Ingress;
  const result = migrateIngress(ws.ctx, found, options);
  assert.equal(result.change.newFiles.length, 1);
  const text = result.change.newFiles[0]!.text;
  const after = workspaceOf(apply(ws, result.change));
  // Our own Gateway API rules find nothing in what the migration wrote.
  const created = result.change.newFiles[0]!.file;
  const findings = after.analysis.allFindings().filter((f) => f.file === created).map((f) => `${f.ruleId}: ${f.message}`);
  assert.deepEqual(findings.filter((f) => !expected.some((e) => f.startsWith(e))), []);
  assert.equal(findings.length, expected.length, findings.join('\n'));
  return { ws, result, text, after };
}

function translated(result: MigrationResult): string[] {
  return result.annotations.filter((a) => a.translated).map((a) => `${a.annotation.replace('nginx.ingress.kubernetes.io/', '')}: ${a.detail}`);
}

function untranslated(result: MigrationResult): string[] {
  return result.untranslated.map((a) => `${a.annotation.replace('nginx.ingress.kubernetes.io/', '')}: ${a.detail}`);
}

test('hosts, paths (Prefix, Exact, ImplementationSpecific), named and numbered ports, default backend, TLS and the default HTTPS redirect', () => {
  const { result, text } = migrate(`# file: ingress.yaml
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: shop
  annotations:
    nginx.ingress.kubernetes.io/proxy-body-size: 8m
spec:
  ingressClassName: webapprouting.kubernetes.azure.com
  tls:
    - hosts: [shop.example.com]
      secretName: shop-tls
  defaultBackend:
    service: {name: web, port: {name: http}}
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend: {service: {name: web, port: {name: http}}}
          - path: /api/v1/status
            pathType: Exact
            backend: {service: {name: api, port: {number: 9000}}}
          - path: /legacy
            pathType: ImplementationSpecific
            backend: {service: {name: api, port: {number: 9000}}}
    - host: admin.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend: {service: {name: api, port: {number: 9000}}}
`);
  assert.equal(result.gatewayClass, 'approuting-istio');
  assert.deepEqual(result.gateways, ['shop/shop']);
  assert.deepEqual(result.routes, ['shop/shop-shop-example-com', 'shop/shop-admin-example-com', 'shop/shop-default', 'shop/shop-https-redirect']);
  assert.equal(result.change.newFiles[0]!.file, 'shop-gateway-api.yaml');
  assert.equal(
    text,
    `# Migrated by Kube Netlens from Ingress shop/shop to Gateway API (GatewayClass approuting-istio).
# Run both side by side, test the Gateway's address, then move DNS to it and delete the Ingress.
# NOT TRANSLATED (configure these another way, or drop them):
#   shop/shop: nginx.ingress.kubernetes.io/proxy-body-size: "8m" -- request/response buffering and body sizes have no Gateway API field; set them in the implementation's configuration
# Check:
#   shop/shop: path /legacy has pathType ImplementationSpecific: written as PathPrefix (how ingress-nginx reads it; other controllers may differ)
#   shop/shop: HTTP requests for its TLS hosts are redirected to HTTPS with 301 (ingress-nginx redirects with 308 by default; Gateway API implementations must support 301 and 302)
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: shop
  namespace: shop
  annotations:
    netlens.io/migrated-from: shop/shop
spec:
  gatewayClassName: approuting-istio
  listeners:
    - name: http
      protocol: HTTP
      port: 80
    - name: https-shop-example-com
      protocol: HTTPS
      port: 443
      hostname: shop.example.com
      tls:
        mode: Terminate
        certificateRefs:
          - kind: Secret
            name: shop-tls
      allowedRoutes:
        namespaces:
          from: Same
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: shop-shop-example-com
  namespace: shop
  annotations:
    netlens.io/migrated-from: shop/shop
spec:
  parentRefs:
    - name: shop
      sectionName: https-shop-example-com
  hostnames:
    - shop.example.com
  rules:
    - matches:
        - path:
            type: PathPrefix
            value: /
      backendRefs:
        - name: web
          port: 80
    - matches:
        - path:
            type: Exact
            value: /api/v1/status
        - path:
            type: PathPrefix
            value: /legacy
      backendRefs:
        - name: api
          port: 9000
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: shop-admin-example-com
  namespace: shop
  annotations:
    netlens.io/migrated-from: shop/shop
spec:
  parentRefs:
    - name: shop
  hostnames:
    - admin.example.com
  rules:
    - matches:
        - path:
            type: PathPrefix
            value: /
      backendRefs:
        - name: api
          port: 9000
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: shop-default
  namespace: shop
  annotations:
    netlens.io/migrated-from: shop/shop
spec:
  parentRefs:
    - name: shop
  rules:
    - backendRefs:
        - name: web
          port: 80
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: shop-https-redirect
  namespace: shop
  annotations:
    netlens.io/migrated-from: shop/shop
spec:
  parentRefs:
    - name: shop
      sectionName: http
  hostnames:
    - shop.example.com
  rules:
    - filters:
        - type: RequestRedirect
          requestRedirect:
            scheme: https
            statusCode: 301
`,
  );
  assert.deepEqual(untranslated(result), ["proxy-body-size: request/response buffering and body sizes have no Gateway API field; set them in the implementation's configuration"]);
});

test('ssl-redirect "false": no redirect route, the routes attach to every listener; force-ssl-redirect without TLS is not translated', () => {
  const tls = `  tls: [{hosts: [shop.example.com], secretName: shop-tls}]\n${SIMPLE_RULES.replace('/app(/|$)(.*)', '/').replace('ImplementationSpecific', 'Prefix')}`;
  const off = migrate(`# file: ingress.yaml\n${ingress({ 'nginx.ingress.kubernetes.io/ssl-redirect': 'false' }, tls)}`);
  assert.deepEqual(off.result.routes, ['shop/shop']);
  assert.ok(off.text.includes('  parentRefs:\n    - name: shop\n  hostnames:'));
  assert.deepEqual(translated(off.result), ['ssl-redirect: no redirect: the routes also attach to the HTTP listener']);
  const forced = migrate(`# file: ingress.yaml\n${ingress({ 'nginx.ingress.kubernetes.io/force-ssl-redirect': 'true' }, SIMPLE_RULES.replace('/app(/|$)(.*)', '/').replace('ImplementationSpecific', 'Prefix'))}`);
  assert.deepEqual(forced.result.routes, ['shop/shop']);
  assert.deepEqual(untranslated(forced.result), [
    'force-ssl-redirect: the Ingress has no TLS (TLS is terminated in front of the controller); a Gateway API redirect cannot tell that the client already used HTTPS: redirect at the TLS terminator instead',
  ]);
});

test('rewrite-target: the capture-group idiom is ReplacePrefixMatch; upstream-vhost joins the same URLRewrite', () => {
  const { result, text } = migrate(`# file: ingress.yaml\n${ingress({ 'nginx.ingress.kubernetes.io/rewrite-target': '/$2', 'nginx.ingress.kubernetes.io/upstream-vhost': 'internal.shop' }, SIMPLE_RULES)}`);
  assert.ok(
    text.includes(`  rules:
    - matches:
        - path:
            type: PathPrefix
            value: /app
      filters:
        - type: URLRewrite
          urlRewrite:
            hostname: internal.shop
            path:
              type: ReplacePrefixMatch
              replacePrefixMatch: /
      backendRefs:
        - name: web
          port: 80
`),
    text,
  );
  assert.deepEqual(translated(result), ['rewrite-target: URLRewrite ReplacePrefixMatch (the capture-group idiom strips the matched prefix)', 'upstream-vhost: URLRewrite hostname internal.shop']);
  assert.deepEqual(untranslated(result), []);
});

test('rewrite-target without a capture group replaces the whole path (as NGINX does), with a warning', () => {
  const rules = SIMPLE_RULES.replace('/app(/|$)(.*)', '/app').replace('ImplementationSpecific', 'Prefix');
  const { result, text } = migrate(`# file: ingress.yaml\n${ingress({ 'nginx.ingress.kubernetes.io/rewrite-target': '/' }, rules)}`);
  assert.ok(text.includes('            path:\n              type: ReplaceFullPath\n              replaceFullPath: /\n'), text);
  assert.ok(result.warnings.includes('shop/shop: rewrite-target / replaces the whole path of every request (as NGINX does); use ReplacePrefixMatch instead if only the prefix should go'));
});

test('rewrite-target with another regular expression is not translated; the path is a RegularExpression match, with a warning', () => {
  const rules = SIMPLE_RULES.replace('/app(/|$)(.*)', '/users/([0-9]+)/profile');
  const { result, text } = migrate(`# file: ingress.yaml\n${ingress({ 'nginx.ingress.kubernetes.io/rewrite-target': '/profile?id=$1' }, rules)}`);
  assert.deepEqual(untranslated(result), [
    'rewrite-target: `/profile?id=$1` with paths /users/([0-9]+)/profile is not a rewrite Gateway API can express (only a prefix replacement, `/p(/|$)(.*)` with `/x/$2`, or a fixed path)',
  ]);
  assert.ok(text.includes('            type: RegularExpression\n            value: /users/([0-9]+)/profile\n'), text);
  assert.ok(result.warnings.some((w) => w.includes('path /users/([0-9]+)/profile is a regular expression: written as RegularExpression')));
  assert.ok(text.includes('# NOT TRANSLATED (configure these another way, or drop them):\n#   shop/shop: nginx.ingress.kubernetes.io/rewrite-target: "/profile?id=$1" -- '));
});

test('canary Ingresses: canary-weight becomes weighted backendRefs, canary-by-header a header match, on the main Ingress\'s route', () => {
  const canary = ingress(
    { 'nginx.ingress.kubernetes.io/canary': 'true', 'nginx.ingress.kubernetes.io/canary-weight': '20', 'nginx.ingress.kubernetes.io/canary-by-header': 'X-Canary' },
    SIMPLE_RULES.replace('/app(/|$)(.*)', '/').replace('ImplementationSpecific', 'Prefix').replace('name: web,', 'name: web-v2,'),
    'shop-canary',
  );
  const main = ingress({}, SIMPLE_RULES.replace('/app(/|$)(.*)', '/').replace('ImplementationSpecific', 'Prefix'));
  // Migrating the canary migrates its main Ingress with it.
  const { result, text } = migrate(`# file: ingress.yaml\n${main}---\n${canary}`, {}, 'shop-canary');
  assert.deepEqual(result.ingresses, ['shop/shop', 'shop/shop-canary']);
  assert.ok(result.warnings.includes('Ingress shop/shop-canary is a canary of shop/shop: both are migrated together'));
  assert.ok(
    text.includes(`  rules:
    - matches:
        - path:
            type: PathPrefix
            value: /
          headers:
            - name: X-Canary
              value: always
      backendRefs:
        - name: web-v2
          port: 80
    - matches:
        - path:
            type: PathPrefix
            value: /
      backendRefs:
        - name: web
          port: 80
          weight: 80
        - name: web-v2
          port: 80
          weight: 20
`),
    text,
  );
  assert.deepEqual(translated(result), [
    "canary: merged into the main Ingress's routes",
    'canary-by-header: a rule matching that header, sending to the canary',
    'canary-weight: weight of the canary backendRef',
  ]);
});

test('permanent-redirect with its code, temporal-redirect, and app-root become RequestRedirect filters', () => {
  const rules = SIMPLE_RULES.replace('/app(/|$)(.*)', '/').replace('ImplementationSpecific', 'Prefix');
  const permanent = migrate(`# file: ingress.yaml\n${ingress({ 'nginx.ingress.kubernetes.io/permanent-redirect': 'https://www.example.org/new', 'nginx.ingress.kubernetes.io/permanent-redirect-code': '308' }, rules)}`);
  assert.ok(
    permanent.text.includes(`    - matches:
        - path:
            type: PathPrefix
            value: /
      filters:
        - type: RequestRedirect
          requestRedirect:
            scheme: https
            hostname: www.example.org
            path:
              type: ReplaceFullPath
              replaceFullPath: /new
            statusCode: 308
`),
    permanent.text,
  );
  assert.ok(!permanent.text.includes('backendRefs'), 'a redirected rule has no backends');
  assert.deepEqual(translated(permanent.result), ['permanent-redirect: RequestRedirect to https://www.example.org/new (308)', 'permanent-redirect-code: RequestRedirect statusCode 308']);
  assert.ok(permanent.result.warnings.includes('permanent-redirect: status 308 is an extended Gateway API feature; check that approuting-istio supports it'));

  const temporal = migrate(`# file: ingress.yaml\n${ingress({ 'nginx.ingress.kubernetes.io/temporal-redirect': 'http://maintenance.example.org:8080/' }, rules)}`);
  assert.ok(temporal.text.includes('            scheme: http\n            hostname: maintenance.example.org\n            port: 8080\n            path:\n              type: ReplaceFullPath\n              replaceFullPath: /\n            statusCode: 302\n'), temporal.text);

  const root = migrate(`# file: ingress.yaml\n${ingress({ 'nginx.ingress.kubernetes.io/app-root': '/app1' }, rules)}`);
  assert.ok(
    root.text.includes(`  rules:
    - matches:
        - path:
            type: Exact
            value: /
      filters:
        - type: RequestRedirect
          requestRedirect:
            path:
              type: ReplaceFullPath
              replaceFullPath: /app1
            statusCode: 302
`),
    root.text,
  );
  assert.deepEqual(translated(root.result), ['app-root: RequestRedirect of / to /app1 (302)']);
});

test('x-forwarded-prefix and server-alias; cert-manager annotations move to the Gateway', () => {
  const rules = SIMPLE_RULES.replace('/app(/|$)(.*)', '/').replace('ImplementationSpecific', 'Prefix');
  const { result, text } = migrate(
    `# file: ingress.yaml\n${ingress({ 'nginx.ingress.kubernetes.io/x-forwarded-prefix': '/shop', 'nginx.ingress.kubernetes.io/server-alias': 'www.example.com', 'cert-manager.io/cluster-issuer': 'letsencrypt' }, rules)}`,
  );
  assert.ok(text.includes('metadata:\n  name: shop\n  namespace: shop\n  annotations:\n    cert-manager.io/cluster-issuer: letsencrypt\n    netlens.io/migrated-from: shop/shop\nspec:\n  gatewayClassName: approuting-istio\n'), text);
  assert.ok(text.includes('  hostnames:\n    - shop.example.com\n    - www.example.com\n'), text);
  assert.ok(text.includes('        - type: RequestHeaderModifier\n          requestHeaderModifier:\n            set:\n              - name: X-Forwarded-Prefix\n                value: /shop\n'), text);
  assert.deepEqual(translated(result), [
    'cert-manager.io/cluster-issuer: copied to the Gateway (cert-manager issues certificates for Gateway listeners from it)',
    'server-alias: hostnames www.example.com added to the routes',
    'x-forwarded-prefix: RequestHeaderModifier set X-Forwarded-Prefix: /shop',
  ]);
});

test('the AKS Key Vault certificate becomes the approuting-istio listener option, with a reminder of the service account', () => {
  const spec = `  tls: [{hosts: [shop.example.com], secretName: keyvault-shop}]\n${SIMPLE_RULES.replace('/app(/|$)(.*)', '/').replace('ImplementationSpecific', 'Prefix')}`;
  // The migration cannot know the ServiceAccount: keyvault-tls-misconfigured reports its absence, as the warning does.
  const { result, text } = migrate(`# file: ingress.yaml\n${ingress({ 'kubernetes.azure.com/tls-cert-keyvault-uri': 'https://shop-kv.vault.azure.net/certificates/shop' }, spec)}`, {}, 'shop', [
    'keyvault-tls-misconfigured: listener `https-shop-example-com` of Gateway `shop` has a Key Vault certificate but no `kubernetes.azure.com/tls-cert-service-account`',
  ]);
  assert.ok(
    text.includes(`      tls:
        mode: Terminate
        certificateRefs:
          - kind: Secret
            name: keyvault-shop
        options:
          kubernetes.azure.com/tls-cert-keyvault-uri: https://shop-kv.vault.azure.net/certificates/shop
`),
    text,
  );
  assert.ok(result.warnings.some((w) => w.includes('kubernetes.azure.com/tls-cert-service-account')));
});

test('every annotation without a standard equivalent is listed with its reason, in the output and in the result', () => {
  const rules = SIMPLE_RULES.replace('/app(/|$)(.*)', '/').replace('ImplementationSpecific', 'Prefix');
  const { result, text } = migrate(
    `# file: ingress.yaml\n${ingress(
      {
        'nginx.ingress.kubernetes.io/enable-cors': 'true',
        'nginx.ingress.kubernetes.io/whitelist-source-range': '10.0.0.0/8',
        'nginx.ingress.kubernetes.io/configuration-snippet': 'more_set_headers "X: y";',
        'nginx.ingress.kubernetes.io/affinity': 'cookie',
        'nginx.ingress.kubernetes.io/proxy-read-timeout': '120',
        'nginx.ingress.kubernetes.io/backend-protocol': 'HTTPS',
        'nginx.ingress.kubernetes.io/canary-by-cookie': 'beta',
        'example.com/team': 'storefront',
      },
      rules,
    )}`,
    // whitelist-source-range is a security annotation: without force the Ingress is not migrated (tested below).
    { force: true },
  );
  assert.deepEqual(untranslated(result), [
    'example.com/team: an annotation of another tool or controller: check whether it applies to Gateway API objects',
    'affinity: session persistence is not in Gateway API\'s standard channel (experimental sessionPersistence / BackendLBPolicy)',
    'backend-protocol: declare the backend protocol on the Service port instead (`appProtocol: kubernetes.io/h2c`, `https`, `grpc`), or with a BackendTLSPolicy for TLS to the pods',
    'canary-by-cookie: cookie-based canaries have no standard match (headers only: match the Cookie header with a regular expression, implementation-specific)',
    'configuration-snippet: raw NGINX configuration has no equivalent outside NGINX',
    'enable-cors: CORS is not in Gateway API\'s standard channel (only an experimental HTTPRoute filter); configure it in the application or the implementation',
    'proxy-read-timeout: Gateway API has per-rule `timeouts` (request, backendRequest) for whole requests, not NGINX\'s per-connect/read/send timeouts; set HTTPRoute `timeouts` by hand if that fits',
    'whitelist-source-range: Gateway API has no standard client-IP filtering: restrict sources with a NetworkPolicy, the load balancer (loadBalancerSourceRanges, NSG) or the implementation\'s policy',
  ]);
  for (const u of result.untranslated) assert.ok(text.includes(`#   shop/shop: ${u.annotation}: ${JSON.stringify(u.value)} -- ${u.detail}\n`), `${u.annotation} not listed in the output`);
});

test('all Ingresses of a class at once: one Gateway per namespace named after the class, a route per Ingress', () => {
  const ws = fixtureWorkspace(`${APP}# file: ingress.yaml
${ingress({}, SIMPLE_RULES.replace('/app(/|$)(.*)', '/').replace('ImplementationSpecific', 'Prefix'), 'storefront')}---
${ingress({}, SIMPLE_RULES.replace('/app(/|$)(.*)', '/api').replace('ImplementationSpecific', 'Prefix').replace('name: web, port: {number: 80}', 'name: api, port: {number: 9000}'), 'api')}---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: other, namespace: shop}
spec:
  ingressClassName: azure-alb-external
  defaultBackend: {service: {name: web, port: {number: 80}}}
`);
  const ingresses = ingressesOfClass(ws.analysis.index, 'webapprouting.kubernetes.azure.com');
  assert.deepEqual(ingresses.map((i) => i.name), ['api', 'storefront']);
  const result = migrateIngresses(ws.ctx, ingresses);
  assert.deepEqual(result.gateways, ['shop/approuting-istio']);
  assert.deepEqual(result.routes, ['shop/api', 'shop/storefront']);
  assert.equal(result.change.newFiles[0]!.file, 'shop-gateway-api.yaml');
  const after = workspaceOf(apply(ws, result.change));
  assert.deepEqual(after.analysis.allFindings().filter((f) => f.file === 'shop-gateway-api.yaml'), []);
});

test('other GatewayClasses: istio by choice; Application Gateway for Containers gets the alb association annotations', () => {
  const rules = SIMPLE_RULES.replace('/app(/|$)(.*)', '/').replace('ImplementationSpecific', 'Prefix');
  const istio = migrate(`# file: ingress.yaml\n${ingress({}, rules)}`, { gatewayClass: 'istio', gatewayName: 'public' });
  assert.deepEqual(istio.result.gateways, ['shop/public']);
  assert.ok(istio.text.includes('  gatewayClassName: istio\n'));
  const agc = fixtureWorkspace(`${APP}# file: ingress.yaml
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: shop
  annotations:
    alb.networking.azure.io/alb-name: alb-test
    alb.networking.azure.io/alb-namespace: alb-infra
    alb.networking.azure.io/alb-frontend: fe
spec:
  ingressClassName: azure-alb-external
${rules}`);
  const result = migrateIngress(agc.ctx, agc.analysis.index.ofKind('Ingress')[0]!);
  assert.equal(result.gatewayClass, 'azure-alb-external');
  const text = result.change.newFiles[0]!.text;
  assert.ok(text.includes('  annotations:\n    alb.networking.azure.io/alb-name: alb-test\n    alb.networking.azure.io/alb-namespace: alb-infra\n    netlens.io/migrated-from: shop/shop\nspec:\n  gatewayClassName: azure-alb-external\n'), text);
  assert.deepEqual(untranslated(result), ['alb.networking.azure.io/alb-frontend: an Application Gateway for Containers Ingress setting; on Gateway API use its Gateway annotations and policies']);
  // AGC does not redirect by default: no redirect route without TLS, and the warning is not given.
  assert.deepEqual(result.routes, ['shop/shop']);
});

import { test } from 'node:test';
import { SHOP, SHOP_WITH_GATEWAY } from './fixtures';
import { assertHover, assertNoHoverText, cursorIn, hoverAt } from './support';
import assert from 'node:assert/strict';

test('Service name: ports resolved to pods with replicas and file:line, routes listed, then the type explained', () => {
  const md = assertHover(
    cursorIn(SHOP, 'web.yaml', 'name: web\n  namespace: shop\nspec:\n  selector', 7),
    '**Service `shop/web`** · ClusterIP',
    '**Ports**',
    'port 80/TCP (`http`) → targetPort `http` → 8080 on 3 pods of Deployment `shop/web` ([web\\.yaml:4](web.yaml#L4))',
    '**Routed to by**',
    'Ingress `shop/web` ' + 'host shop\\.example\\.com \\/ → port 80' + ' ([ingress\\.yaml:',
    'virtual IP reachable only inside the cluster',
  );
  assertNoHoverText(md, 'externalTrafficPolicy');
});

test('LoadBalancer Service: L4, public Azure LB, NSG, externalTrafficPolicy Local, exposure path', () => {
  assertHover(
    cursorIn(SHOP, 'lb.yaml', 'LoadBalancer', 3),
    '**Service `shop/web-lb`** · LoadBalancer',
    'port 443/TCP → targetPort 8443 → 8443 on 3 pods of Deployment `shop/web`',
    '**From outside**',
    'Internet → public Azure LB `shop/web-lb`:443 → :8443',
    '(L4): forwards TCP/UDP connections by port and knows nothing of hosts, paths or HTTP',
    '**public** frontend IP',
    'NSG rules',
    'azure-load-balancer-internal',
    '**externalTrafficPolicy: Local**',
    'client source IP is kept',
    "health-check node port",
  );
});

test('Internal LoadBalancer says VNet, not Internet', () => {
  const fixture = SHOP.replace('  name: web-lb\n  namespace: shop\n', '  name: web-lb\n  namespace: shop\n  annotations:\n    service.beta.kubernetes.io/azure-load-balancer-internal: "true"\n');
  const md = assertHover(cursorIn(fixture, 'lb.yaml', 'LoadBalancer', 3), 'VNet → internal Azure LB `shop/web-lb`:443 → :8443', '**internal** Azure load balancer');
  assertNoHoverText(md, 'Internet →');
});

test('Service port targetPort: field doc then the landing of that port', () => {
  assertHover(cursorIn(SHOP, 'api.yaml', 'targetPort: http', 13), '**This port**', '→ 9000 on 2 pods of Deployment `shop/api` ([api\\.yaml:4](api.yaml#L4))');
});

test('Ingress name: route table to pods, TLS source, AKS app routing NGINX retirement, then L7', () => {
  assertHover(
    cursorIn(SHOP, 'ingress.yaml', 'name: web', 7),
    '**Ingress `shop/web`** · class `webapprouting.kubernetes.azure.com`',
    '**Routes**',
    '`shop.example.com` `/` (Prefix) → Service `web`:80 → targetPort `http` → 8080 on 3 pods of Deployment `shop/web` ([web\\.yaml:4](web.yaml#L4))',
    '**TLS**',
    '`shop.example.com`: Secret `shop-tls`: not in the workspace',
    "application routing add-on's managed NGINX",
    '`app-routing-system`',
    'kubernetes.azure.com/tls-cert-keyvault-uri',
    'March 2026',
    'Azure support for the managed NGINX ended after November 2026',
    '`approuting-istio`',
    '**L7**',
    'X-Forwarded-For',
    '_Prefix: whole path segments',
  );
});

test('Ingress TLS from Key Vault, cert-manager, or a workspace Secret', () => {
  const keyVault = SHOP.replace('  name: web\n  namespace: shop\nspec:\n  ingressClassName', '  name: web\n  namespace: shop\n  annotations:\n    kubernetes.azure.com/tls-cert-keyvault-uri: https://kv.vault.azure.net/certificates/shop\nspec:\n  ingressClassName');
  assertHover(cursorIn(keyVault, 'ingress.yaml', 'secretName', 2), 'Key Vault certificate `https://kv.vault.azure.net/certificates/shop`, synced by the add-on into Secret `shop-tls`');
  const certManager = SHOP.replace('  name: web\n  namespace: shop\nspec:\n  ingressClassName', '  name: web\n  namespace: shop\n  annotations:\n    cert-manager.io/cluster-issuer: letsencrypt\nspec:\n  ingressClassName');
  assertHover(cursorIn(certManager, 'ingress.yaml', 'secretName', 2), 'cert-manager (ClusterIssuer `letsencrypt`) issues it into Secret `shop-tls`');
  const secret = `${SHOP}
# file: secret.yaml
apiVersion: v1
kind: Secret
metadata: {name: shop-tls, namespace: shop}
type: kubernetes.io/tls
`;
  assertHover(cursorIn(secret, 'ingress.yaml', 'secretName', 2), 'Secret `shop-tls` ([secret\\.yaml:3](secret.yaml#L3))');
});

test('Ingress backend with a missing Service says so, with a suggestion', () => {
  const fixture = SHOP.replace('                name: web\n', '                name: wbe\n');
  assertHover(cursorIn(fixture, 'ingress.yaml', 'name: wbe', 7), '**Backend**', '**no Service `wbe` in `shop`** (did you mean `web`?)');
});

test('Ingress controllers: AGC is Azure-hosted, ingress-nginx retired, unknown class', () => {
  assertHover(cursorIn(SHOP.replace('webapprouting.kubernetes.azure.com', 'azure-alb-external'), 'ingress.yaml', 'name: web', 7), 'Application Gateway for Containers', 'Azure-hosted', 'ipBlock');
  assertHover(cursorIn(SHOP.replace('webapprouting.kubernetes.azure.com', 'nginx'), 'ingress.yaml', 'name: web', 7), 'community ingress-nginx', '**Retired:**', 'March 2026');
  assertHover(cursorIn(SHOP.replace('webapprouting.kubernetes.azure.com', 'nginx-internal'), 'ingress.yaml', 'name: web', 7), 'class `nginx-internal` is not one Netlens knows');
});

test('NetworkPolicy summary: the picture (selected pods, whom it admits as the model resolves it, what it newly blocks), then each rule', () => {
  assertHover(
    cursorIn(SHOP, 'policies.yaml', 'name: api-from-web', 7),
    '**NetworkPolicy `shop/api-from-web`**\n',
    '- **Selects** 2 pods (Deployment `shop/api`)\n',
    '- **Ingress:** admits Deployment `shop/web` (TCP 9000); blocks nothing new: `default-deny` isolates these pods for ingress already\n\n',
    '**Ingress:** isolated; also isolated by `default-deny`.',
    '- admits pods `app=web` in `shop` on TCP `http` — matches Deployment `shop/web`',
    '**Egress:** not isolated by this policy.',
  );
  assertHover(
    cursorIn(SHOP, 'policies.yaml', 'name: default-deny', 7),
    '- **Selects** 5 pods (Deployment `shop/api`: 2 pods, Deployment `shop/web`: 3 pods)\n',
    '- **Ingress:** admits nothing; newly blocks all other ingress to Deployment `shop/web`\n\n',
    '**Ingress:** isolated; admits nothing (deny all ingress); also isolated by `api-from-web`.',
    '**Egress:** not isolated by this policy.',
  );
  const both = SHOP.replace('policyTypes: [Ingress]', 'policyTypes: [Ingress, Egress]');
  assertHover(cursorIn(both, 'policies.yaml', 'name: api-from-web', 7), '- **Ingress:** admits Deployment `shop/web` (blocked: its egress policies drop it)', '**Egress:** not isolated by this policy; also isolated by `default-deny`.');
  assertHover(cursorIn(both, 'policies.yaml', 'name: default-deny', 7), '- **Egress:** allows nothing; newly blocks all other egress from Deployment `shop/api`, Deployment `shop/web`', '**Egress:** isolated; allows nothing (deny all egress).');
});

test('NetworkPolicy rules written for a direction policyTypes leaves out are called ignored', () => {
  const fixture = `
# file: p.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p$0, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Ingress]
  egress:
    - to: [{podSelector: {}}]
`;
  assertHover(fixture, '**Egress:** not isolated by this policy.', 'rules are **ignored**: `policyTypes` does not list Egress');
});

test('NetworkPolicy peer: the workloads and namespaces it matches', () => {
  assertHover(cursorIn(SHOP, 'policies.yaml', 'app: web', 2), '**Peer** pods `app=web` in `shop`', 'Matches:', 'Deployment `shop/web` ([web\\.yaml:4](web.yaml#L4))');
  const fixture = `
# file: p.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: shop}
spec:
  podSelector: {}
  ingress:
    - from:
        - namespaceSelector:
            matchLabels:
              team: ops$0
# file: ns.yaml
apiVersion: v1
kind: Namespace
metadata: {name: monitoring, labels: {team: ops}}
---
apiVersion: v1
kind: Pod
metadata: {name: prom, namespace: monitoring, labels: {app: prom}}
spec: {containers: [{name: p, image: p}]}
`;
  assertHover(fixture, '**Peer** every pod in namespaces `team=ops`', 'Namespaces: `monitoring`', 'Pod `monitoring/prom`');
});

test('NetworkPolicy named port: the number per destination pod', () => {
  assertHover(cursorIn(SHOP, 'policies.yaml', 'port: http', 7), '**Named port** `http`/TCP resolves on each destination pod:', '- Deployment `shop/api`: 9000');
});

test('Selector that matches nothing names the closest workloads and what differs', () => {
  const fixture = SHOP.replace('  selector:\n    app: api\n', '  selector:\n    app: apj\n');
  assertHover(cursorIn(fixture, 'api.yaml', 'app: apj', 6), '**Service selector** `app=apj` in namespace `shop`', 'Matches no workload.', 'Closest:', 'Deployment `shop/api` ([api\\.yaml:4](api.yaml#L4)): has `app=api`, wants `app=apj`');
});

test('Selector lists matched workloads with locations', () => {
  assertHover(cursorIn(SHOP, 'api.yaml', '    app: api\n  ports', 6), '**Service selector** `app=api`', 'Matches:\n- Deployment `shop/api` ([api\\.yaml:4](api.yaml#L4))');
});

test('Workload name: the picture first (Services, who inside may connect, each way in with its verdict), then the rules', () => {
  assertHover(
    cursorIn(SHOP, 'api.yaml', 'name: api', 7),
    '**Deployment `shop/api`** · 2 pods · ports `http` 9000/TCP\n',
    '- **Behind** Service `shop/api` ([api\\.yaml:',
    '\n- **Inside the cluster:** isolated for ingress by `api-from-web`, `default-deny`; Deployment `shop/web`: TCP 9000\n',
    '- **From outside:** not exposed',
    'Admitted by the policies:\n- pods `app=web` in `shop` on TCP `http` (`api-from-web`)',
  );
  const web = assertHover(
    cursorIn(SHOP, 'web.yaml', 'name: web', 7),
    '- **Inside the cluster:** isolated for ingress by `default-deny`; no workload of the workspace may connect\n',
    "- **From outside:** Internet → app routing NGINX → Ingress `shop/web` host `shop.example.com` `/` → Service `web`:`http` → :8080: blocked: the pods' NetworkPolicies drop it\n",
    "- **From outside:** Internet → public Azure LB `shop/web-lb`:443 → :8443: blocked: the pods' NetworkPolicies drop it\n\n",
    'No rule admits anything: deny all ingress.',
  );
  // Each way in is said once: in the picture, with its verdict.
  assert.equal(web.split('public Azure LB').length, 2, web);
});

test('Workload name: the picture names the first sources, the whole list follows below it', () => {
  const client = (name: string) => `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: x}
spec:
  selector: {matchLabels: {app: ${name}}}
  template: {metadata: {labels: {app: ${name}}}, spec: {containers: [{name: c, image: c}]}}
`;
  const fixture = `# file: a.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: db, namespace: x}
spec:
  selector: {matchLabels: {app: db}}
  template: {metadata: {labels: {app: db}}, spec: {containers: [{name: c, image: c, ports: [{containerPort: 5432}]}]}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db, namespace: x}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress: [{from: [{podSelector: {}}], ports: [{port: 5432}]}]
${['a', 'b', 'c', 'd'].map(client).join('')}`;
  const markdown = assertHover(cursorIn(fixture, 'a.yaml', 'name: db', 7), '- **Inside the cluster:** isolated for ingress by `db`; ', '; and 1 more (below)\n', 'Who can connect (4 workloads of the workspace):\n');
  for (const name of ['a', 'b', 'c', 'd']) assert.ok(markdown.includes(`- Deployment \`x/${name}\`: TCP 5432`), `${name} listed:\n${markdown}`);
});

test('A workload no policy isolates is reachable from everywhere', () => {
  const fixture = `
# file: a.yaml
apiVersion: v1
kind: Pod
metadata: {name: solo$0, namespace: x, labels: {app: solo}}
spec: {containers: [{name: c, image: c}]}
`;
  assertHover(fixture, '**Pod `x/solo`** · 1 pod', 'not isolated for ingress: every pod and every address may connect on every port');
});

test('Field docs come from the knowledge base', () => {
  assertHover(cursorIn(SHOP, 'policies.yaml', 'policyTypes', 2), '**NetworkPolicy `shop/default-deny`**');
  const md = hoverAt(cursorIn(SHOP, 'ingress.yaml', 'pathType', 2));
  assert.ok(md && md.includes('pathType'), md);
});

test('HTTPRoute and Gateway: parents, class, rules resolved; listeners and attached routes', () => {
  const fixture = SHOP_WITH_GATEWAY;
  assertHover(cursorIn(fixture, 'route.yaml', 'name: shop', 7), '**HTTPRoute `shop/shop`** · `shop.example.com`', '**Attached to**', 'Gateway `infra/public` (class `approuting-istio`) ([gw\\.yaml:3](gw.yaml#L3))', '`/` (PathPrefix) → Service `web`:80 → targetPort `http` → 8080 on 3 pods of Deployment `shop/web`');
  assertHover(
    cursorIn(fixture, 'gw.yaml', 'name: public', 7),
    '**Gateway `infra/public`** · class `approuting-istio`\n',
    '- **Listener** `https` HTTPS:443 host `shop.example.com`, certificate Secret `shop-cert` (not in the workspace)\n',
    '- **Route** HTTPRoute `shop/shop` ([route\\.yaml:',
    "- **From outside:** Internet → Gateway `infra/public` (`approuting-istio`):443 → HTTPRoute `shop/shop` host `shop.example.com` `/` → Service `web`:`http` → :8080 on Deployment `shop/web`: blocked: the pods' NetworkPolicies drop it\n\n",
    'application routing add-on, Gateway API mode',
  );
});

test('A cross-namespace backendRef without a ReferenceGrant is refused', () => {
  const fixture = `
# file: route.yaml
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: other}
spec:
  parentRefs: [{name: gw}]
  rules:
    - backendRefs: [{name: web$0, namespace: shop, port: 80}]
# file: svc.yaml
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}, ports: [{port: 80}]}
`;
  assertHover(fixture, '**refused**: no ReferenceGrant in `shop`');
});

test('Hovers never throw on broken input, at any offset', () => {
  const broken = 'kind: Service\napiVersion: v1\nmetadata: {name: x\nspec:\n  ports: [{port: "a", targetPort: }]\n  selector: [1, 2\n---\n- - : :\n';
  for (let i = 0; i <= broken.length; i++) {
    const fixture = `\n# file: bad.yaml\n${broken.slice(0, i)}$0${broken.slice(i)}`;
    assert.doesNotThrow(() => hoverAt(fixture));
  }
});

test('Annotation keys: the kb doc with value hint and default; an unknown key under a known prefix says so', () => {
  const annotated = (key: string) => SHOP.replace('  name: web-lb\n  namespace: shop\n', `  name: web-lb\n  namespace: shop\n  annotations:\n    ${key}: "true"\n`);
  const md = assertHover(cursorIn(annotated('service.beta.kubernetes.io/azure-load-balancer-internal'), 'lb.yaml', 'azure-load', 3), '**`service.beta.kubernetes.io/azure-load-balancer-internal`**', 'Value:', '[Source](');
  assert.ok(md.includes('Default:'), md);
  assertHover(cursorIn(annotated('service.beta.kubernetes.io/azure-load-balancer-internl'), 'lb.yaml', 'azure-load', 3), 'Not a known annotation under `service.beta.kubernetes.io/azure-`', 'Did you mean `service.beta.kubernetes.io/azure-load-balancer-internal`?');
  assert.equal(hoverAt(cursorIn(annotated('example.com/whatever'), 'lb.yaml', 'whatever', 3)), undefined);
});

test('Workload name: exposure beyond the workspace (issue 21), the pods a rule admits that no workload holds', () => {
  const fixture = `# file: app.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: c, image: x, ports: [{containerPort: 8080}]}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
  - from: [{namespaceSelector: {matchLabels: {team: ops}}}]
    ports: [{port: 8080}]
  - from: [{namespaceSelector: {}}]
    ports: [{port: 9090}]
`;
  assertHover(
    cursorIn(fixture, 'app.yaml', 'name: api', 7),
    '**Exposure beyond the workspace**',
    '- any pod of the cluster: TCP 9090',
    '- pods of `[namespace with {team=ops}]/[all pods]`: TCP 8080,9090',
  );
});

test('Gateway name: the ways in through a Gateway with many routes are bounded and say so', () => {
  const route = (i: number) => `---
apiVersion: v1
kind: Service
metadata: {name: s${i}, namespace: shop}
spec: {selector: {app: web}, ports: [{port: 80, targetPort: http}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r${i}, namespace: shop}
spec:
  parentRefs: [{name: public, namespace: infra}]
  rules: [{matches: [{path: {type: PathPrefix, value: /p${i}}}], backendRefs: [{name: s${i}, port: 80}]}]
`;
  const fixture = `${SHOP_WITH_GATEWAY}${Array.from({ length: 14 }, (_, i) => route(i)).join('')}`;
  const markdown = assertHover(cursorIn(fixture, 'gw.yaml', 'name: public', 7), '- **Routes attached:** 15 (below)\n', '- **From outside:** 10 or more ways in (below)\n', '**From outside**\n', '- … and possibly more');
  assert.equal(markdown.split('\n').filter((l) => l.startsWith('- Internet → Gateway')).length, 10, markdown);
});

/**
 * NetworkPolicy fixes, on findings the NetworkPolicy rules produce: whole texts after the fix, then the analysis
 * again (the finding is gone, nothing new), and for the admits the engine's reach says exactly what was opened.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { admitIngressControllerChange, ADMIT_INGRESS_CONTROLLER_COMMAND, deniedDirections, type AdmitControllerArguments } from '../../server/src/engine/fixes/index';
import { buildNetpolModel, connectivity, formatConnections } from '../../server/src/engine/netpol/index';
import { connectivityList, reachModelOf } from '../../server/src/engine/reach/index';
import { apply, assertFixed, findingOf, fixesOf, fixtureWorkspace, pickFix, workspaceOf } from './support';

const WEB = `apiVersion: apps/v1
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
          ports: [{name: http, containerPort: 8080}]
          env:
            - {name: DB_ADDR, value: "db:5432"}
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
metadata: {name: db, namespace: shop}
spec:
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: db, image: postgres, ports: [{containerPort: 5432}]}]
---
apiVersion: v1
kind: Service
metadata: {name: db, namespace: shop}
spec:
  selector: {app: db}
  ports: [{port: 5432}]
`;

const EGRESS_POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web-egress
  namespace: shop
spec:
  podSelector:
    matchLabels:
      app: web
  policyTypes: [Egress]
  egress:
  - to:
    - podSelector:
        matchLabels:
          app: db
    ports:
    - port: 5432
`;

const DNS_RULE_FLUSH = `  - to:
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
      port: 53`;

test('netpol-egress-blocks-dns: the DNS rule joins the policy, in its own (flush) sequence style', () => {
  const ws = fixtureWorkspace(`# file: app.yaml\n${WEB}# file: policy.yaml\n${EGRESS_POLICY}`);
  const finding = findingOf(ws, 'netpol-egress-blocks-dns');
  assert.deepEqual(finding.data, { policy: 'shop/web-egress', namespace: 'shop', podSelector: { matchLabels: { app: 'web' }, matchExpressions: [] }, udp: false, tcp: false, verdict: 'denied', workloads: ['Deployment/web'] });
  const fixes = fixesOf(ws, finding);
  assert.deepEqual(fixes.map((f) => [f.title, !!f.isPreferred]), [
    ['Allow DNS (UDP and TCP 53 to kube-dns) in `web-egress`', true],
    ['Add a separate policy `allow-dns-web-egress` allowing DNS for the same pods', false],
  ]);
  const after = apply(ws, fixes[0]!.change);
  assert.equal(after.get('policy.yaml'), `${EGRESS_POLICY}${DNS_RULE_FLUSH}\n`);
  assertFixed(ws, after, finding);
});

test('netpol-egress-blocks-dns: a separate allow-dns policy for the same pods, appended to the policy file', () => {
  const ws = fixtureWorkspace(`# file: app.yaml\n${WEB}# file: policy.yaml\n${EGRESS_POLICY}`);
  const finding = findingOf(ws, 'netpol-egress-blocks-dns');
  const after = apply(ws, pickFix(fixesOf(ws, finding), 'separate policy').change);
  assert.equal(
    after.get('policy.yaml'),
    `${EGRESS_POLICY}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-dns-web-egress
  namespace: shop
spec:
  podSelector:
    matchLabels:
      app: web
  policyTypes:
  - Egress
  egress:
${DNS_RULE_FLUSH}
`,
  );
  assertFixed(ws, after, finding);
});

test('netpol-egress-blocks-dns: a policy without an egress list gets one (flow spec stays flow)', () => {
  const policy = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: lockdown, namespace: shop}
spec: {podSelector: {matchLabels: {app: web}}, policyTypes: [Ingress, Egress]}
`;
  const ws = fixtureWorkspace(`# file: app.yaml\n${WEB}# file: policy.yaml\n${policy}`);
  const finding = findingOf(ws, 'netpol-egress-blocks-dns');
  const after = apply(ws, pickFix(fixesOf(ws, finding), 'Allow DNS').change);
  assert.equal(
    after.get('policy.yaml'),
    `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: lockdown, namespace: shop}
spec: {podSelector: {matchLabels: {app: web}}, policyTypes: [Ingress, Egress], egress: [{to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}], ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]}]}
`,
  );
  assertFixed(ws, after, finding);
});

test('netpol-policytypes-ignores-rules: add the direction (flow list) or remove the dead rules; neither is preferred nor safe', () => {
  const policy = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web
  namespace: shop
spec:
  podSelector:
    matchLabels: {app: web}
  policyTypes: [Ingress]   # egress was meant too
  ingress:
    - from: [{podSelector: {}}]
  egress:
    # the database
    - to: [{podSelector: {matchLabels: {app: db}}}]
      ports: [{port: 5432}]
    - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]
      ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
`;
  const ws = fixtureWorkspace(`# file: app.yaml\n${WEB}# file: policy.yaml\n${policy}`);
  const finding = findingOf(ws, 'netpol-policytypes-ignores-rules');
  assert.deepEqual(finding.data, { policy: 'shop/web', direction: 'Egress' });
  const fixes = fixesOf(ws, finding);
  assert.deepEqual(fixes.map((f) => [f.title, !!f.isPreferred, !!f.safe]), [
    ['Add Egress to policyTypes (enforce the egress rules of `web`)', false, false],
    ['Remove the egress rules that policyTypes ignores', false, false],
  ]);
  const added = apply(ws, fixes[0]!.change);
  assert.equal(added.get('policy.yaml'), policy.replace('policyTypes: [Ingress]', 'policyTypes: [Ingress, Egress]'));
  assertFixed(ws, added, finding);
  const removed = apply(ws, fixes[1]!.change);
  assert.equal(
    removed.get('policy.yaml'),
    `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web
  namespace: shop
spec:
  podSelector:
    matchLabels: {app: web}
  policyTypes: [Ingress]   # egress was meant too
  ingress:
    - from: [{podSelector: {}}]
`,
  );
  assertFixed(ws, removed, finding);
});

test('netpol-policytypes-ignores-rules: a block policyTypes list gets a new item at its indentation', () => {
  const policy = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes:
    - Egress
  ingress:
    - from: [{podSelector: {}}]
  egress:
    - {}
`;
  const ws = fixtureWorkspace(`# file: app.yaml\n${WEB}# file: policy.yaml\n${policy}`);
  const finding = findingOf(ws, 'netpol-policytypes-ignores-rules');
  const after = apply(ws, pickFix(fixesOf(ws, finding), 'Add Ingress').change);
  assert.equal(after.get('policy.yaml'), policy.replace('    - Egress\n', '    - Egress\n    - Ingress\n'));
  assertFixed(ws, after, finding);
});

const INGRESS_SETUP = `# file: app.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web, tier: front}}
    spec:
      containers: [{name: web, image: nginx, ports: [{name: http, containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: http}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Ingress]
`;

const INGRESS = (className: string) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec:
  ingressClassName: ${className}
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend: {service: {name: web, port: {number: 80}}}
`;

const ADMIT_POLICY = (peer: string) => `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-ingress-to-web
  namespace: shop
spec:
  podSelector:
    matchLabels:
      app: web
  policyTypes:
    - Ingress
  ingress:
    - from:
${peer}
      ports:
        - protocol: TCP
          port: 8080
`;

test('netpol-blocks-ingress-controller: the application routing controller namespace is admitted on the target port only', () => {
  const ws = fixtureWorkspace(`${INGRESS_SETUP}# file: ingress.yaml\n${INGRESS('webapprouting.kubernetes.azure.com')}`);
  const finding = findingOf(ws, 'netpol-blocks-ingress-controller');
  const fix = pickFix(fixesOf(ws, finding), 'Admit the ingress controller');
  assert.equal(fix.title, 'Admit the ingress controller of `webapprouting.kubernetes.azure.com` (namespace app-routing-system) to `web` on 8080/TCP');
  assert.equal(fix.isPreferred, true);
  const after = apply(ws, fix.change);
  assert.equal(
    after.get('ingress.yaml'),
    INGRESS('webapprouting.kubernetes.azure.com') +
      ADMIT_POLICY(`        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: app-routing-system`),
  );
  const next = assertFixed(ws, after, finding);
  // Exactly the controller, exactly 8080: nothing else reaches web.
  const lines = connectivityList(reachModelOf(next.analysis.index)).map((c) => `${c.src.id} => ${c.dst.id} : ${formatConnections(c.allowed)}`);
  assert.deepEqual(lines.filter((l) => l.includes('=> shop/web')), ['{ingress-controller} => shop/web[Deployment] : TCP 8080']);
});

test('netpol-blocks-ingress-controller: an approuting-istio Gateway admits its own proxy pods, not the whole namespace', () => {
  const route = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: public, namespace: shop}
spec:
  gatewayClassName: approuting-istio
  listeners: [{name: http, protocol: HTTP, port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop, namespace: shop}
spec:
  parentRefs: [{name: public}]
  rules: [{backendRefs: [{name: web, port: 80}]}]
`;
  const ws = fixtureWorkspace(`${INGRESS_SETUP}# file: route.yaml\n${route}`);
  const finding = findingOf(ws, 'netpol-blocks-ingress-controller');
  const after = apply(ws, pickFix(fixesOf(ws, finding), 'Admit the ingress controller').change);
  assert.equal(
    after.get('route.yaml'),
    route +
      ADMIT_POLICY(`        - podSelector:
            matchLabels:
              gateway.networking.k8s.io/gateway-name: public`),
  );
  // The Gateway's proxy pods are created by Istio (never in the workspace); netpol-peer-selects-nothing knows that the
  // label selects them, so the fix adds no finding.
  assertFixed(ws, after, finding);
});

test('netpol-blocks-ingress-controller: Application Gateway for Containers without a known subnet asks for the CIDR', () => {
  const ws = fixtureWorkspace(`${INGRESS_SETUP}# file: ingress.yaml\n${INGRESS('azure-alb-external')}`);
  const finding = findingOf(ws, 'netpol-blocks-ingress-controller');
  const fixes = fixesOf(ws, finding);
  assert.equal(fixes.length, 1);
  const fix = fixes[0]!;
  assert.match(fix.title, /asks for the controller's subnet CIDR/);
  assert.deepEqual(fix.change, { edits: [], newFiles: [] });
  assert.equal(fix.command?.command, ADMIT_INGRESS_CONTROLLER_COMMAND);
  const args = fix.command!.arguments[0] as AdmitControllerArguments;
  assert.equal(args.file, 'ingress.yaml');
  // What the command does once the client has the CIDR:
  assert.deepEqual(admitIngressControllerChange(ws.ctx, args), { error: 'where the controller of azure-alb-external runs is unknown: pass controllerCidr (its subnet) or controllerNamespace, or set ingressControllers in .netlens.yaml' });
  for (const typo of ['10.225.0.0', '10.225.0.0/33', 'subnet-a']) {
    assert.deepEqual(admitIngressControllerChange(ws.ctx, { ...args, data: { ...args.data, controllerCidr: typo } }), { error: `controllerCidr \`${typo}\` is not a CIDR (for example 10.225.0.0/24)` });
  }
  const result = admitIngressControllerChange(ws.ctx, { ...args, data: { ...args.data, controllerCidr: '10.225.0.0/24' } });
  assert.ok('edits' in result);
  const after = apply(ws, { edits: result.edits, newFiles: [] });
  assert.equal(
    after.get('ingress.yaml'),
    INGRESS('azure-alb-external') +
      ADMIT_POLICY(`        - ipBlock:
            cidr: 10.225.0.0/24`),
  );
  // With the subnet stated in the profile, the rule judges exactly and finds nothing.
  const profile = { ingressControllers: [{ class: 'azure-alb-external', subnetCidr: '10.225.0.0/24' }] };
  const before = workspaceOf(ws.texts, { profile });
  assert.ok(before.analysis.allFindings().some((f) => f.ruleId === 'netpol-blocks-ingress-controller'));
  assertFixed(before, after, findingOf(before, 'netpol-blocks-ingress-controller'));
});

const DEPENDENCY = `# file: cart.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: cart, namespace: shop}
spec:
  selector: {matchLabels: {app: cart}}
  template:
    metadata: {labels: {app: cart}}
    spec:
      containers: [{name: cart, image: cart, ports: [{name: grpc, containerPort: 7070}]}]
---
apiVersion: v1
kind: Service
metadata: {name: cart, namespace: shop}
spec:
  selector: {app: cart}
  ports: [{port: 80, targetPort: grpc}]
# file: frontend.yaml
apiVersion: apps/v1
kind: Deployment
metadata: {name: frontend, namespace: web}
spec:
  selector: {matchLabels: {app: frontend}}
  template:
    metadata: {labels: {app: frontend}}
    spec:
      containers:
        - name: frontend
          image: frontend
          env:
            - name: CART_ADDR
              value: cart.shop.svc.cluster.local:80
`;

const DENY_BOTH = `# file: policies.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Ingress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: web}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]
      ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
`;

const CART_INGRESS = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: cart-from-frontend
  namespace: shop
spec:
  podSelector:
    matchLabels:
      app: cart
  policyTypes:
    - Ingress
  ingress:
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: web
          podSelector:
            matchLabels:
              app: frontend
      ports:
        - protocol: TCP
          port: 7070
`;

const FRONTEND_EGRESS = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: frontend-to-cart
  namespace: web
spec:
  podSelector:
    matchLabels:
      app: frontend
  policyTypes:
    - Egress
  egress:
    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: shop
          podSelector:
            matchLabels:
              app: cart
      ports:
        - protocol: TCP
          port: 7070
`;

function part(fixture: string, name: string): string {
  const start = fixture.indexOf(`# file: ${name}\n`) + `# file: ${name}\n`.length;
  const next = fixture.indexOf('# file: ', start);
  return fixture.slice(start, next < 0 ? undefined : next);
}

test('netpol-blocks-declared-dependency: denied both ways, an ingress policy for the target and an egress policy for the client, on the pod port', () => {
  const ws = fixtureWorkspace(`${DEPENDENCY}${DENY_BOTH}`);
  const finding = findingOf(ws, 'netpol-blocks-declared-dependency');
  assert.deepEqual(finding.data, { client: 'web/frontend', clientKind: 'Deployment', target: 'shop/cart', port: 7070, protocol: 'TCP', service: 'shop/cart', deniedBy: 'both' });
  const [fix] = fixesOf(ws, finding);
  assert.equal(fix!.title, 'Admit `frontend` to `cart` on 7070/TCP (ingress of `cart` and egress of `frontend`)');
  const after = apply(ws, fix!.change);
  assert.equal(after.get('cart.yaml'), part(DEPENDENCY, 'cart.yaml') + CART_INGRESS);
  assert.equal(after.get('frontend.yaml'), part(DEPENDENCY, 'frontend.yaml') + FRONTEND_EGRESS);
  const next = assertFixed(ws, after, finding);
  const lines = connectivity(buildNetpolModel(next.analysis.index)).map((c) => `${c.src.id} => ${c.dst.id} : ${formatConnections(c.allowed)}`);
  assert.deepEqual(lines.filter((l) => l.startsWith('web/') || l.includes('=> shop/')), ['web/frontend[Deployment] => shop/cart[Deployment] : TCP 7070']);
});

test('netpol-blocks-declared-dependency: denied by ingress only, only the target gets a policy (the client is not newly isolated)', () => {
  const ws = fixtureWorkspace(`${DEPENDENCY}${DENY_BOTH.replace(/---\n[^]*$/, '')}`);
  const finding = findingOf(ws, 'netpol-blocks-declared-dependency');
  assert.equal(finding.data?.deniedBy, 'ingress');
  const [fix] = fixesOf(ws, finding);
  const after = apply(ws, fix!.change);
  assert.equal(after.get('cart.yaml'), part(DEPENDENCY, 'cart.yaml') + CART_INGRESS);
  assert.equal(after.get('frontend.yaml'), ws.texts.get('frontend.yaml'));
  assertFixed(ws, after, finding);
});

test('deniedBy readings: a direction, both, lists and records', () => {
  assert.deepEqual(deniedDirections('egress'), ['Egress']);
  assert.deepEqual(deniedDirections('both'), ['Egress', 'Ingress']);
  assert.deepEqual(deniedDirections(['Ingress']), ['Ingress']);
  assert.deepEqual(deniedDirections([{ direction: 'Egress', policy: 'web/default-deny' }]), ['Egress']);
  assert.deepEqual(deniedDirections(undefined), ['Egress', 'Ingress']);
});

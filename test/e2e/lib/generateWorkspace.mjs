// A deterministic AKS-style workspace of N workloads for the connectivity graph's scale checks (the engine test
// test/features/graph.test.ts and the UI check that draws 200 workloads). No randomness: app i's choices follow
// from i, so a failure reproduces.
//
// Per namespace (25 apps each): a Namespace, a default-deny ingress policy (except every fourth namespace, which
// stays open), per app a Deployment (port 8080 `http`, env naming one or two other apps' Services), a ClusterIP
// Service, and an allow policy that admits the app's declared clients, except for every seventh app, whose
// clients are then denied. The first app of each namespace is a front end behind an Ingress (application routing)
// admitted from app-routing-system; every tenth app has a LoadBalancer Service (every other one internal); the
// first namespace has a Gateway with an HTTPRoute.

// Team names that the fixture workspace's namespaces (shop, edge, store, payments) do not use.
const TEAMS = ['retail', 'billing', 'identity', 'search', 'media', 'ledger', 'notify', 'reports', 'catalog', 'orders'];
const APPS = ['web', 'api', 'cart', 'checkout', 'pricing', 'stock', 'users', 'auth', 'queue', 'cache', 'mailer', 'images', 'audit'];

/** Files (relative path -> YAML text) of a workspace with `count` workloads. */
export function generateGraphWorkspace(count, perNamespace = 25) {
  const files = new Map();
  const apps = [];
  for (let i = 0; i < count; i++) {
    const nsIndex = Math.floor(i / perNamespace);
    const team = TEAMS[nsIndex % TEAMS.length];
    const ns = nsIndex < TEAMS.length ? team : `${team}-${Math.floor(nsIndex / TEAMS.length)}`;
    const local = i % perNamespace;
    const name = local === 0 ? 'frontend' : `${APPS[local % APPS.length]}-${local}`;
    apps.push({ i, ns, nsIndex, local, name });
  }
  const byNamespace = new Map();
  for (const app of apps) byNamespace.set(app.ns, [...(byNamespace.get(app.ns) ?? []), app]);

  // Who depends on whom: app -> the next app in its namespace, and every fifth app -> the api of the next namespace.
  const clientsOf = new Map(apps.map((a) => [a, []]));
  const dependenciesOf = new Map(apps.map((a) => [a, []]));
  for (const app of apps) {
    const siblings = byNamespace.get(app.ns);
    const next = siblings[(app.local + 1) % siblings.length];
    if (next !== app) dependenciesOf.get(app).push(next);
    if (app.local % 5 === 2) {
      const namespaces = [...byNamespace.keys()];
      const other = byNamespace.get(namespaces[(namespaces.indexOf(app.ns) + 1) % namespaces.length]);
      const target = other[1] ?? other[0];
      if (target && target !== app) dependenciesOf.get(app).push(target);
    }
    for (const dep of dependenciesOf.get(app)) clientsOf.get(dep).push(app);
  }

  for (const [ns, members] of byNamespace) {
    const nsIndex = members[0].nsIndex;
    const open = nsIndex % 4 === 3;
    const docs = [namespaceDoc(ns)];
    if (!open) docs.push(defaultDeny(ns));
    files.set(`${ns}/namespace.yaml`, docs.join('---\n'));
    for (const app of members) {
      const parts = [deployment(app, dependenciesOf.get(app)), service(app)];
      if (app.i % 10 === 5) parts.push(loadBalancer(app, app.i % 20 === 5));
      if (!open) {
        const clients = app.i % 7 === 3 ? [] : clientsOf.get(app);
        if (clients.length || app.local === 0) parts.push(allowPolicy(app, clients));
      }
      if (app.local === 0) parts.push(ingress(app));
      files.set(`${ns}/${app.name}.yaml`, parts.join('---\n'));
    }
  }
  const first = apps[0];
  if (first) files.set(`${first.ns}/gateway.yaml`, gateway(first.ns, byNamespace.get(first.ns)[1] ?? first));
  return files;
}

function namespaceDoc(ns) {
  return `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n  labels:\n    team: ${ns}\n`;
}

function defaultDeny(ns) {
  return `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny\n  namespace: ${ns}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n`;
}

function deployment(app, dependencies) {
  const env = dependencies.map((dep, k) =>
    dep.ns === app.ns
      ? `            - name: DEP${k}_ADDR\n              value: ${dep.name}:80\n`
      : `            - name: DEP${k}_URL\n              value: http://${dep.name}.${dep.ns}.svc.cluster.local:80\n`,
  );
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app.name}
  namespace: ${app.ns}
spec:
  replicas: ${1 + (app.i % 3)}
  selector:
    matchLabels:
      app: ${app.name}
  template:
    metadata:
      labels:
        app: ${app.name}
        tier: ${app.local === 0 ? 'front' : 'back'}
    spec:
      containers:
        - name: ${app.name}
          image: contoso.azurecr.io/${app.ns}/${app.name}:1.0
          ports:
            - name: http
              containerPort: 8080
${env.length ? `          env:\n${env.join('')}` : ''}`;
}

function service(app) {
  return `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${app.name}\n  namespace: ${app.ns}\nspec:\n  selector:\n    app: ${app.name}\n  ports:\n    - name: http\n      port: 80\n      targetPort: http\n`;
}

function loadBalancer(app, internal) {
  const annotations = internal ? `  annotations:\n    service.beta.kubernetes.io/azure-load-balancer-internal: "true"\n` : '';
  return `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${app.name}-lb\n  namespace: ${app.ns}\n${annotations}spec:\n  type: LoadBalancer\n  selector:\n    app: ${app.name}\n  ports:\n    - port: 443\n      targetPort: 8080\n`;
}

function allowPolicy(app, clients) {
  const peers = [];
  for (const client of clients) {
    if (client.ns === app.ns) peers.push(`        - podSelector:\n            matchLabels:\n              app: ${client.name}\n`);
    else peers.push(`        - namespaceSelector:\n            matchLabels:\n              kubernetes.io/metadata.name: ${client.ns}\n          podSelector:\n            matchLabels:\n              app: ${client.name}\n`);
  }
  if (app.local === 0) peers.push(`        - namespaceSelector:\n            matchLabels:\n              kubernetes.io/metadata.name: app-routing-system\n`);
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-${app.name}
  namespace: ${app.ns}
spec:
  podSelector:
    matchLabels:
      app: ${app.name}
  policyTypes: [Ingress]
  ingress:
    - from:
${peers.join('')}      ports:
        - port: http
`;
}

function ingress(app) {
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${app.name}
  namespace: ${app.ns}
spec:
  ingressClassName: webapprouting.kubernetes.azure.com
  rules:
    - host: ${app.ns}.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: ${app.name}
                port:
                  number: 80
`;
}

function gateway(ns, app) {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: public
  namespace: ${ns}
spec:
  gatewayClassName: approuting-istio
  listeners:
    - name: https
      port: 443
      protocol: HTTPS
      hostname: api.example.com
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: ${app.name}
  namespace: ${ns}
spec:
  parentRefs:
    - name: public
  hostnames: [api.example.com]
  rules:
    - backendRefs:
        - name: ${app.name}
          port: 80
`;
}

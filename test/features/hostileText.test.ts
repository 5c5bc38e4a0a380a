/**
 * Manifest text is untrusted: names, labels, hosts, paths, ports, protocols and file names built to inject markdown
 * (a remote image that beacons when a hover opens, a phishing link, raw HTML, a backtick that ends a code span, line
 * breaks that start new blocks, a table row, a megabyte of text) must reach hovers, completion documentation and
 * code lens titles as inert text. Each output is parsed with a CommonMark parser (test/support/renderedMarkdown.ts):
 * nothing active may come from the manifest, and the values must still be shown as written.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { visibleControls } from '../../server/src/engine/util/displayText';
import { assertInert } from '../support/renderedMarkdown';
import { completionAt, cursorIn, hoverAt, lensesAt, CURSOR } from './support';

const BEACON = '/![x](https://attacker.example/beacon.png)[Click to fix](https://attacker.example/phish)';
const TICKS = 'w`e``b```';
const BREAKS = 'svc\n\n# Owned\n<img src=https://attacker.example/b.png>\n- [fix](https://attacker.example/fix)';
const HTML = '<img src="https://attacker.example/h.png">';
const AUTOLINKS = 'https://attacker.example/a www.attacker.example evil@attacker.example';
const PIPES = 'p | q |\n|---|---|';
const LONG = 'L'.repeat(100_000);
const FILE = '[x](https:attacker.example)!.yaml';

const y = (value: string) => JSON.stringify(value);

const HOSTILE = `
# file: web.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${y(TICKS)}
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels:
      app: ${y(AUTOLINKS)}
  template:
    metadata:
      labels:
        app: ${y(AUTOLINKS)}
    spec:
      containers:
        - name: ${y(HTML)}
          image: web
          ports:
            - name: ${y(PIPES)}
              containerPort: 8080
          env:
            - name: BACKEND
              value: ${y('https://attacker.example/![i](https://attacker.example/e.png)')}
# file: ${FILE}
apiVersion: v1
kind: Service
metadata:
  name: ${y(BREAKS)}
  namespace: shop
spec:
  type: LoadBalancer
  loadBalancerSourceRanges: [${y(HTML)}]
  selector:
    app: ${y(AUTOLINKS)}
  ports:
    - name: ${y(TICKS)}
      port: 80
      targetPort: ${y(PIPES)}
# file: ingress.yaml
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${y(HTML)}
  namespace: shop
spec:
  ingressClassName: ${y(BEACON)}
  tls:
    - hosts: [${y(TICKS)}]
      secretName: ${y(BREAKS)}
  rules:
    - host: ${y('h.example`](https://attacker.example/host)')}
      http:
        paths:
          - path: ${y(BEACON)}
            pathType: ${y(HTML)}
            backend:
              service:
                name: ${y(BREAKS)}
                port:
                  name: ${y(TICKS)}
          - path: /long
            pathType: Prefix
            backend:
              service:
                name: ${y(LONG)}
                port:
                  number: 80
# file: policy.yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${y(BEACON)}
  namespace: shop
spec:
  podSelector:
    matchLabels:
      app: ${y(AUTOLINKS)}
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app: ${y(TICKS)}
        - ipBlock:
            cidr: ${y(BEACON)}
      ports:
        - port: ${y(PIPES)}
# file: route.yaml
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: ${y(TICKS)}
  namespace: shop
spec:
  gatewayClassName: ${y(HTML)}
  listeners:
    - name: ${y(BREAKS)}
      protocol: ${y(HTML)}
      port: 80
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: ${y(HTML)}
  namespace: shop
spec:
  parentRefs: [{name: ${y(TICKS)}, sectionName: ${y(BEACON)}}]
  hostnames: [${y('r.example')}]
  rules:
    - matches: [{method: ${y(HTML)}, path: {type: ${y(PIPES)}, value: ${y(BEACON)}}}]
      backendRefs: [{name: ${y(BREAKS)}, port: 80}, {kind: ${y(BEACON)}, name: x}]
`;

/** The hover at the first `needle` of `file` (`delta` characters in), checked inert; its rendered text. */
function hostileHover(file: string, needle: string, delta = 2): string {
  const markdown = hoverAt(cursorIn(HOSTILE, file, needle, delta));
  assert.ok(markdown, `no hover at ${JSON.stringify(needle)} in ${file}`);
  assert.ok(markdown.length < 20_000, `a hover of ${markdown.length} characters`);
  const files = [...HOSTILE.matchAll(/^# file: (.*)$/gm)].map((m) => m[1]!);
  return assertInert(markdown, ['learn.microsoft.com', 'kubernetes.io', 'gateway-api.sigs.k8s.io', 'github.com', 'kubernetes.github.io', 'cert-manager.io', 'istio.io'], files).text;
}

/** Shown as written: the value with line breaks and control characters as visible escapes. */
function shows(text: string, ...values: string[]): void {
  for (const value of values) assert.ok(text.includes(visibleControls(value)), `${JSON.stringify(visibleControls(value))} not shown in:\n${text}`);
}

test('hover on the Deployment: exposure paths through the hostile Ingress path and host are text, not an image and links', () => {
  const text = hostileHover('web.yaml', 'name: "w');
  shows(text, TICKS, BEACON, 'h.example`](https://attacker.example/host)', BREAKS, FILE);
});

test('hover on the Service, its selector and its port', () => {
  shows(hostileHover(FILE, 'name: "svc'), BREAKS, HTML, TICKS, PIPES);
  shows(hostileHover(FILE, 'app: '), AUTOLINKS, TICKS);
  shows(hostileHover(FILE, 'targetPort'), PIPES);
});

test('hover on the Ingress, its backend and its TLS entry; a 100,000-character name is cut', () => {
  const text = hostileHover('ingress.yaml', 'name: "<');
  shows(text, HTML, BEACON, BREAKS, TICKS);
  assert.ok(text.includes(`${'L'.repeat(256)}… (99744 more characters)`));
  shows(hostileHover('ingress.yaml', 'name: "svc'), BREAKS);
  shows(hostileHover('ingress.yaml', 'secretName'), BREAKS, TICKS);
});

test('hover on the NetworkPolicy, a peer that matches nothing, an invalid ipBlock and a named port', () => {
  shows(hostileHover('policy.yaml', 'name: "/'), BEACON, TICKS);
  shows(hostileHover('policy.yaml', 'app: "w', 1), TICKS, AUTOLINKS);
  shows(hostileHover('policy.yaml', 'cidr'), BEACON);
  shows(hostileHover('policy.yaml', 'port: "p'), PIPES);
});

test('hover on the Gateway, the HTTPRoute and a container port', () => {
  shows(hostileHover('route.yaml', 'name: "w'), TICKS, HTML, BREAKS);
  shows(hostileHover('route.yaml', 'name: "<'), HTML, BEACON, BREAKS, PIPES);
  shows(hostileHover('web.yaml', 'name: "p'), PIPES, BREAKS);
});

test('hover on an env value that names an external destination', () => {
  hostileHover('web.yaml', 'value: "https', 12);
});

test('completion documentation of a hostile Service name is inert and shows the name', () => {
  const result = completionAt(`${HOSTILE}
# file: new.yaml
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: x
  namespace: shop
spec:
  defaultBackend:
    service:
      name: ${CURSOR}
`);
  const item = result?.items.find((i) => i.label === BREAKS);
  assert.ok(item?.documentation, 'the hostile Service is offered with documentation');
  shows(assertInert(item.documentation).text, `shop/${BREAKS}`);
});

test('code lens titles stay one bounded line, with no icon syntax from the manifest', () => {
  const fixture = `
# file: svc.yaml
apiVersion: v1
kind: Service
metadata:
  name: ext
  namespace: shop
spec:
  type: ExternalName
  externalName: ${y(`$(warning) ${BREAKS} ${LONG}`)}
${CURSOR}`;
  const [lens] = lensesAt(fixture);
  assert.ok(lens);
  assert.ok(!/[\n\r]/.test(lens.title) && lens.title.length < 400, lens.title.slice(0, 400));
  assert.ok(lens.title.startsWith('ExternalName → \\$(warning) svc\\n\\n# Owned'), lens.title.slice(0, 200));
  for (const line of lensesAt(HOSTILE.replace('kind: Deployment\nmetadata', `kind: Deployment\n${CURSOR}metadata`))) assert.ok(!/[\n\r]/.test(line.title), line.title);
});

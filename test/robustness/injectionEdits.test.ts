/**
 * Quick fixes on files shaped to break text edits (issue 14, items 15-17): a port written with a leading zero,
 * flow collections with trailing commas, comments, several lines, nothing in them or nesting, and values shared
 * through anchors and aliases. Each edited file must read back as the object before with exactly the intended
 * change (the `yaml` package reads it, independently of the engine), or the fix must be withheld with a reason.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import type { CodeFix } from '../../server/src/engine/fixes/index';
import { apply, findingOf, fixesOf, fixtureWorkspace, pickFix, type Workspace } from '../fixes/support';
import { runNetlens } from '../support/cli';

const APP = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: nginx, ports: [{name: http, containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: http}]
`;

const GATEWAY = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: public, namespace: shop}
spec:
  gatewayClassName: approuting-istio
  listeners: [{name: http, protocol: HTTP, port: 80}]
`;

/** Every document of a text as plain data, failing on any syntax error. */
function read(text: string): unknown[] {
  return parseAllDocuments(text).map((doc) => {
    assert.deepEqual(doc.errors.map((e) => e.message), [], `the edited text must parse:\n${text}`);
    return doc.toJS();
  });
}

/** The one fix titled so, applied; the file it edits must read back as `expected(before)`. */
function applyAndRead(ws: Workspace, fix: CodeFix, file: string, expected: (before: any[]) => unknown[]): string {
  assert.equal(fix.disabled, undefined, `"${fix.title}" is disabled: ${fix.disabled}`);
  const after = apply(ws, fix.change).get(file)!;
  const before = read(ws.texts.get(file)!);
  assert.deepEqual(read(after), expected(before), `after "${fix.title}":\n${after}`);
  return after;
}

test('item 15: a port written with a leading zero is replaced, not extended (grpc://backend:09999 -> grpc://backend:80)', () => {
  const ws = fixtureWorkspace(`# file: app.yaml
${APP}---
apiVersion: apps/v1
kind: Deployment
metadata: {name: front, namespace: shop}
spec:
  selector: {matchLabels: {app: front}}
  template:
    metadata: {labels: {app: front}}
    spec:
      containers:
        - name: c
          image: x
          env:
            - name: BACKEND
              value: grpc://web:08080
`);
  const finding = findingOf(ws, 'reference-port-missing');
  const fix = pickFix(fixesOf(ws, finding), 'Use port 80');
  assert.equal(fix.safe, true);
  const after = applyAndRead(ws, fix, 'app.yaml', (docs) => {
    docs[2].spec.template.spec.containers[0].env[0].value = 'grpc://web:80';
    return docs;
  });
  assert.ok(after.includes('value: grpc://web:80\n'));
});

test('item 16: a flow map with a trailing comma gets the new key before the comma (httproute-backend-missing)', () => {
  for (const refs of ['[{name: web, }]', '[{name: web,}]', '[{name: web, # the storefront\n          }]', '[{name: web}, ]', '[\n          {name: web, },\n        ]']) {
    const ws = fixtureWorkspace(`# file: app.yaml\n${APP}---\n${GATEWAY}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop, namespace: shop}
spec:
  parentRefs: [{name: public}]
  rules:
    - backendRefs: ${refs}
`);
    const finding = findingOf(ws, 'httproute-backend-missing');
    applyAndRead(ws, pickFix(fixesOf(ws, finding), 'Add port 80'), 'app.yaml', (docs) => {
      docs[3].spec.rules[0].backendRefs[0].port = 80;
      return docs;
    });
  }
});

const POLICY_HEAD = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
`;

test('item 16: policyTypes with a trailing comma, a comment, several lines or nesting gets the direction (netpol-policytypes-ignores-rules)', () => {
  const shapes = [
    `  policyTypes: [Ingress, ]\n  egress: [{to: [{podSelector: {}}]}]\n`,
    `  policyTypes: [Ingress,]\n  egress: [{to: [{podSelector: {}}]}]\n`,
    `  policyTypes: [\n    Ingress, # ingress only, for now\n  ]\n  egress: [{to: [{podSelector: {}}]}]\n`,
    `  policyTypes: [\n    Ingress\n    ,\n  ]\n  egress: [{to: [{podSelector: {}}]}]\n`,
    `  policyTypes: [Ingress] # ingress only\n  egress: [{to: [{podSelector: {}}]}]\n`,
  ];
  for (const shape of shapes) {
    const ws = fixtureWorkspace(`# file: app.yaml\n${APP}# file: policy.yaml\n${POLICY_HEAD}${shape}`);
    const finding = findingOf(ws, 'netpol-policytypes-ignores-rules');
    applyAndRead(ws, pickFix(fixesOf(ws, finding), 'Add Egress to policyTypes'), 'policy.yaml', (docs) => {
      docs[0].spec.policyTypes.push('Egress');
      return docs;
    });
  }
  // The whole spec in one flow map, with trailing commas at every level.
  const nested = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec: {podSelector: {matchLabels: {app: web}, }, policyTypes: [Ingress, ], egress: [{to: [{podSelector: {}, }, ], }, ], }
`;
  const ws = fixtureWorkspace(`# file: app.yaml\n${APP}# file: policy.yaml\n${nested}`);
  const finding = findingOf(ws, 'netpol-policytypes-ignores-rules');
  const fixes = fixesOf(ws, finding);
  applyAndRead(ws, pickFix(fixes, 'Add Egress to policyTypes'), 'policy.yaml', (docs) => {
    docs[0].spec.policyTypes.push('Egress');
    return docs;
  });
  applyAndRead(ws, pickFix(fixes, 'Remove the egress rules'), 'policy.yaml', (docs) => {
    delete docs[0].spec.egress;
    return docs;
  });
});

test('item 16: Allow DNS joins an egress list with a trailing comma, a comment, several lines, or nothing in it', () => {
  const DB_RULE = '{to: [{podSelector: {matchLabels: {app: db}}}], ports: [{port: 5432}]}';
  const shapes = [
    `  egress: [${DB_RULE},]\n`,
    `  egress: [${DB_RULE}, ]\n`,
    `  egress: [\n    ${DB_RULE}, # the database\n  ]\n`,
    `  egress: [\n    ${DB_RULE}\n    , # trailing\n  ]\n`,
    `  egress: []\n`,
    `  egress: [ ]  # none yet\n`,
    `  egress: [\n  ]\n`,
  ];
  for (const shape of shapes) {
    const ws = fixtureWorkspace(`# file: app.yaml\n${APP}# file: policy.yaml\n${POLICY_HEAD}  policyTypes: [Egress]\n${shape}`);
    const finding = findingOf(ws, 'netpol-egress-blocks-dns');
    const fix = pickFix(fixesOf(ws, finding), 'Allow DNS');
    applyAndRead(ws, fix, 'policy.yaml', (docs) => {
      docs[0].spec.egress.push({
        to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
        ports: [
          { protocol: 'UDP', port: 53 },
          { protocol: 'TCP', port: 53 },
        ],
      });
      return docs;
    });
  }
});

const ANCHORED = `# file: app.yaml
${APP}---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: shop
  labels: {team: &t wbe}
spec:
  ingressClassName: webapprouting.kubernetes.azure.com
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: *t
                port: {number: 80}
`;

test('item 17: a fix of a value shared through an anchor is withheld, with the reason (the anchored label is not rewritten)', () => {
  const ws = fixtureWorkspace(ANCHORED);
  const finding = findingOf(ws, 'ingress-backend-missing');
  const fixes = fixesOf(ws, finding);
  const fix = pickFix(fixes, 'Change Service to `web`');
  assert.deepEqual(fix.change.edits, []);
  assert.match(fix.disabled ?? '', /anchored as &t and reused through \*t/);
  // Without the alias the same fix applies (an anchor used nowhere else changes nothing else).
  const alone = fixtureWorkspace(ANCHORED.replace('name: *t', 'name: wbe').replace('&t wbe', 'ops'));
  applyAndRead(alone, pickFix(fixesOf(alone, findingOf(alone, 'ingress-backend-missing')), 'Change Service to `web`'), 'app.yaml', (docs) => {
    docs[2].spec.rules[0].http.paths[0].backend.service.name = 'web';
    return docs;
  });
});

test('item 17: an edit inside an anchored map that an alias (or a merge key) reuses is withheld', () => {
  for (const reuse of ['spec: *spec', 'spec: {<<: *spec, podSelector: {matchLabels: {app: db}}}']) {
    const ws = fixtureWorkspace(`# file: app.yaml\n${APP}# file: policy.yaml
apiVersion: v1
kind: List
items:
  - apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: {name: web, namespace: shop}
    spec: &spec
      podSelector: {matchLabels: {app: web}}
      policyTypes: [Ingress]
      egress: [{to: [{podSelector: {}}]}]
  - apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: {name: web-copy, namespace: shop}
    ${reuse}
`);
    const text = ws.texts.get('policy.yaml')!;
    const finding = ws.analysis.allFindings().find((f) => f.ruleId === 'netpol-policytypes-ignores-rules' && f.span.start < text.indexOf('web-copy'));
    assert.ok(finding, reuse);
    const fixes = fixesOf(ws, finding);
    assert.ok(fixes.length > 0);
    for (const fix of fixes) {
      assert.deepEqual(fix.change.edits, [], fix.title);
      assert.match(fix.disabled ?? '', /anchored as &spec/);
    }
  }
});

test('item 17: netlens fix skips the anchored value and says why; the file is left as it was', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-anchor-fix-'));
  try {
    const file = path.join(dir, 'app.yaml');
    const text = ANCHORED.replace('# file: app.yaml\n', '');
    fs.writeFileSync(file, text);
    const result = runNetlens(['fix', dir]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(fs.readFileSync(file, 'utf8'), text);
    assert.match(result.stderr, /skipped .*app\.yaml:\d+: ingress-backend-missing: Change Service to `web`: `wbe` is anchored as &t and reused through \*t/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * YAML injection (issue 14, item 2): manifest strings that try to end a comment, start a document, add a rule or a
 * key, or hide from a reviewer, fed through every generator and fix that writes YAML. Whatever the string, what we
 * write must read back (YAML 1.2 and 1.1, with the `yaml` package, independently of the engine) as exactly the
 * objects we meant: the same number of documents, the hostile string as one scalar where it belongs, no rule that
 * admits everything, no raw character that a YAML 1.1 reader (NEL, U+2028, U+2029) or an editor treats as a line
 * break.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { admitIngressControllerChange, generateDefaultDeny, generatePolicies, migrateIngresses, type CodeFix } from '../../server/src/engine/fixes/index';
import { plainData } from '../../server/src/engine/fixes/yamlRender';
import type { Ingress } from '../../server/src/engine/model/resources';
import { formatProfileYaml } from '../../server/src/engine/profile/formatProfile';
import type { ClusterProfile } from '../../server/src/engine/profile/types';
import { apply, findingOf, fixesOf, pickFix, workspaceOf, type Workspace } from '../fixes/support';
import { runNetlens } from '../support/cli';

/** Strings a manifest may hold that mean something to YAML, to a terminal or to an editor. */
const HOSTILE: readonly (readonly [string, string])[] = [
  ['a rule injected by a path', '/x\n    - {}\n#'],
  ['a document injected by an env value', 'x\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: evil}\nspec: {podSelector: {}, ingress: [{}]}\n'],
  ['a key injected by an annotation', '/\nINJECTED: true'],
  ['a comment', '# not a comment'],
  ['a trailing comment', 'x # INJECTED'],
  ['flow collections', '{}, [], {INJECTED: true}'],
  ['an anchor and an alias', '&a x *a'],
  ['a tag', '!!binary aGk='],
  ['quotes', `it's "quoted" \\ 'twice'`],
  ['U+2028', 'a\u2028INJECTED: true'],
  ['U+2029', 'a\u2029INJECTED: true'],
  ['NEL', 'a\u0085INJECTED: true'],
  ['CR', 'a\rINJECTED: true'],
  ['CRLF', 'a\r\nINJECTED: true'],
  ['control characters', '\u0000\u0007\u001b[2K\r\u001b[32mall good\u007f\u009b'],
  ['bidirectional overrides', 'a\u202eeurt :DETCEJNI\u202c'],
  ['a byte order mark', '\ufeffINJECTED: true'],
  ['a lone surrogate', 'a\ud800b'],
  ['document markers', '---\n...\n%YAML 1.1'],
  ['block indicators', '|\n  INJECTED: true'],
  ['YAML 1.1 words', 'yes'],
  ['a merge key', '<<'],
  ['spaces around', '  padded  '],
  ['a very long string', `${'x'.repeat(20000)}\nINJECTED: true`],
];

/** Characters no text we write may hold raw (C0 but tab/LF, DEL, C1 with NEL, U+2028/2029). */
const RAW_BREAKS = /[\0-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]/;

/** Every document of a generated text, read by YAML 1.2 and 1.1 readers alike; fails on any error or difference. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function readBack(text: string, label: string): any[] {
  assert.ok(!RAW_BREAKS.test(text.replace(/\r\n/g, '\n').replace(/\n/g, '')), `${label}: the text holds a raw line-break-like or control character`);
  const read = (version: '1.1' | '1.2') =>
    parseAllDocuments(text, { version }).map((doc) => {
      assert.deepEqual(doc.errors.map((e) => e.message), [], `${label}: must parse as YAML ${version}`);
      return doc.toJS({ maxAliasCount: 0 });
    });
  const docs = read('1.2');
  assert.deepEqual(read('1.1'), docs, `${label}: YAML 1.1 and 1.2 readers must agree`);
  return docs;
}

/** No key `INJECTED` anywhere, no rule that is `{}` (admits everything). */
function assertNothingInjected(value: unknown, label: string): void {
  const visit = (node: unknown, where: string): void => {
    if (Array.isArray(node)) node.forEach((item, i) => visit(item, `${where}[${i}]`));
    else if (node && typeof node === 'object') {
      for (const [key, member] of Object.entries(node)) {
        assert.ok(!key.includes('INJECTED'), `${label}: injected key at ${where}.${key}`);
        if ((key === 'ingress' || key === 'egress') && Array.isArray(member)) {
          for (const rule of member) assert.ok(rule && Object.keys(rule).length > 0, `${label}: a rule that admits everything at ${where}.${key}`);
        }
        visit(member, `${where}.${key}`);
      }
    }
  };
  visit(value, '');
}

/** A label value as YAML (JSON strings are YAML double-quoted strings). */
const q = (text: string) => JSON.stringify(text);

function appWorkspace(hostile: string): Workspace {
  return workspaceOf(
    new Map([
      [
        'app.yaml',
        `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web, tier: ${q(hostile)}}}
  template:
    metadata: {labels: {app: web, tier: ${q(hostile)}}}
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
apiVersion: apps/v1
kind: Deployment
metadata: {name: client, namespace: shop, annotations: {netlens.io/allow-from: ${q(hostile)}}}
spec:
  selector: {matchLabels: {app: client}}
  template:
    metadata: {labels: {app: client}}
    spec:
      containers:
        - name: ${q(`client${hostile}`)}
          image: curl
          env:
            - {name: ${q(`WEB_URL${hostile}`)}, value: "web:80"}
            - {name: OTHER, value: ${q(hostile)}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: shop
  annotations:
    nginx.ingress.kubernetes.io/rewrite-target: ${q(hostile)}
    nginx.ingress.kubernetes.io/upstream-vhost: ${q(hostile)}
    nginx.ingress.kubernetes.io/x-forwarded-prefix: ${q(hostile)}
    cert-manager.io/cluster-issuer: ${q(hostile)}
    ${q(`example.com/${hostile}`)}: ${q(hostile)}
spec:
  ingressClassName: nginx
  rules:
    - host: ${q(hostile)}
      http:
        paths:
          - path: ${q(hostile)}
            pathType: ImplementationSpecific
            backend: {service: {name: web, port: {number: 80}}}
`,
      ],
    ]),
  );
}

test('generate-policies: evidence comments, selectors and notes hold hostile strings as data only', () => {
  for (const [label, hostile] of HOSTILE) {
    const ws = appWorkspace(hostile);
    const result = generatePolicies(ws.ctx, { directory: 'out/' });
    assert.deepEqual(result.notes.filter((n) => n.severity === 'error'), [], label);
    assert.equal(result.documents.length, 1, label);
    const document = result.documents[0]!;
    const docs = readBack(document.text, label);
    assert.deepEqual(docs.map((d) => d.metadata.name), ['default-deny', 'allow-dns', 'client', 'web'], label);
    assertNothingInjected(docs, label);
    const web = docs.find((d) => d.metadata.name === 'web');
    assert.equal(web.spec.podSelector.matchLabels.tier, hostile, `${label}: the label value is one scalar`);
    // The ingress controller and the client: two rules, each with its peers and ports.
    assert.equal(web.spec.ingress.length, 2, label);
    assert.equal(result.change.newFiles.length, 1);
    assert.equal(result.change.newFiles[0]!.text, document.text);
    assert.deepEqual(docs, document.objects.map(plainData), label);
  }
});

test('generate-policies and default deny for a hostile namespace: metadata and header hold it as data only', () => {
  for (const [label, hostile] of HOSTILE) {
    const ws = workspaceOf(new Map([['app.yaml', `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: ${q(hostile)}}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: x}]}\n`]]));
    const deny = generateDefaultDeny(ws.ctx, hostile, { directory: 'out/' });
    const denyDocs = readBack(deny.documents[0]!.text, label);
    assert.deepEqual(denyDocs.map((d) => [d.metadata.name, d.metadata.namespace]), [['default-deny', hostile], ['allow-dns', hostile]], label);
    assertNothingInjected(denyDocs, label);
    const policies = generatePolicies(ws.ctx, { directory: 'out/' });
    const docs = readBack(policies.documents[0]!.text, label);
    assert.deepEqual(docs.map((d) => d.metadata.namespace), [hostile, hostile], label);
    assertNothingInjected(docs, label);
  }
});

test('migrate-ingress: paths, hosts and annotation values are one scalar each; the header lists them on comment lines', () => {
  for (const [label, hostile] of HOSTILE) {
    const ws = appWorkspace(hostile);
    const ingress = ws.analysis.index.ofKind('Ingress')[0] as Ingress;
    const result = migrateIngresses(ws.ctx, [ingress], { directory: 'out/' });
    assert.deepEqual(result.errors, [], label);
    const docs = readBack(result.documents[0]!.text, label);
    assert.deepEqual(docs.map((d) => d.kind), ['Gateway', 'HTTPRoute'], label);
    assertNothingInjected(docs, label);
    assert.equal(docs[0].metadata.annotations['cert-manager.io/cluster-issuer'], hostile, label);
    const route = docs[1];
    assert.deepEqual(route.spec.hostnames, [hostile], label);
    assert.equal(route.spec.rules[0].matches[0].path.value, hostile, label);
  }
});

/** Fixes that must be offered and apply: the edited file reads back with the hostile value as one scalar. */
function appliedFix(ws: Workspace, fix: CodeFix, label: string): any[] {
  assert.equal(fix.disabled, undefined, `${label}: "${fix.title}" disabled: ${fix.disabled}`);
  assertInsertedClean(fix.change.edits, label);
  const [file] = [...new Set(fix.change.edits.map((e) => e.file))];
  const docs = readBackEdited(apply(ws, fix.change).get(file!)!, label);
  assertNothingInjected(docs, label);
  return docs;
}

/** What an edit inserts holds no raw line-break-like or control character (the rest of the file is the user's). */
function assertInsertedClean(edits: readonly { newText: string }[], label: string): void {
  for (const edit of edits) assert.ok(!RAW_BREAKS.test(edit.newText.replace(/\r?\n/g, '')), `${label}: an edit inserts a raw line-break-like or control character: ${JSON.stringify(edit.newText)}`);
}

/** An edited manifest: it must parse; only what we inserted is checked for raw characters (the rest is the user's). */
function readBackEdited(text: string, label: string): any[] {
  return parseAllDocuments(text).map((doc) => {
    assert.deepEqual(doc.errors.map((e) => e.message), [], `${label}: the edited file must parse:\n${text}`);
    return doc.toJS();
  });
}

test('quick fixes: a hostile Service, class or label written into a manifest is one quoted scalar', () => {
  for (const [label, hostile] of HOSTILE) {
    // A did-you-mean candidate with a hostile name (the only Service: offered, though far).
    const ws = workspaceOf(
      new Map([
        [
          'app.yaml',
          `apiVersion: v1
kind: Service
metadata: {name: ${q(hostile)}, namespace: shop}
spec: {ports: [{port: 80}]}
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: ${q(`c${hostile}`)}}
spec: {controller: k8s.io/ingress-nginx}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec:
  ingressClassName: 'ngnix'
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend: {service: {name: "wbe", port: {number: 80}}}
`,
        ],
      ]),
    );
    const backend = findingOf(ws, 'ingress-backend-missing');
    const renamed = appliedFix(ws, pickFix(fixesOf(ws, backend), 'Change Service to'), label);
    assert.equal(renamed[2].spec.rules[0].http.paths[0].backend.service.name, hostile, label);
    assert.equal(renamed.length, 3, label);
    const unknownClass = ws.analysis.allFindings().find((f) => f.ruleId === 'ingress-class-unknown');
    if (unknownClass) {
      const fix = fixesOf(ws, unknownClass).find((f) => f.title.includes('`c'));
      if (fix) assert.equal(appliedFix(ws, fix, label)[2].spec.ingressClassName, `c${hostile}`, label);
    }
  }
});

test('NetworkPolicy fixes: hostile pod labels and namespaces become selectors and metadata, as data', () => {
  for (const [label, hostile] of HOSTILE) {
    const ws = workspaceOf(
      new Map([
        [
          'policy.yaml',
          `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: ${q(hostile)}}}
  template:
    metadata: {labels: {app: ${q(hostile)}}}
    spec: {containers: [{name: web, image: x}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: lockdown, namespace: shop}
spec:
  podSelector: {matchLabels: {app: ${q(hostile)}}}
  policyTypes: [Egress]
  egress: []
`,
        ],
      ]),
    );
    const finding = findingOf(ws, 'netpol-egress-blocks-dns');
    const fixes = fixesOf(ws, finding);
    const inPolicy = appliedFix(ws, pickFix(fixes, 'Allow DNS'), label);
    assert.equal(inPolicy.length, 2, label);
    assert.equal(inPolicy[1].spec.egress.length, 1, label);
    const separate = appliedFix(ws, pickFix(fixes, 'Add a separate policy'), label);
    assert.equal(separate.length, 3, label);
    assert.equal(separate[2].spec.podSelector.matchLabels.app, hostile, label);
    // The controller's namespace comes from a person or the profile: hostile too, it is one label value.
    const admitted = admitIngressControllerChange(ws.ctx, { data: { workload: 'shop/web', namespace: 'shop', ports: [{ port: 80, protocol: 'TCP' }], controllerNamespace: hostile }, file: 'policy.yaml' });
    assert.ok('edits' in admitted, label);
    assertInsertedClean(admitted.edits, label);
    const docs = readBackEdited(apply(ws, { edits: admitted.edits, newFiles: [] }).get('policy.yaml')!, label);
    assert.equal(docs.length, 3, label);
    assert.equal(docs[2].spec.ingress[0].from[0].namespaceSelector.matchLabels['kubernetes.io/metadata.name'], hostile, label);
    assertNothingInjected(docs, label);
  }
});

test('netlens generate-policies and migrate-ingress print YAML (header comments included) that reads back as the objects', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-injection-'));
  try {
    for (const [label, hostile] of HOSTILE.slice(0, 12)) {
      fs.writeFileSync(path.join(dir, 'app.yaml'), appWorkspace(hostile).texts.get('app.yaml')!);
      const policies = runNetlens(['generate-policies', dir]);
      assert.equal(policies.status, 0, `${label}: ${policies.stderr}`);
      const docs = readBack(policies.stdout, label);
      assert.deepEqual(docs.map((d) => d.metadata.name), ['default-deny', 'allow-dns', 'client', 'web'], label);
      assertNothingInjected(docs, label);
      const migrated = runNetlens(['migrate-ingress', dir]);
      assert.equal(migrated.status, 0, `${label}: ${migrated.stderr}`);
      const routes = readBack(migrated.stdout, label);
      assert.deepEqual(routes.map((d) => d.kind), ['Gateway', 'HTTPRoute'], label);
      assertNothingInjected(routes, label);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('netlens profile: origins (file names) and values are one comment and one scalar each', () => {
  for (const [label, hostile] of HOSTILE) {
    const profile: ClusterProfile = {
      podCidr: '10.244.0.0/16',
      vnetCidrs: [hostile],
      defaultNamespace: hostile,
      ingressControllers: [{ class: hostile, namespace: hostile }],
      origins: { podCidr: `${hostile}.json: networkProfile.podCidr`, vnetCidrs: hostile, ingressControllers: hostile, defaultNamespace: hostile },
    };
    const docs = readBack(formatProfileYaml(profile), label);
    assert.deepEqual(docs, [{ cluster: { podCidr: '10.244.0.0/16', vnetCidrs: [hostile] }, ingressControllers: [{ class: hostile, namespace: hostile }], defaultNamespace: hostile }], label);
  }
});

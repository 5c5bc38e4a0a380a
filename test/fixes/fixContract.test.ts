/**
 * The rule -> fix contract, through the language server (issue 20): each rule that declares fixes
 * (fixes/registry.ts: FIXABLE_RULES, and MIGRATION_FIXED_RULES whose fix is the Ingress migration) gets a repair
 * among the quick fixes of a finding of it, and no other rule's finding gets one: only the two ways to silence it,
 * which every finding has. The findings come from each rule page's example (docs/rules) and, for fixable rules whose
 * page shows only part of the picture, from the examples below.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { FIXABLE_RULES, MIGRATION_FIXED_RULES } from '../../server/src/engine/fixes/index';
import { RULES } from '../../server/src/engine/rules/catalogue';
import { LspTestClient, type Diagnostic } from '../support/lspClient';
import { REPO_ROOT } from '../support/repo';

interface CodeAction {
  title: string;
  kind?: string;
}

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
  ports: [{name: http, port: 80, targetPort: TARGET}]
`;

/** Findings of fixable rules that their pages' examples do not give on their own. */
const EXAMPLES: readonly { name: string; text: string }[] = [
  { name: 'target port misspelt', text: APP.replace('TARGET', 'htp') },
  {
    name: 'route parent misspelt',
    text: `${APP.replace('TARGET', 'http')}---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: public, namespace: shop}
spec:
  gatewayClassName: approuting-istio
  listeners: [{name: http, protocol: HTTP, port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: shop}
spec:
  parentRefs: [{name: publik}]
  rules: [{backendRefs: [{name: web, port: 80}]}]
`,
  },
  {
    name: 'Service reference misspelt',
    text: `apiVersion: v1
kind: Service
metadata: {name: store, namespace: bank}
spec:
  selector: {app: store}
  ports: [{port: 6379}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: store, namespace: bank}
spec:
  selector: {matchLabels: {app: store}}
  template:
    metadata: {labels: {app: store}}
    spec: {containers: [{name: store, image: redis, ports: [{containerPort: 6379}]}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: bank}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: web, env: [{name: STORE_ADDR, value: "stor:6379"}]}]
`,
  },
  {
    name: 'ingress controller denied',
    text: `${APP.replace('TARGET', 'http')}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Ingress]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec:
  ingressClassName: webapprouting.kubernetes.azure.com
  rules:
    - host: shop.example.com
      http:
        paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]
`,
  },
  {
    name: 'declared dependency denied',
    text: `apiVersion: apps/v1
kind: Deployment
metadata: {name: cart, namespace: shop}
spec:
  selector: {matchLabels: {app: cart}}
  template:
    metadata: {labels: {app: cart}}
    spec: {containers: [{name: cart, image: cart, ports: [{name: grpc, containerPort: 7070}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: cart, namespace: shop}
spec:
  selector: {app: cart}
  ports: [{port: 80, targetPort: grpc}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: frontend, namespace: web}
spec:
  selector: {matchLabels: {app: frontend}}
  template:
    metadata: {labels: {app: frontend}}
    spec:
      containers: [{name: frontend, image: frontend, env: [{name: CART_ADDR, value: "cart.shop.svc.cluster.local:80"}]}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Ingress]
`,
  },
];

/** The YAML of each rule page's "## Example". */
function pageExamples(): { name: string; text: string }[] {
  const dir = path.join(REPO_ROOT, 'docs', 'rules');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort()
    .flatMap((f) => {
      const page = fs.readFileSync(path.join(dir, f), 'utf8');
      const example = page.indexOf('## Example');
      const yaml = example < 0 ? null : /```yaml\n([\s\S]*?)```/.exec(page.slice(example));
      return yaml ? [{ name: `docs/rules/${f}`, text: yaml[1]! }] : [];
    });
}

/** The two ways to silence a finding, offered for every finding (fixes/ignoreFixes.ts). */
const SILENCING = /^Ignore \S+ (for this object|on this line)$/;

let workspace: string;
let client: LspTestClient;
/** Per rule id: the repairs offered on its findings (title, and the example it came from). */
const repairs = new Map<string, string[]>();
/** Rule ids that had findings. */
const found = new Set<string>();

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-fix-contract-'));
  client = new LspTestClient();
  await client.initialize(pathToFileURL(workspace).href, { textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } } });
  await client.settle();
  let n = 0;
  for (const example of [...pageExamples(), ...EXAMPLES]) {
    const uri = pathToFileURL(path.join(workspace, `example-${++n}.yaml`)).href;
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: example.text } });
    await client.settle();
    const diagnostics = (client.diagnostics.get(uri) ?? []).filter((d: Diagnostic) => d.source === 'netlens' && typeof d.code === 'string');
    for (const diagnostic of diagnostics) {
      const ruleId = diagnostic.code as string;
      found.add(ruleId);
      const actions = (await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], only: ['quickfix'] },
      })) as CodeAction[];
      for (const action of actions.filter((a) => !SILENCING.test(a.title))) repairs.set(ruleId, [...(repairs.get(ruleId) ?? []), `${action.title} (${example.name})`]);
    }
    // Closed, it leaves the analysis (it is not on disk): the next example is analysed alone.
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
});

after(async () => {
  await client.shutdown();
  fs.rmSync(workspace, { recursive: true, force: true });
});

test('every rule that declares a fix is a rule, and a rule declares its fix once', () => {
  const ids = new Set(RULES.map((r) => r.id));
  const declared = [...FIXABLE_RULES, ...MIGRATION_FIXED_RULES];
  assert.deepEqual(declared.filter((id) => !ids.has(id)), []);
  assert.equal(new Set(declared).size, declared.length);
});

test('each rule that declares a fix gets a repair among the quick fixes of its finding', () => {
  const missing = [...FIXABLE_RULES, ...MIGRATION_FIXED_RULES].filter((id) => !repairs.has(id)).map((id) => `${id}${found.has(id) ? '' : ' (no finding in the examples)'}`);
  assert.deepEqual(missing, []);
});

test('no rule that declares no fix gets a quick fix besides the two ways to silence it', () => {
  const declared = new Set([...FIXABLE_RULES, ...MIGRATION_FIXED_RULES]);
  const undeclared = [...repairs].filter(([id]) => !declared.has(id)).map(([id, titles]) => `${id}: ${titles.join(' | ')}`);
  assert.deepEqual(undeclared, []);
  // The examples are worth something only if most rules fire in them.
  assert.ok(found.size >= 40, `only ${found.size} rules had findings in the examples`);
});

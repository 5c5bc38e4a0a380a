/**
 * A file opened while the server is still reading the workspace, through the built server over stdio: until the
 * scan ends it gets only findings that need no other file (a Service does not "select nothing" because the file
 * with its Deployment has not been read yet); when the scan ends it gets its complete findings.
 *
 * When the other files are of other namespaces, the open file's namespace is read first (lsp/namespacesFirst.ts):
 * once it is complete, and before the rest of the workspace is read, the open file gets the findings of the checks
 * that read only that namespace (its complete findings here), and never one the end of the scan withdraws.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspTestClient, type Diagnostic } from '../support/lspClient';

/** Enough files that the scan takes several batches (the server reads 100 files between two looks at its inbox). */
const FILLER_FILES = 600;
const LONG = 300_000;

/** An application in `namespace`; `owner` names `shop` as another key's value (not a namespace). */
const filler = (namespace: string) => (i: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: ${namespace}
  annotations:
    owner: shop
spec:
  selector: {matchLabels: {app: app-${i}}}
  template:
    metadata: {labels: {app: app-${i}}}
    spec:
      containers: [{name: main, image: example/app:1, ports: [{containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: app-${i}, namespace: ${namespace}}
spec:
  selector: {app: app-${i}}
  ports: [{port: 80, targetPort: 8080}]
`;

/** Read last (files are read in name order): the Deployment the probe's first Service selects. */
const LATE = `apiVersion: apps/v1
kind: Deployment
metadata: {name: late, namespace: shop}
spec:
  selector: {matchLabels: {app: late}}
  template:
    metadata: {labels: {app: late}}
    spec:
      containers: [{name: main, image: example/late:1, ports: [{containerPort: 8080}]}]
`;

/** A Service whose pods are in zz-late.yaml, one that truly selects nothing, and a label YAML 1.1 reads as a boolean. */
const PROBE = `apiVersion: v1
kind: Service
metadata: {name: late, namespace: shop, labels: {public: yes}}
spec:
  selector: {app: late}
  ports: [{port: 80, targetPort: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: orphan, namespace: shop}
spec:
  selector: {app: nobody}
  ports: [{port: 80, targetPort: 8080}]
`;

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.code}@${d.range.start.line}`).sort();

/** The probe's publishes after a scan of the filler applications (in `namespace`), the late Deployment and the probe. */
async function scanWith(namespace: string): Promise<LspTestClient['publishes']> {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-scan-'));
  const app = filler(namespace);
  for (let i = 0; i < FILLER_FILES; i++) fs.writeFileSync(path.join(workspace, `app-${String(i).padStart(4, '0')}.yaml`), app(i));
  fs.writeFileSync(path.join(workspace, 'zz-late.yaml'), LATE);
  fs.writeFileSync(path.join(workspace, 'probe.yaml'), PROBE);
  const probeUri = pathToFileURL(path.join(workspace, 'probe.yaml')).href;
  const client = new LspTestClient();
  try {
    await client.initialize(pathToFileURL(workspace).href);
    // Opened right after `initialized`: the server reads its settings first, so the scan has not ended yet.
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: probeUri, languageId: 'yaml', version: 1, text: PROBE } });
    await client.waitFor(() => client.progressEnded > 0, 'the initial workspace scan to end', LONG);
    await client.settle();
    return client.publishes.filter((p) => p.uri === probeUri);
  } finally {
    await client.shutdown();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

/** The first Service's pods are read at the end of the scan (zz-late.yaml): it selects them. The second selects nothing. */
const COMPLETE = ['service-selects-nothing@11', 'yaml11-boolean-string@2'];

let sameNamespace: LspTestClient['publishes'];
let otherNamespaces: LspTestClient['publishes'];

before(async () => {
  sameNamespace = await scanWith('shop');
  otherNamespaces = await scanWith('other');
});

test('during the scan the open file gets its provisional findings only; after it, the complete ones', () => {
  const during = sameNamespace.filter((p) => !p.afterScan);
  const afterScan = sameNamespace.filter((p) => p.afterScan);
  assert.ok(during.length > 0, 'the open file got no diagnostics before the scan ended: this test did not exercise the scan');
  for (const publish of during) assert.deepEqual(codes(publish.diagnostics), ['yaml11-boolean-string@2'], 'provisional findings');
  assert.ok(afterScan.length > 0, 'no diagnostics after the scan');
  assert.deepEqual(codes(afterScan[afterScan.length - 1]!.diagnostics), COMPLETE);
  // The first publish after the scan is already complete (the open file's findings computed ahead of the refresh;
  // how much sooner they arrive is measured by the bench, not here).
  assert.deepEqual(codes(afterScan[0]!.diagnostics), COMPLETE);
});

test('the open file gets its namespace-complete findings before the rest of the workspace is read, none false', () => {
  const afterScan = otherNamespaces.filter((p) => p.afterScan);
  assert.deepEqual(codes(afterScan[afterScan.length - 1]!.diagnostics), COMPLETE);
  const during = otherNamespaces.filter((p) => !p.afterScan);
  for (const publish of during) for (const code of codes(publish.diagnostics)) assert.ok(COMPLETE.includes(code), `published during the scan, withdrawn later: ${code}`);
  assert.ok(
    during.some((p) => codes(p.diagnostics).join() === COMPLETE.join()),
    `the open file's complete findings were not published before the scan ended: ${JSON.stringify(during.map((p) => codes(p.diagnostics)))}`,
  );
});

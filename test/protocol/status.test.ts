/**
 * `netlens/status` through the built server: progress while the initial scan reads the workspace, then checking, then
 * ready with what the workspace holds; a workspace without Kubernetes objects says so (resources: 0), so that the
 * client can hide its status item instead of claiming "0 findings".
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { WorkspaceStatus } from '../../server/src/protocol/requests';
import { LspTestClient } from '../support/lspClient';

const SERVICE = (n: number) => `apiVersion: v1
kind: Service
metadata: {name: svc-${n}, namespace: shop}
spec:
  ports: [{port: 80}]
`;

const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function serve(files: Record<string, string>, initializationOptions?: unknown): Promise<LspTestClient> {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-status-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(workspace, name)), { recursive: true });
    fs.writeFileSync(path.join(workspace, name), text);
  }
  const client = new LspTestClient();
  cleanups.push(async () => {
    await client.shutdown();
    fs.rmSync(workspace, { recursive: true, force: true });
  });
  await client.initialize(pathToFileURL(workspace).href, { initializationOptions });
  await client.waitFor(() => client.statuses.some((s) => s.state === 'ready'), 'the first ready status');
  return client;
}

test('the scan reports n of m files read, then checking, then ready with the resources; never ready before', async () => {
  const files: Record<string, string> = {};
  for (let n = 0; n < 250; n++) files[`app/svc-${n}.yaml`] = SERVICE(n);
  const client = await serve(files);
  const states = client.statuses.map((s) => s.state);
  const firstReady = states.indexOf('ready');
  assert.deepEqual(client.statuses.slice(0, firstReady), [
    { state: 'reading', read: 0, total: 250 },
    { state: 'reading', read: 100, total: 250 },
    { state: 'reading', read: 200, total: 250 },
    { state: 'reading', read: 250, total: 250 },
    { state: 'checking', files: 250 },
  ] satisfies WorkspaceStatus[]);
  assert.deepEqual(client.statuses[firstReady], { state: 'ready', resources: 250, files: 250 });
});

test('a workspace of docker-compose and CI files holds no Kubernetes object: ready with 0 resources', async () => {
  const client = await serve({
    'docker-compose.yml': 'services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n',
    '.github/workflows/ci.yaml': 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps: [{run: npm test}]\n',
  });
  const ready = client.statuses.find((s) => s.state === 'ready');
  assert.deepEqual(ready, { state: 'ready', resources: 0, files: 2 });
});

test('a client that shows netlens/status itself gets no work-done progress besides (one progress indicator)', async () => {
  const shows = await serve({ 'a.yaml': SERVICE(1) }, { showsStatus: true });
  assert.equal(shows.progressCreated, 0);
  assert.ok(shows.statuses.some((s) => s.state === 'reading'));
  const plain = await serve({ 'a.yaml': SERVICE(1) });
  assert.equal(plain.progressCreated, 1);
});

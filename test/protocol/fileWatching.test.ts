/**
 * File watching through the built server: the watchers it registers cover folders (a folder created by git, `mkdir`
 * or `helm create` arrives as one event that no manifest glob matches), a new folder is walked with the workspace's
 * excludes, a deleted folder drops its files, and events about other files publish nothing.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../support/lspClient';

const SERVICE = (name: string) => `apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: shop}
spec:
  selector: {app: nothing-has-this}
  ports: [{port: 80}]
`;

let workspace: string;
let client: LspTestClient;
const uri = (name: string) => pathToFileURL(path.join(workspace, name)).href;
const CREATED = 1;
const DELETED = 3;

function write(name: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(workspace, name)), { recursive: true });
  fs.writeFileSync(path.join(workspace, name), text);
}

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-watch-'));
  write('base.yaml', SERVICE('base'));
  client = new LspTestClient();
  client.settings = { exclude: ['**/node_modules/**', 'charts/*/generated/**'] };
  await client.initialize(pathToFileURL(workspace).href);
  await client.settle();
});

after(async () => {
  await client.shutdown();
  fs.rmSync(workspace, { recursive: true, force: true });
});

test('the server watches manifests, and the creation and deletion of anything (folders included)', () => {
  const watchers = client.registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles').flatMap((r) => (r.registerOptions as { watchers: { globPattern: string; kind?: number }[] }).watchers);
  assert.deepEqual(watchers, [{ globPattern: '**/*.{yaml,yml,json}' }, { globPattern: '**/*', kind: 1 | 4 }]);
});

test('a folder created with manifests in it, reported as one event, is walked; the workspace excludes still apply', async () => {
  write('charts/shop/templates/svc.yaml', SERVICE('fresh'));
  write('charts/shop/generated/svc.yaml', SERVICE('generated'));
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('charts'), type: CREATED }] });
  await client.waitFor(() => (client.diagnostics.get(uri('charts/shop/templates/svc.yaml')) ?? []).some((d) => d.code === 'service-selects-nothing'), 'the file in the new folder analysed');
  await client.settle();
  assert.equal(client.diagnostics.has(uri('charts/shop/generated/svc.yaml')), false, 'excluded by charts/*/generated/** of the workspace folder');
});

test('a deleted folder drops every file under it', async () => {
  fs.rmSync(path.join(workspace, 'charts'), { recursive: true });
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('charts'), type: DELETED }] });
  await client.waitFor(() => (client.diagnostics.get(uri('charts/shop/templates/svc.yaml')) ?? ['still']).length === 0, 'the findings of the deleted file cleared');
});

test('events about files that are no manifests (a README, a build output) publish nothing', async () => {
  await client.settle();
  const [publishes, statuses] = [client.publishCount, client.statuses.length];
  write('README.md', '# hello\n');
  write('dist/app.js', 'console.log(1)\n');
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [
      { uri: uri('README.md'), type: CREATED },
      { uri: uri('dist'), type: CREATED },
      { uri: uri('dist/app.js'), type: CREATED },
      { uri: uri('old-notes.txt'), type: DELETED },
    ],
  });
  await client.settle();
  assert.equal(client.publishCount, publishes);
  assert.equal(client.statuses.length, statuses, 'no analysis pass');
});

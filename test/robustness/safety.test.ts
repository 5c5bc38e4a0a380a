/**
 * Safety: nothing from the workspace is executed or sent. The CLI and the server run with a guard preloaded that
 * refuses (and records) every network connection, name lookup and child process; manifests that look like they
 * ask for such things (URLs, hosts, commands in env values) are analysed and nothing happens.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CLI_BIN } from '../support/cli';
import { LspTestClient, REPO_ROOT } from '../support/lspClient';
import { scanFiles } from '../../server/src/io/scanFiles';

const GUARD = path.join(REPO_ROOT, 'test', 'support', 'noEgressGuard.js');
let dir: string;
let outside: string;
let guardLog: string;

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-safety-'));
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-outside-'));
  guardLog = path.join(dir, '..', `${path.basename(dir)}-guard.log`);
  fs.writeFileSync(
    path.join(dir, 'app.yaml'),
    `apiVersion: apps/v1
kind: Deployment
metadata: {name: app}
spec:
  template:
    metadata: {labels: {app: app}}
    spec:
      containers:
        - name: app
          image: example.com/app:1
          command: ["sh", "-c", "curl http://example.com/install.sh | sh"]
          env:
            - {name: API_URL, value: "https://api.example.com:443/v1"}
            - {name: DB_HOST, value: "db.postgres.database.azure.com"}
---
apiVersion: v1
kind: Service
metadata: {name: app}
spec: {selector: {app: nope}, ports: [{port: 80}]}
`,
  );
  // Links that must not be followed: a loop, and a way out of the workspace.
  fs.writeFileSync(path.join(outside, 'secret.yaml'), 'apiVersion: v1\nkind: Service\nmetadata: {name: outside}\nspec: {selector: {app: x}}\n');
  fs.symlinkSync(dir, path.join(dir, 'loop'));
  fs.symlinkSync(outside, path.join(dir, 'out'));
  fs.symlinkSync(path.join(outside, 'secret.yaml'), path.join(dir, 'linked.yaml'));
});

after(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(outside, { recursive: true, force: true });
  fs.rmSync(guardLog, { force: true });
});

test('the folder walk follows no symbolic link (no loops, nothing outside the workspace)', () => {
  const scan = scanFiles([dir]);
  assert.deepEqual(scan.files.map((f) => path.relative(dir, f)), ['app.yaml']);
});

test('the CLI opens no socket and starts no process', () => {
  const run = spawnSync(process.execPath, ['--require', GUARD, CLI_BIN, 'check', dir, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, NETLENS_GUARD_LOG: guardLog } });
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout) as { findings: { rule: string; file: string }[] };
  assert.deepEqual(report.findings.map((f) => f.rule), ['service-selects-nothing']);
  assert.ok(!report.findings.some((f) => f.file.includes('secret')), 'nothing from outside the workspace');
  assert.equal(fs.existsSync(guardLog) ? fs.readFileSync(guardLog, 'utf8') : '', '');
});

test('the language server opens no socket and starts no process', async () => {
  const client = new LspTestClient({ execArgv: ['--require', GUARD], env: { NETLENS_GUARD_LOG: guardLog } });
  try {
    await client.initialize(pathToFileURL(dir).href);
    const appUri = pathToFileURL(path.join(dir, 'app.yaml')).href;
    await client.waitFor(() => (client.diagnostics.get(appUri) ?? []).length === 1, 'diagnostics for app.yaml');
    assert.ok(![...client.diagnostics.keys()].some((uri) => uri.includes('secret') || uri.includes('loop') || uri.includes('/out/')));
  } finally {
    await client.shutdown();
  }
  assert.equal(fs.existsSync(guardLog) ? fs.readFileSync(guardLog, 'utf8') : '', '');
});

test('the guard itself works (a test that cannot fail proves nothing)', () => {
  const run = spawnSync(process.execPath, ['--require', GUARD, '-e', "require('node:net').connect(1, '127.0.0.1')"], { encoding: 'utf8', env: { ...process.env, NETLENS_GUARD_LOG: guardLog } });
  assert.notEqual(run.status, 0);
  assert.match(fs.readFileSync(guardLog, 'utf8'), /net\.connect/);
  fs.rmSync(guardLog);
});

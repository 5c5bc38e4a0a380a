/**
 * The language server against hostile workspaces (issue 14): it initialises, publishes, and survives every profile
 * or settings change, whatever the profile holds (a link to /dev/zero, a self-alias, an alias bomb, an import outside
 * the folder) and whatever else lies in the folder (a List that contains itself, a FIFO). Each test failed on the
 * commit before the fix: the server hung, died or read outside the folder.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../support/lspClient';

const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {selector: {app: nobody}, ports: [{port: 80}]}\n';

async function withServer(files: Record<string, string>, setup: (dir: string) => void, body: (client: LspTestClient, uri: (file: string) => string, dir: string) => Promise<void>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-hostile-server-'));
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
  setup(dir);
  const client = new LspTestClient();
  try {
    await client.initialize(pathToFileURL(dir).href);
    await body(client, (file) => pathToFileURL(path.join(dir, file)).href, dir);
  } finally {
    await client.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const selectsNothing = (client: LspTestClient, uri: string) => () => (client.diagnostics.get(uri) ?? []).some((d) => d.code === 'service-selects-nothing');
const profileMessages = (client: LspTestClient, uri: string) => (client.diagnostics.get(uri) ?? []).filter((d) => d.code === 'cluster-profile').map((d) => d.message);

test('.netlens.yaml as a link to /dev/zero, a FIFO manifest, a self-containing List: the server initialises and publishes', { timeout: 60000 }, async () => {
  await withServer(
    { 'svc.yaml': SERVICE, 'list.yaml': '&net\napiVersion: v1\nkind: List\nitems: [*net]\n' },
    (dir) => {
      fs.symlinkSync('/dev/zero', path.join(dir, '.netlens.yaml'));
      assert.equal(spawnSync('mkfifo', [path.join(dir, 'fifo.yaml')]).status, 0);
    },
    async (client, uri) => {
      await client.waitFor(selectsNothing(client, uri('svc.yaml')), 'the Service finding', 30000);
      await client.settle();
      assert.ok((client.diagnostics.get(uri('list.yaml')) ?? []).some((d) => /contains it/.test(d.message)));
      await client.waitFor(() => profileMessages(client, uri('.netlens.yaml')).length > 0, 'the profile diagnostic');
      assert.match(profileMessages(client, uri('.netlens.yaml'))[0]!, /a symbolic link, not followed/);
    },
  );
});

test('a self-aliased profile, then an alias bomb, then a settings change: the server answers after each', { timeout: 60000 }, async () => {
  let bomb = 'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  let previous = 'a';
  for (const name of 'bcdefghi') {
    bomb += `${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]\n`;
    previous = name;
  }
  await withServer({ 'svc.yaml': SERVICE, '.netlens.yaml': 'cluster: &c {networkModel: overlay, x: *c}\n' }, () => undefined, async (client, uri, dir) => {
    await client.waitFor(selectsNothing(client, uri('svc.yaml')), 'the Service finding', 30000);
    await client.waitFor(() => profileMessages(client, uri('.netlens.yaml')).some((m) => /contains it/.test(m)), 'the self-alias error');
    // Profile and settings changes used to kill the server (an unhandled RangeError) or exhaust its memory.
    fs.writeFileSync(path.join(dir, '.netlens.yaml'), `${bomb}cluster: {networkModel: overlay, podCidr: *i}\n`);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('.netlens.yaml'), type: 2 }] });
    await client.waitFor(() => profileMessages(client, uri('.netlens.yaml')).some((m) => /more than 10000 values/.test(m)), 'the bomb error', 30000);
    client.settings = { cluster: { networkModel: 'flat' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.settle();
    const symbols = await client.connection.sendRequest('workspace/symbol', { query: 's' });
    assert.ok(Array.isArray(symbols));
  });
});

test('the profile and its import are read only inside the workspace folder; the refusal tells nothing of the file', { timeout: 60000 }, async () => {
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-outside-'));
  fs.writeFileSync(path.join(outside, 'secret.json'), '{\n  "networkProfile": oops\n}\n');
  try {
    await withServer({ 'svc.yaml': SERVICE, '.netlens.yaml': `cluster: {importFrom: ${path.join(outside, 'secret.json')}}\n` }, () => undefined, async (client, uri) => {
      await client.waitFor(() => profileMessages(client, uri('.netlens.yaml')).length > 0, 'the profile diagnostic', 30000);
      const messages = profileMessages(client, uri('.netlens.yaml'));
      assert.ok(messages.some((m) => /cannot read it: outside the workspace folder/.test(m)), messages.join('\n'));
      assert.ok(!client.diagnostics.has(pathToFileURL(path.join(outside, 'secret.json')).href), 'no diagnostic in the file outside');
      assert.ok(messages.every((m) => !/oops|line 2/.test(m)));
    });
  } finally {
    fs.rmSync(outside, { recursive: true, force: true });
  }
});

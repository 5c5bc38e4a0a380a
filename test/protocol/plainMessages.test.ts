/**
 * Diagnostic messages are plain text: names in quotes, never markdown backticks (the Problems panel shows text as
 * it is). A client that does not show related information gets the whole message in one.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../support/lspClient';

const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {app: nothing}\n  ports: [{port: 80}]\n';
let workspace: string;
let client: LspTestClient;

after(async () => {
  await client.shutdown();
  fs.rmSync(workspace, { recursive: true, force: true });
});

test('without related information the message is whole, in plain text', async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-plain-'));
  fs.writeFileSync(path.join(workspace, 'svc.yaml'), SERVICE);
  client = new LspTestClient();
  await client.initialize(pathToFileURL(workspace).href, { textDocument: { publishDiagnostics: { relatedInformation: false, codeDescriptionSupport: true, dataSupport: true } } });
  const uri = pathToFileURL(path.join(workspace, 'svc.yaml')).href;
  await client.waitFor(() => (client.diagnostics.get(uri) ?? []).length > 0, 'the finding');
  const [diagnostic] = client.diagnostics.get(uri)!;
  assert.equal(diagnostic!.message, "Service 'web' selects no workload: no pod template in namespace 'shop' has app=nothing (the workspace has no workload in 'shop')");
  assert.equal(diagnostic!.relatedInformation, undefined);
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { after, describe, it } from 'mocha';
import { closeAllEditors, fixture, revertAndClose, waitFor } from './helpers';

interface GeneratorReply {
  applied?: boolean;
  error?: string;
  files?: string[];
  policies?: string[];
  existing?: { name: string; location: { uri: string } };
}

/**
 * The generators open what they write as unsaved documents with the paths beside the manifests: nothing is on disk
 * until the user saves (the first test saves, and its file is removed afterwards).
 */
describe('generator commands', () => {
  const written: vscode.Uri[] = [];
  after(async () => {
    // The generators' edits are not saved: revert each (closing a dirty editor would ask to save it).
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) await revertAndClose(document);
    await closeAllEditors();
    for (const uri of written) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  async function textOf(uri: vscode.Uri): Promise<string> {
    return (await vscode.workspace.openTextDocument(uri)).getText();
  }

  /** The unsaved document a generator opened for `file`, which is not on disk. */
  function unsaved(reply: GeneratorReply | undefined, file: vscode.Uri): vscode.Uri {
    const uri = file.with({ scheme: 'untitled' });
    assert.ok(reply?.files?.includes(uri.toString()), `${uri} in ${JSON.stringify(reply?.files)}`);
    assert.equal(fs.existsSync(file.fsPath), false, `${file.fsPath} is not written before the user saves`);
    return uri;
  }

  it('Add Default-Deny for Namespace writes default-deny and DNS policies beside the namespace’s manifests', async () => {
    const reply = await vscode.commands.executeCommand<GeneratorReply>('netlens.addDefaultDeny', { namespace: 'payments' });
    assert.equal(reply?.error, undefined);
    assert.equal(reply.applied, true);
    assert.deepEqual(reply.policies, ['default-deny', 'allow-dns']);
    const file = fixture('graph/payments-default-deny.yaml');
    const uri = unsaved(reply, file);
    assert.deepEqual(reply.files, [uri.toString()]);
    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.isDirty, true);
    const text = document.getText();
    assert.match(text, /name: default-deny\n\s+namespace: payments/);
    assert.match(text, /port: 53/);
    // Saved, it is where the generator meant it.
    written.push(file);
    assert.ok(await document.save());
    await waitFor('the saved file', () => fs.existsSync(file.fsPath) && fs.readFileSync(file.fsPath, 'utf8') === text);
  });

  it('Add Default-Deny again: no second default deny is added silently; Add Anyway adds one', async () => {
    // The saved file of the previous test holds payments' default deny now.
    const reply = await waitFor('the existing default deny to be named', async () => {
      const r = await vscode.commands.executeCommand<GeneratorReply>('netlens.addDefaultDeny', { namespace: 'payments' });
      return r?.existing && r;
    });
    assert.equal(reply.applied, false);
    assert.equal(reply.existing!.name, 'default-deny');
    assert.ok(reply.existing!.location.uri.endsWith('payments-default-deny.yaml'), reply.existing!.location.uri);
    assert.equal(reply.files, undefined);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.isDirty && d.getText().includes('default-deny-2')), 'nothing was added');
    const anyway = await vscode.commands.executeCommand<GeneratorReply>('netlens.addDefaultDeny', { namespace: 'payments', addAnyway: true });
    assert.equal(anyway.applied, true);
    assert.deepEqual(anyway.policies, ['default-deny-2', 'allow-dns-2']);
  });

  it('a generator’s documents leave no file behind when the user does not save them', async () => {
    const reply = await vscode.commands.executeCommand<GeneratorReply>('netlens.generateNamespacePolicies', { namespace: 'store' });
    assert.equal(reply.applied, true);
    const files = reply.files!.map((f) => vscode.Uri.parse(f));
    for (const uri of files) {
      const document = await vscode.workspace.openTextDocument(uri);
      assert.equal(document.isDirty, true);
      await revertAndClose(document); // what "Don't Save" does
    }
    for (const uri of files) assert.equal(fs.existsSync(uri.with({ scheme: 'file' }).fsPath), false, `${uri.fsPath} is not on disk`);
  });

  it('Generate NetworkPolicies for Namespace writes least-privilege policies from the declared traffic', async () => {
    const reply = await vscode.commands.executeCommand<GeneratorReply>('netlens.generateNamespacePolicies', { namespace: 'store' });
    assert.equal(reply?.error, undefined);
    assert.equal(reply.applied, true);
    assert.ok(reply.files?.length, 'a document is written');
    for (const file of reply.files!) unsaved(reply, vscode.Uri.parse(file).with({ scheme: 'file' }));
    assert.ok(reply.policies!.every((p) => p.startsWith('store/')), JSON.stringify(reply.policies));
    const text = await waitFor('the generated policies', async () => {
      const t = await textOf(vscode.Uri.parse(reply.files![0]!));
      return t.includes('kind: NetworkPolicy') && t;
    });
    // frontend names orders (ORDERS_URL): the generated policies admit it on the pod port.
    assert.match(text, /app: orders/);
    assert.match(text, /9000|http/);
  });

  it('Migrate Ingress to Gateway API writes a Gateway and an HTTPRoute', async () => {
    const reply = await vscode.commands.executeCommand<GeneratorReply & { routes?: unknown[] }>('netlens.migrateIngressToGateway', { ingress: 'store/frontend' });
    assert.equal(reply?.error, undefined);
    assert.equal(reply.applied, true);
    assert.ok(reply.files?.length, 'a document is written');
    for (const file of reply.files!) unsaved(reply, vscode.Uri.parse(file).with({ scheme: 'file' }));
    const texts = await waitFor('the Gateway API objects', async () => {
      const all = (await Promise.all(reply.files!.map((f) => textOf(vscode.Uri.parse(f))))).join('\n---\n');
      return all.includes('kind: HTTPRoute') && all;
    });
    assert.match(texts, /kind: Gateway\b/);
    assert.match(texts, /hostnames:\n\s+- store\.example\.com/);
    assert.match(texts, /name: frontend\n\s+port: 443/);
  });
});

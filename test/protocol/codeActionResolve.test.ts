/**
 * A client like VS Code (it resolves code actions and supports change annotations): the migration of an Ingress is
 * offered without its edit and computed only when the action is chosen (clients that cannot resolve get it computed
 * at once, test/protocol/codeActions.test.ts); edits that create files or touch several need confirmation.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction } from 'vscode-languageserver-types';
import { MIGRATE_INGRESS_COMMAND, type MigrationReply } from '../../server/src/protocol/commands';
import { LspTestClient } from '../support/lspClient';

const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: shop
  annotations:
    nginx.ingress.kubernetes.io/proxy-body-size: 8m
spec:
  ingressClassName: webapprouting.kubernetes.azure.com
  rules:
    - host: shop.example.com
      http:
        paths:
          - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
`;

let workspace: string;
let client: LspTestClient;
const messages: { type: number; message: string }[] = [];
const uri = (name: string) => pathToFileURL(path.join(workspace, name)).href;

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-resolve-'));
  fs.writeFileSync(path.join(workspace, 'ingress.yaml'), INGRESS);
  client = new LspTestClient();
  client.connection.onRequest('window/showMessageRequest', (params: { type: number; message: string }) => {
    messages.push(params);
    return null;
  });
  const result = (await client.initialize(pathToFileURL(workspace).href, {
    textDocument: { codeAction: { dataSupport: true, resolveSupport: { properties: ['edit'] } } },
    workspace: { workspaceEdit: { documentChanges: true, changeAnnotationSupport: { groupsOnLabel: true } } },
  })) as {
    capabilities: { codeActionProvider: { resolveProvider: boolean } };
  };
  assert.equal(result.capabilities.codeActionProvider.resolveProvider, true);
  await client.settle();
});

after(async () => {
  await client.shutdown();
  fs.rmSync(workspace, { recursive: true, force: true });
});

const migrateAction = async (): Promise<CodeAction> => {
  const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri: uri('ingress.yaml') },
    range: { start: { line: 3, character: 8 }, end: { line: 3, character: 8 } },
    context: { diagnostics: [], only: ['refactor.rewrite'] },
  });
  const migrate = actions.find((a) => a.title.startsWith('Migrate Ingress'));
  assert.ok(migrate, JSON.stringify(actions));
  return migrate;
};

test('the migration is offered without an edit, and resolving it gives the edit the migrate command computes', async () => {
  const migrate = await migrateAction();
  assert.equal(migrate.title, "Migrate Ingress 'shop' to Gateway API (approuting-istio)");
  assert.equal(migrate.edit, undefined, 'not computed for the menu');
  assert.ok(migrate.data);
  const resolved = await client.connection.sendRequest<CodeAction>('codeAction/resolve', migrate);
  assert.equal(resolved.title, migrate.title);
  const expected = await client.connection.sendRequest<MigrationReply>('workspace/executeCommand', { command: MIGRATE_INGRESS_COMMAND, arguments: [{ ingress: 'shop/shop', apply: false }] });
  assert.ok(expected.edit);
  assert.deepEqual(resolved.edit, expected.edit);
});

test('an action whose Ingress is gone by the time it is chosen comes back without an edit, and the user is told', async () => {
  const migrate = await migrateAction();
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('ingress.yaml'), languageId: 'yaml', version: 1, text: INGRESS.replace('name: shop\n', 'name: storefront\n') } });
  await client.settle();
  const resolved = await client.connection.sendRequest<CodeAction>('codeAction/resolve', migrate);
  assert.equal(resolved.edit, undefined);
  assert.ok(messages.some((m) => /Ingress shop\/shop is no longer in the workspace/.test(m.message)), JSON.stringify(messages));
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('ingress.yaml') } });
});

test('an action the server did not make is resolved as it is', async () => {
  const foreign: CodeAction = { title: 'something else', data: { resolve: 'other' } };
  assert.deepEqual(await client.connection.sendRequest<CodeAction>('codeAction/resolve', foreign), foreign);
});

test('an edit that creates a file needs confirmation (a change annotation on every part of it); one in the file itself does not', async () => {
  const reply = await client.connection.sendRequest<MigrationReply>('workspace/executeCommand', { command: MIGRATE_INGRESS_COMMAND, arguments: [{ ingress: 'shop/shop', apply: false }] });
  const edit = reply.edit!;
  assert.deepEqual(edit.changeAnnotations, { 'netlens.confirm': { label: 'Migrate Ingress shop/shop to Gateway API', needsConfirmation: true, description: '1 file, 1 new' } });
  for (const change of edit.documentChanges!) {
    if ('kind' in change) assert.equal(change.annotationId, 'netlens.confirm');
    else for (const textEdit of change.edits) assert.equal('annotationId' in textEdit && textEdit.annotationId, 'netlens.confirm');
  }
  const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri: uri('ingress.yaml') },
    range: { start: { line: 3, character: 8 }, end: { line: 3, character: 8 } },
    context: { diagnostics: [{ range: { start: { line: 3, character: 8 }, end: { line: 3, character: 12 } }, message: 'x', source: 'netlens', code: 'ingress-nginx-retirement' }], only: ['quickfix'] },
  });
  const ignore = actions.find((a) => a.title.startsWith('Ignore ingress-nginx-retirement for this object'));
  assert.ok(ignore?.edit?.changes, JSON.stringify(actions));
  assert.equal(ignore.edit.changeAnnotations, undefined);
});

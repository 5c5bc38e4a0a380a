import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { after, describe, it } from 'mocha';
import { applyCodeAction, codeActions, fixture, revertAndClose, waitForDiagnostic, waitForNoDiagnostic } from './helpers';

describe('quick fixes', () => {
  let document: vscode.TextDocument | undefined;
  after(async () => {
    if (document) await revertAndClose(document);
  });

  it('a quick fix applies and its diagnostic disappears', async () => {
    const uri = fixture('shop/api.yaml');
    const diagnostic = await waitForDiagnostic(uri, 'service-target-port-missing');
    // Code action providers run on a loaded document.
    document = await vscode.workspace.openTextDocument(uri);
    const actions = await codeActions(uri, diagnostic.range, vscode.CodeActionKind.QuickFix);
    const fix = actions.find((a) => a.title === "Change targetPort to container port 'http'");
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(fix.isPreferred, true, 'the only named container port is the preferred fix');
    await applyCodeAction(fix);
    assert.ok(document.getText().includes('targetPort: http'), 'the edit is in the document');
    await waitForNoDiagnostic(uri, 'service-target-port-missing');
  });
});

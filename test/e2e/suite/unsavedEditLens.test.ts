import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describe, it } from 'mocha';
import { openFixture, replaceAll, revertAndClose, waitFor } from './helpers';

/** The unsaved-edit code lens of a policy (issue 21), as VS Code asks for code lenses. */
async function editLenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
  return lenses.filter((l) => l.command?.command === 'netlens.showConnectivityChanges');
}

describe('unsaved-edit code lens', () => {
  it('says what an unsaved policy edit does to connectivity, lists the pairs, and goes when the edit is reverted', async () => {
    const doc = await openFixture('graph/payments.yaml');
    try {
      assert.deepEqual(await editLenses(doc.uri), [], 'no lens before the edit');
      await replaceAll(doc, '- port: 7000', '- port: 7001');
      const lens = await waitFor('the unsaved-edit lens on the ledger policy', async () => (await editLenses(doc.uri))[0]);
      assert.match(lens.command!.title, /^unsaved edit: opens \d+ connections?, closes \d+ connections?$/);
      const kindLine = doc.getText().split('\n').findIndex((l) => l.includes('kind: NetworkPolicy'));
      assert.ok(lens.range.start.line >= kindLine - 2 && lens.range.start.line <= kindLine, `the lens sits on the policy (line ${lens.range.start.line})`);
      const args = lens.command!.arguments![0] as { title: string; changes: string[] };
      assert.ok(args.changes.length > 0);
      for (const change of args.changes) assert.match(change, /^changed: store\/.* → payments\/ledger\[Deployment\]: TCP 7000 → TCP 7001$/);
    } finally {
      await revertAndClose(doc);
    }
  });
});

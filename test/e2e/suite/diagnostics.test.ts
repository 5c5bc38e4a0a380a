import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { after, describe, it } from 'mocha';
import { fixture, netlensDiagnostics, openFixture, replaceAll, revertAndClose, ruleOf, waitForDiagnostic, waitForNoDiagnostic } from './helpers';

/** 0-based line of the first line of a fixture file (as on disk) that contains `text`. */
function lineOf(relativePath: string, text: string): number {
  const line = fs.readFileSync(fixture(relativePath).fsPath, 'utf8').split('\n').findIndex((l) => l.includes(text));
  assert.ok(line >= 0, `${text} occurs in ${relativePath}`);
  return line;
}

function isOpen(relativePath: string): boolean {
  const uri = fixture(relativePath).toString();
  return vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri);
}

describe('diagnostics', () => {
  it('appear for files that were never opened (workspace scan)', async () => {
    const expected: [string, string, string][] = [
      ['shop/ingress.yaml', 'ingress-backend-missing', 'name: orders'],
      ['shop/api.yaml', 'service-target-port-missing', 'targetPort: grpc'],
      ['shop/web-service.yaml', 'service-selects-nothing', 'app: web'],
    ];
    for (const [file, rule, text] of expected) {
      assert.ok(!isOpen(file), `${file} has not been opened`);
      const diagnostic = await waitForDiagnostic(fixture(file), rule, lineOf(file, text));
      assert.equal(diagnostic.source, 'netlens');
    }
    const orders = await waitForDiagnostic(fixture('shop/ingress.yaml'), 'ingress-backend-missing');
    assert.equal(orders.severity, vscode.DiagnosticSeverity.Error);
    assert.match(orders.message, /Service 'orders', which does not exist in namespace 'shop'/);
    const code = orders.code as { value: string; target: vscode.Uri };
    assert.match(code.target.toString(), /ingress-backend-missing/, 'the code links to the rule documentation');
    // Healthy manifests get none of these findings (checked after the others arrived, so the scan is done; other
    // rules may have something to say about them, which is for the rule tests to pin down).
    const rules = new Set(expected.map(([, rule]) => rule));
    for (const file of ['edge/gateway.yaml', 'shop/web-deployment.yaml']) {
      assert.deepEqual(netlensDiagnostics(fixture(file)).map(ruleOf).filter((r) => rules.has(r)), [], `${file} has none of ${[...rules]}`);
    }
    for (const [file] of expected) assert.ok(!isOpen(file), `${file} is still not open`);
  });

  describe('an edit in one file updates the diagnostics of another', () => {
    const service = fixture('shop/web-service.yaml');
    let deployment: vscode.TextDocument | undefined;
    after(async () => {
      if (deployment) await revertAndClose(deployment);
    });

    it('fixing the Deployment labels clears the Service warning, reverting brings it back', async () => {
      const warning = await waitForDiagnostic(service, 'service-selects-nothing');
      assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
      // The point in the message, the rest (the closest workload) in a related row at the finding.
      assert.equal(warning.message, "Service 'web' selects no workload.");
      assert.ok(warning.relatedInformation?.some((r) => /closest: Deployment web has app=web-v1/.test(r.message) && r.location.range.isEqual(warning.range)), JSON.stringify(warning.relatedInformation));

      deployment = await openFixture('shop/web-deployment.yaml');
      const onDisk = fs.readFileSync(deployment.uri.fsPath, 'utf8');
      assert.equal(await replaceAll(deployment, 'app: web-v1', 'app: web'), 2);
      await waitForNoDiagnostic(service, 'service-selects-nothing');
      assert.ok(deployment.isDirty, 'the fix is only in the editor');
      assert.equal(fs.readFileSync(deployment.uri.fsPath, 'utf8'), onDisk, 'the file on disk is unchanged');
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === service.toString()), 'the Service file was never opened');

      // Closing the editor without saving makes the file on disk the truth again.
      await revertAndClose(deployment);
      deployment = undefined;
      await waitForDiagnostic(service, 'service-selects-nothing');
    });
  });
});

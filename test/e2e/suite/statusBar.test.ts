import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describe, it } from 'mocha';
import { activeApi, allNetlensDiagnostics, fixture, waitFor, waitForDiagnostic } from './helpers';

describe('status bar', () => {
  it('counts the netlens findings of the workspace, and a click runs the Problems panel command', async () => {
    const api = await activeApi();
    await waitForDiagnostic(fixture('shop/ingress.yaml'), 'ingress-backend-missing');
    await waitForDiagnostic(fixture('shop/web-service.yaml'), 'service-selects-nothing');
    const expected = await waitFor('the status bar to show the finding count', () => {
      const byFile = allNetlensDiagnostics();
      const all = byFile.flatMap(([, d]) => d);
      const count = (severity: vscode.DiagnosticSeverity) => all.filter((d) => d.severity === severity).length;
      const [errors, warnings] = [count(vscode.DiagnosticSeverity.Error), count(vscode.DiagnosticSeverity.Warning)];
      const icon = errors ? '$(error)' : warnings ? '$(warning)' : all.length ? '$(info)' : '$(check)';
      const text = `${icon} Netlens: ${all.length}`;
      const tooltip = `${errors} errors, ${warnings} warnings, ${all.length - errors - warnings} infos in ${byFile.length} files`;
      return api.statusBar.text === text && String(api.statusBar.tooltip).includes(tooltip) && { text, tooltip };
    });
    assert.match(expected.text, /^\$\(error\) Netlens: [1-9]/);
    // The resource count comes from the server (netlens/status) and reads like the fixture workspace.
    await waitFor('the status bar tooltip to count the analysed resources', () => /Analysed [1-9]\d* resources in [1-9]\d* files\./.test(String(api.statusBar.tooltip)));
    const command = api.statusBar.command;
    assert.equal(typeof command === 'string' ? command : command?.command, 'workbench.actions.view.problems');
    // The click target exists (that it shows the panel is checked through the real UI, test/e2e/ui/).
    assert.ok((await vscode.commands.getCommands(true)).includes('workbench.actions.view.problems'));
  });
});

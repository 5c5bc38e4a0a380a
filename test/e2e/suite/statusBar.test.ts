import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describe, it } from 'mocha';
import { activeApi, allNetlensDiagnostics, fixture, waitFor, waitForDiagnostic } from './helpers';

/** What the status bar should say for the diagnostics VS Code holds now (client/src/status/statusText.ts). */
function expectedText(): string {
  const all = allNetlensDiagnostics().flatMap(([, d]) => d);
  const count = (severity: vscode.DiagnosticSeverity) => all.filter((d) => d.severity === severity).length;
  const icon = count(vscode.DiagnosticSeverity.Error) ? '$(error)' : count(vscode.DiagnosticSeverity.Warning) ? '$(warning)' : '$(info)';
  return `${icon} Netlens: ${all.length}`;
}

describe('status bar', () => {
  it('counts the netlens findings of the workspace, and a click runs the Problems panel command', async () => {
    const api = await activeApi();
    await waitForDiagnostic(fixture('shop/ingress.yaml'), 'ingress-backend-missing');
    await waitForDiagnostic(fixture('shop/web-service.yaml'), 'service-selects-nothing');
    const text = await waitFor('the status bar to show the finding count', () => api.statusBar.text === expectedText() && api.statusBar.text);
    assert.match(text, /^\$\(error\) Netlens: [1-9]/);
    const files = allNetlensDiagnostics().length;
    assert.match(String(api.statusBar.tooltip), new RegExp(`^Kube Netlens: \\d+ errors?(, \\d+ warnings?)?( and \\d+ infos?)? in ${files} files\\.`));
    // The resource count comes from the server (netlens/status) and reads like the fixture workspace.
    await waitFor('the status bar tooltip to count the analysed resources', () => /Analysed [1-9]\d* resources in [1-9]\d* files\./.test(String(api.statusBar.tooltip)));
    const command = api.statusBar.command;
    assert.equal(typeof command === 'string' ? command : command?.command, 'workbench.actions.view.problems');
    // The click target exists (that it shows the panel is checked through the real UI, test/e2e/ui/).
    assert.ok((await vscode.commands.getCommands(true)).includes('workbench.actions.view.problems'));
  });

  it('during a restart it shows progress, never a count lower than the workspace has', async () => {
    const api = await activeApi();
    const before = await waitFor('a settled finding count', () => api.statusBar.text === expectedText() && api.statusBar.text);
    const seen: string[] = [before];
    const record = () => {
      if (seen[seen.length - 1] !== api.statusBar.text) seen.push(api.statusBar.text);
    };
    const sample = setInterval(record, 5);
    try {
      await vscode.commands.executeCommand('netlens.restartServer');
      // The condition records too: the interval may not have run between the last change and this check (CI saw
      // the final count missing from `seen` because waitFor read it first).
      await waitFor('the count to come back after the restart', () => (record(), seen.includes('$(sync~spin) Netlens') && api.statusBar.text === before));
    } finally {
      clearInterval(sample);
    }
    const counts = seen.filter((text) => !text.startsWith('$(sync~spin)'));
    // Only the count before and after (the same), whatever arrived in between: progress texts, no "0", no check mark.
    assert.deepEqual([...new Set(counts)], [before], JSON.stringify(seen));
    assert.ok(seen.every((text) => !/\$\(check\)|Netlens: 0$/.test(text)), JSON.stringify(seen));
  });
});

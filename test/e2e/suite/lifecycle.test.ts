import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describe, it } from 'mocha';
import { activeApi, fixture, isAlive, netlensDiagnostics, waitFor, waitForDiagnostic, waitForOneServer, watchClears } from './helpers';

/**
 * Runs `disrupt` on the running server and checks that a new server process replaces it and that the diagnostics
 * are cleared (the client drops the old server's) and published again by the new one.
 */
async function expectServerReplaced(disrupt: (pid: number) => Promise<void> | void): Promise<void> {
  const api = await activeApi();
  const uri = fixture('shop/ingress.yaml');
  await waitForDiagnostic(uri, 'ingress-backend-missing');
  const old = await waitForOneServer('one language server process');
  const watch = watchClears(uri);
  try {
    await disrupt(old);
    const replacement = await waitForOneServer('a new language server process', old);
    await waitFor('the old server process to be gone', () => !isAlive(old));
    await waitFor('the diagnostics of the old server to be cleared', () => watch.clears > 0);
    await waitForDiagnostic(uri, 'ingress-backend-missing');
    await waitFor('the client to be running', () => api.client?.isRunning());
    assert.notEqual(replacement, old);
    assert.ok(netlensDiagnostics(uri).length > 0);
  } finally {
    watch.dispose();
  }
}

describe('server lifecycle', () => {
  it('a killed server (SIGKILL) is restarted by the client and diagnostics come back', async () => {
    await expectServerReplaced((pid) => {
      process.kill(pid, 'SIGKILL');
    });
  });

  it('netlens.restartServer starts a new server and diagnostics come back', async () => {
    await expectServerReplaced(async () => {
      await vscode.commands.executeCommand('netlens.restartServer');
    });
  });
});

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describe, it } from 'mocha';
import { activeApi, extensionPath, waitForOneServer } from './helpers';

describe('extension', () => {
  it('activates from the expected location, registers its commands and starts one server', async () => {
    const api = await activeApi();
    // The runner says where the extension must come from: the repository (extensionDevelopmentPath) or the
    // extensions folder the .vsix was installed into.
    const expected = process.env.NETLENS_E2E_EXTENSION_PATH;
    assert.ok(expected, 'the runner sets NETLENS_E2E_EXTENSION_PATH');
    assert.equal(extensionPath(), expected);
    const commands = await vscode.commands.getCommands(true);
    for (const command of ['netlens.restartServer', 'netlens.showOutput']) assert.ok(commands.includes(command), `${command} is registered`);
    await waitForOneServer('one language server process');
    assert.ok(api.client?.isRunning(), 'the language client is running');
  });
});

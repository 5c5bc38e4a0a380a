import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'mocha';
import { fixture, netlensDiagnostics, waitFor, waitForDiagnostic, workspaceRoot } from './helpers';

const SERVICE = `apiVersion: v1
kind: Service
metadata: {name: checkout, namespace: pulled}
spec:
  selector: {app: checkout}
  ports: [{port: 80, targetPort: 8080}]
`;

describe('file watching', () => {
  it('files of a folder that appears at once (git checkout, a move) are analysed without a restart', async () => {
    // Built beside the workspace and moved in: the watcher sees one event, for the folder.
    const root = workspaceRoot().fsPath;
    const staging = fs.mkdtempSync(path.join(path.dirname(root), 'netlens-staging-'));
    fs.mkdirSync(path.join(staging, 'k8s'));
    fs.writeFileSync(path.join(staging, 'k8s', 'checkout.yaml'), SERVICE);
    fs.renameSync(staging, path.join(root, 'pulled'));
    const uri = fixture('pulled/k8s/checkout.yaml');
    const diagnostic = await waitForDiagnostic(uri, 'service-selects-nothing');
    assert.equal(diagnostic.range.start.line, 4);
    // And gone with the folder.
    fs.rmSync(path.join(root, 'pulled'), { recursive: true });
    await waitFor('the findings of the deleted folder to go', () => netlensDiagnostics(uri).length === 0);
  });
});

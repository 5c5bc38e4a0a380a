import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describe, it } from 'mocha';
import { fixture, hoverText, positionOf, waitFor } from './helpers';

describe('hover', () => {
  it('on a LoadBalancer Service says L4, on an Ingress says L7', async () => {
    const doc = await vscode.workspace.openTextDocument(fixture('edge/gateway.yaml'));
    const l4 = await waitFor('an L4 hover on `type: LoadBalancer`', async () => (await hoverText(doc.uri, positionOf(doc, 'type: LoadBalancer', 8))).match(/LoadBalancer\*\* \(L4\).*/)?.[0]);
    const l7 = await waitFor('an L7 hover on `kind: Ingress`', async () => (await hoverText(doc.uri, positionOf(doc, 'kind: Ingress', 6))).match(/\*\*L7\*\* routing.*/)?.[0]);
    assert.match(l4, /forwards TCP\/UDP connections by port/);
    assert.match(l7, /terminates the client connection/);
  });
});

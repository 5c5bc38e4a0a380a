import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { after, describe, it } from 'mocha';
import { activeApi, closeAllEditors, fixture, replaceAll, revertAndClose, waitFor, webviewTab } from './helpers';

const VIEW_TYPE = 'netlens.connectivityGraph';

interface GraphReply {
  allNamespaces: string[];
  nodes: { id: string; type: string; isolated?: { ingress: boolean; egress: boolean }; place?: { uri: string; range: unknown } }[];
  edges: { id: string; kind: string; source: string; target: string; status?: string; blocked?: boolean; label: string }[];
}

describe('connectivity graph', () => {
  after(closeAllEditors);

  it('Show Connectivity Graph opens the webview, which draws what netlens/graph answers', async () => {
    const api = await activeApi();
    await vscode.commands.executeCommand('netlens.showGraph');
    await waitFor('the graph webview tab', () => webviewTab(VIEW_TYPE));
    // The webview draws every node and edge the server sent (none is dropped for a missing end). The first graph may
    // come from a server still reading the workspace: wait for the drawing of the graph the server has now.
    let graph: GraphReply | undefined;
    const rendered = await waitFor('the webview to draw the graph the server answers now', async () => {
      const last = api.graph.lastRendered;
      if (!last || last.namespace !== undefined) return undefined;
      graph = await api.client!.sendRequest<GraphReply>('netlens/graph', {});
      return last.nodes === graph.nodes.length && last.edges === graph.edges.length ? last : undefined;
    });
    assert.ok(rendered.nodes >= 10 && graph);
    assert.deepEqual(graph.allNamespaces, ['edge', 'payments', 'shop', 'store']);
    const frontend = graph.nodes.find((n) => n.id === 'store/frontend[Deployment]');
    assert.deepEqual(frontend?.isolated, { ingress: true, egress: false });
    assert.match(frontend!.place!.uri, /graph\/store\.yaml$/);
    assert.deepEqual(graph.nodes.find((n) => n.id === 'payments/ledger[Deployment]')?.isolated, { ingress: true, egress: true });
    const denied = graph.edges.filter((e) => e.kind === 'dependency' && e.status === 'denied').map((e) => `${e.source} -> ${e.target}`);
    assert.deepEqual(denied, ['store/frontend[Deployment] -> store/orders[Deployment]']);
    const blocked = graph.edges.filter((e) => e.kind === 'exposure' && e.blocked).map((e) => `${e.source} -> ${e.target}`);
    assert.deepEqual(blocked, ['lb:store/frontend -> store/frontend[Deployment]'], 'the public LB keeps client addresses (externalTrafficPolicy Local), which only the ingress controller policy would admit');
    // Where the ingress-nginx controller runs is not stated (no profile): whether its namespace is the one admitted is unknown.
    const nginx = graph.edges.find((e) => e.kind === 'exposure' && e.source === 'ingress-controller:nginx' && e.target === 'store/frontend[Deployment]');
    assert.equal(nginx?.kind === 'exposure' ? nginx.status : undefined, 'unknown');
    assert.ok(graph.nodes.some((n) => n.id === 'ingress-controller:nginx'), 'the ingress controller of class nginx is an entry point');
  });

  it('the namespace and the filter are arguments; only the namespace and its peers are drawn', async () => {
    const api = await activeApi();
    await vscode.commands.executeCommand('netlens.showGraph', { namespace: 'store', filter: 'denied' });
    const rendered = await waitFor('the store graph, filtered', () => {
      const last = api.graph.lastRendered;
      return last && last.namespace === 'store' && last.filter === 'denied' ? last : undefined;
    });
    const graph = await api.client!.sendRequest<GraphReply>('netlens/graph', { namespace: 'store' });
    assert.deepEqual([...new Set(graph.nodes.filter((n) => n.type === 'workload').map((n) => n.id.split('/')[0]))].sort(), ['payments', 'store'], 'ledger is drawn as the peer store connects to');
    assert.ok(!graph.nodes.some((n) => n.id.startsWith('shop/')));
    // Only the denied dependency, its two ends and their namespace are visible.
    assert.equal(rendered.visibleEdges, 1);
    assert.equal(rendered.visibleNodes, 3);
    await vscode.commands.executeCommand('netlens.showGraph', { namespace: '', filter: 'all' });
    await waitFor('the whole workspace again', () => {
      const last = api.graph.lastRendered;
      return last && last.namespace === undefined && last.filter === 'all';
    });
  });

  describe('while open, it follows edits', () => {
    let document: vscode.TextDocument | undefined;
    after(async () => {
      if (document) await revertAndClose(document);
    });

    it('a policy that admits the denied dependency turns it allowed after the diagnostics change', async () => {
      const api = await activeApi();
      await vscode.commands.executeCommand('netlens.showGraph');
      const before = await waitFor('the graph', () => {
        const last = api.graph.lastRendered;
        return last && last.namespace === undefined ? last : undefined;
      });
      // Edited without an editor, so that the graph stays visible (a hidden panel refreshes when it is shown again).
      document = await vscode.workspace.openTextDocument(fixture('graph/store.yaml'));
      // The catalog policy admits frontend; making it select orders too (app In [catalog, orders]) admits frontend -> orders.
      await replaceAll(document, '  podSelector:\n    matchLabels:\n      app: catalog\n', '  podSelector:\n    matchExpressions:\n      - {key: app, operator: In, values: [catalog, orders]}\n');
      await waitFor('the graph to be drawn again with one more policy edge', () => {
        const last = api.graph.lastRendered;
        return last && last !== before && last.edges === before.edges + 1;
      });
      const graph = await api.client!.sendRequest<GraphReply>('netlens/graph', {});
      assert.deepEqual(graph.edges.filter((e) => e.kind === 'dependency' && e.status === 'denied'), []);
      assert.ok(graph.edges.some((e) => e.kind === 'policy' && e.source === 'store/frontend[Deployment]' && e.target === 'store/orders[Deployment]' && e.label === 'TCP 9000'));
      await revertAndClose(document);
      document = undefined;
    });
  });

  it('Explain Connection returns the trail of a denied dependency and shows it', async () => {
    await activeApi();
    const reply = await vscode.commands.executeCommand<{ allowed: boolean; lines: string[] }>('netlens.explainConnection', {
      source: 'store/frontend',
      destination: 'store/orders',
      port: 9000,
    });
    assert.equal(reply.allowed, false);
    assert.match(reply.lines[0]!, /^Deployment store\/frontend → Deployment store\/orders on TCP 9000: DENIED$/);
    assert.ok(reply.lines.some((l) => /ingress of Deployment store\/orders: isolated by 'default-deny'/.test(l)), reply.lines.join('\n'));
    // Shown in the explanation view, titled by the two workloads (what it draws is for the ui checks).
    const tab = await waitFor('the explanation view', () => webviewTab('netlens.explanation'));
    assert.equal(tab.label, 'frontend → orders');
    assert.equal((await activeApi()).explanation.lastShown?.reply.allowed, false);

    const allowed = await vscode.commands.executeCommand<{ allowed: boolean; lines: string[] }>('netlens.explainConnection', {
      source: 'store/frontend',
      destination: 'store/catalog',
      port: 8080,
      show: false,
    });
    assert.equal(allowed.allowed, true, allowed.lines.join('\n'));
    assert.ok(allowed.lines.some((l) => l.includes("'catalog-from-frontend' ingress rule 1 admits pods app=frontend")), allowed.lines.join('\n'));

    const unknown = await vscode.commands.executeCommand<{ allowed: boolean; error?: string }>('netlens.explainConnection', { source: 'store/frontnd', destination: 'store/orders', show: false });
    assert.match(unknown.error ?? '', /did you mean 'store\/frontend'/);
  });
});

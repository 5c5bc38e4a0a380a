/**
 * The graph's layered layout (client/src/graph/webview/elkLayout.ts, our adapter to ELK): traffic reads from left to
 * right (Internet first, DNS and outside addresses last), a namespace's workloads are laid out inside its box, the
 * picture is the same each time, and 200 generated workloads are laid out in bounded time.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { layeredLayout, type LayoutBox } from '../../client/src/graph/webview/elkLayout';
import { columnOf } from '../../client/src/graph/webview/layoutColumns';
import { pairEdges } from '../../client/src/graph/webview/pairEdges';
import type { Graph } from '../../client/src/graph/protocol';
import { connectivityGraph } from '../../server/src/engine/features/graph';
import { REPO_ROOT } from '../support/lspClient';
import { analysisOf } from '../support/workspace';

const box = (id: string, extra: Partial<LayoutBox> = {}): LayoutBox => ({ id, width: 30, height: 40, ...extra });

test('left to right: sources first, workloads by namespace, outside destinations and DNS last', async () => {
  const boxes = [box('dns', { column: 'last' }), box('ns:shop', { width: 0, height: 0 }), box('shop/api', { parent: 'ns:shop' }), box('shop/web', { parent: 'ns:shop' }), box('lb:shop/web'), box('internet', { column: 'first' }), box('external', { column: 'last' })];
  const links = [
    { id: 'a', source: 'internet', target: 'lb:shop/web' },
    { id: 'b', source: 'lb:shop/web', target: 'shop/web' },
    { id: 'c', source: 'shop/web', target: 'shop/api' },
    { id: 'd', source: 'shop/api', target: 'dns' },
    { id: 'e', source: 'shop/api', target: 'external' },
  ];
  const { positions } = await layeredLayout(boxes, links);
  const x = (id: string) => positions.get(id)!.x;
  assert.ok(x('internet') < x('lb:shop/web'), 'Internet before the load balancer');
  assert.ok(x('lb:shop/web') < x('shop/web') && x('shop/web') < x('shop/api'), 'the way in, then the workloads in their order');
  assert.ok(x('shop/api') < x('dns') && x('shop/api') < x('external'), 'DNS and outside addresses last');
  assert.equal(positions.has('ns:shop'), false, 'a namespace box is drawn around its children, not placed');
  // The same input, the same picture.
  const again = await layeredLayout(boxes, links);
  assert.deepEqual([...again.positions], [...positions]);
});

test('boxes do not overlap, labels included', async () => {
  const boxes = [box('ns:a', { width: 0, height: 0 }), ...['1', '2', '3', '4'].map((n) => box(`a/${n}`, { parent: 'ns:a', width: 120, height: 50 })), box('internet', { column: 'first' })];
  const links = [{ id: 'x', source: 'internet', target: 'a/1' }, { id: 'y', source: 'internet', target: 'a/2' }];
  const { positions } = await layeredLayout(boxes, links);
  const leaves = boxes.filter((b) => b.width > 0);
  for (const a of leaves) {
    for (const b of leaves) {
      if (a.id >= b.id) continue;
      const pa = positions.get(a.id)!;
      const pb = positions.get(b.id)!;
      const apart = Math.abs(pa.x - pb.x) >= (a.width + b.width) / 2 || Math.abs(pa.y - pb.y) >= (a.height + b.height) / 2;
      assert.ok(apart, `${a.id} and ${b.id} overlap`);
    }
  }
});

test('node types pinned to a layer', () => {
  assert.equal(columnOf('internet'), 'first');
  assert.equal(columnOf('vnet'), 'first');
  assert.equal(columnOf('nodes'), 'first');
  assert.equal(columnOf('dns'), 'last');
  assert.equal(columnOf('host'), 'last');
  assert.equal(columnOf('external'), 'last');
  assert.equal(columnOf('load-balancer'), undefined);
  assert.equal(columnOf('workload'), undefined);
});

test('200 generated workloads: every node placed, in bounded time', async () => {
  const modulePath = path.join(REPO_ROOT, 'test', 'e2e', 'lib', 'generateWorkspace.mjs');
  const { generateGraphWorkspace } = (await import(pathToFileURL(modulePath).href)) as { generateGraphWorkspace: (n: number) => Map<string, string> };
  const analysis = analysisOf(generateGraphWorkspace(200));
  analysis.refresh();
  const graph = connectivityGraph(analysis.index) as unknown as Graph;
  const parents = new Set(graph.nodes.filter((n) => n.type === 'workload').map((n) => (n.type === 'workload' ? n.parent : '')));
  const boxes: LayoutBox[] = graph.nodes.map((n) => ({
    id: n.id,
    parent: n.type === 'workload' ? n.parent : undefined,
    width: parents.has(n.id) ? 0 : 30,
    height: parents.has(n.id) ? 0 : 40,
    column: columnOf(n.type),
  }));
  const ids = new Set(graph.nodes.map((n) => n.id));
  const links = pairEdges(graph.edges, ids).map((p) => ({ id: p.id, source: p.source, target: p.target }));
  const started = performance.now();
  const { positions } = await layeredLayout(boxes, links);
  const ms = performance.now() - started;
  for (const n of graph.nodes) if (!parents.has(n.id)) assert.ok(positions.has(n.id), `${n.id} placed`);
  assert.ok(ms < 30000, `laid out in ${Math.round(ms)} ms`);
});

/**
 * One line per pair (client/src/graph/webview/pairEdges.ts): the policy, dependency and exposure edges between the same
 * two nodes become one line whose look is the worst verdict among them, and the status line counts what the graph says
 * (denied DNS and external destinations among the denied dependencies, blocked ways in).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pairEdges, pairOf } from '../../client/src/graph/webview/pairEdges';
import { statusLine } from '../../client/src/graph/webview/statusLine';
import type { Graph } from '../../client/src/graph/protocol';
import { connectivityGraph } from '../../server/src/engine/features/graph';
import { SHOP } from '../features/fixtures';
import { loadFixture } from '../support/fixture';

type Edge = Graph['edges'][number];
const place = { uri: 'file:///w/a.yaml', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };
const policy = (source: string, target: string, label: string): Edge => ({ kind: 'policy', id: `policy:${source}>${target}`, source, target, label, detail: 'admitted', all: false, connections: label, pairs: 1 });
const dependency = (source: string, target: string, label: string, status: 'allowed' | 'denied' | 'unknown', what: 'service' | 'dns' | 'external' = 'service'): Edge => ({ kind: 'dependency', what, id: `dependency:${source}>${target}:${label}`, source, target, label, detail: 'needs', status, place, service: label, protocol: 'TCP' });
const exposure = (source: string, target: string, blocked = false): Edge => ({ kind: 'exposure', id: `exposure:${source}>${target}`, source, target, label: 'TCP 80', detail: 'way in', ...(blocked ? { blocked: true, status: 'blocked' as const } : {}) });

test('the policy and dependency edges of a pair are one line; its verdict is the worst part', () => {
  const ids = new Set(['a', 'b', 'c', 'internet']);
  const pairs = pairEdges([dependency('a', 'b', '✕ b:80', 'denied'), policy('a', 'b', 'TCP 9000'), dependency('a', 'b', 'b:9000', 'allowed'), policy('b', 'a', 'TCP 80'), exposure('internet', 'c'), dependency('c', 'a', '? a:80', 'unknown')], ids);
  assert.deepEqual(pairs.map((p) => [p.id, p.verdict, p.label]), [
    ['pair:a>b', 'denied', 'TCP 9000 · ✕ b:80 · b:9000'],
    ['pair:b>a', 'allowed', 'TCP 80'],
    ['pair:internet>c', 'allowed', 'TCP 80'],
    ['pair:c>a', 'unknown', '? a:80'],
  ]);
  const ab = pairs[0]!;
  assert.deepEqual(ab.parts.map((p) => p.kind), ['policy', 'dependency', 'dependency'], 'policy first, then the dependencies in the server order');
  assert.deepEqual([...ab.kinds].sort(), ['dependency', 'policy']);
  assert.equal(pairOf(pairs, 'dependency:a>b:✕ b:80'), ab, 'a server edge is found on its line');
  assert.equal(pairOf(pairs, 'nothing'), undefined);
});

test('edges with an end that is not drawn are left out; a blocked way in is denied', () => {
  const pairs = pairEdges([policy('a', 'gone', 'TCP 1'), exposure('internet', 'a', true)], new Set(['a', 'internet']));
  assert.deepEqual(pairs.map((p) => [p.id, p.verdict]), [['pair:internet>a', 'denied']]);
});

test('the status line counts denied DNS and external destinations and blocked ways in', () => {
  const graph = {
    version: 1,
    allNamespaces: ['shop'],
    nodes: [],
    edges: [dependency('a', 'dns', '✕ DNS', 'denied', 'dns'), dependency('a', 'host:x', '✕ x:443', 'denied', 'external'), dependency('a', 'b', 'b:80', 'allowed'), dependency('a', 'c', '? c:80', 'unknown'), exposure('internet', 'a', true), exposure('internet', 'b')],
    stats: { workloads: 1, omittedWorkloads: 0, policyEdges: 0, allowedPairs: 0, openPairs: 0, dependencies: 4, deniedDependencies: 2, exposureEdges: 2, omittedEdges: 0 },
    notes: [],
  } as unknown as Graph;
  assert.equal(statusLine(graph), '1 workload · 0 policy edges · 4 declared dependencies (2 denied: 1 DNS, 1 external, 1 unknown) · 2 exposure edges (1 blocked)');
});

test('the shop fixture: every server edge is drawn on exactly one line', () => {
  const graph = connectivityGraph(loadFixture(SHOP).analysis.index) as unknown as Graph;
  const ids = new Set(graph.nodes.map((n) => n.id));
  const pairs = pairEdges(graph.edges, ids);
  const drawn = pairs.flatMap((p) => p.parts.map((e) => e.id));
  assert.deepEqual([...drawn].sort(), graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => e.id).sort());
  assert.equal(new Set(pairs.map((p) => `${p.source}>${p.target}`)).size, pairs.length, 'one line per ordered pair');
});

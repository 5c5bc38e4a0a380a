/**
 * The closed loop on real applications (issue 16): for Online Boutique and the AKS store demo (../shared/corpora) and
 * the bundled examples, the manifests plus the generated policies give no new blocking finding and every evidenced
 * connection between workloads stays allowed. Checked here independently of the generator's own loop: a fresh
 * analysis of the files with the generated ones added, asked through the reachability model.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { generatePolicies } from '../../server/src/engine/fixes/index';
import { reachModelOf, verdictBetween, workloadPeer } from '../../server/src/engine/reach/index';
import { readManifest, scanFiles } from '../../server/src/io/scanFiles';
import { REPO_ROOT } from '../support/lspClient';
import { sharedData } from '../support/shared';
import { apply, workspaceOf, type Workspace } from './support';

const corpora = sharedData('corpora');

function load(dir: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const file of scanFiles([dir]).files) {
    const read = readManifest(file);
    if ('text' in read) texts.set(file, read.text);
  }
  return texts;
}

function errors(ws: Workspace): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of ws.analysis.allFindings()) if (f.severity === 'error') out.set(`${f.ruleId}|${f.file}|${f.message}`, (out.get(`${f.ruleId}|${f.file}|${f.message}`) ?? 0) + 1);
  return out;
}

function checkApplication(dir: string): { edges: number; withheld: string[] } {
  const before = workspaceOf(load(dir));
  before.analysis.refresh();
  const result = generatePolicies(before.ctx);
  assert.equal(result.refused, false, result.notes.map((n) => n.message).join('\n'));
  assert.ok(result.documents.length > 0);
  const after = workspaceOf(apply(before, result.change));
  after.analysis.refresh();
  const was = errors(before);
  for (const [key, n] of errors(after)) assert.ok(n <= (was.get(key) ?? 0), `new blocking finding with the generated policies: ${key}`);
  const model = reachModelOf(after.analysis.index);
  const beforeModel = reachModelOf(before.analysis.index);
  let checked = 0;
  for (const edge of result.edges) {
    if (edge.from.type !== 'workload' || edge.to.type !== 'workload' || typeof edge.port !== 'number') continue;
    const ask = (m: typeof model) => {
      const src = m.netpol.peer(edge.from.id);
      const dst = m.netpol.peer(edge.to.id);
      assert.ok(src && dst, `${edge.from.id} or ${edge.to.id} missing`);
      return verdictBetween(m, workloadPeer(src), workloadPeer(dst), edge.protocol, edge.port as number).verdict;
    };
    if (ask(beforeModel) === 'denied') continue;
    assert.equal(ask(model), 'allowed', `${edge.from.id} -> ${edge.to.id} : ${edge.protocol} ${edge.port} (${edge.evidence[0]?.text})`);
    checked++;
  }
  assert.ok(checked > 0, 'no workload-to-workload edge was checked');
  return { edges: checked, withheld: result.withheld.map((w) => w.namespace) };
}

test('Online Boutique: the generated policies keep every evidenced connection and add no error', { skip: corpora.skip }, () => {
  const { withheld } = checkApplication(path.join(corpora.dir, 'microservices-demo'));
  assert.deepEqual(withheld, []);
});

test('AKS store demo: the generated policies keep every evidenced connection and add no error', { skip: corpora.skip }, () => {
  // product-service is called from inside the store-front image (no manifest says so): its namespace keeps no default deny.
  const { withheld } = checkApplication(path.join(corpora.dir, 'aks-store-demo'));
  assert.deepEqual(withheld, ['default']);
});

test('bundled examples: the generated policies keep every evidenced connection and add no error', () => {
  checkApplication(path.join(REPO_ROOT, 'examples'));
});

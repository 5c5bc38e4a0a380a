/**
 * The inventory on the shared corpora (../shared/corpora beside the repository). Online Boutique and the AKS store
 * talk only to their own Services through env values (`productcatalogservice:3550`, `http://ai-service:5001/`,
 * `amqp://rabbitmq:5672`, `mongodb://documentdb:10260/...`): none is an external destination. The AKS store's
 * ai-service leaves AZURE_OPENAI_ENDPOINT empty (set at deploy time), and `FASTIFY_ADDRESS: 0.0.0.0` is a bind
 * address; neither is a destination. So both inventories are empty, exactly.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { egressInventory } from '../../server/src/engine/egress/inventory';
import { manifestFilesUnder } from '../support/corpus';
import { sharedData } from '../support/shared';
import { analysisOf } from '../support/workspace';

const { dir: CORPORA, skip } = sharedData('corpora');

function inventoryOf(corpus: string) {
  const files = manifestFilesUnder(path.join(CORPORA, corpus));
  assert.ok(files.length > 0, `no manifests under ${path.join(CORPORA, corpus)}`);
  const analysis = analysisOf(
    files.map((file) => [file, fs.readFileSync(file, 'utf8')] as const),
    { rules: [] },
  );
  return { analysis, inventory: egressInventory(analysis.index) };
}

test('Online Boutique (microservices-demo) declares no external destination in env values or ConfigMaps', { skip }, () => {
  const { analysis, inventory } = inventoryOf('microservices-demo');
  assert.ok([...analysis.index.workloads()].length >= 11);
  assert.deepEqual(inventory, { workloads: [], unattributed: [] });
});

test('the AKS store demo declares no external destination in env values or ConfigMaps', { skip }, () => {
  const { analysis, inventory } = inventoryOf('aks-store-demo');
  assert.ok([...analysis.index.workloads()].some((w) => w.name === 'ai-service'));
  assert.deepEqual(inventory, { workloads: [], unattributed: [] });
});

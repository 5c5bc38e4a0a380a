/**
 * Real applications' manifests (../shared/corpora, beside the repository) must produce no false errors, and the
 * references the rules exist for must be found exactly where they are real:
 *  - Online Boutique (microservices-demo): the frontend's SHOPPING_ASSISTANT_SERVICE_ADDR names
 *    `shoppingassistantservice`, which neither the per-service manifests nor the release bundle define (it comes
 *    from an optional kustomize component): a real dangling reference.
 *  - AKS store demo: product-service's AI_SERVICE_URL names `ai-service`, which only ai-service.yaml defines. Each
 *    quickstart file applied on its own (as the AKS quickstarts do) deploys product-service without it; the folder as
 *    a whole defines it, so checking the folder must not report it.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { Analysis } from '../../server/src/engine/analysis';
import { RULES } from '../../server/src/engine/rules/catalogue';
import type { Finding } from '../../server/src/engine/rules/rule';
import { readManifest, scanFiles } from '../../server/src/io/scanFiles';
import { sharedData } from '../support/shared';

const { dir: CORPORA, skip } = sharedData('corpora');

/** Errors on the corpora that are real problems, each with why (none so far). */
const REAL_ERRORS: { ruleId: string; file: string; why: string }[] = [];

/** The rules of this suite (other rules' findings are only checked for false errors). */
const REFERENCE_RULES = new Set(['reference-service-missing', 'reference-port-missing']);

function check(...relativePaths: string[]): { findings: Finding[]; rel(file: string): string } {
  const analysis = new Analysis({ onRuleError: (ruleId, error) => assert.fail(`rule ${ruleId} threw: ${(error as Error).stack}`) });
  const scan = scanFiles(relativePaths.map((p) => path.join(CORPORA, p)));
  for (const file of scan.files) {
    const read = readManifest(file);
    if ('text' in read) analysis.setFile(file, read.text);
  }
  return { findings: analysis.allFindings(), rel: (file) => path.relative(CORPORA, file).split(path.sep).join('/') };
}

function assertNoFalseErrors(findings: Finding[], rel: (file: string) => string): void {
  const unexpected = findings
    .filter((f) => f.severity === 'error' && !REAL_ERRORS.some((r) => r.ruleId === f.ruleId && r.file === rel(f.file)))
    .map((f) => `${rel(f.file)}: ${f.ruleId}: ${f.message}`);
  assert.deepEqual(unexpected, []);
}

function references(findings: Finding[], rel: (file: string) => string): string[] {
  return findings.filter((f) => REFERENCE_RULES.has(f.ruleId)).map((f) => `${rel(f.file)} ${f.ruleId} ${String(f.data?.['service'])}`).sort();
}

test('corpora: the whole folder has no false errors, and the one real dangling reference is found', { skip }, () => {
  const { findings, rel } = check('.');
  assertNoFalseErrors(findings, rel);
  assert.deepEqual(references(findings, rel), [
    'microservices-demo/kubernetes-manifests/frontend.yaml reference-service-missing shoppingassistantservice',
    'microservices-demo/release/kubernetes-manifests.yaml reference-service-missing shoppingassistantservice',
  ]);
});

test('corpora: the aks-store-demo folder defines ai-service, so its reference stays silent', { skip }, () => {
  const { findings, rel } = check('aks-store-demo');
  assertNoFalseErrors(findings, rel);
  assert.deepEqual(references(findings, rel), []);
});

for (const file of ['aks-store-all-in-one.yaml', 'aks-store-quickstart.yaml', 'aks-store-ingress-quickstart.yaml']) {
  test(`corpora: ${file} checked on its own refers to ai-service, which it does not define`, { skip }, () => {
    const { findings, rel } = check(`aks-store-demo/${file}`);
    assertNoFalseErrors(findings, rel);
    assert.deepEqual(references(findings, rel), [`aks-store-demo/${file} reference-service-missing ai-service`]);
    const finding = findings.find((f) => f.ruleId === 'reference-service-missing')!;
    assert.match(finding.message, /env `AI_SERVICE_URL` of container `product-service` refers to Service `ai-service` port 5001/);
  });
}

test('corpora: every file checked on its own has no false errors', { skip }, () => {
  const all = scanFiles([CORPORA]).files;
  assert.ok(all.length > 20);
  for (const file of all) {
    const { findings, rel } = check(path.relative(CORPORA, file));
    assertNoFalseErrors(findings, rel);
  }
});

test('corpora: the rules under test are all registered', () => {
  for (const id of REFERENCE_RULES) assert.ok(RULES.some((r) => r.id === id), id);
});

test('corpora: identical copies are one information per pair of places, not one per copied object (issue 19)', { skip }, () => {
  const { findings, rel } = check('.');
  const copies = findings.filter((f) => f.ruleId === 'duplicate-definition').map((f) => `${rel(f.file)}: ${f.data?.['objects']} -> ${(f.data?.['copies'] as string[]).map(rel).join(', ')}`);
  assert.deepEqual(copies.sort(), [
    'aks-store-demo/aks-store-all-in-one.yaml: 15 -> aks-store-demo/kustomize/base/documentdb.yaml, aks-store-demo/kustomize/base/makeline-service.yaml, aks-store-demo/kustomize/base/order-service.yaml, aks-store-demo/kustomize/base/product-service.yaml, aks-store-demo/kustomize/base/rabbitmq.yaml, aks-store-demo/kustomize/base/store-admin.yaml, aks-store-demo/kustomize/base/store-front.yaml, aks-store-demo/kustomize/base/virtual-customer.yaml, aks-store-demo/kustomize/base/virtual-worker.yaml',
    'aks-store-demo/aks-store-all-in-one.yaml: 3 -> aks-store-demo/sample-manifests/docs/app-routing/aks-store-deployments-and-services.yaml',
    'aks-store-demo/aks-store-all-in-one.yaml: 6 -> aks-store-demo/aks-store-quickstart.yaml',
    'aks-store-demo/aks-store-all-in-one.yaml: 9 -> aks-store-demo/aks-store-ingress-quickstart.yaml',
    'microservices-demo/kubernetes-manifests/adservice.yaml: 13 -> microservices-demo/release/kubernetes-manifests.yaml',
  ].sort());
});

/**
 * `Analysis.refreshSteps`: the refresh the language server runs in time slices. Abandoned at any step because the
 * analysis changed while it was paused, it leaves nothing stale behind: the next refresh to complete gives the same
 * findings as a fresh analysis of the final texts, and reports every file whose findings changed, including those
 * the abandoned refresh had already recomputed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Analysis } from '../../server/src/engine/analysis';
import type { Finding } from '../../server/src/engine/rules/rule';
import { Random } from '../support/random';

const app = (i: number, label = `app-${i}`) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: app-${i}, namespace: shop}
spec:
  selector: {matchLabels: {app: ${label}}}
  template:
    metadata: {labels: {app: ${label}}}
    spec:
      containers: [{name: main, image: example/app:1, ports: [{name: http, containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: app-${i}, namespace: shop}
spec:
  selector: {app: app-${i}}
  ports: [{port: 80, targetPort: http}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: app-${i}, namespace: shop}
spec:
  ingressClassName: nginx
  rules: [{http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: app-${(i + 1) % FILES}, port: {number: 80}}}}]}}]
`;
const FILES = 12;

const text = (findings: readonly Finding[]) => findings.map((f) => `${f.file}:${f.span.start}:${f.ruleId}:${f.message}`).sort();

function drain(steps: Generator<void, string[] | undefined, void>, limit: number): { result?: string[] | undefined; done: boolean } {
  for (let i = 0; i < limit; i++) {
    const next = steps.next();
    if (next.done) return { result: next.value, done: true };
  }
  return { done: false };
}

test('a stepped refresh abandoned after random edits leaves findings equal to a fresh analysis, and reports every changed file', () => {
  const random = new Random(21);
  let abandoned = 0;
  for (let round = 0; round < 30; round++) {
    const analysis = new Analysis();
    const texts = new Map<string, string>();
    for (let i = 0; i < FILES; i++) texts.set(`/w/f${i}.yaml`, app(i));
    for (const [file, t] of texts) analysis.setFile(file, t);
    analysis.refresh();
    const before = new Map([...texts.keys()].map((f) => [f, text(analysis.findings(f))]));
    const reported = new Set<string>();
    // Edit, start a refresh, pause it somewhere, edit again (the paused refresh must give up), a few times.
    for (let edit = 0; edit < 3; edit++) {
      const i = random.int(FILES);
      const file = `/w/f${i}.yaml`;
      texts.set(file, app(i, random.int(2) ? `app-${i}` : `typo-${random.int(3)}`));
      analysis.setFile(file, texts.get(file)!);
      const steps = analysis.refreshSteps();
      const partial = drain(steps, 1 + random.int(12));
      if (partial.done) {
        for (const f of partial.result ?? []) reported.add(f);
        continue;
      }
      if (random.int(2)) {
        const j = random.int(FILES);
        texts.set(`/w/f${j}.yaml`, app(j, `other-${random.int(3)}`));
        analysis.setFile(`/w/f${j}.yaml`, texts.get(`/w/f${j}.yaml`)!);
      } else {
        for (const f of analysis.refresh()) reported.add(f); // another refresh completes meanwhile
      }
      const rest = drain(steps, 1_000_000);
      assert.ok(rest.done);
      assert.equal(rest.result, undefined, 'a refresh paused across a change gives up');
      abandoned++;
    }
    for (const f of analysis.refresh()) reported.add(f);
    const fresh = new Analysis();
    for (const [file, t] of texts) fresh.setFile(file, t);
    for (const file of texts.keys()) {
      assert.deepEqual(text(analysis.findings(file)), text(fresh.findings(file)), `round ${round}: ${file}`);
      if (JSON.stringify(before.get(file)) !== JSON.stringify(text(fresh.findings(file)))) assert.ok(reported.has(file), `round ${round}: ${file} changed but was never reported`);
    }
  }
  assert.ok(abandoned >= 20, `only ${abandoned} refreshes were abandoned: the test did not exercise giving up`);
});

test('a stepped refresh yields between files and inside a large file', () => {
  const analysis = new Analysis();
  analysis.setFile('/w/big.yaml', Array.from({ length: 200 }, (_, i) => app(i)).join('---\n'));
  analysis.setFile('/w/small.yaml', app(999));
  const steps = analysis.refreshSteps();
  let yields = 0;
  let next = steps.next();
  while (!next.done) {
    yields++;
    next = steps.next();
  }
  assert.ok(yields > 20, `${yields} yields`);
  assert.deepEqual([...(next.value ?? [])].sort(), ['/w/big.yaml', '/w/small.yaml']);
});

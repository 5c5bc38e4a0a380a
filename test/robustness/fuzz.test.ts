/**
 * Fuzzing the engine with broken versions of real manifests: it never throws, every finding lies inside its
 * document, and the same input always gives the same findings. A fixed seed and a bounded number of cases run in
 * CI; set NETLENS_FUZZ_CASES (and NETLENS_FUZZ_SEED) for a longer run.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Analysis } from '../../server/src/engine/analysis';
import { corpusTexts } from '../support/corpus';
import { firstDifference } from '../support/diff';
import { mutate } from '../support/mutate';
import { Random } from '../support/random';

const CASES = Number(process.env['NETLENS_FUZZ_CASES'] ?? 2000);
const SEED = Number(process.env['NETLENS_FUZZ_SEED'] ?? 20261126);

function findingsOf(files: { name: string; text: string }[]): string {
  const analysis = new Analysis({
    onRuleError: (ruleId, error) => {
      throw new Error(`rule ${ruleId} threw: ${(error as Error).stack}`);
    },
  });
  for (const file of files) analysis.setFile(file.name, file.text);
  const findings = analysis.allFindings();
  for (const finding of findings) {
    const text = files.find((f) => f.name === finding.file)!.text;
    assert.ok(finding.span.start >= 0 && finding.span.start <= finding.span.end && finding.span.end <= text.length, `${finding.ruleId} span ${JSON.stringify(finding.span)} outside ${finding.file} (${text.length} chars)`);
    for (const related of finding.related) {
      const relatedText = files.find((f) => f.name === related.file)?.text;
      assert.ok(relatedText !== undefined && related.span.end <= relatedText.length, `related location outside its document`);
    }
  }
  return JSON.stringify(findings);
}

test(`${CASES} mutated manifests: no throw, spans inside documents, deterministic output`, () => {
  const corpus = corpusTexts();
  const random = new Random(SEED);
  for (let i = 0; i < CASES; i++) {
    const base = random.pick(corpus);
    let text = base.text;
    const mutations = 1 + random.int(4);
    for (let m = 0; m < mutations; m++) text = mutate(text, random);
    // A second file from the corpus gives the cross-file rules something to resolve against.
    const partner = random.pick(corpus);
    const files = [
      { name: 'mutated.yaml', text },
      { name: 'partner.yaml', text: partner.text },
    ];
    let first: string;
    try {
      first = findingsOf(files);
    } catch (error) {
      assert.fail(`case ${i} (seed ${SEED}, from ${base.file}): ${(error as Error).message}\n--- input ---\n${text.slice(0, 2000)}`);
    }
    const reversed = findingsOf([...files].reverse());
    if (reversed !== first) assert.fail(`case ${i}: the order files are added in changed ${firstDifference(JSON.parse(reversed) as unknown[], JSON.parse(first) as unknown[])}`);
  }
});

test('hostile shapes: deep nesting, very long lines, many documents, wrong types everywhere', () => {
  const deep = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata:\n  x: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
  const deepBlock = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep2}\nspec:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i % 400)}k${i}:`).join('\n')}\n`;
  const longLine = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: long}\ndata: {x: "${'a'.repeat(1_000_000)}"}\n`;
  const manyDocuments = Array.from({ length: 10000 }, (_, i) => `apiVersion: v1\nkind: Service\nmetadata: {name: s${i}}\nspec: {selector: {app: a${i % 7}}, ports: [{port: ${(i % 60000) + 1}}]}\n`).join('---\n');
  const wrongTypes = `apiVersion: v1\nkind: Service\nmetadata: {name: 7, namespace: [a], labels: "x", annotations: 5}\nspec:\n  selector: [app]\n  ports: [{port: "80"}, {port: 99999999999999999999}, null, {targetPort: {a: b}}]\n  type: [LoadBalancer]\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np}\nspec:\n  podSelector: null\n  policyTypes: Ingress\n  ingress: [{from: {podSelector: {}}, ports: [{port: [1]}, {protocol: ICMP}]}]\n  egress: "all"\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec: {rules: [{http: {paths: "/"}}, null, 5], tls: {hosts: x}}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {template: {spec: {containers: {name: x}}}}\n`;
  for (const [name, text] of Object.entries({ deep, deepBlock, longLine, manyDocuments, wrongTypes })) {
    const started = Date.now();
    const analysis = new Analysis();
    assert.doesNotThrow(() => analysis.setFile(`${name}.yaml`, text), name);
    assert.doesNotThrow(() => analysis.allFindings(), name);
    for (const finding of analysis.allFindings()) assert.ok(finding.span.end <= text.length, `${name}: span outside the text`);
    assert.ok(Date.now() - started < 20000, `${name} took ${Date.now() - started} ms`);
  }
});

test('BOM, CRLF and YAML 1.1 values are read without shifting positions', () => {
  const crlf = 'apiVersion: v1\r\nkind: Service\r\nmetadata: {name: web}\r\nspec:\r\n  selector: {app: nope}\r\n  ports: [{port: 80}]\r\n';
  const analysis = new Analysis();
  analysis.setFile('crlf.yaml', crlf);
  const [finding] = analysis.findings('crlf.yaml');
  assert.equal(finding?.ruleId, 'service-selects-nothing');
  assert.equal(crlf.slice(finding!.span.start, finding!.span.end), '{app: nope}');
  assert.deepEqual(analysis.lineIndex('crlf.yaml')!.position(finding!.span.start), { line: 4, column: 12 });
});

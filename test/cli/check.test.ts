import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { runNetlens } from '../support/cli';
import { sharedData } from '../support/shared';

let dir: string;

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-cli-'));
  fs.mkdirSync(path.join(dir, 'app'));
  fs.writeFileSync(
    path.join(dir, 'app', 'web.yaml'),
    `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx, ports: [{name: http, containerPort: 8080}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: htp}]
`,
  );
  fs.writeFileSync(
    path.join(dir, 'app', 'api.yaml'),
    `apiVersion: v1
kind: Service
metadata: {name: api}
spec:
  selector: {app: api}
  ports: [{port: 80}]
`,
  );
  fs.writeFileSync(path.join(dir, 'clean.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n');
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('text output: path:line:col severity rule-id message, sorted, exit 1 on errors', () => {
  const run = runNetlens(['check', 'app'], { cwd: dir });
  assert.equal(run.status, 1, run.stderr);
  assert.equal(
    run.stdout,
    'app/api.yaml:5:13 warning service-selects-nothing Service `api` selects no workload: no pod template in namespace `default` has app=api (closest: Deployment web has app=web)\n' +
      'app/web.yaml:14:34 error service-target-port-missing targetPort `htp` (TCP) of Service `web` port 80 is not a container port name in Deployment `web`: the Service has no endpoints for it. Declared ports: http (8080/TCP)\n',
  );
  assert.match(run.stderr, /2 file\(s\) checked: 1 error\(s\), 1 warning\(s\), 0 info/);
});

test('--fail-on decides the exit code', () => {
  assert.equal(runNetlens(['check', 'app', '--fail-on', 'never'], { cwd: dir }).status, 0);
  assert.equal(runNetlens(['check', 'app/api.yaml', '--fail-on', 'error'], { cwd: dir }).status, 0);
  assert.equal(runNetlens(['check', 'app/api.yaml', '--fail-on', 'warning'], { cwd: dir }).status, 1);
  assert.equal(runNetlens(['check', 'clean.yaml'], { cwd: dir }).status, 0);
});

test('--rule changes a severity; unknown rules are usage errors with a suggestion', () => {
  const off = runNetlens(['check', 'app', '--rule', 'service-target-port-missing=off'], { cwd: dir });
  assert.equal(off.status, 0);
  assert.doesNotMatch(off.stdout, /service-target-port-missing/);
  const typo = runNetlens(['check', 'app', '--rule', 'service-target-port-mising=off'], { cwd: dir });
  assert.equal(typo.status, 2);
  assert.match(typo.stderr, /unknown rule `service-target-port-mising` \(did you mean `service-target-port-missing`\?\)/);
  assert.doesNotMatch(typo.stderr, /\n\s+at /, 'no stack trace');
});

test('JSON output is stable and documented', () => {
  const run = runNetlens(['check', 'app', '--format', 'json'], { cwd: dir });
  assert.equal(run.status, 1);
  const report = JSON.parse(run.stdout) as { version: number; findings: Record<string, unknown>[] };
  assert.equal(report.version, 1);
  assert.deepEqual(
    report.findings.map((f) => [f['rule'], f['severity'], f['file'], f['line'], f['column'], f['endLine'], f['endColumn']]),
    [
      ['service-selects-nothing', 'warning', 'app/api.yaml', 5, 13, 5, 23],
      ['service-target-port-missing', 'error', 'app/web.yaml', 14, 34, 14, 37],
    ],
  );
  assert.deepEqual(Object.keys(report.findings[1]!), ['rule', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'related']);
});

test('SARIF 2.1.0 output with rule metadata and help URIs', () => {
  const run = runNetlens(['check', 'app', '--format', 'sarif'], { cwd: dir });
  const log = JSON.parse(run.stdout) as { version: string; runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[] };
  assert.equal(log.version, '2.1.0');
  const [sarifRun] = log.runs;
  const rules = sarifRun!.tool.driver.rules;
  assert.ok(rules.some((r) => r.id === 'service-selects-nothing' && r.helpUri.endsWith('docs/rules/service-selects-nothing.md')));
  const result = sarifRun!.results.find((r) => r.ruleId === 'service-target-port-missing')!;
  assert.equal(result.level, 'error');
  assert.equal(rules[result.ruleIndex]!.id, 'service-target-port-missing');
  assert.deepEqual(result.locations[0]!.physicalLocation, { artifactLocation: { uri: 'app/web.yaml' }, region: { startLine: 14, startColumn: 34, endLine: 14, endColumn: 37 } });
});

test('usage and IO errors exit 2 with a clear message and no stack trace', () => {
  const missing = runNetlens(['check', 'does-not-exist'], { cwd: dir });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /does-not-exist: no such file or directory/);
  const format = runNetlens(['check', '--format', 'xml'], { cwd: dir });
  assert.equal(format.status, 2);
  assert.match(format.stderr, /unknown --format `xml`/);
  const command = runNetlens(['chekc'], { cwd: dir });
  assert.equal(command.status, 2);
  assert.match(command.stderr, /unknown command `chekc`/);
  const option = runNetlens(['check', '--bogus'], { cwd: dir });
  assert.equal(option.status, 2);
  for (const run of [missing, format, command, option]) assert.doesNotMatch(run.stderr, /\n\s+at /);
});

test('standard input is read for `-`', () => {
  const run = runNetlens(['check', '-'], { cwd: dir, input: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {selector: {app: s}}\n' });
  assert.equal(run.status, 0);
  assert.match(run.stdout, /^<stdin>:4:18 warning service-selects-nothing/);
});

const kubeLinter = sharedData('conformance', 'kube-linter');

test('the kube-linter dangling-service case reports the dangling Services', { skip: kubeLinter.skip }, () => {
  const input = path.join(kubeLinter.dir, 'e2e', 'dangling-service', 'input.yaml');
  const run = runNetlens(['check', input, '--format', 'json']);
  const report = JSON.parse(run.stdout) as { findings: { rule: string; message: string }[] };
  const dangling = report.findings.filter((f) => f.rule === 'service-selects-nothing').map((f) => /Service `([^`]+)`/.exec(f.message)![1]);
  assert.deepEqual(dangling, ['app1', 'app2']);
});

test('binary files and files over --max-file-size are skipped with one info each, never read', () => {
  const skipDir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-skip-'));
  try {
    fs.writeFileSync(path.join(skipDir, 'binary.yaml'), Buffer.from([0x6b, 0x69, 0x6e, 0x64, 0x3a, 0x00, 0xff, 0xfe]));
    fs.writeFileSync(path.join(skipDir, 'big.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n${'  k: v\n'.repeat(400)}`.replace(/ {2}k: v\n/g, (_m, i: number) => `  k${i}: v\n`));
    const run = runNetlens(['check', '.', '--max-file-size', '1KB', '--format', 'json'], { cwd: skipDir });
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { findings: { rule: string; file: string; severity: string; message: string }[] };
    assert.deepEqual(
      report.findings.map((f) => [f.file, f.rule, f.severity]),
      [
        ['big.yaml', 'file-skipped', 'info'],
        ['binary.yaml', 'file-skipped', 'info'],
      ],
    );
    assert.match(report.findings[0]!.message, /^Not analysed: \d+\.\d KB is over the 1\.0 KB limit/);
    assert.match(report.findings[1]!.message, /binary/);
    const bad = runNetlens(['check', '.', '--max-file-size', 'lots'], { cwd: skipDir });
    assert.equal(bad.status, 2);
  } finally {
    fs.rmSync(skipDir, { recursive: true, force: true });
  }
});

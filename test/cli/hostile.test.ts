/**
 * The CLI against hostile workspaces (issue 14), as a user runs it: nothing written outside `--out`, no raw control
 * character in text output, no hang on special files, IO errors exit 2, the same reading options on every command,
 * profile files confined, a closed pipe is no crash. Each test failed on the commit before the fix.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { CLI_BIN, runNetlens } from '../support/cli';
import { filesUnder } from '../support/repo';

let root: string;

before(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-hostile-'));
});

after(() => fs.rmSync(root, { recursive: true, force: true }));

/** A fresh folder under the test's root with these files. */
function workspace(name: string, files: Record<string, string | Buffer>): string {
  const dir = path.join(root, name);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}


/** Control characters a terminal acts on, other than the line feeds and tabs of the layout. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function assertTerminalSafe(text: string, what: string): void {
  const match = RAW_CONTROL.exec(text);
  assert.equal(match, null, `${what} holds a raw control character U+${match?.[0].charCodeAt(0).toString(16).padStart(4, '0')}: ${JSON.stringify(text.slice(Math.max(0, (match?.index ?? 0) - 40), (match?.index ?? 0) + 40))}`);
}

function deployment(namespace: string, name = 'web'): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${JSON.stringify(name)}, namespace: ${JSON.stringify(namespace)}}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: x, ports: [{containerPort: 80}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: ${JSON.stringify(namespace)}}
spec: {selector: {app: web}, ports: [{port: 80}]}
`;
}

test('generate-policies --out never writes outside the folder, whatever the namespaces say; nothing is overwritten', () => {
  const namespaces = ['../../escaped', '/', 'a\u0000b', '..', 'x'.repeat(300), 'CON', 'a/b', 'a_b', 'ok'];
  const dir = workspace('out-policies', Object.fromEntries(namespaces.map((ns, i) => [`app${i}.yaml`, deployment(ns)])));
  const before = filesUnder(root);
  // --force: each Service here has no evidenced client, which otherwise withholds the default deny (exit 1).
  const run = runNetlens(['generate-policies', '.', '--out', 'out/sub', '--force'], { cwd: dir });
  assert.equal(run.status, 0, run.stderr);
  assert.doesNotMatch(run.stderr, /internal error/);
  const created = filesUnder(root).filter((f) => !before.includes(f));
  const outDir = path.join(dir, 'out', 'sub');
  for (const file of created) assert.equal(path.dirname(file), outDir, `${file} is outside --out`);
  for (const file of created) assert.ok(path.basename(file).length <= 210 && !path.basename(file).startsWith('.'), file);
  // `a/b` and `a_b` make the same safe name: one file holds both, neither overwrites the other.
  const written = created.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
  assert.match(written, /namespace: a\/b/);
  assert.match(written, /namespace: a_b/);
  assert.match(written, /namespace: ok/);
});

test('migrate-ingress --out never writes outside the folder, whatever the Ingress namespaces and names say', () => {
  const ingress = (namespace: string, name: string) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: ${JSON.stringify(name)}, namespace: ${JSON.stringify(namespace)}}
spec:
  ingressClassName: nginx
  rules: [{host: a.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}]
`;
  const dir = workspace('out-migrate', { 'a.yaml': ingress('../../pwned', 'a'), 'b.yaml': ingress('/', 'b'), 'c.yaml': ingress('shop', '..'), 'svc.yaml': deployment('shop') });
  const before = filesUnder(root);
  const all = runNetlens(['migrate-ingress', '.', '--out', 'gw'], { cwd: dir });
  assert.equal(all.status, 0, all.stderr);
  // One Ingress: the file is named after it.
  const one = runNetlens(['migrate-ingress', '.', '--ingress', 'shop/..', '--out', 'gw'], { cwd: dir });
  assert.equal(one.status, 0, one.stderr);
  const created = filesUnder(root).filter((f) => !before.includes(f));
  assert.ok(created.length >= 3, created.join('\n'));
  for (const file of created) {
    assert.equal(path.dirname(file), path.join(dir, 'gw'), `${file} is outside --out`);
    assert.ok(!path.basename(file).startsWith('.'), file);
  }
});

test('a symbolic link planted in --out is not written through: exit 2, the target untouched', () => {
  const dir = workspace('out-link', { 'app.yaml': deployment('shop'), 'victim.txt': 'keep me\n' });
  fs.mkdirSync(path.join(dir, 'out'));
  fs.symlinkSync(path.join(dir, 'victim.txt'), path.join(dir, 'out', 'shop-networkpolicies.yaml'));
  const run = runNetlens(['generate-policies', 'app.yaml', '--out', 'out'], { cwd: dir });
  assert.equal(run.status, 2, run.stdout + run.stderr);
  assert.match(run.stderr, /symbolic link, not written through/);
  assert.equal(fs.readFileSync(path.join(dir, 'victim.txt'), 'utf8'), 'keep me\n');
});

const ESCAPES = '\u001b[2K\r\u001b[32mall good\u0007\u009b31m';

test('text outputs escape control characters from manifests and file names; JSON and SARIF carry them as data', () => {
  const evilName = 'evil\u001b[31m\nname.yaml';
  const dir = workspace('terminal', {
    [evilName]: `apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {selector: {app: ${JSON.stringify(ESCAPES)}}, ports: [{port: 80}]}\n`,
    'policy.yaml': `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ${JSON.stringify(`deny${ESCAPES}`)}, namespace: shop}
spec: {podSelector: {}, policyTypes: [Ingress]}
---
${deployment('shop', `api${ESCAPES}`)}---
${deployment('shop')}`,
    'cm.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop}\ndata: {URL: ${JSON.stringify(`https://db${ESCAPES}.example.com:5432`)}}\n`,
  });
  const runs = {
    check: runNetlens(['check', '.'], { cwd: dir }),
    connectivity: runNetlens(['connectivity', '.'], { cwd: dir }),
    'connectivity md': runNetlens(['connectivity', '.', '--format', 'md'], { cwd: dir }),
    'connectivity csv': runNetlens(['connectivity', '.', '--format', 'csv'], { cwd: dir }),
    'connectivity dot': runNetlens(['connectivity', '.', '--format', 'dot'], { cwd: dir }),
    explain: runNetlens(['explain', 'shop/web', 'shop/web', '.'], { cwd: dir }),
    egress: runNetlens(['egress', '.'], { cwd: dir }),
    'generate-policies': runNetlens(['generate-policies', '.'], { cwd: dir }),
    'usage error': runNetlens(['check', '--format', ESCAPES], { cwd: dir }),
    'unknown command': runNetlens([ESCAPES], { cwd: dir }),
    'focus error': runNetlens(['connectivity', '.', '--focus-workload', ESCAPES], { cwd: dir }),
  };
  for (const [what, run] of Object.entries(runs)) {
    assert.notEqual(run.status, -1, what);
    assertTerminalSafe(run.stdout, `${what} stdout`);
    assertTerminalSafe(run.stderr, `${what} stderr`);
  }
  // Visible, not dropped: the escapes name the characters.
  assert.match(runs.check.stdout, /\\x1B\[2K\\r\\x1B\[32mall good\\x07\\x9B31m/);
  // One finding, one line: the file name's line feed is escaped too.
  const lines = runs.check.stdout.trimEnd().split('\n');
  assert.ok(lines.every((l) => /^[^:]+:\d+:\d+ (error|warning|info) /.test(l)), lines.join('\n'));
  assert.ok(lines.some((l) => l.startsWith('evil\\x1B[31m\\nname.yaml:')), lines.join('\n'));
  assert.match(runs.connectivity.stdout, /shop\/api\\x1B\[2K\\r/);
  // JSON and SARIF are data: valid, and the values are the manifest's own characters.
  const json = runNetlens(['check', '.', '--format', 'json'], { cwd: dir });
  const report = JSON.parse(json.stdout) as { findings: { file: string; message: string }[] };
  assert.ok(report.findings.some((f) => f.file === evilName && f.message.includes(ESCAPES)));
  const sarif = JSON.parse(runNetlens(['check', '.', '--format', 'sarif'], { cwd: dir }).stdout) as { runs: { results: { message: { text: string } }[] }[] };
  assert.ok(sarif.runs[0]!.results.some((r) => r.message.text.includes(ESCAPES)));
  const connectivityJson = JSON.parse(runNetlens(['connectivity', '.', '--format', 'json'], { cwd: dir }).stdout) as { connections: { src: string }[] };
  assert.ok(connectivityJson.connections.some((c) => c.src.includes(ESCAPES)));
});

test('profile and fix --dry-run output escape control characters too', () => {
  const dir = workspace('terminal-profile', {
    '.netlens.yaml': `cluster: {networkModel: ${JSON.stringify(ESCAPES)}}\n`,
    'app.yaml': `# a comment with ${ESCAPES.replace(/\r/g, '')}\n${deployment('default')}---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec: {rules: [{http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: wbe, port: {number: 80}}}}]}}]}\n`,
  });
  const profile = runNetlens(['profile'], { cwd: dir });
  assert.equal(profile.status, 1);
  assert.match(profile.stderr, /\\x1B\[2K/);
  assertTerminalSafe(profile.stderr, 'profile stderr');
  fs.rmSync(path.join(dir, '.netlens.yaml'));
  const fix = runNetlens(['fix', '.', '--dry-run'], { cwd: dir });
  assert.match(fix.stdout, /^\+.*name: web/m, fix.stdout + fix.stderr);
  assertTerminalSafe(fix.stdout, 'fix --dry-run stdout');
});

test('a closed pipe ends the CLI quietly: no EPIPE stack trace', async () => {
  const child = spawn(process.execPath, [CLI_BIN, 'rules'], { stdio: ['ignore', 'pipe', 'pipe'] });
  // The reader goes away before the CLI writes its first line.
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  assert.equal(stderr, '');
  assert.equal(status, 0);
});

test('a FIFO, a device or a process substitution given explicitly: a message and exit 2, never a hang or "0 files checked"', () => {
  const dir = workspace('special', { 'ok.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n' });
  assert.equal(spawnSync('mkfifo', [path.join(dir, 'fifo.yaml')]).status, 0);
  const fifo = runNetlens(['check', 'fifo.yaml', 'ok.yaml'], { cwd: dir });
  assert.equal(fifo.status, 2, fifo.stderr);
  assert.match(fifo.stderr, /fifo\.yaml: not a regular file \(a FIFO\), not read; to read a stream, give -/);
  const device = runNetlens(['check', '/dev/zero'], { cwd: dir });
  assert.equal(device.status, 2);
  assert.match(device.stderr, /\/dev\/zero: not a regular file \(a character device\)/);
  const substitution = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI_BIN}" check <(cat ok.yaml)`], { cwd: dir, encoding: 'utf8', timeout: 30000 });
  assert.equal(substitution.status, 2, substitution.stderr);
  assert.match(substitution.stderr, /not a regular file \(a FIFO\)/);
  // A FIFO found by the folder walk is not a regular file: not read, not waited for.
  const walk = runNetlens(['check', '.'], { cwd: dir });
  assert.equal(walk.status, 0, walk.stderr);
  // Standard input is read up to the limit, never more.
  const stdin = spawnSync('bash', ['-c', `head -c 3000000 /dev/zero | "${process.execPath}" "${CLI_BIN}" check - --format json`], { cwd: dir, encoding: 'utf8', timeout: 30000 });
  assert.match(stdin.stdout, /file-skipped/);
});

test('every command that reads manifests takes --max-file-size and --exclude, and says what it skipped', () => {
  const dir = workspace('sizes', {
    'app.yaml': deployment('shop'),
    'big.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big, namespace: shop}\ndata: {k: ${'x'.repeat(4000)}}\n`,
    'vendor/skip.yaml': ': not yaml [',
  });
  const commands: string[][] = [
    ['connectivity', '.'],
    ['egress', '.'],
    ['explain', 'shop/web', 'shop/web', '.'],
    ['generate-policies', '.'],
    ['migrate-ingress', '.'],
    ['fix', '.', '--dry-run'],
  ];
  for (const args of commands) {
    const run = runNetlens([...args, '--max-file-size', '2KB', '--exclude', 'vendor/**'], { cwd: dir });
    assert.ok(run.status === 0 || run.status === 1, `${args[0]}: ${run.status} ${run.stderr}`);
    assert.match(run.stderr, /skipped big\.yaml: 4\.\d KB is over the 2\.0 KB limit/, `${args[0]}: ${run.stderr}`);
    assert.doesNotMatch(run.stderr + run.stdout, /skip\.yaml/, args[0]);
  }
});

test('hostile --exclude patterns finish at once or are refused with a reason', { timeout: 60000 }, () => {
  const long = `${'a'.repeat(200)}.yaml`;
  const dir = workspace('globs', { [long]: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n', [`d/${long}`]: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n' });
  const run = runNetlens(['check', '.', '--exclude', `${'*a'.repeat(30)}b`, '--exclude', `**/${'*a'.repeat(20)}*c/**`], { cwd: dir });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /2 file\(s\) checked/);
  const refused = runNetlens(['check', '.', '--exclude', '@(a|b)'], { cwd: dir });
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /--exclude: exclude pattern `@\(a\|b\)` is not used: extended globs/);
});

test('the profile reads nothing outside the current directory and the paths given, no link, no special file', () => {
  const secretDir = workspace('secret', { 'secret.json': '{\n  "networkProfile": {\n    "podCidr": oops\n  }\n}\n' });
  const cases: { name: string; profile: string; setup?: (dir: string) => void; expect: RegExp }[] = [
    { name: 'etc-passwd', profile: 'cluster: {importFrom: /etc/passwd}\n', expect: /`\/etc\/passwd`: cannot read it: outside the current directory and the paths given/ },
    { name: 'parent', profile: `cluster: {importFrom: ${path.relative(path.join(root, 'parent'), path.join(secretDir, 'secret.json'))}}\n`, expect: /cannot read it: outside the current directory/ },
    { name: 'linked-folder', profile: 'cluster: {importFrom: link/secret.json}\n', setup: (d) => fs.symlinkSync(secretDir, path.join(d, 'link')), expect: /a folder on the way is a symbolic link that leads out/ },
    { name: 'linked-import', profile: 'cluster: {importFrom: aks.json}\n', setup: (d) => fs.symlinkSync(path.join(secretDir, 'secret.json'), path.join(d, 'aks.json')), expect: /`aks\.json`: cannot read it: a symbolic link, not followed/ },
    { name: 'dev-zero', profile: 'cluster: {importFrom: /dev/zero}\n', expect: /outside the current directory/ },
    { name: 'fifo-import', profile: 'cluster: {importFrom: aks.json}\n', setup: (d) => assert.equal(spawnSync('mkfifo', [path.join(d, 'aks.json')]).status, 0), expect: /not a regular file \(a FIFO\)/ },
  ];
  for (const c of cases) {
    const dir = workspace(c.name, { '.netlens.yaml': c.profile, 'app.yaml': deployment('shop') });
    c.setup?.(dir);
    const run = runNetlens(['check', '.'], { cwd: dir });
    assert.equal(run.status, 2, `${c.name}: ${run.stderr}`);
    assert.match(run.stderr, c.expect, c.name);
    // Nothing about the refused file's content: no position in it, none of its text.
    assert.doesNotMatch(run.stderr, /secret\.json:\d|oops|root:/, c.name);
  }
  // .netlens.yaml itself as a link to /dev/zero: refused at once (it used to read gigabytes).
  const zero = workspace('zero-profile', { 'app.yaml': deployment('shop') });
  fs.symlinkSync('/dev/zero', path.join(zero, '.netlens.yaml'));
  const run = runNetlens(['check', '.'], { cwd: zero });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /\.netlens\.yaml: error: cannot read the profile: a symbolic link, not followed/);
  // A file inside is read as before.
  const inside = workspace('inside', { '.netlens.yaml': 'cluster: {importFrom: infra/aks.json}\n', 'infra/aks.json': '{"networkProfile": {"networkPlugin": "kubenet"}}\n', 'app.yaml': deployment('shop') });
  const ok = runNetlens(['profile'], { cwd: inside });
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /networkModel: overlay/);
});

test('a self-aliased or alias-bomb .netlens.yaml is a clear profile error, never a crash or a hang', { timeout: 60000 }, () => {
  let bomb = 'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  let previous = 'a';
  for (const name of 'bcdefghi') {
    bomb += `${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]\n`;
    previous = name;
  }
  for (const [name, profile, expect] of [
    ['self-alias', 'cluster: &c {networkModel: overlay, x: *c}\n', /refers to a node that contains it/],
    ['bomb', `${bomb}cluster: {networkModel: overlay, podCidr: *i}\n`, /more than 10000 values/],
  ] as const) {
    const dir = workspace(`profile-${name}`, { '.netlens.yaml': profile, 'app.yaml': deployment('shop') });
    const run = runNetlens(['check', '.'], { cwd: dir });
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, expect);
    assert.doesNotMatch(run.stderr, /internal error|Maximum call stack/);
  }
});

test('a List that contains itself: one finding, the other files still checked (it used to be an internal error)', () => {
  const dir = workspace('self-list', { 'list.yaml': '&net\napiVersion: v1\nkind: List\nitems:\n  - *net\n', 'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {selector: {app: x}, ports: [{port: 80}]}\n' });
  const run = runNetlens(['check', '.'], { cwd: dir });
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stdout, /list\.yaml:5:5 error yaml-syntax Alias \*net refers to a node that contains it/);
  assert.match(run.stdout, /svc\.yaml:.* service-selects-nothing/);
});

/**
 * Hostile workspaces, generated (issue 14): manifests and profiles built from the shapes attackers use (alias cycles
 * and bombs, special files and links, control characters and markdown/YAML metacharacters in names and values, odd
 * names for files and namespaces, deep nesting, huge values, UTF-16 and lone carriage returns), then the engine and
 * the CLI run on them. For every case: no crash (no internal error, no stack trace), no hang (each CLI process has a
 * generous time bound), nothing written outside the `--out` folder, no raw control character in text output, JSON
 * output that parses. A fixed seed and a few dozen cases run in `npm test`; NETLENS_HOSTILE_CASES and
 * NETLENS_HOSTILE_SEED ask for a longer run.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../server/src/cli/main';
import type { CliIO } from '../../server/src/cli/usage';
import { Analysis } from '../../server/src/engine/analysis';
import { CLI_BIN } from '../support/cli';
import { Random } from '../support/random';
import { filesUnder } from '../support/repo';

const CASES = Number(process.env['NETLENS_HOSTILE_CASES'] ?? 40);
const SEED = Number(process.env['NETLENS_HOSTILE_SEED'] ?? 20261205);
/** Generous: a healthy run takes well under a second; a hang or an alias bomb took minutes. */
const PROCESS_TIME_BOUND_MS = 30000;

/** Strings that have broken a reader, a terminal, a markdown renderer or a path. */
const INJECTED = [
  '\u001b[2K\r\u001b[32mall good',
  'bell\u0007\u009b31m',
  'line\nbreak',
  'tab\there',
  'nul\u0000byte',
  '\u202eevil\u202c',
  '![x](https://attacker.example/beacon.png)[Click](https://attacker.example/phish)',
  '`code` ``double``',
  '"quoted" \'single\'',
  '*bold* _it_ #hash |pipe|',
  '---\nkind: NetworkPolicy',
  '{{ .Values.x }}',
  '- {}',
  '../../escaped',
  '/',
  '..',
  'CON',
  'toString',
  '__proto__',
  'constructor',
  '',
  ' ',
  'x'.repeat(300),
  'ünïcødé-名前-🚀',
];

const ODD_FILE_NAMES = ['plain', 'with space', 'esc\u001b[31m', 'new\nline', 'ünï🚀', '-dash', '.hidden', 'x'.repeat(200)];

/** A YAML double-quoted scalar holding any string (JSON's escapes are YAML's). */
function quoted(text: string): string {
  return JSON.stringify(text);
}

interface Shape {
  name: string;
  build(random: Random): string | Buffer;
}

function pickInjected(random: Random): string {
  return random.pick(INJECTED);
}

function workload(random: Random, namespace: string, name: string, app: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${quoted(name)}
  namespace: ${quoted(namespace)}
  annotations: {note: ${quoted(pickInjected(random))}, netlens.io/allow-from: ${quoted(pickInjected(random))}}
spec:
  selector: {matchLabels: {app: ${quoted(app)}}}
  template:
    metadata: {labels: {app: ${quoted(app)}, ${quoted(pickInjected(random))}: ${quoted(pickInjected(random))}}}
    spec:
      containers:
        - name: c
          image: x
          ports: [{name: http, containerPort: 8080}]
          env:
            - {name: URL, value: ${quoted(`https://${pickInjected(random)}.example.com:443/${pickInjected(random)}`)}}
            - {name: DB, value: ${quoted(`${pickInjected(random)}:5432`)}}
`;
}

function service(random: Random, namespace: string, name: string, app: string): string {
  return `apiVersion: v1
kind: Service
metadata: {name: ${quoted(name)}, namespace: ${quoted(namespace)}}
spec:
  type: ${random.pick(['ClusterIP', 'LoadBalancer', 'NodePort'])}
  selector: {app: ${quoted(random.int(2) ? app : pickInjected(random))}}
  ports: [{port: 80, targetPort: ${quoted(random.int(2) ? 'http' : pickInjected(random))}}]
`;
}

function policy(random: Random, namespace: string): string {
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ${quoted(pickInjected(random))}, namespace: ${quoted(namespace)}}
spec:
  podSelector: {matchLabels: {${quoted(pickInjected(random))}: ${quoted(pickInjected(random))}}}
  policyTypes: [Ingress, Egress]
  ingress: [{from: [{podSelector: {matchLabels: {app: ${quoted(pickInjected(random))}}}}], ports: [{port: 8080}]}]
  egress: [{to: [{ipBlock: {cidr: 10.0.0.0/8}}]}]
`;
}

function ingress(random: Random, namespace: string, name: string): string {
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${quoted(name)}
  namespace: ${quoted(namespace)}
  annotations: {nginx.ingress.kubernetes.io/rewrite-target: ${quoted(pickInjected(random))}, nginx.ingress.kubernetes.io/configuration-snippet: ${quoted(pickInjected(random))}}
spec:
  ingressClassName: ${quoted(random.int(2) ? 'nginx' : pickInjected(random))}
  rules:
    - host: ${quoted(random.int(2) ? 'a.example.com' : pickInjected(random))}
      http: {paths: [{path: ${quoted(`/${pickInjected(random)}`)}, pathType: ImplementationSpecific, backend: {service: {name: ${quoted(name)}, port: {number: 80}}}}]}
`;
}

function application(random: Random): string {
  const namespace = random.int(3) ? pickInjected(random) : 'shop';
  const name = random.int(2) ? pickInjected(random) : 'web';
  const app = random.int(2) ? 'web' : pickInjected(random);
  return [workload(random, namespace, name, app), service(random, namespace, name, app), policy(random, namespace), ingress(random, namespace, name)].join('---\n');
}

const SHAPES: Shape[] = [
  { name: 'injected strings', build: application },
  { name: 'List containing itself', build: () => '&net\napiVersion: v1\nkind: List\nitems: [*net, {apiVersion: v1, kind: ConfigMap, metadata: {name: c}}]\n' },
  {
    name: 'List alias bomb',
    build: () => {
      let text = 'apiVersion: v1\nkind: List\nitems:\n  - &l0 {apiVersion: v1, kind: Service, metadata: {name: s}, spec: {selector: {app: x}}}\n';
      for (let level = 1; level <= 8; level++) text += `  - &l${level} {apiVersion: v1, kind: List, items: [${Array(9).fill(`*l${level - 1}`).join(', ')}]}\n`;
      return text;
    },
  },
  {
    name: 'alias cycles in a Deployment',
    build: () => 'apiVersion: apps/v1\nkind: Deployment\nmetadata: &m {name: web, labels: *m}\nspec: &s {template: {spec: *s, metadata: {labels: {app: web}}}}\n',
  },
  {
    name: 'deep nesting',
    // Never closed: a syntax error as well as depth.
    build: (random) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: {k: ${'['.repeat(random.pick([150, 250, 3000]))}`,
  },
  {
    name: 'deep balanced nesting',
    build: (random) => {
      const depth = random.pick([199, 201, 5000]);
      return `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: {k: ${'{a: '.repeat(depth)}x${'}'.repeat(depth)}}\n`;
    },
  },
  {
    name: 'huge values',
    build: (random) => {
      const value = random.pick(['a', 'é', '🚀']).repeat(100000);
      return `apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {selector: {app: ${quoted(value)}}, ports: [{port: 80, targetPort: ${quoted(value)}}]}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${quoted(value)}}\nspec: {template: {metadata: {labels: {app: ${quoted(`${value}b`)}}}, spec: {containers: [{name: c, image: x}]}}}\n`;
    },
  },
  { name: 'UTF-16 LE', build: (random) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(application(random), 'utf16le')]) },
  { name: 'UTF-16 BE', build: (random) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(application(random), 'utf16le').swap16()]) },
  { name: 'UTF-16 cut short', build: () => Buffer.from([0xff, 0xfe, 0x61, 0x00, 0x3a]) },
  { name: 'UTF-8 BOM and lone CR', build: (random) => `\ufeff${application(random).replace(/\n/g, '\r')}` },
  { name: 'binary', build: () => Buffer.from([0x6b, 0x69, 0x6e, 0x64, 0x00, 0xff, 0xfe, 0x00]) },
  { name: 'duplicate keys', build: () => 'apiVersion: v1\nkind: Service\nmetadata: {name: a, name: b, namespace: x, namespace: y}\nspec: {selector: {app: a}, selector: {app: b}}\n' },
  { name: 'anchors everywhere', build: (random) => application(random).replace(/^(\s*)name: /m, '$1name: &n ').replace(/image: x/, 'image: *n') },
];

const PROFILES: Shape[] = [
  { name: 'self-alias profile', build: () => 'cluster: &c {networkModel: overlay, x: *c}\n' },
  {
    name: 'alias bomb profile',
    build: () => {
      let text = 'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
      let previous = 'a';
      for (const name of 'bcdefghi') {
        text += `${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]\n`;
        previous = name;
      }
      return `${text}cluster: {networkModel: overlay, podCidr: *i}\n`;
    },
  },
  { name: 'import outside', build: () => 'cluster: {importFrom: ../outside/secret.json}\n' },
  { name: 'import /etc/passwd', build: () => 'cluster: {importFrom: /etc/passwd}\n' },
  { name: 'import /dev/zero', build: () => 'cluster: {importFrom: /dev/zero}\n' },
  { name: 'injected profile', build: (random) => `cluster: {networkModel: ${quoted(pickInjected(random))}, podCidr: ${quoted(pickInjected(random))}}\ningressControllers: [{class: ${quoted(pickInjected(random))}, namespace: ${quoted(pickInjected(random))}}]\ndefaultNamespace: ${quoted(pickInjected(random))}\n` },
  { name: 'deep profile', build: () => `cluster: ${'['.repeat(3000)}\n` },
];

/** Special entries: links out, a FIFO, a link to a device, a folder named like a manifest. */
function addSpecialEntries(dir: string, outside: string, random: Random): void {
  const entries: (() => void)[] = [
    () => fs.symlinkSync('/dev/zero', path.join(dir, 'zero.yaml')),
    () => fs.symlinkSync(path.join(outside, 'secret.yaml'), path.join(dir, 'linked.yaml')),
    () => fs.symlinkSync(outside, path.join(dir, 'linked-folder')),
    () => fs.symlinkSync(dir, path.join(dir, 'loop')),
    () => fs.mkdirSync(path.join(dir, 'folder.yaml')),
    () => assert.equal(spawnSync('mkfifo', [path.join(dir, 'fifo.yaml')]).status, 0),
  ];
  for (const add of entries) if (random.int(2)) add();
}

/** Every file under `dir` with what it holds: its bytes, where a link points, or `special` (a FIFO). */
function contentsUnder(dir: string): Map<string, string> {
  const describe = (full: string): string => {
    const stat = fs.lstatSync(full);
    if (stat.isFile()) return fs.readFileSync(full).toString('base64');
    return stat.isSymbolicLink() ? `link:${fs.readlinkSync(full)}` : 'special';
  };
  return new Map(filesUnder(dir).map((full) => [full, describe(full)]));
}

const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function checkOutput(what: string, text: string, isText: boolean): void {
  assert.doesNotMatch(text, /internal error|Maximum call stack|\n\s+at .+:\d+:\d+\)?\n/, `${what}: ${text.slice(0, 500)}`);
  if (isText) {
    const match = RAW_CONTROL.exec(text);
    assert.equal(match, null, `${what}: raw U+${match?.[0].charCodeAt(0).toString(16)} in ${JSON.stringify(text.slice(Math.max(0, (match?.index ?? 0) - 60), (match?.index ?? 0) + 20))}`);
  }
}

async function runInProcess(args: string[], cwd: string): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { cwd, out: (t) => void (stdout += t), err: (t) => void (stderr += t), readStdin: async () => '' };
  const status = await runCli(args, io);
  return { status, stdout, stderr };
}

test(`${CASES} hostile workspaces: no crash, no hang, no write outside --out, no raw control character (seed ${SEED})`, { timeout: 10 * 60 * 1000 }, async () => {
  const random = new Random(SEED);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-hostile-fuzz-'));
  const outside = path.join(root, 'outside');
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, 'secret.yaml'), 'apiVersion: v1\nkind: Service\nmetadata: {name: outside}\nspec: {selector: {app: x}}\n');
  fs.writeFileSync(path.join(outside, 'secret.json'), '{"networkProfile": oops}\n');
  try {
    for (let i = 0; i < CASES; i++) {
      const dir = path.join(root, `case${i}`);
      fs.mkdirSync(dir);
      const shapes: string[] = [];
      const texts: { name: string; text: string }[] = [];
      for (let f = 1 + random.int(3); f > 0; f--) {
        const shape = random.pick(SHAPES);
        const content = shape.build(random);
        const name = `${random.pick(ODD_FILE_NAMES)}-${f}.yaml`;
        fs.writeFileSync(path.join(dir, name), content);
        shapes.push(shape.name);
        if (typeof content === 'string') texts.push({ name, text: content });
      }
      if (random.int(2)) {
        const profile = random.pick(PROFILES);
        fs.writeFileSync(path.join(dir, '.netlens.yaml'), profile.build(random));
        shapes.push(profile.name);
      }
      addSpecialEntries(dir, outside, random);
      const label = `case ${i} (seed ${SEED}: ${shapes.join(', ')})`;

      // The engine alone, on the texts.
      const analysis = new Analysis({ onRuleError: (id, error) => assert.fail(`${label}: rule ${id} threw: ${(error as Error).stack}`) });
      for (const { name, text } of texts) analysis.setFile(name, text);
      analysis.allFindings();

      // The CLI, in process (fast) for every command.
      const before = contentsUnder(root);
      const runs: [string[], boolean][] = [
        [['check', '.'], true],
        [['check', '.', '--format', 'json'], false],
        [['connectivity', '.'], true],
        [['connectivity', '.', '--format', 'md'], true],
        [['egress', '.'], true],
        [['explain', 'shop/web', 'shop/web', '.'], true],
        [['profile'], true],
        [['fix', '.', '--dry-run'], true],
        [['generate-policies', '.', '--out', 'out-policies'], true],
        [['migrate-ingress', '.', '--out', 'out-gateway'], true],
      ];
      for (const [args, isText] of runs) {
        const run = await runInProcess(args, dir);
        const what = `${label}: netlens ${args.join(' ')}`;
        assert.ok([0, 1, 2].includes(run.status), `${what}: exit ${run.status}`);
        checkOutput(`${what} stdout`, run.stdout, isText);
        checkOutput(`${what} stderr`, run.stderr, true);
        if (!isText && run.stdout) assert.doesNotThrow(() => JSON.parse(run.stdout), what);
        // One finding, one line, whatever the file names and messages hold.
        if (args.length === 2 && args[0] === 'check') {
          for (const line of run.stdout.split('\n').slice(0, -1)) assert.match(line, /^.+:\d+:\d+ (error|warning|info) [a-z0-9-]+ /, `${what}: ${line.slice(0, 200)}`);
        }
      }
      // Nothing changed or appeared anywhere but the two --out folders.
      const after = contentsUnder(root);
      for (const [file, content] of after) {
        const inOut = [path.join(dir, 'out-policies'), path.join(dir, 'out-gateway')].includes(path.dirname(file));
        if (!inOut) assert.equal(content, before.get(file), `${label}: ${file} was written`);
      }
      for (const file of before.keys()) assert.ok(after.has(file), `${label}: ${file} was removed`);

      // One in four cases as a real process too: the time bound, process-level failures (stdin, pipes).
      if (i % 4 === 0) {
        const run = spawnSync(process.execPath, [CLI_BIN, 'check', '.'], { cwd: dir, encoding: 'utf8', timeout: PROCESS_TIME_BOUND_MS, input: '' });
        assert.notEqual(run.error?.message.includes('ETIMEDOUT'), true, `${label}: netlens check took over ${PROCESS_TIME_BOUND_MS} ms`);
        assert.ok([0, 1, 2].includes(run.status ?? -1), `${label}: exit ${run.status} ${run.signal ?? ''}`);
        checkOutput(`${label}: process stdout`, run.stdout, true);
        checkOutput(`${label}: process stderr`, run.stderr, true);
      }
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

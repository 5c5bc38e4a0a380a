#!/usr/bin/env node
// The end-to-end runner (`npm run test:e2e`, after `npm run build` and test/e2e/setup.sh). Phases, in order:
//   host  the mocha suite in suite/ inside a real VS Code extension host, extension loaded from the repository
//         (extensionDevelopmentPath = repo root)
//   ui    the checks in ui/checks.mjs through the real workbench in headless Chromium; screenshots in .artifacts/
//   vsix  `npm run package`, the .vsix installed with the VS Code server's --install-extension, and the host suite
//         again against the installed extension
//   nvim  the cases in nvim/cases.mjs: headless Neovim with `netlens-language-server --stdio`
// Options: --phases host,ui,vsix,nvim (or NETLENS_E2E_PHASES), --grep <mocha grep for the host suite>, VERBOSE=1.
// Every workspace is a fresh copy of fixtures/workspace. Every process it starts is a process group of its own and is
// killed at the end (lib/processes.mjs). Ends with a line `N passed, N failed`; the exit code is 0 only if all passed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { killAll, runGroup } from './lib/processes.mjs';
import { CS_VERSION, REPO, TOOLS, consoleText, installVsix, launchBrowser, startServer, toolsInstalled } from './lib/vscode.mjs';
import { runNeovim } from './nvim/run.mjs';
import { checks } from './ui/checks.mjs';
import { uiToolbox } from './ui/helpers.mjs';

const HERE = import.meta.dirname;
const ARTIFACTS = path.join(HERE, '.artifacts');
const SUITE_OUT = path.join(HERE, '.out'); // not out/: `npm test` empties that; mocha resolves from the repo's node_modules
const ALL_PHASES = ['host', 'ui', 'vsix', 'nvim'];
const { values: options } = parseArgs({ options: { phases: { type: 'string' }, grep: { type: 'string' } } });
const phases = (options.phases ?? process.env.NETLENS_E2E_PHASES ?? ALL_PHASES.join(',')).split(',').map((p) => p.trim()).filter(Boolean);
for (const phase of phases) if (!ALL_PHASES.includes(phase)) throw new Error(`unknown phase ${phase}; phases: ${ALL_PHASES.join(', ')}`);
const HOST_TIMEOUT_MS = Number(process.env.NETLENS_E2E_HOST_TIMEOUT_MS ?? 300000);
const WATCHDOG_MS = Number(process.env.NETLENS_E2E_WATCHDOG_MS ?? 14 * 60000);

const t0 = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const log = (...args) => console.log(`[e2e ${seconds(Date.now() - t0)}]`, ...args);
const results = [];
const notes = [];

function record(phase, { title, ok, ms, error }) {
  results.push({ phase, title, ok, ms, error });
  console.log(`${ok ? '  ✔' : '  ✖'} [${phase}] ${title}${ms !== undefined ? ` (${seconds(ms)})` : ''}`);
  if (!ok && error) console.log(String(error).replace(/^/gm, '      '));
}

const watchdog = setTimeout(() => {
  console.log(`e2e watchdog: still running after ${seconds(WATCHDOG_MS)}; killing everything`);
  killAll();
  console.log(`${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length + 1} failed`);
  process.exit(1);
}, WATCHDOG_MS);
watchdog.unref();

/** A fresh copy of the fixture workspace for one phase. */
function freshWorkspace(label) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `netlens-e2e-${label}-`));
  fs.cpSync(path.join(HERE, 'fixtures', 'workspace'), dir, { recursive: true });
  return dir;
}

async function compileSuite() {
  fs.rmSync(SUITE_OUT, { recursive: true, force: true });
  const tsc = await runGroup(process.execPath, [path.join(REPO, 'node_modules/typescript/bin/tsc'), '-p', path.join(HERE, 'tsconfig.json')], { cwd: REPO });
  if (tsc.code !== 0) throw new Error(`compiling test/e2e/suite failed:\n${tsc.stdout}${tsc.stderr}`);
}

/**
 * Runs the mocha suite (suite/index.ts) in the extension host of a fresh VS Code window. `extensionDevelopmentPath`
 * loads the extension from a folder; without it the extension must be installed in `extensionsDir`.
 */
async function hostSuite(phase, { extensionDevelopmentPath, extensionsDir, expectedExtensionPath }) {
  const resultsFile = path.join(ARTIFACTS, `${phase}-results.jsonl`);
  const consoleLog = path.join(ARTIFACTS, `${phase}-console.log`);
  fs.rmSync(resultsFile, { force: true });
  const workspace = freshWorkspace(phase);
  const env = { NETLENS_E2E_RESULTS: resultsFile, NETLENS_E2E_EXTENSION_PATH: expectedExtensionPath };
  if (options.grep) env.NETLENS_E2E_GREP = options.grep;
  const server = await startServer({ extensionsDir, env, log: path.join(ARTIFACTS, `${phase}-server.log`) });
  const browser = await launchBrowser();
  const consoleOut = fs.createWriteStream(consoleLog);
  let seen = 0;
  let done;
  const drain = () => {
    if (!fs.existsSync(resultsFile)) return;
    const lines = fs.readFileSync(resultsFile, 'utf8').split('\n').filter(Boolean);
    for (const line of lines.slice(seen)) {
      const entry = JSON.parse(line);
      if (entry.kind === 'done') done = entry;
      else record(phase, { title: entry.title, ok: entry.state === 'passed', ms: entry.durationMs, error: entry.error });
    }
    seen = lines.length;
  };
  const poll = setInterval(drain, 250);
  try {
    const page = await browser.newPage();
    page.on('console', async (message) => {
      const text = await consoleText(message);
      consoleOut.write(text + '\n');
      if (process.env.VERBOSE) console.log(`    | ${text}`);
    });
    page.on('pageerror', (error) => consoleOut.write(`pageerror: ${error.message}\n`));
    const code = await new Promise((resolve) => {
      const timer = setTimeout(() => resolve('timeout'), HOST_TIMEOUT_MS);
      page
        .exposeFunction('codeAutomationExit', (c) => {
          clearTimeout(timer);
          resolve(c);
        })
        .then(() => {
          const payload = [['extensionTestsPath', path.join(SUITE_OUT, 'suite', 'index.js')]];
          if (extensionDevelopmentPath) payload.unshift(['extensionDevelopmentPath', extensionDevelopmentPath]);
          return page.goto(server.url(workspace, payload));
        })
        .catch((error) => {
          clearTimeout(timer);
          resolve(error);
        });
    });
    drain();
    const failed = code !== 0 || !done;
    if (failed) await page.screenshot({ path: path.join(ARTIFACTS, `${phase}-failure.png`) }).catch(() => {});
    if (code === 'timeout') record(phase, { title: `the suite finished within ${seconds(HOST_TIMEOUT_MS)}`, ok: false, error: `see ${consoleLog}` });
    else if (code instanceof Error) record(phase, { title: 'the workbench opened', ok: false, error: code.stack });
    else if (!done) record(phase, { title: 'the suite ran', ok: false, error: `the extension host exited with ${code} before mocha finished; see ${consoleLog}` });
    else if (code !== 0 && done.failures === 0) record(phase, { title: 'the extension host exited cleanly', ok: false, error: `exit code ${code}` });
    if (failed) {
      const tail = fs.readFileSync(consoleLog, 'utf8').split('\n').filter((l) => /ERR|rror/.test(l)).slice(-20).join('\n');
      if (tail) console.log(`    last errors in ${path.relative(REPO, consoleLog)}:\n${tail.replace(/^/gm, '      ')}`);
    }
  } finally {
    clearInterval(poll);
    consoleOut.end();
    if (browser.blocked.length) notes.push(`${phase}: aborted ${browser.blocked.length} off-machine browser requests, e.g. ${browser.blocked.slice(0, 3).join(' ')}`);
    await browser.close();
    await server.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

async function uiPhase() {
  const workspace = freshWorkspace('ui');
  const server = await startServer({ log: path.join(ARTIFACTS, 'ui-server.log') });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const ui = uiToolbox(page, { artifacts: ARTIFACTS, workspace });
    await page.goto(server.url(workspace, [['extensionDevelopmentPath', REPO]]));
    for (const [i, check] of checks.entries()) {
      const started = Date.now();
      try {
        await check.run(ui);
        record('ui', { title: check.name, ok: true, ms: Date.now() - started });
      } catch (error) {
        const shot = await ui.screenshot(`ui-failure-${i + 1}`).catch(() => undefined);
        record('ui', { title: check.name, ok: false, ms: Date.now() - started, error: `${error.stack ?? error}${shot ? `\nscreenshot: ${shot}` : ''}` });
      }
    }
    for (const shot of ui.screenshots) notes.push(`screenshot: ${path.relative(REPO, shot)}`);
  } finally {
    if (browser.blocked.length) notes.push(`ui: aborted ${browser.blocked.length} off-machine browser requests, e.g. ${browser.blocked.slice(0, 3).join(' ')}`);
    await browser.close();
    await server.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

async function vsixPhase() {
  const { version, publisher, name } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const vsix = path.join(ARTIFACTS, `${name}-${version}.vsix`);
  fs.rmSync(vsix, { force: true });
  const started = Date.now();
  const pack = await runGroup('npm', ['run', '--silent', 'package', '--', '--out', vsix], { cwd: REPO, timeoutMs: 180000 });
  const ok = pack.code === 0 && fs.existsSync(vsix);
  const size = ok ? fs.statSync(vsix).size : 0;
  record('vsix', { title: `npm run package writes a .vsix (${(size / 1024).toFixed(1)} KiB)`, ok, ms: Date.now() - started, error: ok ? undefined : `${pack.stdout}\n${pack.stderr}` });
  if (!ok) return;
  notes.push(`vsix: ${path.relative(REPO, vsix)}, ${size} bytes`);
  const extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-extensions-'));
  try {
    const installStarted = Date.now();
    let expectedExtensionPath;
    try {
      await installVsix(vsix, extensionsDir);
      expectedExtensionPath = path.join(extensionsDir, `${publisher}.${name}-${version}`);
      if (!fs.existsSync(path.join(expectedExtensionPath, 'dist', 'server.js'))) {
        throw new Error(`expected ${expectedExtensionPath}/dist/server.js; the extensions folder has ${fs.readdirSync(extensionsDir).join(', ')}`);
      }
      record('vsix', { title: 'code-server --install-extension installs the .vsix', ok: true, ms: Date.now() - installStarted });
    } catch (error) {
      record('vsix', { title: 'code-server --install-extension installs the .vsix', ok: false, ms: Date.now() - installStarted, error: error.stack });
      return;
    }
    // The workbench runs extensionTestsPath only in an extension development window, so open one for an empty
    // stand-in extension: Kube Netlens itself comes from the extensions folder.
    const stub = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-e2e-stub-'));
    fs.writeFileSync(path.join(stub, 'package.json'), JSON.stringify({ name: 'e2e-stub', publisher: 'netlens-e2e', version: '0.0.0', engines: { vscode: '*' } }));
    try {
      await hostSuite('vsix', { extensionDevelopmentPath: stub, extensionsDir, expectedExtensionPath });
    } finally {
      fs.rmSync(stub, { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(extensionsDir, { recursive: true, force: true });
  }
}

async function nvimPhase() {
  const workspace = freshWorkspace('nvim');
  try {
    await runNeovim({ repo: REPO, root: workspace, artifacts: ARTIFACTS, onResult: (entry) => record('nvim', entry) });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

async function main() {
  fs.rmSync(ARTIFACTS, { recursive: true, force: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  for (const file of ['dist/extension.js', 'dist/server.js']) {
    if (!fs.existsSync(path.join(REPO, file))) throw new Error(`${file} is missing: run \`npm run build\` first (npm run test:e2e does)`);
  }
  const needsVSCode = phases.some((p) => p !== 'nvim');
  if (needsVSCode && !toolsInstalled()) throw new Error(`VS Code ${CS_VERSION} is not installed in ${TOOLS}: run test/e2e/setup.sh first (npm run test:e2e does)`);
  if (phases.includes('host') || phases.includes('vsix')) await compileSuite();
  const run = {
    host: () => hostSuite('host', { extensionDevelopmentPath: REPO, expectedExtensionPath: REPO }),
    ui: uiPhase,
    vsix: vsixPhase,
    nvim: nvimPhase,
  };
  for (const phase of phases) {
    const started = Date.now();
    log(`phase ${phase}`);
    try {
      await run[phase]();
    } catch (error) {
      record(phase, { title: `phase ${phase} ran`, ok: false, error: error.stack ?? String(error) });
    }
    log(`phase ${phase} took ${seconds(Date.now() - started)}`);
  }
}

let exitCode = 1;
try {
  await main();
} catch (error) {
  record('setup', { title: 'the e2e runner started', ok: false, error: error.stack ?? String(error) });
} finally {
  killAll();
  for (const note of notes) log(note);
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  const byPhase = [...new Set(results.map((r) => r.phase))].map((p) => `${p} ${results.filter((r) => r.phase === p && r.ok).length}/${results.filter((r) => r.phase === p).length}`);
  log(`done: ${byPhase.join(', ')}; artifacts in ${path.relative(REPO, ARTIFACTS)}/`);
  console.log(`${passed} passed, ${failed} failed`);
  exitCode = failed === 0 && passed > 0 ? 0 : 1;
}
process.exit(exitCode);

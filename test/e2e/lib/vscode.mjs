// A real VS Code: the VS Code server + web workbench from the code-server npm package (installed by
// test/e2e/setup.sh), opened in headless Debian Chromium through playwright-core. Nothing here reaches the network:
// the server listens on 127.0.0.1, Chromium runs with background networking off, and the browser aborts (and
// records) any request that is not for the loopback server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { killGroup, runGroup, spawnGroup } from './processes.mjs';

export const REPO = path.resolve(import.meta.dirname, '..', '..', '..');
export const CS_VERSION = process.env.CS_VERSION ?? '4.100.3';
export const TOOLS = path.join(process.env.NETLENS_E2E_DIR ?? path.join(REPO, '.vscode-test'), `cs-${CS_VERSION}`);
const SERVER_MAIN = path.join(TOOLS, 'node_modules/code-server/lib/vscode/out/server-main.js');

export function toolsInstalled() {
  return fs.existsSync(path.join(TOOLS, '.ok')) && fs.existsSync(SERVER_MAIN);
}

export function playwright() {
  return createRequire(path.join(TOOLS, 'package.json'))('playwright-core');
}

/**
 * code-server's VS Code reads the extension gallery from $EXTENSIONS_GALLERY (default open-vsx.org); an empty one
 * turns the gallery off, so neither the server nor the workbench looks anything up.
 */
const OFFLINE_ENV = { EXTENSIONS_GALLERY: '{}' };

/** User settings of the test profile: quiet, offline, no trust prompt, nothing that opens by itself. */
const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'npm.fetchOnlinePackageInfo': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'files.autoSave': 'off',
  'editor.hover.delay': 100,
};

/**
 * Starts `server-main.js` in its own process group. Options: extensionsDir (installed extensions), env (extra
 * environment for the server and so for its extension hosts), log (file the server's output goes to).
 */
export async function startServer({ extensionsDir, env = {}, log } = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-vscode-'));
  fs.mkdirSync(path.join(tmp, 'data/User'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'data/User/settings.json'), JSON.stringify(SETTINGS, null, 2));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const args = [SERVER_MAIN, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token', '--accept-server-license-terms',
    '--enable-smoke-test-driver', // without it the built workbench ignores extensionTestsPath in the URL payload
    '--disable-workspace-trust', '--disable-telemetry', '--disable-update-check',
    '--server-data-dir', path.join(tmp, 'server'), '--user-data-dir', path.join(tmp, 'data')];
  if (extensionsDir) args.push('--extensions-dir', extensionsDir);
  const logStream = log ? fs.createWriteStream(log) : undefined;
  const child = spawnGroup(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env, ...OFFLINE_ENV, HOME: path.join(tmp, 'home'), XDG_CONFIG_HOME: path.join(tmp, 'home/.config'), TMPDIR: tmp },
  });
  let output = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`VS Code server did not start in 60 s:\n${output}`)), 60000);
    const onData = (d) => {
      output += d;
      logStream?.write(d);
      if (process.env.VERBOSE) process.stdout.write(d);
      if (/listening on/i.test(d)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`VS Code server exited with ${code}:\n${output}`));
    });
  });
  return {
    port,
    /** The workbench URL for a folder, with a payload ([[key, value]]: extensionDevelopmentPath, extensionTestsPath, ...). */
    url(folder, payload = []) {
      const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
      const entries = payload.map(([key, value]) => [key, key.endsWith('Path') ? remote(value) : value]);
      return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify([...entries, ['skipWelcome', 'true']]))}`;
    },
    async stop() {
      killGroup(child);
      logStream?.end();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** Installs a .vsix into `extensionsDir` with the VS Code server's own CLI (as `code --install-extension` would). */
export async function installVsix(vsix, extensionsDir) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-vscode-install-'));
  try {
    const result = await runGroup(process.execPath, [SERVER_MAIN, '--accept-server-license-terms', '--disable-telemetry',
      '--server-data-dir', path.join(tmp, 'server'), '--user-data-dir', path.join(tmp, 'data'),
      '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'], {
      env: { ...process.env, ...OFFLINE_ENV, HOME: path.join(tmp, 'home'), TMPDIR: tmp },
      timeoutMs: 120000,
    });
    if (result.code !== 0) throw new Error(`--install-extension failed (${result.code}):\n${result.stdout}\n${result.stderr}`);
    return result.stdout.trim();
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const isLoopback = (url) => /^(https?|wss?):\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(url) || !/^(https?|wss?):/.test(url);

/** Headless Debian Chromium with the flags this machine's closed network needs; off-machine requests are aborted. */
export async function launchBrowser() {
  const { chromium } = playwright();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--disable-default-apps', '--no-default-browser-check',
      // Even with the flags above Chromium still looks up accounts.google.com and update.googleapis.com: answer
      // every name but the loopback address with "not found" without asking DNS.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  const blocked = [];
  await context.route((url) => !isLoopback(url.href), (route) => {
    blocked.push(route.request().url());
    return route.abort();
  });
  return {
    context,
    blocked,
    async newPage() {
      const existing = context.pages().find((p) => p.url() === 'about:blank');
      return existing ?? context.newPage();
    },
    async close() {
      await context.close().catch(() => {});
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Console messages of the extension host arrive in the page as ('%c INFO', 'color: ...', format, ...args). */
export async function consoleText(message) {
  const args = await Promise.all(message.args().map((a) => a.jsonValue().catch(() => '?')));
  if (typeof args[0] === 'string' && args[0].startsWith('%c')) {
    args[0] = args[0].slice(2).trim();
    args.splice(1, 1);
  }
  return args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
}

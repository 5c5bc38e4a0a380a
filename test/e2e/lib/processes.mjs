// Every process the e2e runner starts goes through here: each is its own process group (detached: true), and
// the whole group is killed when it is stopped or when the runner exits, however it exits. That takes the VS Code
// server's extension host and language server (or Neovim's language server) down with it.
import { spawn } from 'node:child_process';

const groups = new Set();

export function killGroup(child, signal = 'SIGKILL') {
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
  groups.delete(child);
}

export function killAll() {
  for (const child of [...groups]) killGroup(child);
}

/** spawn() in a new process group that is killed with everything else when the runner exits. */
export function spawnGroup(command, args, options = {}) {
  const child = spawn(command, args, { ...options, detached: true });
  groups.add(child);
  child.on('exit', () => {
    // The leader has exited; its children may not have. Kill the rest of the group.
    killGroup(child);
  });
  return child;
}

/** Runs a command to completion in its own process group; resolves with { code, signal, stdout, stderr, timedOut }. */
export function runGroup(command, args, { timeoutMs = 120000, input, ...options } = {}) {
  return new Promise((resolve) => {
    const child = spawnGroup(command, args, { ...options, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: -1, signal: null, stdout, stderr: stderr + String(error), timedOut });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
    child.stdin.end(input ?? '');
  });
}

process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    killAll();
    process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 }[signal]));
  });
}

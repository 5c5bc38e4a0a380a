// Preloaded with `node --require` into the CLI and the server under test: any attempt to open a network
// connection, resolve a name, or start a child process is recorded in $NETLENS_GUARD_LOG and then refused.
// Plain JavaScript so that it can be preloaded without a build step.
'use strict';
const fs = require('node:fs');
const logFile = process.env.NETLENS_GUARD_LOG;

function refuse(what) {
  return function refused() {
    if (logFile) fs.appendFileSync(logFile, `${what}\n`);
    throw new Error(`netlens guard: ${what} is not allowed`);
  };
}

const net = require('node:net');
net.connect = refuse('net.connect');
net.createConnection = refuse('net.createConnection');
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(...args) {
  const options = args[0];
  // The IPC/stdio transports of the language server never call connect; a TCP or pipe connect is a violation.
  if (options && typeof options === 'object' && options.fd !== undefined) return originalConnect.apply(this, args);
  return refuse('net.Socket.connect')();
};
for (const mod of ['node:http', 'node:https']) {
  const m = require(mod);
  m.request = refuse(`${mod}.request`);
  m.get = refuse(`${mod}.get`);
}
require('node:tls').connect = refuse('tls.connect');
const dgram = require('node:dgram');
dgram.createSocket = refuse('dgram.createSocket');
const dns = require('node:dns');
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) dns[name] = refuse(`dns.${name}`);
const childProcess = require('node:child_process');
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) childProcess[name] = refuse(`child_process.${name}`);
if (typeof globalThis.fetch === 'function') globalThis.fetch = refuse('fetch');

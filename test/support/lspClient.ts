/**
 * A real LSP client for protocol tests: spawns the built `netlens-language-server --stdio` and talks JSON-RPC to
 * it with vscode-jsonrpc. Collects published diagnostics and answers the server's requests like an editor would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Writable } from 'node:stream';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { StatusNotification, type WorkspaceStatus } from '../../server/src/protocol/requests';

import { REPO_ROOT } from './repo';

export { REPO_ROOT };
export const SERVER_BIN = path.join(REPO_ROOT, 'bin', 'netlens-language-server.js');

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  relatedInformation?: { location: { uri: string; range: Diagnostic['range'] }; message: string }[];
  data?: unknown;
}

export class LspTestClient {
  readonly connection: MessageConnection;
  private readonly process: ChildProcess;
  readonly diagnostics = new Map<string, Diagnostic[]>();
  private readonly waiters: (() => void)[] = [];
  stderr = '';
  /** How many publishDiagnostics notifications have arrived (to tell when the server has gone quiet). */
  publishCount = 0;
  /** Every publishDiagnostics in arrival order, with whether the initial scan had ended (its progress report) by then. */
  readonly publishes: { uri: string; diagnostics: Diagnostic[]; afterScan: boolean }[] = [];
  /** How many work-done progress reports the server created. */
  progressCreated = 0;
  /** How many work-done progress reports have ended (the initial scan reports one). */
  progressEnded = 0;
  settings: Record<string, unknown> = {};
  /** Every `netlens/status` the server sent, in order. */
  readonly statuses: WorkspaceStatus[] = [];
  /** What the server registered dynamically (`client/registerCapability`). */
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];

  /**
   * `coalesceWrites`: what the client writes in one turn of the event loop reaches the server in one write (one read,
   * for a pipe and less than its buffer), so a request and the $/cancelRequest written right after it are queued
   * together by the server whatever it is doing; without it they are two writes, which an idle server reads apart.
   */
  constructor(options: { execArgv?: string[]; env?: Record<string, string>; coalesceWrites?: boolean } = {}) {
    this.process = spawn(process.execPath, [...(options.execArgv ?? []), SERVER_BIN, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
    });
    this.process.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    const input = options.coalesceWrites ? coalescing(this.process.stdin!) : this.process.stdin!;
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(input));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      this.publishes.push({ uri: params.uri, diagnostics: params.diagnostics, afterScan: this.progressEnded > 0 });
      this.publishCount++;
      for (const waiter of this.waiters.splice(0)) waiter();
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    this.connection.onNotification(StatusNotification, (status) => {
      this.statuses.push(status);
      for (const waiter of this.waiters.splice(0)) waiter();
    });
    this.connection.onRequest('window/workDoneProgress/create', () => {
      this.progressCreated++;
      return null;
    });
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onNotification('$/progress', (params: { value?: { kind?: string } }) => {
      if (params.value?.kind === 'end') this.progressEnded++;
      for (const waiter of this.waiters.splice(0)) waiter();
    });
    this.connection.listen();
  }

  /** `extra`: capabilities added to the client's text document and workspace capabilities (e.g. `codeAction`). */
  async initialize(rootUri: string, extra: { textDocument?: Record<string, unknown>; workspace?: Record<string, unknown>; initializationOptions?: unknown } = {}): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      initializationOptions: extra.initializationOptions,
      workspaceFolders: [{ uri: rootUri, name: 'fixture' }],
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true, ...extra.workspace },
        window: { workDoneProgress: true },
        textDocument: { publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true }, ...extra.textDocument },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Waits until `predicate` holds for the diagnostics received so far (polling on each publish), or fails. */
  async waitFor(predicate: () => boolean, what: string, timeoutMs = 10000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`timed out waiting for ${what}; diagnostics: ${JSON.stringify([...this.diagnostics], null, 1)}\nstderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(remaining, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits until the server has handled everything sent so far and no diagnostics arrived for a while. */
  async settle(quietMs = 150): Promise<void> {
    await this.waitFor(() => this.progressEnded > 0, 'the initial workspace scan to end');
    let last = -1;
    while (last !== this.publishCount) {
      last = this.publishCount;
      // Notifications are handled in order: once a request round-trips, everything sent before it was processed.
      await this.connection.sendRequest('workspace/symbol', { query: '' }).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, quietMs));
    }
  }

  async shutdown(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone; the kill below makes sure.
    }
    this.connection.dispose();
    await new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) return resolve();
      const timer = setTimeout(() => {
        this.process.kill('SIGKILL');
        resolve();
      }, 3000);
      this.process.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

/** A stream that gathers what is written to it in one turn of the event loop and writes it to `target` at once. */
function coalescing(target: Writable): Writable {
  let pending: Buffer[] = [];
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (pending.length === 0) setImmediate(() => target.write(Buffer.concat(pending.splice(0))));
      pending.push(chunk);
      done();
    },
  });
}

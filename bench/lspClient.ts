/**
 * A minimal LSP client for the benchmark, modelled on test/support/lspClient.ts: spawns the built server over stdio
 * and records, with timestamps, every publishDiagnostics and work-done progress notification. Besides what an editor
 * does, it can send a barrier request (a method the server does not know): the server handles messages in order, so
 * its error reply arrives only after everything a previous notification caused has been written.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export interface Publish {
  uri: string;
  at: number;
  diagnostics: { code?: string | number; severity?: number; message: string }[];
}

export interface ProgressEvent {
  kind: 'begin' | 'report' | 'end';
  at: number;
  message?: string;
}

export class BenchLspClient {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  readonly publishes: Publish[] = [];
  /** Latest diagnostics per URI. */
  readonly latest = new Map<string, Publish>();
  readonly progress: ProgressEvent[] = [];
  /** When each `netlens/status` of state `ready` arrived: the server sends one after each completed refresh. */
  readonly readyAt: number[] = [];
  stderr = '';
  private listeners: (() => void)[] = [];

  constructor(serverBin: string, nodeFlags: readonly string[] = [], cwd?: string) {
    this.process = spawn(process.execPath, [...nodeFlags, serverBin, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], cwd });
    this.process.stderr!.on('data', (chunk: Buffer) => {
      if (this.stderr.length < 100_000) this.stderr += chunk.toString();
    });
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Publish['diagnostics'] }) => {
      const publish: Publish = { uri: params.uri, at: performance.now(), diagnostics: params.diagnostics };
      this.publishes.push(publish);
      this.latest.set(params.uri, publish);
      this.notify();
    });
    this.connection.onNotification('$/progress', (params: { token: unknown; value: { kind: ProgressEvent['kind']; message?: string } }) => {
      const event: ProgressEvent = { kind: params.value.kind, at: performance.now() };
      if (params.value.message !== undefined) event.message = params.value.message;
      this.progress.push(event);
      this.notify();
    });
    this.connection.onNotification('netlens/status', (params: { state: string }) => {
      if (params.state === 'ready') this.readyAt.push(performance.now());
      this.notify();
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  get pid(): number {
    return this.process.pid!;
  }

  async initialize(rootUri: string): Promise<void> {
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
        window: { workDoneProgress: true },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
        },
      },
    });
    await this.connection.sendNotification('initialized', {});
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
  }

  async change(uri: string, version: number, contentChanges: unknown[]): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  /** Resolves once the server has handled every message sent before it (its MethodNotFound reply is the signal). */
  async barrier(): Promise<number> {
    try {
      await this.connection.sendRequest('netlens/benchBarrier', {});
    } catch {
      // Expected: the server does not know the method; the reply is what matters.
    }
    return performance.now();
  }

  /**
   * Resolves once the server has finished a refresh (its `ready` status) counted after `readyBefore` readies, and
   * handled every message sent before (a barrier). The server refreshes in time slices and answers requests between
   * them, so a barrier alone can be answered before the refresh an edit started has published anything.
   */
  async settled(readyBefore: number, timeoutMs: number): Promise<number> {
    await this.waitFor(() => this.readyAt.length > readyBefore, 'a completed refresh (netlens/status ready)', timeoutMs);
    return this.barrier();
  }

  /** Waits until `predicate` holds (checked on every notification), or throws after `timeoutMs`. */
  async waitFor(predicate: () => boolean, what: string, timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (!predicate()) {
      const remaining = deadline - performance.now();
      if (remaining <= 0) throw new TimeoutError(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
      if (this.process.exitCode !== null) throw new Error(`the server exited (${this.process.exitCode}) while waiting for ${what}: ${this.stderr.slice(-2000)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(remaining, 250));
        this.listeners.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async shutdown(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.process.exitCode !== null || this.process.signalCode !== null) return resolve();
      this.process.once('exit', () => resolve());
    });
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 5000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // Already gone; the kill below makes sure.
    }
    // A profiling server needs time to write its profile on exit.
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }

  kill(): void {
    if (this.process.exitCode === null) this.process.kill('SIGKILL');
    this.connection.dispose();
  }

  private notify(): void {
    for (const listener of this.listeners.splice(0)) listener();
  }
}

export class TimeoutError extends Error {}

/**
 * The status bar item: what the server is doing (starting, reading n of m files, checking, stopped), then the finding
 * count of the whole workspace, computed from the diagnostics the server published; a click opens Problems (or
 * restarts a stopped server). statusText.ts decides what it says.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { StatusNotification } from '../../../server/src/protocol/requests';
import { statusView, type FindingCounts, type ServerState } from './statusText';

export interface StatusBar extends vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  /** The server is about to restart (by command): show it starting, not stopped. */
  restarting(): void;
}

/** Follows `client` (its state and `netlens/status`) and the diagnostics; call before `client.start()`. */
export function createStatusBar(client: LanguageClient): StatusBar {
  const item = vscode.window.createStatusBarItem('netlens.findings', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Kube Netlens';
  let server: ServerState = { state: 'starting' };
  let restarting = false;
  let pending: NodeJS.Timeout | undefined;

  const update = (): void => {
    pending = undefined;
    const view = statusView(server, countFindings());
    if (!view) {
      item.hide();
      return;
    }
    item.text = view.text;
    item.tooltip = view.tooltip;
    item.accessibilityInformation = { label: view.label, role: 'button' };
    item.command = view.command;
    item.show();
  };
  update();

  const subscriptions: vscode.Disposable[] = [
    item,
    client.onNotification(StatusNotification, (status) => {
      server = status;
      update();
    }),
    client.onDidChangeState((event) => {
      if (event.newState === State.Starting || (event.newState === State.Stopped && restarting)) server = { state: 'starting' };
      else if (event.newState === State.Stopped) server = { state: 'stopped' };
      // Running: the server's first status follows; until then it is still starting.
      if (event.newState === State.Running) restarting = false;
      update();
    }),
    // Diagnostics arrive per file, many at once after an edit: one update for a burst.
    vscode.languages.onDidChangeDiagnostics(() => {
      pending ??= setTimeout(update, 100);
    }),
  ];
  return {
    item,
    restarting() {
      restarting = true;
      server = { state: 'starting' };
      update();
    },
    dispose() {
      if (pending) clearTimeout(pending);
      for (const subscription of subscriptions) subscription.dispose();
    },
  };
}

function countFindings(): FindingCounts {
  const counts: FindingCounts = { errors: 0, warnings: 0, infos: 0, files: 0 };
  for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
    let inFile = 0;
    for (const d of diagnostics) {
      if (d.source !== 'netlens') continue;
      inFile++;
      if (d.severity === vscode.DiagnosticSeverity.Error) counts.errors++;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) counts.warnings++;
      else counts.infos++;
    }
    if (inFile) counts.files++;
  }
  return counts;
}

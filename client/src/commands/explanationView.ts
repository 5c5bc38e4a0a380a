/**
 * The Explain Connection view: one webview panel beside the editor, reused for each explanation (explanationPage.ts
 * draws it; it runs no script). `lastShown` is for the end-to-end tests.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { ExplainQuery, ExplainReply } from '../../../server/src/protocol/requests';
import { explanationHtml, explanationTitle } from './explanationPage';

export const EXPLANATION_VIEW_TYPE = 'netlens.explanation';

export class ExplanationView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  lastShown: { title: string; query: ExplainQuery; reply: ExplainReply } | undefined;

  show(query: ExplainQuery, reply: ExplainReply): void {
    const title = explanationTitle(query);
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(EXPLANATION_VIEW_TYPE, title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: false, localResourceRoots: [] });
      this.panel.onDidDispose(() => (this.panel = undefined));
    } else {
      this.panel.reveal(undefined, true);
    }
    this.panel.title = title;
    this.panel.webview.html = explanationHtml({ query, reply, cspSource: this.panel.webview.cspSource, nonce: randomBytes(16).toString('base64') });
    this.lastShown = { title, query, reply };
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

/**
 * The Explain Connection view's page: the verdict as a heading, the question asked, and the trail, wrapped to the
 * panel's width. Static HTML without any script (the webview runs none) under a Content-Security-Policy that allows
 * only the page's own style; every text (workload names, policy names, addresses, all from manifests) is
 * HTML-escaped. Pure (no vscode import): test/client/explanationPage.test.ts checks it.
 */
import type { ExplainQuery, ExplainReply } from '../../../server/src/protocol/requests';

export interface ExplanationPage {
  query: ExplainQuery;
  reply: ExplainReply;
  /** `webview.cspSource`. */
  cspSource: string;
  /** A fresh nonce: the one style element allowed. */
  nonce: string;
}

/** The panel's title: short, the two ends only (their namespaces and kinds are in the page). */
export function explanationTitle(query: ExplainQuery): string {
  // An address or CIDR as it is; a workload (`ns/name[Kind]`) by its name.
  const short = (endpoint: string) => clipped(/^[0-9a-fA-F:.]+(\/\d+)?$/.test(endpoint) ? endpoint : endpoint.replace(/\[[^\]]*\]$/, '').replace(/^[^/]*\//, ''), 24);
  return `${short(query.source)} → ${short(query.destination)}`;
}

export function verdictOf(reply: ExplainReply): 'allowed' | 'denied' | 'error' {
  return reply.error ? 'error' : reply.allowed ? 'allowed' : 'denied';
}

const VERDICT_TEXT = { allowed: 'Allowed', denied: 'Denied', error: 'Could not explain' } as const;

export function explanationHtml(page: ExplanationPage): string {
  const { query, reply } = page;
  const verdict = verdictOf(page.reply);
  const port = query.port ? `${query.protocol ?? 'TCP'} ${query.port}` : 'any port';
  const [first, ...rest] = reply.lines;
  // The first line restates the question with the verdict ("a => b on TCP 80: DENIED"): the heading says it.
  const trail = reply.error || !first || !/: (ALLOWED|DENIED)$/.test(first) ? reply.lines : rest;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${escapeHtml(page.cspSource)} 'nonce-${escapeHtml(page.nonce)}'">
<title>${escapeHtml(explanationTitle(query))}</title>
<style nonce="${escapeHtml(page.nonce)}">
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 1.2em 1.2em; line-height: 1.5; }
  h1 { font-size: 1.5em; margin: 0.8em 0 0.2em; }
  h1.allowed { color: var(--vscode-testing-iconPassed, var(--vscode-charts-green)); }
  h1.denied, h1.error { color: var(--vscode-errorForeground); }
  .question { margin: 0 0 1em; color: var(--vscode-descriptionForeground); overflow-wrap: anywhere; }
  .question code { font-family: var(--vscode-editor-font-family); color: var(--vscode-foreground); }
  ol { padding-left: 1.4em; margin: 0; }
  li { margin: 0.25em 0; white-space: pre-wrap; overflow-wrap: anywhere; }
</style>
</head>
<body data-verdict="${verdict}">
<h1 class="${verdict}">${VERDICT_TEXT[verdict]}</h1>
<p class="question">From <code>${escapeHtml(query.source)}</code> to <code>${escapeHtml(query.destination)}</code> on ${escapeHtml(port)}</p>
<ol>
${trail.map((line) => `<li>${escapeHtml(line)}</li>`).join('\n')}
</ol>
</body>
</html>`;
}

function clipped(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

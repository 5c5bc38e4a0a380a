/**
 * The graph webview's page: static HTML, our bundle and stylesheet, and a Content-Security-Policy that allows
 * nothing else. No manifest text is part of the page: names, labels and details reach the DOM later, through
 * `textContent` and cytoscape's canvas (webview/main.ts), so a manifest can neither inject markup nor make the
 * webview load anything (a remote image, a script, a frame, a font) or send anything anywhere.
 * Pure (no vscode import) so that test/client/graphPage.test.ts checks it.
 */

export interface GraphPage {
  /** `webview.cspSource`: the origin of the extension's own resources in this webview. */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  /** A fresh random nonce per page: the one script tag allowed to run carries it. */
  nonce: string;
}

export function contentSecurityPolicy(page: Pick<GraphPage, 'cspSource' | 'nonce'>): string {
  return [
    "default-src 'none'",
    `img-src ${page.cspSource} data:`,
    `style-src ${page.cspSource}`,
    `font-src ${page.cspSource}`,
    `script-src 'nonce-${page.nonce}'`,
    "connect-src 'none'",
    "frame-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

export function graphPageHtml(page: GraphPage): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(page)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${page.styleUri}">
<title>Connectivity Graph</title>
</head>
<body>
<header class="toolbar" role="toolbar" aria-label="Graph filters">
  <label>Namespace <select id="namespace" aria-label="Namespace"><option value="">All namespaces</option></select></label>
  <label>Show <select id="filter" aria-label="What to show">
    <option value="all">Everything</option>
    <option value="denied">Only denied declared dependencies</option>
    <option value="exposure">Only exposure (ways in from outside)</option>
  </select></label>
  <button id="fit" type="button" title="Fit the graph to the window">Fit</button>
  <button id="relayout" type="button" title="Lay the graph out again">Re-layout</button>
  <button id="refresh" type="button" title="Ask the language server again">Refresh</button>
  <span id="status" role="status" aria-live="polite"></span>
</header>
<main>
  <div id="canvas">
    <div id="banner" role="note" hidden></div>
    <div id="graph" role="img" aria-label="Connectivity graph"><p id="empty" class="hint" hidden></p></div>
  </div>
  <aside id="side">
    <details id="legend-box" open><summary>Legend</summary><section id="legend" aria-label="Legend"></section></details>
    <section id="details" aria-live="polite"><p class="hint">Click a workload to open its manifest; click an edge to explain the connection.</p></section>
  </aside>
</main>
<script nonce="${page.nonce}" src="${page.scriptUri}"></script>
</body>
</html>`;
}

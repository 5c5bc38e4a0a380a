/**
 * The graph webview shows manifest names, labels and explanations. It must never turn them into markup or let the
 * page load or send anything: the Content-Security-Policy allows our own bundle, stylesheet and fonts (and data:
 * images, which cytoscape uses) and nothing remote; the webview's code writes text only (`textContent`, canvas
 * labels), never HTML.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { contentSecurityPolicy, graphPageHtml } from '../../client/src/graph/page';
import { REPO_ROOT } from '../support/lspClient';

const PAGE = { cspSource: 'https://file+.vscode-resource.vscode-cdn.net', scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/dist/graph.js', styleUri: 'https://file+.vscode-resource.vscode-cdn.net/dist/graph.css', nonce: 'bm9uY2U=' };

test('the Content-Security-Policy allows nothing but our own resources: no remote images, scripts, frames, connections or forms', () => {
  const directives = new Map(contentSecurityPolicy(PAGE).split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));
  assert.deepEqual(directives.get('default-src'), ["'none'"]);
  assert.deepEqual(directives.get('img-src'), [PAGE.cspSource, 'data:']);
  assert.deepEqual(directives.get('script-src'), [`'nonce-${PAGE.nonce}'`]);
  for (const name of ['style-src', 'font-src']) assert.deepEqual(directives.get(name), [PAGE.cspSource], name);
  // Not covered by default-src: without these a form or a <base> could send the page elsewhere.
  for (const name of ['form-action', 'base-uri', 'connect-src', 'frame-src']) assert.deepEqual(directives.get(name), ["'none'"], name);
  for (const [name, sources] of directives) {
    for (const source of sources) assert.ok(!/^(\*|https?:|ws:|'unsafe-|blob:)/.test(source) || source === PAGE.cspSource, `${name} allows ${source}`);
  }
});

test('the page holds one script, with the nonce, and no inline handlers or styles', () => {
  const html = graphPageHtml(PAGE);
  assert.equal(html.match(/<script\b/g)?.length, 1);
  assert.ok(html.includes(`<script nonce="${PAGE.nonce}" src="${PAGE.scriptUri}"></script>`));
  assert.ok(!/\son[a-z]+=|\sstyle=|javascript:/i.test(html), 'inline handler or style');
  assert.ok(html.includes(`content="${contentSecurityPolicy(PAGE)}"`));
});

test('the webview code writes manifest text as text: no innerHTML, outerHTML, insertAdjacentHTML, document.write, srcdoc or eval', () => {
  const dir = path.join(REPO_ROOT, 'client', 'src', 'graph', 'webview');
  const offenders: string[] = [];
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    for (const pattern of [/\.innerHTML\b/, /\.outerHTML\b/, /insertAdjacentHTML/, /document\.write/, /\bsrcdoc\b/, /\beval\(/, /new Function\(/, /DOMParser/, /createContextualFragment/]) {
      if (pattern.test(text)) offenders.push(`${name}: ${pattern}`);
    }
  }
  assert.deepEqual(offenders, []);
  assert.match(fs.readFileSync(path.join(dir, 'main.ts'), 'utf8'), /\.textContent = /);
});

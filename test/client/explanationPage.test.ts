/** The Explain Connection view's page (client/src/commands/explanationPage.ts): readable, short title, inert. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explanationHtml, explanationTitle } from '../../client/src/commands/explanationPage';

const page = (lines: string[], extra: { allowed?: boolean; error?: string } = {}) =>
  explanationHtml({ query: { source: 'store/frontend[Deployment]', destination: 'store/orders[Deployment]', port: 9000, protocol: 'TCP' }, reply: { allowed: false, lines, ...extra }, cspSource: 'vscode-resource:', nonce: 'abc' });

test('a short title: the two workloads, without namespace and kind', () => {
  assert.equal(explanationTitle({ source: 'store/frontend[Deployment]', destination: 'store/orders[Deployment]' }), 'frontend → orders');
  assert.equal(explanationTitle({ source: '203.0.113.0/24', destination: 'payments/a-very-long-workload-name-that-goes-on[StatefulSet]' }), '203.0.113.0/24 → a-very-long-workload-na…');
});

test('the verdict is the heading, the question below, the trail as a wrapped list without the line that restates both', () => {
  const html = page(['store/frontend[Deployment] => store/orders[Deployment] on TCP 9000: DENIED', "ingress of store/orders[Deployment]: isolated by 'default-deny'"]);
  assert.match(html, /<h1 class="denied">Denied<\/h1>/);
  assert.match(html, /From <code>store\/frontend\[Deployment\]<\/code> to <code>store\/orders\[Deployment\]<\/code> on TCP 9000/);
  assert.match(html, /<li>ingress of store\/orders\[Deployment\]: isolated by &#39;default-deny&#39;<\/li>/);
  assert.doesNotMatch(html, /<li>store\/frontend\[Deployment\] =&gt;/);
  assert.match(html, /white-space: pre-wrap/);
  assert.match(page([], { error: 'source: no workload' }), /<h1 class="error">Could not explain<\/h1>/);
});

test('manifest text cannot become markup, and the page allows no script', () => {
  const html = page(['<img src=x onerror=alert(1)> & "quotes"']);
  assert.match(html, /<li>&lt;img src=x onerror=alert\(1\)&gt; &amp; &quot;quotes&quot;<\/li>/);
  assert.doesNotMatch(html, /<script/i);
  assert.match(html, /content="default-src 'none'; style-src vscode-resource: 'nonce-abc'"/);
});

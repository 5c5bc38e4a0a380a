// Neovim cases: each opens one file of the fixture workspace in headless Neovim with the Netlens server over
// stdio (harness.lua), optionally sends requests and edits, and `check` asserts on what Neovim received.
// To add one: push { name, case(ws), check(result, ws) } — see docs/e2e.md.
import assert from 'node:assert/strict';

const METHOD_NOT_FOUND = -32601;

/**
 * A request must be answered. When the server advertises the capability the answer must carry no error; when it
 * does not (yet), the only acceptable error is MethodNotFound (anything else, or no answer, is a server bug).
 */
export function assertAnswered(result, method, capability) {
  const response = result.responses.find((r) => r.method === method);
  assert.ok(response, `${method} was sent`);
  assert.ok(response.answered, `${method} was answered: ${JSON.stringify(response.err)}`);
  if (result.capabilities?.[capability]) assert.equal(response.err ?? null, null, `${method} answered without error`);
  else assert.equal(response.err?.code, METHOD_NOT_FOUND, `${method} without ${capability}: ${JSON.stringify(response.err)}`);
  return response.result;
}

export const cases = [
  {
    name: 'diagnostics for the opened file and the files it never opened; hover and code action are answered',
    case: (ws) => {
      const selector = ws.find('shop/web-service.yaml', 'app: web');
      return {
        file: ws.path('shop/web-service.yaml'),
        waitFor: [ws.path('shop/ingress.yaml'), ws.path('shop/api.yaml')],
        requests: [
          { method: 'textDocument/hover', params: { position: selector } },
          {
            method: 'textDocument/codeAction',
            params: { range: { start: selector, end: { line: selector.line, character: selector.character + 8 } }, context: { diagnostics: '$diagnostics' } },
          },
        ],
      };
    },
    check: (result, ws) => {
      // Only the rules this fixture is about are pinned; other rules may add findings of their own.
      const service = ws.diagnostics(result.diagnostics, 'shop/web-service.yaml', 'service-selects-nothing');
      assert.deepEqual(service.map((d) => [d.source, d.severity, d.range.start]), [['netlens', 2, ws.find('shop/web-service.yaml', 'app: web')]]);
      assert.match(service[0].message, /selects no workload/);
      const ingress = ws.diagnostics(result.diagnostics, 'shop/ingress.yaml', 'ingress-backend-missing');
      assert.deepEqual(ingress.map((d) => [d.severity, d.range.start.line]), [[1, ws.find('shop/ingress.yaml', 'name: orders').line]]);
      const api = ws.diagnostics(result.diagnostics, 'shop/api.yaml', 'service-target-port-missing');
      assert.deepEqual(api.map((d) => d.range.start), [ws.find('shop/api.yaml', 'grpc', 'targetPort: grpc')]);
      assertAnswered(result, 'textDocument/hover', 'hoverProvider');
      assertAnswered(result, 'textDocument/codeAction', 'codeActionProvider');
    },
  },
  {
    name: 'an edit in Neovim (incremental sync) updates the diagnostics of another file',
    case: (ws) => {
      const labels = ws.linesWith('shop/web-deployment.yaml', 'app: web-v1');
      assert.equal(labels.length, 2);
      // One change over the lines from the first label to the second (selector and pod template), so the server
      // never sees a half-fixed Deployment and the next publish of web-service.yaml is the final one.
      const [first, last] = [labels[0].line, labels[1].line];
      const block = ws.lines('shop/web-deployment.yaml').slice(first, last + 1).map((t) => t.replace('app: web-v1', 'app: web'));
      return {
        file: ws.path('shop/web-deployment.yaml'),
        waitFor: [ws.path('shop/web-service.yaml')],
        edits: [{ start: first, end: last + 1, lines: block }],
        editWaitFor: ws.path('shop/web-service.yaml'),
      };
    },
    check: (result, ws) => {
      assert.ok(result.afterEdit, 'the edit was made');
      assert.equal(ws.diagnostics(result.beforeEdit, 'shop/web-service.yaml', 'service-selects-nothing').length, 1);
      assert.equal(ws.diagnostics(result.afterEdit, 'shop/web-service.yaml', 'service-selects-nothing').length, 0);
      assert.ok(result.publishes[ws.path('shop/web-service.yaml')] >= 2, 'web-service.yaml was published before and after the edit');
    },
  },
];

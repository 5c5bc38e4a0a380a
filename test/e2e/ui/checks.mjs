// UI checks through the real VS Code workbench (Chromium + playwright-core), run in order in one window with the
// extension loaded. Each is { name, run(ui) } and throws to fail; `ui` is the toolbox from helpers.mjs.
// To add one: push an entry here — see docs/e2e.md.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateGraphWorkspace } from '../lib/generateWorkspace.mjs';

/** Files a check adds to the workspace while it runs (the workspace itself is a copy of fixtures/workspace). */
const EXTRA_FIXTURES = fileURLToPath(new URL('../fixtures/extra/', import.meta.url));

/**
 * Shows the hover at a position and saves a screenshot around it. Late decorations (code lenses, diagnostics) can
 * close a hover right after it appears, so a hover that is gone by the time of the screenshot is shown again.
 */
async function hoverShot(ui, position, text, name) {
  for (let attempt = 1; ; attempt++) {
    const content = await ui.hoverAt(position, text);
    try {
      const hover = ui.page.locator(`.monaco-hover:visible:has-text("${text}")`).first();
      await hover.waitFor({ state: 'visible', timeout: 2000 });
      await ui.docShot(name, await ui.clipAround(hover, 40, { width: 760, height: 0 }));
      return content;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/** Closes every editor; unsaved edits (a previous check's) are discarded: "Don't Save" when VS Code asks. */
async function closeAllDiscarding(ui) {
  await ui.page.keyboard.press('Escape');
  await ui.runCommand('View: Close All Editors', { optional: true });
  const dontSave = ui.page.locator('.monaco-dialog-box .monaco-button', { hasText: "Don't Save" }).first();
  if (await dontSave.waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false)) await dontSave.click();
  await ui.page.waitForFunction(() => document.querySelectorAll('.tab').length === 0, null, { timeout: 15000 });
}

export const checks = [
  {
    name: 'the workbench loads with the extension and its status bar item',
    async run(ui) {
      await ui.page.waitForSelector('.monaco-workbench', { timeout: 60000 });
      await ui.page.waitForSelector('.explorer-viewlet .monaco-list-row', { timeout: 30000 });
      // Nobody opened a file yet: the count comes from the server's workspace scan.
      const item = await ui.statusBarItem(/Netlens: [1-9]\d*/);
      assert.match(await item.getAttribute('aria-label'), /^Kube Netlens: \d+ errors?(, \d+ warnings?)?( and \d+ infos?)? in \d+ files$/);
    },
  },
  {
    name: 'a netlens diagnostic is drawn as a squiggle whose hover shows the rule and message',
    async run(ui) {
      await ui.openFile('web-service.yaml');
      await ui.page.waitForSelector('.monaco-editor .squiggly-warning', { timeout: 60000 });
      const hover = await ui.hoverAt(ui.find('shop/web-service.yaml', 'web', 'app: web'), 'selects no workload');
      assert.match(hover, /service-selects-nothing/);
      assert.match(hover, /closest: Deployment web has app=web-v1/);
      await ui.page.keyboard.press('Escape');
    },
  },
  {
    name: 'clicking the status bar item opens the Problems panel, which lists the netlens findings',
    async run(ui) {
      assert.equal(await ui.page.isVisible('.markers-panel'), false, 'the Problems panel is closed before the click');
      await (await ui.statusBarItem('Netlens:')).click();
      await ui.page.waitForSelector('.markers-panel', { state: 'visible', timeout: 15000 });
      // The list is virtual (only the rows in view exist): filter it to the rows this check looks for.
      const filter = ui.page.locator('.markers-panel-action-filter input, .markers-panel-container .viewpane-filter input, .viewpane-filter-container input').first();
      await filter.fill('service-selects-nothing');
      const row = await ui.page.waitForSelector('.markers-panel .monaco-list-row:has-text("service-selects-nothing")', { timeout: 15000 });
      assert.match(await row.textContent(), /Service 'web' selects no workload/);
      await filter.fill('ingress-backend-missing');
      await ui.page.waitForSelector('.markers-panel .monaco-list-row:has-text("ingress-backend-missing")', { timeout: 15000 });
      await filter.fill('');
      // Leave the squiggle's hover up for the screenshot.
      await ui.hoverAt(ui.find('shop/web-service.yaml', 'web', 'app: web'), 'selects no workload');
      await ui.screenshot('workbench');
    },
  },
  {
    name: 'README screenshots: a diagnostic, the L4 and L7 hovers, the quick-fix menu',
    async run(ui) {
      await ui.runCommand('View: Hide Panel', { optional: true });
      await ui.openFile('web-service.yaml');
      const diagnostic = await hoverShot(ui, ui.find('shop/web-service.yaml', 'web', 'app: web'), 'selects no workload', 'diagnostic');
      assert.match(diagnostic, /service-selects-nothing/);

      await ui.openFile('gateway.yaml');
      const l4 = await hoverShot(ui, ui.find('edge/gateway.yaml', 'LoadBalancer', 'type: LoadBalancer'), '(L4)', 'hover-l4');
      assert.match(l4, /LoadBalancer \(L4\): forwards TCP\/UDP connections by port/);
      const l7 = await hoverShot(ui, ui.find('edge/gateway.yaml', 'Ingress', 'kind: Ingress'), 'L7 routing', 'hover-l7');
      assert.match(l7, /terminates the client connection/);
      await ui.page.keyboard.press('Escape');

      await ui.openFile('api.yaml');
      await ui.goTo(ui.find('shop/api.yaml', 'grpc', 'targetPort: grpc'));
      await ui.page.keyboard.press('Control+.');
      const fix = ui.page.locator('.action-widget .monaco-list-row', { hasText: "Change targetPort to container port 'http'" }).first();
      await fix.waitFor({ state: 'visible', timeout: 15000 });
      await ui.docShot('quick-fix', await ui.clipAround(ui.page.locator('.action-widget').first(), 60, { width: 520, height: 0 }));
      await ui.page.keyboard.press('Enter'); // the preferred fix is the focused row
      await ui.page.waitForSelector('.monaco-editor .view-line:has-text("targetPort: http")', { timeout: 15000 });
    },
  },
  {
    name: 'Show Connectivity Graph draws the workspace; clicking an edge explains it, clicking a workload opens it',
    async run(ui) {
      // Room for the graph: no panel, no side bar, the graph alone; a smaller window keeps the README images small.
      await ui.page.setViewportSize({ width: 1180, height: 740 });
      await ui.runCommand('View: Hide Panel', { optional: true });
      await ui.runCommand('View: Close Primary Side Bar', { optional: true });
      await ui.runCommand('Netlens: Show Connectivity Graph');
      // Let the webview finish loading first: it takes the focus when ready, which would close a palette opened now.
      await ui.webview().locator('body[data-state="ready"]').waitFor({ state: 'attached', timeout: 60000 });
      await ui.page.locator('.tab:has-text("Connectivity Graph")').first().click(); // its group is the active one
      await ui.runCommand('View: Close Editors in Other Groups');
      await ui.page.waitForFunction(() => document.querySelectorAll('.editor-group-container').length === 1, null, { timeout: 15000 });
      const view = ui.webview();
      await view.locator('body[data-state="ready"]').waitFor({ state: 'attached', timeout: 60000 });
      await view.locator('#fit').click(); // the panel grew when the other group closed
      const nodes = Number(await view.locator('body').getAttribute('data-nodes'));
      assert.ok(nodes >= 10, `the graph has ${nodes} nodes`);
      assert.match(await view.locator('#status').textContent(), /7 workloads · \d+ policy edges · 4 declared dependencies \(1 denied\)/);
      await view.locator('#legend-box').evaluate((details) => (details.open = true)); // folded in a narrow panel
      await ui.page.waitForTimeout(300); // the canvas paints on the next frame
      await ui.docShot('graph');

      // Only the denied dependency, then a click on it explains it.
      await view.locator('#filter').selectOption('denied');
      await view.locator('body[data-visible-edges="1"]').waitFor({ state: 'attached', timeout: 15000 });
      const edge = 'dependency:store/frontend[Deployment]>store/orders[Deployment]:store/orders:80/TCP';
      const at = await view.locator('body').evaluate((_, id) => window.netlensGraph.positionOf(id), edge);
      assert.ok(at, 'the denied edge is drawn');
      const box = await view.locator('#graph').boundingBox();
      const frameBox = await ui.page.locator('iframe.webview.ready').boundingBox();
      await view.locator('#graph').click({ position: { x: at.x - (box.x - frameBox.x), y: at.y - (box.y - frameBox.y) } });
      const explanation = view.locator('#explanation.denied');
      await explanation.waitFor({ state: 'visible', timeout: 15000 });
      assert.match(await explanation.textContent(), /Deployment store\/frontend → Deployment store\/orders on TCP 9000: DENIED/);
      // The deciding policy is a link (shown in the screenshot): a click opens its file (beside the graph), at the policy.
      const deciding = explanation.locator('a.place', { hasText: /^NetworkPolicy store\// }).first();
      await deciding.waitFor({ state: 'attached', timeout: 15000 });
      await deciding.scrollIntoViewIfNeeded();
      await ui.docShot('graph-explain');
      await deciding.click();
      await ui.page.waitForSelector('.tab.active:has-text("store.yaml")', { timeout: 15000 });
      await ui.page.locator('.tab:has-text("Connectivity Graph")').first().click();

      // A click on a workload opens its manifest at its name.
      await view.locator('#filter').selectOption('all');
      await view.locator('body[data-filter="all"]').waitFor({ state: 'attached', timeout: 15000 });
      const ledger = await view.locator('body').evaluate(() => window.netlensGraph.positionOf('payments/ledger[Deployment]'));
      const box2 = await view.locator('#graph').boundingBox();
      const frameBox2 = await ui.page.locator('iframe.webview.ready').boundingBox();
      await view.locator('#graph').click({ position: { x: ledger.x - (box2.x - frameBox2.x), y: ledger.y - (box2.y - frameBox2.y) } });
      await ui.page.waitForSelector('.tab.active:has-text("payments.yaml")', { timeout: 15000 });
      await ui.page.setViewportSize({ width: 1400, height: 900 });
    },
  },
  {
    name: 'the graph at 8, 20 and 50 workloads: laid out left to right, one line per pair, screenshots for the docs',
    async run(ui) {
      // The fixture's 7 workloads and a growing generated workspace (1, 13, 43 workloads: each a superset of the one
      // before, file for file, so writing the next overwrites the same files). The graph alone in the window.
      await ui.page.setViewportSize({ width: 1280, height: 800 });
      await ui.runCommand('Netlens: Show Connectivity Graph');
      await ui.page.locator('.tab:has-text("Connectivity Graph")').first().click();
      await ui.runCommand('View: Close Editors in Other Groups');
      const view = ui.webview();
      for (const [total, generated] of [[8, 1], [20, 13], [50, 43]]) {
        for (const [file, text] of generateGraphWorkspace(generated)) fs.writeFileSync(path.join(ui.workspace, 'graph', `scale-${file.replace('/', '-')}`), text);
        await view.locator('#status', { hasText: new RegExp(`^${total} workloads`) }).waitFor({ state: 'visible', timeout: 120000 });
        await view.locator('body[data-state="ready"]').waitFor({ state: 'attached', timeout: 60000 });
        const lines = Number(await view.locator('body').getAttribute('data-lines'));
        const edges = Number(await view.locator('body').getAttribute('data-edges'));
        assert.ok(lines > 0 && lines <= edges, `${lines} lines for ${edges} edges`);
        await view.locator('#legend-box').evaluate((details) => (details.open = true));
        await ui.page.waitForTimeout(400); // re-fitted after the layout; the canvas paints on the next frame
        await ui.docShot(`graph-${total}`);
      }
      // Hovering a workload shows the labels of its lines; the details of a line name each part.
      const frontend = await view.locator('body').evaluate(() => window.netlensGraph.positionOf('retail/frontend[Deployment]'));
      assert.ok(frontend, 'the generated front end is drawn');
    },
  },
  {
    name: 'the graph stays readable with 200 workloads (a generated workspace appears while it is open)',
    async run(ui) {
      // Flat, in a folder that exists (a new folder is read too: the status bar check below relies on that).
      for (const [file, text] of generateGraphWorkspace(200)) fs.writeFileSync(path.join(ui.workspace, 'graph', `scale-${file.replace('/', '-')}`), text);
      // The graph is in the other editor group; bring it forward, give it the window, and wait for the refresh the
      // new files cause (they arrive through the file watcher, in several batches).
      await ui.runCommand('Netlens: Show Connectivity Graph');
      await ui.page.locator('.tab:has-text("Connectivity Graph")').first().click(); // its group is the active one
      // On a busy machine the command sometimes lands before the group is active: asked again until one group is left.
      for (let attempt = 1; ; attempt++) {
        await ui.runCommand('View: Close Editors in Other Groups');
        const single = await ui.page
          .waitForFunction(() => document.querySelectorAll('.editor-group-container').length === 1, null, { timeout: 5000 })
          .then(() => true, (error) => (attempt === 3 ? Promise.reject(error) : false));
        if (single) break;
        await ui.page.locator('.tab:has-text("Connectivity Graph")').first().click();
      }
      const view = ui.webview();
      await view.locator('#status', { hasText: '207 workloads' }).waitFor({ state: 'visible', timeout: 120000 });
      await view.locator('body[data-state="ready"]').waitFor({ state: 'attached', timeout: 60000 });
      const nodes = Number(await view.locator('body').getAttribute('data-nodes'));
      assert.ok(nodes >= 207 + 12, `the graph shows ${nodes} nodes`);
      const layoutMs = Number(await view.locator('body').getAttribute('data-layout-ms'));
      assert.ok(layoutMs < 20000, `layout took ${layoutMs} ms`);
      await view.locator('#legend-box').evaluate((details) => (details.open = false)); // the graph gets the room
      await view.locator('#fit').click();
      await ui.page.waitForTimeout(300);
      await ui.screenshot('graph-200');
    },
  },
  {
    name: 'the quick fix admitting Application Gateway for Containers asks for its subnet, checks it, and writes the policy',
    async run(ui) {
      await ui.runCommand('View: Close All Editors', { optional: true });
      // An AGC Ingress whose pods a default deny isolates.
      fs.copyFileSync(path.join(EXTRA_FIXTURES, 'agc.yaml'), path.join(ui.workspace, 'edge', 'agc.yaml'));
      await ui.openFile('agc.yaml');
      const backend = ui.find('edge/agc.yaml', 'storefront, port', 'backend: {service:');
      // The finding first (Show Hover waits for it), then its quick fixes.
      await ui.hoverAt(backend, 'Application Gateway for Containers');
      await ui.page.keyboard.press('Escape');
      await ui.page.keyboard.press('Control+.');
      const fix = ui.page.locator('.action-widget .monaco-list-row', { hasText: "Admit the ingress controller of 'azure-alb-external'" }).first();
      await fix.waitFor({ state: 'visible', timeout: 30000 });
      // The menu keeps animating its rows (Playwright never finds them "stable"): the mouse moves the focus there,
      // Enter applies the focused row, as in the check above.
      await fix.hover({ force: true });
      await ui.page.locator('.action-widget .monaco-list-row.focused', { hasText: "Admit the ingress controller of 'azure-alb-external'" }).first().waitFor({ state: 'visible', timeout: 15000 });
      await ui.page.keyboard.press('Enter');
      // The client asks for the subnet (no manifest holds it) and refuses what is not a CIDR.
      const input = ui.page.locator('.quick-input-widget .quick-input-box input').first();
      await input.waitFor({ state: 'visible', timeout: 15000 });
      await ui.page.locator('.quick-input-widget', { hasText: 'Admit the ingress controller of azure-alb-external' }).first().waitFor({ state: 'visible', timeout: 15000 });
      await input.fill('10.225.0.0/33');
      await ui.page.locator('.quick-input-widget', { hasText: 'A CIDR such as 10.225.0.0/24' }).first().waitFor({ state: 'visible', timeout: 15000 });
      await input.fill('10.225.0.0/24');
      await ui.page.keyboard.press('Enter');
      // The policy is appended to the file: go to its end, where it shows.
      await ui.page.keyboard.press('Control+End');
      await ui.page.waitForSelector('.monaco-editor .view-line:has-text("cidr: 10.225.0.0/24")', { timeout: 30000 });
      await ui.page.waitForSelector('.monaco-editor .view-line:has-text("name: allow-ingress-to-storefront")', { timeout: 15000 });
    },
  },
  {
    name: 'the quick-fix menu offers the repair, Ignore for this object, Ignore on this line and Show documentation, which opens the rule page rendered',
    async run(ui) {
      await closeAllDiscarding(ui);
      await ui.openFile('web-service.yaml');
      const at = ui.find('shop/web-service.yaml', 'web', 'app: web');
      await ui.hoverAt(at, 'selects no workload');
      await ui.page.keyboard.press('Escape');
      await ui.goTo(at);
      await ui.page.keyboard.press('Control+.');
      const rows = ui.page.locator('.action-widget .monaco-list-row');
      for (const title of ["Use app=web-v1, the pod labels of Deployment 'web'", 'Ignore service-selects-nothing for this object', 'Ignore service-selects-nothing on this line', 'Show documentation for service-selects-nothing']) {
        await rows.filter({ hasText: title }).first().waitFor({ state: 'visible', timeout: 30000 });
      }
      await ui.docShot('quick-fix-ignore', await ui.clipAround(ui.page.locator('.action-widget').first(), 60, { width: 620, height: 0 }));
      // The menu keeps animating its rows: the mouse moves the focus, Enter applies the focused row.
      const docs = rows.filter({ hasText: 'Show documentation for service-selects-nothing' }).first();
      await docs.hover({ force: true });
      await ui.page.locator('.action-widget .monaco-list-row.focused', { hasText: 'Show documentation' }).first().waitFor({ state: 'visible', timeout: 15000 });
      await ui.page.keyboard.press('Enter');
      await ui.page.locator('.tab', { hasText: 'service-selects-nothing.md' }).first().waitFor({ state: 'visible', timeout: 30000 });
      const preview = ui.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      await preview.locator('h1', { hasText: 'service-selects-nothing' }).waitFor({ state: 'visible', timeout: 30000 });
      await ui.docShot('rule-documentation');

      // Ignore on this line: the comment lands above, at the line's indentation, and the squiggle goes.
      await ui.page.locator('.tab', { hasText: 'web-service.yaml' }).first().click();
      await ui.goTo(at);
      await ui.page.keyboard.press('Control+.');
      const ignore = rows.filter({ hasText: 'Ignore service-selects-nothing on this line' }).first();
      await ignore.waitFor({ state: 'visible', timeout: 30000 });
      await ignore.hover({ force: true });
      await ui.page.locator('.action-widget .monaco-list-row.focused', { hasText: 'on this line' }).first().waitFor({ state: 'visible', timeout: 15000 });
      await ui.page.keyboard.press('Enter');
      await ui.page.waitForSelector('.monaco-editor .view-line:has-text("# netlens-ignore service-selects-nothing")', { timeout: 15000 });
      await ui.page.waitForFunction(() => !document.querySelector('.monaco-editor .squiggly-warning'), null, { timeout: 30000 });
      await ui.screenshot('ignore-on-this-line');
      await ui.runCommand('File: Revert File');
    },
  },
  {
    name: 'Explain Connection starts from the workload under the cursor, in numbered steps, and shows a readable view',
    async run(ui) {
      await closeAllDiscarding(ui);
      await ui.openFile('store.yaml');
      await ui.goTo(ui.find('graph/store.yaml', 'frontend', 'name: frontend'));
      await ui.runCommand('Netlens: Explain Connection');
      const widget = ui.page.locator('.quick-input-widget');
      await widget.locator('.quick-input-title', { hasText: 'Explain Connection (1/3): from' }).waitFor({ state: 'visible', timeout: 30000 });
      // The workload under the cursor is first and selected: Enter takes it.
      await widget.locator('.monaco-list-row.focused', { hasText: 'frontend' }).first().waitFor({ state: 'visible', timeout: 15000 });
      assert.match(await widget.locator('.monaco-list-row.focused').first().textContent(), /at the cursor/);
      await ui.docShot('explain-pick', await ui.clipAround(widget.first(), 8));
      await ui.page.keyboard.press('Enter');
      await widget.locator('.quick-input-title', { hasText: 'Explain Connection (2/3): from store/frontend[Deployment] to' }).waitFor({ state: 'visible', timeout: 15000 });
      await ui.page.locator('.quick-input-widget .quick-input-box input').first().fill('orders');
      await widget.locator('.monaco-list-row.focused', { hasText: 'orders' }).first().waitFor({ state: 'visible', timeout: 15000 });
      await ui.page.keyboard.press('Enter');
      await widget.locator('.quick-input-title', { hasText: 'Explain Connection (3/3): port of store/orders[Deployment]' }).waitFor({ state: 'visible', timeout: 15000 });
      await widget.locator('.monaco-list-row.focused', { hasText: 'TCP 9000' }).first().waitFor({ state: 'visible', timeout: 15000 });
      await ui.page.keyboard.press('Enter');
      await ui.page.locator('.tab', { hasText: 'frontend → orders' }).first().waitFor({ state: 'visible', timeout: 30000 });
      const view = ui.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      await view.locator('h1.denied', { hasText: 'Denied' }).waitFor({ state: 'visible', timeout: 30000 });
      assert.match(await view.locator('ol').textContent(), /isolated by 'default-deny'/);
      await ui.docShot('explain');
    },
  },
  {
    name: 'while the server reads a large workspace, the status bar shows how far it is, then the count',
    async run(ui) {
      await closeAllDiscarding(ui);
      // A new folder of 6,000 manifests (the server reads new folders), then a restart: the scan reads them all.
      const bulk = path.join(ui.workspace, 'bulk');
      fs.mkdirSync(bulk);
      for (let i = 0; i < 6000; i++) fs.writeFileSync(path.join(bulk, `cm-${i}.yaml`), `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm-${i}, namespace: bulk}\ndata: {index: "${i}"}\n`);
      const before = await ui.statusBarItem(/Netlens: [1-9]/);
      const count = await before.textContent();
      await ui.runCommand('Netlens: Restart Server');
      const progress = await ui.statusBarItem(/analysing [\d,]+ of [\d,]+ files/);
      await ui.docShot('status-progress', await ui.clipAround(progress, 30, { width: 420, height: 0 }));
      assert.match(await progress.textContent(), /Netlens: analysing [\d,]+ of 6,\d{3} files/);
      await ui.page.locator('.statusbar-item', { hasText: count.trim() }).first().waitFor({ state: 'visible', timeout: 120000 });
    },
  },
];

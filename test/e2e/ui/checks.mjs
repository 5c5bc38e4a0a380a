// UI checks through the real VS Code workbench (Chromium + playwright-core), run in order in one window with the
// extension loaded. Each is { name, run(ui) } and throws to fail; `ui` is the toolbox from helpers.mjs.
// To add one: push an entry here — see docs/e2e.md.
import assert from 'node:assert/strict';

export const checks = [
  {
    name: 'the workbench loads with the extension and its status bar item',
    async run(ui) {
      await ui.page.waitForSelector('.monaco-workbench', { timeout: 60000 });
      await ui.page.waitForSelector('.explorer-viewlet .monaco-list-row', { timeout: 30000 });
      // Nobody opened a file yet: the count comes from the server's workspace scan.
      const item = await ui.statusBarItem(/Netlens: [1-9]\d*/);
      assert.match(await item.getAttribute('aria-label'), /^Kube Netlens: \d+ errors, \d+ warnings, \d+ infos in \d+ files$/);
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
      const row = await ui.page.waitForSelector('.markers-panel .monaco-list-row:has-text("service-selects-nothing")', { timeout: 15000 });
      assert.match(await row.textContent(), /Service `web` selects no workload/);
      await ui.page.waitForSelector('.markers-panel .monaco-list-row:has-text("ingress-backend-missing")', { timeout: 15000 });
      // Leave the squiggle's hover up for the screenshot.
      await ui.hoverAt(ui.find('shop/web-service.yaml', 'web', 'app: web'), 'selects no workload');
      await ui.screenshot('workbench');
    },
  },
];

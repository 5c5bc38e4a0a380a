// The toolbox the UI checks get: the Playwright page plus workbench gestures that are stable across VS Code
// versions (Quick Open, Go to Line, Show Hover, status bar lookup, screenshots into the artifacts folder).
import fs from 'node:fs';
import path from 'node:path';

export function uiToolbox(page, { artifacts, workspace }) {
  const ui = {
    page,
    workspace,
    screenshots: [],
    /**
     * Opens a workspace file through Quick Open (Ctrl+P) and waits for its editor. A file a check has just written
     * reaches Quick Open's list through the file watcher, some seconds later: Quick Open is opened again until it
     * lists the file.
     */
    async openFile(name) {
      for (let attempt = 1; ; attempt++) {
        await page.keyboard.press('Control+P');
        const input = await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 15000 });
        await input.fill(name);
        const listed = await page
          // The focused row: until the filter applies, the focus is on the most recently opened file.
          .waitForSelector(`.quick-input-list .monaco-list-row.focused:has-text("${name}")`, { timeout: 15000 })
          .then(() => true, (error) => (attempt === 4 ? Promise.reject(error) : false));
        if (listed) break;
        await page.keyboard.press('Escape');
      }
      await page.keyboard.press('Enter');
      await page.waitForSelector(`.tab.active:has-text("${name}")`, { timeout: 15000 });
      await page.waitForSelector('.editor-instance .view-lines', { timeout: 15000 });
    },
    /** 1-based line and column of `text` in a workspace file (first line containing `lineText`, default `text`). */
    find(relativePath, text, lineText = text) {
      const lines = fs.readFileSync(path.join(workspace, relativePath), 'utf8').split('\n');
      const index = lines.findIndex((l) => l.includes(lineText));
      if (index < 0) throw new Error(`${lineText} does not occur in ${relativePath}`);
      return { line: index + 1, column: lines[index].indexOf(text) + 1 };
    },
    /** Puts the cursor of the active editor at a 1-based line and column with Go to Line (Ctrl+G). */
    async goTo({ line, column }) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+G');
      const input = await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 15000 });
      await input.fill(`:${line}:${column}`);
      await page.keyboard.press('Enter');
      await page.waitForSelector(`.statusbar-item:has-text("Ln ${line}, Col ${column}")`, { timeout: 15000 });
    },
    /**
     * Shows the hover at a 1-based line and column of the active editor with Show Hover (Ctrl+K Ctrl+I), which
     * has the diagnostics there and every hover provider's answer, and returns its text once it contains `expect`.
     * (Keyboard, not mouse: code lenses and other late decorations move the lines under a mouse position, and VS
     * Code keeps a hover that is up while the mouse stays inside its range.)
     */
    async hoverAt(position, expect) {
      await ui.goTo(position);
      await page.mouse.move(0, 0);
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      const hover = await page.waitForSelector(`.monaco-hover:visible:has-text("${expect}")`, { timeout: 15000 });
      return hover.textContent();
    },
    /** The status bar entry whose text contains `text` (a string or a RegExp), once it is visible. */
    async statusBarItem(text) {
      const item = page.locator('.statusbar-item', { hasText: text }).first();
      await item.waitFor({ state: 'visible', timeout: 60000 });
      return item;
    },
    /**
     * Runs a command through the Command Palette (F1), by its title as the palette shows it. With `optional`, a
     * command the palette does not offer right now (such as View: Hide Panel while no panel is shown) is skipped.
     */
    async runCommand(title, { optional = false } = {}) {
      // A locator, not an element handle: the quick input may re-render its input box while it opens.
      const input = page.locator('.quick-input-widget .quick-input-box input').first();
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
      // The palette closes when something else takes the focus (a webview that finishes loading does), so a palette
      // that vanished between opening and choosing is opened again, a few times, rather than failing the check.
      for (let attempt = 1; ; attempt++) {
        const lastAttempt = attempt === 3;
        await page.keyboard.press('Escape');
        await page.keyboard.press('F1');
        const opened = await input.waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false);
        if (!opened) {
          // Keys typed while a webview has the focus may not reach the workbench: open the palette from the title bar.
          await page.locator('.command-center .command-center-center').first().click();
          await input.waitFor({ state: 'visible', timeout: 15000 });
        }
        const typed = await input.fill(`>${title}`, { timeout: 5000 }).then(() => true, (error) => error);
        if (typed !== true) {
          if (lastAttempt) throw typed;
          continue;
        }
        const offered = await row.waitFor({ state: 'visible', timeout: optional ? 3000 : 15000 }).then(() => true, (error) => error);
        if (offered !== true) {
          const paletteStillOpen = await input.isVisible();
          if (!paletteStillOpen && !lastAttempt) continue;
          if (!optional) throw offered;
          await page.keyboard.press('Escape');
          return false;
        }
        await page.keyboard.press('Enter');
        return true;
      }
    },
    /** The document inside the active webview (two iframes deep). */
    webview() {
      return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    },
    /**
     * A screenshot for the README: saved in the artifacts folder, and in docs/images/ when NETLENS_E2E_DOCS_IMAGES=1.
     * `clip` ({x, y, width, height}) keeps it small; without it the whole window is taken.
     */
    async docShot(name, clip) {
      const file = path.join(artifacts, `docs-${name}.png`);
      await page.screenshot({ path: file, ...(clip ? { clip } : {}) });
      ui.screenshots.push(file);
      if (process.env.NETLENS_E2E_DOCS_IMAGES === '1') {
        const target = path.join(import.meta.dirname, '..', '..', '..', 'docs', 'images', `${name}.png`);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.copyFileSync(file, target);
      }
      return file;
    },
    /** A clip around an element, widened by `margin` px and kept inside the window. */
    async clipAround(locator, margin = 16, minimum = { width: 0, height: 0 }) {
      const box = await locator.boundingBox();
      if (!box) throw new Error('the element is not visible');
      const viewport = page.viewportSize();
      const x = Math.max(0, box.x - margin);
      const y = Math.max(0, box.y - margin);
      const width = Math.min(viewport.width - x, Math.max(box.width + 2 * margin, minimum.width));
      const height = Math.min(viewport.height - y, Math.max(box.height + 2 * margin, minimum.height));
      return { x, y, width, height };
    },
    /** Saves a PNG of the whole window under the artifacts folder and returns its path. */
    async screenshot(name) {
      const file = path.join(artifacts, `${name}.png`);
      await page.screenshot({ path: file });
      ui.screenshots.push(file);
      return file;
    },
  };
  return ui;
}

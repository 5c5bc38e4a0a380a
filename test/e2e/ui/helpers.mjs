// The toolbox the UI checks get: the Playwright page plus workbench gestures that are stable across VS Code
// versions (Quick Open, Go to Line, Show Hover, status bar lookup, screenshots into the artifacts folder).
import fs from 'node:fs';
import path from 'node:path';

export function uiToolbox(page, { artifacts, workspace }) {
  const ui = {
    page,
    screenshots: [],
    /** Opens a workspace file through Quick Open (Ctrl+P) and waits for its editor. */
    async openFile(name) {
      await page.keyboard.press('Control+P');
      const input = await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 15000 });
      await input.fill(name);
      await page.waitForSelector(`.quick-input-list .monaco-list-row:has-text("${name}")`, { timeout: 15000 });
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

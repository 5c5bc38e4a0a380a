// Renders images/icon.svg to images/icon.png (256x256, transparent corners) with headless Chromium:
// `node images/render-icon.mjs` after changing the SVG. The PNG is committed; packaging does not run this.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const here = new URL('.', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'netlens-icon-'));
const page = join(dir, 'icon.html');
writeFileSync(page, `<!DOCTYPE html><html><body style="margin:0;background:transparent">${readFileSync(join(here, 'icon.svg'), 'utf8')}</body></html>`);
execFileSync(process.env.CHROMIUM ?? 'chromium', [
  '--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--default-background-color=00000000',
  '--window-size=256,256', `--screenshot=${join(here, 'icon.png')}`, `file://${page}`,
], { stdio: 'ignore' });
rmSync(dir, { recursive: true, force: true });

// Bundles the three entry points with esbuild. Type checking is `npm run typecheck` (tsc); esbuild only strips types.
import { build } from 'esbuild';

import { readFileSync, writeFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  define: { NETLENS_VERSION: JSON.stringify(version) },
};

await Promise.all([
  build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli/bin.ts'], outfile: 'dist/cli.js' }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  // The connectivity graph webview (cytoscape + elkjs): one script and its stylesheet (imported by the script), for
  // the webview's Chromium. Minified: it ships in the .vsix. Licence comments of bundled packages go to
  // dist/graph.js.LEGAL.txt, which the .vsix includes, after the packages' own licence files (added below).
  build({
    bundle: true,
    platform: 'browser',
    target: 'chrome120',
    format: 'iife',
    minify: true,
    sourcemap: false,
    legalComments: 'linked',
    logLevel: 'warning',
    entryPoints: ['client/src/graph/webview/main.ts'],
    outfile: 'dist/graph.js',
  }),
]);

// The webview bundles these packages: cytoscape (MIT) and elkjs (EPL-2.0, the Eclipse Layout Kernel). Their licence
// texts lead the notices file that ships beside the bundle in the .vsix (EPL-2.0 asks that its text go with the code).
const WEBVIEW_PACKAGES = [
  { name: 'cytoscape', licenseFile: 'LICENSE' },
  { name: 'elkjs', licenseFile: 'LICENSE.md' },
];
const notices = WEBVIEW_PACKAGES.map(({ name, licenseFile }) => {
  const pkg = JSON.parse(readFileSync(new URL(`./node_modules/${name}/package.json`, import.meta.url), 'utf8'));
  const license = readFileSync(new URL(`./node_modules/${name}/${licenseFile}`, import.meta.url), 'utf8').trim();
  return `${name} ${pkg.version} (${pkg.license})\n\n${license}\n`;
});
const legal = readFileSync(new URL('./dist/graph.js.LEGAL.txt', import.meta.url), 'utf8');
writeFileSync(new URL('./dist/graph.js.LEGAL.txt', import.meta.url), `Third-party software in dist/graph.js\n\n${notices.join('\n')}\n${legal}`);

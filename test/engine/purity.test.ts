/** The engine is pure: it imports nothing that does IO, nothing from the layers above it, nothing from vscode. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../support/lspClient';

const FORBIDDEN = [/^vscode/, /^(node:)?(fs|path|child_process|net|http|https|os|process|worker_threads|timers)(\/|$)/, /\/(lsp|cli|io)\//, /^\.\.\/\.\.\/(lsp|cli|io)/, /client\/src/];

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (entry.name.endsWith('.ts')) yield full;
  }
}

test('server/src/engine imports no IO, no vscode and nothing from lsp/, cli/ or io/', () => {
  const offenders: string[] = [];
  const engine = path.join(REPO_ROOT, 'server', 'src', 'engine');
  for (const file of sourceFiles(engine)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const specifier = match[1] ?? match[2]!;
      const resolved = specifier.startsWith('.') ? path.relative(engine, path.resolve(path.dirname(file), specifier)) : specifier;
      if (specifier.startsWith('.') && resolved.startsWith('..')) offenders.push(`${path.relative(REPO_ROOT, file)} imports ${specifier} (outside the engine)`);
      else if (FORBIDDEN.some((pattern) => pattern.test(specifier))) offenders.push(`${path.relative(REPO_ROOT, file)} imports ${specifier}`);
    }
    if (/\bprocess\.|\bsetTimeout\(|\bsetInterval\(/.test(text)) offenders.push(`${path.relative(REPO_ROOT, file)} uses process or timers`);
  }
  assert.deepEqual(offenders, []);
});

// Runs the Neovim cases (cases.mjs) against `node bin/netlens-language-server.js --stdio`, one headless Neovim each.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runGroup } from '../lib/processes.mjs';
import { cases } from './cases.mjs';

const HARNESS = path.join(import.meta.dirname, 'harness.lua');

/** Fixture helpers handed to the cases: paths, positions (0-based, from the file as on disk) and diagnostics by file. */
function workspaceHelpers(root) {
  const lines = (rel) => fs.readFileSync(path.join(root, rel), 'utf8').split('\n');
  return {
    root,
    path: (rel) => path.join(root, rel),
    /** Position of `text` in the first line of the file containing `lineText` (default: `text` itself). */
    find(rel, text, lineText = text) {
      const all = lines(rel);
      const line = all.findIndex((l) => l.includes(lineText));
      assert.ok(line >= 0, `${lineText} occurs in ${rel}`);
      return { line, character: all[line].indexOf(text) };
    },
    lines,
    linesWith: (rel, text) => lines(rel).flatMap((t, line) => (t.includes(text) ? [{ line, text: t }] : [])),
    /** The diagnostics published for a file (optionally only those of one rule); fails if none were published. */
    diagnostics(byFile, rel, rule) {
      const list = byFile?.[path.join(root, rel)];
      assert.ok(list !== undefined, `diagnostics were published for ${rel}`);
      const all = Array.isArray(list) ? list : []; // Neovim encodes an empty Lua table as {}
      return rule ? all.filter((d) => d.code === rule) : all;
    },
  };
}

/** Runs every case; returns [{ title, ok, ms, error }]. `root` is a copy of the fixture workspace. */
export async function runNeovim({ repo, root, artifacts, onResult }) {
  const ws = workspaceHelpers(root);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-nvim-'));
  const results = [];
  try {
    for (const [i, c] of cases.entries()) {
      const started = Date.now();
      let error;
      try {
        const spec = {
          cmd: [process.execPath, path.join(repo, 'bin', 'netlens-language-server.js'), '--stdio'],
          root,
          timeoutMs: 20000,
          out: path.join(tmp, `result-${i}.json`),
          ...c.case(ws),
        };
        const specFile = path.join(tmp, `case-${i}.json`);
        fs.writeFileSync(specFile, JSON.stringify(spec));
        const run = await runGroup('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${HARNESS}`], {
          cwd: root,
          env: { ...process.env, NETLENS_NVIM_CASE: specFile, HOME: tmp, XDG_CONFIG_HOME: path.join(tmp, 'config'), XDG_DATA_HOME: path.join(tmp, 'data'), XDG_STATE_HOME: path.join(tmp, 'state'), XDG_CACHE_HOME: path.join(tmp, 'cache') },
          timeoutMs: 90000,
        });
        const result = fs.existsSync(spec.out) ? JSON.parse(fs.readFileSync(spec.out, 'utf8')) : undefined;
        if (result) fs.writeFileSync(path.join(artifacts, `nvim-${i}.json`), JSON.stringify(result, null, 1));
        assert.ok(!run.timedOut, `nvim finished within 90 s\n${run.stderr}`);
        assert.equal(run.code, 0, `nvim exit code (2 = timeout, 3 = no server): ${JSON.stringify(result?.errors)}\n${run.stdout}\n${run.stderr}`);
        assert.deepEqual(result.errors, [], 'no errors in the harness');
        c.check(result, ws);
      } catch (e) {
        error = e;
      }
      const entry = { title: c.name, ok: !error, ms: Date.now() - started, error: error && (error.stack ?? String(error)) };
      results.push(entry);
      onResult?.(entry);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return results;
}

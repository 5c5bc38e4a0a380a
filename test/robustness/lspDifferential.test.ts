/**
 * Through the real protocol: after a random sequence of edits, file creations, deletions and renames, the server's
 * diagnostics equal those of a fresh server started on the final files, and those of the CLI on the same files.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { splitMessage } from '../../server/src/engine/util/plainText';
import { runNetlens } from '../support/cli';
import { corpusTexts } from '../support/corpus';
import { firstDifference } from '../support/diff';
import { LspTestClient, type Diagnostic } from '../support/lspClient';
import { mutate } from '../support/mutate';
import { Random } from '../support/random';

const STEPS = Number(process.env['NETLENS_LSP_STEPS'] ?? 150);

function normalised(client: LspTestClient, root: string): string[] {
  const out: string[] = [];
  for (const [uri, diagnostics] of client.diagnostics) {
    const file = path.relative(root, fileURLToPath(uri));
    for (const d of diagnostics) out.push(describe(file, d));
  }
  return out.sort();
}

function describe(file: string, d: Diagnostic): string {
  return `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.code} ${d.message}`;
}

test(`${STEPS} random changes through LSP: the server agrees with a fresh server and with the CLI`, async () => {
  const corpus = corpusTexts().filter((c) => c.file.includes(`${path.sep}corpora${path.sep}`) || c.file.includes(`${path.sep}examples${path.sep}`));
  const random = new Random(1126);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'netlens-differential-'));
  const uri = (name: string) => pathToFileURL(path.join(root, name)).href;
  for (let i = 0; i < 8; i++) fs.writeFileSync(path.join(root, `f${i}.yaml`), random.pick(corpus).text);

  const client = new LspTestClient();
  const open = new Map<string, { text: string; version: number }>();
  try {
    await client.initialize(pathToFileURL(root).href);
    await client.settle();
    let next = 100;
    for (let step = 0; step < STEPS; step++) {
      const names = fs.readdirSync(root).filter((n) => n.endsWith('.yaml'));
      const action = random.int(10);
      const name = random.pick(names);
      if (action < 5) {
        // Edit in the editor (opening the document first when needed).
        let doc = open.get(name);
        if (!doc) {
          doc = { text: fs.readFileSync(path.join(root, name), 'utf8'), version: 1 };
          open.set(name, doc);
          await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(name), languageId: 'yaml', version: 1, text: doc.text } });
        }
        doc.text = mutate(doc.text, random);
        doc.version++;
        await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(name), version: doc.version }, contentChanges: [{ text: doc.text }] });
      } else if (action < 6 && open.has(name)) {
        // Save and close.
        fs.writeFileSync(path.join(root, name), open.get(name)!.text);
        open.delete(name);
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(name) } });
      } else if (action < 7 && names.length > 2 && !open.has(name)) {
        fs.rmSync(path.join(root, name));
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(name), type: 3 }] });
      } else if (action < 8 && !open.has(name)) {
        const to = `f${next++}.yaml`;
        fs.renameSync(path.join(root, name), path.join(root, to));
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(name), type: 3 }, { uri: uri(to), type: 1 }] });
      } else {
        const created = `f${next++}.yaml`;
        fs.writeFileSync(path.join(root, created), random.pick(corpus).text);
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(created), type: 1 }] });
      }
    }
    // Save and close everything, so that the disk holds what the server holds.
    for (const [name, doc] of open) {
      fs.writeFileSync(path.join(root, name), doc.text);
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(name) } });
    }
    await client.settle();
    const incremental = normalised(client, root);

    const fresh = new LspTestClient();
    try {
      await fresh.initialize(pathToFileURL(root).href);
      await fresh.settle();
      const fromScratch = normalised(fresh, root);
      assert.equal(firstDifference(incremental, fromScratch), undefined);
    } finally {
      await fresh.shutdown();
    }

    const cli = runNetlens(['check', '.', '--format', 'json', '--fail-on', 'never'], { cwd: root });
    const report = JSON.parse(cli.stdout) as { findings: { rule: string; file: string; line: number; column: number; endLine: number; endColumn: number; message: string }[] };
    // The server says the point of a message in one sentence, in plain text (the rest goes to related rows).
    const fromCli = report.findings.map((f) => `${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.rule} ${splitMessage(f.message).headline}`).sort();
    assert.equal(firstDifference(incremental, fromCli), undefined);
    assert.ok(incremental.length > 0, 'the workspace has findings to compare');
  } finally {
    await client.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

/**
 * The extensionTestsPath module: VS Code's extension host requires it and calls `run()` once the window is up;
 * the returned promise decides the exit code the workbench reports to the runner (test/e2e/run.mjs).
 *
 * Every `*.test.js` beside this file runs, in name order, under mocha (bdd: describe/it, imported from 'mocha').
 * Each result is appended as a JSON line to $NETLENS_E2E_RESULTS, which the runner prints as it goes and counts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface Result {
  kind: 'test' | 'done';
  title?: string;
  state?: 'passed' | 'failed';
  durationMs?: number;
  error?: string;
  passes?: number;
  failures?: number;
}

export function run(): Promise<void> {
  const resultsFile = process.env.NETLENS_E2E_RESULTS;
  const write = (result: Result): void => {
    if (resultsFile) fs.appendFileSync(resultsFile, JSON.stringify(result) + '\n');
  };
  const mocha = new Mocha({ ui: 'bdd', timeout: Number(process.env.NETLENS_E2E_TEST_TIMEOUT_MS ?? 90000), color: false, reporter: 'dot' });
  const grep = process.env.NETLENS_E2E_GREP;
  if (grep) mocha.grep(grep);
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      write({ kind: 'done', passes: runner.stats?.passes ?? 0, failures });
      if (failures) reject(new Error(`${failures} tests failed`));
      else resolve();
    });
    runner.on('pass', (test) => write({ kind: 'test', title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 }));
    runner.on('fail', (test, error: Error) =>
      write({ kind: 'test', title: test.fullTitle(), state: 'failed', durationMs: test.duration ?? 0, error: error.stack ?? String(error) }),
    );
  });
}

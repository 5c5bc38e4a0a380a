/**
 * Engine fixtures: one string holds several files (`# file: name.yaml` headers) and the expected findings as YAML
 * comments under the offending text, so that fixtures stay valid YAML:
 *
 *     selector:
 *       app: web
 *   #   ^^^^^^^^ warning[service-selects-nothing]: selects no workload
 *
 * The carets mark the start column (and, for one-line findings, the end column) on the line above; the text after
 * the colon must occur in the message. `checkFixture` fails with the text re-annotated with what was found; with
 * NETLENS_UPDATE_FIXTURES=1 it writes that text into the test's source instead, file by file (each file whose findings
 * differ must be written once in the test's source, inside a template literal, not built from parts), and passes.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Analysis, AnalysisSettings } from '../../server/src/engine/analysis';
import type { Finding, Rule } from '../../server/src/engine/rules/rule';
import { REPO_ROOT } from './repo';
import { analysisOf } from './workspace';

export interface FixtureFile {
  name: string;
  text: string;
}

const FILE_HEADER = /^# file: (\S+)\s*$/;
const EXPECTATION = /^(\s*)#(\s*)(\^+)\s+(error|warning|info)\[([a-z0-9-]+)\](?::\s?(.*))?$/;

export function splitFixture(fixture: string): FixtureFile[] {
  const lines = fixture.replace(/^\n/, '').split('\n');
  const files: FixtureFile[] = [];
  let current: { name: string; lines: string[] } | undefined;
  for (const line of lines) {
    const header = FILE_HEADER.exec(line);
    if (header) {
      if (current) files.push({ name: current.name, text: current.lines.join('\n') });
      current = { name: header[1]!, lines: [] };
      continue;
    }
    if (!current) current = { name: 'fixture.yaml', lines: [] };
    current.lines.push(line);
  }
  if (current) files.push({ name: current.name, text: current.lines.join('\n') });
  return files;
}

interface Expectation {
  line: number;
  startColumn: number;
  endColumn: number;
  severity: string;
  ruleId: string;
  text: string;
}

function expectationsOf(text: string): Expectation[] {
  const out: Expectation[] = [];
  const lines = text.split('\n');
  let target = -1;
  lines.forEach((line, i) => {
    const match = EXPECTATION.exec(line);
    if (!match) {
      target = i;
      return;
    }
    const caretStart = match[1]!.length + 1 + match[2]!.length;
    out.push({ line: target, startColumn: caretStart, endColumn: caretStart + match[3]!.length, severity: match[4]!, ruleId: match[5]!, text: (match[6] ?? '').trim() });
  });
  return out;
}

/** `rules` replaces the catalogue (for rules not registered yet, or to run a subset). */
export function loadFixture(fixture: string, settings?: Partial<AnalysisSettings>, rules?: readonly Rule[]): { analysis: Analysis; files: FixtureFile[] } {
  const files = splitFixture(fixture);
  const analysis = analysisOf(
    files.map((file) => [file.name, file.text] as const),
    { ...(settings ? { settings } : {}), ...(rules ? { rules } : {}) },
  );
  return { analysis, files };
}

/** Asserts that the findings are exactly the annotated ones (rules limited to `onlyRules` when given). */
export function checkFixture(fixture: string, options: { onlyRules?: string[]; settings?: Partial<AnalysisSettings>; rules?: readonly Rule[] } = {}): Analysis {
  const { analysis, files } = loadFixture(fixture, options.settings, options.rules);
  const problems: string[] = [];
  const rewrites: { before: string; after: string }[] = [];
  for (const file of files) {
    const problemsBefore = problems.length;
    const lines = analysis.lineIndex(file.name);
    const findings = analysis.findings(file.name).filter((f) => !options.onlyRules || options.onlyRules.includes(f.ruleId));
    const expectations = expectationsOf(file.text);
    const unmatched = new Set(findings);
    for (const expected of expectations) {
      const found = [...unmatched].find((f) => {
        const start = lines!.position(f.span.start);
        const end = lines!.position(f.span.end);
        return (
          f.ruleId === expected.ruleId &&
          f.severity === expected.severity &&
          start.line === expected.line &&
          start.column === expected.startColumn &&
          (end.line !== start.line || end.column === expected.endColumn) &&
          f.message.includes(expected.text)
        );
      });
      if (found) unmatched.delete(found);
      else problems.push(`${file.name}:${expected.line + 1}:${expected.startColumn + 1}: expected ${expected.severity}[${expected.ruleId}] "${expected.text}" was not reported`);
    }
    for (const finding of unmatched) {
      const start = lines!.position(finding.span.start);
      problems.push(`${file.name}:${start.line + 1}:${start.column + 1}: unexpected ${finding.severity}[${finding.ruleId}]: ${finding.message}`);
    }
    if (problems.length > problemsBefore) rewrites.push({ before: file.text, after: annotate(file.text, findings, analysis) });
    if (problems.length) problems.push(`--- ${file.name} as found ---\n${annotate(file.text, analysis.findings(file.name), analysis)}`);
  }
  if (problems.length && process.env['NETLENS_UPDATE_FIXTURES'] === '1') {
    rewriteFixture(rewrites, problems);
    return analysis;
  }
  assert.equal(problems.length, 0, `\n${problems.join('\n')}`);
  return analysis;
}

/** A string as a template literal writes it (no interpolation). */
function asTemplateLiteral(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

/**
 * Writes each file's annotated text over its text in the calling test's source (test/…/x.test.ts for
 * out/test/…/x.test.js). Fails, changing nothing, when a file's text is not there exactly once as template-literal
 * text (built from parts, or the same text in two tests).
 */
function rewriteFixture(rewrites: readonly { before: string; after: string }[], problems: readonly string[]): void {
  const caller = (new Error().stack ?? '').split('\n').map((line) => /\((.*\.test\.js):\d+:\d+\)|at (\/.*\.test\.js):\d+:\d+/.exec(line)).find((m) => m);
  const compiled = caller ? (caller[1] ?? caller[2])! : undefined;
  const source = compiled && path.join(REPO_ROOT, path.relative(path.join(REPO_ROOT, 'out'), compiled)).replace(/\.js$/, '.ts');
  let text = source && fs.existsSync(source) ? fs.readFileSync(source, 'utf8') : undefined;
  for (const { before, after } of rewrites) {
    const written = asTemplateLiteral(before);
    const at = text?.indexOf(written) ?? -1;
    if (!text || at < 0 || text.indexOf(written, at + 1) >= 0) {
      assert.fail(`NETLENS_UPDATE_FIXTURES: a fixture file is not written once as template-literal text in ${source ?? 'the calling test'}; update it by hand:\n${problems.join('\n')}`);
    }
    text = text.slice(0, at) + asTemplateLiteral(after) + text.slice(at + written.length);
  }
  fs.writeFileSync(source!, text!);
  console.log(`NETLENS_UPDATE_FIXTURES: rewrote ${rewrites.length} fixture file(s) in ${path.relative(REPO_ROOT, source!)}`);
}

/** The text with the actual findings written in as expectation comments (for copying into a fixture). */
function annotate(text: string, findings: readonly Finding[], analysis: Analysis): string {
  const clean = text.split('\n').filter((line) => !EXPECTATION.test(line));
  const byLine = new Map<number, string[]>();
  const original = text.split('\n');
  const cleanIndexOf = new Map<number, number>();
  let j = 0;
  original.forEach((line, i) => {
    if (!EXPECTATION.test(line)) cleanIndexOf.set(i, j++);
  });
  for (const finding of findings) {
    const lines = analysis.lineIndex(finding.file)!;
    const start = lines.position(finding.span.start);
    const end = lines.position(finding.span.end);
    const width = end.line === start.line ? Math.max(1, end.column - start.column) : 1;
    const comment = `#${' '.repeat(Math.max(0, start.column - 1))}${'^'.repeat(width)} ${finding.severity}[${finding.ruleId}]: ${finding.message}`;
    const at = cleanIndexOf.get(start.line) ?? start.line;
    byLine.set(at, [...(byLine.get(at) ?? []), comment]);
  }
  return clean.flatMap((line, i) => [line, ...(byLine.get(i) ?? [])]).join('\n');
}

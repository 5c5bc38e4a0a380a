/**
 * `--exclude` and `netlens.exclude` globs (server/src/io/glob.ts): minimatch's meaning for the syntax we document,
 * in time linear in the path's length. minimatch (a dev dependency now) is the reference in a differential test; the
 * hostile cases are the ones that made minimatch's backtracking regular expressions run for minutes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { minimatch } from 'minimatch';
import { compileGlob, MAX_ALTERNATIVES, MAX_PATTERN_LENGTH } from '../../server/src/io/glob';
import { excludeProblems, makeExcluder } from '../../server/src/io/scanFiles';
import { Random } from '../support/random';

const CASES = Number(process.env['NETLENS_FUZZ_CASES'] ?? 20000);
const SEED = Number(process.env['NETLENS_FUZZ_SEED'] ?? 20261205);

function matcher(pattern: string) {
  const compiled = compileGlob(pattern);
  assert.ok('matcher' in compiled, `${pattern}: ${'error' in compiled ? compiled.error : ''}`);
  return compiled.matcher;
}

test('the documented syntax means what minimatch (dot, matchBase for names) means', () => {
  const cases: [string, string, boolean][] = [
    ['**/node_modules/**', 'node_modules/', true],
    ['**/node_modules/**', 'a/node_modules/b/c.yaml', true],
    ['**/.git/**', '.git/config.json', true],
    ['a/**', 'a', false],
    ['a/**', 'a/b/c', true],
    ['a/*', 'a/', false],
    ['a/**/b', 'a/b', true],
    ['a**b', 'ax/xb', false],
    ['*.yaml', 'deep/er/x.yaml', true],
    ['*.{yaml,yml}', 'x.yml', true],
    ['[!a]*', 'b.yaml', true],
    ['\\*', '*', true],
    ['!a', 'b', true],
    ['#a', '#a', false],
    ['vendor', 'q/vendor/', true],
  ];
  for (const [pattern, path, expected] of cases) {
    assert.equal(minimatch(path, pattern, { dot: true, matchBase: !pattern.includes('/') }), expected, `minimatch ${pattern} ${path}`);
    assert.equal(matcher(pattern).matches(path), expected, `${pattern} ${path}`);
  }
});

test(`${CASES} random patterns and paths: the same answers as minimatch`, () => {
  const random = new Random(SEED);
  const patternParts = ['a', 'b', '.', '*', '**', '?', '/', '[ab]', '[!a]', '[a-c]', '{a,b}', '{a/b,c}', 'x', '\\*'];
  const pathParts = ['a', 'b', '.', '/', 'x', 'ab', '.a', '*', 'c'];
  let compared = 0;
  for (let i = 0; i < CASES; i++) {
    let pattern = '';
    for (let n = 1 + random.int(6); n > 0; n--) pattern += random.pick(patternParts);
    let path = '';
    for (let n = 1 + random.int(7); n > 0; n--) path += random.pick(pathParts);
    // Paths come from path.relative: no leading or double slash, no `.` or `..` segment.
    if (path.startsWith('/') || path.includes('//') || path.split('/').some((s) => s === '.' || s === '..')) continue;
    const compiled = compileGlob(pattern);
    if ('error' in compiled) {
      assert.match(compiled.error, /`\.` and `\.\.` path segments/, pattern);
      continue;
    }
    const expected = minimatch(path, pattern, { dot: true, matchBase: !pattern.includes('/') });
    assert.equal(compiled.matcher.matches(path), expected, `pattern ${JSON.stringify(pattern)} path ${JSON.stringify(path)} (seed ${SEED}, case ${i})`);
    compared++;
  }
  assert.ok(compared > CASES / 2);
});

test('hostile patterns against long names finish at once (they ran for minutes with minimatch)', { timeout: 20000 }, () => {
  const name = 'a'.repeat(255);
  const path = Array(16).fill(name).join('/');
  const hostile = ['*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b', '**/a*a*a*a*a*a*a*a*a*a*a*a*c/**/a*a*a*a*a*b', '**/**/**/**/**/**/**/**/**/**/x', `{${Array(8).fill('*a*a*a*a*a*b').join(',')}}`];
  for (const pattern of hostile) {
    const m = matcher(pattern);
    for (let i = 0; i < 20; i++) assert.equal(m.matches(path), false);
  }
  const excluded = makeExcluder('/root', hostile);
  assert.equal(excluded(`/root/${path}`), false);
});

test('patterns beyond the limits are refused with a reason, never half-applied', () => {
  assert.match(excludeProblems(['x'.repeat(MAX_PATTERN_LENGTH + 1)])[0]!, /longer than 1000 characters/);
  assert.match(excludeProblems(['{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}'])[0]!, new RegExp(`more than ${MAX_ALTERNATIVES} patterns`));
  assert.match(excludeProblems(['@(a|b)'])[0]!, /extended globs/);
  assert.deepEqual(excludeProblems(['**/node_modules/**', '*.{yaml,yml}']), []);
  // An unusable pattern excludes nothing (the CLI refuses it; the server says so and goes on).
  assert.equal(makeExcluder('/root', ['@(a|b)'])('/root/a'), false);
});

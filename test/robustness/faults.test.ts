import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Analysis } from '../../server/src/engine/analysis';
import type { Rule } from '../../server/src/engine/rules/rule';
import { serviceSelectsNothing } from '../../server/src/engine/rules/serviceSelectsNothing';

const broken: Rule = {
  id: 'broken-rule',
  defaultSeverity: 'error',
  title: 'always throws',
  appliesTo: ['Service'],
  check() {
    throw new Error('boom');
  },
};

test('a rule that throws is contained: reported once with its id, the other rules still publish', () => {
  const errors: string[] = [];
  const analysis = new Analysis({ rules: [broken, serviceSelectsNothing], onRuleError: (id, error) => errors.push(`${id}: ${(error as Error).message}`) });
  analysis.setFile('a.yaml', 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {selector: {app: a}}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: b}\nspec: {selector: {app: b}}\n');
  assert.deepEqual(analysis.allFindings().map((f) => f.ruleId), ['service-selects-nothing', 'service-selects-nothing']);
  analysis.setFile('a.yaml', 'apiVersion: v1\nkind: Service\nmetadata: {name: c}\nspec: {selector: {app: c}}\n');
  assert.deepEqual(analysis.allFindings().map((f) => f.ruleId), ['service-selects-nothing']);
  assert.deepEqual(errors, ['broken-rule: boom']);
});

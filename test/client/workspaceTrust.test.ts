/**
 * Restricted Mode: a workspace that is not trusted must not choose which files the server reads. VS Code ignores the
 * workspace's values of the settings an extension lists in `capabilities.untrustedWorkspaces.restrictedConfigurations`
 * (with `supported: "limited"` and a description), and the server gets user values through workspace/configuration.
 * Source: https://code.visualstudio.com/api/extension-guides/workspace-trust (checked 2026-12-05).
 *
 * Not restricted, on purpose: `netlens.rules`, `netlens.defaultNamespace`, `netlens.ingressControllers` and the
 * `netlens.cluster.*` facts change what is claimed, not what is read, and a workspace states the same through files
 * the server reads anyway (`.netlens.yaml`, `# netlens-ignore` comments): restricting the settings would protect
 * nothing. `netlens.trace.server` is window-scoped (no workspace value).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../support/lspClient';

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  capabilities: { untrustedWorkspaces: { supported: unknown; description?: string; restrictedConfigurations?: string[] } };
  contributes: { configuration: { properties: Record<string, { scope?: string }> } };
};

test('the settings that choose which files are read are restricted configurations', () => {
  const trust = manifest.capabilities.untrustedWorkspaces;
  assert.equal(trust.supported, 'limited');
  assert.ok(trust.description && trust.description.length > 20);
  assert.deepEqual([...(trust.restrictedConfigurations ?? [])].sort(), ['netlens.cluster.importFrom', 'netlens.exclude', 'netlens.maxFileSize']);
  const properties = manifest.contributes.configuration.properties;
  for (const key of trust.restrictedConfigurations ?? []) assert.ok(properties[key], `${key} is a contributed setting`);
});

test('every setting is either restricted or listed above as changing claims only', () => {
  const claimsOnly = new Set(['netlens.rules', 'netlens.defaultNamespace', 'netlens.ingressControllers', 'netlens.trace.server']);
  const restricted = new Set(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations ?? []);
  const unexamined = Object.keys(manifest.contributes.configuration.properties).filter((key) => !restricted.has(key) && !claimsOnly.has(key) && !(key.startsWith('netlens.cluster.') && key !== 'netlens.cluster.importFrom'));
  assert.deepEqual(unexamined, [], 'a new setting: decide whether Restricted Mode must ignore its workspace value');
});

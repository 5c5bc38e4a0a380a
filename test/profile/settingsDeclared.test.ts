/** Every cluster profile key is a VS Code setting (`netlens.<key>`), resource-scoped like the others. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { PROFILE_KEYS } from '../../server/src/engine/profile/keys';
import { REPO_ROOT } from '../support/lspClient';

test('package.json declares every profile key as a resource-scoped setting', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { scope?: string; enum?: unknown[] }> } } };
  const properties = manifest.contributes.configuration.properties;
  const problems: string[] = [];
  for (const key of PROFILE_KEYS.filter((k) => k.kind !== 'ingressControllers')) {
    const setting = properties[`netlens.${key.path}`];
    if (!setting) problems.push(`netlens.${key.path} is not declared`);
    else {
      if (setting.scope !== 'resource') problems.push(`netlens.${key.path} is not resource-scoped`);
      if (key.kind === 'enum' && JSON.stringify(setting.enum?.filter((v) => v !== null)) !== JSON.stringify(key.values)) problems.push(`netlens.${key.path}: enum differs from the profile key's values`);
    }
  }
  assert.deepEqual(problems, []);
});

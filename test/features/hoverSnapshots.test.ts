/**
 * Hovers as whole outputs: each case hovers one place of the SHOP fixture and compares the hovered range and the
 * whole markdown with test/features/snapshots/hovers.md. `NETLENS_UPDATE_SNAPSHOTS=1` writes the file instead (then
 * read the diff: it is the review). Every hover is also checked for what no hover may do: say a paragraph twice,
 * escape a character twice (`\\\\.`, `&amp;amp;`), or leave a code span with an escape inside (`` `a\\.b` ``).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { hover } from '../../server/src/engine/features/hover';
import { REPO_ROOT } from '../support/lspClient';
import { SHOP, SHOP_WITH_GATEWAY } from './fixtures';
import { cursorIn, openFixture } from './support';

/** `leads`: what the hover says first after its title line (the resolved picture of this workspace). */
const CASES: { name: string; file: string; needle: string; delta?: number; leads: RegExp; fixture?: string }[] = [
  { name: 'Service name (ClusterIP)', file: 'web.yaml', needle: 'name: web\n  namespace: shop\nspec:\n  selector', delta: 7, leads: /^\*\*Ports\*\*\n- port 80/ },
  { name: 'LoadBalancer type', file: 'lb.yaml', needle: 'LoadBalancer', delta: 3, leads: /^\*\*Ports\*\*\n- port 443/ },
  { name: 'Ingress kind', file: 'ingress.yaml', needle: 'kind: Ingress', delta: 7, leads: /^\*\*Routes\*\*\n/ },
  { name: 'Deployment name', file: 'web.yaml', needle: 'kind: Deployment\nmetadata:\n  name: web', delta: 37, leads: /^- \*\*Behind\*\* Service .*\n- \*\*Inside the cluster:\*\* isolated .*\n- \*\*From outside:\*\* Internet/ },
  { name: 'Deployment name, reached from another workload', file: 'api.yaml', needle: 'name: api', delta: 7, leads: /^- \*\*Behind\*\* Service .*\n- \*\*Inside the cluster:\*\* isolated .*Deployment `shop\/web`: TCP 9000/ },
  { name: 'NetworkPolicy name (admits)', file: 'policies.yaml', needle: 'name: api-from-web', delta: 7, leads: /^- \*\*Selects\*\* 2 pods .*\n- \*\*Ingress:\*\* admits Deployment `shop\/web` \(TCP 9000\); blocks nothing new/ },
  { name: 'NetworkPolicy name (deny all)', file: 'policies.yaml', needle: 'name: default-deny', delta: 7, leads: /^- \*\*Selects\*\* 5 pods .*\n- \*\*Ingress:\*\* admits nothing; newly blocks all other ingress to Deployment `shop\/web`/ },
  { name: 'Gateway name', file: 'gw.yaml', needle: 'name: public', delta: 7, fixture: SHOP_WITH_GATEWAY, leads: /^- \*\*Listener\*\* .*\n- \*\*Route\*\* HTTPRoute `shop\/shop`.*\n- \*\*From outside:\*\* Internet → Gateway/ },
  { name: 'HTTPRoute name', file: 'route.yaml', needle: 'name: shop', delta: 7, fixture: SHOP_WITH_GATEWAY, leads: /^- \*\*Attached to\*\* Gateway `infra\/public`.*\n- \*\*From outside:\*\* Internet → Gateway/ },
];

const SNAPSHOT = path.join(REPO_ROOT, 'test', 'features', 'snapshots', 'hovers.md');

function render(): string {
  const out: string[] = ['# Hover snapshots', '', 'Written by test/features/hoverSnapshots.test.ts (NETLENS_UPDATE_SNAPSHOTS=1). Each case: where, the hovered range, the markdown.', ''];
  for (const c of CASES) {
    const f = openFixture(cursorIn(c.fixture ?? SHOP, c.file, c.needle, c.delta ?? 1));
    const text = f.texts.get(f.file)!;
    const result = hover(f.host, f.file, text, f.offset);
    out.push(`## ${c.name}`, '', `${c.file} at ${JSON.stringify(c.needle.split('\n').pop())}+${c.delta ?? 1}; hovered: ${result ? JSON.stringify(text.slice(result.span.start, result.span.end)) : 'nothing'}`, '');
    out.push('````markdown', result?.markdown ?? '(no hover)', '````', '');
  }
  return out.join('\n');
}

test('hovers, whole: the snapshot file matches (NETLENS_UPDATE_SNAPSHOTS=1 rewrites it)', () => {
  const actual = render();
  if (process.env.NETLENS_UPDATE_SNAPSHOTS === '1') {
    fs.mkdirSync(path.dirname(SNAPSHOT), { recursive: true });
    fs.writeFileSync(SNAPSHOT, actual);
    return;
  }
  assert.ok(fs.existsSync(SNAPSHOT), `missing ${SNAPSHOT}: run with NETLENS_UPDATE_SNAPSHOTS=1`);
  assert.equal(actual, fs.readFileSync(SNAPSHOT, 'utf8'), 'a hover changed: run with NETLENS_UPDATE_SNAPSHOTS=1 and review the diff');
});

for (const c of CASES) {
  test(`hover "${c.name}": the resolved picture first, no paragraph twice, escaped once`, () => {
    const f = openFixture(cursorIn(c.fixture ?? SHOP, c.file, c.needle, c.delta ?? 1));
    const markdown = hover(f.host, f.file, f.texts.get(f.file)!, f.offset)?.markdown;
    assert.ok(markdown, 'a hover');
    const paragraphs = markdown.split(/\n{2,}/).map((p) => p.trim());
    assert.equal(new Set(paragraphs).size, paragraphs.length, `a paragraph appears twice:\n${markdown}`);
    assert.ok(!/\\\\[\\`*_.()[\]#+!|{}-]/.test(markdown), `escaped twice:\n${markdown}`);
    assert.ok(!/&amp;(amp|lt|gt|quot);/.test(markdown), `HTML-escaped twice:\n${markdown}`);
    for (const span of markdown.match(/`[^`\n]+`/g) ?? []) assert.ok(!/\\[\\`*_.()[\]#+!|{}-]/.test(span), `an escape inside the code span ${span}:\n${markdown}`);
    // What follows the title line is about this workspace (its ports, routes, pods), not the general explanation.
    assert.match(markdown.slice(markdown.indexOf('\n')).trimStart(), c.leads, `the resolved picture leads:\n${markdown}`);
  });
}

/**
 * Feature fixtures: one string holds several files (`# file: name.yaml` headers, see test/support/fixture.ts) and a
 * `$0` cursor in one of them. Helpers run a feature at the cursor and answer what a person would check: the hover's
 * markdown, and target locations as `file` + the text at the target span (never raw offsets).
 */
import assert from 'node:assert/strict';
import { codeLenses, type Lens } from '../../server/src/engine/features/codeLens';
import { completion, type CompletionResult } from '../../server/src/engine/features/completion';
import { definition } from '../../server/src/engine/features/definition';
import { featureHost, type FeatureHost, type TargetLocation } from '../../server/src/engine/features/host';
import { hover } from '../../server/src/engine/features/hover';
import { references } from '../../server/src/engine/features/references';
import type { ClusterProfile } from '../../server/src/engine/profile/types';
import { loadFixture, splitFixture } from '../support/fixture';

export const CURSOR = '$0';

export interface FeatureFixture {
  host: FeatureHost;
  /** File names and their texts (cursor removed). */
  texts: Map<string, string>;
  /** The file holding the cursor, and the cursor's offset in it. */
  file: string;
  offset: number;
}

/** What a fixture runs with besides its files: the cluster profile the analysis settings hold (as the rules get it). */
export interface FixtureOptions {
  profile?: ClusterProfile;
}

export function openFixture(fixture: string, options: FixtureOptions = {}): FeatureFixture {
  const files = splitFixture(fixture);
  const withCursor = files.filter((f) => f.text.includes(CURSOR));
  assert.equal(withCursor.length, 1, 'the fixture needs exactly one $0 cursor');
  const file = withCursor[0]!.name;
  const offset = withCursor[0]!.text.indexOf(CURSOR);
  const { analysis, files: loaded } = loadFixture(fixture.replace(CURSOR, ''), options.profile ? { profile: options.profile } : undefined);
  return { host: featureHost(analysis), texts: new Map(loaded.map((f) => [f.name, f.text])), file, offset };
}

export function hoverAt(fixture: string, options: FixtureOptions = {}): string | undefined {
  const f = openFixture(fixture, options);
  return hover(f.host, f.file, f.texts.get(f.file)!, f.offset)?.markdown;
}

/** Asserts the hover contains every substring (in order), printing the hover on failure. */
export function assertHover(fixture: string, ...expected: string[]): string {
  return assertHoverWith({}, fixture, ...expected);
}

/** `assertHover` with a cluster profile (or other fixture options). */
export function assertHoverWith(options: FixtureOptions, fixture: string, ...expected: string[]): string {
  const markdown = hoverAt(fixture, options);
  assert.ok(markdown, 'expected a hover, got none');
  let from = 0;
  for (const part of expected) {
    const at = markdown.indexOf(part, from);
    assert.ok(at >= 0, `hover lacks ${JSON.stringify(part)} (after position ${from}):\n---\n${markdown}\n---`);
    from = at + part.length;
  }
  return markdown;
}

export function assertNoHoverText(markdown: string, ...absent: string[]): void {
  for (const part of absent) assert.ok(!markdown.includes(part), `hover should not contain ${JSON.stringify(part)}:\n---\n${markdown}\n---`);
}

/** `file: text at span` for each location, sorted, for readable comparisons. */
export function describeTargets(f: FeatureFixture, targets: readonly TargetLocation[]): string[] {
  return targets.map((t) => `${t.file}: ${f.texts.get(t.file)!.slice(t.span.start, t.span.end).split('\n')[0]}`).sort();
}

export function definitionAt(fixture: string): string[] {
  const f = openFixture(fixture);
  return describeTargets(f, definition(f.host, f.file, f.texts.get(f.file)!, f.offset));
}

export function referencesAt(fixture: string, includeDeclaration = false): string[] {
  const f = openFixture(fixture);
  return describeTargets(f, references(f.host, f.file, f.texts.get(f.file)!, f.offset, includeDeclaration));
}

export function completionAt(fixture: string): CompletionResult | undefined {
  const f = openFixture(fixture);
  return completion(f.host, f.file, f.texts.get(f.file)!, f.offset);
}

export function completionLabels(fixture: string): string[] {
  return (completionAt(fixture)?.items ?? []).map((i) => i.label).sort();
}

/** Lenses of the cursor's file as `title -> [targets]`. */
export function lensesAt(fixture: string): { title: string; targets: string[] }[] {
  const f = openFixture(fixture);
  return codeLenses(f.host, f.file).map((lens: Lens) => ({ title: lens.title, targets: describeTargets(f, lens.locations) }));
}

/** The fixture with `$0` placed inside the first `needle` after the header of `file` (`delta` characters in). */
export function cursorIn(fixture: string, file: string, needle: string, delta = 1): string {
  const header = fixture.indexOf(`# file: ${file}\n`);
  assert.ok(header >= 0, `no file ${file} in the fixture`);
  const at = fixture.indexOf(needle, header + `# file: ${file}\n`.length);
  assert.ok(at >= 0, `no ${JSON.stringify(needle)} in ${file}`);
  return fixture.slice(0, at + delta) + CURSOR + fixture.slice(at + delta);
}

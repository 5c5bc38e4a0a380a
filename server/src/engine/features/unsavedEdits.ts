/**
 * What an unsaved edit of a policy file does to connectivity (issue 21): for each NetworkPolicy, AdminNetworkPolicy
 * or BaselineAdminNetworkPolicy of the file that the edit adds or changes, the connectivity diff (reach/connectivityDiff.ts)
 * between the workspace with the saved file and the workspace with only that policy as edited: "opens 2 connections,
 * closes 1", and the lines of the diff for the command that lists them.
 *
 * The saved text is read by the same reader as every file (syntax/, model/extract/); the other files' facts are
 * shared with the live index (facts are never mutated), so only the reachability models are built again.
 */
import { extractResources } from '../model/extract/index';
import { resourceFingerprint } from '../model/fingerprint';
import type { AnyResource } from '../model/resources';
import { WorkspaceIndex } from '../model/workspaceIndex';
import { formatConnections, isEmptyConnections, subtractConnections } from '../netpol/portSet';
import { connectivityDiff, type ConnectionDiff } from '../reach/connectivityDiff';
import { reachModelOf } from '../reach/model';
import { fastReadYamlText } from '../syntax/fastRead';
import { parseYamlText } from '../syntax/parse';
import type { Span } from '../syntax/tree';
import { plainLabel } from '../util/displayText';
import type { FeatureHost } from './host';

const POLICY_KINDS: ReadonlySet<string> = new Set(['NetworkPolicy', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy']);

/** At most this many policies of one file get a lens (each costs two model builds). */
const MAX_CHANGED_POLICIES = 20;

export interface UnsavedEditLens {
  /** The policy's first line in the edited text. */
  span: Span;
  /** `unsaved edit: opens 2 connections, closes 1`, or `unsaved edit: no change in connectivity`. */
  title: string;
  /** One line per pair whose connections the edit changes, as `netlens diff` prints them (saved, then edited). */
  changes: string[];
}

export function unsavedEditLenses(host: FeatureHost, file: string, savedText: string): UnsavedEditLens[] {
  const analysis = host.analysis;
  const index = analysis.index;
  const current = index.resourcesOf(file);
  if (!current.some((r) => POLICY_KINDS.has(r.kind))) return [];
  const parsed = fastReadYamlText(savedText) ?? parseYamlText(savedText);
  const saved = parsed.template ? [] : extractResources(parsed, { file, defaultNamespace: analysis.settingsOf(file).defaultNamespace });
  const savedByKey = new Map(saved.filter((r) => POLICY_KINDS.has(r.kind)).map((r) => [keyOf(r), r]));
  const changed = current.filter((r) => POLICY_KINDS.has(r.kind) && (!savedByKey.has(keyOf(r)) || resourceFingerprint(savedByKey.get(keyOf(r))!) !== resourceFingerprint(r))).slice(0, MAX_CHANGED_POLICIES);
  if (changed.length === 0) return [];
  const profile = analysis.settingsOf(file).profile ?? {};
  const before = reachModelOf(indexWith(index, file, saved), profile);
  return changed.map((policy) => {
    const old = savedByKey.get(keyOf(policy));
    const edited = old ? saved.map((r) => (r === old ? policy : r)) : [...saved, policy];
    const diff = connectivityDiff(before, reachModelOf(indexWith(index, file, edited), profile)).diffs;
    const opens = diff.filter((d) => !isEmptyConnections(subtractConnections(d.ref2, d.ref1))).length;
    const closes = diff.filter((d) => !isEmptyConnections(subtractConnections(d.ref1, d.ref2))).length;
    const words = [...(opens ? [`opens ${count(opens)}`] : []), ...(closes ? [`closes ${count(closes)}`] : [])];
    return {
      span: { start: policy.span.start, end: policy.span.start },
      title: plainLabel(`unsaved edit: ${words.length ? words.join(', ') : 'no change in connectivity'}`),
      changes: diff.map(changeLine).sort(),
    };
  });
}

function count(n: number): string {
  return `${n} connection${n === 1 ? '' : 's'}`;
}

function changeLine(d: ConnectionDiff): string {
  return plainLabel(`${d.type}: ${d.src.id} → ${d.dst.id}: ${formatConnections(d.ref1)} → ${formatConnections(d.ref2)}`);
}

function keyOf(resource: AnyResource): string {
  return `${resource.kind}|${resource.namespace}|${resource.name}`;
}

/** A new index holding the live index's facts, with `file` holding `resources` instead. */
function indexWith(live: WorkspaceIndex, file: string, resources: AnyResource[]): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const other of live.files()) if (other !== file) index.setFile(other, [...live.resourcesOf(other)]);
  index.setFile(file, resources);
  return index;
}

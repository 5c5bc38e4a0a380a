/** The rule framework: what a rule is, what it reports, and the context it reads. */
import type { WorkspaceIndex } from '../model/workspaceIndex';
import type { AnyResource } from '../model/resources';
import type { Span } from '../syntax/tree';
import type { ClusterProfile } from '../profile/types';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export interface RelatedLocation {
  file: string;
  span: Span;
  message: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  span: Span;
  related: RelatedLocation[];
  /** Plain data for quick-fixes (matched by rule id and data, never by message text). */
  data?: Record<string, unknown>;
}

/** What a rule hands to `report`: the file and severity come from the resource and the settings. */
export interface Report {
  span: Span;
  message: string;
  related?: RelatedLocation[];
  data?: Record<string, unknown>;
  /** A rule may lower (never raise) its own severity for a finding it is less sure of. */
  severity?: Severity;
}

export interface RuleContext {
  readonly index: WorkspaceIndex;
  /** The cluster profile of the file's workspace folder ({} when none is configured). */
  readonly profile: ClusterProfile;
  report(report: Report): void;
}

export interface RuleMeta {
  id: string;
  defaultSeverity: SeveritySetting;
  /** One line: what the rule finds. */
  title: string;
  /**
   * The pages (and source files) the rule's facts rest on: the rule's doc page cites each of them
   * (test/rules/catalogue.test.ts), so the docs and the knowledge base cannot drift apart.
   */
  sources?: readonly string[];
  /** What the rule's doc page says beyond the metadata (its first line is generated: `npm run docs:rules`). */
  doc?: RuleDocLine;
}

/** Markdown for the "Default severity · Applies to · Needs" line of a rule's page, where the kinds alone do not say it. */
export interface RuleDocLine {
  /** When findings may take another severity, e.g. "info for numeric ports". */
  severityNote?: string;
  /** Instead of the list of kinds, e.g. "Gateway (`networking.istio.io`)". */
  appliesTo?: string;
  /** The cluster profile keys the rule needs to say anything. */
  needs?: string;
}

export interface Rule extends RuleMeta {
  /** Kinds whose objects this rule checks. */
  appliesTo: readonly string[];
  /** Reports only on `resource` (spans in its file); reads the whole index. */
  check(resource: AnyResource, ctx: RuleContext): void;
}

/** Where each rule's documentation lives; diagnostics link to it. */
export const RULE_DOCS_BASE = 'https://github.com/kube-netlens/kube-netlens/blob/main/docs/rules/';

export function ruleDocUrl(id: string): string {
  return `${RULE_DOCS_BASE}${id}.md`;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function severityAtLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}

export function lowerOf(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[a] <= SEVERITY_RANK[b] ? a : b;
}

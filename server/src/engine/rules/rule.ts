/** The rule framework: what a rule is, what it reports, and the context it reads. */
import type { WorkspaceIndex } from '../model/workspaceIndex';
import type { AnyResource, OtherResource, Workload, WorkloadKind } from '../model/resources';
import type { KindTypes } from '../model/workspaceIndex';
import type { Span } from '../syntax/tree';
import type { ClusterProfile } from '../profile/types';
import type { FindingDataFor } from './findingData';

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
export interface Report<Data = Record<string, unknown>> {
  span: Span;
  message: string;
  related?: RelatedLocation[];
  /** Its shape per rule id: rules/findingData.ts. */
  data?: Data;
  /** A rule may lower (never raise) its own severity for a finding it is less sure of. */
  severity?: Severity;
}

export interface RuleContext<Data = Record<string, unknown>> {
  readonly index: WorkspaceIndex;
  /** The cluster profile of the file's workspace folder ({} when none is configured). */
  readonly profile: ClusterProfile;
  report(report: Report<Data>): void;
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

/**
 * The facts an object of kind `K` is read as: the modelled kinds' own types (the extractor builds that type for that
 * kind, as the index's typed lookups rely on), any workload kind a Workload, any other kind the plain object.
 */
export type ResourceOfKind<K extends string> = string extends K ? AnyResource : K extends keyof KindTypes ? KindTypes[K] : K extends WorkloadKind ? Workload : OtherResource;

/** A rule as written: its kinds, the typed object it checks, and its finding data (rules/findingData.ts) by its id. */
export interface RuleDefinition<Id extends string, K extends string> extends RuleMeta {
  id: Id;
  /** Kinds whose objects this rule checks. */
  appliesTo: readonly K[];
  /** Reports only on `resource` (spans in its file); reads the whole index. */
  check(resource: ResourceOfKind<K>, ctx: RuleContext<FindingDataFor<Id>>): void;
}

/**
 * A rule from its definition. The host calls `check` only with objects of the kinds in `appliesTo` (analysis.ts
 * dispatches by kind), so the object is of the declared type: the one place that is relied on.
 */
export function defineRule<const Id extends string, const K extends string>(definition: RuleDefinition<Id, K>): Rule {
  return definition as unknown as Rule;
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

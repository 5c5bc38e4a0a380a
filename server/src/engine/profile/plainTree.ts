/**
 * One small tree for profile values whatever they came from: YAML (with spans, for diagnostics in `.netlens.yaml`)
 * or plain JSON (editor settings, no spans). Validation is written once against this tree.
 */
import type { Span, YNode } from '../syntax/tree';

export type PlainNode = PlainMap | PlainList | PlainScalar;

export interface PlainEntry {
  key: string;
  keySpan?: Span;
  value: PlainNode;
}

export interface PlainMap {
  kind: 'map';
  entries: PlainEntry[];
  span?: Span;
}

export interface PlainList {
  kind: 'list';
  items: PlainNode[];
  span?: Span;
}

export interface PlainScalar {
  kind: 'scalar';
  value: string | number | boolean | null;
  /** A plain YAML scalar as written (`1.30` stays `1.30`, not the number 1.3). */
  source?: string;
  span?: Span;
}

/**
 * Bounds on the plain tree, because it copies what aliases share: a 519-byte alias bomb in `.netlens.yaml` expands to
 * billions of values. A profile holds a few dozen values, three levels deep, so these bounds cost nothing real:
 * past MAX_PLAIN_NODES values the rest is not copied (and `exceeded` says so, for an error), and collections deeper
 * than MAX_PLAIN_DEPTH are kept empty (no profile key lies that deep; their kind is kept for messages).
 */
export const MAX_PLAIN_NODES = 10000;
export const MAX_PLAIN_DEPTH = 16;

export interface PlainBudget {
  nodes: number;
  exceeded: boolean;
}

export function plainBudget(): PlainBudget {
  return { nodes: 0, exceeded: false };
}

/** True while the budget allows one more value; marks it exceeded otherwise. */
function spend(budget: PlainBudget): boolean {
  if (budget.nodes >= MAX_PLAIN_NODES) {
    budget.exceeded = true;
    return false;
  }
  budget.nodes++;
  return true;
}

export function fromYaml(node: YNode | null, budget: PlainBudget = plainBudget(), depth = 0): PlainNode {
  if (!node) return { kind: 'scalar', value: null };
  const span = { start: node.start, end: node.end };
  switch (node.kind) {
    case 'scalar': {
      const out: PlainScalar = { kind: 'scalar', value: node.value, span };
      if (node.source !== undefined) out.source = node.source;
      return out;
    }
    case 'seq': {
      const items: PlainNode[] = [];
      if (depth < MAX_PLAIN_DEPTH) for (const item of node.items) if (spend(budget)) items.push(fromYaml(item, budget, depth + 1));
      return { kind: 'list', items, span };
    }
    case 'map': {
      const entries: PlainEntry[] = [];
      if (depth < MAX_PLAIN_DEPTH) {
        for (const pair of node.pairs) {
          if (!pair.key || pair.key.value === null || !spend(budget)) continue;
          const value = pair.value ?? null;
          const plain = fromYaml(value, budget, depth + 1);
          // An empty value (`podCidr:`) gets the key's span, so that messages point somewhere.
          if (!value) plain.span = { start: pair.key.start, end: pair.key.end };
          entries.push({ key: String(pair.key.value), keySpan: { start: pair.key.start, end: pair.key.end }, value: plain });
        }
      }
      return { kind: 'map', entries, span };
    }
  }
}

export function fromJson(value: unknown, budget: PlainBudget = plainBudget(), depth = 0): PlainNode {
  if (Array.isArray(value)) {
    const items: PlainNode[] = [];
    if (depth < MAX_PLAIN_DEPTH) for (const item of value) if (spend(budget)) items.push(fromJson(item, budget, depth + 1));
    return { kind: 'list', items };
  }
  if (value !== null && typeof value === 'object') {
    const entries: PlainEntry[] = [];
    if (depth < MAX_PLAIN_DEPTH) for (const [key, v] of Object.entries(value as Record<string, unknown>)) if (spend(budget)) entries.push({ key, value: fromJson(v, budget, depth + 1) });
    return { kind: 'map', entries };
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { kind: 'scalar', value };
  return { kind: 'scalar', value: null };
}

/** The issue for a budget that ran out (see MAX_PLAIN_NODES). */
export function budgetMessage(source: string): string {
  return `${source} holds more than ${MAX_PLAIN_NODES} values (aliases count their anchor's values again each time): only the first are read`;
}

/**
 * `cluster.podCidr: x` at the top level reads as `cluster: {podCidr: x}`, so that the portable key names work as
 * written in both the file and flat settings objects. A leading `netlens.` (settings.json style) is dropped.
 */
export function nestDottedKeys(root: PlainNode): PlainNode {
  if (root.kind !== 'map') return root;
  const out: PlainMap = { kind: 'map', entries: [] };
  if (root.span) out.span = root.span;
  for (const entry of root.entries) {
    const key = entry.key.startsWith('netlens.') ? entry.key.slice('netlens.'.length) : entry.key;
    const parts = key.split('.');
    let target = out;
    for (let i = 0; i < parts.length - 1; i++) {
      const part = parts[i]!;
      let next = target.entries.find((e) => e.key === part && e.value.kind === 'map');
      if (!next) {
        const created: PlainEntry = { key: part, value: { kind: 'map', entries: [] } };
        if (entry.keySpan) created.keySpan = entry.keySpan;
        if (entry.value.span) (created.value as PlainMap).span = entry.value.span;
        target.entries.push(created);
        next = created;
      }
      target = next.value as PlainMap;
    }
    const last = parts[parts.length - 1]!;
    const existing = target.entries.find((e) => e.key === last);
    if (existing && existing.value.kind === 'map' && entry.value.kind === 'map') existing.value.entries.push(...entry.value.entries);
    else target.entries.push({ ...entry, key: last });
  }
  return out;
}

/** A scalar as text: strings as they are, numbers and booleans as written. */
export function scalarText(node: PlainNode): string | undefined {
  if (node.kind !== 'scalar' || node.value === null) return undefined;
  if (typeof node.value === 'string') return node.value;
  return node.source ?? String(node.value);
}

export function describeNode(node: PlainNode): string {
  if (node.kind === 'map') return 'a map';
  if (node.kind === 'list') return 'a list';
  if (node.value === null) return 'nothing';
  if (typeof node.value === 'string') return `\`${node.value}\``;
  return `${typeof node.value} \`${node.source ?? String(node.value)}\``;
}

/**
 * The fingerprint of an object's data (not of its facts, which model/fingerprint.ts hashes for incremental updates):
 * equal for two objects that hold the same data (the same keys with the same values, in any key order, however the
 * YAML spells them), different otherwise. Two definitions of one object
 * (kind, namespace, name) in two files with the same fingerprint are identical copies (a `release/` folder generated
 * from `kubernetes-manifests/`), which the index counts once (workspaceIndex.ts); copies that differ stay separate.
 *
 * A scalar's data is its value, and for a plain scalar also what Kubernetes' YAML 1.1 reader may read differently
 * (a plain `yes` and a quoted "yes" are one string in YAML 1.2, a boolean and a string for kubectl; `0777` and `511`
likewise), so only copies that every reader sees alike match; `web` and "web" are the same data.
 * Bounded: an object larger than MAX_NODES nodes (an alias bomb, a huge ConfigMap) has no fingerprint and is never
 * merged.
 */
import { contentHash } from '../util/contentHash';
import type { YNode } from '../syntax/tree';

const MAX_NODES = 50_000;
/** Plain words YAML 1.2 reads as strings and YAML 1.1 (kubectl) as booleans. */
const YAML11_WORDS = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

export function dataFingerprint(root: YNode): string | undefined {
  const parts: string[] = [];
  let budget = MAX_NODES;
  const visit = (node: YNode | null): boolean => {
    if (--budget < 0) return false;
    if (node === null) {
      parts.push('~');
      return true;
    }
    switch (node.kind) {
      case 'scalar':
        parts.push(JSON.stringify([node.value, node.plain && node.source !== undefined && (typeof node.value !== 'string' || YAML11_WORDS.test(node.source)) ? node.source : null]));
        return true;
      case 'seq':
        parts.push('[');
        for (const item of node.items) if (!visit(item)) return false;
        parts.push(']');
        return true;
      case 'map': {
        const pairs = node.pairs.map((pair) => ({ key: pair.key === null ? '\u0000complex' : JSON.stringify(pair.key.value), value: pair.value }));
        pairs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        parts.push('{');
        for (const pair of pairs) {
          parts.push(pair.key, ':');
          if (!visit(pair.value)) return false;
        }
        parts.push('}');
        return true;
      }
    }
  };
  return visit(root) ? contentHash(parts.join('')) : undefined;
}

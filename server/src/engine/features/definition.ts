/** Go to definition: from a name or value to what it resolves to in the workspace (several places when several match). */
import { cursorAt } from './cursor';
import type { FeatureHost, TargetLocation } from './host';
import { pathInObject } from './hover/context';
import { referentAt } from './navigation';

export function definition(host: FeatureHost, file: string, text: string, offset: number): TargetLocation[] {
  try {
    const cursor = cursorAt(host.analysis, host.trees, file, text, offset);
    if (!cursor.resource) return [];
    return referentAt(host.analysis.index, cursor, pathInObject(cursor, cursor.resource))?.targets ?? [];
  } catch {
    return [];
  }
}

/**
 * How far V8 lets the heap grow past what the last full garbage collection kept, for the CLI and the language
 * server (issue 17: peak RSS <= 600 MB at 50,000 resources).
 *
 * On a machine with gigabytes of memory V8 lets the old generation grow up to 4x the live heap before it collects
 * it, and a cold check allocates gigabytes of short-lived YAML and rule-run objects: the 50k CLI kept about 520 MB
 * live and peaked at 1.1-1.25 GB RSS. Capping the growth at 1.4x collects earlier and more often (measured in
 * docs/performance.md: peak RSS and CPU time with and without). Applied at start-up, before the heap has grown.
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 40;

export function limitHeapGrowth(): void {
  if (process.env['NETLENS_HEAP_GROWTH'] === 'default') return;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/**
 * " (closest: Deployment web has app=web-v2)": for a selector that matches nothing, the workload sharing most of its
 * label keys (and, among those, the most alike values), shown with its values; empty when none shares a key. Ties
 * go to the alphabetically first name, so the hint never depends on the order files were read in.
 */
import type { Workload } from './resources';
import { similarity } from '../util/closestName';

/** The workload whose pod labels come closest to `wantedLabels` (see the header), if any shares a key. */
export function closestWorkload(wantedLabels: Readonly<Record<string, string>>, workloads: readonly Workload[]): Workload | undefined {
  const wanted = Object.entries(wantedLabels);
  let best: { workload: Workload; name: string; score: number } | undefined;
  for (const workload of workloads) {
    let score = 0;
    for (const [key, value] of wanted) {
      const actual = Object.prototype.hasOwnProperty.call(workload.podLabels, key) ? workload.podLabels[key] : undefined;
      // Same key: 1, plus up to 1 for how alike the values are (so `orders` is closer to `order` than `cache` is).
      if (actual !== undefined) score += 1 + similarity(actual, value);
    }
    const name = `${workload.kind} ${workload.name}`;
    if (score > 0 && (!best || score > best.score || (score === best.score && name < best.name))) best = { workload, name, score };
  }
  return best?.workload;
}

export function closestWorkloadHint(wantedLabels: Readonly<Record<string, string>>, workloads: readonly Workload[]): string {
  const wanted = Object.entries(wantedLabels);
  const best = closestWorkload(wantedLabels, workloads);
  if (!best) return '';
  const shown = wanted.map(([key]) => (Object.prototype.hasOwnProperty.call(best.podLabels, key) ? `${key}=${best.podLabels[key]}` : `no ${key}`)).join(',');
  return ` (closest: ${best.kind} ${best.name} has ${shown})`;
}

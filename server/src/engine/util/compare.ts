/** The comparators sorts share, so that every list is ordered the same way. */

/** Code-unit string order: for the ASCII names Kubernetes allows, the byte order Go (and np-guard) sorts by. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareBigints(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** For failures on long lists: the first element where two lists differ, printed whole. */
export function firstDifference(actual: readonly unknown[], expected: readonly unknown[]): string | undefined {
  const length = Math.max(actual.length, expected.length);
  for (let i = 0; i < length; i++) {
    const a = JSON.stringify(actual[i]);
    const b = JSON.stringify(expected[i]);
    if (a !== b) return `item #${i} of ${actual.length} vs ${expected.length}:\n  actual:   ${a}\n  expected: ${b}`;
  }
  return undefined;
}

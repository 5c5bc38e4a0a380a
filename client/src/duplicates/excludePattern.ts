/**
 * The `netlens.exclude` pattern that leaves out a folder of identical copies (duplicate-definition): the copy's
 * folder relative to its workspace folder, `release/**`. Pure (no vscode import), for test/client/excludePattern.test.ts.
 */

/** Paths are `/`-separated URI paths. Undefined when the copy is not inside the folder, or lies at its top. */
export function excludePatternFor(workspaceFolderPath: string, copyPath: string): string | undefined {
  const root = workspaceFolderPath.replace(/\/+$/, '');
  if (!copyPath.startsWith(`${root}/`)) return undefined;
  const relative = copyPath.slice(root.length + 1);
  const slash = relative.lastIndexOf('/');
  if (slash <= 0) return undefined;
  const folder = relative.slice(0, slash);
  // Glob characters in a folder name would widen the pattern: such folders are not offered.
  if (/[*?[\]{}!]/.test(folder)) return undefined;
  return `${folder}/**`;
}

/** Adds the pattern to the list unless it is there already. */
export function withPattern(current: readonly string[], pattern: string): string[] {
  return current.includes(pattern) ? [...current] : [...current, pattern];
}

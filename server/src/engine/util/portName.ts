/**
 * Port names as the Kubernetes API validates them (IANA_SVC_NAME, RFC 6335, lowercase only): 1-15 characters of
 * `a-z`, `0-9` and `-`, at least one letter, no `-` at either end and no `--`. The reasons are the API server's
 * words (k8s.io/apimachinery/pkg/util/validation IsValidPortName, checked 2026-12-05:
 * https://github.com/kubernetes/kubernetes/blob/master/staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go).
 */
export function portNameProblems(name: string): string[] {
  const problems: string[] = [];
  if (name.length > 15) problems.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) problems.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) problems.push('must contain at least one letter (a-z)');
  if (name.includes('--')) problems.push('must not contain consecutive hyphens');
  if (name.startsWith('-') || name.endsWith('-')) problems.push('must not begin or end with a hyphen');
  return problems;
}

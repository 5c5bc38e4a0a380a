/** Small text helpers for what the client shows (status bar, notifications, pickers). Pure: tests import them. */

/** `1 note`, `2 notes`, `1 Gateway`; `many` for irregular plurals (`1 policy`, `2 policies`). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** `a`, `a and b`, `a, b and c`. */
export function joinAnd(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * Text shown where `$(name)` is an icon (quick pick labels, notifications with buttons): `$(` written `\$(`, shown
 * as the characters. The server's notes are already one plain line (util/plainText.ts).
 */
export function iconFree(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}

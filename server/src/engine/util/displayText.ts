/**
 * Manifest text shown to people: one line, bounded, every invisible or line-breaking character made visible.
 *
 * A value from a manifest may hold a line break (which ends a markdown paragraph, so that what follows is read as
 * new blocks: a heading, an HTML block, a link), a terminal escape, a bidirectional override that reorders what is
 * shown (Trojan Source), or a megabyte of text. Every surface that shows manifest text (markdown in hovers, code
 * lens titles, messages) starts from `oneLine`; markdown.ts then escapes for markdown.
 */

/** Longest text shown for one value, in code points; Kubernetes names are at most 253 characters. */
export const MAX_SHOWN_LENGTH = 256;

// C0 controls (line feed, carriage return, tab, escape, ...), DEL and C1 controls (NEL among them); the Unicode line
// and paragraph separators; the bidirectional marks, embeddings, overrides and isolates.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function visible(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The text cut after `maxLength` code points (never inside a surrogate pair), and how many were cut. */
export function clip(text: string, maxLength = MAX_SHOWN_LENGTH): { shown: string; omitted: number } {
  if (text.length <= maxLength) return { shown: text, omitted: 0 };
  const points = Array.from(text);
  if (points.length <= maxLength) return { shown: text, omitted: 0 };
  return { shown: points.slice(0, maxLength).join(''), omitted: points.length - maxLength };
}

/** Line breaks and other control characters as escapes: `\n`, `\x1B`, `\u202E`. */
export function visibleControls(text: string): string {
  return text.replace(INVISIBLE, visible);
}

/** What a cut text ends with: `… (1200 more characters)`. */
export function omittedSuffix(omitted: number): string {
  return omitted ? `… (${omitted} more characters)` : '';
}

/** The text on one line with every control character visible, cut after `maxLength` code points. */
export function oneLine(text: string, maxLength = MAX_SHOWN_LENGTH): string {
  const { shown, omitted } = clip(text, maxLength);
  return visibleControls(shown) + omittedSuffix(omitted);
}

/**
 * A label shown as plain text where `$(name)` is an icon (VS Code code lens and code action titles): `oneLine`, and
 * `$(` written `\$(`, which VS Code shows as the characters themselves.
 */
export function plainLabel(text: string, maxLength = MAX_SHOWN_LENGTH): string {
  return oneLine(text, maxLength).replace(/\$\(/g, '\\$(');
}

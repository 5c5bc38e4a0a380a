/**
 * Control characters from manifests (names, values, file names) must never reach a terminal raw: `ESC [2K`, a
 * carriage return or a bidirectional override can erase or rewrite what a CI log shows, a line feed can forge a
 * finding line. They are written visibly instead, as escapes a reader recognises:
 *   `\n`, `\r`, `\t`; other C0 controls as `\x1b`; DEL, C1 controls (U+0080-U+009F), the line and paragraph
 *   separators and the bidirectional controls (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) as `\u202e`.
 * Two levels:
 *  - `escapeLine` for one field of a line-oriented output (a file name, a message): everything above, line feeds too;
 *  - `terminalSafe` for a whole output (main.ts applies it to everything the CLI writes): the characters terminals
 *    act on (C0 but the line feeds and tabs that lay the output out, DEL, C1). It never changes what JSON or the
 *    `yaml` package's output means: neither holds a raw C0 control, and DEL and C1 stand only inside their (double
 *    quoted) strings, where `\u0085` is the same character. The bidirectional controls are left to the fields:
 *    the `yaml` package writes them in plain scalars, where an escape would change the value.
 * A backslash is left as it is: a name cannot contain one, and doubling it would change np-guard-compatible output.
 */

const FIELD_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function escapeControl(c: string): string {
  const code = c.charCodeAt(0);
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  if (code < 0x20) return `\\x${code.toString(16).padStart(2, '0')}`;
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One field of a line: every control character visible, line breaks included. */
export function escapeLine(text: string): string {
  return text.replace(FIELD_CONTROLS, escapeControl);
}

/** A whole output: every character a terminal acts on made visible, except the line feeds and tabs of its layout. */
export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_CONTROLS, escapeControl);
}

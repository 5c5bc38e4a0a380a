/**
 * Control characters from manifests (names, values, file names) must never reach a terminal raw: `ESC [2K`, a
 * carriage return or a bidirectional override can erase or rewrite what a CI log shows, a line feed can forge a
 * finding line. They are written visibly instead, as escapes a reader recognises (`\n`, `\r`, `\x1B`, `\u202E`).
 * Two levels:
 *  - `escapeLine` for one field of a line-oriented output (a file name, a message): every control character, line
 *    feeds and the bidirectional controls too (engine/util/displayText.ts, which the editor's surfaces use);
 *  - `terminalSafe` for a whole output (main.ts applies it to everything the CLI writes): the characters terminals
 *    act on (C0 but the line feeds and tabs that lay the output out, DEL, C1). It never changes what JSON or the
 *    `yaml` package's output means: neither holds a raw C0 control, and DEL and C1 stand only inside their (double
 *    quoted) strings, where `\u0085` is the same character. The bidirectional controls are left to the fields:
 *    the `yaml` package writes them in plain scalars, where an escape would change the value.
 * A backslash is left as it is: a name cannot contain one, and doubling it would change np-guard-compatible output.
 */

import { visibleControls } from '../../engine/util/displayText';

const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** C0 as `\x1B` (`\r` named); DEL and C1 as `\u009B`, the one spelling that is also valid inside a JSON string. */
function escapeForTerminal(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20) return visibleControls(c);
  return `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** One field of a line: every control character visible, line breaks included. */
export function escapeLine(text: string): string {
  return visibleControls(text);
}

/** A whole output: every character a terminal acts on made visible, except the line feeds and tabs of its layout. */
export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_CONTROLS, escapeForTerminal);
}

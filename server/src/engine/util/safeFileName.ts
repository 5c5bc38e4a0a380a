/**
 * A file name made from manifest text (a namespace, an Ingress name) that is safe to create in a chosen folder on
 * any system: one path component, no way up or out (`..`, `/`, `\`, NUL), no hidden file, no control character, no
 * name Windows reserves (CON, NUL, COM1, ...), never empty, at most MAX_FILE_NAME_LENGTH characters. A name that is
 * already safe (every valid Kubernetes name is) comes back unchanged.
 */

export const MAX_FILE_NAME_LENGTH = 200;

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\$|conout\$)$/i;

export function safeFileName(name: string): string {
  // Letters, digits, `.`, `_` and `-` stay; anything else (separators, NUL, controls, spaces, quotes) becomes `_`.
  let safe = name.replace(/[^A-Za-z0-9._-]/g, '_');
  // No hidden file and no `.`/`..`: leading dots become `_`; Windows drops trailing dots and spaces.
  safe = safe.replace(/^\.+/, (dots) => '_'.repeat(dots.length)).replace(/\.+$/, (dots) => '_'.repeat(dots.length));
  if (safe === '') safe = '_';
  const dot = safe.indexOf('.');
  const stem = dot === -1 ? safe : safe.slice(0, dot);
  if (WINDOWS_RESERVED.test(stem)) safe = `_${safe}`;
  if (safe.length > MAX_FILE_NAME_LENGTH) {
    // Keep the extension (`.yaml`) and the start of the name.
    const ext = /\.[A-Za-z0-9]{1,10}$/.exec(safe)?.[0] ?? '';
    safe = `${safe.slice(0, MAX_FILE_NAME_LENGTH - ext.length)}${ext}`;
  }
  return safe;
}

/**
 * `name`, or `stem-2.ext`, `stem-3.ext`, ... : the first that `taken` does not hold. For two manifest names that make
 * the same safe file name (`a/b` and `a_b`): the second does not overwrite the first.
 */
export function distinctFileName(name: string, taken: (candidate: string) => boolean): string {
  if (!taken(name)) return name;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let i = 2; ; i++) {
    const candidate = `${stem}-${i}${ext}`;
    if (!taken(candidate)) return candidate;
  }
}

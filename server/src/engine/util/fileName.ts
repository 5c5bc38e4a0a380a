/**
 * File names made from manifest text (a namespace, an Ingress name): `escaped-networkpolicies.yaml`, never a path.
 *
 * `metadata.namespace: "../../escaped"` or a name holding `/`, `\` or NUL would otherwise make a generator write two
 * folders up, or fail with an internal error. Kubernetes names are DNS labels or subdomains (letters, digits, `-`,
 * `.`), but the workspace is not the API server: any text can be there. The result is one path segment of safe
 * characters, not hidden, not `.` or `..`, not a Windows device name, and of bounded length; two different names may
 * give the same file name, which the generators' "file exists: add -2" rule handles.
 */

/** Longest stem kept (most file systems allow 255 bytes per name). */
const MAX_STEM = 120;

const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** A safe file name for `name` (which may end with an extension such as `.yaml`, kept when it is safe). */
export function safeFileName(name: string): string {
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && /^\.[A-Za-z0-9]{1,10}$/.test(name.slice(dot)) ? name.slice(dot) : '';
  let stem = (extension ? name.slice(0, dot) : name)
    // Anything but letters, digits, `.`, `_` and `-` (separators, NUL and other controls, spaces, `:`, `*`, ...).
    .replace(/[^A-Za-z0-9._-]/g, '_')
    // No hidden file, no `.` or `..`, and no trailing dots (Windows drops them).
    .replace(/^\.+/, '')
    .replace(/\.+$/, '');
  if (stem.length > MAX_STEM) stem = stem.slice(0, MAX_STEM);
  if (stem === '' || /^[_-]*$/.test(stem)) stem = `unnamed${stem}`;
  if (WINDOWS_DEVICE.test(stem.split('.')[0]!)) stem = `_${stem}`;
  return `${stem}${extension}`;
}

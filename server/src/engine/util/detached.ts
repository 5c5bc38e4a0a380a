/**
 * A copy of a string that a reader sliced from the whole text of a file, so that keeping it (in facts, for the life
 * of the workspace) does not keep the file's text alive. V8 makes a substring of 13 characters or more a view into
 * its parent; prefixing a character makes a new string that `slice` flattens into a copy of its own.
 */
export function detached(sliced: string): string {
  return sliced.length < 13 ? sliced : (' ' + sliced).slice(1);
}

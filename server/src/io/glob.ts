/**
 * Glob patterns for `--exclude` and `netlens.exclude`, matched in time linear in the path's length.
 *
 * Why not minimatch: it turns a pattern into a backtracking regular expression, and a pattern with many `*` against
 * a long name (both can come from a hostile workspace: its `.vscode/settings.json` and its file names) takes
 * polynomial time in the name's length with the number of stars as the exponent, which never finishes in practice.
 * Here a pattern is compiled to a small automaton (one state per pattern character) and a path is matched by
 * following every state at once (Thompson's construction): at most (path length x pattern states) steps.
 *
 * The syntax is minimatch's, with `dot: true` (the subset the settings use):
 *   `*` any characters but `/`; `?` one character but `/`; `[abc]`, `[a-z]`, `[!a]` or `[^a]` one of (not) these;
 *   `**` as a whole path segment: any number of segments (`**` elsewhere is `*`); `{a,b}` alternatives (nested);
 *   `\` makes the next character literal; repeated `/` are one; a leading `!` negates the pattern; a leading `#` is a
 *   comment (matches nothing); a pattern without `/` matches the file's or folder's name anywhere (minimatch's
 *   matchBase); a path's trailing `/` (a folder) is optional.
 * Not supported, and refused with a message: extended globs (`@(a|b)`, `+(a)`, `!(a)`, `*(a)`, `?(a)`), and `.` or
 * `..` segments (patterns are relative to the folder, and paths never hold them).
 * Limits, refused with a message: a pattern longer than MAX_PATTERN_LENGTH characters, or whose `{}` alternatives
 * expand to more than MAX_ALTERNATIVES patterns or MAX_EXPANDED_LENGTH characters in all.
 */

export const MAX_PATTERN_LENGTH = 1000;
export const MAX_ALTERNATIVES = 64;
export const MAX_EXPANDED_LENGTH = 4000;

/** One automaton state: it consumes one character that `accepts`, then goes to `next`; `epsilon` states follow freely. */
interface State {
  accepts?: (c: number) => boolean;
  next?: number;
  /** Free moves (no character consumed). */
  epsilon: number[];
}

export interface GlobMatcher {
  readonly pattern: string;
  matches(path: string): boolean;
}

export type CompiledGlob = { matcher: GlobMatcher } | { error: string };

const SLASH = 0x2f;
const notSlash = (c: number) => c !== SLASH;
const anyChar = () => true;

export function compileGlob(pattern: string): CompiledGlob {
  if (pattern.length > MAX_PATTERN_LENGTH) return { error: `longer than ${MAX_PATTERN_LENGTH} characters (${pattern.length})` };
  if (pattern.startsWith('#')) return { matcher: { pattern, matches: () => false } };
  let negated = false;
  let body = pattern;
  while (body.startsWith('!')) {
    negated = !negated;
    body = body.slice(1);
  }
  if (/(^|[^\\])[@!+*?]\(/.test(body)) return { error: 'extended globs such as @(a|b), +(a) or !(a) are not supported; use {a,b} alternatives' };
  const expanded = expandBraces(body);
  if ('error' in expanded) return expanded;
  // Paths are relative to the folder and normalised: a `.` or `..` segment could never match (minimatch would fold
  // `a/..` away, a meaning no exclude needs).
  if (expanded.alternatives.some((alternative) => alternative.split('/').some((segment) => segment === '.' || segment === '..'))) {
    return { error: '`.` and `..` path segments are not supported: patterns are relative to the folder' };
  }
  const matchBase = !body.includes('/');
  // Repeated slashes are one (as minimatch reads them).
  const automata = expanded.alternatives.map((alternative) => build(matchBase ? `**/${alternative}` : alternative.replace(/\/{2,}/g, '/')));
  return {
    matcher: {
      pattern,
      // A trailing `/` (how folders are tested) may be left out, as minimatch allows.
      matches: (path: string) => automata.some((states) => run(states, path) || (path.endsWith('/') && run(states, path.slice(0, -1)))) !== negated,
    },
  };
}

/** `{a,b}` alternatives, nested, as separate patterns; `{a}` without a comma stays literal (as in minimatch). */
function expandBraces(pattern: string): { alternatives: string[] } | { error: string } {
  let results = [''];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) {
      results = results.map((r) => r + pattern.slice(i, i + 2));
      i += 2;
      continue;
    }
    if (c === '{') {
      const close = matchingBrace(pattern, i);
      const parts = close === -1 ? undefined : splitTopLevel(pattern.slice(i + 1, close));
      if (close !== -1 && parts && parts.length > 1) {
        const options: string[] = [];
        for (const part of parts) {
          const inner = expandBraces(part);
          if ('error' in inner) return inner;
          options.push(...inner.alternatives);
          if (options.length > MAX_ALTERNATIVES) return tooMany();
        }
        const next: string[] = [];
        for (const r of results) for (const option of options) next.push(r + option);
        if (next.length > MAX_ALTERNATIVES) return tooMany();
        results = next;
        i = close + 1;
        continue;
      }
    }
    results = results.map((r) => r + c);
    i++;
  }
  const total = results.reduce((sum, r) => sum + r.length, 0);
  if (total > MAX_EXPANDED_LENGTH) return { error: `its {} alternatives expand to ${total} characters, more than ${MAX_EXPANDED_LENGTH}` };
  return { alternatives: results };
}

function tooMany(): { error: string } {
  return { error: `its {} alternatives expand to more than ${MAX_ALTERNATIVES} patterns` };
}

function matchingBrace(pattern: string, open: number): number {
  let depth = 0;
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** One pattern (no braces left) -> its automaton; the state after the last is the accepting one. */
function build(pattern: string): State[] {
  const states: State[] = [];
  const add = (state: Omit<State, 'epsilon'> & { epsilon?: number[] }): number => {
    states.push({ epsilon: [], ...state });
    return states.length - 1;
  };
  /** A state that consumes one character matching `accepts` and goes on to whatever comes next. */
  const step = (accepts: (c: number) => boolean) => add({ accepts, next: states.length + 1 });
  const segments = pattern.split('/');
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment === '**') {
      if (last) {
        // Trailing `**` (or the whole pattern): anything at all, `/` included.
        const loop = states.length;
        add({ accepts: anyChar, next: loop, epsilon: [loop + 1] });
      } else {
        // `**/`: nothing, or anything that ends in `/`. entry: skip it all, or take a character into the loop; the
        // loop takes any character, or moves on to the closing `/`.
        const entry = states.length;
        add({ accepts: anyChar, next: entry + 1, epsilon: [entry + 3] });
        add({ accepts: anyChar, next: entry + 1, epsilon: [entry + 2] });
        add({ accepts: (c) => c === SLASH, next: entry + 3 });
      }
      return;
    }
    // A segment that is only `*` matches a name, never an empty segment (minimatch's reading).
    if (/^\*+$/.test(segment)) step(notSlash);
    compileSegment(segment, step, add, states);
    if (!last) step((c) => c === SLASH);
  });
  return states;
}

function compileSegment(segment: string, step: (accepts: (c: number) => boolean) => number, add: (state: Omit<State, 'epsilon'> & { epsilon?: number[] }) => number, states: State[]): void {
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '\\' && i + 1 < segment.length) {
      const literal = segment.charCodeAt(++i);
      step((x) => x === literal);
    } else if (c === '*') {
      while (segment[i + 1] === '*') i++;
      const loop = states.length;
      add({ accepts: notSlash, next: loop, epsilon: [loop + 1] });
    } else if (c === '?') {
      step(notSlash);
    } else if (c === '[') {
      const parsed = characterClass(segment, i);
      if (parsed) {
        step(parsed.accepts);
        i = parsed.end;
      } else step((x) => x === 0x5b);
    } else {
      const literal = segment.charCodeAt(i);
      step((x) => x === literal);
    }
  }
}

/** `[...]` starting at `open`: the test and the index of its `]`, or undefined when it is not closed (a literal `[`). */
function characterClass(segment: string, open: number): { accepts: (c: number) => boolean; end: number } | undefined {
  let i = open + 1;
  const negated = segment[i] === '!' || segment[i] === '^';
  if (negated) i++;
  const ranges: [number, number][] = [];
  let first = true;
  for (; i < segment.length; i++) {
    let c = segment[i]!;
    if (c === ']' && !first) {
      const accepts = (x: number) => x !== SLASH && ranges.some(([lo, hi]) => x >= lo && x <= hi) !== negated;
      return { accepts, end: i };
    }
    first = false;
    if (c === '\\' && i + 1 < segment.length) c = segment[++i]!;
    const lo = c.charCodeAt(0);
    if (segment[i + 1] === '-' && i + 2 < segment.length && segment[i + 2] !== ']') {
      let hiChar = segment[i + 2]!;
      i += 2;
      if (hiChar === '\\' && i + 1 < segment.length) hiChar = segment[++i]!;
      ranges.push([lo, hiChar.charCodeAt(0)]);
    } else ranges.push([lo, lo]);
  }
  return undefined;
}

/** Follows every state at once: linear in the path's length times the automaton's size. */
function run(states: State[], path: string): boolean {
  const accepting = states.length;
  // mark[i] === generation: state i is already in the set being built.
  const mark = new Int32Array(states.length + 1).fill(-1);
  let generation = 0;
  let current: number[] = [];
  const addWithClosure = (set: number[], start: number) => {
    const stack = [start];
    while (stack.length) {
      const index = stack.pop()!;
      if (mark[index] === generation) continue;
      mark[index] = generation;
      set.push(index);
      if (index < accepting) for (const e of states[index]!.epsilon) stack.push(e);
    }
  };
  addWithClosure(current, 0);
  for (let i = 0; i < path.length && current.length > 0; i++) {
    const c = path.charCodeAt(i);
    generation++;
    const next: number[] = [];
    for (const index of current) {
      if (index === accepting) continue;
      const state = states[index]!;
      if (state.accepts && state.accepts(c)) addWithClosure(next, state.next!);
    }
    current = next;
  }
  return current.includes(accepting);
}

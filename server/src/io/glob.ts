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

/**
 * One automaton state: it consumes one character (`literal`, or any that `accepts`), then goes to `next`; `epsilon`
 * states follow freely. The state after the last one accepts.
 */
interface State {
  /** The one character code it takes; or NOT_SLASH, ANY_CHAR; or CLASS (then `accepts` decides). */
  literal: number;
  accepts?: (c: number) => boolean;
  next: number;
  epsilon: number[];
}

interface Automaton {
  states: State[];
  /** For each state (and the accepting one), every state reachable from it by free moves, itself included. */
  closures: number[][];
  /** A run of literal characters every match contains: a path without it is rejected at once (most paths, for most patterns). */
  required: string;
  /** The trailing `**` loop state, or -1: once reached, whatever follows matches. */
  tail: number;
}

export interface GlobMatcher {
  readonly pattern: string;
  matches(path: string): boolean;
}

export type CompiledGlob = { matcher: GlobMatcher } | { error: string };

const SLASH = 0x2f;
/** `literal` codes for the common tests, so that matching calls no function for them. */
const CLASS = -1;
const NOT_SLASH = -2;
const ANY_CHAR = -3;

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
      matches: (path: string) => automata.some((automaton) => run(automaton, path) || (path.endsWith('/') && run(automaton, path.slice(0, -1)))) !== negated,
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

/** One pattern (no braces left) -> its automaton. */
function build(pattern: string): Automaton {
  const states: State[] = [];
  let run = '';
  let required = '';
  /** The trailing `**` loop, if the pattern ends with one: reaching it means the rest of any path matches. */
  let tail = -1;
  const add = (state: Partial<State> & { next: number }): void => {
    states.push({ literal: CLASS, epsilon: [], ...state });
    if (state.literal === undefined || state.literal < 0) run = '';
    else {
      run += String.fromCharCode(state.literal);
      if (run.length > required.length) required = run;
    }
  };
  const literal = (code: number) => add({ literal: code, next: states.length + 1 });
  const step = (accepts: (c: number) => boolean) => add({ accepts, next: states.length + 1 });
  const notSlash = () => add({ literal: NOT_SLASH, next: states.length + 1 });
  const segments = pattern.split('/');
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment === '**') {
      const entry = states.length;
      if (last) {
        // Trailing `**` (or the whole pattern): anything at all, `/` included.
        add({ literal: ANY_CHAR, next: entry, epsilon: [entry + 1] });
        tail = entry;
      } else {
        // `**/`: nothing, or anything that ends in `/`. entry: skip it all, or take a character into the loop; the
        // loop takes any character, or moves on to the closing `/` (optional, so no part of a required run).
        add({ literal: ANY_CHAR, next: entry + 1, epsilon: [entry + 3] });
        add({ literal: ANY_CHAR, next: entry + 1, epsilon: [entry + 2] });
        // Not `literal: SLASH`: the run of required characters must not take this optional one.
        add({ accepts: (c) => c === SLASH, next: entry + 3 });
      }
      return;
    }
    // A segment that is only `*` matches a name, never an empty segment (minimatch's reading).
    if (/^\*+$/.test(segment)) notSlash();
    for (let i = 0; i < segment.length; i++) {
      const c = segment[i]!;
      if (c === '\\' && i + 1 < segment.length) {
        literal(segment.charCodeAt(++i));
      } else if (c === '*') {
        while (segment[i + 1] === '*') i++;
        const loop = states.length;
        add({ literal: NOT_SLASH, next: loop, epsilon: [loop + 1] });
      } else if (c === '?') {
        notSlash();
      } else if (c === '[') {
        const parsed = characterClass(segment, i);
        if (parsed) {
          step(parsed.accepts);
          i = parsed.end;
        } else literal(0x5b);
      } else {
        literal(segment.charCodeAt(i));
      }
    }
    if (!last) literal(SLASH);
  });
  const closures: number[][] = [];
  for (let index = 0; index <= states.length; index++) {
    const seen = new Set<number>();
    const stack = [index];
    while (stack.length) {
      const at = stack.pop()!;
      if (seen.has(at)) continue;
      seen.add(at);
      if (at < states.length) stack.push(...states[at]!.epsilon);
    }
    closures.push([...seen]);
  }
  return { states, closures, required, tail };
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
function run(automaton: Automaton, path: string): boolean {
  if (automaton.required && !path.includes(automaton.required)) return false;
  const { states, closures, tail } = automaton;
  const accepting = states.length;
  // Two sets of states, swapped at each character; mark[i] === generation: state i is in the set being built.
  let current = new Int32Array(accepting + 1);
  let next = new Int32Array(accepting + 1);
  const mark = new Int32Array(accepting + 1).fill(-1);
  let generation = 0;
  let size = 0;
  for (const index of closures[0]!) {
    if (index === tail) return true;
    mark[index] = generation;
    current[size++] = index;
  }
  for (let i = 0; i < path.length && size > 0; i++) {
    const c = path.charCodeAt(i);
    generation++;
    let nextSize = 0;
    for (let k = 0; k < size; k++) {
      const index = current[k]!;
      if (index === accepting) continue;
      const state = states[index]!;
      const literal = state.literal;
      const taken = literal >= 0 ? literal === c : literal === NOT_SLASH ? c !== SLASH : literal === ANY_CHAR || state.accepts!(c);
      if (!taken) continue;
      for (const reached of closures[state.next]!) {
        if (mark[reached] === generation) continue;
        if (reached === tail) return true;
        mark[reached] = generation;
        next[nextSize++] = reached;
      }
    }
    [current, next] = [next, current];
    size = nextSize;
  }
  for (let k = 0; k < size; k++) if (current[k] === accepting) return true;
  return false;
}

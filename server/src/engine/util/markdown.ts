/**
 * Manifest text in markdown (hovers, completion documentation): the one place that makes it inert.
 *
 * Every string that comes from a manifest, a file name or a profile goes through `code` (shown as inline code) or
 * `escapeText` (shown as text) before it joins markdown; only text we wrote ourselves is markdown. Without this an
 * Ingress path `/![x](https://attacker.example/beacon.png)` is rendered as a remote image when the hover opens, a
 * `[Click to fix](https://...)` as a link, a backtick ends the code span early and a line break starts new blocks.
 * Each takes one argument, so that `.map(code)` is safe. They start from `oneLine` (no line breaks or control characters, bounded length).
 */
import { clip, MAX_SHOWN_LENGTH, omittedSuffix, oneLine, visibleControls } from './displayText';

/** Longest message shown in markdown. */
const MESSAGE_LENGTH = 1000;

/** Every ASCII punctuation character: CommonMark lets a backslash escape each of them, and they are all it needs. */
const ASCII_PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

/**
 * Markdown text that renders as exactly the characters given: no emphasis, link, image, autolink (`https://`,
 * `www.`, `a@b.c`), HTML tag, entity, table cell separator or block marker.
 */
export function escapeText(value: string | number): string {
  return escapeWithin(value, MAX_SHOWN_LENGTH);
}

/** `escapeText` for a message (a rule's, an invalid selector's reason), which quotes values and is longer than one. */
export function escapeMessage(message: string): string {
  return escapeWithin(message, MESSAGE_LENGTH);
}

function escapeWithin(value: string | number, maxLength: number): string {
  return oneLine(String(value), maxLength).replace(ASCII_PUNCTUATION, '\\$&');
}

/**
 * An inline code span showing the value as written. The fence is one backtick longer than the longest run of
 * backticks inside (so none of them closes it), and the content is padded with one space on each side when it
 * starts or ends with a backtick or with spaces on both ends (CommonMark strips one space from each side when both
 * are there). Inside a code span nothing else is interpreted, so no other escaping is needed; line breaks (which
 * would end the paragraph around it) and control characters are shown as escapes. A cut value's `… (N more
 * characters)` follows the span.
 */
export function code(value: string | number): string {
  const { shown, omitted } = clip(String(value), MAX_SHOWN_LENGTH);
  const text = visibleControls(shown);
  if (text === '') return '*(empty)*';
  let longestRun = 0;
  for (const run of text.match(/`+/g) ?? []) longestRun = Math.max(longestRun, run.length);
  const fence = '`'.repeat(longestRun + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}${omittedSuffix(omitted)}`;
}

/** Characters a link destination keeps as they are: the URI characters that end or open no markdown construct. */
const DESTINATION_SAFE = /[A-Za-z0-9\-._~:/?#@!$'*+,;=]/;

/**
 * A link destination (`[web.yaml:12](file:///w/web.yaml#L12)`) percent-encoded: every character but the plain URI
 * ones (and a `%` that already starts an escape), so that a space, `(`, `)`, `<`, `>`, `&` (an entity would be read),
 * a backtick or a line break in a file name cannot end the link or start markup. The link text is escaped as text.
 */
export function linkDestination(destination: string): string {
  let out = '';
  const chars = [...destination];
  chars.forEach((char, i) => {
    if (DESTINATION_SAFE.test(char)) out += char;
    else if (char === '%' && /^[0-9A-Fa-f]{2}$/.test(chars.slice(i + 1, i + 3).join(''))) out += char;
    else out += percentEncoded(char);
  });
  return out;
}

function percentEncoded(char: string): string {
  try {
    return encodeURIComponent(char).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'));
  } catch {
    return '%EF%BF%BD'; // a lone surrogate: U+FFFD, as a URI cannot hold it
  }
}

/**
 * Messages for surfaces that show text as it is (the Problems panel, quick-fix titles, notifications, the explain
 * view): rules and fixes write names as markdown code spans (`` `web` ``), which those surfaces would show with their
 * backticks. Here they become quotes ('web'), and a long message becomes one sentence with the point first and the
 * rest as further sentences (the language server puts those in the diagnostic's related information).
 */

/** Markdown code spans as 'quoted' text; everything else unchanged. */
export function plainText(markdown: string): string {
  let out = '';
  let i = 0;
  while (i < markdown.length) {
    const open = markdown.indexOf('`', i);
    if (open < 0) break;
    const fence = runAt(markdown, open);
    const close = closingRun(markdown, open + fence, fence);
    if (close < 0) {
      // An unclosed run is literal text.
      out += markdown.slice(i, open + fence);
      i = open + fence;
      continue;
    }
    let content = markdown.slice(open + fence, close);
    // CommonMark strips one space from each end when both are there (what `code` adds around backticks).
    if (content.length > 2 && content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '') content = content.slice(1, -1);
    out += `${markdown.slice(i, open)}'${content}'`;
    i = close + fence;
  }
  return out + markdown.slice(i);
}

/** Length of the run of backticks at `at`. */
function runAt(text: string, at: number): number {
  let end = at;
  while (text[end] === '`') end++;
  return end - at;
}

/** Start of the next run of exactly `length` backticks from `from`, or -1. */
function closingRun(text: string, from: number, length: number): number {
  for (let i = text.indexOf('`', from); i >= 0; ) {
    const run = runAt(text, i);
    if (run === length) return i;
    i = text.indexOf('`', i + run);
  }
  return -1;
}

export interface SplitMessage {
  /** The point, as one sentence. */
  headline: string;
  /** The rest, a sentence each. */
  details: string[];
}

/**
 * A rule's message (markdown, as rules write it) as plain sentences: the headline is the text up to the first
 * top-level `: ` or sentence end (outside code spans, parentheses and brackets), the details are the sentences after
 * it. A message that is one sentence stays whole.
 */
export function splitMessage(markdown: string): SplitMessage {
  const parts = topLevelSentences(markdown);
  const [first, ...rest] = parts.map((part) => sentence(plainText(part)));
  return { headline: first ?? '', details: rest.filter((d) => d !== '') };
}

/**
 * Cut points: `: ` (once, the first, after at least four words) and `. ` before a capital letter, outside code spans,
 * parentheses and brackets.
 */
function topLevelSentences(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  let colonUsed = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '`') {
      const fence = runAt(text, i);
      const close = closingRun(text, i + fence, fence);
      i = close < 0 ? i + fence - 1 : close + fence - 1;
      continue;
    }
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (depth === 0 && text[i + 1] === ' ') {
      // A colon after a few words only ("Not analysed: too large") introduces the point itself: no cut there.
      const colon = c === ':' && !colonUsed && text.slice(start, i).trim().split(/\s+/).length >= 4;
      const stop = c === '.' && /[A-Z]/.test(text[i + 2] ?? '') && !/\b(e\.g|i\.e|etc|vs)$/.test(text.slice(start, i));
      if (colon || stop) {
        parts.push(text.slice(start, i));
        start = i + 2;
        colonUsed = true;
      }
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** One final period; a first word in lower case gets a capital (not a field name like `targetPort` or a value). */
function sentence(text: string): string {
  const trimmed = text.trim().replace(/[.:;,]+$/, '');
  if (trimmed === '') return '';
  const capital = /^[a-z]+(\/[a-z]+)*(\s|$)/.test(trimmed) ? `${trimmed[0]!.toUpperCase()}${trimmed.slice(1)}` : trimmed;
  return `${capital}.`;
}

/**
 * The details that say something the other rows do not: a detail whose substance (what follows its last `: `, or the
 * whole of it) another row already holds is left out, and so is a repeated one.
 */
export function newDetails(details: readonly string[], others: readonly string[]): string[] {
  const normal = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  const held = others.map(normal);
  const kept: string[] = [];
  for (const detail of details) {
    const substance = normal(detail.slice(detail.lastIndexOf(': ') + 1));
    if (substance === '' || held.some((h) => h.includes(substance))) continue;
    kept.push(detail);
    held.push(normal(detail));
  }
  return kept;
}

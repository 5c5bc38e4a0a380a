/**
 * Findings quote manifest values (`has app=...`, `` `value` ``), and a value may be a megabyte long: a 1 MB label
 * made a 12 MB finding line. Messages are bounded where findings are made (analysis.ts): every run of more than
 * MAX_WORD characters without white space (a quoted value, `key=value`) keeps its start and end around an ellipsis
 * and says how long it was, and a whole message longer than MAX_MESSAGE is cut the same way. Real values (names are at
 * most 253 characters, label values 63) are never touched.
 */

export const MAX_WORD = 300;
export const MAX_MESSAGE = 4000;

const LONG_WORD = new RegExp(`\\S{${MAX_WORD + 1},}`, 'g');

export function boundedMessage(message: string): string {
  if (message.length <= MAX_WORD) return message;
  const words = message.replace(LONG_WORD, (word) => shorten(word, 200, 40));
  return words.length <= MAX_MESSAGE ? words : shorten(words, MAX_MESSAGE - 200, 100);
}

/** `head…tail (N characters)`, never splitting a surrogate pair. */
function shorten(text: string, head: number, tail: number): string {
  let end = head;
  if (isHighSurrogate(text.charCodeAt(end - 1))) end--;
  let start = text.length - tail;
  if (isLowSurrogate(text.charCodeAt(start))) start++;
  return `${text.slice(0, end)}…${text.slice(start)} (${text.length.toLocaleString('en-US')} characters)`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

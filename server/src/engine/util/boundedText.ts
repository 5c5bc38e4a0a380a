/**
 * Findings quote manifest values (`has app=...`, `` `value` ``), and a value may be a megabyte long: a 1 MB label
 * made a 12 MB finding line. Messages are bounded where findings are made (analysis.ts): every run of more than
 * MAX_WORD characters without white space (a quoted value, `key=value`) is cut as displayText.ts cuts values shown in
 * the editor (`aaaa… (999748 more characters)`), and a whole message is at most MAX_MESSAGE characters. Real values
 * (names are at most 253 characters, label values 63) are never touched.
 */
import { clip, MAX_SHOWN_LENGTH, omittedSuffix } from './displayText';

export const MAX_WORD = 300;
export const MAX_MESSAGE = 4000;

const LONG_WORD = new RegExp(`\\S{${MAX_WORD + 1},}`, 'g');

export function boundedMessage(message: string): string {
  if (message.length <= MAX_WORD) return message;
  const words = message.replace(LONG_WORD, (word) => cut(word, MAX_SHOWN_LENGTH));
  return words.length <= MAX_MESSAGE ? words : cut(words, MAX_MESSAGE - 50);
}

function cut(text: string, maxLength: number): string {
  const { shown, omitted } = clip(text, maxLength);
  return shown + omittedSuffix(omitted);
}

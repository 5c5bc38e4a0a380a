/** Mutations that turn valid manifests into the half-typed, broken text an editor holds most of the time. */
import type { Random } from './random';

const INSERTIONS = ['{', '}', '[', ']', ':', ': ', '- ', '\t', '  ', '\n', '&a ', '*a', '<<: *a\n', '---\n', '"', "'", '#', '|\n', '>-\n', '? ', '!!str ', '%YAML 1.1\n', '{{ .Values.x }}', '\u{1F680}', '\r\n', '\uFEFF', 'yes', '0o17', '~', 'null', '@', '`'];

export function mutate(text: string, random: Random): string {
  if (text.length === 0) return random.pick(INSERTIONS);
  const at = random.int(text.length + 1);
  switch (random.int(7)) {
    case 0: // truncate
      return text.slice(0, at);
    case 1: { // delete a range
      const end = Math.min(text.length, at + 1 + random.int(40));
      return text.slice(0, at) + text.slice(end);
    }
    case 2: { // duplicate a range
      const end = Math.min(text.length, at + 1 + random.int(200));
      return text.slice(0, end) + text.slice(at, end) + text.slice(end);
    }
    case 3: // insert a troublesome token
      return text.slice(0, at) + random.pick(INSERTIONS) + text.slice(at);
    case 4: { // re-indent one line
      const lines = text.split('\n');
      const line = random.int(lines.length);
      lines[line] = random.next() < 0.5 ? ` ${lines[line]}` : lines[line]!.replace(/^ /, '');
      return lines.join('\n');
    }
    case 5: { // replace a scalar-looking word with a value of another type
      return text.slice(0, at) + text.slice(at).replace(/\b[a-z0-9-]+\b/, random.pick(['[1, 2]', '{a: b}', '"80"', 'null', '-1', '99999999', 'true', '']));
    }
    default: // tabs for indentation
      return text.replace(/\n {2}/g, (m) => (random.next() < 0.1 ? '\n\t' : m));
  }
}

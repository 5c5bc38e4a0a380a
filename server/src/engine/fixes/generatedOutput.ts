/**
 * What the generators (default deny, least-privilege policies, Ingress migration) write, and the guard on it: each
 * group of documents is rendered from data (yamlRender.ts) and must read back as exactly that data
 * (yamlGuard.verifyGenerated); the files they make, and the edits appending to existing files, are checked again as
 * a whole. Whatever fails is refused with the reason, and nothing of it is written.
 */
import { checkedEdits } from './fixSupport';
import type { FixContext, NewFile, TextEdit, WorkspaceChange } from './types';
import { appendRendered } from './yamlEdit';
import { verifyGenerated } from './yamlGuard';
import { renderDocuments, type YamlStyle } from './yamlRender';

export interface GeneratedDocument {
  namespace: string;
  /** Where it goes: a new file, or the file it is appended to. */
  file: string;
  append: boolean;
  /** The YAML text (header comments, then the documents separated by `---`), checked to read back as `objects`. */
  text: string;
  /** The objects the text holds, in order. */
  objects: unknown[];
  /** Names of the policies in it. */
  policies: string[];
}

/** Renders documents after header comment lines; an error (what does not read back) instead of a wrong text. */
export function renderChecked(objects: readonly unknown[], style: YamlStyle, header: readonly string[]): { text: string } | { error: string } {
  const text = renderDocuments(objects, style, header);
  const error = verifyGenerated(text, objects);
  return error ? { error: `the generated YAML is not written: ${error}` } : { text };
}

/**
 * The change that writes the documents: new files (several documents for one file are joined) and edits appending
 * to existing files. Every new file and every edit passes the guard again; an error says which did not.
 */
export function changeOfDocuments(ctx: FixContext, documents: readonly GeneratedDocument[]): { change: WorkspaceChange } | { error: string } {
  const edits: TextEdit[] = [];
  const newFiles: NewFile[] = [];
  const objectsOf = new Map<string, unknown[]>();
  const appended = new Map<string, string>();
  for (const document of documents) {
    objectsOf.set(document.file, [...(objectsOf.get(document.file) ?? []), ...document.objects]);
    if (document.append) appended.set(document.file, appended.has(document.file) ? `${appended.get(document.file)}---\n${document.text}` : document.text);
    else {
      const previous = newFiles.find((f) => f.file === document.file);
      if (previous) previous.text += `---\n${document.text}`;
      else newFiles.push({ file: document.file, text: document.text });
    }
  }
  for (const file of newFiles) {
    const error = verifyGenerated(file.text, objectsOf.get(file.file) ?? []);
    if (error) return { error: `${file.file} is not written: ${error}` };
  }
  for (const [file, text] of appended) {
    const current = ctx.textOf(file);
    if (current === undefined) return { error: `cannot read ${file} to append to it` };
    const edit = appendRendered(current, text, objectsOf.get(file) ?? []);
    edits.push({ file, ...edit });
  }
  const checked = checkedEdits(ctx.textOf, edits);
  if ('error' in checked) return { error: `nothing is appended: ${checked.error}` };
  return { change: { edits: checked.edits, newFiles } };
}

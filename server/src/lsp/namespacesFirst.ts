/**
 * The initial scan reads the open files' namespaces first (issue 17: an open file's cross-file findings final within
 * 300 ms of opening a 10k workspace, not at the end of the whole scan).
 *
 * Once files are open, every file the scan reaches is read, and parsed only when its text may hold an object of one
 * of their namespaces (it names the namespace, or has an escape that could spell it); the others wait until the scan
 * has gone through every file. Then those namespaces are complete: every object in them is in the index. The open
 * files get the findings of the checks whose every read is final (Analysis.findingsWithin, model/readKeys.ts), and
 * the deferred files are read. A check that read another namespace, every namespace or the set of namespaces is not
 * published before the whole scan: nothing false is ever published.
 *
 * Not used for a folder's default namespace: an object without `metadata.namespace` lands there without naming it.
 */
import { isFinalWhen } from '../engine/model/readKeys';
import type { ServerContext } from './serverContext';

export class NamespacesFirst {
  private wanted: ReadonlySet<string> | undefined;
  private readonly deferred: string[] = [];

  constructor(private readonly ctx: ServerContext) {}

  /** Between two batches of the scan: once files are open, their namespaces are the ones read first. */
  decide(): void {
    if (this.wanted) return;
    const defaults = new Set(this.ctx.folders.all.map((folder) => folder.settings.analysis.defaultNamespace));
    const names = new Set<string>();
    for (const document of this.ctx.documents.all()) {
      for (const resource of this.ctx.analysis.index.resourcesOf(this.ctx.uris.fileOf(document.uri))) {
        if (resource.namespace && !defaults.has(resource.namespace)) names.add(resource.namespace);
      }
    }
    if (names.size) this.wanted = names;
  }

  /** Reads one file of the scan now, or defers it when its text cannot hold an object of the namespaces read first. */
  read(file: string): void {
    if (!this.wanted) return this.ctx.contents.readFromDisk(file);
    const content = this.ctx.contents.contentOf(file, false);
    if (content && 'text' in content && !mayName(content.text, this.wanted)) this.deferred.push(file);
    else this.ctx.contents.load(file, content);
  }

  /**
   * Every file has been through `read`: the namespaces read first are complete. Publishes the open files' findings
   * that are final and returns the deferred files, to be read next.
   */
  complete(): string[] {
    const complete = this.wanted;
    if (!complete || this.deferred.length === 0) return [];
    const analysis = this.ctx.analysis;
    this.ctx.publisher.partlyComplete((file) => {
      const resources = analysis.index.resourcesOf(file);
      if (resources.length === 0 || !resources.every((r) => complete.has(r.namespace))) return undefined;
      return (key) => isFinalWhen(key, complete, (other) => analysis.hasFile(other));
    }, this.ctx.documents.all().map((d) => this.ctx.uris.fileOf(d.uri)));
    return this.deferred.splice(0);
  }
}

/**
 * Whether a file's text may hold an object of one of `namespaces`. A namespace name is a DNS label, written as is in
 * any YAML or JSON scalar (and in the anchor an alias repeats), so a text that does not contain it as a whole token
 * holds no object of it, unless it has a backslash (a double-quoted escape could spell it). An occurrence that is
 * the whole value of another block-style key on its own line (`kubernetes.io/metadata.name: shop-0`, a
 * namespaceSelector in another namespace's policy) is not a `namespace` or a Namespace's `name` either.
 */
export function mayName(text: string, namespaces: ReadonlySet<string>): boolean {
  if (text.includes('\\')) return true;
  for (const name of namespaces) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      if (!TOKEN_BEFORE.test(text.charAt(at - 1)) || !TOKEN_AFTER.test(text.charAt(at + name.length))) continue;
      const lineStart = Math.max(text.lastIndexOf('\n', at), text.lastIndexOf('\r', at)) + 1;
      let lineEnd = text.indexOf('\n', at);
      if (lineEnd < 0) lineEnd = text.length;
      const other = OTHER_KEY_LINE.exec(text.slice(lineStart, lineEnd));
      if (!other || other[1] === 'namespace' || other[1] === 'name' || (other[2] ?? other[3] ?? other[4]) !== name) return true;
    }
  }
  return false;
}

/** What may stand before and after a scalar that is exactly the name (an empty string: the text's start or end). */
const TOKEN_BEFORE = /^$|[\s"':{[,]/;
const TOKEN_AFTER = /^$|[\s"',}\]#]/;
/** `key: value` in block style, a plain key, the value alone (quoted or not), maybe a comment: the value is the key's. */
const OTHER_KEY_LINE = /^\s*(?:-\s+)*([A-Za-z0-9_./-]+):\s+(?:"([^"\\]*)"|'([^']*)'|([^\s"'&*!|>#{[][^\s#]*))\s*(?:#.*)?\r?$/;

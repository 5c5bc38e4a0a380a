/**
 * What every editor feature works with: the analysis snapshot and the tree cache, plus small helpers to name
 * places (`web.yaml:12`) and objects (`Deployment \`shop/web\``) in markdown. Features return plain data (markdown,
 * file keys, offsets) and never throw: each entry point catches and answers empty.
 */
import type { Analysis } from '../analysis';
import type { ResourceBase } from '../model/resources';
import type { ClusterProfile } from '../profile/types';
import type { Span } from '../syntax/tree';
import { code, escapeText, linkDestination } from '../util/markdown';
import { DocumentTrees } from './cursor';

/** Inline code for manifest text (util/markdown.ts): every hover module takes it from here. */
export { code, escapeText };

export interface FeatureHost {
  readonly analysis: Analysis;
  readonly trees: DocumentTrees;
  /**
   * The URI a file key is opened by (the language server: as the client spells it); absent: `fileUriOf`. Hovers
   * link the places they name to it, with `#L<line>` as VS Code opens it.
   */
  readonly uriOf?: (file: string) => string;
}

export function featureHost(analysis: Analysis, trees: DocumentTrees = new DocumentTrees()): FeatureHost {
  return { analysis, trees };
}

/**
 * A file key as a URI without the platform's help: an absolute path (`/w/a.yaml`, `C:\\w\\a.yaml`) as a `file:` URI,
 * anything else (a URI already, a relative key of the tests) as it is. `link` percent-encodes what a URI may not hold.
 */
function fileUriOf(file: string): string {
  if (file.startsWith('/')) return `file://${file}`;
  if (/^[A-Za-z]:[\\/]/.test(file)) return `file:///${file.replace(/\\/g, '/')}`;
  return file;
}

/**
 * The cluster profile of a file: the one in the analysis settings of its folder (what the rules read). Undefined
 * when nothing is known about the cluster (no profile, or one with no key set), so that hovers can say what they
 * would depend on.
 */
export function profileOf(host: FeatureHost, file: string): ClusterProfile | undefined {
  const profile = host.analysis.settingsOf(file).profile;
  if (!profile) return undefined;
  const known = Object.entries(profile).some(([key, value]) => key !== 'origins' && value !== undefined);
  return known ? profile : undefined;
}

/** A place in the workspace: a file key and a span in it. */
export interface TargetLocation {
  file: string;
  span: Span;
}

/** The last path segment of a file key (engine code knows no `path` module). */
export function baseName(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut >= 0 ? file.slice(cut + 1) : file;
}

/**
 * `[web.yaml:12](file:///w/web.yaml#L12)` (1-based line): a link that opens the file at the place, its text
 * escaped (a file name may hold `[`, `]`, `(`, `!` like any other text) and its destination percent-encoded.
 */
export function where(host: FeatureHost, file: string, span: Span): string {
  const lines = host.analysis.lineIndex(file);
  const line = lines ? lines.position(span.start).line + 1 : 1;
  return `[${escapeText(baseName(file))}:${line}](${linkDestination(`${(host.uriOf ?? fileUriOf)(file)}#L${line}`)})`;
}

/** `Deployment \`shop/web\`` (markdown) */
export function objectRef(resource: Pick<ResourceBase, 'kind' | 'namespace' | 'name'>): string {
  return `${escapeText(resource.kind)} ${code(resource.namespace ? `${resource.namespace}/${resource.name}` : resource.name)}`;
}

/** `Deployment \`shop/web\` (web.yaml:12)` */
export function objectAtPlace(host: FeatureHost, resource: ResourceBase): string {
  return `${objectRef(resource)} (${where(host, resource.file, resource.nameSpan)})`;
}

/** At most `limit` lines, then "… and N more". */
export function bounded(lines: readonly string[], limit: number): string[] {
  if (lines.length <= limit) return [...lines];
  return [...lines.slice(0, limit), `- … and ${lines.length - limit} more`];
}

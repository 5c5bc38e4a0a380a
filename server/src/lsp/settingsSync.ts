/**
 * Reading the folders' settings and cluster profiles (workspaceFolders.ts) when the server starts, and again when
 * they change: a `workspace/didChangeConfiguration`, or an edit or file event of a profile file. Profile problems
 * are published as `cluster-profile` diagnostics on the profile's files.
 */
import type { ServerContext } from './serverContext';

/** Settings and cluster profile of every folder. */
export async function loadSettings(ctx: ServerContext): Promise<void> {
  const folders = ctx.folders.all;
  const raw: unknown[] = ctx.client.configuration
    ? await ctx.connection.workspace.getConfiguration(folders.map((f) => ({ scopeUri: f.uri, section: 'netlens' })))
    : folders.map(() => undefined);
  const issues = ctx.folders.load(ctx.connection, raw, (file) => ctx.contents.openText(file));
  ctx.publisher.publishProfileIssues(issues);
}

/** Settings or the cluster profile changed: read them again and re-analyse every file with them. */
export async function reloadSettings(ctx: ServerContext): Promise<void> {
  await loadSettings(ctx);
  const skipped = new Map<string, string>();
  ctx.analysis.settingsChanged((file) => {
    if (!ctx.contents.openDocument(file) && !ctx.folders.wanted(file)) return undefined;
    const content = ctx.contents.contentOf(file, true);
    if (content && 'skipped' in content) skipped.set(file, content.skipped);
    return content && 'text' in content ? content.text : undefined;
  });
  // Over the (maybe new) size limit, unreadable: reported once each, as after the scan.
  for (const [file, reason] of skipped) ctx.analysis.setSkippedFile(file, reason);
  ctx.publisher.refreshAndPublish();
  for (const document of ctx.documents.all()) ctx.loose.analyse(document);
}

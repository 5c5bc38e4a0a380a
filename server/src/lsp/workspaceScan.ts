/**
 * The initial scan: every manifest of every folder is read into the analysis, in batches with work-done progress,
 * yielding to the event loop between batches so that requests are answered while a large workspace is read. Open
 * documents keep the editor's text. When the scan ends (or fails) the publisher switches from provisional to
 * complete findings.
 */
import { scanFiles } from '../io/scanFiles';
import { NamespacesFirst } from './namespacesFirst';
import type { ServerContext } from './serverContext';

/** Files per batch during the initial scan; between batches the server answers other requests. */
const SCAN_BATCH = 100;

export async function scanWorkspace(ctx: ServerContext): Promise<void> {
  try {
    const progress = ctx.client.progress ? await ctx.connection.window.createWorkDoneProgress() : undefined;
    const files: string[] = [];
    for (const folder of ctx.folders.all) {
      // Large files are listed too: readFromDisk reports each one once instead of reading it.
      const scan = scanFiles([folder.root], { exclude: folder.settings.exclude, maxFileSize: folder.settings.maxFileSize });
      files.push(...scan.files, ...scan.tooLarge.map((t) => t.file));
    }
    progress?.begin('Netlens: reading manifests', 0, `0/${files.length}`, false);
    ctx.publisher.sendStatus({ state: 'reading', read: 0, total: files.length });
    // The open files' namespaces first (namespacesFirst.ts): the files that cannot hold them are read after the rest.
    const first = new NamespacesFirst(ctx);
    let read = 0;
    const readBatches = async (list: readonly string[], readOne: (file: string) => void) => {
      for (let i = 0; i < list.length; i += SCAN_BATCH) {
        first.decide();
        for (const file of list.slice(i, i + SCAN_BATCH)) {
          if (!ctx.contents.openDocument(file)) readOne(file);
        }
        read = Math.min(read + SCAN_BATCH, files.length);
        progress?.report(Math.round((read / Math.max(files.length, 1)) * 100), `${read}/${files.length}`);
        ctx.publisher.sendStatus({ state: 'reading', read, total: files.length });
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    await readBatches(files, (file) => first.read(file));
    const deferred = first.complete();
    // Let the connection write the open files' findings (namespacesFirst.ts) before the next batch holds the loop.
    if (deferred.length) await new Promise((resolve) => setImmediate(resolve));
    // Progress counts files read; the deferred ones were only looked at.
    read -= deferred.length;
    await readBatches(deferred, (file) => ctx.contents.readFromDisk(file));
    progress?.done();
  } finally {
    await ctx.publisher.scanEnded(ctx.documents.all().map((d) => ctx.uris.fileOf(d.uri)));
  }
}

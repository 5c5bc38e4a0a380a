/**
 * The initial scan: every manifest of every folder is read into the analysis, in batches with work-done progress,
 * yielding to the event loop between batches so that requests are answered while a large workspace is read. Open
 * documents keep the editor's text. When the scan ends (or fails) the publisher switches from provisional to
 * complete findings.
 */
import { scanFiles } from '../io/scanFiles';
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
    for (let i = 0; i < files.length; i += SCAN_BATCH) {
      for (const file of files.slice(i, i + SCAN_BATCH)) {
        if (!ctx.contents.openDocument(file)) ctx.contents.readFromDisk(file);
      }
      const read = Math.min(i + SCAN_BATCH, files.length);
      progress?.report(Math.round((read / Math.max(files.length, 1)) * 100), `${read}/${files.length}`);
      ctx.publisher.sendStatus({ state: 'reading', read, total: files.length });
      await new Promise((resolve) => setImmediate(resolve));
    }
    progress?.done();
  } finally {
    await ctx.publisher.scanEnded(ctx.documents.all().map((d) => ctx.uris.fileOf(d.uri)));
  }
}

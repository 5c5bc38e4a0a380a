/**
 * Publishing: diagnostics of the workspace's files (after each refresh of the analysis), of documents outside the
 * workspace, of the cluster profile's files, and the `netlens/status` notification.
 *
 * Until the initial scan has read every file, a file opened or edited gets only its provisional findings (syntax
 * errors and the checks that read nothing but their own file): the other rules would judge it against a partial
 * index and claim false things ("selects nothing" because the Deployment's file is not read yet).
 *
 * The refresh runs in time slices (`Analysis.refreshSteps`): a small edit's refresh finishes in the first slice,
 * right away; a long one (a 2 MB manifest, the end of the scan of a large workspace) lets requests and edits in
 * between slices. An edit made meanwhile makes the running refresh give up at its next step and a new one starts
 * (`runRefresh` loops until one completes), so diagnostics are always those of the latest text.
 */
import type { Connection, Diagnostic } from 'vscode-languageserver/node';
import type { Analysis } from '../engine/analysis';
import type { ReadKey } from '../engine/model/readKeys';
import type { Finding } from '../engine/rules/rule';
import type { ProfileFileIssue } from '../io/profileFiles';
import { StatusNotification, type WorkspaceStatus } from '../protocol/requests';
import { profileDiagnostic, toDiagnostic } from './convert';
import type { DocumentUris } from './documentUris';

/** A refresh runs this long before it lets queued messages in (as `runSliced` does for slow queries). */
const REFRESH_SLICE_MS = 10;

export class Publisher {
  /** True until the initial scan has read every file (see the header). */
  private scanning = true;
  private refreshing = false;
  /** Files whose diagnostics the editor expects from the next refresh even when unchanged (opened, edited). */
  private readonly alsoPublishPending = new Set<string>();
  private profileDiagnosticUris = new Set<string>();

  /** The client shows related information: messages are one sentence, the rest related rows (convert.ts). */
  relatedInformation = false;

  constructor(
    private readonly connection: Connection,
    private readonly analysis: Analysis,
    private readonly uris: DocumentUris,
  ) {}

  get isScanning(): boolean {
    return this.scanning;
  }

  sendFindings(file: string, findings: readonly Finding[]): void {
    const uriOf = (f: string) => this.uris.uriOf(f);
    void this.connection.sendDiagnostics({ uri: uriOf(file), diagnostics: findings.map((f) => toDiagnostic(this.analysis, f, uriOf, this.relatedInformation)) });
  }

  /** Findings of a document outside the workspace, from the analysis that holds it (keyed by its URI). */
  sendLooseFindings(uri: string, analysis: Analysis, findings: readonly Finding[]): void {
    void this.connection.sendDiagnostics({ uri, diagnostics: findings.map((f) => toDiagnostic(analysis, f, (file) => file, this.relatedInformation)) });
  }

  clear(uri: string): void {
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /**
   * Refreshes the analysis and publishes the files whose findings changed. `alsoPublish`: files whose diagnostics
   * the editor expects even when unchanged (an opened or edited file).
   */
  refreshAndPublish(alsoPublish: readonly string[] = []): void {
    if (this.scanning) {
      // Only the findings that stand without the rest of the workspace (see the header).
      for (const file of alsoPublish) this.sendFindings(file, this.scanFindings(file));
      return;
    }
    for (const file of alsoPublish) this.alsoPublishPending.add(file);
    if (!this.refreshing) void this.runRefresh();
  }

  /**
   * Part of the workspace is complete while the scan goes on (namespacesFirst.ts): `finalReads` says, for a file,
   * which reads can no longer change (undefined: the file is not wholly in the complete part). The open files get
   * those findings now, and an edit of such a file until the scan ends.
   */
  partlyComplete(finalReads: (file: string) => ((key: ReadKey) => boolean) | undefined, openFiles: readonly string[]): void {
    if (!this.scanning) return;
    this.finalReads = finalReads;
    for (const file of openFiles) if (this.analysis.hasFile(file) && finalReads(file)) this.sendFindings(file, this.scanFindings(file));
  }

  private finalReads: ((file: string) => ((key: ReadKey) => boolean) | undefined) | undefined;

  /** A file's findings during the scan: those whose reads are final (partlyComplete), else the provisional ones. */
  private scanFindings(file: string): Finding[] {
    const isFinal = this.finalReads?.(file);
    return isFinal ? this.analysis.findingsWithin(file, isFinal) : this.analysis.provisionalFindings(file);
  }

  /**
   * The scan has read every file (or failed: the index is as complete as it will get): complete findings from here
   * on. The open files got provisional findings so far: each gets its complete ones first (the refresh of every other
   * file takes seconds in a large workspace), then again from the refresh, changed or not.
   */
  async scanEnded(openFiles: readonly string[]): Promise<void> {
    this.scanning = false;
    this.sendStatus({ state: 'checking', files: this.analysis.fileNames().length });
    const open = openFiles.filter((file) => this.analysis.hasFile(file));
    for (const file of open) this.sendFindings(file, this.analysis.findingsAside(file));
    // Let the connection write them before the refresh holds the event loop for seconds.
    await new Promise((resolve) => setImmediate(resolve));
    this.refreshAndPublish(open);
  }

  private async runRefresh(): Promise<void> {
    this.refreshing = true;
    try {
      for (;;) {
        const steps = this.analysis.refreshSteps();
        let result: IteratorResult<void, string[] | undefined>;
        for (;;) {
          const deadline = performance.now() + REFRESH_SLICE_MS;
          do result = steps.next();
          while (!result.done && performance.now() < deadline);
          if (result.done) break;
          await new Promise((resolve) => setImmediate(resolve));
        }
        if (!result.value) continue; // the analysis changed while paused: start again with the latest state
        const also = [...this.alsoPublishPending];
        this.alsoPublishPending.clear();
        for (const file of new Set([...result.value, ...also])) this.sendFindings(file, this.analysis.findings(file));
        this.sendStatus({ state: 'ready', resources: this.analysis.index.resourceCount, files: this.analysis.fileNames().length });
        return;
      }
    } catch (error) {
      this.connection.console.error(`refresh failed: ${(error as Error).stack ?? String(error)}`);
    } finally {
      this.refreshing = false;
    }
  }

  /** `netlens/status`: what the server is doing (the scan reports its reading; each completed refresh, ready). */
  sendStatus(status: WorkspaceStatus): void {
    void this.connection.sendNotification(StatusNotification, status);
  }

  /** Profile problems as `cluster-profile` diagnostics on their files; files that had some and have none are cleared. */
  publishProfileIssues(issues: readonly ProfileFileIssue[]): void {
    const byUri = new Map<string, Diagnostic[]>();
    for (const issue of issues) {
      const uri = this.uris.uriOf(issue.file);
      byUri.set(uri, [...(byUri.get(uri) ?? []), profileDiagnostic(issue)]);
    }
    for (const uri of this.profileDiagnosticUris) if (!byUri.has(uri)) this.clear(uri);
    for (const [uri, diagnostics] of byUri) void this.connection.sendDiagnostics({ uri, diagnostics });
    this.profileDiagnosticUris = new Set(byUri.keys());
  }
}

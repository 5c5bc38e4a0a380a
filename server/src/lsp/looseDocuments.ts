/**
 * Documents that are not workspace files (untitled YAML, a `file:` URI of another host) are analysed on their own,
 * in an analysis of their own: syntax errors and the checks that read nothing but the document itself (the same set
 * the server publishes while the initial scan runs, `provisionalFindings`). They never enter the workspace index: a
 * Service in an unsaved buffer does not make a workspace Ingress's backend exist, and the document gets no finding
 * that would need the workspace (a selector that matches nothing, a backend that is missing) because nothing it
 * names can be judged from outside the workspace.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis } from '../engine/analysis';
import { tooLargeReason } from '../io/scanFiles';
import type { DocumentUris } from './documentUris';
import type { Publisher } from './publisher';
import type { WorkspaceFolders } from './workspaceFolders';

export class LooseDocuments {
  private readonly analysis: Analysis;

  constructor(
    private readonly folders: WorkspaceFolders,
    private readonly uris: DocumentUris,
    private readonly publisher: Publisher,
  ) {
    this.analysis = new Analysis({ settingsFor: () => folders.looseSettings.analysis });
  }

  /** True for a document of this machine's file system: a workspace file, not one of these. */
  isWorkspaceFile(uri: string): boolean {
    return this.uris.localPathOf(uri) !== undefined;
  }

  /** Analyses the document and publishes its findings; workspace files are left alone. */
  analyse(document: TextDocument): void {
    if (this.isWorkspaceFile(document.uri)) return;
    const limit = this.folders.looseSettings.maxFileSize;
    const text = document.getText();
    const size = Buffer.byteLength(text, 'utf8');
    if (size > limit) this.analysis.setSkippedFile(document.uri, tooLargeReason(size, limit));
    else this.analysis.setFile(document.uri, text);
    this.publisher.sendLooseFindings(document.uri, this.analysis, this.analysis.provisionalFindings(document.uri));
  }

  close(uri: string): void {
    this.analysis.removeFile(uri);
    this.publisher.clear(uri);
  }
}

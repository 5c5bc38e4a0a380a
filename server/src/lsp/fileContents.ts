/**
 * What the analysis holds for each file: the editor's text while the file is open, else the text on disk, or why the
 * file is skipped (over `netlens.maxFileSize`, unreadable). The size limit applies to the editor's text as to the
 * disk's: one 6 MB manifest took 26 s to open and 20 s per keystroke, with the server answering nothing meanwhile.
 */
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../engine/analysis';
import { fileSize, readManifest, tooLargeReason } from '../io/scanFiles';
import type { DocumentUris } from './documentUris';
import type { WorkspaceFolders } from './workspaceFolders';

/** A file's text, or why it is skipped. */
export type Content = { text: string } | { skipped: string };

export class FileContents {
  constructor(
    private readonly analysis: Analysis,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly uris: DocumentUris,
    private readonly folders: WorkspaceFolders,
  ) {}

  /** The open document of a file, if the editor has it open. */
  openDocument(file: string): TextDocument | undefined {
    return this.documents.get(this.uris.uriOf(file));
  }

  /** The editor's unsaved text of an open file. */
  openText(file: string): string | undefined {
    return this.openDocument(file)?.getText();
  }

  /** A file's text as the analysis should see it: the editor's unsaved text when it is open, else the disk's. */
  currentText(file: string): string | undefined {
    const open = this.openText(file);
    if (open !== undefined) return open;
    const read = readManifest(file);
    return 'text' in read ? read.text : undefined;
  }

  /** The file's content (`fromEditor`: the open document's text wins); undefined: the file is gone. */
  contentOf(file: string, fromEditor: boolean): Content | undefined {
    const limit = this.folders.settingsOf(file).maxFileSize;
    const open = fromEditor ? this.openDocument(file) : undefined;
    if (open) {
      const text = open.getText();
      const size = Buffer.byteLength(text, 'utf8');
      return size > limit ? { skipped: tooLargeReason(size, limit) } : { text };
    }
    const size = fileSize(file);
    if (size === undefined) return undefined;
    if (size > limit) return { skipped: tooLargeReason(size, limit) };
    const read = readManifest(file, { maxFileSize: limit });
    return 'error' in read ? { skipped: read.error } : { text: read.text };
  }

  /** Puts a file's content into the analysis (nothing: the file is removed). */
  load(file: string, content: Content | undefined): void {
    if (!content) this.analysis.removeFile(file);
    else if ('skipped' in content) this.analysis.setSkippedFile(file, content.skipped);
    else this.analysis.setFile(file, content.text);
  }

  /** The file as the editor has it (open) or as it is on disk. */
  loadCurrent(file: string): void {
    this.load(file, this.contentOf(file, true));
  }

  readFromDisk(file: string): void {
    this.load(file, this.contentOf(file, false));
  }
}

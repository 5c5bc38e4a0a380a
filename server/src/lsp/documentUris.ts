/**
 * Document URIs <-> the analysis's file keys. A `file:` URI of this machine is its local path; anything else
 * (untitled documents, other schemes, a `file:` URI of another host) keys by its URI and is no workspace file.
 * URIs are given back as the client spelled them for the files it opened: VS Code and Node encode some characters
 * differently, and a diagnostic under another spelling would be a second entry in the editor.
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export class DocumentUris {
  /** URIs as the client spells them, for files it opened. */
  private readonly clientUris = new Map<string, string>();

  /**
   * The local path of a `file:` URI; undefined for any other scheme and for a `file:` URI that names no local path
   * (`file://otherhost/x.yaml`, which fileURLToPath refuses): such a document is not a workspace file.
   */
  localPathOf(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  }

  /** The analysis's key for a document: its local path, else its URI. */
  fileOf(uri: string): string {
    return this.localPathOf(uri) ?? uri;
  }

  uriOf(file: string): string {
    return this.clientUris.get(file) ?? (path.isAbsolute(file) ? pathToFileURL(file).href : file);
  }

  /** The client opened this document: its spelling is the one to answer with. */
  opened(uri: string): void {
    this.clientUris.set(this.fileOf(uri), uri);
  }

  closed(uri: string): void {
    this.clientUris.delete(this.fileOf(uri));
  }
}

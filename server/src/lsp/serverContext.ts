/** What the server's modules share: the connection, the documents, the analysis and the pieces that serve it. */
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../engine/analysis';
import type { DocumentUris } from './documentUris';
import type { FileContents } from './fileContents';
import type { LooseDocuments } from './looseDocuments';
import type { Publisher } from './publisher';
import type { WorkspaceFolders } from './workspaceFolders';

/** What the client said it can do (`initialize`). */
export interface ClientSupport {
  configuration: boolean;
  watchRegistration: boolean;
  progress: boolean;
  /** Code actions resolved on demand (codeActions.ts). */
  codeActionResolve: boolean;
  /** WorkspaceEdits may carry change annotations (codeActions.ts: multi-file edits need confirmation). */
  changeAnnotations: boolean;
}

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  /** The workspace's files (the editor's text for open ones). */
  analysis: Analysis;
  uris: DocumentUris;
  folders: WorkspaceFolders;
  contents: FileContents;
  /** Documents that are no workspace files (untitled ones), analysed on their own. */
  loose: LooseDocuments;
  publisher: Publisher;
  client: ClientSupport;
}

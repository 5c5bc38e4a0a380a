/**
 * LSP handlers for the editor features (hover, definition, references, completion, symbols, code lens, code
 * actions). Each handler converts positions, calls an engine feature and converts the answer back; the features
 * themselves live in engine/features/ and speak offsets.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../engine/analysis';
import type { ServerCapabilities } from 'vscode-languageserver/node';

export interface FeatureHost {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  analysis: Analysis;
  /** The engine's key for a document URI (a file path for file: URIs). */
  fileOf(uri: string): string;
  /** The URI to show for an engine file key. */
  uriOf(file: string): string;
  /** The current text of a file: the open document's, else read from disk (undefined when unreadable). */
  textOf(file: string): string | undefined;
}

/** Capabilities the feature handlers provide, merged into the server's initialize result. */
export function featureCapabilities(): ServerCapabilities {
  return {};
}

export function registerFeatureHandlers(host: FeatureHost): void {
  void host;
}

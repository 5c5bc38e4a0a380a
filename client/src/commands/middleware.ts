/**
 * vscode-languageclient middleware for commands and code actions.
 *
 * `executeCommand`: every server command VS Code runs (from a code action, a code
 * lens or the palette commands, which call the same commands) passes here.
 *  - netlens.admitIngressController: asks for the controller's subnet when no manifest holds it (admitController.ts).
 *  - the generators and the migration: the server computes the edit without applying it (`apply: false`), and the
 *    client applies it so that nothing reaches the disk before the user saves (generatedEdits.ts); the documents
 *    it created or changed are shown. Callers that pass `apply: false` themselves get the server's reply untouched.
 * Every other command goes through unchanged.
 *
 * `resolveCodeAction`: the migration of one Ingress is offered without its edit (server/src/lsp/codeActions.ts);
 * chosen, it becomes the migrate command, which the client applies as above. The migration is computed once, when
 * chosen, and its new file is an unsaved document like the palette command's.
 */
import * as vscode from 'vscode';
import type { ExecuteCommandSignature, ResolveCodeActionSignature } from 'vscode-languageclient/node';
import {
  ADMIT_INGRESS_CONTROLLER_COMMAND,
  GENERATE_DEFAULT_DENY_COMMAND,
  GENERATE_POLICIES_COMMAND,
  MIGRATE_INGRESS_COMMAND,
  isMigrateActionData,
  type CommandOutcome,
  type MigrateIngressArgs,
} from '../../../server/src/protocol/commands';
import { admitIngressController } from './admitController';
import { applyGeneratedEdit } from './generatedEdits';

const GENERATORS: readonly string[] = [GENERATE_DEFAULT_DENY_COMMAND, GENERATE_POLICIES_COMMAND, MIGRATE_INGRESS_COMMAND];

/** Documents shown after a generator, at most (a workspace-wide run may write one per namespace). */
const SHOWN_DOCUMENTS = 3;

export async function executeCommandMiddleware(command: string, args: unknown[], next: ExecuteCommandSignature): Promise<unknown> {
  if (command === ADMIT_INGRESS_CONTROLLER_COMMAND) return admitIngressController(args, next);
  if (!GENERATORS.includes(command)) return next(command, args);
  const first = (args[0] ?? {}) as { apply?: boolean };
  if (first.apply === false) return next(command, args);
  const reply = (await next(command, [{ ...first, apply: false }, ...args.slice(1)])) as (CommandOutcome & { files?: string[] }) | null | undefined;
  if (!reply || reply.error || !reply.edit) return reply;
  const result = await applyGeneratedEdit(reply.edit, reply.label ?? command);
  if (!result.applied) return { ...reply, applied: false, failureReason: result.failureReason };
  for (const uri of result.documents.slice(0, SHOWN_DOCUMENTS)) await vscode.window.showTextDocument(uri, { preview: false });
  // `files`: where the written text is now (unsaved documents for new files).
  return { ...reply, applied: true, files: result.documents.map((uri) => uri.toString()) };
}

export async function resolveCodeActionMiddleware(item: vscode.CodeAction, token: vscode.CancellationToken, next: ResolveCodeActionSignature): Promise<vscode.CodeAction | null | undefined> {
  // vscode-languageclient keeps the server's `data` on the action it made (a ProtocolCodeAction).
  const data = (item as { data?: unknown }).data;
  if (!isMigrateActionData(data)) return next(item, token);
  const args: MigrateIngressArgs = { ingress: `${data.namespace}/${data.name}`, uri: data.uri };
  item.command = { title: item.title, command: MIGRATE_INGRESS_COMMAND, arguments: [args] };
  return item;
}

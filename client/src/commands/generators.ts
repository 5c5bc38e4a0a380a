/**
 * The generator commands of the palette. Each asks what it needs (a namespace, an Ingress) with a quick pick, runs
 * the server's command of the same purpose (netlens.generateDefaultDeny, netlens.generatePolicies,
 * netlens.migrateIngress; see server/src/lsp/codeActions.ts) the way a code action does, so that its edit arrives
 * as unsaved documents (commands/middleware.ts), then reports what it wrote and inferred. Called with an argument
 * object they ask nothing (tests, code lenses, other extensions) and return the server's reply.
 */
import * as vscode from 'vscode';
import {
  GENERATE_DEFAULT_DENY_COMMAND,
  GENERATE_POLICIES_COMMAND,
  MIGRATE_INGRESS_COMMAND,
  type DefaultDenyReply,
  type MigrationReply,
  type PoliciesReply,
  type ServerCommands,
} from '../../../server/src/protocol/commands';
import { iconFree, plural } from '../text';
import { pickNamespace, type CommandDeps } from './deps';

/** What the generator commands answer, read as one shape (every field is optional in each). */
export type GeneratorReply = DefaultDenyReply & PoliciesReply & MigrationReply;

/**
 * A namespace that has a default deny already gets no second one silently: the user is asked (Open It / Add Anyway;
 * dismissing cancels). Called with arguments, the question is shown without waiting and nothing is added unless
 * `addAnyway` is passed.
 */
export async function addDefaultDeny(deps: CommandDeps, args?: { namespace?: string; addAnyway?: boolean }): Promise<GeneratorReply | undefined> {
  const namespace = args?.namespace ?? (await pickNamespace(deps, 'Add Default-Deny for Namespace', 'Add default-deny NetworkPolicies (DNS still allowed) to which namespace?'));
  if (!namespace) return undefined;
  const what = `Default deny for namespace ${namespace}`;
  const reply = await run(deps, GENERATE_DEFAULT_DENY_COMMAND, { namespace, ...(args?.addAnyway ? { addAnyway: true } : {}) }, what);
  const existing = reply?.existing;
  if (!existing) return reply;
  const question = vscode.window.showWarningMessage(`Netlens: namespace ${namespace} already has a default deny (NetworkPolicy ${existing.name}); nothing was added.`, 'Open It', 'Add Anyway');
  const answer = async (choice: string | undefined) => {
    if (choice === 'Open It') {
      const { start, end } = existing.location.range;
      await vscode.window.showTextDocument(vscode.Uri.parse(existing.location.uri), { selection: new vscode.Range(start.line, start.character, end.line, end.character) });
    } else if (choice === 'Add Anyway') return run(deps, GENERATE_DEFAULT_DENY_COMMAND, { namespace, addAnyway: true }, what);
    return reply;
  };
  if (args) {
    void question.then(answer);
    return reply;
  }
  return answer(await question);
}

export async function generateNamespacePolicies(deps: CommandDeps, args?: { namespace?: string }): Promise<GeneratorReply | undefined> {
  const namespace = args?.namespace ?? (await pickNamespace(deps, 'Generate NetworkPolicies for Namespace', 'Generate least-privilege NetworkPolicies for which namespace?'));
  if (!namespace) return undefined;
  return run(deps, GENERATE_POLICIES_COMMAND, { namespace }, `NetworkPolicies for namespace ${namespace}`);
}

export async function migrateIngressToGateway(deps: CommandDeps, args?: { ingress?: string; ingressClass?: string }): Promise<GeneratorReply | undefined> {
  let target = args?.ingress ? { ingress: args.ingress } : args?.ingressClass ? { ingressClass: args.ingressClass } : undefined;
  if (!target) {
    const inventory = await deps.inventory();
    if (!inventory) return undefined;
    if (inventory.ingresses.length === 0) {
      void vscode.window.showInformationMessage('Netlens: no Ingress in the workspace to migrate.');
      return undefined;
    }
    interface Pick extends vscode.QuickPickItem {
      target: { ingress: string } | { ingressClass: string };
    }
    const classes = [...new Set(inventory.ingresses.map((i) => i.className).filter((c): c is string => !!c))].sort();
    const items: Pick[] = [
      ...inventory.ingresses.map((i): Pick => ({ label: `${i.namespace}/${i.name}`, description: i.className ? `class ${i.className}` : 'no class', target: { ingress: `${i.namespace}/${i.name}` } })),
      ...classes.map((c): Pick => ({ label: `$(layers) Every Ingress of class ${c}`, description: plural(inventory.ingresses.filter((i) => i.className === c).length, 'Ingress', 'Ingresses'), target: { ingressClass: c } })),
    ];
    const picked = await vscode.window.showQuickPick(items, { title: 'Migrate Ingress to Gateway API', placeHolder: 'Which Ingress (a Gateway and HTTPRoutes are written)?', matchOnDescription: true });
    if (!picked) return undefined;
    target = picked.target;
  }
  const what = 'ingress' in target ? `Ingress ${target.ingress}` : `the Ingresses of class ${target.ingressClass}`;
  return run(deps, MIGRATE_INGRESS_COMMAND, target, `Migration of ${what} to Gateway API`);
}

type GeneratorCommand = typeof GENERATE_DEFAULT_DENY_COMMAND | typeof GENERATE_POLICIES_COMMAND | typeof MIGRATE_INGRESS_COMMAND;

/**
 * Runs the server command through VS Code's command of the same id, so that the language client's middleware
 * applies the edit as unsaved documents and shows them (commands/middleware.ts), exactly as when a code action
 * runs it; then says what was written.
 */
async function run<C extends GeneratorCommand>(deps: CommandDeps, command: C, args: ServerCommands[C]['args'], what: string): Promise<ServerCommands[C]['reply'] | undefined> {
  const client = deps.client();
  if (!client?.isRunning()) {
    void vscode.window.showWarningMessage('Netlens: the language server is not running (Netlens: Restart Server starts it again).');
    return undefined;
  }
  const answer = await vscode.commands.executeCommand<ServerCommands[C]['reply'] | null | undefined>(command, args);
  if (!answer || answer.error) {
    void vscode.window.showErrorMessage(`Netlens: ${answer?.error ?? `${command} gave no answer`}`);
    return answer ?? undefined;
  }
  const reply: GeneratorReply = answer;
  const notes = notesOf(reply);
  for (const note of notes) deps.output.info(`${what}: ${note.severity}: ${note.message}`);
  if (reply.existing) return answer; // addDefaultDeny asks what to do
  const count = notes.length ? ` ${plural(notes.length, 'note')}.` : '';
  const showNotes = notes.length ? ['Show notes'] : [];
  const open = (choice: string | undefined) => choice === 'Show notes' && void pickNote(notes, what);
  // What is missing is said first, in the notification itself.
  const upFront = [
    ...(reply.refused ? ['refused: the policies would deny connections the manifests show'] : []),
    ...(reply.withheld ?? []).map((w) => `no default deny for namespace ${w.namespace} (${plural(w.reasons.length, 'workload lacks', 'workloads lack')} evidence)`),
    ...(reply.refusedIngresses ?? []).map((r) => `${r.ingress} not migrated: its security annotations would be dropped`),
  ].join('; ');
  if (!reply.applied) {
    void vscode.window.showWarningMessage(`Netlens: ${what}: nothing was written${upFront ? `: ${upFront}` : reply.failureReason ? ` (${reply.failureReason})` : ''}.${count}`, ...showNotes).then(open);
    return answer;
  }
  // The documents are open and unsaved (the middleware showed them): the user reviews them and saves.
  const show = upFront ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  void show(`Netlens: ${what}: ${summary(reply)}; ${upFront ? `${upFront}; ` : ''}review and save.${count}`, ...showNotes).then(open);
  return answer;
}

interface ShownNote {
  severity: 'error' | 'warning' | 'info';
  message: string;
  location?: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } };
}

/** The notes of any generator's reply, as one list (a migration's refusals, errors and warnings included). */
function notesOf(reply: GeneratorReply): ShownNote[] {
  return [
    ...(reply.notes ?? []),
    ...(reply.errors ?? []).map((message): ShownNote => ({ severity: 'error', message })),
    ...(reply.warnings ?? []).map((message): ShownNote => ({ severity: 'warning', message })),
  ];
}

/** "Show notes": every note in a list; picking one with a place opens it there. */
async function pickNote(notes: readonly ShownNote[], what: string): Promise<void> {
  const icon = { error: '$(error)', warning: '$(warning)', info: '$(info)' } as const;
  const picked = await vscode.window.showQuickPick(
    notes.map((note) => ({ label: `${icon[note.severity]} ${iconFree(note.message)}`, note })),
    { title: `${what}: notes`, matchOnDescription: true },
  );
  const location = picked?.note.location;
  if (!location) return;
  const { start, end } = location.range;
  await vscode.window.showTextDocument(vscode.Uri.parse(location.uri), { selection: new vscode.Range(start.line, start.character, end.line, end.character) });
}

/** `2 NetworkPolicies (default-deny, allow-dns)`, `1 Gateway and 2 routes`. */
function summary(reply: Pick<GeneratorReply, 'policies' | 'gateways' | 'routes'>): string {
  if (reply.policies?.length) {
    const names = `${reply.policies.slice(0, 4).join(', ')}${reply.policies.length > 4 ? ', …' : ''}`;
    return `${plural(reply.policies.length, 'NetworkPolicy', 'NetworkPolicies')} (${names})`;
  }
  if (reply.routes) return `${plural(reply.gateways?.length ?? 0, 'Gateway')} and ${plural(reply.routes.length, 'route')} written`;
  return 'written';
}

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
import { plural } from '../text';
import { pickNamespace, type CommandDeps } from './deps';

/** What the generator commands answer, read as one shape (every field is optional in each). */
export type GeneratorReply = DefaultDenyReply & PoliciesReply & MigrationReply;

export async function addDefaultDeny(deps: CommandDeps, args?: { namespace?: string }): Promise<GeneratorReply | undefined> {
  const namespace = args?.namespace ?? (await pickNamespace(deps, 'Add Default-Deny for Namespace', 'Add default-deny NetworkPolicies (DNS still allowed) to which namespace?'));
  if (!namespace) return undefined;
  return run(deps, GENERATE_DEFAULT_DENY_COMMAND, { namespace }, `Default deny for namespace ${namespace}`);
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
  for (const note of reply.notes ?? []) deps.output.info(`${what}: ${note.severity}: ${note.message}`);
  const notes = reply.notes?.length ? ` ${plural(reply.notes.length, 'note')} in the Kube Netlens output.` : '';
  const showNotes = notes ? ['Show notes'] : [];
  if (!reply.applied) {
    void vscode.window.showWarningMessage(`Netlens: ${what}: nothing was written${reply.failureReason ? ` (${reply.failureReason})` : ''}.${notes}`, ...showNotes).then((choice) => choice && deps.output.show(true));
    return answer;
  }
  // The documents are open and unsaved (the middleware showed them): the user reviews them and saves.
  void vscode.window.showInformationMessage(`Netlens: ${what}: ${summary(reply)}; review and save.${notes}`, ...showNotes).then((choice) => choice && deps.output.show(true));
  return answer;
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

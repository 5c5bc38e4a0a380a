/**
 * Code actions and commands for the engine's fixes and generators (engine/fixes/): converts diagnostics to fix
 * targets (offsets, rule id, data), engine edits to WorkspaceEdits (UTF-16 positions of each file's current text),
 * and runs the generator commands, which apply their edit through `workspace/applyEdit` and return what they
 * inferred so that a client can show it.
 *
 * The commands, their arguments and replies are in protocol/commands.ts (docs/fixes.md says the contract in words).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionParams,
  type Command,
  type CreateFile,
  type Diagnostic,
  type ExecuteCommandParams,
  type Range,
  type TextDocumentEdit,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { Ingress } from '../engine/model/resources';
import type { IngressControllerProfile } from '../engine/profile/types';
import {
  admitIngressControllerChange,
  defaultGatewayClass,
  describeEndpoint,
  evidenceWhere,
  generateDefaultDeny,
  generatePolicies,
  ignoreFixes,
  ingressesOfClass,
  migrateIngresses,
  MIGRATION_FIXED_RULES,
  quickFixes,
  type CodeFix,
  type EdgeNote,
  type FixContext,
  type MigrationResult,
  type TrafficEdge,
  type WorkspaceChange,
} from '../engine/fixes/index';
import { LineIndex } from '../engine/syntax/lineIndex';
import type { Span } from '../engine/syntax/tree';
import { plainLabel } from '../engine/util/displayText';
import {
  ADMIT_INGRESS_CONTROLLER_COMMAND,
  GENERATE_DEFAULT_DENY_COMMAND,
  GENERATE_POLICIES_COMMAND,
  MIGRATE_INGRESS_COMMAND,
  isMigrateActionData,
  type AdmitIngressControllerReply,
  type CommandOutcome,
  type DefaultDenyReply,
  type GeneratorNote,
  type MigrateActionData,
  type MigrationReply,
  type PoliciesReply,
  type TrafficEdgeReply,
} from '../protocol/commands';
import { START_OF_FILE, toRange, toSpan } from './convert';
import { plainText } from '../engine/util/plainText';
import type { FeatureHost } from './features';

export const CODE_ACTION_KINDS: readonly string[] = [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, CodeActionKind.Source];

/** The client resolves a code action's edit on demand (and sends back the `data` the server put in it). */
export function clientResolvesCodeActions(capabilities: ClientCapabilities): boolean {
  const codeAction = capabilities.textDocument?.codeAction;
  return codeAction?.dataSupport === true && (codeAction.resolveSupport?.properties ?? []).includes('edit');
}

/** What code actions need from the server: the feature host (documents, analysis, file IO). */
export type CodeActionHost = FeatureHost;

/** The id of the change annotation of edits that need the user's confirmation (see `workspaceEdit`). */
const CONFIRMED_CHANGE = 'netlens.confirm';

export class CodeActionProvider {
  constructor(private readonly host: CodeActionHost) {}

  private context(file?: string): FixContext {
    const ctx: FixContext = { index: this.host.analysis.index, textOf: (f) => this.host.textOf(f), settingsFor: (f) => this.host.analysis.settingsOf(f) };
    const profile = file ? this.host.analysis.settingsOf(file).profile : undefined;
    if (profile) ctx.profile = profile;
    return ctx;
  }

  /** `textDocument/codeAction`: quick-fixes for our diagnostics in range, plus refactors for the object at the cursor. */
  codeActions(params: CodeActionParams): CodeAction[] {
    const file = this.host.fileOf(params.textDocument.uri);
    const text = this.host.documents.get(params.textDocument.uri)?.getText() ?? this.host.textOf(file);
    if (text === undefined) return [];
    const lines = new LineIndex(text);
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const actions: CodeAction[] = [];
    const silencing: CodeAction[] = [];
    const ctx = this.context(file);
    if (wants(CodeActionKind.QuickFix)) {
      for (const diagnostic of params.context.diagnostics) {
        const ruleId = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
        if (diagnostic.source !== 'netlens' || !ruleId || ruleId === 'cluster-profile') continue;
        const data = { ...((diagnostic.data as Record<string, unknown> | undefined) ?? {}) };
        delete data.ruleId;
        const target = { ruleId, file, span: toSpan(lines, diagnostic.range), data };
        for (const fix of quickFixes(ctx, target)) {
          if (!this.outsideWorkspace(fix.change, file)) actions.push(this.toCodeAction(fix, params.textDocument.uri, [diagnostic]));
        }
        // The two ways to silence a finding (every finding has them) come after every repair.
        for (const fix of ignoreFixes(ctx, target)) silencing.push(this.toCodeAction(fix, params.textDocument.uri, [diagnostic]));
      }
    }
    const cursor = toSpan(lines, params.range);
    const ingress = this.host.analysis.index.resourcesOf(file).find((r) => r.kind === 'Ingress' && r.span.start <= cursor.start && cursor.end <= r.span.end) as Ingress | undefined;
    // The retirement notice's fix is the migration itself (fixes/registry.ts): offered as its quick-fix (then not
    // again as a refactor).
    const retirement = params.context.diagnostics.find((d) => d.source === 'netlens' && typeof d.code === 'string' && MIGRATION_FIXED_RULES.includes(d.code));
    const migrateAs = ingress && retirement && wants(CodeActionKind.QuickFix) ? CodeActionKind.QuickFix : ingress && wants(CodeActionKind.RefactorRewrite) ? CodeActionKind.RefactorRewrite : undefined;
    if (ingress && migrateAs) {
      const action = this.host.resolvesCodeActions() ? this.lazyMigration(ingress, params.textDocument.uri) : this.migration(ingress, file);
      if (action) {
        action.kind = migrateAs;
        if (migrateAs === CodeActionKind.QuickFix) action.diagnostics = [retirement!];
        actions.push(action);
      }
    }
    actions.push(...silencing);
    if (ingress && wants(CodeActionKind.RefactorRewrite)) {
      const className = ingress.ingressClassName ?? ingress.annotations['kubernetes.io/ingress.class'];
      if (className && ingressesOfClass(this.host.analysis.index, className).length > 1) {
        actions.push({
          title: `Migrate every Ingress of class \`${plainLabel(className)}\` to Gateway API (${defaultGatewayClass(this.host.analysis.index, ingress)})`,
          kind: CodeActionKind.RefactorRewrite,
          command: { title: 'Migrate Ingresses', command: MIGRATE_INGRESS_COMMAND, arguments: [{ ingressClass: className, uri: params.textDocument.uri }] },
        });
      }
    }
    const namespace = this.host.analysis.index.resourcesOf(file).find((r) => r.namespace && r.span.start <= cursor.start && cursor.end <= r.span.end)?.namespace;
    if (namespace && wants(CodeActionKind.Source)) {
      actions.push(
        { title: `Add default-deny NetworkPolicies (DNS allowed) for namespace \`${plainLabel(namespace)}\``, kind: CodeActionKind.Source, command: { title: 'Add default deny', command: GENERATE_DEFAULT_DENY_COMMAND, arguments: [{ namespace, uri: params.textDocument.uri }] } },
        { title: `Generate least-privilege NetworkPolicies for namespace \`${plainLabel(namespace)}\``, kind: CodeActionKind.Source, command: { title: 'Generate NetworkPolicies', command: GENERATE_POLICIES_COMMAND, arguments: [{ namespace, uri: params.textDocument.uri }] } },
      );
    }
    // Titles are plain text in every editor's menu: names in quotes, not markdown code spans.
    return actions.map((action) => ({ ...action, title: plainText(action.title) }));
  }

  /**
   * The migration of one Ingress, computed now (for clients that cannot resolve code actions): the title lists the
   * annotations it does not translate. Undefined when it would write outside the workspace.
   */
  private migration(ingress: Ingress, file: string): CodeAction | undefined {
    const migration = migrateIngresses(this.context(file), [ingress]);
    if (this.outsideWorkspace(migration.change, file)) return undefined;
    const action: CodeAction = { title: `${migrationTitle(ingress, migration.gatewayClass)}${untranslatedSuffix(migration)}`, edit: this.workspaceEdit(migration.change, migrationLabel(ingress)) };
    // Refused by the migration (what it cannot translate safely): shown, greyed out, with the reason.
    if (migration.errors.length) action.disabled = { reason: migration.errors.join('; ') };
    return action;
  }

  /**
   * The migration of one Ingress as an action whose edit `codeAction/resolve` computes: the editor asks for code
   * actions at every cursor move inside an Ingress, and a whole migration (Gateway, routes, annotations, the written
   * YAML read back) is far more than a menu entry is worth. The title cannot list what is not translated; the
   * generated file's header does.
   */
  private lazyMigration(ingress: Ingress, uri: string): CodeAction {
    const data: MigrateActionData = { resolve: 'migrateIngress', uri, namespace: ingress.namespace, name: ingress.name };
    return { title: migrationTitle(ingress, defaultGatewayClass(this.host.analysis.index, ingress)), data };
  }

  /** `codeAction/resolve`: the edit of an action offered without one. Actions it does not know come back as they are. */
  async resolve(action: CodeAction): Promise<CodeAction> {
    const data = action.data;
    if (!isMigrateActionData(data)) return action;
    const file = this.host.fileOf(data.uri);
    const index = this.host.analysis.index;
    const ingress = (index.resourcesOf(file).find((r) => r.kind === 'Ingress' && r.namespace === data.namespace && r.name === data.name) ??
      index.lookup('Ingress', data.namespace, data.name)[0]) as Ingress | undefined;
    if (!ingress) {
      void this.host.connection.window.showWarningMessage(`Netlens: Ingress ${data.namespace}/${data.name} is no longer in the workspace; nothing was migrated.`);
      return action;
    }
    const migration = migrateIngresses(this.context(file), [ingress]);
    // Refused by the migration: the menu could not know before it ran; the user is told why.
    if (migration.errors.length) {
      void this.host.connection.window.showWarningMessage(`Netlens: not migrated: ${migration.errors.join('; ')}`);
      return action;
    }
    const outside = this.outsideWorkspace(migration.change, file);
    if (outside) {
      void this.host.connection.window.showWarningMessage(`Netlens: ${plainText(outside)}`);
      return action;
    }
    return { ...action, edit: this.workspaceEdit(migration.change, migrationLabel(ingress)) };
  }

  /**
   * Why a change may not be offered or applied: it writes outside the workspace folder of `source`, the manifest it
   * was made from (outside every folder: the manifest's own directory). Generated file names come from manifest text
   * (util/fileName.ts makes them one safe segment); this is the last check, on the final paths, symbolic links
   * resolved, whatever produced them (a name, a `directory` or `appendTo` argument).
   */
  outsideWorkspace(change: WorkspaceChange, source: string | undefined): string | undefined {
    const targets = [...change.edits.map((e) => e.file), ...change.newFiles.map((f) => f.file)];
    if (targets.length === 0) return undefined;
    const sourceRoot = source && path.isAbsolute(source) ? (this.host.workspaceRootOf(source) ?? path.dirname(source)) : undefined;
    for (const target of targets) {
      // Without a source manifest (a command given only a namespace), the folder the target itself is in.
      const root = sourceRoot ?? (path.isAbsolute(target) ? this.host.workspaceRootOf(target) : undefined);
      if (!root || !path.isAbsolute(target)) return `${target} is not in a workspace folder: not written`;
      if (!isInside(realPath(root), realPath(target))) return `${target} is outside the workspace folder ${root}: not written`;
    }
    return undefined;
  }

  private toCodeAction(fix: CodeFix, uri: string, diagnostics: Diagnostic[]): CodeAction {
    const action: CodeAction = { title: fix.title, kind: fix.kind, diagnostics };
    if (fix.isPreferred) action.isPreferred = true;
    // Refused by the engine's guard (an anchor reused elsewhere, an edit that would not read back): shown, greyed out.
    if (fix.disabled) action.disabled = { reason: fix.disabled };
    if (fix.change.edits.length || fix.change.newFiles.length) action.edit = this.workspaceEdit(fix.change, fix.title);
    if (fix.command) {
      // Engine arguments name files by key; clients get URIs.
      const args = fix.command.arguments.map((a) => (a && typeof a === 'object' && 'file' in a ? { ...(a as object), uri: this.host.uriOf((a as { file: string }).file), file: undefined } : a));
      action.command = { title: fix.command.title, command: fix.command.command, arguments: args.length ? args : [{ uri }] } as Command;
    }
    return action;
  }

  /**
   * Engine edits -> WorkspaceEdit: `changes` when only existing files change, `documentChanges` when files are
   * created. An edit that creates files or touches more than one carries a change annotation that needs
   * confirmation, for clients that support them: the user sees every file in a preview (VS Code's Refactor Preview)
   * before anything is written. `label` names the change there.
   */
  workspaceEdit(change: WorkspaceChange, label: string): WorkspaceEdit {
    const byFile = new Map<string, LspTextEdit[]>();
    for (const edit of change.edits) {
      const text = this.host.textOf(edit.file) ?? '';
      const lines = new LineIndex(text);
      byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), { range: toRange(lines, edit.span), newText: edit.newText }]);
    }
    const confirm = this.host.annotatesChanges() && (change.newFiles.length > 0 || byFile.size > 1);
    if (change.newFiles.length === 0 && !confirm) {
      const changes: Record<string, LspTextEdit[]> = {};
      for (const [file, edits] of byFile) changes[this.host.uriOf(file)] = edits;
      return { changes };
    }
    const annotated = <T extends object>(item: T): T => (confirm ? { ...item, annotationId: CONFIRMED_CHANGE } : item);
    const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
    for (const [file, edits] of byFile) documentChanges.push({ textDocument: { uri: this.host.uriOf(file), version: this.versionOf(file) }, edits: edits.map(annotated) });
    for (const created of change.newFiles) {
      const uri = this.uriForNewFile(created.file);
      documentChanges.push(annotated<CreateFile>({ kind: 'create', uri, options: { ignoreIfExists: true } }));
      documentChanges.push({ textDocument: { uri, version: null }, edits: [annotated({ range: START_OF_FILE, newText: created.text })] });
    }
    if (!confirm) return { documentChanges };
    const files = byFile.size + change.newFiles.length;
    return {
      documentChanges,
      changeAnnotations: {
        [CONFIRMED_CHANGE]: { label, needsConfirmation: true, description: `${files} ${files === 1 ? 'file' : 'files'}${change.newFiles.length ? `, ${change.newFiles.length} new` : ''}` },
      },
    };
  }

  private versionOf(file: string): number | null {
    return this.host.documents.get(this.host.uriOf(file))?.version ?? null;
  }

  private uriForNewFile(file: string): string {
    const uri = this.host.uriOf(file);
    return uri === file && file.startsWith('/') ? pathToFileURL(file).href : uri;
  }

  /** `workspace/executeCommand`. Unknown commands and bad arguments answer `{error}`; nothing throws. */
  async execute(params: ExecuteCommandParams): Promise<CommandOutcome> {
    const reply = await this.run(params);
    // Errors end up in notifications: plain text, names in quotes.
    return reply.error === undefined ? reply : { ...reply, error: plainText(reply.error) };
  }

  private async run(params: ExecuteCommandParams): Promise<CommandOutcome> {
    const args = ((params.arguments ?? [])[0] ?? {}) as Record<string, unknown>;
    switch (params.command) {
      case GENERATE_DEFAULT_DENY_COMMAND:
        return this.defaultDeny(args);
      case GENERATE_POLICIES_COMMAND:
        return this.policies(args);
      case MIGRATE_INGRESS_COMMAND:
        return this.migrate(args);
      case ADMIT_INGRESS_CONTROLLER_COMMAND:
        return this.admitController(args);
      default:
        return { error: `unknown command ${params.command}` };
    }
  }

  private fileArg(args: Record<string, unknown>, key: string): string | undefined {
    const value = args[key];
    return typeof value === 'string' && value ? this.host.fileOf(value) : undefined;
  }

  private namespaceArg(args: Record<string, unknown>): string | undefined {
    if (typeof args.namespace === 'string' && args.namespace) return args.namespace;
    const file = this.fileArg(args, 'uri');
    return file ? this.host.analysis.index.resourcesOf(file).find((r) => r.namespace)?.namespace : undefined;
  }

  private async apply(label: string, change: WorkspaceChange, args: Record<string, unknown>, source: string | undefined): Promise<CommandOutcome> {
    const outside = this.outsideWorkspace(change, source);
    if (outside) return { applied: false, error: outside };
    const edit = this.workspaceEdit(change, label);
    if (args.apply === false || (change.edits.length === 0 && change.newFiles.length === 0)) return { applied: false, edit, label };
    const response = await this.host.connection.workspace.applyEdit({ label, edit });
    const result: CommandOutcome = { applied: response.applied, edit, label };
    if (response.failureReason) result.failureReason = response.failureReason;
    return result;
  }

  private placement(args: Record<string, unknown>): { appendTo?: string; directory?: string } {
    const out: { appendTo?: string; directory?: string } = {};
    const appendTo = this.fileArg(args, 'appendTo');
    if (appendTo) out.appendTo = appendTo;
    const directory = this.fileArg(args, 'directory');
    if (directory) out.directory = /[\\/]$/.test(directory) ? directory : `${directory}/`;
    return out;
  }

  private async defaultDeny(args: Record<string, unknown>): Promise<DefaultDenyReply> {
    const namespace = this.namespaceArg(args);
    if (!namespace) return { error: 'netlens.generateDefaultDeny needs a namespace (or the uri of a manifest in it)' };
    const file = this.fileArg(args, 'uri');
    const result = generateDefaultDeny(this.context(file), namespace, this.placement(args), args.addAnyway === true);
    if (result.existing) {
      // Nothing added: the client offers to open the existing one or to add another anyway.
      return { applied: false, namespace, notes: result.notes.map((n) => this.note(n)), existing: { name: result.existing.name, location: this.location(result.existing.file, result.existing.nameSpan) } };
    }
    const applied = await this.apply(`Default deny for namespace ${namespace}`, result.change, args, file);
    return { ...applied, namespace, files: result.documents.map((d) => this.uriForNewFile(d.file)), policies: result.documents.flatMap((d) => d.policies), notes: result.notes.map((n) => this.note(n)) };
  }

  private async policies(args: Record<string, unknown>): Promise<PoliciesReply> {
    const namespace = typeof args.namespace === 'string' ? args.namespace : args.uri ? this.namespaceArg(args) : undefined;
    const file = this.fileArg(args, 'uri');
    const controllers = Array.isArray(args.ingressControllers) ? (args.ingressControllers as IngressControllerProfile[]).filter((c) => c && typeof c.class === 'string') : undefined;
    const result = generatePolicies(this.context(file), { ...(namespace ? { namespace } : {}), ...(controllers ? { ingressControllers: controllers } : {}), ...this.placement(args), ...(args.force === true ? { force: true } : {}) });
    const applied = await this.apply(`NetworkPolicies for ${namespace ? `namespace ${namespace}` : 'the workspace'}`, result.change, args, file);
    return {
      ...applied,
      namespaces: result.namespaces,
      edges: result.edges.map((e) => this.edge(e)),
      notes: result.notes.map((n) => this.note(n)),
      files: result.documents.map((d) => this.uriForNewFile(d.file)),
      policies: result.documents.flatMap((d) => d.policies.map((p) => `${d.namespace}/${p}`)),
      withheld: result.withheld.map((w) => ({ namespace: w.namespace, reasons: w.reasons.map((r) => plainText(r)) })),
      refused: result.refused,
    };
  }

  private async migrate(args: Record<string, unknown>): Promise<MigrationReply> {
    const index = this.host.analysis.index;
    let ingresses: Ingress[] = [];
    if (typeof args.ingressClass === 'string') ingresses = ingressesOfClass(index, args.ingressClass);
    else if (typeof args.ingress === 'string') {
      const [namespace, name] = args.ingress.includes('/') ? args.ingress.split('/', 2) : [undefined, args.ingress];
      ingresses = index.ofKind('Ingress').filter((i) => i.name === name && (namespace === undefined || i.namespace === namespace)).slice(0, 1);
    } else {
      const file = this.fileArg(args, 'uri');
      if (file) ingresses = index.resourcesOf(file).filter((r): r is Ingress => r.kind === 'Ingress').slice(0, 1);
    }
    if (ingresses.length === 0) return { error: 'netlens.migrateIngress found no Ingress: pass ingress (ns/name), ingressClass, or the uri of a file holding one' };
    const options = { ...this.placement(args), ...(typeof args.gatewayClass === 'string' ? { gatewayClass: args.gatewayClass } : {}), ...(typeof args.gatewayName === 'string' ? { gatewayName: args.gatewayName } : {}), ...(args.force === true ? { force: true } : {}) };
    const result: MigrationResult = migrateIngresses(this.context(ingresses[0]!.file), ingresses, options);
    const label = result.ingresses.length === 1 ? `Migrate Ingress ${result.ingresses[0]} to Gateway API` : `Migrate ${result.ingresses.length} Ingresses to Gateway API`;
    const applied = await this.apply(label, result.change, args, this.fileArg(args, 'uri') ?? ingresses[0]!.file);
    return {
      ...applied,
      gatewayClass: result.gatewayClass,
      ingresses: result.ingresses,
      gateways: result.gateways,
      routes: result.routes,
      translated: result.annotations.filter((a) => a.translated),
      untranslated: result.untranslated,
      warnings: result.warnings,
      errors: result.errors,
      files: result.documents.map((d) => this.uriForNewFile(d.file)),
      refusedIngresses: result.refused.map((r) => ({ ingress: r.ingress, annotations: r.annotations, reason: plainText(r.reason) })),
      reusedGateways: result.reusedGateways,
    };
  }

  private async admitController(args: Record<string, unknown>): Promise<AdmitIngressControllerReply> {
    const file = this.fileArg(args, 'uri') ?? this.fileArg(args, 'file');
    if (!file || !args.data || typeof args.data !== 'object') return { error: 'netlens.admitIngressController needs uri and data (the diagnostic data)' };
    const data = { ...(args.data as Record<string, unknown>) };
    if (typeof args.controllerCidr === 'string' && args.controllerCidr) data.controllerCidr = args.controllerCidr;
    if (typeof args.controllerNamespace === 'string' && args.controllerNamespace) data.controllerNamespace = args.controllerNamespace;
    const span = args.span && typeof args.span === 'object' ? (args.span as Span) : undefined;
    const result = admitIngressControllerChange(this.context(file), { data, file, ...(span ? { span } : {}) });
    if ('error' in result) {
      // Clients that do not ask for the CIDR themselves (see docs/fixes.md) at least tell the user what is missing.
      void this.host.connection.window.showWarningMessage(`Netlens: ${plainText(result.error)}`);
      return { error: plainText(result.error) };
    }
    return { ...(await this.apply(result.title, { edits: result.edits, newFiles: [] }, args, file)), title: result.title };
  }

  private edge(edge: TrafficEdge): TrafficEdgeReply {
    return {
      from: describeEndpoint(edge.from),
      to: describeEndpoint(edge.to),
      port: edge.port,
      protocol: edge.protocol,
      origin: edge.origin,
      text: `${describeEndpoint(edge.from)} -> ${describeEndpoint(edge.to)} : ${edge.protocol} ${edge.port}`,
      evidence: edge.evidence.map((e) => ({ text: e.text, where: evidenceWhere(e, (f) => f), location: this.location(e.file, e.span) })),
    };
  }

  private note(note: EdgeNote): GeneratorNote {
    return { severity: note.severity, message: plainText(note.message), ...(note.file && note.span ? { location: this.location(note.file, note.span) } : {}) };
  }

  private location(file: string, span: Span): { uri: string; range: Range } {
    const lines = this.host.analysis.lineIndex(file) ?? new LineIndex(this.host.textOf(file) ?? '');
    return { uri: this.host.uriOf(file), range: toRange(lines, span) };
  }
}

function untranslatedSuffix(migration: MigrationResult): string {
  if (migration.untranslated.length === 0) return '';
  const names = migration.untranslated.map((u) => u.annotation.replace(/^nginx\.ingress\.kubernetes\.io\//, ''));
  return ` — not translated: ${names.slice(0, 4).join(', ')}${names.length > 4 ? ` and ${names.length - 4} more` : ''}`;
}

function migrationLabel(ingress: Ingress): string {
  return `Migrate Ingress ${ingress.namespace}/${ingress.name} to Gateway API`;
}

function migrationTitle(ingress: Ingress, gatewayClass: string): string {
  return `Migrate Ingress \`${plainLabel(ingress.name)}\` to Gateway API (${gatewayClass})`;
}

/** The real path of a file that may not exist yet: its nearest existing ancestor resolved (symbolic links followed). */
function realPath(file: string): string {
  const missing: string[] = [];
  let existing = path.resolve(file);
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(existing), ...missing.reverse());
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return path.resolve(file);
      missing.push(path.basename(existing));
      existing = parent;
    }
  }
}

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

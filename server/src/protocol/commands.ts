/**
 * The commands between the Netlens language server and its clients, with their argument and reply shapes
 * (`workspace/executeCommand`, one argument object each; docs/fixes.md has the contract in words). Pure types and
 * ids: the server (lsp/codeActions.ts), the VS Code client (client/src/commands/) and the protocol tests import them.
 *
 * Server-executed (advertised in `executeCommandProvider`): each computes an edit, applies it through
 * `workspace/applyEdit` (unless `apply: false`) and answers what it did and inferred; unknown commands and bad
 * arguments answer `{ error }`, never an exception. Client-executed: `netlens.showLocations` (code lenses).
 * URIs are what the client sends (file URIs); engine offsets never cross the protocol except `span` of
 * `netlens.admitIngressController`, which the server itself put in the code action.
 */
import type { Location, Position, WorkspaceEdit } from 'vscode-languageserver-types';
import { ADMIT_INGRESS_CONTROLLER_COMMAND, SHOW_CONNECTIVITY_CHANGES_COMMAND, SHOW_LOCATIONS_COMMAND } from '../engine/features/commandIds';

export { ADMIT_INGRESS_CONTROLLER_COMMAND, SHOW_CONNECTIVITY_CHANGES_COMMAND, SHOW_LOCATIONS_COMMAND };

export const GENERATE_DEFAULT_DENY_COMMAND = 'netlens.generateDefaultDeny';
export const GENERATE_POLICIES_COMMAND = 'netlens.generatePolicies';
export const MIGRATE_INGRESS_COMMAND = 'netlens.migrateIngress';

/** Where a generator writes: appended to a file, or new files in a folder (URIs); the default is beside the sources. */
export interface Placement {
  appendTo?: string;
  directory?: string;
}

interface CommandArgs {
  /** false: compute and answer the edit without applying it. */
  apply?: boolean;
}

export interface GenerateDefaultDenyArgs extends CommandArgs, Pick<Placement, 'appendTo'> {
  /** Else the namespace of the first object in `uri`. */
  namespace?: string;
  uri?: string;
  /** Add one even when the namespace has a default deny already (the user chose "Add Anyway"). */
  addAnyway?: boolean;
}

export interface IngressControllerArg {
  class: string;
  namespace?: string;
  subnetCidr?: string;
}

export interface GeneratePoliciesArgs extends CommandArgs, Placement {
  /** Else the namespace of the first object in `uri`; with neither, every namespace with workloads. */
  namespace?: string;
  uri?: string;
  ingressControllers?: IngressControllerArg[];
  /** Write default denies even where evidence is missing or the check of the output fails. */
  force?: boolean;
}

/** One of `ingress` (`ns/name`), `ingressClass`, `uri` (the first Ingress of that file). */
export interface MigrateIngressArgs extends CommandArgs, Placement {
  ingress?: string;
  ingressClass?: string;
  uri?: string;
  gatewayClass?: string;
  gatewayName?: string;
  /** Migrate Ingresses whose security annotations cannot be translated. */
  force?: boolean;
}

export interface AdmitIngressControllerArgs extends CommandArgs {
  /** The finding's file. */
  uri: string;
  /** The diagnostic's data. */
  data: Record<string, unknown>;
  controllerCidr?: string;
  controllerNamespace?: string;
  /** The finding's span as engine offsets (the server puts it in the code action; clients pass it through). */
  span?: { start: number; end: number };
}

/** What every server command answers. */
export interface CommandOutcome {
  applied?: boolean;
  /** The edit (applied or not). */
  edit?: WorkspaceEdit;
  /** The client's reason when it did not apply the edit. */
  failureReason?: string;
  /** The command could not run (bad arguments, nothing to do, a target outside the workspace). */
  error?: string;
  /** What the change is called (the label of its `workspace/applyEdit` and of its change annotation). */
  label?: string;
}

export interface GeneratorNote {
  severity: 'error' | 'warning' | 'info';
  message: string;
  location?: Location;
}

export interface DefaultDenyReply extends CommandOutcome {
  namespace?: string;
  /** URIs of the files written. */
  files?: string[];
  policies?: string[];
  notes?: GeneratorNote[];
  /** The namespace has a default deny already: nothing was added (ask again with addAnyway to add one). */
  existing?: { name: string; location: Location };
}

export interface TrafficEdgeReply {
  from: string;
  to: string;
  port: number | string;
  protocol: 'TCP' | 'UDP' | 'SCTP';
  origin: string;
  /** `from -> to : TCP 8080`. */
  text: string;
  evidence: { text: string; where: string; location: Location }[];
}

export interface PoliciesReply extends CommandOutcome {
  namespaces?: string[];
  edges?: TrafficEdgeReply[];
  notes?: GeneratorNote[];
  files?: string[];
  /** `ns/name` of each policy written. */
  policies?: string[];
  /** Namespaces whose default deny was not written, with the reasons. */
  withheld?: { namespace: string; reasons: string[] }[];
  /** Nothing was written: the policies would deny connections the manifests show (the error notes say which). */
  refused?: boolean;
}

export interface AnnotationOutcomeReply {
  ingress: string;
  annotation: string;
  value: string;
  translated: boolean;
  detail: string;
}

export interface MigrationReply extends CommandOutcome {
  gatewayClass?: string;
  ingresses?: string[];
  gateways?: string[];
  routes?: string[];
  translated?: AnnotationOutcomeReply[];
  untranslated?: AnnotationOutcomeReply[];
  warnings?: string[];
  /** Why Ingresses were not migrated (what cannot be translated safely). */
  errors?: string[];
  files?: string[];
  /** Ingresses not migrated because their security annotations would be dropped (ask again with force). */
  refusedIngresses?: { ingress: string; annotations: string[]; reason: string }[];
  /** Gateways of an earlier migration the routes attach to. */
  reusedGateways?: string[];
}

export interface AdmitIngressControllerReply extends CommandOutcome {
  title?: string;
}

/** Each server command's argument and reply. */
export interface ServerCommands {
  [GENERATE_DEFAULT_DENY_COMMAND]: { args: GenerateDefaultDenyArgs; reply: DefaultDenyReply };
  [GENERATE_POLICIES_COMMAND]: { args: GeneratePoliciesArgs; reply: PoliciesReply };
  [MIGRATE_INGRESS_COMMAND]: { args: MigrateIngressArgs; reply: MigrationReply };
  [ADMIT_INGRESS_CONTROLLER_COMMAND]: { args: AdmitIngressControllerArgs; reply: AdmitIngressControllerReply };
}

export type ServerCommand = keyof ServerCommands;

/** The commands the server executes, in the order it advertises them. */
export const SERVER_COMMANDS: readonly ServerCommand[] = [GENERATE_DEFAULT_DENY_COMMAND, GENERATE_POLICIES_COMMAND, MIGRATE_INGRESS_COMMAND, ADMIT_INGRESS_CONTROLLER_COMMAND];

/** The argument of `netlens.showLocations`: where the lens is and what clicking it shows. */
export interface ShowLocationsArgs {
  uri: string;
  position: Position;
  locations: Location[];
}

/** The argument of `netlens.showConnectivityChanges`: the lens's title and one line per changed pair. */
export interface ShowConnectivityChangesArgs {
  title: string;
  changes: string[];
}

/**
 * The `data` of a code action the server offers without its edit (`codeAction/resolve` computes it): the migration
 * of one Ingress. A client may instead run MIGRATE_INGRESS_COMMAND with `{ ingress: namespace/name, uri }`.
 */
export interface MigrateActionData {
  resolve: 'migrateIngress';
  /** The document the action was asked for. */
  uri: string;
  namespace: string;
  name: string;
}

export function isMigrateActionData(data: unknown): data is MigrateActionData {
  const d = data as Partial<MigrateActionData> | null | undefined;
  return !!d && d.resolve === 'migrateIngress' && typeof d.uri === 'string' && typeof d.namespace === 'string' && typeof d.name === 'string';
}

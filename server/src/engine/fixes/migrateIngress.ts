/**
 * "Migrate this Ingress to Gateway API": a Gateway (per namespace) and HTTPRoutes for a chosen GatewayClass,
 * written beside the Ingress so that both can run side by side until DNS moves to the Gateway.
 *
 * Translated:
 *  - hosts -> route hostnames; paths: Exact -> Exact, Prefix -> PathPrefix, ImplementationSpecific -> PathPrefix
 *    (a warning: ingress-nginx reads it as a prefix, other controllers may not); backends -> backendRefs (named
 *    Service ports resolved to numbers); defaultBackend -> a rule without matches on a route without hostnames;
 *  - TLS -> HTTPS listeners (one per host) with certificateRefs to the same Secret; the AKS Key Vault annotation ->
 *    listener `tls.options` on approuting-istio; an HTTP listener always;
 *  - ingress-nginx: ssl-redirect (on by default for TLS hosts) / force-ssl-redirect -> a route on the HTTP listener
 *    with RequestRedirect scheme https 301 (the Gateway API's core-supported code; ingress-nginx uses 308);
 *    rewrite-target -> URLRewrite (`/p(/|$)(.*)` + `/x/$2` is ReplacePrefixMatch; a target without captures
 *    replaces the whole path, as NGINX does: ReplaceFullPath); upstream-vhost -> URLRewrite hostname;
 *    x-forwarded-prefix -> RequestHeaderModifier; permanent-redirect / temporal-redirect (+ -code) -> RequestRedirect;
 *    app-root -> RequestRedirect of `/`; server-alias -> extra hostnames; canary Ingresses (canary-weight[-total],
 *    canary-by-header[-value]) -> weighted backendRefs and header matches on the main Ingress's rules;
 *  - cert-manager annotations -> the Gateway (cert-manager's gateway-shim reads them there); Application Gateway
 *    for Containers `alb-*` association annotations -> the Gateway.
 * Everything else is listed, with the reason, in the output's header comment and in the result.
 */
import { ingressControllerOf } from '../exposure/controllers';
import type { Ingress, IngressBackend, Service } from '../model/resources';
import type { WorkspaceIndex } from '../model/workspaceIndex';
import { isSecurityAnnotation, NGINX, TRANSLATABLE_NGINX, untranslatedReason } from './ingressAnnotations';
import { dnsName, fileBeside, uniqueName } from './policyObjects';
import type { PlacementOptions } from './generatePolicies';
import { changeOfDocuments, renderChecked, type GeneratedDocument } from './generatedOutput';
import type { FixContext, WorkspaceChange } from './types';
import { detectStyle } from './yamlEdit';
import type { BackendRef, GatewayObject, GrpcMatch, GrpcRouteRule, HttpRouteRule, Listener, ListenerTls, PathMatch, RequestRedirect, RouteFilter, RouteObject, UrlRewrite } from './gatewayApiObjects';
import { compareStrings } from '../util/compare';

export const GATEWAY_API_VERSION = 'gateway.networking.k8s.io/v1';
const KEY_VAULT = 'kubernetes.azure.com/tls-cert-keyvault-uri';
const CANARY = `${NGINX}canary`;

export interface MigrationOptions extends PlacementOptions {
  /** GatewayClass of the new Gateway (default: the successor of the Ingress's controller, see defaultGatewayClass). */
  gatewayClass?: string;
  /** Name of the Gateway (default: the Ingress's name for one Ingress, the class name for several). */
  gatewayName?: string;
  /** Migrate Ingresses whose security annotations (auth, allow-lists, rate limits, WAF) cannot be translated. */
  force?: boolean;
}

/** On the Gateway and routes a migration writes: the Ingresses they come from (migrating again reuses them). */
export const MIGRATED_FROM_ANNOTATION = 'netlens.io/migrated-from';

export interface AnnotationOutcome {
  /** `ns/name` of the Ingress. */
  ingress: string;
  annotation: string;
  value: string;
  translated: boolean;
  /** How it was translated, or why not. */
  detail: string;
}

export interface MigrationResult {
  gatewayClass: string;
  /** `ns/name` of the Ingresses migrated (main and canary). */
  ingresses: string[];
  gateways: string[];
  routes: string[];
  annotations: AnnotationOutcome[];
  /** Shortcut: the annotations that were not translated. */
  untranslated: AnnotationOutcome[];
  /** Things translated approximately, or needing a look (pathType, redirect code, ...). */
  warnings: string[];
  /** What was not generated because it would not read back as the intended objects (nothing of it is written). */
  errors: string[];
  /** Ingresses not migrated because security annotations would be dropped (without `force`), with those annotations. */
  refused: { ingress: string; annotations: string[]; reason: string }[];
  /** Gateways of an earlier migration that the routes attach to (`ns/name`), instead of new ones. */
  reusedGateways: string[];
  documents: GeneratedDocument[];
  change: WorkspaceChange;
}

/** The GatewayClass that succeeds an Ingress's controller on AKS. */
export function defaultGatewayClass(index: WorkspaceIndex, ingress: Ingress): string {
  const family = ingressControllerOf(index, ingress).family;
  if (family === 'agc') return 'azure-alb-external';
  if (family === 'istio') return 'istio';
  return 'approuting-istio';
}

/** The Ingresses a class serves (by ingressClassName, the old annotation, or a default IngressClass). */
export function ingressesOfClass(index: WorkspaceIndex, className: string): Ingress[] {
  return index.ofKind('Ingress').filter((i) => ingressControllerOf(index, i).className === className);
}

export function migrateIngresses(ctx: FixContext, selected: readonly Ingress[], options: MigrationOptions = {}): MigrationResult {
  const index = ctx.index;
  const warnings: string[] = [];
  const outcomes: AnnotationOutcome[] = [];
  const first = selected[0];
  const gatewayClass = options.gatewayClass ?? (first ? defaultGatewayClass(index, first) : 'approuting-istio');
  // Canary Ingresses merge into the main Ingress that has the same host and path.
  const mains = new Map<string, Ingress>();
  for (const ingress of selected) {
    if (isCanary(ingress)) {
      const main = mainOf(index, ingress);
      if (!main) {
        warnings.push(`Ingress ${ref(ingress)} is a canary without a main Ingress of the same host and path: migrated as a plain Ingress`);
        mains.set(ref(ingress), ingress);
        continue;
      }
      if (!selected.includes(main)) warnings.push(`Ingress ${ref(ingress)} is a canary of ${ref(main)}: both are migrated together`);
      mains.set(ref(main), main);
    } else {
      mains.set(ref(ingress), ingress);
    }
  }
  // Security that would be lost: refused (the reason in the result, the CLI's output and the editor) unless forced.
  const refused: MigrationResult['refused'] = [];
  const dropped = new Map<string, string[]>();
  for (const [key, ingress] of [...mains]) {
    const security = [ingress, ...canariesOf(index, ingress)].flatMap((i) => Object.keys(i.annotations).filter(isSecurityAnnotation).map((a) => `${ref(i)} ${a}`));
    if (!security.length) continue;
    if (options.force) {
      dropped.set(key, security);
      continue;
    }
    mains.delete(key);
    const reason = `Ingress ${ref(ingress)} is not migrated: its security annotations (${security.map((s) => s.split(' ')[1]).join(', ')}) have no Gateway API translation, so the routes would serve without that protection. Configure it on the Gateway implementation (e.g. its authentication or rate-limit policy), then migrate with --force.`;
    refused.push({ ingress: ref(ingress), annotations: security, reason });
  }
  // Ingresses an earlier migration already made routes for are skipped; its Gateway is reused.
  for (const [key, ingress] of [...mains]) {
    const existing = migratedRoutesOf(index, ingress);
    if (!existing.length) continue;
    mains.delete(key);
    warnings.push(`Ingress ${ref(ingress)} was migrated already (${existing.map((r) => `${r.kind} ${r.name}`).join(', ')}): nothing new is written for it; delete those routes to migrate it again`);
  }
  const reusedGateways: string[] = [];
  const byNamespace = new Map<string, Ingress[]>();
  for (const ingress of mains.values()) byNamespace.set(ingress.namespace, [...(byNamespace.get(ingress.namespace) ?? []), ingress]);
  const documents: GeneratedDocument[] = [];
  const gateways: string[] = [];
  const routes: string[] = [];
  const migrated: string[] = [];
  const taken = new Set<string>();
  const errors: string[] = [];
  for (const [namespace, ingresses] of [...byNamespace].sort(([a], [b]) => compareStrings(a, b))) {
    ingresses.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const earlier = options.gatewayName === undefined ? migratedGatewayOf(index, namespace, gatewayClass) : undefined;
    const gatewayName = earlier?.name ?? uniqueName(index, 'Gateway', namespace, dnsName(options.gatewayName ?? (selected.length === 1 || ingresses.length === 1 ? ingresses[0]!.name : gatewayClass)), taken);
    if (earlier) {
      reusedGateways.push(`${namespace}/${earlier.name}`);
      warnings.push(`the routes attach to Gateway ${namespace}/${earlier.name}, which an earlier migration made (${MIGRATED_FROM_ANNOTATION}); no second Gateway is written. Add listeners to it by hand for new TLS hosts`);
    }
    const builder = new GatewayBuilder(index, namespace, gatewayName, gatewayClass, taken, warnings, outcomes, earlier !== undefined, ingresses.map(ref));
    for (const ingress of ingresses) {
      builder.add(ingress, canariesOf(index, ingress));
      migrated.push(ref(ingress), ...canariesOf(index, ingress).map(ref));
    }
    const objects = builder.objects();
    gateways.push(`${namespace}/${gatewayName}`);
    routes.push(...builder.routeNames.map((n) => `${namespace}/${n}`));
    const sibling = ingresses[0]!.file;
    const placed = placement(ctx, sibling, selected.length === 1 ? `${ingresses[0]!.name}-gateway-api.yaml` : `${namespace}-gateway-api.yaml`, options);
    const untranslated = outcomes.filter((o) => !o.translated && ingresses.some((i) => o.ingress === ref(i) || canariesOf(index, i).some((c) => ref(c) === o.ingress)));
    const header = [
      `Migrated by Kube Netlens from Ingress ${ingresses.map(ref).join(', ')} to Gateway API (GatewayClass ${gatewayClass}).`,
      'Run both side by side, test the Gateway\'s address, then move DNS to it and delete the Ingress.',
      ...(untranslated.length
        ? ['NOT TRANSLATED (configure these another way, or drop them):', ...untranslated.map((o) => `  ${o.ingress}: ${o.annotation}: ${JSON.stringify(o.value)} -- ${o.detail}`)]
        : ['Every annotation was translated.']),
      ...(builder.warnings.length ? ['Check:', ...builder.warnings.map((w) => `  ${w}`)] : []),
      ...forcedDrops(ingresses.flatMap((i) => dropped.get(ref(i)) ?? [])),
    ];
    const rendered = renderChecked(objects, placed.style, header);
    if ('error' in rendered) {
      errors.push(`namespace ${namespace}: ${rendered.error}`);
      continue;
    }
    documents.push({ namespace, file: placed.file, append: placed.append, text: rendered.text, objects, policies: [] });
  }
  const untranslated = outcomes.filter((o) => !o.translated);
  const made = changeOfDocuments(ctx, documents);
  if ('error' in made) errors.push(made.error);
  const written = 'change' in made ? documents : [];
  const change = 'change' in made ? made.change : { edits: [], newFiles: [] };
  for (const refusal of refused) errors.push(refusal.reason);
  return { gatewayClass, ingresses: [...new Set(migrated)], gateways, routes, annotations: outcomes, untranslated, warnings, errors, refused, reusedGateways, documents: written, change };
}

function forcedDrops(dropped: readonly string[]): string[] {
  return dropped.length ? ['SECURITY NOT CARRIED OVER (migrated with --force): the routes serve without these; configure them on the Gateway implementation:', ...dropped.map((s) => `  ${s}`)] : [];
}

/** The routes an earlier migration made from this Ingress. */
function migratedRoutesOf(index: WorkspaceIndex, ingress: Ingress): { kind: string; name: string }[] {
  return [...index.ofKindIn('HTTPRoute', ingress.namespace), ...index.ofKindIn('GRPCRoute', ingress.namespace)].filter((r) => migratedFrom(r.annotations).includes(ref(ingress)));
}

/** A Gateway of the namespace and class that an earlier migration made. */
function migratedGatewayOf(index: WorkspaceIndex, namespace: string, gatewayClass: string): { name: string } | undefined {
  return index
    .ofKindIn('Gateway', namespace)
    .filter((g) => g.gatewayClassName === gatewayClass && migratedFrom(g.annotations).length > 0)
    .sort((a, b) => (a.name < b.name ? -1 : 1))[0];
}

function migratedFrom(annotations: Readonly<Record<string, string>>): string[] {
  return (annotations[MIGRATED_FROM_ANNOTATION] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

export function migrateIngress(ctx: FixContext, ingress: Ingress, options: MigrationOptions = {}): MigrationResult {
  return migrateIngresses(ctx, [ingress], options);
}

function ref(ingress: Ingress): string {
  return `${ingress.namespace}/${ingress.name}`;
}

function isCanary(ingress: Ingress): boolean {
  return ingress.annotations[CANARY]?.trim().toLowerCase() === 'true';
}

function hostPaths(ingress: Ingress): Set<string> {
  return new Set(ingress.rules.flatMap((r) => r.paths.map((p) => `${r.host ?? ''}|${p.path ?? '/'}`)));
}

function mainOf(index: WorkspaceIndex, canary: Ingress): Ingress | undefined {
  const keys = hostPaths(canary);
  return index.ofKindIn('Ingress', canary.namespace).find((i) => !isCanary(i) && [...hostPaths(i)].some((k) => keys.has(k)));
}

function canariesOf(index: WorkspaceIndex, main: Ingress): Ingress[] {
  if (isCanary(main)) return [];
  const keys = hostPaths(main);
  return index.ofKindIn('Ingress', main.namespace).filter((i) => isCanary(i) && [...hostPaths(i)].some((k) => keys.has(k)));
}

/** A filter of the Ingress before it is written for a rule: a URL rewrite is planned per path. */
type PlannedFilter = RouteFilter | RewritePlan;

interface HostGroup {
  /** undefined for rules without a host (every hostname). */
  hosts: string[];
  rules: HttpRouteRule[];
  redirect: boolean;
}

/** Per-Ingress translation state: which annotations were used, and how. */
class AnnotationReader {
  readonly used = new Map<string, string>();

  constructor(private readonly ingress: Ingress) {}

  nginx(name: string): string | undefined {
    const value = this.ingress.annotations[`${NGINX}${name}`];
    return value === undefined ? undefined : value.trim();
  }

  /** Records how an annotation was translated (only annotations the Ingress has). */
  translated(name: string, how: string): void {
    const key = name.includes('/') ? name : `${NGINX}${name}`;
    if (this.ingress.annotations[key] !== undefined && !this.used.has(key)) this.used.set(key, how);
  }

  outcomes(notTranslated: Map<string, string>): AnnotationOutcome[] {
    return Object.entries(this.ingress.annotations)
      .sort(([a], [b]) => compareStrings(a, b))
      .map(([annotation, value]) => {
        const how = this.used.get(annotation);
        if (how !== undefined) return { ingress: ref(this.ingress), annotation, value, translated: true, detail: how };
        return { ingress: ref(this.ingress), annotation, value, translated: false, detail: notTranslated.get(annotation) ?? untranslatedReason(annotation) };
      });
  }
}

/** The filters every rule of one Ingress gets. */
interface RuleFilters {
  redirect: RouteFilter | undefined;
  rewrite: RewritePlan | undefined;
  filters: PlannedFilter[];
}

/** Whether plain HTTP requests to a host of the Ingress are redirected to HTTPS, as its controller does. */
interface HttpsRedirect {
  sslRedirect: string | undefined;
  force: boolean;
  /** ingress-nginx redirects TLS hosts without being asked (with 308). */
  byDefault: boolean;
  needed(host: string | undefined): boolean;
}

function httpsRedirectOf(ingress: Ingress, reader: AnnotationReader, nginxFamily: boolean, redirected: boolean): HttpsRedirect {
  const tlsHosts = ingress.tls.flatMap((t) => (t.hosts.length ? t.hosts.map((h) => h.value) : ['*']));
  const sslRedirect = reader.nginx('ssl-redirect');
  const force = reader.nginx('force-ssl-redirect')?.toLowerCase() === 'true';
  const on = force || (sslRedirect !== undefined ? sslRedirect.toLowerCase() !== 'false' : nginxFamily);
  return {
    sslRedirect,
    force,
    byDefault: sslRedirect === undefined && nginxFamily,
    needed: (host) => !redirected && ingress.tls.length > 0 && on && (tlsHosts.includes('*') || (host !== undefined && tlsHosts.some((t) => hostCovers(t, host)))),
  };
}

class GatewayBuilder {
  readonly routeNames: string[] = [];
  readonly warnings: string[] = [];
  private readonly listeners: Listener[] = [{ name: 'http', protocol: 'HTTP', port: 80 }];
  /** Listener name by TLS hostname ('' = a listener for every hostname). */
  private readonly httpsListeners = new Map<string, string>();
  private readonly gatewayAnnotations: Record<string, string> = {};
  private readonly routes: RouteObject[] = [];

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly namespace: string,
    private readonly gatewayName: string,
    private readonly gatewayClass: string,
    private readonly taken: Set<string>,
    private readonly allWarnings: string[],
    private readonly outcomes: AnnotationOutcome[],
    /** The Gateway exists (an earlier migration): only routes are written. */
    private readonly reuseGateway = false,
    private readonly sources: readonly string[] = [],
  ) {}

  private warn(message: string): void {
    this.warnings.push(message);
    this.allWarnings.push(message);
  }

  objects(): (GatewayObject | RouteObject)[] {
    if (this.reuseGateway) return [...this.routes];
    const metadata = { name: this.gatewayName, namespace: this.namespace, annotations: { ...this.gatewayAnnotations, [MIGRATED_FROM_ANNOTATION]: this.sources.join(',') } };
    const gateway: GatewayObject = { apiVersion: GATEWAY_API_VERSION, kind: 'Gateway', metadata, spec: { gatewayClassName: this.gatewayClass, listeners: this.listeners } };
    return [gateway, ...this.routes];
  }

  add(ingress: Ingress, canaries: readonly Ingress[]): void {
    const reader = new AnnotationReader(ingress);
    const notTranslated = new Map<string, string>();
    const family = ingressControllerOf(this.index, ingress).family;
    const nginxFamily = family === 'ingress-nginx' || family === 'aks-app-routing-nginx' || family === undefined;
    if (ingress.annotations['kubernetes.io/ingress.class'] !== undefined) reader.translated('kubernetes.io/ingress.class', `replaced by gatewayClassName ${this.gatewayClass}`);
    this.addListeners(ingress, reader);
    this.copyToGateway(ingress, reader);
    const filters = this.ruleFilters(ingress, reader, notTranslated);
    const tls = httpsRedirectOf(ingress, reader, nginxFamily, filters.redirect !== undefined);
    const groups = this.hostGroups(ingress, canaries, reader, filters, tls);
    this.rootAndAliases(ingress, reader, groups);
    this.httpsRedirectOutcomes(ingress, reader, notTranslated, groups, tls);
    const grpc = this.grpcBackends(ingress, reader);
    this.emitRoutes(ingress, [...groups.values()], grpc);
    this.outcomes.push(...reader.outcomes(notTranslated));
    for (const canary of canaries) this.outcomes.push(...canaryOutcomes(canary));
  }

  /** Annotations the Gateway (not the routes) carries: cert-manager's, the AGC association; the ignore marker. */
  private copyToGateway(ingress: Ingress, reader: AnnotationReader): void {
    for (const [key, value] of Object.entries(ingress.annotations)) {
      if (key.startsWith('cert-manager.io/') || key.startsWith('acme.cert-manager.io/')) {
        this.gatewayAnnotations[key] = value;
        reader.translated(key, 'copied to the Gateway (cert-manager issues certificates for Gateway listeners from it)');
      } else if (/^alb\.networking\.azure\.io\/alb-(id|name|namespace)$/.test(key) && this.gatewayClass === 'azure-alb-external') {
        this.gatewayAnnotations[key] = value;
        reader.translated(key, 'copied to the Gateway (associates it with the Application Gateway for Containers resource)');
      } else if (key === 'netlens.io/ignore') {
        reader.translated(key, 'copied to the HTTPRoutes');
      }
    }
  }

  /** The filters of every rule of the Ingress: a redirect (which replaces the backends), or a rewrite and headers. */
  private ruleFilters(ingress: Ingress, reader: AnnotationReader, notTranslated: Map<string, string>): RuleFilters {
    const redirect = this.redirectFilter(reader, notTranslated);
    const rewrite = redirect ? undefined : this.rewriteFilter(ingress, reader, notTranslated);
    if (redirect && (reader.nginx('rewrite-target') !== undefined || reader.nginx('upstream-vhost') !== undefined)) {
      for (const name of ['rewrite-target', 'upstream-vhost']) if (reader.nginx(name) !== undefined) notTranslated.set(`${NGINX}${name}`, 'not applicable: every request of this Ingress is redirected');
    }
    const headerFilter = this.headerFilter(reader);
    const filters: PlannedFilter[] = redirect ? [redirect] : [...(rewrite ? [rewrite] : []), ...(headerFilter ? [headerFilter] : [])];
    return { redirect, rewrite, filters };
  }

  /** The Ingress's rules by host (its default backend on a route without hostnames), with its canaries' backends. */
  private hostGroups(ingress: Ingress, canaries: readonly Ingress[], reader: AnnotationReader, { redirect, rewrite, filters }: RuleFilters, tls: HttpsRedirect): Map<string, HostGroup> {
    const useRegex = reader.nginx('use-regex');
    if (useRegex !== undefined && useRegex.toLowerCase() !== 'true') reader.translated('use-regex', 'nothing to translate (regular expressions off)');
    const regexPaths = useRegex?.toLowerCase() === 'true' || reader.nginx('rewrite-target') !== undefined;
    const groups = new Map<string, HostGroup>();
    const group = (host: string | undefined): HostGroup => {
      const key = host ?? '';
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { hosts: host ? [host] : [], rules: [], redirect: tls.needed(host) }));
      return g;
    };
    for (const rule of ingress.rules) {
      const target = group(rule.host);
      for (const path of rule.paths) {
        const match = this.pathMatch(ingress, path.path, path.pathType, regexPaths, rewrite);
        const main = this.backendRef(ingress, path.backend);
        if (!main && !redirect) continue;
        const weighted = this.canaryBackends(canaries, rule.host, path.path ?? '/', main, match, target, filters);
        target.rules.push(ruleOf(match ? [match] : undefined, filters, redirect ? undefined : weighted));
      }
    }
    if (ingress.defaultBackend) {
      const backend = this.backendRef(ingress, ingress.defaultBackend);
      if (backend || redirect) group(undefined).rules.push(ruleOf(undefined, filters, redirect ? undefined : backend ? [backend] : undefined));
    }
    return groups;
  }

  /** app-root (a redirect of / on every host) and server-alias (more hostnames). */
  private rootAndAliases(ingress: Ingress, reader: AnnotationReader, groups: Map<string, HostGroup>): void {
    const appRoot = reader.nginx('app-root');
    if (appRoot) {
      for (const g of groups.values()) g.rules.unshift({ matches: [{ path: { type: 'Exact', value: '/' } }], filters: [{ type: 'RequestRedirect', requestRedirect: { path: { type: 'ReplaceFullPath', replaceFullPath: appRoot }, statusCode: 302 } }] });
      reader.translated('app-root', `RequestRedirect of / to ${appRoot} (302)`);
    }
    const aliases = (reader.nginx('server-alias') ?? '').split(/[,\s]+/).filter(Boolean);
    if (aliases.length) {
      for (const g of groups.values()) if (g.hosts.length) g.hosts.push(...aliases.filter((a) => !g.hosts.includes(a)));
      reader.translated('server-alias', `hostnames ${aliases.join(', ')} added to the routes`);
      if (ingress.tls.length) this.warn(`server-alias ${aliases.join(', ')} of ${ref(ingress)}: the HTTPS listeners only cover the TLS hosts; add listeners (and certificates) for the aliases if they serve HTTPS`);
    }
  }

  /** How ssl-redirect and force-ssl-redirect were translated (or why not), and the 301-for-308 warning. */
  private httpsRedirectOutcomes(ingress: Ingress, reader: AnnotationReader, notTranslated: Map<string, string>, groups: Map<string, HostGroup>, tls: HttpsRedirect): void {
    if (ingress.tls.length > 0) {
      if (tls.force) reader.translated('force-ssl-redirect', 'RequestRedirect to https (301) on the HTTP listener');
      if (tls.sslRedirect !== undefined) reader.translated('ssl-redirect', tls.sslRedirect.toLowerCase() === 'false' ? 'no redirect: the routes also attach to the HTTP listener' : 'RequestRedirect to https (301) on the HTTP listener');
      if (tls.byDefault && [...groups.values()].some((g) => g.redirect)) {
        this.warn(`${ref(ingress)}: HTTP requests for its TLS hosts are redirected to HTTPS with 301 (ingress-nginx redirects with 308 by default; Gateway API implementations must support 301 and 302)`);
      }
    } else {
      if (tls.force) notTranslated.set(`${NGINX}force-ssl-redirect`, 'the Ingress has no TLS (TLS is terminated in front of the controller); a Gateway API redirect cannot tell that the client already used HTTPS: redirect at the TLS terminator instead');
      if (tls.sslRedirect !== undefined) reader.translated('ssl-redirect', 'nothing to translate (the Ingress has no TLS)');
    }
  }

  /** Whether the backends speak gRPC (backend-protocol GRPC/GRPCS): the routes are then GRPCRoutes. */
  private grpcBackends(ingress: Ingress, reader: AnnotationReader): boolean {
    const backendProtocol = reader.nginx('backend-protocol')?.toUpperCase();
    const grpc = backendProtocol === 'GRPC' || backendProtocol === 'GRPCS';
    if (grpc) {
      reader.translated('backend-protocol', backendProtocol === 'GRPCS' ? 'GRPCRoute (gRPC to the pods; their TLS needs a BackendTLSPolicy, see the warning)' : 'GRPCRoute (gRPC to the pods)');
      if (backendProtocol === 'GRPCS') this.warn(`${ref(ingress)}: backend-protocol GRPCS: the pods expect TLS; add a BackendTLSPolicy for the Service (Gateway API's way to set TLS to backends)`);
    }
    return grpc;
  }

  private addListeners(ingress: Ingress, reader: AnnotationReader): void {
    const keyVault = ingress.annotations[KEY_VAULT];
    const useKeyVault = keyVault !== undefined && this.gatewayClass === 'approuting-istio';
    if (useKeyVault) {
      reader.translated(KEY_VAULT, 'listener tls.options (add kubernetes.azure.com/tls-cert-service-account: a service account with access to the vault)');
      this.warn(`${ref(ingress)}: the Key Vault certificate needs the listener option kubernetes.azure.com/tls-cert-service-account too (a service account whose workload identity can read the vault)`);
    }
    for (const tls of ingress.tls) {
      const hosts = tls.hosts.length ? tls.hosts.map((h) => h.value) : [''];
      for (const host of hosts) {
        if (this.httpsListeners.has(host)) {
          const existing = this.listeners.find((l) => l.name === this.httpsListeners.get(host));
          if (tls.secretName && existing?.tls?.certificateRefs?.[0]?.name !== tls.secretName) this.warn(`${ref(ingress)}: host ${host || '(every host)'} already has an HTTPS listener with another certificate; Secret ${tls.secretName} is not used`);
          continue;
        }
        const name = uniqueListenerName(this.listeners, host ? dnsName('https', host.replace(/^\*\./, 'wildcard.')) : 'https');
        const listener: Listener = { name, protocol: 'HTTPS', port: 443 };
        if (host) listener.hostname = host;
        const certificate: ListenerTls = { mode: 'Terminate' };
        if (tls.secretName) certificate.certificateRefs = [{ kind: 'Secret', name: tls.secretName }];
        if (useKeyVault) certificate.options = { [KEY_VAULT]: keyVault };
        if (!tls.secretName && !useKeyVault) this.warn(`${ref(ingress)}: TLS for ${host || 'every host'} names no Secret (the controller's default certificate); listener ${name} needs certificateRefs`);
        listener.tls = certificate;
        listener.allowedRoutes = { namespaces: { from: 'Same' } };
        this.listeners.push(listener);
        this.httpsListeners.set(host, name);
      }
    }
  }

  /** The HTTPS listener(s) serving a host: its own, a wildcard one, or one for every hostname. */
  private httpsListenersFor(host: string | undefined): string[] {
    if (host === undefined) return [...this.httpsListeners.values()];
    const own = this.httpsListeners.get(host);
    if (own) return [own];
    const wildcard = [...this.httpsListeners.entries()].find(([h]) => h.startsWith('*.') && hostCovers(h, host));
    if (wildcard) return [wildcard[1]];
    const any = this.httpsListeners.get('');
    return any ? [any] : [];
  }

  private redirectFilter(reader: AnnotationReader, notTranslated: Map<string, string>): RouteFilter | undefined {
    const permanent = reader.nginx('permanent-redirect');
    const temporal = reader.nginx('temporal-redirect');
    const target = permanent || temporal;
    if (!target) {
      if (reader.nginx('permanent-redirect-code') !== undefined) notTranslated.set(`${NGINX}permanent-redirect-code`, 'no permanent-redirect to apply it to');
      if (reader.nginx('temporal-redirect-code') !== undefined) notTranslated.set(`${NGINX}temporal-redirect-code`, 'no temporal-redirect to apply it to');
      return undefined;
    }
    const name = permanent ? 'permanent-redirect' : 'temporal-redirect';
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      notTranslated.set(`${NGINX}${name}`, `\`${target}\` is not an absolute URL`);
      return undefined;
    }
    const codeText = reader.nginx(`${name}-code`);
    const code = codeText !== undefined && /^\d{3}$/.test(codeText) ? Number(codeText) : permanent ? 301 : 302;
    if (![301, 302, 303, 307, 308].includes(code)) {
      notTranslated.set(`${NGINX}${name}-code`, `status ${code} is not a redirect code Gateway API allows (301, 302, 303, 307, 308)`);
    } else if (codeText !== undefined) reader.translated(`${name}-code`, `RequestRedirect statusCode ${code}`);
    const redirect: RequestRedirect = {
      scheme: url.protocol.replace(/:$/, ''),
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: { type: 'ReplaceFullPath', replaceFullPath: url.pathname || '/' },
      statusCode: [301, 302, 303, 307, 308].includes(code) ? code : permanent ? 301 : 302,
    };
    if (url.search) this.warn(`${name} ${target}: the query string is not part of a Gateway API redirect and is dropped`);
    if (code !== 301 && code !== 302 && [303, 307, 308].includes(code)) this.warn(`${name}: status ${code} is an extended Gateway API feature; check that ${this.gatewayClass} supports it`);
    reader.translated(name, `RequestRedirect to ${target} (${redirect.statusCode})`);
    if (permanent && temporal) notTranslated.set(`${NGINX}temporal-redirect`, 'permanent-redirect takes precedence');
    return { type: 'RequestRedirect', requestRedirect: redirect };
  }

  private rewriteFilter(ingress: Ingress, reader: AnnotationReader, notTranslated: Map<string, string>): RewritePlan | undefined {
    const target = reader.nginx('rewrite-target');
    const vhost = reader.nginx('upstream-vhost');
    const plan: RewritePlan = { plan: 'URLRewrite' };
    if (vhost) {
      plan.hostname = vhost;
      reader.translated('upstream-vhost', `URLRewrite hostname ${vhost}`);
    }
    if (target !== undefined) {
      const paths = ingress.rules.flatMap((r) => r.paths.map((p) => p.path ?? '/'));
      const forms = paths.map((p) => rewriteForm(p, target));
      if (forms.every((f) => f !== undefined) && new Set(forms.map((f) => f!.kind)).size === 1) {
        plan.pathKind = forms[0]!.kind;
        plan.forms = new Map(paths.map((p, i) => [p, forms[i]!]));
        const how = plan.pathKind === 'prefix'
          ? `URLRewrite ReplacePrefixMatch (the capture-group idiom strips the matched prefix)`
          : `URLRewrite ReplaceFullPath ${target} (NGINX replaces the whole path when the target has no capture group)`;
        reader.translated('rewrite-target', how);
        if (plan.pathKind === 'full') this.warn(`${ref(ingress)}: rewrite-target ${target} replaces the whole path of every request (as NGINX does); use ReplacePrefixMatch instead if only the prefix should go`);
      } else {
        notTranslated.set(`${NGINX}rewrite-target`, `\`${target}\` with paths ${paths.join(', ')} is not a rewrite Gateway API can express (only a prefix replacement, \`/p(/|$)(.*)\` with \`/x/$2\`, or a fixed path)`);
      }
    }
    return plan.hostname !== undefined || plan.pathKind !== undefined ? plan : undefined;
  }

  private headerFilter(reader: AnnotationReader): RouteFilter | undefined {
    const prefix = reader.nginx('x-forwarded-prefix');
    if (!prefix) return undefined;
    reader.translated('x-forwarded-prefix', `RequestHeaderModifier set X-Forwarded-Prefix: ${prefix}`);
    return { type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'X-Forwarded-Prefix', value: prefix }] } };
  }

  private pathMatch(ingress: Ingress, path: string | undefined, pathType: string | undefined, regexPaths: boolean, rewrite: RewritePlan | undefined): PathMatch | undefined {
    const value = path ?? '/';
    const form = rewrite?.forms?.get(value);
    if (form?.kind === 'prefix') return { path: { type: 'PathPrefix', value: form.prefix } };
    if (regexPaths && /[()[\]{}*+?^$|\\]/.test(value)) {
      this.warn(`${ref(ingress)}: path ${value} is a regular expression: written as RegularExpression, whose syntax and support are implementation-specific`);
      return { path: { type: 'RegularExpression', value } };
    }
    if (pathType === 'Exact') return { path: { type: 'Exact', value } };
    if (pathType === 'ImplementationSpecific' || pathType === undefined) {
      this.warn(`${ref(ingress)}: path ${value} has pathType ${pathType ?? '(none)'}: written as PathPrefix (how ingress-nginx reads it; other controllers may differ)`);
    }
    return { path: { type: 'PathPrefix', value } };
  }

  private backendRef(ingress: Ingress, backend: IngressBackend): BackendRef | undefined {
    const service = backend.service;
    if (!service) {
      if (backend.resource) this.warn(`${ref(ingress)}: a ${backend.resource.kind} resource backend has no Gateway API equivalent; that path is left out`);
      return undefined;
    }
    const port = this.servicePort(ingress.namespace, service.service, service.port);
    if (port === undefined) this.warn(`${ref(ingress)}: port ${service.port ?? '(none)'} of Service ${service.service} is not known; its backendRef needs a port number`);
    return port === undefined ? { name: service.service } : { name: service.service, port };
  }

  private servicePort(namespace: string, name: string, port: number | string | undefined): number | undefined {
    if (typeof port === 'number') return port;
    const service: Service | undefined = this.index.lookup('Service', namespace, name)[0];
    if (!service) return undefined;
    if (port === undefined) return service.ports.length === 1 ? service.ports[0]!.port : undefined;
    return service.ports.find((p) => p.name === port)?.port;
  }

  /** The backends of one path, with its canaries: weights, and header matches as rules of their own. */
  private canaryBackends(canaries: readonly Ingress[], host: string | undefined, path: string, backend: BackendRef | undefined, match: PathMatch | undefined, group: HostGroup, filters: readonly PlannedFilter[]): BackendRef[] | undefined {
    if (!backend) return undefined;
    const refs: BackendRef[] = [backend];
    for (const canary of canaries) {
      const rule = canary.rules.find((r) => (r.host ?? '') === (host ?? '') && r.paths.some((p) => (p.path ?? '/') === path));
      const canaryPath = rule?.paths.find((p) => (p.path ?? '/') === path);
      const canaryRef = canaryPath ? this.backendRef(canary, canaryPath.backend) : undefined;
      if (!canaryRef) continue;
      const header = canary.annotations[`${NGINX}canary-by-header`]?.trim();
      if (header) {
        const value = canary.annotations[`${NGINX}canary-by-header-value`]?.trim() || 'always';
        group.rules.push(ruleOf([{ ...(match ?? {}), headers: [{ name: header, value }] }], filters, [canaryRef]));
      }
      const weightText = canary.annotations[`${NGINX}canary-weight`]?.trim();
      const totalText = canary.annotations[`${NGINX}canary-weight-total`]?.trim();
      const weight = weightText && /^\d+$/.test(weightText) ? Number(weightText) : 0;
      const total = totalText && /^\d+$/.test(totalText) ? Number(totalText) : 100;
      if (weight > 0) {
        const mainWeight = Math.max(0, total - weight - refs.slice(1).reduce((n, r) => n + (r.weight ?? 0), 0));
        refs[0] = { ...refs[0]!, weight: mainWeight };
        refs.push({ ...canaryRef, weight });
      }
    }
    return refs;
  }

  private emitRoutes(ingress: Ingress, groups: HostGroup[], grpc = false): void {
    const nonEmpty = groups.filter((g) => g.rules.length > 0);
    const annotations: Record<string, string> = { [MIGRATED_FROM_ANNOTATION]: ref(ingress) };
    const kind = grpc ? 'GRPCRoute' : 'HTTPRoute';
    if (ingress.annotations['netlens.io/ignore'] !== undefined) annotations['netlens.io/ignore'] = ingress.annotations['netlens.io/ignore'];
    const redirectHosts: string[] = [];
    let redirectAll = false;
    for (const group of nonEmpty) {
      const base = nonEmpty.length === 1 ? ingress.name : dnsName(ingress.name, group.hosts[0]?.replace(/^\*\./, 'wildcard.') ?? 'default');
      const rules = mergeRules(group.rules);
      for (let i = 0; i < rules.length; i += 16) {
        const name = uniqueName(this.index, kind, this.namespace, dnsName(i === 0 ? base : `${base}-${i / 16 + 1}`), this.taken);
        const parentRefs = group.redirect
          ? this.httpsListenersFor(group.hosts[0]).map((sectionName) => ({ name: this.gatewayName, sectionName }))
          : [{ name: this.gatewayName }];
        const hostnames = group.hosts.length ? { hostnames: group.hosts } : {};
        const chunk = rules.slice(i, i + 16);
        const metadata = { name, namespace: this.namespace, annotations: { ...annotations } };
        this.routes.push(
          grpc
            ? { apiVersion: GATEWAY_API_VERSION, kind: 'GRPCRoute', metadata, spec: { parentRefs, ...hostnames, rules: chunk.map((r) => this.grpcRule(ingress, r)) } }
            : { apiVersion: GATEWAY_API_VERSION, kind: 'HTTPRoute', metadata, spec: { parentRefs, ...hostnames, rules: chunk } },
        );
        this.routeNames.push(name);
      }
      if (group.redirect) {
        if (group.hosts.length) redirectHosts.push(...group.hosts);
        else redirectAll = true;
      }
    }
    if (redirectHosts.length || redirectAll) {
      const name = uniqueName(this.index, 'HTTPRoute', this.namespace, dnsName(ingress.name, 'https-redirect'), this.taken);
      const spec = {
        parentRefs: [{ name: this.gatewayName, sectionName: 'http' }],
        ...(redirectAll ? {} : { hostnames: [...new Set(redirectHosts)] }),
        rules: [{ filters: [{ type: 'RequestRedirect' as const, requestRedirect: { scheme: 'https', statusCode: 301 } }] }],
      };
      this.routes.push({ apiVersion: GATEWAY_API_VERSION, kind: 'HTTPRoute', metadata: { name, namespace: this.namespace, annotations: { ...annotations } }, spec });
      this.routeNames.push(name);
    }
  }

  /**
   * An HTTP rule as a GRPCRoute rule: a path `/pkg.Service[/Method]` becomes a method match, `/` matches every
   * method; header matches are kept; filters GRPCRoute has no place for (rewrites, redirects) are dropped, with a warning.
   */
  private grpcRule(ingress: Ingress, rule: HttpRouteRule): GrpcRouteRule {
    const out: GrpcRouteRule = {};
    const matches = (rule.matches ?? []).flatMap((m) => {
      const match: GrpcMatch = {};
      const value = m.path?.value ?? '/';
      const method = /^\/([A-Za-z_][\w.]*)(?:\/([A-Za-z_]\w*))?\/?$/.exec(value);
      if (method) match.method = method[2] ? { type: 'Exact', service: method[1]!, method: method[2] } : { type: 'Exact', service: method[1]! };
      else if (value !== '/') this.warn(`${ref(ingress)}: path ${value} is not a gRPC service or method (/package.Service[/Method]): the GRPCRoute rule matches every method`);
      if (m.headers?.length) match.headers = m.headers.map((h) => ({ type: 'Exact', ...h }));
      return Object.keys(match).length ? [match] : [];
    });
    if (matches.length) out.matches = matches;
    const kept = (rule.filters ?? []).filter((f) => GRPC_FILTERS.includes(f.type));
    if (kept.length < (rule.filters ?? []).length) this.warn(`${ref(ingress)}: ${(rule.filters ?? []).filter((f) => !kept.includes(f)).map((f) => f.type).join(', ')} has no GRPCRoute equivalent and is left out`);
    if (kept.length) out.filters = kept;
    if (rule.backendRefs) out.backendRefs = rule.backendRefs;
    return out;
  }
}

interface RewriteForm {
  kind: 'prefix' | 'full';
  /** The PathPrefix the route matches. */
  prefix: string;
  /** ReplacePrefixMatch / ReplaceFullPath value. */
  replacement: string;
}

/** The filter types a GRPCRoute rule has a place for. */
const GRPC_FILTERS: readonly string[] = ['RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestMirror'];

/** A URLRewrite of the Ingress: written per path by `materialize`. */
interface RewritePlan {
  plan: 'URLRewrite';
  hostname?: string;
  pathKind?: 'prefix' | 'full';
  forms?: Map<string, RewriteForm>;
}

/** `/p(/|$)(.*)` + `/x/$2` (or `/x$2`) strips the prefix; a plain path with a target without `$` replaces the path. */
function rewriteForm(path: string, target: string): RewriteForm | undefined {
  const idiom = /^\^?(\/[^()[\]{}*+?^$|\\]*?)\(\/\|\$\)\(\.\*\)\$?$/.exec(path);
  const targetIdiom = /^(\/?[^$]*?)\/?\$2$/.exec(target);
  if (idiom && targetIdiom) {
    const prefix = idiom[1]!.replace(/\/$/, '') || '/';
    const replacement = targetIdiom[1]!.replace(/\/$/, '') || '/';
    return { kind: 'prefix', prefix, replacement: replacement.startsWith('/') ? replacement : `/${replacement}` };
  }
  const slashIdiom = /^\^?(\/[^()[\]{}*+?^$|\\]*?)\/\(\.\*\)\$?$/.exec(path);
  const targetOne = /^(\/?[^$]*?)\/?\$1$/.exec(target);
  if (slashIdiom && targetOne) {
    const replacement = targetOne[1]!.replace(/\/$/, '') || '/';
    return { kind: 'prefix', prefix: slashIdiom[1]! || '/', replacement: replacement.startsWith('/') ? replacement : `/${replacement}` };
  }
  if (!target.includes('$') && !/[()[\]{}*+?^$|\\]/.test(path) && target.startsWith('/')) return { kind: 'full', prefix: path, replacement: target };
  return undefined;
}

function ruleOf(matches: PathMatch[] | undefined, filters: readonly PlannedFilter[], backendRefs: BackendRef[] | undefined): HttpRouteRule {
  const rule: HttpRouteRule = {};
  if (matches) rule.matches = matches;
  if (filters.length) rule.filters = filters.map((f) => materialize(f, matches));
  if (backendRefs) rule.backendRefs = backendRefs;
  return rule;
}

/** A URLRewrite plan becomes the filter for the rule's own path. */
function materialize(plan: PlannedFilter, matches: PathMatch[] | undefined): RouteFilter {
  if (!('plan' in plan)) return plan;
  const urlRewrite: UrlRewrite = {};
  if (plan.hostname) urlRewrite.hostname = plan.hostname;
  const prefix = matches?.[0]?.path?.value;
  const form = plan.forms ? [...plan.forms.values()].find((f) => f.prefix === prefix) : undefined;
  if (form) urlRewrite.path = form.kind === 'prefix' ? { type: 'ReplacePrefixMatch', replacePrefixMatch: form.replacement } : { type: 'ReplaceFullPath', replaceFullPath: form.replacement };
  return { type: 'URLRewrite', urlRewrite };
}

/** Rules with the same filters and backends become one rule with several matches (at most 64). */
function mergeRules(rules: readonly HttpRouteRule[]): HttpRouteRule[] {
  const out: HttpRouteRule[] = [];
  const byKey = new Map<string, HttpRouteRule>();
  for (const rule of rules) {
    if (!rule.matches) {
      out.push(rule);
      continue;
    }
    const key = JSON.stringify([rule.filters ?? null, rule.backendRefs ?? null]);
    const existing = byKey.get(key);
    if (existing && existing.matches && existing.matches.length + rule.matches.length <= 64 && !existing.matches.some((m) => m.headers) && !rule.matches.some((m) => m.headers)) {
      existing.matches.push(...rule.matches);
      continue;
    }
    const copy: HttpRouteRule = { ...rule, matches: [...rule.matches] };
    byKey.set(key, copy);
    out.push(copy);
  }
  return out;
}

function canaryOutcomes(canary: Ingress): AnnotationOutcome[] {
  const canaryKeys: Record<string, string> = {
    [`${NGINX}canary`]: 'merged into the main Ingress\'s routes',
    [`${NGINX}canary-weight`]: 'weight of the canary backendRef',
    [`${NGINX}canary-weight-total`]: 'total of the backendRef weights',
    [`${NGINX}canary-by-header`]: 'a rule matching that header, sending to the canary',
    [`${NGINX}canary-by-header-value`]: 'the header value matched',
  };
  return Object.entries(canary.annotations)
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([annotation, value]) => {
      const how = canaryKeys[annotation];
      return how !== undefined
        ? { ingress: ref(canary), annotation, value, translated: true, detail: how }
        : { ingress: ref(canary), annotation, value, translated: false, detail: TRANSLATABLE_NGINX.has(annotation.slice(NGINX.length)) ? 'set on a canary Ingress, whose routing merges into the main Ingress: set it on the main Ingress' : untranslatedReason(annotation) };
    });
}

function hostCovers(pattern: string, host: string): boolean {
  if (pattern === host || pattern === '*') return true;
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
  return false;
}

function uniqueListenerName(listeners: readonly Listener[], base: string): string {
  let name = base;
  for (let i = 2; listeners.some((l) => l.name === name); i++) name = `${base}-${i}`;
  return name;
}

function placement(ctx: FixContext, sibling: string, fileName: string, options: PlacementOptions): { file: string; append: boolean; style: ReturnType<typeof detectStyle> } {
  if (options.appendTo !== undefined && ctx.textOf(options.appendTo) !== undefined) return { file: options.appendTo, append: true, style: detectStyle(ctx.textOf(options.appendTo)!) };
  const exists = (file: string) => [...ctx.index.files()].includes(file) || ctx.textOf(file) !== undefined;
  const style = detectStyle(ctx.textOf(sibling) ?? '');
  return { file: fileBeside(options.directory !== undefined ? `${options.directory}x` : sibling, fileName, exists), append: false, style };
}

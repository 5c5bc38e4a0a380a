/**
 * Gateway API objects as the Ingress migration writes them (gateway.networking.k8s.io/v1): typed values, rendered
 * to YAML by yamlRender.ts in the order their keys are set. Only the fields the migration writes are here.
 * Reference: https://gateway-api.sigs.k8s.io/reference/spec/ (checked 2026-12-06).
 */

export interface ObjectMeta {
  name: string;
  namespace: string;
  annotations?: Record<string, string>;
}

export interface ListenerTls {
  mode: 'Terminate';
  certificateRefs?: { kind: 'Secret'; name: string }[];
  /** Implementation options (the AKS Key Vault certificate). */
  options?: Record<string, string>;
}

export interface Listener {
  name: string;
  protocol: 'HTTP' | 'HTTPS';
  port: number;
  hostname?: string;
  tls?: ListenerTls;
  allowedRoutes?: { namespaces: { from: 'Same' } };
}

export interface GatewayObject {
  apiVersion: string;
  kind: 'Gateway';
  metadata: ObjectMeta;
  spec: { gatewayClassName: string; listeners: Listener[] };
}

export type PathModifier = { type: 'ReplaceFullPath'; replaceFullPath: string } | { type: 'ReplacePrefixMatch'; replacePrefixMatch: string };

export interface RequestRedirect {
  scheme?: string;
  hostname?: string;
  port?: number;
  path?: PathModifier;
  statusCode: number;
}

export interface UrlRewrite {
  hostname?: string;
  path?: PathModifier;
}

export type RouteFilter =
  | { type: 'RequestRedirect'; requestRedirect: RequestRedirect }
  | { type: 'URLRewrite'; urlRewrite: UrlRewrite }
  | { type: 'RequestHeaderModifier'; requestHeaderModifier: { set: { name: string; value: string }[] } };

export interface PathMatch {
  path?: { type: 'PathPrefix' | 'Exact' | 'RegularExpression'; value: string };
  headers?: { name: string; value: string }[];
}

export interface BackendRef {
  name: string;
  port?: number;
  weight?: number;
}

export interface HttpRouteRule {
  matches?: PathMatch[];
  filters?: RouteFilter[];
  backendRefs?: BackendRef[];
}

export interface GrpcMatch {
  method?: { type: 'Exact'; service: string; method?: string };
  headers?: { type: 'Exact'; name: string; value: string }[];
}

export interface GrpcRouteRule {
  matches?: GrpcMatch[];
  filters?: RouteFilter[];
  backendRefs?: BackendRef[];
}

export interface ParentRef {
  name: string;
  sectionName?: string;
}

interface RouteSpec<Rule> {
  parentRefs: ParentRef[];
  hostnames?: string[];
  rules: Rule[];
}

export type RouteObject =
  | { apiVersion: string; kind: 'HTTPRoute'; metadata: ObjectMeta; spec: RouteSpec<HttpRouteRule> }
  | { apiVersion: string; kind: 'GRPCRoute'; metadata: ObjectMeta; spec: RouteSpec<GrpcRouteRule> };

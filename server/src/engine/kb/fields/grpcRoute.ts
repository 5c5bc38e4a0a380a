/**
 * GRPCRoute (gateway.networking.k8s.io/v1): routing of gRPC calls by service and method.
 */
import { docsOf, row, under, value, type FieldRow } from './define';
import { backendRefRows, extensionRefRows, headerModifierRows, hostnamesRow, mirrorRows, parentRefRows, ROUTE_SPEC } from './routeShared';
import { FIRST_RECORDED } from '../types';

const PAGE = 'https://gateway-api.sigs.k8s.io/api-types/grpcroute/';

const matchType = [
  value('Exact', 'Exact, case-sensitive comparison (Core).'),
  value('RegularExpression', 'A regular expression; dialect and support depend on the implementation.'),
];

function grpcFilterRows(prefix: string, scope: string): FieldRow[] {
  return under(prefix, [
    row('', `Processing applied to matching calls for ${scope}. GRPCRoute has no redirect or rewrite filters.`),
    row('type', 'Which filter this entry is; the field of the same name (lower camel case) holds its settings.', {
      values: [
        value('RequestHeaderModifier', 'Set, add or remove request metadata (headers) before forwarding (Core).'),
        value('ResponseHeaderModifier', 'Set, add or remove response headers (Extended).'),
        value('RequestMirror', 'Also send a copy of the call to another backend (Extended).'),
        value('ExtensionRef', 'An implementation-specific filter defined by another object.'),
      ],
    }),
    row('requestHeaderModifier', 'Headers to change on the call before it is forwarded.'),
    ...under('requestHeaderModifier', headerModifierRows('request')),
    row('responseHeaderModifier', 'Headers to change on the response before it reaches the client.'),
    ...under('responseHeaderModifier', headerModifierRows('response')),
    ...under('requestMirror', mirrorRows()),
    ...under('extensionRef', extensionRefRows()),
  ]);
}

const rows: FieldRow[] = [
  row(
    'spec',
    'Routing of gRPC calls (HTTP/2) by gRPC service and method. The listener must accept HTTP/2: over HTTPS via ALPN, over HTTP with prior knowledge (h2c). Implementations may read the backend Service port\'s `appProtocol` (e.g. `kubernetes.io/h2c`) to know they must speak HTTP/2 to it.',
    { source: PAGE },
  ),
  ...parentRefRows('GRPCRoute'),
  hostnamesRow('GRPCRoute'),
  row('spec.rules', 'Rules of this route (at most 16). An HTTPRoute and a GRPCRoute with overlapping hostnames on one listener conflict: only the older one is accepted.'),
  row('spec.rules.name', 'Optional name of the rule, unique in the route.'),
  row('spec.rules.matches', 'Conditions on the call; items are ORed, fields within an item ANDed. No matches means every call. Precedence goes to the longest matching service, then method, then most header matches.'),
  row('spec.rules.matches.method', 'Service and method condition. Unset matches every service and method.'),
  row('spec.rules.matches.method.type', 'How `service` and `method` are compared. Defaults to `Exact`.', { values: matchType }),
  row('spec.rules.matches.method.service', 'Fully qualified gRPC service, e.g. `helloworld.Greeter`; unset matches any service. At least one of `service` and `method` is required.'),
  row('spec.rules.matches.method.method', 'gRPC method name, e.g. `SayHello` (no `/`); unset matches any method of the service.'),
  row('spec.rules.matches.headers', 'Metadata (header) conditions, all of which must hold (at most 16).'),
  row('spec.rules.matches.headers.type', 'How the header value is compared. Defaults to `Exact`.', { values: matchType }),
  row('spec.rules.matches.headers.name', 'Name of the gRPC metadata header, compared case-insensitively.'),
  row('spec.rules.matches.headers.value', 'Value the metadata header must have (exact by default).'),
  ...grpcFilterRows('spec.rules.filters', 'the rule'),
  ...under('spec.rules.backendRefs', backendRefRows('GRPCRoute', 'an UNAVAILABLE status')),
  ...grpcFilterRows('spec.rules.backendRefs.filters', 'this backend only (Implementation-specific)'),
  row('status', 'Written by the implementations: per parent, whether the route is Accepted and its references resolved. Leave it out of manifests.'),
];

export const GRPC_ROUTE_FIELDS = docsOf('GRPCRoute', ROUTE_SPEC, rows, FIRST_RECORDED);

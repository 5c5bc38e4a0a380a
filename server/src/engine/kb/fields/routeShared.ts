/**
 * Parts shared by HTTPRoute and GRPCRoute: parent references, backend references, header modifier, mirror and
 * extension filters, hostnames. Each returns rows to be placed under a prefix.
 */
import { row, under, type FieldRow } from './define';

export const ROUTE_SPEC = 'https://gateway-api.sigs.k8s.io/reference/spec/';
export const REFERENCE_GRANT_PAGE = 'https://gateway-api.sigs.k8s.io/api-types/referencegrant/';
const ATTACHING = 'https://gateway-api.sigs.k8s.io/concepts/api-overview/#attaching-routes-to-gateways';

export function parentRefRows(kind: string): FieldRow[] {
  return under('spec.parentRefs', [
    row(
      '',
      `The Gateways (or, for a service mesh, Services) this ${kind} attaches to. Attachment needs both sides: the route names the Gateway here, and the Gateway listener\'s \`allowedRoutes\` must accept the route\'s namespace and kind. A route in another namespace than the Gateway stays detached under the default \`from: Same\`.`,
      { source: ATTACHING },
    ),
    row('group', 'API group of the parent; defaults to `gateway.networking.k8s.io`. Set it to `""` to attach to a Service (mesh).'),
    row('kind', 'Kind of the parent; defaults to `Gateway`. `Service` attaches the route to a Service for mesh routing.'),
    row('namespace', 'Namespace of the parent; defaults to the route\'s own. Crossing namespaces is governed by the Gateway listener\'s `allowedRoutes`, not by a ReferenceGrant.'),
    row('name', 'Name of the parent Gateway (or Service). Required.'),
    row(
      'sectionName',
      'A listener name of the Gateway (or a port name of a Service) to attach to only that listener. Unset means every listener that accepts the route. Naming a listener that does not exist leaves the route unattached to it.',
    ),
    row('port', 'Attach only to the Gateway listeners on this port (Extended support). When combined with `sectionName`, the listener must match both.'),
  ]);
}

export function hostnamesRow(kind: string): FieldRow {
  return row(
    'spec.hostnames',
    `Host names this ${kind} serves, matched against the Host header (\`:authority\` for gRPC); a leading \`*.\` is a suffix match (\`*.example.com\` matches \`a.example.com\` and \`a.b.example.com\`, not \`example.com\`). No IP addresses. Unset means every host the listener accepts. When the listener has a hostname too, only the intersection is served, and with none in common the route is not accepted on that listener.`,
  );
}

/** The reference of a backend: shared by backendRefs and requestMirror.backendRef. */
export function backendObjectRows(what: string): FieldRow[] {
  return [
    row('group', `API group of the ${what}; defaults to \`""\` (the core group, for Services).`),
    row(
      'kind',
      `Kind of the ${what}; defaults to \`Service\`. ExternalName Services should not be supported as backends, since they may point anywhere.`,
    ),
    row('name', `Name of the ${what}. A name that does not exist makes the reference invalid (condition ResolvedRefs false, reason BackendNotFound).`),
    row(
      'namespace',
      `Namespace of the ${what}; defaults to the route\'s. Another namespace is only allowed when a ReferenceGrant in that namespace permits this route kind to refer to Services; otherwise the reference is refused (RefNotPermitted).`,
      { source: REFERENCE_GRANT_PAGE },
    ),
    row(
      'port',
      `Destination port. Required for a Service, and it is the **Service port** (\`spec.ports[].port\`), not the targetPort or container port.`,
    ),
  ];
}

export function backendRefRows(kind: string, errorCode: string): FieldRow[] {
  return [
    row(
      '',
      `Where matching requests are sent. With several entries, requests are split by \`weight\`. Requests that would go to an invalid reference get ${errorCode}; when the Service exists but has no ready endpoints, implementations should answer 503 (HTTP). A rule without backendRefs (and without a redirect filter) has nowhere to send the request.`,
    ),
    ...backendObjectRows('backend'),
    row(
      'weight',
      `Share of the rule\'s requests sent here: weight divided by the sum of all weights in this rule (not a percentage; 0 to 1000000). Defaults to 1. Weight 0 sends nothing to this ${kind === 'GRPCRoute' ? 'backend' : 'backend, a way to drain it'}.`,
    ),
  ];
}

/** `set`/`add`/`remove` of RequestHeaderModifier and ResponseHeaderModifier. */
export function headerModifierRows(target: string): FieldRow[] {
  return [
    row('set', `Headers to set on the ${target}, replacing any existing value (at most 16).`),
    row('set.name', 'Name of the header to set; names compare case-insensitively, and one filter may act only once on a given name.'),
    row('set.value', 'Value the header gets; for several values use one comma-separated string.'),
    row('add', `Headers to add to the ${target}; an existing header keeps its values and gets this one appended (at most 16).`),
    row('add.name', 'Name of the header to add to; names compare case-insensitively.'),
    row('add.value', 'Value appended to the header (existing values are kept).'),
    row('remove', `Names of headers to remove from the ${target} (at most 16). Only one action per header name is allowed in one filter.`),
  ];
}

export function mirrorRows(): FieldRow[] {
  return [
    row('', 'Sends a copy of each matching request to another backend; its responses are ignored (Extended support). The mirror receives the same request data as the real backend, headers and credentials included.'),
    row('backendRef', 'The backend that receives the copies; same rules as backendRefs (Service port, ReferenceGrant for other namespaces).'),
    ...under('backendRef', backendObjectRows('mirror backend')),
    row('percent', 'Percentage of requests to mirror (0-100). Only one of `percent` and `fraction`; neither means all requests.'),
    row('fraction', 'Share of requests to mirror as `numerator` / `denominator`. Only one of `percent` and `fraction`.'),
    row('fraction.numerator', 'Numerator of the mirrored share; must not exceed the denominator.'),
    row('fraction.denominator', 'Denominator of the mirrored share; defaults to 100.'),
  ];
}

export function extensionRefRows(): FieldRow[] {
  return [
    row('', 'An implementation-specific filter, defined by an object in the route\'s namespace. If the object cannot be resolved, requests the filter would handle get an error rather than skipping it.'),
    row('group', 'API group of the filter object, e.g. an implementation\'s own policy group.'),
    row('kind', 'Kind of the filter object, defined by the implementation.'),
    row('name', 'Name of the filter object, in the route\'s namespace.'),
  ];
}

/**
 * ReferenceGrant (gateway.networking.k8s.io): lets objects in other namespaces refer to objects in this one.
 */
import { docsOf, row } from './define';
import { REFERENCE_GRANT_PAGE, ROUTE_SPEC } from './routeShared';
import { FIRST_RECORDED } from '../types';

export const REFERENCE_GRANT_FIELDS = docsOf('ReferenceGrant', ROUTE_SPEC, [
  row(
    'metadata.namespace',
    'The namespace whose objects may be referred to: a ReferenceGrant must live in the namespace of the **target** (the Service or Secret), never in the namespace of the route or Gateway that refers to it.',
    { source: REFERENCE_GRANT_PAGE },
  ),
  row(
    'spec',
    'Trust given by this namespace: objects of the kinds and namespaces in `from` may refer to objects of the kinds (and names) in `to` here. Needed for cross-namespace backendRefs and certificateRefs; not used for a route attaching to a Gateway in another namespace (that is `allowedRoutes`). Removing the grant revokes the access.',
    { source: REFERENCE_GRANT_PAGE },
  ),
  row('spec.from', 'Who may refer (1 to 16 entries, ORed): a group, kind and namespace each.'),
  row('spec.from.group', 'API group of the referring kind: `gateway.networking.k8s.io` for Gateways and routes. Empty means the core group.'),
  row('spec.from.kind', 'Referring kind: `HTTPRoute`, `GRPCRoute`, `TLSRoute`, `TCPRoute` or `UDPRoute` for backends, `Gateway` for certificates.'),
  row('spec.from.namespace', 'Namespace of the referring objects. One namespace per entry; there is no wildcard.'),
  row('spec.to', 'What may be referred to in this namespace (1 to 16 entries, ORed).'),
  row('spec.to.group', 'API group of the target kind: `""` (empty, the core group) for Services and Secrets.'),
  row('spec.to.kind', 'Target kind: `Service` for backendRefs, `Secret` for Gateway certificateRefs.'),
  row('spec.to.name', 'Name of the one object allowed; unset allows every object of that kind in this namespace.'),
], FIRST_RECORDED);

/**
 * Ingress (networking.k8s.io/v1): layer 7 routing by host and path, TLS at the controller.
 */
import { docsOf, row, under, value, type FieldRow } from './define';
import { FIRST_RECORDED } from '../types';

export const INGRESS_API = 'https://kubernetes.io/docs/reference/kubernetes-api/service-resources/ingress-v1/';
export const INGRESS_CONCEPT = 'https://kubernetes.io/docs/concepts/services-networking/ingress/';

/** The backend of a path or the default backend: a Service port, or another resource. */
function backendRows(what: string): FieldRow[] {
  return [
    row('', `Where ${what} go: either \`service\` (a Service and one of its ports) or \`resource\` (another object, typically a storage bucket), never both.`),
    row('service', 'A Service in the Ingress\'s own namespace, and one of its ports. Cross-namespace backends are not possible with Ingress.'),
    row(
      'service.name',
      'Name of the Service, in the same namespace as the Ingress. The controller sends requests to the pods behind it (or to its cluster IP with some controllers); if the Service does not exist or has no ready endpoints, clients get an error (503 with ingress-nginx).',
    ),
    row('service.port', 'The Service port to use: give exactly one of `number` or `name`.'),
    row(
      'service.port.number',
      'A port number **of the Service** (`spec.ports[].port`), not the container port or targetPort. A number the Service does not define leaves the path without a backend.',
    ),
    row('service.port.name', 'The name of a Service port (`spec.ports[].name`); container port names do not work here.'),
    row('resource', 'A reference to another object in the Ingress\'s namespace, served by controllers that understand it. Cannot be combined with `service`.'),
    row('resource.apiGroup', 'API group of the referenced object; empty means the core group.'),
    row('resource.kind', 'Kind of the referenced object; the controller must know how to serve it.'),
    row('resource.name', 'Name of the referenced object, in the Ingress\'s namespace.'),
  ];
}

const rows: FieldRow[] = [
  row(
    'spec',
    'Layer 7 routing rules for an ingress controller. Unlike a LoadBalancer Service, an Ingress routes **HTTP(S) requests** by host name and URL path, terminates TLS at the controller, and only serves ports 80 and 443; the backend pods see the controller as the TCP peer, and controllers such as ingress-nginx pass the client address in the `X-Forwarded-For` header. Nothing happens unless a controller for its class runs in the cluster.',
    { source: INGRESS_CONCEPT },
  ),
  row(
    'spec.ingressClassName',
    'Name of the IngressClass, which names the controller that should serve this Ingress: on AKS `webapprouting.kubernetes.azure.com` (application routing add-on, managed NGINX), `azure-alb-external` (Application Gateway for Containers) or `azure-application-gateway` (AGIC). When omitted, the cluster\'s default IngressClass (annotated `ingressclass.kubernetes.io/is-default-class: "true"`) is filled in at creation; with no default, controllers may ignore the Ingress. Replaces the deprecated `kubernetes.io/ingress.class` annotation.',
    { source: INGRESS_CONCEPT },
  ),
  ...under('spec.defaultBackend', backendRows('requests matching no rule')),
  row(
    'spec.rules',
    'Host rules. A request is first matched on its Host header, then on its path. Requests matching no rule go to `defaultBackend`, or to the controller\'s own default (ingress-nginx answers 404).',
  ),
  row(
    'spec.rules.host',
    'Host name the rule applies to, matched against the HTTP Host header (and SNI for TLS). Either exact (`shop.example.com`) or a wildcard of one leading label (`*.example.com` matches `a.example.com` but not `example.com` or `a.b.example.com`). No IP addresses and no port. Without `host` the rule applies to every host.',
  ),
  row('spec.rules.http', 'The HTTP paths of this host. The only kind of rule value Ingress has.'),
  row('spec.rules.http.paths', 'Path to backend mappings. When several paths match a request, the longest match wins; at equal length an `Exact` path wins over a `Prefix` one.', { source: INGRESS_CONCEPT }),
  row(
    'spec.rules.http.paths.path',
    'The URL path to match; must start with `/` for `Exact` and `Prefix`. It is matched, not rewritten: the backend receives the original path unless the controller is told to rewrite it (e.g. ingress-nginx `rewrite-target`). Regular expressions only work with `ImplementationSpecific` on controllers that support them (ingress-nginx `use-regex`).',
  ),
  row('spec.rules.http.paths.pathType', 'How `path` is compared with the request path. Required in `networking.k8s.io/v1`.', {
    source: INGRESS_CONCEPT,
    values: [
      value('Exact', 'The path must equal `path`, case-sensitively; `/foo` does not match `/foo/`.'),
      value('Prefix', 'Element-wise prefix on `/`-separated segments, case-sensitive: `/foo` matches `/foo`, `/foo/` and `/foo/bar` but not `/foobar`. A trailing `/` in `path` is ignored.'),
      value('ImplementationSpecific', 'Up to the IngressClass: it may act like Prefix or Exact, or support regular expressions (ingress-nginx with `use-regex`).'),
    ],
  }),
  ...under('spec.rules.http.paths.backend', backendRows('matching requests')),
  row(
    'spec.tls',
    'TLS settings. The controller terminates TLS on port 443, choosing the certificate by SNI; traffic from the controller to the Service is plain HTTP unless the controller is told otherwise (e.g. ingress-nginx `backend-protocol: HTTPS`). Listing TLS usually also makes the controller redirect HTTP to HTTPS (ingress-nginx does by default). TLS passthrough to the pods is not part of the Ingress API.',
    { source: INGRESS_CONCEPT },
  ),
  row(
    'spec.tls.hosts',
    'Host names this certificate is for; they must match the hosts of `spec.rules` and the names in the certificate. A rule host that no TLS entry lists is served with the controller\'s default certificate (a self-signed one with ingress-nginx).',
  ),
  row(
    'spec.tls.secretName',
    'Name of a Secret of type `kubernetes.io/tls` (keys `tls.crt` and `tls.key`) in the Ingress\'s namespace. Controllers cannot read Secrets from other namespaces this way. With cert-manager annotations, cert-manager creates this Secret; with the AKS application routing add-on and `kubernetes.azure.com/tls-cert-keyvault-uri`, it must be `keyvault-<ingress name>`.',
  ),
  row('status', 'Written by the controller: the address (IP or host name) where the Ingress is served. Leave it out of manifests.'),
];

export const INGRESS_FIELDS = docsOf('Ingress', INGRESS_API, rows, FIRST_RECORDED);

/**
 * HTTPRoute filters, used both on a rule (`spec.rules.filters`) and on one backend (`backendRefs.filters`).
 */
import { row, under, value, type FieldRow } from './define';
import { extensionRefRows, headerModifierRows, mirrorRows } from './routeShared';

const FILTERS_PAGE = 'https://gateway-api.sigs.k8s.io/api-types/httproute/#filters-optional';

const pathModifierRows: FieldRow[] = [
  row('type', 'Which kind of path change: the whole path or the matched prefix.', {
    values: [
      value('ReplaceFullPath', 'Replace the whole path with `replaceFullPath`.'),
      value('ReplacePrefixMatch', 'Replace the part matched by the rule\'s PathPrefix match with `replacePrefixMatch`, keeping the rest (`/foo/bar` with prefix `/foo` and replacement `/xyz` becomes `/xyz/bar`). The rule must have exactly one PathPrefix match.'),
    ],
  }),
  row('replaceFullPath', 'The new path, with `type: ReplaceFullPath`.'),
  row('replacePrefixMatch', 'The replacement for the matched prefix, with `type: ReplacePrefixMatch`. An empty value removes the prefix (`/foo/bar` becomes `/bar`).'),
];

/** Rows for a filter list at `prefix`; `scope` says what the filters apply to. */
export function httpFilterRows(prefix: string, scope: string): FieldRow[] {
  return under(prefix, [
    row(
      '',
      `Processing applied to matching requests for ${scope}, in the listed order where the implementation can. RequestRedirect and URLRewrite cannot be combined; the header modifiers, RequestRedirect, URLRewrite and CORS may each appear only once, while RequestMirror and ExtensionRef may repeat.`,
      { source: FILTERS_PAGE },
    ),
    row('type', 'Which filter this entry is; the field of the same name (in lower camel case) holds its settings.', {
      source: FILTERS_PAGE,
      values: [
        value('RequestHeaderModifier', 'Set, add or remove request headers before forwarding (Core).'),
        value('ResponseHeaderModifier', 'Set, add or remove response headers before they reach the client (Extended).'),
        value('RequestRedirect', 'Answer with a redirect instead of forwarding, e.g. HTTP to HTTPS (Core). Not allowed together with backendRefs in the same rule.'),
        value('URLRewrite', 'Change the host or path while forwarding (Extended); the client does not see it.'),
        value('RequestMirror', 'Also send a copy of the request to another backend (Extended).'),
        value('CORS', 'Answer cross-origin requests with CORS headers (Extended).'),
        value('ExtensionRef', 'An implementation-specific filter defined by another object.'),
      ],
    }),
    row('requestHeaderModifier', 'Headers to change on the request before it is forwarded.'),
    ...under('requestHeaderModifier', headerModifierRows('request')),
    row('responseHeaderModifier', 'Headers to change on the response before it is returned to the client.'),
    ...under('responseHeaderModifier', headerModifierRows('response')),
    row('requestRedirect', 'Reply with a redirect (the `Location` header built from the request and these fields) instead of forwarding.'),
    row('requestRedirect.scheme', 'Scheme of the redirect target; unset keeps the request\'s.', {
      values: [value('http', 'Redirect to HTTP (port 80 unless `port` is set).'), value('https', 'Redirect to HTTPS (port 443 unless `port` is set): the usual HTTP-to-HTTPS redirect.')],
    }),
    row('requestRedirect.hostname', 'Host name of the redirect target; unset keeps the request\'s Host.'),
    row('requestRedirect.path', 'Path change of the redirect target; unset keeps the request path.'),
    ...under('requestRedirect.path', pathModifierRows),
    row('requestRedirect.port', 'Port of the redirect target. Unset: the well-known port of `scheme` when it is set, otherwise the listener\'s port.'),
    row('requestRedirect.statusCode', 'HTTP status of the redirect. Defaults to 302.', {
      values: [
        value('301', 'Moved Permanently (Core).'),
        value('302', 'Found, the default (Core).'),
        value('303', 'See Other (Extended).'),
        value('307', 'Temporary Redirect, keeps the method (Extended).'),
        value('308', 'Permanent Redirect, keeps the method (Extended).'),
      ],
    }),
    row('urlRewrite', 'Rewrites the request while forwarding it; unlike a redirect the client never sees the change.'),
    row('urlRewrite.hostname', 'New value of the Host header sent to the backend.'),
    row('urlRewrite.path', 'Path rewrite sent to the backend.'),
    ...under('urlRewrite.path', pathModifierRows),
    ...under('requestMirror', mirrorRows()),
    row('cors', 'Settings of the CORS filter: allowed origins, methods and headers returned to browsers (Extended).'),
    ...under('extensionRef', extensionRefRows()),
  ]);
}

/**
 * HTTPRoute (gateway.networking.k8s.io/v1): matches, filters, backends and timeouts of HTTP requests.
 */
import { docsOf, row, under, value, type FieldRow } from './define';
import { backendRefRows, hostnamesRow, parentRefRows, ROUTE_SPEC } from './routeShared';
import { httpFilterRows } from './httpRouteFilters';
import { FIRST_RECORDED } from '../types';

const PAGE = 'https://gateway-api.sigs.k8s.io/api-types/httproute/';

const matchType = (what: string) => [
  value('Exact', `The ${what} must equal \`value\` (Core).`),
  value('RegularExpression', `\`value\` is a regular expression; the dialect and support depend on the implementation.`),
];

const matchRows: FieldRow[] = [
  row(
    '',
    'Conditions a request must meet for this rule; the items are ORed, and within one item everything is ANDed. No matches means a prefix match on `/` (every request). Across all routes of a listener, the most specific match wins: Exact path, then longest prefix, then method, then most header matches, then most query parameter matches.',
    { source: PAGE },
  ),
  row('path', 'Path condition. Defaults to `PathPrefix` on `/`.'),
  row('path.type', 'How `value` is compared with the request path. Defaults to `PathPrefix`.', {
    values: [
      value('Exact', 'The whole path, case-sensitively: `/abc` matches neither `/abc/` nor `/abcd`.'),
      value('PathPrefix', 'Prefix on whole `/`-separated segments, case-sensitive, trailing `/` ignored: `/abc` matches `/abc`, `/abc/` and `/abc/def`, not `/abcd`. Same as Ingress `Prefix`.'),
      value('RegularExpression', 'A regular expression; dialect and precedence depend on the implementation.'),
    ],
  }),
  row('path.value', 'The path to match; defaults to `/`. For Exact and PathPrefix it must start with `/` and contain no `//`, `/./`, `/../`, `%2f` or `#`.'),
  row('headers', 'Header conditions, all of which must hold (at most 16). Names are compared case-insensitively; repeated names after the first are ignored.'),
  row('headers.type', 'How the header value is compared. Defaults to `Exact`.', { values: matchType('header value') }),
  row('headers.name', 'Header name, case-insensitive (e.g. `version`). HTTP/2 pseudo-headers such as `:method` are not allowed.'),
  row('headers.value', 'Value the header must have (exact by default, or a regular expression with `type: RegularExpression`).'),
  row('queryParams', 'Query parameter conditions, all of which must hold (Extended support). Do not rely on repeated parameters: implementations differ.'),
  row('queryParams.type', 'How the parameter value is compared. Defaults to `Exact`.', { values: matchType('parameter value') }),
  row('queryParams.name', 'Parameter name, matched exactly (case-sensitive).'),
  row('queryParams.value', 'Value the parameter must have (exact by default, or a regular expression with `type: RegularExpression`).'),
  row('method', 'HTTP method the request must use, in upper case (Extended support).', {
    values: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'].map((m) => value(m, `Matches ${m} requests only.`)),
  }),
];

const rows: FieldRow[] = [
  row('spec', 'Routing of HTTP requests: which Gateway listeners this route attaches to (parentRefs), which host names it serves, and rules mapping matched requests to backends, with optional filters.', { source: PAGE }),
  ...parentRefRows('HTTPRoute'),
  hostnamesRow('HTTPRoute'),
  row('spec.rules', 'Rules of this route (at most 16). Defaults to one rule matching every path. When several rules in attached routes match a request, the most specific match wins (see `matches`).'),
  row('spec.rules.name', 'Optional name of the rule, unique in the route; policies and status can refer to it.'),
  ...under('spec.rules.matches', matchRows),
  ...httpFilterRows('spec.rules.filters', 'the rule'),
  ...under('spec.rules.backendRefs', backendRefRows('HTTPRoute', 'a 500 response')),
  ...httpFilterRows('spec.rules.backendRefs.filters', 'this backend only (Implementation-specific; prefer rule filters)'),
  row('spec.rules.timeouts', 'Request timeouts of this rule (Extended support), as Gateway API durations such as `10s` or `1m30s`.'),
  row(
    'spec.rules.timeouts.request',
    'Longest time the Gateway waits to respond to a client request, retries included; when exceeded it answers with a timeout error. `0s` disables the timeout. Unset means the implementation\'s default.',
  ),
  row(
    'spec.rules.timeouts.backendRequest',
    'Longest time for one request from the Gateway to a backend until its full response. Must not exceed `request`. `0s` disables it.',
  ),
  row('spec.rules.retry', 'Retries of failed backend requests (Extended support): which status codes, how many attempts, with what backoff.'),
  row('spec.rules.retry.codes', 'HTTP status codes (400-599) to retry; 500, 502, 503 and 504 must be supported.'),
  row('spec.rules.retry.attempts', 'Retries in addition to the first request. `0` disables retries; unset leaves it to the implementation.'),
  row('spec.rules.retry.backoff', 'Base wait between retries, as a duration; the exact curve is up to the implementation.'),
  row('status', 'Written by the implementations: per parent, whether the route is Accepted and whether its references resolved (ResolvedRefs). Leave it out of manifests.'),
];

export const HTTP_ROUTE_FIELDS = docsOf('HTTPRoute', ROUTE_SPEC, rows, FIRST_RECORDED);

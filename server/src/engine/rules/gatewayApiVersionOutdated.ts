import { GATEWAY_API_KINDS, gatewayApiKindStatus } from '../kb/gatewayApiReleases';
import { defineRule } from './rule';

const GROUP = 'gateway.networking.k8s.io';
const EXPERIMENTAL_GROUP = 'gateway.networking.x-k8s.io';

/**
 * gateway-api-version-outdated: a Gateway API kind written in an older, experimental version although it is in the
 * Standard channel now: TLSRoute `v1alpha2` (left in Experimental only from v1.5, removed in v1.6: a warning) or
 * `v1alpha3`, BackendTLSPolicy before `v1`, and `XListenerSet` (`gateway.networking.x-k8s.io`), which became
 * ListenerSet `v1` in v1.5 (infos).
 */
export const gatewayApiVersionOutdated = defineRule({
  id: 'gateway-api-version-outdated',
  defaultSeverity: 'warning',
  title: 'A Gateway API kind is written in an experimental version although it is GA now',
  sources: [...new Set(GATEWAY_API_KINDS.map((k) => k.source))],
  appliesTo: ['TLSRoute', 'BackendTLSPolicy', 'XListenerSet'],
  check(resource, ctx): void {
    const [group, version] = resource.apiVersion.includes('/') ? resource.apiVersion.split('/') : ['', resource.apiVersion];
    if (resource.kind === 'XListenerSet' && group === EXPERIMENTAL_GROUP) {
      const status = gatewayApiKindStatus('ListenerSet')!;
      ctx.report({
        span: resource.kindSpan,
        severity: 'info',
        message: `XListenerSet is the experimental name: ListenerSet is \`${GROUP}/${status.standardVersion}\` in the Standard channel since Gateway API ${status.standardSince}. Write \`apiVersion: ${GROUP}/${status.standardVersion}\` and \`kind: ListenerSet\` once the cluster's CRDs are v1.5 or later.`,
        data: { kind: 'ListenerSet', apiVersion: `${GROUP}/${status.standardVersion}` },
      });
      return;
    }
    if (group !== GROUP) return;
    const status = gatewayApiKindStatus(resource.kind);
    if (!status || version === status.standardVersion || version === undefined || !/^v\d+(alpha|beta)\d+$/.test(version)) return;
    const why = status.deprecatedVersions?.[version];
    const removed = why?.includes('removed') ?? false;
    ctx.report({
      span: resource.kindSpan,
      ...(removed ? {} : { severity: 'info' as const }),
      message:
        `${resource.kind} \`${version}\`: ${why ?? 'an experimental version'}; ${resource.kind} is \`${GROUP}/${status.standardVersion}\` in the Standard channel since Gateway API ${status.standardSince}. ` +
        `Write \`apiVersion: ${GROUP}/${status.standardVersion}\` once the cluster's Gateway API CRDs are ${status.standardSince.replace(/\.0$/, '')} or later.`,
      data: { apiVersion: `${GROUP}/${status.standardVersion}` },
    });
  },
});

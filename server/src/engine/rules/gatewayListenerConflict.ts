import type { GatewayListener } from '../model/resources';
import { defineRule } from './rule';
import { isGatewayApi } from './shared/gatewayApi';

const TLS_PROTOCOLS: ReadonlySet<string> = new Set(['HTTPS', 'TLS']);

/**
 * gateway-listener-conflict: two listeners of one Gateway that cannot both work: the same name (the API server
 * rejects the Gateway, listeners are keyed by name), the same port + protocol + hostname (both are marked
 * Conflicted and neither serves), or plain HTTP and TLS on one port (a protocol conflict).
 */
export const gatewayListenerConflict = defineRule({
  id: 'gateway-listener-conflict',
  defaultSeverity: 'error',
  title: 'Two listeners of a Gateway conflict (same name, or same port, protocol and hostname)',
  appliesTo: ['Gateway'],
  check(gateway, ctx): void {
    if (!isGatewayApi(gateway)) return;
    gateway.listeners.forEach((listener, i) => {
      const earlier = gateway.listeners.slice(0, i);
      const sameName = earlier.find((l) => l.name === listener.name && listener.name !== '');
      if (sameName) {
        ctx.report({
          span: listener.span,
          message: `Gateway \`${gateway.name}\` has two listeners named \`${listener.name}\`: the API server rejects it (listener names must be unique).`,
          data: { listener: listener.name },
        });
        return;
      }
      if (listener.port === undefined) return;
      const same = earlier.find((l) => l.port === listener.port && l.protocol === listener.protocol && hostnameOf(l) === hostnameOf(listener));
      if (same) {
        ctx.report({
          span: listener.span,
          message:
            `Listeners \`${same.name}\` and \`${listener.name}\` of Gateway \`${gateway.name}\` both take ${listener.protocol ?? '?'} on port ${listener.port} for ${hostnameOf(listener) || 'every hostname'}: ` +
            'they conflict (Conflicted=True) and neither is programmed. Give them different hostnames or ports, or merge them.',
          related: [{ file: gateway.file, span: same.span, message: `listener ${same.name}` }],
          data: { listener: listener.name, other: same.name, port: listener.port },
        });
        return;
      }
      const mixed = earlier.find((l) => l.port === listener.port && l.protocol !== undefined && listener.protocol !== undefined && plainAndTls(l, listener));
      if (mixed) {
        ctx.report({
          span: listener.span,
          severity: 'warning',
          message: `Listener \`${listener.name}\` (${listener.protocol}) and \`${mixed.name}\` (${mixed.protocol}) of Gateway \`${gateway.name}\` share port ${listener.port}: plain HTTP and TLS cannot be served on one port (ProtocolConflict).`,
          related: [{ file: gateway.file, span: mixed.span, message: `listener ${mixed.name}` }],
          data: { listener: listener.name, other: mixed.name, port: listener.port },
        });
      }
    });
  },
});

function hostnameOf(listener: GatewayListener): string {
  return (listener.hostname ?? '').toLowerCase();
}

function plainAndTls(a: GatewayListener, b: GatewayListener): boolean {
  return (a.protocol === 'HTTP' && TLS_PROTOCOLS.has(b.protocol!)) || (b.protocol === 'HTTP' && TLS_PROTOCOLS.has(a.protocol!));
}

import { workloadsOfService } from '../model/serviceBackends';
import { defineRule } from './rule';
import { byLocation } from './shared/order';

/**
 * service-port-protocol-mismatch: a Service port's numeric targetPort is declared by the selected containers, but
 * only with another protocol (`53/UDP` behind a `53/TCP` Service port). The Service forwards its own protocol, so the
 * traffic reaches a port the container says it does not serve with that protocol. Named targetPorts are matched by
 * name and protocol already, and their misses are service-target-port-missing's.
 */
export const servicePortProtocolMismatch = defineRule({
  id: 'service-port-protocol-mismatch',
  defaultSeverity: 'warning',
  title: 'A Service port forwards a protocol the targeted container port does not declare',
  appliesTo: ['Service'],
  check(service, ctx): void {
    const workloads = byLocation(workloadsOfService(ctx.index, service));
    if (workloads.length === 0) return;
    for (const port of service.ports) {
      if (typeof port.targetPort !== 'number') continue;
      const declared = workloads.flatMap((w) =>
        w.containers.filter((c) => !c.init).flatMap((c) => c.ports.filter((p) => p.containerPort === port.targetPort).map((p) => ({ workload: w, container: c, port: p }))),
      );
      // Not declared at all is service-target-port-missing's case; declared with the same protocol anywhere is fine
      // (one container may declare 53/TCP and 53/UDP; variants of an app may differ).
      if (declared.length === 0 || declared.some((d) => d.port.protocol === port.protocol)) continue;
      const first = declared[0]!;
      const protocols = [...new Set(declared.map((d) => d.port.protocol))].join('/');
      ctx.report({
        span: port.targetPortSpan ?? port.span,
        message:
          `Service \`${service.name}\` port ${port.port}/${port.protocol} targets container port ${port.targetPort}, which ` +
          `${first.workload.kind} \`${first.workload.name}\` (container \`${first.container.name}\`) declares as ${protocols} only: ` +
          `${port.protocol} traffic goes to a port the container does not serve over ${port.protocol}. Set \`protocol: ${first.port.protocol}\` on the Service port, or declare the port with ${port.protocol}.`,
        related: declared.slice(0, 3).map((d) => ({ file: d.workload.file, span: d.port.span, message: `${d.workload.kind} ${d.workload.name}: ${d.port.containerPort}/${d.port.protocol}` })),
        data: { servicePort: port.port, serviceProtocol: port.protocol, containerProtocol: first.port.protocol },
      });
    }
  },
});

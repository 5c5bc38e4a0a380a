import { describeContainerPorts, resolveTargetPort, workloadsOfService } from '../model/serviceBackends';
import { defineRule } from './rule';

/**
 * service-target-port-missing: a named targetPort that no container of the selected pods declares (with the
 * Service port's protocol) gives the Service no endpoints for that port: an error. A numeric targetPort that no
 * container declares still reaches the pod (declaring ports is optional), so it is only worth an info, and only when
 * the containers declare other ports (a likely typo); pods that declare no ports at all are not flagged.
 */
export const serviceTargetPortMissing = defineRule({
  id: 'service-target-port-missing',
  defaultSeverity: 'error',
  title: 'A Service targetPort is not declared by the selected containers',
  doc: { severityNote: 'info for numeric ports' },
  appliesTo: ['Service'],
  check(service, ctx): void {
    const workloads = workloadsOfService(ctx.index, service);
    if (workloads.length === 0) return; // service-selects-nothing says it.
    for (const port of service.ports) {
      const misses = workloads.filter((w) => !resolveTargetPort(w, port));
      // With variants of one app in the workspace, a port is fine when any definition declares it.
      if (misses.length < workloads.length) continue;
      const first = workloads[0]!;
      const shown = `${first.kind} \`${first.name}\``;
      const span = port.targetPortSpan ?? port.span;
      const related = workloads.slice(0, 3).map((w) => ({ file: w.file, span: w.podLabelsSpan, message: `${w.kind} ${w.name} declares ports: ${describeContainerPorts(w)}` }));
      if (typeof port.targetPort === 'string') {
        ctx.report({
          span,
          message: `targetPort \`${port.targetPort}\` (${port.protocol}) of Service \`${service.name}\` port ${port.port} is not a container port name in ${shown}` +
            `${workloads.length > 1 ? ` or the ${workloads.length - 1} other selected workload(s)` : ''}: the Service has no endpoints for it. Declared ports: ${describeContainerPorts(first)}`,
          related,
          data: { targetPort: port.targetPort, servicePort: port.port },
        });
      } else if (workloads.some((w) => w.containers.some((c) => c.ports.length > 0))) {
        // Only when the pods declare ports but not this one: many manifests declare none at all, and then there is
        // nothing to compare against (no noise).
        ctx.report({
          severity: 'info',
          span,
          message: `targetPort ${port.targetPort} of Service \`${service.name}\` is not declared by ${shown}; traffic still goes to port ${port.targetPort}, ` +
            `but check that the container listens there. Declared ports: ${describeContainerPorts(first)}`,
          related,
          data: { targetPort: port.targetPort, servicePort: port.port },
        });
      }
    }
  },
});

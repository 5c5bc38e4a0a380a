/// <reference lib="dom" />
/**
 * Layout: the cytoscape side of our ELK adapter (elkLayout.ts). Each node's box is measured with its label, handed
 * to ELK's layered algorithm with its namespace as parent, and put where ELK says; namespaces then wrap their
 * children. Traffic reads from left to right: Internet / VNet / node network in the first layer, destinations outside
 * the cluster and DNS in the last, load balancers, controllers, Gateways and workloads in between.
 */
import type cytoscape from 'cytoscape';
import { layeredLayout, type LayoutBox } from './elkLayout';
import { columnOf } from './layoutColumns';

/** Lays the graph out; returns the milliseconds it took. The positions are applied only if `stillWanted()` says so. */
export async function layoutGraph(cy: cytoscape.Core, stillWanted: () => boolean = () => true): Promise<number> {
  const started = performance.now();
  const boxes: LayoutBox[] = cy.nodes().map((node) => {
    const box = node.isParent() ? { w: 0, h: 0 } : node.boundingBox({ includeLabels: true, includeOverlays: false });
    const parent = node.parent().first();
    return {
      id: node.id(),
      parent: parent.nonempty() ? parent.id() : undefined,
      width: Math.ceil(box.w),
      height: Math.ceil(box.h),
      column: columnOf((node.data('ref') as { type?: string } | undefined)?.type),
    };
  });
  const links = cy.edges().map((edge) => ({ id: edge.id(), source: edge.source().id(), target: edge.target().id() }));
  const { positions } = await layeredLayout(boxes, links);
  if (!stillWanted()) return Math.round(performance.now() - started);
  cy.batch(() => {
    for (const [id, centre] of positions) {
      const node = cy.getElementById(id);
      if (node.nonempty() && !node.isParent()) {
        // A label below the node makes its box taller than the node: ELK placed the box, the node sits at its top.
        const box = node.boundingBox({ includeLabels: true, includeOverlays: false });
        node.position({ x: centre.x, y: centre.y - box.h / 2 + node.outerHeight() / 2 });
      }
    }
  });
  return Math.round(performance.now() - started);
}

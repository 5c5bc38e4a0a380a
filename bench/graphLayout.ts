/**
 * Layout time of the connectivity graph at 8, 20, 50 and 200 workloads (`npm run bench:layout`): the generated AKS-style
 * workspace of test/e2e/lib/generateWorkspace.mjs, the engine's graph data, the webview's own elements (one line per
 * pair) and its layout code (layout.ts with our ELK adapter), in a headless cytoscape. Headless, labels are not measured
 * (no canvas), so the boxes are the nodes alone; the webview's boxes are wider by their labels. Each size is laid out
 * five times after one warm-up; the median is printed.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import cytoscape from 'cytoscape';
import { Analysis } from '../server/src/engine/analysis';
import { connectivityGraph } from '../server/src/engine/features/graph';
import { toElements } from '../client/src/graph/webview/elements';
import { layoutGraph } from '../client/src/graph/webview/layout';
import type { Graph } from '../client/src/graph/protocol';

const SIZES = [8, 20, 50, 200];
const RUNS = 5;

async function main(): Promise<void> {
  const repo = process.env.BENCH_REPO ?? process.cwd();
  const modulePath = path.join(repo, 'test', 'e2e', 'lib', 'generateWorkspace.mjs');
  const { generateGraphWorkspace } = (await import(pathToFileURL(modulePath).href)) as { generateGraphWorkspace: (n: number, perNamespace?: number) => Map<string, string> };
  console.log('workloads  nodes  lines  layout ms (median of 5)');
  for (const size of SIZES) {
    const analysis = new Analysis();
    for (const [file, text] of generateGraphWorkspace(size, size < 25 ? Math.max(4, Math.ceil(size / 2)) : 25)) analysis.setFile(file, text);
    analysis.refresh();
    const graph = connectivityGraph(analysis.index) as unknown as Graph;
    const times: number[] = [];
    let nodes = 0;
    let lines = 0;
    for (let run = 0; run <= RUNS; run++) {
      const cy = cytoscape({ headless: true, styleEnabled: true, style: [{ selector: 'node', style: { width: 30, height: 30 } }] });
      cy.add(toElements(graph));
      nodes = cy.nodes().length;
      lines = cy.edges().length;
      const ms = await layoutGraph(cy);
      if (run > 0) times.push(ms);
      cy.destroy();
    }
    times.sort((a, b) => a - b);
    console.log(`${String(size).padStart(9)}  ${String(nodes).padStart(5)}  ${String(lines).padStart(5)}  ${times[Math.floor(times.length / 2)]}`);
  }
}

void main();

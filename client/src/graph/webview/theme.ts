/// <reference lib="dom" />
/**
 * Colours from the VS Code theme (the CSS variables VS Code sets on the webview's body), turned into the cytoscape
 * stylesheet. Meaning never rests on colour alone: isolated workloads are rounded squares, open ones circles; egress
 * isolation adds a double border; denied and blocked edges end in a bar (tee) and are dashed or dotted.
 */
import type cytoscape from 'cytoscape';

export interface Palette {
  foreground: string;
  background: string;
  muted: string;
  border: string;
  focus: string;
  isolated: string;
  open: string;
  entry: string;
  denied: string;
  dependency: string;
  exposure: string;
  fontFamily: string;
}

export function readPalette(): Palette {
  const style = getComputedStyle(document.body);
  const color = (names: string[], fallback: string): string => {
    for (const name of names) {
      const value = normalizeColor(style.getPropertyValue(name).trim());
      if (value) return value;
    }
    return fallback;
  };
  const dark = document.body.classList.contains('vscode-dark') || document.body.classList.contains('vscode-high-contrast');
  return {
    foreground: color(['--vscode-editor-foreground', '--vscode-foreground'], dark ? '#cccccc' : '#333333'),
    background: color(['--vscode-editor-background'], dark ? '#1e1e1e' : '#ffffff'),
    muted: color(['--vscode-descriptionForeground', '--vscode-editorLineNumber-foreground'], '#888888'),
    border: color(['--vscode-panel-border', '--vscode-widget-border', '--vscode-editorWidget-border'], '#888888'),
    focus: color(['--vscode-focusBorder'], '#007fd4'),
    isolated: color(['--vscode-charts-green', '--vscode-testing-iconPassed'], '#388a34'),
    open: color(['--vscode-charts-orange', '--vscode-editorWarning-foreground'], '#d18616'),
    entry: color(['--vscode-charts-blue', '--vscode-textLink-foreground'], '#3794ff'),
    denied: color(['--vscode-charts-red', '--vscode-errorForeground', '--vscode-editorError-foreground'], '#e51400'),
    dependency: color(['--vscode-charts-purple'], '#b180d7'),
    exposure: color(['--vscode-charts-blue', '--vscode-textLink-foreground'], '#3794ff'),
    fontFamily: style.getPropertyValue('--vscode-font-family').trim() || 'sans-serif',
  };
}

/** cytoscape reads #rgb, #rrggbb, rgb(), rgba(), hsl() and names; VS Code also uses #rrggbbaa. */
export function normalizeColor(value: string): string {
  const hex = /^#([0-9a-f]{8})$/i.exec(value);
  if (hex) {
    const n = hex[1]!;
    const [r, g, b, a] = [0, 2, 4, 6].map((i) => parseInt(n.slice(i, i + 2), 16));
    return `rgba(${r}, ${g}, ${b}, ${(a! / 255).toFixed(2)})`;
  }
  const short = /^#([0-9a-f]{4})$/i.exec(value);
  if (short) {
    const [r, g, b, a] = [...short[1]!].map((c) => parseInt(c + c, 16));
    return `rgba(${r}, ${g}, ${b}, ${(a! / 255).toFixed(2)})`;
  }
  return value;
}

/**
 * Label sizes for a zoom level: labels grow when the graph is zoomed out (up to a limit) so that they stay near their
 * normal size on screen; below that, cytoscape hides them (`min-zoomed-font-size`) until one zooms in.
 */
export function labelSizes(zoom: number): { node: number; edge: number; namespace: number } {
  const grow = (base: number, max: number) => Math.round(Math.max(base, Math.min(max, base / zoom)));
  return { node: grow(12, 20), edge: grow(10, 16), namespace: grow(13, 120) };
}

export function stylesheet(p: Palette, sizes = labelSizes(1)): cytoscape.StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        color: p.foreground,
        'font-family': p.fontFamily,
        'font-size': sizes.node,
        'text-wrap': 'wrap',
        'text-max-width': '220px',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 4,
        'min-zoomed-font-size': 7,
        width: 30,
        height: 30,
        'border-width': 2,
        'border-color': p.background,
      },
    },
    { selector: 'node.workload', style: { shape: 'ellipse', 'background-color': p.open, 'border-color': p.open, 'border-opacity': 1 } },
    { selector: 'node.workload.isolated-ingress', style: { shape: 'round-rectangle', 'background-color': p.isolated, 'border-color': p.isolated } },
    { selector: 'node.workload.isolated-egress', style: { 'border-style': 'double', 'border-width': 6, 'border-color': p.foreground } },
    // Reachable by any pod of the cluster, or by pods of namespaces a selector names (issue 21): a dotted ring.
    { selector: 'node.workload.cluster-exposed-entire-cluster', style: { 'underlay-color': p.exposure, 'underlay-padding': 4, 'underlay-opacity': 0.35, 'underlay-shape': 'ellipse' } },
    { selector: 'node.workload.cluster-exposed-selectors', style: { 'underlay-color': p.exposure, 'underlay-padding': 4, 'underlay-opacity': 0.15, 'underlay-shape': 'ellipse' } },
    { selector: 'node.workload.context', style: { 'background-opacity': 0.45, 'font-style': 'italic' } },
    { selector: 'node.workload.exposed', style: { 'outline-width': 3, 'outline-color': p.exposure, 'outline-offset': 2, 'outline-opacity': 0.9 } },
    {
      selector: 'node.namespace',
      style: {
        shape: 'round-rectangle',
        'background-color': p.foreground,
        'background-opacity': 0.05,
        'border-width': 1,
        'border-color': p.border,
        'border-style': 'solid',
        label: 'data(label)',
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-y': -4,
        'font-weight': 'bold',
        'font-size': sizes.namespace,
        'min-zoomed-font-size': 0,
        'text-wrap': 'none',
        padding: '14px',
      },
    },
    { selector: 'node.namespace.context', style: { 'border-style': 'dashed' } },
    { selector: 'node.entry', style: { 'background-color': p.entry, 'border-color': p.entry, width: 30, height: 30, 'font-weight': 'bold' } },
    { selector: 'node.internet, node.vnet, node.nodes', style: { shape: 'round-hexagon', width: 38, height: 34 } },
    { selector: 'node.load-balancer', style: { shape: 'round-triangle' } },
    { selector: 'node.ingress-controller', style: { shape: 'round-tag' } },
    { selector: 'node.gateway', style: { shape: 'round-pentagon' } },
    { selector: 'node.external, node.host', style: { shape: 'barrel', 'background-color': p.muted, 'border-color': p.muted } },
    { selector: 'node.dns', style: { shape: 'round-diamond', 'background-color': p.muted, 'border-color': p.muted } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'curve-style': 'bezier',
        'line-color': p.muted,
        'target-arrow-color': p.muted,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        label: '',
        color: p.foreground,
        'font-family': p.fontFamily,
        'font-size': sizes.edge,
        'min-zoomed-font-size': 8,
        'text-rotation': 'autorotate',
        'text-background-color': p.background,
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'loop-direction': '-45deg',
        'loop-sweep': '-60deg',
      },
    },
    // One line per pair (pairEdges.ts): its classes are the kinds it merges and its verdict, the worst of its parts.
    { selector: 'edge.policy.all', style: { width: 2.5 } },
    { selector: 'edge.dependency', style: { 'line-color': p.dependency, 'target-arrow-color': p.dependency, width: 2 } },
    { selector: 'edge.exposure', style: { 'line-color': p.exposure, 'target-arrow-color': p.exposure, width: 2 } },
    { selector: 'edge.unknown', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4] } },
    { selector: 'edge.denied', style: { 'line-style': 'dotted', 'line-color': p.denied, 'target-arrow-color': p.denied, 'target-arrow-shape': 'tee', width: 3, color: p.denied, 'font-weight': 'bold' } },
    // Labels on hover and selection; denied lines always say what is denied.
    { selector: 'edge.labelled, edge:selected, edge.denied', style: { label: 'data(label)' } },
    { selector: ':selected', style: { 'overlay-color': p.focus, 'overlay-opacity': 0.25, 'overlay-padding': 4 } },
    { selector: '.faded', style: { opacity: 0.15 } },
    { selector: '.hidden', style: { display: 'none' } },
  ];
}

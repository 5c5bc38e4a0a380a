// cytoscape-fcose ships no types: it is a cytoscape extension (`cytoscape.use(fcose)`) that adds the `fcose` layout.
declare module 'cytoscape-fcose' {
  const fcose: (cy: unknown) => void;
  export default fcose;
}

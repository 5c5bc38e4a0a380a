/**
 * The layer order of Kube Netlens, checked by dependency-cruiser in `npm test` (test/architecture.test.ts). See
 * ARCHITECTURE.md ("Code map" and "Layers"). A rule here is the promise; a violation fails the suite.
 *
 * Inside the engine (server/src/engine), a folder imports only folders of lower layers (and itself):
 *   util, kb <- address <- syntax <- model <- profile <- netpol, exposure <- reach, egress <- rules <- checkResults.ts
 *   <- analysis.ts <- features, fixes
 * Outside it: io -> engine; cli -> engine, io; lsp -> engine, io, protocol; protocol -> engine feature types and
 * command ids; client -> protocol and the address module only. The engine imports no IO, no vscode, nothing above it.
 */
const LAYERS = [
  ['util', 'kb'],
  ['address'],
  ['syntax'],
  ['model'],
  ['profile'],
  ['netpol', 'exposure'],
  ['reach', 'egress'],
  ['rules'],
  ['checkResults.ts'],
  ['analysis.ts'],
  ['features', 'fixes'],
];

/**
 * Imports that cross the order on purpose: generated YAML (fixes/yamlRender, yamlGuard) also renders profiles; the
 * reachability model's whole-workspace queries are steppable (the `Steps` type of features/steps.ts).
 */
const ALLOWED_UPWARD = {
  profile: ['fixes/yamlRender\\.ts$', 'fixes/yamlGuard\\.ts$'],
  reach: ['features/steps\\.ts$'],
};

const ENGINE = '^server/src/engine/';
const unit = (name) => (name.endsWith('.ts') ? name.replace('.', '\\.') + '$' : `${name}/`);

const layerRules = LAYERS.flatMap((layer, index) => {
  const below = LAYERS.slice(0, index).flat();
  return layer.map((name) => {
    // Folders of the same layer stay apart too (features and fixes excepted: fixes reuse feature text).
    const peers = name === 'fixes' ? ['features'] : [];
    const allowed = [name, ...below, ...peers].map(unit).concat(ALLOWED_UPWARD[name] ?? []);
    return {
      name: `engine-layer-${name.replace('.ts', '')}`,
      comment: `engine/${name} imports only lower layers (${below.join(', ') || 'none'}${peers.length ? `, ${peers.join(', ')}` : ''})`,
      severity: 'error',
      from: { path: `${ENGINE}${unit(name)}` },
      to: { path: ENGINE, pathNot: `${ENGINE}(${allowed.join('|')})` },
    };
  });
});

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'engine-pure-no-io',
      comment: 'The engine is pure: no file system, processes, network, timers or OS (ARCHITECTURE.md, "The engine is pure").',
      severity: 'error',
      from: { path: ENGINE },
      to: { dependencyTypes: ['core'], path: '^(node:)?(fs|path|child_process|net|http|https|os|process|worker_threads|timers|dgram|dns|tls|cluster)(/|$)' },
    },
    {
      name: 'engine-no-vscode',
      severity: 'error',
      from: { path: ENGINE },
      to: { path: '^vscode' },
    },
    {
      name: 'engine-nothing-above',
      comment: 'The engine imports nothing from lsp/, cli/, io/, protocol/ or the client.',
      severity: 'error',
      from: { path: ENGINE },
      to: { path: '^(server/src/(lsp|cli|io|protocol)/|client/)' },
    },
    {
      name: 'reachability-only-through-the-model',
      comment:
        'Who can reach whom is computed only by the reachability model: outside engine/netpol/ and engine/reach/ nothing imports the evaluation internals at run time (types may be imported; what policies select comes through reach/selection.ts).',
      severity: 'error',
      from: { pathNot: '^server/src/engine/(netpol|reach)/' },
      to: {
        path: '^server/src/engine/netpol/(evaluate|connectivity|cachedModel|model|semantics|partlyKnownPods|policyTrail|syntheticPods|namespaceGroups|cilium/evaluate|cilium/trail)\\.ts$',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'io-below-surfaces',
      severity: 'error',
      from: { path: '^server/src/io/' },
      to: { path: '^(server/src/(lsp|cli|protocol)/|client/)' },
    },
    {
      name: 'cli-not-lsp',
      severity: 'error',
      from: { path: '^server/src/cli/' },
      to: { path: '^(server/src/(lsp|protocol)/|client/)' },
    },
    {
      name: 'lsp-not-cli',
      comment: 'The server shares only the version with the CLI.',
      severity: 'error',
      from: { path: '^server/src/lsp/' },
      to: { path: '^(server/src/cli/|client/)', pathNot: '^server/src/cli/version\\.ts$' },
    },
    {
      name: 'protocol-types-and-ids-only',
      comment: 'The protocol module shared by client and server carries types and command ids, no engine behaviour.',
      severity: 'error',
      from: { path: '^server/src/protocol/' },
      to: { path: '^server/src/(engine|lsp|cli|io)/', pathNot: '^server/src/engine/features/(commandIds\\.ts|graph/types\\.ts)$' },
    },
    {
      name: 'client-through-protocol',
      comment: 'The client asks the server; it runs only the protocol module and the address module (for input checks).',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^server/', pathNot: '^server/src/(protocol/|engine/address/)' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    exclude: { path: '^(out|dist|node_modules)/' },
    // Packages resolve as Node and TypeScript resolve them (package `exports`: vscode-languageserver/node).
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], mainFields: ['module', 'main', 'types', 'typings'] },
  },
};

/**
 * Coverage: the field paths that must be documented, written out from the API references (Kubernetes core/v1
 * ServiceSpec and ContainerPort, networking.k8s.io/v1 Ingress, IngressClass and NetworkPolicy, Gateway API v1
 * Gateway, GatewayClass, HTTPRoute, GRPCRoute and ReferenceGrant). A path missing from the knowledge base fails.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldDoc } from '../../server/src/engine/kb/fieldDocs';

const selector = (prefix: string) => [
  `${prefix}.matchLabels`,
  `${prefix}.matchExpressions`,
  `${prefix}.matchExpressions.key`,
  `${prefix}.matchExpressions.operator`,
  `${prefix}.matchExpressions.values`,
];

const peer = (prefix: string) => [
  prefix,
  `${prefix}.podSelector`,
  ...selector(`${prefix}.podSelector`),
  `${prefix}.namespaceSelector`,
  ...selector(`${prefix}.namespaceSelector`),
  `${prefix}.ipBlock`,
  `${prefix}.ipBlock.cidr`,
  `${prefix}.ipBlock.except`,
];

const policyPorts = (prefix: string) => [prefix, `${prefix}.protocol`, `${prefix}.port`, `${prefix}.endPort`];

const ingressBackend = (prefix: string) => [
  prefix,
  `${prefix}.service`,
  `${prefix}.service.name`,
  `${prefix}.service.port`,
  `${prefix}.service.port.number`,
  `${prefix}.service.port.name`,
  `${prefix}.resource`,
  `${prefix}.resource.apiGroup`,
  `${prefix}.resource.kind`,
  `${prefix}.resource.name`,
];

const parentRefs = ['spec.parentRefs', ...['group', 'kind', 'namespace', 'name', 'sectionName', 'port'].map((f) => `spec.parentRefs.${f}`)];

const backendRef = (prefix: string) => [prefix, ...['name', 'namespace', 'port', 'weight', 'kind', 'group'].map((f) => `${prefix}.${f}`)];

const headerModifier = (prefix: string) => [prefix, ...['set', 'set.name', 'set.value', 'add', 'add.name', 'add.value', 'remove'].map((f) => `${prefix}.${f}`)];

const mirror = (prefix: string) => [
  prefix,
  `${prefix}.backendRef`,
  ...['name', 'namespace', 'port', 'kind', 'group'].map((f) => `${prefix}.backendRef.${f}`),
  `${prefix}.percent`,
  `${prefix}.fraction`,
  `${prefix}.fraction.numerator`,
  `${prefix}.fraction.denominator`,
];

const extensionRef = (prefix: string) => [prefix, `${prefix}.group`, `${prefix}.kind`, `${prefix}.name`];

const pathModifier = (prefix: string) => [prefix, `${prefix}.type`, `${prefix}.replaceFullPath`, `${prefix}.replacePrefixMatch`];

const httpFilters = (prefix: string) => [
  prefix,
  `${prefix}.type`,
  ...headerModifier(`${prefix}.requestHeaderModifier`),
  ...headerModifier(`${prefix}.responseHeaderModifier`),
  `${prefix}.requestRedirect`,
  `${prefix}.requestRedirect.scheme`,
  `${prefix}.requestRedirect.hostname`,
  ...pathModifier(`${prefix}.requestRedirect.path`),
  `${prefix}.requestRedirect.port`,
  `${prefix}.requestRedirect.statusCode`,
  `${prefix}.urlRewrite`,
  `${prefix}.urlRewrite.hostname`,
  ...pathModifier(`${prefix}.urlRewrite.path`),
  ...mirror(`${prefix}.requestMirror`),
  ...extensionRef(`${prefix}.extensionRef`),
];

const grpcFilters = (prefix: string) => [
  prefix,
  `${prefix}.type`,
  ...headerModifier(`${prefix}.requestHeaderModifier`),
  ...headerModifier(`${prefix}.responseHeaderModifier`),
  ...mirror(`${prefix}.requestMirror`),
  ...extensionRef(`${prefix}.extensionRef`),
];

const containerPorts = (prefix: string) => [`${prefix}.ports`, ...['containerPort', 'name', 'protocol', 'hostPort', 'hostIP'].map((f) => `${prefix}.ports.${f}`)];

const REQUIRED: Record<string, string[]> = {
  '*': ['apiVersion', 'kind', 'metadata', 'metadata.name', 'metadata.namespace', 'metadata.labels', 'metadata.annotations'],
  Service: [
    'spec',
    'spec.type',
    'spec.selector',
    'spec.ports',
    'spec.ports.name',
    'spec.ports.protocol',
    'spec.ports.appProtocol',
    'spec.ports.port',
    'spec.ports.targetPort',
    'spec.ports.nodePort',
    'spec.clusterIP',
    'spec.clusterIPs',
    'spec.externalIPs',
    'spec.externalName',
    'spec.externalTrafficPolicy',
    'spec.internalTrafficPolicy',
    'spec.healthCheckNodePort',
    'spec.sessionAffinity',
    'spec.sessionAffinityConfig',
    'spec.sessionAffinityConfig.clientIP',
    'spec.sessionAffinityConfig.clientIP.timeoutSeconds',
    'spec.loadBalancerIP',
    'spec.loadBalancerSourceRanges',
    'spec.loadBalancerClass',
    'spec.ipFamilies',
    'spec.ipFamilyPolicy',
    'spec.publishNotReadyAddresses',
    'spec.allocateLoadBalancerNodePorts',
    'spec.trafficDistribution',
  ],
  Ingress: [
    'spec',
    'spec.ingressClassName',
    ...ingressBackend('spec.defaultBackend'),
    'spec.rules',
    'spec.rules.host',
    'spec.rules.http',
    'spec.rules.http.paths',
    'spec.rules.http.paths.path',
    'spec.rules.http.paths.pathType',
    ...ingressBackend('spec.rules.http.paths.backend'),
    'spec.tls',
    'spec.tls.hosts',
    'spec.tls.secretName',
  ],
  IngressClass: [
    'spec',
    'spec.controller',
    'spec.parameters',
    'spec.parameters.apiGroup',
    'spec.parameters.kind',
    'spec.parameters.name',
    'spec.parameters.scope',
    'spec.parameters.namespace',
  ],
  NetworkPolicy: [
    'spec',
    'spec.podSelector',
    ...selector('spec.podSelector'),
    'spec.policyTypes',
    'spec.ingress',
    ...peer('spec.ingress.from'),
    ...policyPorts('spec.ingress.ports'),
    'spec.egress',
    ...peer('spec.egress.to'),
    ...policyPorts('spec.egress.ports'),
  ],
  Gateway: [
    'spec',
    'spec.gatewayClassName',
    'spec.listeners',
    'spec.listeners.name',
    'spec.listeners.hostname',
    'spec.listeners.port',
    'spec.listeners.protocol',
    'spec.listeners.tls',
    'spec.listeners.tls.mode',
    'spec.listeners.tls.certificateRefs',
    'spec.listeners.tls.certificateRefs.group',
    'spec.listeners.tls.certificateRefs.kind',
    'spec.listeners.tls.certificateRefs.name',
    'spec.listeners.tls.certificateRefs.namespace',
    'spec.listeners.tls.options',
    'spec.listeners.allowedRoutes',
    'spec.listeners.allowedRoutes.namespaces',
    'spec.listeners.allowedRoutes.namespaces.from',
    'spec.listeners.allowedRoutes.namespaces.selector',
    ...selector('spec.listeners.allowedRoutes.namespaces.selector'),
    'spec.listeners.allowedRoutes.kinds',
    'spec.listeners.allowedRoutes.kinds.group',
    'spec.listeners.allowedRoutes.kinds.kind',
    'spec.addresses',
    'spec.addresses.type',
    'spec.addresses.value',
    'spec.infrastructure',
    'spec.infrastructure.labels',
    'spec.infrastructure.annotations',
    'spec.infrastructure.parametersRef',
    'spec.infrastructure.parametersRef.group',
    'spec.infrastructure.parametersRef.kind',
    'spec.infrastructure.parametersRef.name',
  ],
  GatewayClass: [
    'spec',
    'spec.controllerName',
    'spec.parametersRef',
    'spec.parametersRef.group',
    'spec.parametersRef.kind',
    'spec.parametersRef.name',
    'spec.parametersRef.namespace',
    'spec.description',
  ],
  HTTPRoute: [
    'spec',
    ...parentRefs,
    'spec.hostnames',
    'spec.rules',
    'spec.rules.name',
    'spec.rules.matches',
    'spec.rules.matches.path',
    'spec.rules.matches.path.type',
    'spec.rules.matches.path.value',
    'spec.rules.matches.headers',
    'spec.rules.matches.headers.type',
    'spec.rules.matches.headers.name',
    'spec.rules.matches.headers.value',
    'spec.rules.matches.queryParams',
    'spec.rules.matches.queryParams.type',
    'spec.rules.matches.queryParams.name',
    'spec.rules.matches.queryParams.value',
    'spec.rules.matches.method',
    ...httpFilters('spec.rules.filters'),
    ...backendRef('spec.rules.backendRefs'),
    ...httpFilters('spec.rules.backendRefs.filters'),
    'spec.rules.timeouts',
    'spec.rules.timeouts.request',
    'spec.rules.timeouts.backendRequest',
  ],
  GRPCRoute: [
    'spec',
    ...parentRefs,
    'spec.hostnames',
    'spec.rules',
    'spec.rules.matches',
    'spec.rules.matches.method',
    'spec.rules.matches.method.type',
    'spec.rules.matches.method.service',
    'spec.rules.matches.method.method',
    'spec.rules.matches.headers',
    'spec.rules.matches.headers.type',
    'spec.rules.matches.headers.name',
    'spec.rules.matches.headers.value',
    ...grpcFilters('spec.rules.filters'),
    ...backendRef('spec.rules.backendRefs'),
    ...grpcFilters('spec.rules.backendRefs.filters'),
  ],
  ReferenceGrant: ['spec', 'spec.from', 'spec.from.group', 'spec.from.kind', 'spec.from.namespace', 'spec.to', 'spec.to.group', 'spec.to.kind', 'spec.to.name'],
  Pod: ['metadata.labels', 'spec.containers', ...containerPorts('spec.containers'), ...containerPorts('spec.initContainers'), 'spec.hostNetwork'],
  Deployment: ['spec.selector', ...selector('spec.selector'), 'spec.template', 'spec.template.metadata.labels', ...containerPorts('spec.template.spec.containers'), 'spec.template.spec.hostNetwork'],
  StatefulSet: ['spec.selector', 'spec.serviceName', 'spec.template.metadata.labels', ...containerPorts('spec.template.spec.containers')],
  DaemonSet: ['spec.selector', 'spec.template.metadata.labels', ...containerPorts('spec.template.spec.containers'), 'spec.template.spec.hostNetwork'],
  CronJob: ['spec.jobTemplate.spec.template.metadata.labels', ...containerPorts('spec.jobTemplate.spec.template.spec.containers')],
};

test('every field path the API references define for our kinds is documented', () => {
  const missing: string[] = [];
  for (const [kind, paths] of Object.entries(REQUIRED)) {
    const lookupKind = kind === '*' ? 'ConfigMap' : kind;
    for (const path of paths) if (!fieldDoc(lookupKind, path.split('.'))) missing.push(`${kind} ${path}`);
  }
  assert.deepEqual(missing, []);
});

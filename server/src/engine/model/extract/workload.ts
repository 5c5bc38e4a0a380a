/** Pods and the controllers that template them: the pods' labels, containers, ports and environment. */
import { asMap, asScalar, booleanOf, child, integerOf, itemsOf, stringMapOf, stringOf } from '../../syntax/access';
import type { Span, YNode } from '../../syntax/tree';
import type { Container, ContainerPort, EnvFromSource, EnvVar, ResourceBase, Workload, WorkloadKind, Yaml11Boolean } from '../resources';
import { labelSelectorOf, protocolOf, spanOf } from './common';
import { collectYaml11Booleans, yaml11BooleanSource } from './yaml11';

/** Where the pod spec lives for each kind. */
function podTemplateOf(root: YNode, kind: WorkloadKind): YNode | undefined {
  switch (kind) {
    case 'Pod':
      return root;
    case 'CronJob':
      return child(root, 'spec', 'jobTemplate', 'spec', 'template');
    default:
      return child(root, 'spec', 'template');
  }
}

export function workloadOf(root: YNode, base: ResourceBase): Workload {
  const kind = base.kind as WorkloadKind;
  const template = podTemplateOf(root, kind);
  const labelsNode = kind === 'Pod' ? child(root, 'metadata', 'labels') : child(template, 'metadata', 'labels');
  const podSpec = child(template, 'spec');
  const selectorNode = kind === 'Pod' || kind === 'CronJob' ? undefined : child(root, 'spec', 'selector');
  const workload: Workload = {
    ...base,
    kind,
    podLabels: kind === 'Pod' ? base.labels : stringMapOf(labelsNode),
    podLabelsSpan: spanOf(labelsNode, spanOf(template, base.span)),
    containers: [
      ...itemsOf(child(podSpec, 'initContainers')).map((c) => containerOf(c, true)),
      ...itemsOf(child(podSpec, 'containers')).map((c) => containerOf(c, false)),
    ],
    hostNetwork: booleanOf(child(podSpec, 'hostNetwork')) === true,
  };
  if (selectorNode) {
    // ReplicationController's selector is a plain map; the others use a LabelSelector.
    workload.selector =
      kind === 'ReplicationController'
        ? { matchLabels: stringMapOf(selectorNode), matchExpressions: [], span: spanOf(selectorNode, base.span) }
        : labelSelectorOf(selectorNode, base.span);
  }
  const replicas = integerOf(child(root, 'spec', 'replicas'));
  if (replicas !== undefined) workload.replicas = replicas;
  const serviceAccount = stringOf(child(podSpec, 'serviceAccountName')) ?? stringOf(child(podSpec, 'serviceAccount'));
  if (serviceAccount) workload.serviceAccountName = serviceAccount;
  const yaml11Booleans: Yaml11Boolean[] = [...(base.yaml11Booleans ?? [])];
  if (kind !== 'Pod') {
    collectYaml11Booleans(labelsNode, (key) => `pod template label \`${key}\``, yaml11Booleans);
    collectYaml11Booleans(child(template, 'metadata', 'annotations'), (key) => `pod template annotation \`${key}\``, yaml11Booleans);
  }
  for (const containerNode of [...itemsOf(child(podSpec, 'initContainers')), ...itemsOf(child(podSpec, 'containers'))]) {
    for (const envNode of itemsOf(child(containerNode, 'env'))) {
      const valueNode = child(envNode, 'value');
      const source = yaml11BooleanSource(valueNode);
      if (source !== undefined && valueNode) {
        yaml11Booleans.push({ path: `env \`${stringOf(child(envNode, 'name')) ?? '?'}\``, source, span: { start: valueNode.start, end: valueNode.end } });
      }
    }
  }
  if (yaml11Booleans.length) workload.yaml11Booleans = yaml11Booleans;
  return workload;
}

function containerOf(node: YNode, init: boolean): Container {
  const span = spanOf(node, { start: 0, end: 0 });
  return {
    name: stringOf(child(node, 'name')) ?? '',
    init,
    ports: itemsOf(child(node, 'ports')).flatMap((p) => {
      const port = containerPortOf(p);
      return port ? [port] : [];
    }),
    env: itemsOf(child(node, 'env')).flatMap((e) => {
      const env = envVarOf(e);
      return env ? [env] : [];
    }),
    envFrom: itemsOf(child(node, 'envFrom')).map(envFromOf),
    ...argsOf(node),
    span,
  };
}

/** `command` and `args` as one list of the string items (a number or boolean item would be rejected anyway). */
function argsOf(node: YNode): { args?: string[]; argSpans?: Span[] } {
  const args: string[] = [];
  const argSpans: Span[] = [];
  for (const field of ['command', 'args']) {
    for (const item of itemsOf(child(node, field))) {
      const value = asScalar(item)?.value;
      if (typeof value !== 'string') continue;
      args.push(value);
      argSpans.push(spanOf(item, { start: 0, end: 0 }));
    }
  }
  return args.length ? { args, argSpans } : {};
}

function containerPortOf(node: YNode): ContainerPort | undefined {
  const containerPort = integerOf(child(node, 'containerPort'));
  const protocol = protocolOf(child(node, 'protocol'));
  if (containerPort === undefined || !protocol) return undefined;
  const port: ContainerPort = { containerPort, protocol, span: spanOf(node, { start: 0, end: 0 }) };
  const name = stringOf(child(node, 'name'));
  if (name) port.name = name;
  return port;
}

function envVarOf(node: YNode): EnvVar | undefined {
  const name = stringOf(child(node, 'name'));
  if (!name) return undefined;
  const env: EnvVar = { name, span: spanOf(node, { start: 0, end: 0 }) };
  const valueNode = child(node, 'value');
  const value = stringOf(valueNode);
  if (value !== undefined && valueNode) {
    env.value = value;
    env.valueSpan = spanOf(valueNode, env.span);
  }
  const configMapKeyRef = asMap(child(node, 'valueFrom', 'configMapKeyRef'));
  if (configMapKeyRef) env.configMapKeyRef = { name: stringOf(child(configMapKeyRef, 'name')) ?? '', key: stringOf(child(configMapKeyRef, 'key')) ?? '' };
  const secretKeyRef = asMap(child(node, 'valueFrom', 'secretKeyRef'));
  if (secretKeyRef) env.secretKeyRef = { name: stringOf(child(secretKeyRef, 'name')) ?? '', key: stringOf(child(secretKeyRef, 'key')) ?? '' };
  return env;
}

function envFromOf(node: YNode): EnvFromSource {
  const source: EnvFromSource = { span: spanOf(node, { start: 0, end: 0 }) };
  const configMap = stringOf(child(node, 'configMapRef', 'name'));
  const secret = stringOf(child(node, 'secretRef', 'name'));
  const prefix = stringOf(child(node, 'prefix'));
  if (configMap) source.configMap = configMap;
  if (secret) source.secret = secret;
  if (prefix) source.prefix = prefix;
  return source;
}

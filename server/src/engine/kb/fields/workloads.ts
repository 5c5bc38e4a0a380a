/**
 * Workload kinds: their own selector and template fields, and where each keeps its pod template. Pod template
 * fields themselves are documented once, as Pod fields (pod.ts); the lookup maps template paths onto them.
 */
import { docsOf, row, type FieldRow } from './define';
import { labelSelectorRows } from './labelSelector';
import type { FieldDoc } from '../types';
import { FIRST_RECORDED } from '../types';

const DEPLOYMENT = 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/';
const STATEFULSET = 'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/';
const DAEMONSET = 'https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/';
const REPLICASET = 'https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/';
const CRONJOB = 'https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/';

/** Path of the pod template in each kind that has one (`''` for Pod itself). */
export const POD_TEMPLATE_PATH: Readonly<Record<string, string>> = {
  Pod: '',
  Deployment: 'spec.template',
  StatefulSet: 'spec.template',
  DaemonSet: 'spec.template',
  ReplicaSet: 'spec.template',
  ReplicationController: 'spec.template',
  Job: 'spec.template',
  CronJob: 'spec.jobTemplate.spec.template',
  PodTemplate: 'template',
};

function selectorWorkloadRows(kind: string): FieldRow[] {
  return [
    row(
      'spec.selector',
      `Which pods this ${kind} owns. Must match the pod template labels (\`spec.template.metadata.labels\`), and cannot be changed after creation. It does not route traffic: Services have their own selector, usually the same labels.`,
    ),
    ...labelSelectorRows('spec.selector', 'pods'),
    row('spec.template', `The pod template: every pod of this ${kind} is created from it. Its labels are what Services and NetworkPolicies select.`),
    row('spec.template.metadata', 'Metadata given to each pod; its `labels` are the pod labels that selectors match.'),
  ];
}

const statefulSetExtra: FieldRow[] = [
  row(
    'spec.serviceName',
    'Name of the headless Service (`clusterIP: None`) that gives each pod a stable DNS name `<pod>.<serviceName>.<namespace>.svc.<cluster-domain>`. That Service must exist and select these pods, or the per-pod names do not resolve.',
    { source: STATEFULSET },
  ),
];

export const WORKLOAD_FIELDS: FieldDoc[] = [
  ...docsOf('Deployment', DEPLOYMENT, selectorWorkloadRows('Deployment'), FIRST_RECORDED),
  ...docsOf('StatefulSet', STATEFULSET, [...selectorWorkloadRows('StatefulSet'), ...statefulSetExtra], FIRST_RECORDED),
  ...docsOf('DaemonSet', DAEMONSET, selectorWorkloadRows('DaemonSet'), FIRST_RECORDED),
  ...docsOf('ReplicaSet', REPLICASET, selectorWorkloadRows('ReplicaSet'), FIRST_RECORDED),
  ...docsOf('CronJob', CRONJOB, [
    row('spec.jobTemplate', 'The Job created at each scheduled time; its `spec.template` is the pod template.'),
    row('spec.jobTemplate.spec.template', 'The pod template of the Jobs this CronJob creates. Its labels are what NetworkPolicies select.'),
  ], FIRST_RECORDED),
];

/**
 * Kube Netlens's own annotations.
 */
import { annotationTable } from './define';
import { FIRST_RECORDED } from '../types';

const NETLENS_DOC = 'https://github.com/kube-netlens/kube-netlens/blob/main/docs/annotations.md';

const netlens = annotationTable('netlens', 'netlens.io/', ['*'], NETLENS_DOC, FIRST_RECORDED);

export const NETLENS_ANNOTATIONS = [
  netlens(
    'ignore',
    'Silences Netlens rules for this object: a comma-separated list of rule ids (`"rule-a,rule-b"`), or `"*"` for every rule. Findings on other objects are not affected. For one line, a `# netlens-ignore rule-a` comment above it does the same.',
    { valueHint: 'comma-separated rule ids, or *', source: `${NETLENS_DOC}#netlensioignore` },
  ),
  netlens(
    'allow-from',
    'Traffic to this workload that the manifests cannot show (callers outside the workspace, dynamic clients), as comma-separated `namespace/workload:port` entries. The NetworkPolicy generator adds ingress rules for them, so generated policies do not cut off real clients.',
    {
      kinds: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod'],
      valueHint: 'namespace/workload:port, comma-separated',
      source: `${NETLENS_DOC}#netlensioallow-from`,
    },
  ),
  netlens(
    'migrated-from',
    'Written by the Ingress to Gateway API migration on the Gateway and routes it makes: the Ingresses (`namespace/name`, comma-separated) they were made from. Migrating again reuses that Gateway and skips Ingresses whose routes exist.',
    { kinds: ['Gateway', 'HTTPRoute', 'GRPCRoute'], valueHint: 'namespace/name, comma-separated', source: `${NETLENS_DOC}#netlensiomigrated-from` },
  ),
];

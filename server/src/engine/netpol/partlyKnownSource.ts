/**
 * Ingress toward a destination from pods whose namespace is known but whose labels are only partly known: an
 * ingress controller or a gateway that the cluster deploys, whose pod labels depend on the installation. Policies
 * can tell such pods apart only through podSelectors, so the answer comes in two parts:
 *  - `allowed`: what pods with just the known labels get;
 *  - `mayAllow`: the union over every labelling that a pod peer of the destination's ingress policies asks for
 *    (its matchLabels, the first value of each `In`, any value for `Exists`), on top of the known labels.
 * A connection outside `mayAllow` is denied whatever labels those pods carry, since a rule can only admit them
 * through a peer whose podSelector they satisfy (or a peer or rule that needs no labels, which `allowed` covers).
 */
import type { LabelSelector, Labels } from '../model/labelSelector';
import { evaluateDirection } from './evaluate';
import type { NetpolModel } from './model';
import type { PodClass } from './podClasses';
import { unionConnections, type ConnectionSet } from './portSet';
import { syntheticPodClass } from './syntheticPods';

export interface PartlyKnownIngress {
  /** The destination is isolated for ingress (otherwise everything is allowed). */
  readonly isolated: boolean;
  readonly allowed: ConnectionSet;
  readonly mayAllow: ConnectionSet;
}

export function ingressFromPartlyKnownPods(model: NetpolModel, dst: PodClass, namespace: string, knownLabels: Labels = {}): PartlyKnownIngress {
  const verdictFor = (labels: Labels) =>
    evaluateDirection(model, 'Ingress', { type: 'pods', pods: syntheticPodClass(namespace, labels) }, { type: 'pods', pods: dst }, false);
  const base = verdictFor(knownLabels);
  if (!base.isolated) return { isolated: false, allowed: base.allowed, mayAllow: base.allowed };
  let mayAllow: ConnectionSet = base.allowed;
  const tried = new Set<string>([JSON.stringify(knownLabels)]);
  for (const policy of base.policies) {
    for (const rule of policy.rules.Ingress) {
      for (const peer of rule.peers ?? []) {
        if (peer.kind !== 'pods' || !peer.podSelector) continue;
        const labels = labelsSatisfying(peer.podSelector, knownLabels);
        if (!labels) continue;
        const key = JSON.stringify(labels);
        if (tried.has(key)) continue;
        tried.add(key);
        mayAllow = unionConnections(mayAllow, verdictFor(labels).allowed);
      }
    }
  }
  return { isolated: true, allowed: base.allowed, mayAllow };
}

/** Labels that satisfy the selector's positive requirements, on top of the known ones; undefined if it is invalid. */
function labelsSatisfying(selector: LabelSelector, known: Labels): Labels | undefined {
  if (selector.invalid) return undefined;
  const labels: Record<string, string> = { ...known, ...selector.matchLabels };
  for (const requirement of selector.matchExpressions) {
    if (requirement.operator === 'In') labels[requirement.key] = requirement.values[0]!;
    else if (requirement.operator === 'Exists' && !(requirement.key in labels)) labels[requirement.key] = '';
    else if (requirement.operator === 'DoesNotExist') delete labels[requirement.key];
  }
  return labels;
}

/**
 * Where an ingress controller's or gateway's proxy pods run, as the knowledge base states it: the facts the
 * reachability model needs to tell which pods are "the ingress controller" when it evaluates NetworkPolicies
 * (netpol-blocks-ingress-controller and the exposure graph). Data only; the placement function that reads it lives
 * with the reachability model.
 */
import type { Sourced } from './types';

export interface ControllerPlacement extends Sourced {
  /**
   * Namespace of the proxy pods. `GATEWAY_NAMESPACE` for implementations that deploy one proxy per Gateway in the
   * Gateway's own namespace (Istio and the application routing add-on's Gateway API mode).
   */
  namespace: string;
  /** Labels every proxy pod carries; empty when the product documents none (then the namespace alone identifies them). */
  labels: Readonly<Record<string, string>>;
  /**
   * A label whose value is the Gateway's name on the per-Gateway proxy pods (`gateway.networking.k8s.io/gateway-name`),
   * for per-Gateway deployments.
   */
  gatewayNameLabel?: string;
  /** fixed: the product deploys it there and it cannot move; convention: the usual install, which users may change. */
  certainty: 'fixed' | 'convention';
}

/** Stands for "the namespace of the Gateway the proxy serves". */
export const GATEWAY_NAMESPACE = '<gateway namespace>';

/** The label Istio puts on the pods of the deployment it creates for a Gateway API Gateway. */
export const GATEWAY_NAME_LABEL = 'gateway.networking.k8s.io/gateway-name';

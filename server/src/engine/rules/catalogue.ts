/** Every rule, in one list: the host runs them, the docs test checks each has a page and tests. */
import { ingressBackendMissing } from './ingressBackendMissing';
import type { Rule, RuleMeta } from './rule';
import { ciliumPolicyUnavailable } from './ciliumPolicyUnavailable';
import { ciliumFqdnWithoutDnsRule } from './ciliumFqdnWithoutDnsRule';
import { ciliumAdvancedPolicyNotEnabled } from './ciliumAdvancedPolicyNotEnabled';
import { ciliumEgressBlocksDns } from './ciliumEgressBlocksDns';
import { adminPolicyBlocksDns } from './adminPolicyBlocksDns';
import { serviceSelectsNothing } from './serviceSelectsNothing';
import { serviceTargetPortMissing } from './serviceTargetPortMissing';
import { servicePortProtocolMismatch } from './servicePortProtocolMismatch';
import { serviceSensitivePortPublic } from './serviceSensitivePortPublic';
import { loadbalancerOpenToInternet } from './loadbalancerOpenToInternet';
import { azureAnnotationUnknown } from './azureAnnotationUnknown';
import { azureAnnotationInvalid } from './azureAnnotationInvalid';
import { sourceIpWithTlsPassthrough } from './sourceIpWithTlsPassthrough';
import { ingressBackendUnready } from './ingressBackendUnready';
import { ingressClassMissing } from './ingressClassMissing';
import { ingressClassUnknown } from './ingressClassUnknown';
import { ingressClassAnnotationDeprecated } from './ingressClassAnnotationDeprecated';
import { ingressDuplicateHostPath } from './ingressDuplicateHostPath';
import { ingressTlsHostNotInRules } from './ingressTlsHostNotInRules';
import { ingressTlsSecretMissing } from './ingressTlsSecretMissing';
import { ingressNginxRetirement } from './ingressNginxRetirement';
import { nginxSnippetAnnotation } from './nginxSnippetAnnotation';
import { httprouteParentMissing } from './httprouteParentMissing';
import { httprouteBackendMissing } from './httprouteBackendMissing';
import { httprouteBackendUnready } from './httprouteBackendUnready';
import { routeCrossNamespaceWithoutReferencegrant } from './routeCrossNamespaceWithoutReferencegrant';
import { gatewayClassUnknown } from './gatewayClassUnknown';
import { gatewayListenerConflict } from './gatewayListenerConflict';
import { httprouteHostnameNotAccepted } from './httprouteHostnameNotAccepted';
import { gatewayTlsSecretMissing } from './gatewayTlsSecretMissing';
import { referenceServiceMissing } from './referenceServiceMissing';
import { referencePortMissing } from './referencePortMissing';
import { yaml11BooleanString } from './yaml11BooleanString';
import { duplicateDefinition } from './duplicateDefinition';
import { netpolSelectsNothing } from './netpolSelectsNothing';
import { netpolPeerSelectsNothing } from './netpolPeerSelectsNothing';
import { netpolPolicytypesIgnoresRules } from './netpolPolicytypesIgnoresRules';
import { netpolNamedPortUnresolved } from './netpolNamedPortUnresolved';
import { netpolInvalidField } from './netpolInvalidField';
import { netpolEgressBlocksDns } from './netpolEgressBlocksDns';
import { netpolBlocksIngressController } from './netpolBlocksIngressController';
import { netpolBlocksDeclaredDependency } from './netpolBlocksDeclaredDependency';
import { workloadNotIsolated } from './workloadNotIsolated';
import { netpolNotEnforced } from './netpolNotEnforced';
import { netpolEngineUnsupported } from './netpolEngineUnsupported';
import { ipblockCoversPods } from './ipblockCoversPods';
import { internalLbIpOutsideSubnet } from './internalLbIpOutsideSubnet';
import { netpolBlocksDeclaredEgress } from './netpolBlocksDeclaredEgress';
import { keyvaultTlsMisconfigured } from './keyvaultTlsMisconfigured';
import { istioGatewaySelectorUnmatched } from './istioGatewaySelectorUnmatched';
import { virtualserviceTargetMissing } from './virtualserviceTargetMissing';
import { istioInjectionLabelIgnored } from './istioInjectionLabelIgnored';
import { policyTargetMissing } from './policyTargetMissing';
import { gatewayClassFeatureUnsupported } from './gatewayClassFeatureUnsupported';
import { gatewayApiVersionOutdated } from './gatewayApiVersionOutdated';
import { netpolAdmitsNoSource } from './netpolAdmitsNoSource';
import { netpolSelectorLeftEmpty } from './netpolSelectorLeftEmpty';
import { namespaceNetworkPolicyAnnotation } from './namespaceNetworkPolicyAnnotation';

export const RULES: readonly Rule[] = [
  serviceSelectsNothing,
  serviceTargetPortMissing,
  ingressBackendMissing,
  servicePortProtocolMismatch,
  serviceSensitivePortPublic,
  loadbalancerOpenToInternet,
  azureAnnotationUnknown,
  azureAnnotationInvalid,
  sourceIpWithTlsPassthrough,
  ingressBackendUnready,
  ingressClassMissing,
  ingressClassUnknown,
  ingressClassAnnotationDeprecated,
  ingressDuplicateHostPath,
  ingressTlsHostNotInRules,
  ingressTlsSecretMissing,
  ingressNginxRetirement,
  nginxSnippetAnnotation,
  httprouteParentMissing,
  httprouteBackendMissing,
  httprouteBackendUnready,
  routeCrossNamespaceWithoutReferencegrant,
  gatewayClassUnknown,
  gatewayListenerConflict,
  httprouteHostnameNotAccepted,
  gatewayTlsSecretMissing,
  keyvaultTlsMisconfigured,
  istioGatewaySelectorUnmatched,
  virtualserviceTargetMissing,
  istioInjectionLabelIgnored,
  policyTargetMissing,
  gatewayClassFeatureUnsupported,
  gatewayApiVersionOutdated,
  referenceServiceMissing,
  referencePortMissing,
  yaml11BooleanString,
  duplicateDefinition,
  netpolSelectsNothing,
  netpolPeerSelectsNothing,
  netpolPolicytypesIgnoresRules,
  netpolNamedPortUnresolved,
  netpolInvalidField,
  netpolEgressBlocksDns,
  adminPolicyBlocksDns,
  netpolBlocksIngressController,
  netpolBlocksDeclaredDependency,
  workloadNotIsolated,
  netpolNotEnforced,
  netpolEngineUnsupported,
  ipblockCoversPods,
  internalLbIpOutsideSubnet,
  netpolBlocksDeclaredEgress,
  netpolAdmitsNoSource,
  netpolSelectorLeftEmpty,
  namespaceNetworkPolicyAnnotation,
  ciliumPolicyUnavailable,
  ciliumFqdnWithoutDnsRule,
  ciliumAdvancedPolicyNotEnabled,
  ciliumEgressBlocksDns,
];

/** Findings the host itself produces about files (not objects); configurable like any rule. */
export const FILE_RULES: readonly RuleMeta[] = [
  { id: 'yaml-syntax', defaultSeverity: 'error', title: 'The file is not valid YAML, so some of its objects are not analysed', doc: { appliesTo: 'files that contain Kubernetes objects' } },
  { id: 'helm-template', defaultSeverity: 'info', title: 'A Helm/Go template file is skipped until it is rendered' },
  { id: 'file-skipped', defaultSeverity: 'info', title: 'A file was not read (too large, or binary)' },
];

export const ALL_RULE_META: readonly RuleMeta[] = [...RULES, ...FILE_RULES];

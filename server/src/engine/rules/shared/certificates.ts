/** Who else may create a TLS Secret, so that its absence from the workspace is expected. */
import type { WorkspaceIndex } from '../../model/workspaceIndex';

/** The AKS application routing Key Vault integration and cert-manager's ingress/gateway shims. */
export const KEY_VAULT_CERT_OPTION = 'kubernetes.azure.com/tls-cert-keyvault-uri';
export const CERTIFICATE_PROVIDER_ANNOTATIONS = [KEY_VAULT_CERT_OPTION, 'cert-manager.io/cluster-issuer', 'cert-manager.io/issuer', 'kubernetes.io/tls-acme'] as const;

export function certificateProvidedByAnnotation(annotations: Readonly<Record<string, string>>): boolean {
  return CERTIFICATE_PROVIDER_ANNOTATIONS.some((a) => annotations[a] !== undefined);
}

/** A cert-manager Certificate in the namespace may well be the one writing the Secret (its secretName is not modelled). */
export function hasCertManagerCertificate(index: WorkspaceIndex, namespace: string): boolean {
  return index.anyOfKindIn('Certificate', namespace).some((resource) => resource.apiVersion.startsWith('cert-manager.io/'));
}

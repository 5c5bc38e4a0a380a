/** Annotation documentation: well-formed entries, no duplicate keys, exact keys before patterns, per-kind lists. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allAnnotationDocs, annotationDoc, annotationDocsFor, knownAnnotationPrefixes } from '../../server/src/engine/kb/annotationDocs';
import { AZURE_SERVICE_ANNOTATIONS } from '../../server/src/engine/kb/azureServiceAnnotations';
import type { AnnotationOwner } from '../../server/src/engine/kb/types';

test('every annotation doc has a key, kinds, a real doc and an https source', () => {
  for (const doc of allAnnotationDocs()) {
    assert.match(doc.key, /^[a-z0-9.-]+\/[A-Za-z0-9_.{}-]+$/, doc.key);
    assert.ok(doc.kinds.length > 0, `${doc.key}: kinds`);
    assert.ok(doc.doc.trim().length >= 20, `${doc.key}: doc too short`);
    assert.match(doc.source, /^https:\/\/[^\s]+$/, `${doc.key}: source`);
    assert.equal(doc.key.includes('{'), !!doc.pattern, `${doc.key}: placeholders iff pattern`);
    if (doc.values) assert.equal(new Set(doc.values).size, doc.values.length, `${doc.key}: duplicate values`);
  }
});

test('no key is documented twice', () => {
  const keys = allAnnotationDocs().map((d) => d.key);
  assert.deepEqual(keys.filter((k, i) => keys.indexOf(k) !== i), []);
});

test('owners have the entries the brief asks for', () => {
  const count = (owner: AnnotationOwner) => allAnnotationDocs().filter((d) => d.owner === owner).length;
  assert.ok(count('ingress-nginx') >= 40, `ingress-nginx: ${count('ingress-nginx')}`);
  for (const owner of ['kubernetes', 'aks-app-routing', 'application-gateway-for-containers', 'agic', 'azure-load-balancer', 'cert-manager', 'netlens'] as const) {
    assert.ok(count(owner) > 0, owner);
  }
});

test('required keys are documented', () => {
  const nginx = [
    'rewrite-target', 'ssl-redirect', 'force-ssl-redirect', 'backend-protocol', 'proxy-body-size', 'proxy-read-timeout',
    'proxy-send-timeout', 'proxy-connect-timeout', 'proxy-buffering', 'proxy-buffer-size', 'enable-cors', 'cors-allow-origin',
    'cors-allow-methods', 'cors-allow-headers', 'cors-allow-credentials', 'whitelist-source-range', 'allowlist-source-range',
    'denylist-source-range', 'limit-rps', 'limit-rpm', 'limit-connections', 'affinity', 'session-cookie-name',
    'session-cookie-expires', 'session-cookie-path', 'canary', 'canary-weight', 'canary-by-header', 'canary-by-header-value',
    'canary-by-cookie', 'auth-type', 'auth-secret', 'auth-realm', 'auth-url', 'auth-signin', 'auth-response-headers',
    'ssl-passthrough', 'use-regex', 'app-root', 'configuration-snippet', 'server-snippet', 'auth-snippet', 'custom-http-errors',
    'default-backend', 'upstream-vhost', 'x-forwarded-prefix', 'permanent-redirect', 'temporal-redirect', 'from-to-www-redirect',
    'proxy-ssl-secret', 'proxy-ssl-verify', 'service-upstream', 'enable-access-log', 'client-body-buffer-size',
  ].map((k) => `nginx.ingress.kubernetes.io/${k}`);
  const others = [
    'kubernetes.azure.com/tls-cert-keyvault-uri',
    'alb.networking.azure.io/alb-id',
    'alb.networking.azure.io/alb-name',
    'alb.networking.azure.io/alb-namespace',
    'alb.networking.azure.io/alb-frontend',
    'appgw.ingress.kubernetes.io/backend-protocol',
    'appgw.ingress.kubernetes.io/use-private-ip',
    'ingressclass.kubernetes.io/is-default-class',
    'kubernetes.io/ingress.class',
    'cert-manager.io/cluster-issuer',
    'cert-manager.io/issuer',
    'netlens.io/ignore',
    'netlens.io/allow-from',
    'service.beta.kubernetes.io/azure-load-balancer-internal',
  ];
  const missing = [...nginx, ...others].filter((key) => annotationDoc(key)?.key !== key);
  assert.deepEqual(missing, []);
});

test('every Azure Service annotation is reachable through the adapter', () => {
  for (const entry of AZURE_SERVICE_ANNOTATIONS) {
    const doc = annotationDoc(entry.key);
    assert.ok(doc, entry.key);
    assert.equal(doc.owner, 'azure-load-balancer');
    assert.ok(!('value' in doc) && !('removed' in doc), `${entry.key}: plain AnnotationDoc`);
    if (entry.removed) assert.match(doc.doc, /No longer read/);
  }
});

test('patterns match concrete keys, exact keys win', () => {
  const probe = annotationDoc('service.beta.kubernetes.io/port_443_health-probe_request-path');
  assert.equal(probe?.key, 'service.beta.kubernetes.io/port_{port}_health-probe_request-path');
  assert.equal(probe?.pattern, true);
  assert.equal(annotationDoc('service.beta.kubernetes.io/port_80_no_lb_rule')?.key, 'service.beta.kubernetes.io/port_{port}_no_lb_rule');
  assert.equal(annotationDoc('service.beta.kubernetes.io/port_http_no_lb_rule'), undefined, 'port must be a number');
  assert.equal(annotationDoc('service.beta.kubernetes.io/port_80_health-probe_request-path/extra'), undefined);
  assert.equal(annotationDoc('nginx.ingress.kubernetes.io/rewrite-target')?.pattern, undefined);
  assert.equal(annotationDoc('nginx.ingress.kubernetes.io/rewrite-targets'), undefined);
});

test('annotationDocsFor lists the annotations of a kind, including every-kind ones', () => {
  const ingress = annotationDocsFor('Ingress').map((d) => d.key);
  assert.ok(ingress.includes('nginx.ingress.kubernetes.io/rewrite-target'));
  assert.ok(ingress.includes('netlens.io/ignore'));
  assert.ok(!ingress.includes('service.beta.kubernetes.io/azure-load-balancer-internal'));
  const service = annotationDocsFor('Service').map((d) => d.key);
  assert.ok(service.includes('service.beta.kubernetes.io/azure-load-balancer-internal'));
  assert.ok(service.includes('service.beta.kubernetes.io/port_{port}_health-probe_protocol'));
  assert.ok(!service.includes('nginx.ingress.kubernetes.io/rewrite-target'));
  assert.ok(annotationDocsFor('IngressClass').some((d) => d.key === 'ingressclass.kubernetes.io/is-default-class'));
  assert.ok(annotationDocsFor('Gateway').some((d) => d.key === 'alb.networking.azure.io/alb-id'));
  assert.ok(annotationDocsFor('Deployment').some((d) => d.key === 'netlens.io/allow-from'));
});

test('known prefixes cover every documented key and come longest first', () => {
  const prefixes = knownAnnotationPrefixes();
  for (let i = 1; i < prefixes.length; i++) assert.ok(prefixes[i - 1]!.prefix.length >= prefixes[i]!.prefix.length);
  const uncovered = allAnnotationDocs()
    .filter((d) => !['kubernetes', 'aks-app-routing'].includes(d.owner))
    .filter((d) => !prefixes.some((p) => d.key.startsWith(p.prefix) && p.owner === d.owner))
    .map((d) => d.key);
  assert.deepEqual(uncovered, []);
  const typo = 'nginx.ingress.kubernetes.io/rewrite-traget';
  assert.equal(annotationDoc(typo), undefined);
  assert.equal(prefixes.find((p) => typo.startsWith(p.prefix))?.owner, 'ingress-nginx');
  // AWS keys share `service.beta.kubernetes.io/` but are not ours to call unknown.
  assert.equal(prefixes.find((p) => 'service.beta.kubernetes.io/aws-load-balancer-type'.startsWith(p.prefix)), undefined);
});

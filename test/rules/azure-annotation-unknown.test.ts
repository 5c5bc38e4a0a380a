import { test } from 'node:test';
import { checkFixture } from '../support/fixture';

const only = { onlyRules: ['azure-annotation-unknown'] };

test('azure-annotation-unknown: a typo in an azure-* key, with did-you-mean', () => {
  checkFixture(`
apiVersion: v1
kind: Service
metadata:
  name: web
  annotations:
    service.beta.kubernetes.io/azure-load-balancer-interal: "true"
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[azure-annotation-unknown]: is not an annotation cloud-provider-azure reads; it is ignored (did you mean \`service.beta.kubernetes.io/azure-load-balancer-internal\`?)
    service.beta.kubernetes.io/azure-something-else: "x"
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[azure-annotation-unknown]: \`service.beta.kubernetes.io/azure-something-else\` is not an annotation cloud-provider-azure reads; it is ignored.
spec: {type: LoadBalancer, ports: [{port: 80}]}
`, only);
});

test('azure-annotation-unknown: removed keys, unknown per-port parameters and a mistaken prefix', () => {
  checkFixture(`
apiVersion: v1
kind: Service
metadata:
  name: dns
  annotations:
    service.beta.kubernetes.io/azure-load-balancer-mixed-protocols: "true"
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[azure-annotation-unknown]: is no longer read by cloud-provider-azure: Kubernetes 1.21 removed it
    service.beta.kubernetes.io/port_80_health-probe_protocl: "http"
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[azure-annotation-unknown]: (did you mean \`port_80_health-probe_protocol\`?)
    service.kubernetes.io/azure-load-balancer-health-probe-request-path: /healthz
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[azure-annotation-unknown]: Azure load balancer annotations start with \`service.beta.kubernetes.io/azure-\` (did you mean \`service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path\`?)
spec: {type: LoadBalancer, ports: [{port: 80}]}
`, only);
});

test('azure-annotation-unknown stays silent for every key cloud-provider-azure reads, valid per-port keys and other annotations', () => {
  checkFixture(`
apiVersion: v1
kind: Service
metadata:
  name: web
  annotations:
    service.beta.kubernetes.io/azure-load-balancer-internal: "true"
    service.beta.kubernetes.io/azure-load-balancer-internal-subnet: apps
    service.beta.kubernetes.io/azure-dns-label-name: myapp
    service.beta.kubernetes.io/azure-load-balancer-tcp-idle-timeout: "30"
    service.beta.kubernetes.io/azure-pip-name-ipv6: web-v6
    service.beta.kubernetes.io/azure-allowed-ip-ranges: 10.0.0.0/8
    service.beta.kubernetes.io/azure-pls-create: "true"
    service.beta.kubernetes.io/azure-load-balancer-disable-tcp-reset: "false"
    service.beta.kubernetes.io/port_80_health-probe_protocol: http
    service.beta.kubernetes.io/port_80_no_lb_rule: "false"
    service.beta.kubernetes.io/aws-load-balancer-type: nlb
    prometheus.io/scrape: "true"
spec: {type: LoadBalancer, ports: [{port: 80}]}
`, only);
});

test('azure-annotation-unknown: shared-securityrule is dead code and load-balancer-mode does nothing on AKS', () => {
  checkFixture(`
apiVersion: v1
kind: Service
metadata:
  name: web
  annotations:
    service.beta.kubernetes.io/azure-shared-securityrule: "true"
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[azure-annotation-unknown]: is no longer read by cloud-provider-azure: its maintainers call it dead code
    service.beta.kubernetes.io/azure-load-balancer-mode: __auto__
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[azure-annotation-unknown]: has no effect on AKS: it is only read with Basic load balancers (no longer supported on AKS since 30 September 2025)
spec: {type: LoadBalancer, ports: [{port: 80}]}
`, only);
});

test('azure-annotation-unknown: an NginxIngressController\'s loadBalancerAnnotations are checked like a Service\'s', () => {
  checkFixture(`
apiVersion: approuting.kubernetes.azure.com/v1alpha1
kind: NginxIngressController
metadata:
  name: nginx-internal
spec:
  ingressClassName: nginx-internal
  controllerNamePrefix: nginx-internal
  loadBalancerAnnotations:
    service.beta.kubernetes.io/azure-load-balancer-internl: "true"
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[azure-annotation-unknown]: (did you mean \`service.beta.kubernetes.io/azure-load-balancer-internal\`?)
    service.beta.kubernetes.io/azure-load-balancer-internal-subnet: apps
`, only);
});

import { test } from 'node:test';
import { checkFixture } from '../support/fixture';

const only = { onlyRules: ['azure-annotation-invalid'] };

test('azure-annotation-invalid: "yes" for internal makes the load balancer public', () => {
  checkFixture(`
apiVersion: v1
kind: Service
metadata:
  name: web
  annotations:
    service.beta.kubernetes.io/azure-load-balancer-internal: "yes"
#                                                            ^^^^^ error[azure-annotation-invalid]: only "true" makes the load balancer internal; this value reads as false, so the Service gets a PUBLIC IP
    service.beta.kubernetes.io/azure-disable-load-balancer-floating-ip: "enabled"
#                                                                       ^^^^^^^^^ warning[azure-annotation-invalid]: not "true" or "false"; cloud-provider-azure reads it as false
spec: {type: LoadBalancer, ports: [{port: 80}]}
`, only);
});

test('azure-annotation-invalid: numbers out of range, enums, IPs, CIDRs and subnet names', () => {
  checkFixture(`
apiVersion: v1
kind: Service
metadata:
  name: web
  annotations:
    service.beta.kubernetes.io/azure-load-balancer-internal: "true"
    service.beta.kubernetes.io/azure-load-balancer-tcp-idle-timeout: "120"
#                                                                    ^^^^^ error[azure-annotation-invalid]: 120 is out of range from 4 to 100 minutes
    service.beta.kubernetes.io/azure-load-balancer-health-probe-interval: 5s
#                                                                         ^^ error[azure-annotation-invalid]: not a whole number (at least 5 seconds)
    service.beta.kubernetes.io/azure-load-balancer-health-probe-protocol: grpc
#                                                                         ^^^^ error[azure-annotation-invalid]: not one of tcp, http, https
    service.beta.kubernetes.io/azure-load-balancer-ipv4: 10.0.0.300
#                                                        ^^^^^^^^^^ error[azure-annotation-invalid]: not an IPv4 address
    service.beta.kubernetes.io/azure-allowed-ip-ranges: "10.0.0.0/8, 192.168.1.0"
#                                                       ^^^^^^^^^^^^^^^^^^^^^^^^^ error[azure-annotation-invalid]: not a CIDR: "192.168.1.0"; cloud-provider-azure then adds a deny-all rule
    service.beta.kubernetes.io/azure-load-balancer-internal-subnet: 10.240.0.0/16
#                                                                   ^^^^^^^^^^^^^ error[azure-annotation-invalid]: a subnet NAME is expected
    service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path: healthz
#                                                                             ^^^^^^^ warning[azure-annotation-invalid]: a request path must start with
spec: {type: LoadBalancer, ports: [{port: 80}]}
`, only);
});

test('azure-annotation-invalid: per-port annotations name Service ports and take valid values; documented bad combinations', () => {
  checkFixture(`
apiVersion: v1
kind: Service
metadata:
  name: gw
  annotations:
    service.beta.kubernetes.io/port_8080_health-probe_protocol: http
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[azure-annotation-invalid]: names port 8080, which Service \`gw\` does not have (ports: 80, 15021)
    service.beta.kubernetes.io/port_80_health-probe_port: healthz
#                                                         ^^^^^^^ error[azure-annotation-invalid]: not a port number, nor the name of a port of Service \`gw\`
    service.beta.kubernetes.io/port_15021_health-probe_num-of-probe: "1"
#                                                                    ^^^ error[azure-annotation-invalid]: 1 is out of range (at least 2)
    service.beta.kubernetes.io/azure-allowed-service-tags: AzureFrontDoor.Backend
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[azure-annotation-invalid]: has no effect while spec.loadBalancerSourceRanges is set
    service.beta.kubernetes.io/azure-load-balancer-internal-subnet: apps
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[azure-annotation-invalid]: only applies to internal load balancers
spec:
  type: LoadBalancer
  loadBalancerSourceRanges: [203.0.113.0/24]
  ports: [{name: http, port: 80}, {name: status, port: 15021}]
`, only);
});

test('azure-annotation-invalid stays silent for well-formed values, in any case for booleans', () => {
  checkFixture(`
apiVersion: v1
kind: Service
metadata:
  name: web
  annotations:
    service.beta.kubernetes.io/azure-load-balancer-internal: "True"
    service.beta.kubernetes.io/azure-load-balancer-internal-subnet: apps-subnet_1
    service.beta.kubernetes.io/azure-load-balancer-tcp-idle-timeout: "4"
    service.beta.kubernetes.io/azure-load-balancer-health-probe-protocol: HTTPS
    service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path: /healthz
    service.beta.kubernetes.io/azure-load-balancer-ipv4: 10.240.0.25
    service.beta.kubernetes.io/azure-load-balancer-ipv6: "fd00::25"
    service.beta.kubernetes.io/azure-allowed-ip-ranges: "10.0.0.0/8,2001:db8::/32"
    service.beta.kubernetes.io/azure-pls-ip-configuration-ip-address: "10.0.0.5 10.0.0.6"
    service.beta.kubernetes.io/port_80_health-probe_port: http
    service.beta.kubernetes.io/port_80_no_probe_rule: "FALSE"
spec: {type: LoadBalancer, ports: [{name: http, port: 80}]}
---
apiVersion: v1
kind: Service
metadata:
  name: public
  annotations:
    service.beta.kubernetes.io/azure-dns-label-name: my-app-1
    service.beta.kubernetes.io/azure-pip-tags: "team=web,env=prod"
    service.beta.kubernetes.io/azure-pip-prefix-id: /subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/publicIPPrefixes/p
    service.beta.kubernetes.io/azure-load-balancer-health-probe-interval: "10"
    service.beta.kubernetes.io/azure-load-balancer-health-probe-num-of-probe: "11"
    service.beta.kubernetes.io/azure-pls-create: "true"
    service.beta.kubernetes.io/azure-disable-load-balancer-floating-ip: "true"
    service.beta.kubernetes.io/azure-pls-visibility: "*"
    service.beta.kubernetes.io/azure-pls-auto-approval: "0000-1111"
    service.beta.kubernetes.io/azure-deny-all-except-load-balancer-source-ranges: "true"
spec: {type: LoadBalancer, loadBalancerSourceRanges: [203.0.113.0/24], ports: [{name: http, port: 80}, {name: dns, port: 53, protocol: UDP}]}
`, only);
});

test('azure-annotation-invalid: source ranges given twice are refused; deny-all needs ranges; public IP settings on an internal load balancer', () => {
  checkFixture(`
apiVersion: v1
kind: Service
metadata:
  name: both
  annotations:
    service.beta.kubernetes.io/azure-allowed-ip-ranges: 10.0.0.0/8
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[azure-annotation-invalid]: \`azure-allowed-ip-ranges\` and spec.loadBalancerSourceRanges are both set: cloud-provider-azure refuses the configuration
spec: {type: LoadBalancer, loadBalancerSourceRanges: [203.0.113.0/24], ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata:
  name: annotation-both
  annotations:
    service.beta.kubernetes.io/load-balancer-source-ranges: 203.0.113.0/24
    service.beta.kubernetes.io/azure-allowed-ip-ranges: 10.0.0.0/8
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[azure-annotation-invalid]: and \`service.beta.kubernetes.io/load-balancer-source-ranges\` are both set
spec: {type: LoadBalancer, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata:
  name: deny
  annotations:
    service.beta.kubernetes.io/azure-deny-all-except-load-balancer-source-ranges: "true"
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[azure-annotation-invalid]: adds its deny rule only when allowed ranges are given
spec: {type: LoadBalancer, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata:
  name: internal
  annotations:
    service.beta.kubernetes.io/azure-load-balancer-internal: "true"
    service.beta.kubernetes.io/azure-pip-name: web-ip
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[azure-annotation-invalid]: \`azure-pip-name\` is about the Service's public IP, but the load balancer is internal
    service.beta.kubernetes.io/azure-dns-label-name: web
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[azure-annotation-invalid]: \`azure-dns-label-name\` is about the Service's public IP
spec: {type: LoadBalancer, ports: [{port: 80}]}
`, only);
});

test('azure-annotation-invalid: Private Link Service prerequisites', () => {
  checkFixture(`
apiVersion: v1
kind: Service
metadata:
  name: pls
  annotations:
    service.beta.kubernetes.io/azure-pls-create: "true"
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[azure-annotation-invalid]: a Private Link Service on a public load balancer only connects with floating IP turned off
    service.beta.kubernetes.io/azure-pls-visibility: "0000-1111"
    service.beta.kubernetes.io/azure-pls-auto-approval: "0000-1111"
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[azure-annotation-invalid]: only works when \`azure-pls-visibility\` is \`*\`
    service.beta.kubernetes.io/azure-pls-proxy-protocol: "true"
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ info[azure-annotation-invalid]: drops kube-proxy's health-check-node-port probe
spec: {type: LoadBalancer, externalTrafficPolicy: Local, ports: [{port: 443}]}
`, only);
});

test('azure-annotation-invalid: health probes that cannot apply, that cloud-provider-azure rejects, or that always fail', () => {
  checkFixture(`
apiVersion: v1
kind: Service
metadata:
  name: slow
  annotations:
    service.beta.kubernetes.io/azure-load-balancer-health-probe-interval: "30"
#                                                                         ^^^^ error[azure-annotation-invalid]: the probe of port 80 would take 30 s x 4 = 120 s; cloud-provider-azure requires less than 120 s
    service.beta.kubernetes.io/azure-load-balancer-health-probe-num-of-probe: "4"
    service.beta.kubernetes.io/port_53_health-probe_protocol: tcp
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[azure-annotation-invalid]: port 53 is UDP: cloud-provider-azure creates no health probe for UDP and SCTP ports
spec: {type: LoadBalancer, ports: [{port: 80}, {name: dns, port: 53, protocol: UDP}]}
---
apiVersion: v1
kind: Service
metadata:
  name: local
  annotations:
    service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path: /ready
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ info[azure-annotation-invalid]: does not apply: with externalTrafficPolicy Local the load balancer probes kube-proxy's HTTP check
spec: {type: LoadBalancer, externalTrafficPolicy: Local, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata:
  name: redis
  annotations:
    service.beta.kubernetes.io/azure-load-balancer-internal: "true"
    service.beta.kubernetes.io/azure-load-balancer-health-probe-protocol: http
#                                                                         ^^^^ warning[azure-annotation-invalid]: port 6379 (Redis) is probed over HTTP because of \`azure-load-balancer-health-probe-protocol\`, but Redis does not answer HTTP
spec: {type: LoadBalancer, ports: [{port: 6379}]}
`, only);
});

test('azure-annotation-invalid: in the cluster\'s Shared probe mode, Cluster-policy Services get no probe of their own', () => {
  checkFixture(`
apiVersion: v1
kind: Service
metadata:
  name: web
  annotations:
    service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path: /healthz
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ info[azure-annotation-invalid]: does not apply: the cluster's probe mode is \`Shared\`
spec: {type: LoadBalancer, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata:
  name: local
  annotations:
    service.beta.kubernetes.io/port_80_health-probe_port: "8081"
    service.beta.kubernetes.io/port_80_health-probe_request-path: /ready
spec: {type: LoadBalancer, externalTrafficPolicy: Local, ports: [{port: 80}]}
`, { ...only, settings: { profile: { clusterServiceLoadBalancerHealthProbeMode: 'Shared' } } });
});

test('azure-annotation-invalid: an NginxIngressController\'s loadBalancerAnnotations are checked like a Service\'s', () => {
  checkFixture(`
apiVersion: approuting.kubernetes.azure.com/v1alpha1
kind: NginxIngressController
metadata:
  name: nginx-internal
spec:
  ingressClassName: nginx-internal
  controllerNamePrefix: nginx-internal
  loadBalancerAnnotations:
    service.beta.kubernetes.io/azure-load-balancer-internal: "yes"
#                                                            ^^^^^ error[azure-annotation-invalid]: this value reads as false, so the Service gets a PUBLIC IP
    service.beta.kubernetes.io/azure-load-balancer-health-probe-num-of-probe: "1"
#                                                                             ^^^ error[azure-annotation-invalid]: 1 is out of range (at least 2)
    service.beta.kubernetes.io/port_80_health-probe_port: healthz
`, only);
});

test('azure-annotation-invalid: the service-wide number of probes is at least 2 too; the per-port probe protocol wins over appProtocol and the service-wide one', () => {
  checkFixture(`
apiVersion: v1
kind: Service
metadata:
  name: db
  annotations:
    service.beta.kubernetes.io/azure-load-balancer-internal: "true"
    service.beta.kubernetes.io/azure-load-balancer-health-probe-num-of-probe: "1"
#                                                                             ^^^ error[azure-annotation-invalid]: 1 is out of range (at least 2)
    service.beta.kubernetes.io/azure-load-balancer-health-probe-protocol: http
    service.beta.kubernetes.io/port_5432_health-probe_protocol: tcp
spec:
  type: LoadBalancer
  ports: [{port: 5432, appProtocol: http}, {name: web, port: 80}]
---
apiVersion: v1
kind: Service
metadata:
  name: cache
  annotations:
    service.beta.kubernetes.io/azure-load-balancer-internal: "true"
spec:
  type: LoadBalancer
  ports:
    - port: 6379
#     ^^^^^^^^^^ warning[azure-annotation-invalid]: port 6379 (Redis) is probed over HTTP because of the port's \`appProtocol: http\`
      appProtocol: http
`, only);
});

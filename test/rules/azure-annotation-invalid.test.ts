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
    service.beta.kubernetes.io/azure-shared-securityrule: "enabled"
#                                                         ^^^^^^^^^ warning[azure-annotation-invalid]: not "true" or "false"; cloud-provider-azure reads it as false
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
    service.beta.kubernetes.io/azure-dns-label-name: my-app-1
    service.beta.kubernetes.io/azure-pip-tags: "team=web,env=prod"
    service.beta.kubernetes.io/azure-pip-prefix-id: /subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/publicIPPrefixes/p
    service.beta.kubernetes.io/azure-pls-ip-configuration-ip-address: "10.0.0.5 10.0.0.6"
    service.beta.kubernetes.io/port_80_health-probe_port: http
    service.beta.kubernetes.io/port_80_no_probe_rule: "FALSE"
spec: {type: LoadBalancer, ports: [{name: http, port: 80}]}
`, only);
});

import { test } from 'node:test';
import { checkFixture } from '../support/fixture';

const only = { onlyRules: ['gateway-listener-conflict'] };

test('gateway-listener-conflict: duplicate names, same port/protocol/hostname, and HTTP with HTTPS on one port', () => {
  checkFixture(`
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw}
spec:
  gatewayClassName: approuting-istio
  listeners:
    - {name: http, port: 80, protocol: HTTP}
    - {name: http, port: 8080, protocol: HTTP}
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[gateway-listener-conflict]: Gateway \`gw\` has two listeners named \`http\`
    - {name: web, port: 80, protocol: HTTP}
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[gateway-listener-conflict]: Listeners \`http\` and \`web\` of Gateway \`gw\` both take HTTP on port 80 for every hostname
    - {name: shop, port: 443, protocol: HTTPS, hostname: shop.example.com}
    - {name: shop2, port: 443, protocol: HTTPS, hostname: SHOP.example.com}
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[gateway-listener-conflict]: both take HTTPS on port 443 for shop.example.com
    - {name: mixed, port: 443, protocol: HTTP, hostname: other.example.com}
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[gateway-listener-conflict]: plain HTTP and TLS cannot be served on one port
`, only);
});

test('gateway-listener-conflict stays silent for distinct ports, protocols or hostnames', () => {
  checkFixture(`
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw}
spec:
  gatewayClassName: azure-alb-external
  listeners:
    - {name: http, port: 80, protocol: HTTP}
    - {name: shop, port: 443, protocol: HTTPS, hostname: shop.example.com}
    - {name: api, port: 443, protocol: HTTPS, hostname: api.example.com}
    - {name: dns-tcp, port: 53, protocol: TCP}
    - {name: dns-udp, port: 53, protocol: UDP}
`, only);
});

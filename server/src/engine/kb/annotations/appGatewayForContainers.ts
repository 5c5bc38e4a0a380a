/**
 * Application Gateway for Containers (ALB Controller) annotations, `alb.networking.azure.io/*`, on Ingress
 * (IngressClass `azure-alb-external`) and Gateway (GatewayClass `azure-alb-external`).
 */
import { annotationTable } from './define';
import { DECEMBER_2026_REVIEW, FIRST_RECORDED } from '../types';

const INGRESS_HOWTO = 'https://learn.microsoft.com/en-us/azure/application-gateway/for-containers/how-to-ssl-offloading-ingress-api';
const MANAGED = 'https://learn.microsoft.com/en-us/azure/application-gateway/for-containers/quickstart-create-application-gateway-for-containers-managed-by-alb-controller';
const BYO = 'https://learn.microsoft.com/en-us/azure/application-gateway/for-containers/quickstart-create-application-gateway-for-containers-byo-deployment';
const HEADER_REWRITE = 'https://learn.microsoft.com/en-us/azure/application-gateway/for-containers/how-to-header-rewrite-ingress-api';

const alb = annotationTable('application-gateway-for-containers', 'alb.networking.azure.io/', ['Ingress', 'Gateway'], INGRESS_HOWTO, FIRST_RECORDED);

export const APP_GATEWAY_FOR_CONTAINERS_ANNOTATIONS = [
  alb(
    'alb-id',
    'Bring-your-own deployment: Azure resource ID of the Application Gateway for Containers resource (`/subscriptions/.../providers/Microsoft.ServiceNetworking/trafficControllers/<name>`) that serves this Ingress or Gateway. Pick the frontend with `alb-frontend` (Ingress) or a `spec.addresses` entry of type `alb.networking.azure.io/alb-frontend` (Gateway). Use either this or `alb-name` + `alb-namespace`.',
    { valueHint: 'an Azure resource ID', source: BYO },
  ),
  alb(
    'alb-name',
    'Managed deployment: name of the `ApplicationLoadBalancer` custom resource (created by you, managed by the ALB Controller) that serves this Ingress or Gateway. Goes with `alb-namespace`.',
    { valueHint: 'an ApplicationLoadBalancer name', source: MANAGED },
  ),
  alb(
    'alb-namespace',
    'Managed deployment: namespace of the `ApplicationLoadBalancer` resource named by `alb-name`.',
    { valueHint: 'a namespace', source: MANAGED },
  ),
  alb(
    'alb-frontend',
    'Name of the Application Gateway for Containers frontend (an entry point with its own FQDN) that serves this Ingress. Frontends are public, or private when reached through a private endpoint (private ingress, in preview). With a bring-your-own deployment the frontend must already exist. On a Gateway the frontend is given in `spec.addresses` instead.',
    { kinds: ['Ingress'], valueHint: 'a frontend name', source: 'https://learn.microsoft.com/azure/application-gateway/for-containers/how-to-private-ingress-gateway-api', checked: DECEMBER_2026_REVIEW },
  ),
  alb(
    'alb-ingress-extension',
    'Name of an `IngressExtension` resource (same namespace) that adds features the Ingress API lacks: header and URL rewrites, HTTP-to-HTTPS redirects, and the like.',
    { kinds: ['Ingress'], valueHint: 'an IngressExtension name', source: HEADER_REWRITE },
  ),
];

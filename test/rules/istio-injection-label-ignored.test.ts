import { test } from 'node:test';
import { checkFixture } from '../support/fixture';

const only = { onlyRules: ['istio-injection-label-ignored'] };
const addOn = { settings: { profile: { istioRevisions: ['asm-1-26', 'asm-1-27'] } }, ...only };

test('istio-injection-label-ignored: istio-injection=enabled and revisions that are not installed, with the add-on on', () => {
  checkFixture(`
apiVersion: v1
kind: Namespace
metadata:
  name: shop
#       ^^^^ warning[istio-injection-label-ignored]: is labelled \`istio-injection: enabled\`, which the AKS Istio add-on does not support: its pods get no sidecar. Label it \`istio.io/rev: asm-1-27\` instead
  labels: {istio-injection: enabled}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata:
      labels: {app: web, istio.io/rev: asm-1-24}
#             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[istio-injection-label-ignored]: asks for Istio revision \`asm-1-24\` (\`istio.io/rev\`), which is not installed on this cluster (installed revisions: asm-1-26, asm-1-27)
    spec: {containers: [{name: web, image: web}]}
`, addOn);
});

test('istio-injection-label-ignored: a revision written in another form, without a profile', () => {
  checkFixture(`
apiVersion: v1
kind: Namespace
metadata:
  name: shop
#       ^^^^ warning[istio-injection-label-ignored]: (did you mean \`asm-1-27\`?)
  labels: {istio.io/rev: asm-1.27}
`, only);
});

test('istio-injection-label-ignored stays silent for installed revisions, and for istio-injection without the add-on', () => {
  checkFixture(`
apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels: {istio.io/rev: asm-1-27}
`, addOn);
  checkFixture(`
apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels: {istio-injection: enabled}
`, only);
});

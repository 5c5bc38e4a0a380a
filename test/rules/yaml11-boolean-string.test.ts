import { test } from 'node:test';
import { checkFixture } from '../support/fixture';

const only = { onlyRules: ['yaml11-boolean-string'] };

test('yaml11-boolean-string: unquoted yes/no/on/off/true in labels, annotations, pod templates, env and ConfigMap data', () => {
  checkFixture(`
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    public: yes
#           ^^^ error[yaml11-boolean-string]: label \`public\` is \`yes\` unquoted, which Kubernetes' YAML 1.1 reader turns into a boolean; a string is expected here, so the API server rejects the object. Quote it: "yes"
  annotations:
    example.com/enabled: On
#                        ^^ error[yaml11-boolean-string]: annotation \`example.com/enabled\` is \`On\` unquoted
spec:
  template:
    metadata:
      labels: {app: web, canary: n}
#                                ^ error[yaml11-boolean-string]: pod template label \`canary\` is \`n\` unquoted
    spec:
      containers:
        - name: web
          image: nginx
          env:
            - {name: FEATURE_X, value: off}
#                                      ^^^ error[yaml11-boolean-string]: env \`FEATURE_X\` is \`off\` unquoted
            - {name: DEBUG, value: true}
#                                  ^^^^ error[yaml11-boolean-string]: env \`DEBUG\` is \`true\` unquoted, which YAML reads as a boolean
---
apiVersion: v1
kind: ConfigMap
metadata: {name: flags}
data:
  CACHE: NO
#        ^^ error[yaml11-boolean-string]: ConfigMap data key \`CACHE\` is \`NO\` unquoted
`, only);
});

test('yaml11-boolean-string stays silent for quoted values, other casings, and booleans where booleans belong', () => {
  checkFixture(`
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {public: "yes", tier: yEs, mode: enabled}
  annotations: {example.com/enabled: "true"}
spec:
  template:
    metadata: {labels: {app: web}}
    spec:
      hostNetwork: false
      automountServiceAccountToken: no
      containers:
        - name: web
          image: nginx
          stdin: yes
          env: [{name: FEATURE_X, value: "off"}, {name: LEVEL, value: "1"}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: flags}
data: {CACHE: "NO"}
`, only);
});

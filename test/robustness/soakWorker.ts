/**
 * The soak run itself, in its own process (started with --expose-gc by soak.test.ts): a workspace of about
 * `NETLENS_SOAK_RESOURCES` resources, then `NETLENS_SOAK_EDITS` edits that alternate between text-only changes and
 * label changes (cross-file), each followed by a refresh. Prints JSON: heap after a full GC, averaged over the first
 * and the last thousand edits.
 */
import { Analysis } from '../../server/src/engine/analysis';

function app(ns: number, i: number, label: string, comment = ''): string {
  return `# app ${i}${comment}
apiVersion: apps/v1
kind: Deployment
metadata: {name: app-${i}, namespace: ns-${ns}}
spec:
  replicas: 2
  template:
    metadata: {labels: {app: app-${i}, tier: ${label}}}
    spec:
      containers:
        - name: app
          image: registry.example.com/app-${i}:1.0.${i}
          ports: [{name: http, containerPort: 8080}]
          env: [{name: NEXT_ADDR, value: "app-${i + 1}:80"}]
---
apiVersion: v1
kind: Service
metadata: {name: app-${i}, namespace: ns-${ns}}
spec:
  selector: {app: app-${i}}
  ports: [{port: 80, targetPort: http}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: app-${i}, namespace: ns-${ns}}
spec:
  podSelector: {matchLabels: {app: app-${i}}}
  ingress: [{from: [{podSelector: {matchLabels: {tier: web}}}], ports: [{port: http}]}]
`;
}

// Node's test runner loads every .js file under test/ as a test; this one only runs when soak.test.ts starts it.
if (process.env['NETLENS_SOAK_WORKER'] === '1') runSoak();

function runSoak(): void {
  const RESOURCES = Number(process.env['NETLENS_SOAK_RESOURCES'] ?? 10000);
  const EDITS = Number(process.env['NETLENS_SOAK_EDITS'] ?? 10000);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');


  const analysis = new Analysis();
  const files = Math.ceil(RESOURCES / 3);
  for (let i = 0; i < files; i++) analysis.setFile(`ns-${i % 20}/app-${i}.yaml`, app(i % 20, i, 'web'));
  analysis.refresh();

  const heapSamples: number[] = [];
  const measure = () => {
    gc();
    heapSamples.push(process.memoryUsage().heapUsed);
  };
  const started = Date.now();
  for (let edit = 0; edit < EDITS; edit++) {
    const i = edit % 50;
    const file = `ns-${i % 20}/app-${i}.yaml`;
    const text = edit % 2 === 0 ? app(i % 20, i, 'web', ` edit ${edit}`) : app(i % 20, i, edit % 4 === 1 ? 'api' : 'web', ` edit ${edit}`);
    analysis.setFile(file, text);
    analysis.refresh();
    if (edit < 1000 && edit % 100 === 99) measure();
    if (edit >= EDITS - 1000 && edit % 100 === 99) measure();
  }
  const half = heapSamples.length / 2;
  const average = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  process.stdout.write(
    JSON.stringify({
      resources: analysis.index.resourceCount,
      edits: EDITS,
      ms: Date.now() - started,
      firstThousand: average(heapSamples.slice(0, half)),
      lastThousand: average(heapSamples.slice(half)),
    }),
  );
}

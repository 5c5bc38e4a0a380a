/**
 * `netlens migrate-ingress [paths...] [--ingress ns/name] [--ingress-class name] [--gateway-class name] [--out dir]`:
 * Gateway API objects (a Gateway per namespace, HTTPRoutes) for Ingresses. Prints the YAML (its header lists every
 * annotation that was not translated, and why), or writes one file per namespace under --out. Exit status 0, or 2
 * when the guard (engine/fixes/yamlGuard.ts) refused a document; the untranslated annotations are also summarised
 * on stderr.
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultGatewayClass, ingressesOfClass, migrateIngresses, type MigrationResult } from '../../engine/fixes/index';
import type { Ingress } from '../../engine/model/resources';
import { closestName } from '../../engine/util/closestName';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CliIO, type Command } from '../usage';
import { ingressControllerOf } from '../../engine/exposure/controllers';
import { loadContext } from './generatePolicies';
import { escapeLine } from '../format/terminal';
import { exitCode, nothingRead } from '../loadWorkspace';
import { planOutputs, writeOutputs } from '../outputFiles';
import { WORKSPACE_OPTIONS, WORKSPACE_USAGE } from '../workspaceOptions';
import { compareStrings } from '../../engine/util/compare';

export const migrateIngressCommand: Command = {
  name: 'migrate-ingress',
  summary: 'translate Ingresses into a Gateway and HTTPRoutes (Gateway API)',
  usage: `netlens migrate-ingress [paths...] [options]

Reads every *.yaml, *.yml and *.json under the paths (default: .) and translates Ingresses into Gateway API: one
Gateway per namespace (an HTTP listener, an HTTPS listener per TLS host) and HTTPRoutes (GRPCRoutes for gRPC
backends) for the hosts, paths, backends and default backend, with the common ingress-nginx annotations (redirects, rewrites, canaries, ...)
turned into route filters and weights. Every annotation that does not translate is listed in the output with the
reason. The Ingresses are left as they are: run both side by side, then move DNS.

Options:
  --ingress ns/name          only this Ingress (with its canary Ingresses)
  --ingress-class name       every Ingress of this class (default: every Ingress, grouped by class)
  --gateway-class name       GatewayClass of the Gateway (default: approuting-istio for the application routing
                             add-on and ingress-nginx, azure-alb-external for Application Gateway for Containers,
                             istio for Istio)
  --gateway-name name        name of the Gateway (default: the Ingress's name, or the GatewayClass's for several)
  --out dir                  write the files there instead of printing them (names made safe: nothing is
                             written outside dir)
  --force                    also migrate Ingresses whose security annotations (auth-url, auth-tls-*,
                             whitelist-source-range, limit-*, WAF) have no Gateway API translation; without it they
                             are not migrated, the reason is on stderr and the exit status is 1
${WORKSPACE_USAGE}  --profile file             the cluster profile (default: .netlens.yaml here or in the first path's folder)
`,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        ingress: { type: 'string' },
        'ingress-class': { type: 'string' },
        'gateway-class': { type: 'string' },
        'gateway-name': { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
        ...WORKSPACE_OPTIONS,
        profile: { type: 'string' },
      },
    });
    const paths = positionals.length ? positionals : ['.'];
    const outDir = values.out !== undefined ? path.resolve(io.cwd, values.out) : undefined;
    const { ctx, display, workspace } = await loadContext(paths, values, io, outDir);
    if (nothingRead(workspace)) return EXIT_USAGE;
    const index = ctx.index;
    const all = index.ofKind('Ingress').filter((i) => i.apiVersion.startsWith('networking.k8s.io/') || i.apiVersion.startsWith('extensions/'));

    let groups: Ingress[][];
    if (values.ingress !== undefined) {
      const [namespace, name] = values.ingress.includes('/') ? (values.ingress.split('/', 2) as [string, string]) : [undefined, values.ingress];
      const found = all.filter((i) => i.name === name && (namespace === undefined || i.namespace === namespace));
      if (found.length === 0) {
        const suggestion = closestName(values.ingress, all.map((i) => (namespace === undefined ? i.name : `${i.namespace}/${i.name}`)));
        throw new UsageError(`--ingress: no Ingress \`${escapeLine(values.ingress)}\` in the input${suggestion ? ` (did you mean \`${escapeLine(suggestion)}\`?)` : ''}`);
      }
      groups = [[found[0]!]];
    } else if (values['ingress-class'] !== undefined) {
      const found = ingressesOfClass(index, values['ingress-class']);
      if (found.length === 0) {
        const classes = [...new Set(all.map((i) => ingressControllerOf(index, i).className).filter((c): c is string => !!c))];
        const suggestion = closestName(values['ingress-class'], classes);
        throw new UsageError(`--ingress-class: no Ingress of class \`${escapeLine(values['ingress-class'])}\`${suggestion ? ` (did you mean \`${escapeLine(suggestion)}\`?)` : classes.length ? ` (classes: ${escapeLine(classes.join(', '))})` : ''}`);
      }
      groups = [found];
    } else {
      const byClass = new Map<string, Ingress[]>();
      for (const ingress of all) {
        const key = ingressControllerOf(index, ingress).className ?? '';
        byClass.set(key, [...(byClass.get(key) ?? []), ingress]);
      }
      groups = [...byClass.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, list]) => list);
    }
    if (groups.length === 0 || groups.every((g) => g.length === 0)) {
      io.err('netlens migrate-ingress: no Ingress in the input\n');
      return exitCode(workspace, EXIT_OK);
    }
    const results: MigrationResult[] = [];
    for (const group of groups) {
      const gatewayClass = values['gateway-class'] ?? defaultGatewayClass(index, group[0]!);
      const options = { gatewayClass, ...(values['gateway-name'] ? { gatewayName: values['gateway-name'] } : {}), ...(outDir !== undefined ? { directory: `${outDir}${path.sep}` } : {}), ...(values.force ? { force: true } : {}) };
      results.push(migrateIngresses(ctx, group, options));
    }
    // Said first: Ingresses not migrated because their security annotations would be dropped (exit 1).
    const securityRefusals = results.flatMap((r) => r.refused.map((x) => x.reason));
    for (const reason of securityRefusals) io.err(`netlens migrate-ingress: ${escapeLine(reason)}\n`);
    let writeFailed = false;
    if (outDir !== undefined) {
      // Several groups may ask for one namespace's file: one file, their documents joined (outputFiles.ts).
      const { written, errors } = writeOutputs(outDir, planOutputs(outDir, results.flatMap((r) => r.change.newFiles)));
      for (const file of written) io.out(`wrote ${escapeLine(display(file))}\n`);
      for (const error of errors) io.err(`netlens migrate-ingress: ${escapeLine(error)}\n`);
      writeFailed = errors.length > 0;
    } else {
      io.out(results.flatMap((r) => r.documents.map((d) => d.text)).join('---\n'));
    }
    // Names, annotations and their values come from the manifests: escaped, one line stays one line.
    const line = (text: string) => io.err(`${escapeLine(text)}\n`);
    const untranslated = results.flatMap((r) => r.untranslated);
    for (const result of results.filter((r) => r.ingresses.length)) line(`migrated ${result.ingresses.join(', ')} to GatewayClass ${result.gatewayClass}: Gateway ${result.gateways.join(', ')}, ${result.routes.length} HTTPRoute${result.routes.length === 1 ? '' : 's'}`);
    if (untranslated.length) {
      line(`not translated (${untranslated.length}):`);
      for (const u of untranslated) line(`  ${u.ingress}: ${u.annotation}: ${u.detail}`);
    }
    const warnings = [...new Set(results.flatMap((r) => r.warnings))];
    if (warnings.length) {
      line('check:');
      for (const w of warnings) line(`  ${w}`);
    }
    // The guard refused to write something: said, and exit 2 (nothing of it was printed or written).
    const refusals = results.flatMap((r) => r.errors).filter((e) => !securityRefusals.includes(e));
    for (const e of refusals) line(`netlens migrate-ingress: ${e}`);
    return exitCode(workspace, writeFailed || refusals.length ? EXIT_USAGE : securityRefusals.length ? EXIT_FINDINGS : EXIT_OK);
  },
};

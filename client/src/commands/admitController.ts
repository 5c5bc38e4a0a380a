/**
 * The quick fix that admits an ingress controller running outside the cluster (Application Gateway for Containers
 * connects from a subnet of the VNet) needs that subnet, which no manifest holds. Its code action carries the
 * server command `netlens.admitIngressController` without it; VS Code runs server commands through the language
 * client, so the client's middleware (middleware.ts) asks for the subnet here and passes it on (docs/fixes.md).
 */
import * as vscode from 'vscode';
import type { ExecuteCommandSignature } from 'vscode-languageclient/node';
import { parseCidr } from '../../../server/src/engine/address/addressRange';
import { ADMIT_INGRESS_CONTROLLER_COMMAND, type AdmitIngressControllerArgs } from '../../../server/src/protocol/commands';

/** `netlens.admitIngressController` with the controller's subnet asked for when nobody gave it. */
export async function admitIngressController(args: unknown[], next: ExecuteCommandSignature): Promise<unknown> {
  const completed = await withControllerSubnet(args);
  // Cancelled: nothing is run, nothing is written.
  return completed ? next(ADMIT_INGRESS_CONTROLLER_COMMAND, completed) : undefined;
}

async function withControllerSubnet(args: unknown[]): Promise<unknown[] | undefined> {
  // What the server put in the code action; read defensively all the same (another extension may call the command).
  const first = (args[0] ?? {}) as Partial<AdmitIngressControllerArgs>;
  const data = first.data ?? {};
  const known = [first.controllerCidr, first.controllerNamespace, data['controllerCidr'], data['controllerNamespace']].some((v) => typeof v === 'string' && v !== '');
  if (known) return args;
  const className = typeof data['class'] === 'string' ? data['class'] : 'the ingress class';
  const workload = typeof data['workload'] === 'string' ? ` to ${data['workload']}` : '';
  const cidr = await vscode.window.showInputBox({
    title: `Admit the ingress controller of ${className}${workload}`,
    prompt: "The subnet it connects from, as a CIDR (for Application Gateway for Containers: the subnet of its association, 'az network alb association list')",
    placeHolder: '10.225.0.0/24',
    ignoreFocusOut: true,
    validateInput: (value) => (parseCidr(value.trim()) ? undefined : 'A CIDR such as 10.225.0.0/24 or fd00:10::/64'),
  });
  if (cidr === undefined) return undefined;
  return [{ ...first, controllerCidr: cidr.trim() }, ...args.slice(1)];
}

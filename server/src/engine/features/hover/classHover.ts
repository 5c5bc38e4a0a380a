/** Hovers on IngressClass / GatewayClass objects: the controller behind them and who uses the class. */
import { describeIngressClass } from '../../exposure/controllers';
import type { AnyResource } from '../../model/resources';
import { bounded, code, objectRef, where } from '../host';
import { usersOfClass } from '../usages';
import { onIdentity, sections, type HoverContext } from './context';
import { gatewayClassText } from './gatewayHover';

export function classHover(context: HoverContext): string | undefined {
  const resource = context.resource as AnyResource;
  if (!onIdentity(context.path) && !(context.path[0] === 'spec' && (context.path[1] === 'controller' || context.path[1] === 'controllerName'))) return undefined;
  const host = context.host;
  const users = usersOfClass(host.analysis.index, resource).map((u) => `- ${objectRef(u.resource)} (${where(host, u.resource.file, u.span)})`);
  let about: string;
  if (resource.kind === 'IngressClass') {
    const info = describeIngressClass(host.analysis.index, resource.name);
    about = info.facts ? `**Controller**: ${info.facts.product}. ${info.facts.doc} [Docs](${info.facts.source})` : `**Controller**: not one Netlens knows.`;
  } else {
    about = gatewayClassText(host, resource.name);
  }
  return sections(`**${resource.kind} ${code(resource.name)}**`, about, users.length ? `**Used by**\n${bounded(users, 12).join('\n')}` : 'Used by no object of the workspace.');
}

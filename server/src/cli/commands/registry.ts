/** The CLI's subcommands; each lives in its own file under commands/. */
import type { Command } from '../usage';
import { checkCommand } from './check';
import { connectivityCommand } from './connectivity';
import { diffCommand } from './diff';
import { egressCommand } from './egress';
import { explainCommand } from './explain';
import { fixCommand } from './fix';
import { generatePoliciesCommand } from './generatePolicies';
import { migrateIngressCommand } from './migrateIngress';
import { profileCommand } from './profile';
import { rulesCommand } from './rules';

export const COMMANDS: readonly Command[] = [checkCommand, connectivityCommand, diffCommand, explainCommand, egressCommand, profileCommand, rulesCommand, fixCommand, generatePoliciesCommand, migrateIngressCommand];

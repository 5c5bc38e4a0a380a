/** The CLI's subcommands; each lives in its own file under commands/. */
import type { Command } from '../usage';
import { checkCommand } from './check';
import { rulesCommand } from './rules';

export const COMMANDS: readonly Command[] = [checkCommand, rulesCommand];

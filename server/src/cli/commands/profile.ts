/** `netlens profile [path] [--format yaml|json]`: validates a cluster profile and prints the effective one. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { formatProfileYaml, profileToJson } from '../../engine/profile/formatProfile';
import { PROFILE_FILE_NAME } from '../../engine/profile/parseProfile';
import { cliConfinement, displayPath, formatProfileIssues, loadProfileFile } from '../profileOption';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliIO, type Command } from '../usage';

export const profileCommand: Command = {
  name: 'profile',
  summary: 'validate a cluster profile (.netlens.yaml) and print the effective profile',
  usage: `netlens profile [path] [options]

Reads a cluster profile (default: ./${PROFILE_FILE_NAME}; a folder means its ${PROFILE_FILE_NAME}), follows
cluster.importFrom (\`az aks show -o json\` output or an ARM/Bicep-compiled template), and prints the effective
profile with where each value came from. Problems go to standard error as file:line:column: severity: message.
Exits 1 when the profile has errors, 2 when the file cannot be found.

Options:
  --format yaml|json   output format (default yaml)
`,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'yaml' } } });
    const format = values.format!;
    if (!['yaml', 'json'].includes(format)) throw new UsageError(`unknown --format \`${format}\`: use yaml or json`);
    if (positionals.length > 1) throw new UsageError(`one profile at a time, got ${positionals.length} paths`);
    let file = path.resolve(io.cwd, positionals[0] ?? PROFILE_FILE_NAME);
    // A file the user named is read as named (a link followed); a folder's or the current directory's is not.
    let named = positionals[0] !== undefined;
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      file = path.join(file, PROFILE_FILE_NAME);
      named = false;
    }
    if (!fs.existsSync(file)) throw new UsageError(`no cluster profile at ${displayPath(io.cwd, file)}`);
    // Its importFrom is read only inside its folder or the current directory.
    const loaded = loadProfileFile(file, { display: (f) => displayPath(io.cwd, f), confineTo: cliConfinement(io.cwd, [file]), explicit: named });
    if (loaded.issues.length) io.err(formatProfileIssues(loaded.issues));
    if (!loaded.valid) return EXIT_FINDINGS;
    io.out(format === 'json' ? `${JSON.stringify(profileToJson(loaded.profile), null, 2)}\n` : formatProfileYaml(loaded.profile));
    return EXIT_OK;
  },
};

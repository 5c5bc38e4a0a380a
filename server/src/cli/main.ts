/** The `netlens` command line: parses the subcommand, runs it, maps failures to exit code 2 with a clear message. */
import { COMMANDS } from './commands/registry';
import { EXIT_USAGE, UsageError, type CliIO } from './usage';
import { VERSION } from './version';

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const topic = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.out(topic ? topic.usage : overview());
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`netlens: unknown command \`${name}\`\n\n${overview()}`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`netlens ${command.name}: ${(error as Error).message}\n(see \`netlens ${command.name} --help\`)\n`);
      return EXIT_USAGE;
    }
    io.err(`netlens ${command.name}: internal error: ${(error as Error).message ?? String(error)}\n`);
    return EXIT_USAGE;
  }
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `netlens ${VERSION}: Kubernetes networking analysis for manifests

Usage: netlens <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

\`netlens <command> --help\` shows a command's options.
`;
}

/** Runs the CLI on this process's arguments and streams; the bundle's entry point calls it. */
export function runFromProcess(): void {
  const io: CliIO = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`netlens: internal error: ${(error as Error).message}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}

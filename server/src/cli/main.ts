/** The `netlens` command line: parses the subcommand, runs it, maps failures to exit code 2 with a clear message. */
import { COMMANDS } from './commands/registry';
import { escapeLine, terminalSafe } from './format/terminal';
import { EXIT_USAGE, UsageError, type CliIO } from './usage';
import { VERSION } from './version';

export async function runCli(argv: string[], rawIo: CliIO): Promise<number> {
  // Nothing the CLI writes reaches a terminal with a raw control character (format/terminal.ts).
  const io: CliIO = { ...rawIo, out: (text) => rawIo.out(terminalSafe(text)), err: (text) => rawIo.err(terminalSafe(text)) };
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
    io.err(`netlens: unknown command \`${escapeLine(name)}\`\n\n${overview()}`);
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
    io.err(`netlens ${command.name}: internal error: ${escapeLine((error as Error).message ?? String(error))}\n`);
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
  // A reader that went away (`netlens rules | head -1`) is no error of ours: stop quietly, as Unix tools do.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
      // Any other write failure (a full disk behind a redirect): one line, exit 2, no stack trace.
      process.exitCode = EXIT_USAGE;
      if (stream === process.stdout) process.stderr.write(`netlens: cannot write the output: ${error.code ?? error.message}\n`);
      process.exit(EXIT_USAGE);
    });
  }
  const io: CliIO = {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    readStdin: async (maxBytes) => {
      // Never more than one byte past the limit: `netlens check - < /dev/zero` must end.
      const chunks: Buffer[] = [];
      let length = 0;
      for await (const chunk of process.stdin) {
        chunks.push(chunk as Buffer);
        length += (chunk as Buffer).length;
        if (length > maxBytes) {
          process.stdin.destroy();
          break;
        }
      }
      return Buffer.concat(chunks).subarray(0, maxBytes + 1);
    },
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(terminalSafe(`netlens: internal error: ${escapeLine((error as Error).message ?? String(error))}\n`));
      process.exitCode = EXIT_USAGE;
    },
  );
}

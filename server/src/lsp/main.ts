/**
 * Entry point of `netlens-language-server`. The transport comes from the command line, as vscode-languageserver
 * reads it: `--stdio` for any LSP editor, `--node-ipc` when VS Code's client starts it, `--socket=N`.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { VERSION } from '../cli/version';
import { limitHeapGrowth } from '../io/heapGrowth';
import { startServer } from './server';

const args = process.argv.slice(2);
if (args.includes('--version')) {
  process.stdout.write(`${VERSION}\n`);
} else if (args.includes('--help') || !args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe') || a.startsWith('--clientProcessId'))) {
  process.stdout.write(`netlens-language-server ${VERSION}\n\nUsage: netlens-language-server --stdio   (for Neovim, Helix, Emacs, ...)\n       netlens-language-server --node-ipc (VS Code starts it this way)\n`);
  process.exitCode = args.includes('--help') ? 0 : 2;
} else {
  limitHeapGrowth();
  startServer(createConnection(ProposedFeatures.all));
}

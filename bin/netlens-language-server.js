#!/usr/bin/env node
// The language server: `--stdio` for any LSP editor, `--node-ipc` when VS Code starts it.
require('../dist/server.js');

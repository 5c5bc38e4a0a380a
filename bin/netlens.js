#!/usr/bin/env node
// The `netlens` CLI. The bundle is built by `npm ci` (the `prepare` script); see README.
require('../dist/cli.js');

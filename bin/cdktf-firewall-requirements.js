#!/usr/bin/env node
'use strict';
let cli;
try {
  cli = require('../dist/lib/cli/main');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND') {
    process.stderr.write('cdktf-firewall-requirements: the compiled library is missing; run "npm run build" first.\n');
    process.exit(2);
  }
  throw e;
}
process.exitCode = cli.main(process.argv.slice(2));

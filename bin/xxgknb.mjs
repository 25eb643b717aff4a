#!/usr/bin/env node
// The `xxgknb` command. Kept thin: everything lives in js/cli/ where the tests reach it.

import { main } from '../js/cli/run.mjs';

// `xxgknb check … | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`xxgknb: ${err?.stack ?? err}\n`);
  process.exitCode = 2;
}

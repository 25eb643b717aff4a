#!/usr/bin/env node
// The `xxgknb` command. Kept thin: everything lives in js/cli/ where the tests reach it.

import { main } from '../js/cli/run.mjs';

// A closed standard error (`2>&-`) must not turn a finished run into a crash.
process.stderr.on('error', () => {});

let code;
try {
  code = await main(process.argv.slice(2));
} catch (/** @type {any} */ err) {
  // Not expected: said in one line (the stack only with XXGKNB_DEBUG=1), and trouble.
  process.stderr.write(`xxgknb: ${process.env.XXGKNB_DEBUG ? (err?.stack ?? err) : (err?.message ?? err)}\n`);
  code = 2;
}
// End here, once standard output has taken what was written: a named pipe that never got a
// writer still waits to be opened in a libuv thread, and would keep the process alive.
process.exitCode = code;
if (process.stdout.writableLength > 0 && !process.stdout.destroyed) {
  process.stdout.once('drain', () => process.exit(code));
  process.stdout.once('error', () => process.exit(code));
  process.stdout.once('close', () => process.exit(code));
} else {
  process.exit(code);
}

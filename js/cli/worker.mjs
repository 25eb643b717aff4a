// A worker thread: loads the core once, then checks batches of files sent by the pool, and
// after them the cross-year pairs it is handed.

import { parentPort, workerData } from 'node:worker_threads';
import { loadCore } from './core.mjs';
import { adoptModules } from '../compiled.mjs';
import { checkFile, entryOf, packEntries } from './process.mjs';
import { runPairJob } from './crossyear.mjs';
import { readHead } from './spool.mjs';

let core = null;
try {
  adoptModules(workerData.wasmModules);
  core = await loadCore();
} catch (err) {
  parentPort.postMessage({ type: 'fatal', message: String(err?.message ?? err) });
}

// [start of the file being checked (ms) or 0, its index]: read by the pool's watchdog.
const clock = workerData.clock ? new Float64Array(workerData.clock) : null;

/** checkFile, with the clock running while this thread works on the file. */
function timed(item) {
  if (clock) {
    clock[1] = item.index;
    clock[0] = Date.now();
  }
  try {
    return checkFile(core, item, workerData);
  } finally {
    if (clock) clock[0] = 0;
  }
}

if (core) {
  parentPort.on('message', async (msg) => {
    if (msg.type === 'job') {
      // After the files: a job of cross-year pairs (see crossyear.mjs).
      let result = null; // the main thread does what a job could not
      try {
        result = runPairJob(core, msg.job, readHead);
      } catch { /* the spool unreadable: left to the main thread, which reports it */ }
      parentPort.postMessage({ type: 'job-result', result });
      return;
    }
    if (msg.type !== 'batch') return;
    // PDF and Word files come back as promises (documents.mjs, which has its own time limit);
    // the rest at once.
    const checked = await Promise.all(msg.items.map(timed));
    const { entries, data } = packEntries(msg.items.map((item, i) => ({ index: item.index, ...entryOf(checked[i]) })));
    // After the core threw (a Rust panic traps the WebAssembly instance, which may leave it
    // unusable), this worker hands in its results and ends; the pool starts a fresh one.
    const retiring = entries.some((it) => it.rules.includes('internal-error'));
    parentPort.postMessage({ type: 'results', items: entries, data, retiring }, [data.buffer]);
    if (retiring) parentPort.close();
  });
}

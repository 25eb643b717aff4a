// A worker thread: loads the core once, then checks batches of files sent by the pool.

import { parentPort, workerData } from 'node:worker_threads';
import { loadCore } from './core.mjs';
import { adoptModules } from '../compiled.mjs';
import { checkFile, entryOf, packEntries } from './process.mjs';

if (!parentPort) throw new Error('xxgknb: js/cli/worker.mjs runs as a worker thread (pool.mjs starts it)');
const port = parentPort;

/** @type {import('./core.mjs').Core | null} */
let core = null;
try {
  adoptModules(workerData.wasmModules);
  core = await loadCore();
} catch (/** @type {any} */ err) {
  port.postMessage({ type: 'fatal', message: String(err?.message ?? err) });
}

// [start of the file being checked (ms) or 0, its index]: read by the pool's watchdog.
const clock = workerData.clock ? new Float64Array(workerData.clock) : null;

/** checkFile, with the clock running while this thread works on the file. Called once the core is loaded.
 * @param {import('./process.mjs').CheckInput & { index: number }} item */
function timed(item) {
  if (clock) {
    clock[1] = item.index;
    clock[0] = Date.now();
  }
  try {
    return checkFile(/** @type {import('./core.mjs').Core} */ (core), item, workerData);
  } finally {
    if (clock) clock[0] = 0;
  }
}

if (core) {
  /** @typedef {{ type: string, items: (import('./process.mjs').CheckInput & { index: number })[] }} Batch */
  port.on('message', async (/** @type {Batch} */ msg) => {
    if (msg.type !== 'batch') return;
    // PDF and Word files come back as promises (documents.mjs, which has its own time limit);
    // the rest at once.
    const checked = await Promise.all(msg.items.map(timed));
    const { entries, data } = packEntries(msg.items.map((item, i) => ({ index: item.index, ...entryOf(checked[i]) })));
    // After the core threw (a Rust panic traps the WebAssembly instance, which may leave it
    // unusable), this worker hands in its results and ends; the pool starts a fresh one.
    const retiring = entries.some((it) => it.rules.includes('internal-error'));
    // encode() gives a buffer of its own (an ArrayBuffer), which can be transferred.
    port.postMessage({ type: 'results', items: entries, data, retiring }, [/** @type {ArrayBuffer} */ (data.buffer)]);
    if (retiring) port.close();
  });
}

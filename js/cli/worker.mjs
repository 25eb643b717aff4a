// A worker thread: loads the core once, then checks batches of files sent by the pool.

import { parentPort, workerData } from 'node:worker_threads';
import { loadCore } from './core.mjs';
import { adoptModules } from '../compiled.mjs';
import { checkFile, entryOf, packEntries } from './process.mjs';

let core = null;
try {
  adoptModules(workerData.wasmModules);
  core = await loadCore();
} catch (err) {
  parentPort.postMessage({ type: 'fatal', message: String(err?.message ?? err) });
}

if (core) {
  parentPort.on('message', async (msg) => {
    if (msg.type !== 'batch') return;
    // PDF and Word files come back as promises (documents.mjs); the rest at once.
    const checked = await Promise.all(msg.items.map((item) => checkFile(core, item, workerData)));
    const { entries, data } = packEntries(msg.items.map((item, i) => ({ index: item.index, ...entryOf(checked[i]) })));
    // After the core threw (a Rust panic traps the WebAssembly instance, which may leave it
    // unusable), this worker hands in its results and ends; the pool starts a fresh one.
    const retiring = entries.some((it) => it.rules.includes('internal-error'));
    parentPort.postMessage({ type: 'results', items: entries, data, retiring }, [data.buffer]);
    if (retiring) parentPort.close();
  });
}

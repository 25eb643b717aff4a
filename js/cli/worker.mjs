// A worker thread: loads the core once, then checks batches of files sent by the pool.

import { parentPort, workerData } from 'node:worker_threads';
import { loadCore } from './core.mjs';
import { checkFile } from './process.mjs';

let core = null;
try {
  core = await loadCore();
} catch (err) {
  parentPort.postMessage({ type: 'fatal', message: String(err?.message ?? err) });
}

if (core) {
  parentPort.on('message', (msg) => {
    if (msg.type === 'batch') {
      const items = msg.items.map((item) => ({ index: item.index, ...checkFile(core, item, workerData) }));
      parentPort.postMessage({ type: 'results', items });
    } else if (msg.type === 'close') {
      parentPort.close();
    }
  });
}

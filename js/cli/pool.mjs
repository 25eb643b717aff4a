// Spreads files over worker_threads, a few small batches in flight per worker so that no
// thread idles while the main thread spools results. Small runs stay in the main thread,
// where starting workers (each compiles the WebAssembly module) would cost more than it saves.

import { Worker } from 'node:worker_threads';
import { checkFile } from './process.mjs';

const WORKER_URL = new URL('./worker.mjs', import.meta.url);
export const MIN_FILES_FOR_WORKERS = 24;

/**
 * Calls `onResult(index, { result, report, trouble })` once for every item, in any order.
 * @param {{ path: string, bytes?: Uint8Array }[]} items
 * @param {{ jobs: number, core: object, options: object, onResult: Function }} ctx
 */
export async function runAll(items, ctx) {
  const inline = async (indices) => {
    let n = 0;
    for (const i of indices) {
      ctx.onResult(i, checkFile(ctx.core, items[i], ctx.options));
      // Let the progress bar draw and signals arrive during a long in-thread run.
      if (++n % 64 === 0) await new Promise((r) => setImmediate(r));
    }
  };
  const jobs = Math.min(ctx.jobs, Math.ceil(items.length / 8));
  if (jobs < 2 || items.length < MIN_FILES_FOR_WORKERS) return inline(items.keys());

  const batchSize = Math.max(1, Math.min(32, Math.ceil(items.length / (jobs * 16))));
  let next = 0;
  let outstanding = items.length; // neither reported nor handed back
  const retry = []; // items a dead worker held
  const workers = [];
  await new Promise((resolve) => {
    let alive = 0;
    const settle = () => {
      if (outstanding === 0 || alive === 0) resolve();
    };
    for (let w = 0; w < jobs; w++) {
      const worker = new Worker(WORKER_URL, { workerData: ctx.options });
      workers.push(worker);
      const inFlight = []; // FIFO of index lists: a worker answers its batches in order
      let dead = false;
      alive++;
      const send = () => {
        if (next >= items.length) return;
        const end = Math.min(items.length, next + batchSize);
        const batch = [];
        for (let i = next; i < end; i++) batch.push({ index: i, path: items[i].path, bytes: items[i].bytes });
        next = end;
        inFlight.push(batch.map((b) => b.index));
        worker.postMessage({ type: 'batch', items: batch });
      };
      const die = () => {
        if (dead) return;
        dead = true;
        alive--;
        // Files the worker held are not lost: the main thread checks them again.
        for (const indices of inFlight) for (const i of indices) { retry.push(i); outstanding--; }
        inFlight.length = 0;
        settle();
      };
      worker.on('message', (msg) => {
        if (msg.type === 'fatal') return die();
        if (msg.type !== 'results') return;
        inFlight.shift();
        for (const { index, ...out } of msg.items) {
          outstanding--;
          ctx.onResult(index, out);
        }
        send();
        settle();
      });
      worker.on('error', die);
      worker.on('exit', die);
      send();
      send();
    }
  });
  await Promise.all(workers.map((w) => w.terminate()));
  // Whatever dead workers held or never got is checked here.
  const rest = retry;
  for (; next < items.length; next++) rest.push(next);
  await inline(rest);
}

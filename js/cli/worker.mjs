// A worker thread: loads the core once, then checks batches of files sent by the pool, in
// order (on slow storage reading the next files while it checks one), and after them the
// cross-year pairs it is handed.

import { parentPort, workerData } from 'node:worker_threads';
import { loadCore } from './core.mjs';
import { adoptModules } from '../compiled.mjs';
import {
  checkFile,
  entryOf,
  Packer,
  readBytes,
  readBytesAsync,
  readsAhead,
  fsPathOf,
  limitFor,
  BufferPool,
  DEFAULT_MAX_BYTES,
} from './process.mjs';
import { runPairJob } from './crossyear.mjs';
import { readHeadBytes, trySpoolAppend } from './spool.mjs';

if (!parentPort) throw new Error('xxgknb: js/cli/worker.mjs runs as a worker thread (pool.mjs starts it)');
const port = parentPort;

/**
 * What the pool gives a worker (pool.mjs): the check's options (`locale`, `maxBytes`) and the
 * compiled module, clock and spool it shares with the main thread. In `workerData`, or, for a
 * worker started while the files were still being listed (pool.mjs, `prestart`: its
 * `workerData` is `{ awaitStart: true }`), in its first message.
 * @typedef {import('./process.mjs').CheckOptions & { wasmModules?: [string, unknown][], clock?: SharedArrayBuffer,
 *   spool: import('./spool.mjs').SharedSpool }} WorkerData
 */
/** @type {WorkerData} */
let data = workerData;
/** @type {import('./core.mjs').Core | null} */
let core = null;
// [start of the file being checked (ms) or 0, its index]: read by the pool's watchdog.
/** @type {Float64Array | null} */
let clock = null;

/** Takes the pool's data and loads the core; on failure says so (`fatal`) and checks nothing.
 * @param {WorkerData} given */
async function start(given) {
  data = given;
  clock = data.clock ? new Float64Array(data.clock) : null;
  try {
    adoptModules(data.wasmModules);
    core = await loadCore();
  } catch (/** @type {any} */ err) {
    port.postMessage({ type: 'fatal', message: String(err?.message ?? err) });
    // Nothing more to take: closed, the worker ends (its listener below would keep it alive).
    port.close();
  }
}

/** A file of a batch, numbered in the order files arrive (`order`), `started` once read ahead.
 * @typedef {import('./process.mjs').CheckInput & { index: number, order: number, started?: boolean }} Item */

/**
 * Reading ahead, on slow storage only. A file in the page cache is read synchronously in
 * 0.03–0.05 ms; handed to libuv's threads, each read cost a round trip between threads, and on
 * this project's 2-core machine reading ahead made a run of 3,000 portal pages 0.2 ms of CPU a
 * file dearer and its wall clock no shorter. On a network drive a read waits milliseconds, the
 * core idle: once reads take longer than checks (on average, after 64 files; a loaded machine
 * slows both alike, so a slow read there is no slow storage), the next AHEAD files are read
 * while one is checked. XXGKNB_READ_AHEAD=always|never decides instead (the tests use it).
 */
const AHEAD = 3;
const mode = process.env.XXGKNB_READ_AHEAD;
let ahead = mode === 'always';
let readMs = 0; // moving averages of synchronous reads and of checks
let checkMs = 0;
let timedChecks = 0;
const pool = new BufferPool();
/** @type {Item[][]} */
const batches = []; // the batches received, answered in that order
/** @type {Map<Item, Promise<import('./process.mjs').ReadResult>>} */
const reading = new Map(); // item → what reading it ahead gives
let busy = false;
// Each file's record is packed as soon as it is checked (see Packer), into a block reused
// batch after batch: a batch is written to the spool before the next is packed.
const packer = new Packer(1 << 18);
let order = 0; // items numbered as they arrive, across batches

/** @param {Item} item */
const limitOf = (item) => limitFor(item.path, data.maxBytes ?? DEFAULT_MAX_BYTES);

/** Starts reading the next files, up to AHEAD past `from` in the queued batches.
 * @param {number} from */
function readAhead(from) {
  let n = 0;
  for (const batch of batches) {
    for (const item of batch) {
      if (n > AHEAD) return;
      if (item.order < from) continue;
      n++;
      if (!item.started && readsAhead(item)) {
        item.started = true;
        reading.set(item, readBytesAsync(fsPathOf(item), limitOf(item), pool));
      }
    }
  }
}

/** A file's bytes read here and now (as checkFile would), timed for the average.
 * @param {Item} item @returns {import('./process.mjs').ReadResult} */
function readNow(item) {
  const t0 = performance.now();
  /** @type {import('./process.mjs').ReadResult} */
  let read;
  try {
    read = readBytes(fsPathOf(item), limitOf(item));
  } catch (error) {
    read = { error };
  }
  readMs += (performance.now() - t0 - readMs) / 16;
  return read;
}

/** After a check of `ms`: whether reads have become slow next to checks (see above).
 * @param {number} ms */
function timedCheck(ms) {
  checkMs += (ms - checkMs) / 16;
  if (mode !== 'never' && ++timedChecks >= 64 && readMs > 0.2 && readMs > checkMs) ahead = true;
}

/** Checks the queued batches in order, each file once its bytes are in; answers each batch.
 * @param {import('./core.mjs').Core} core */
async function work(core) {
  busy = true;
  while (batches.length) {
    const items = batches[0];
    for (const item of items) {
      // The clock runs from waiting for the bytes to the end of the check.
      if (clock) {
        clock[1] = item.index;
        clock[0] = Date.now();
      }
      if (ahead) readAhead(item.order);
      const read = reading.get(item);
      if (read) {
        reading.delete(item);
        item.read = await read;
      } else if (readsAhead(item)) {
        item.read = readNow(item);
      }
      let result;
      const t0 = performance.now();
      try {
        result = checkFile(core, item, data);
        if (!ahead && item.read) timedCheck(performance.now() - t0);
      } finally {
        if (clock) clock[0] = 0;
        if (item.read?.buffer) pool.release(item.read.buffer);
        item.read = undefined;
      }
      // A PDF or Word file comes back as a promise (documents.mjs, which has its own time
      // limit): awaited before the next file, so that one copy of a document waits at a time.
      packer.add(entryOf(result instanceof Promise ? await result : result), item.index);
    }
    batches.shift();
    const { entries, data: block } = packer.take();
    const { pos, error } = trySpoolAppend(data.spool, block);
    // After the core threw (a Rust panic traps the WebAssembly instance, which may leave it
    // unusable), this worker hands in its results and ends; the pool starts a fresh one.
    const retiring = entries.some((it) => it.rules.includes('internal-error'));
    // The records are in the spool: only the few numbers the main thread keeps go to it.
    port.postMessage({ type: 'results', items: entries, pos, error, retiring });
    if (retiring) {
      port.close();
      return;
    }
  }
  busy = false;
}

/** @typedef {{ type: string, items: Item[], job: import('./crossyear.mjs').PairJob, data: WorkerData }} Message */
/** @param {import('./core.mjs').Core} loaded @param {Message} msg */
function handle(loaded, msg) {
  if (msg.type === 'job') {
    // After the files: a job of cross-year pairs (see crossyear.mjs).
    let result = null; // the main thread does what a job could not
    try {
      result = runPairJob(loaded, msg.job, readHeadBytes);
    } catch {
      /* the spool unreadable: left to the main thread, which reports it */
    }
    port.postMessage({ type: 'job-result', result });
    return;
  }
  if (msg.type !== 'batch') return;
  for (const item of msg.items) item.order = order++;
  batches.push(msg.items);
  if (!busy) work(loaded);
}

// Messages wait for the core, in the order they came; a worker whose core failed takes none.
// A worker started ahead is sent `start` before anything else (pool.mjs, `take`).
/** @type {Promise<void> | null} */
let starting = workerData.awaitStart ? null : start(workerData);
port.on('message', (/** @type {Message} */ msg) => {
  if (msg.type === 'start' && !starting) {
    starting = start(msg.data);
    return;
  }
  starting?.then(() => {
    if (core) handle(core, msg);
  });
});

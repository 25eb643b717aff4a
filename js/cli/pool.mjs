// Spreads files over worker_threads, a few small batches in flight per worker so that no
// thread idles while the main thread spools results. Small runs stay in the main thread,
// where starting workers (each compiles the WebAssembly module) would cost more than it saves.

import { Worker } from 'node:worker_threads';
import { checkFile, entryOf, packEntries, timedOut } from './process.mjs';
import { trySpoolAppend } from './spool.mjs';
import { sharedModules } from '../compiled.mjs';
/** @import { CheckInput, CheckOptions, PackedEntry } from './process.mjs' */
/** @import { SharedSpool } from './spool.mjs' */
/** What a worker says (worker.mjs): its results, a job's result, or that it could not load the core.
 * `pos` is where the worker wrote the results' records in the spool, `error` what writing them threw.
 * @typedef {{ type: string, items: PackedEntry[], pos: number, error?: { code?: string, message: string },
 *   retiring?: boolean, result?: unknown }} WorkerMessage */
/**
 * Hands `count` jobs to the workers (see runAll), each made by `make(index)` as a worker takes
 * it: `onResult(index, result)` as each comes back; resolves with the indices of the jobs no
 * worker could finish.
 * @typedef {(count: number, make: (index: number) => object,
 *   onResult: (index: number, result: unknown) => void) => Promise<number[]>} RunJobs */

const WORKER_URL = new URL('./worker.mjs', import.meta.url);
/** What `new Worker` throws where no thread may be had: the run goes on with the threads it has
 * (at worst, in the main thread). */
const THREADS_REFUSED = new Set(['ERR_WORKER_INIT_FAILED', 'ERR_ACCESS_DENIED', 'ERR_WORKER_OUT_OF_MEMORY']);
export const MIN_FILES_FOR_WORKERS = 24;
const MAX_RESPAWNS = 8;

/**
 * The parent's node flags, less `--input-type`: a worker given it fails at start (it is only
 * for `-e` code), and then every file was checked in the main thread, on one core. Running the
 * CLI from `node --input-type=module -e …`, as bench/cli.mjs does, passes it.
 */
function workerExecArgv() {
  const out = [];
  const args = process.execArgv;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--input-type') i++;
    else if (!args[i].startsWith('--input-type=')) out.push(args[i]);
  }
  return out;
}

/**
 * A worker's young generation, in MB. V8 grows it with the allocation rate, and a worker
 * checking reports allocates fast: by default peak memory kept rising with the number of files
 * (measured at 20,000 files: 175 MB, against 150 MB with this cap, for the same CPU time). In a
 * run without PDF or Word files, --optimize-for-size (run.mjs) holds it lower still: V8 sets a
 * 1 MB semi-space with that flag (the workers' new space peaks at ~2 MB there).
 */
const WORKER_YOUNG_GENERATION_MB = 4;

/** @type {string[] | null} */
let execArgv = null; // the parent's flags that a worker accepts, once known

/**
 * The parent's node flags a worker accepts: Node refuses per-process ones (V8 heap sizes such
 * as `--max-semi-space-size`, `--title`) in a worker and throws, so each is tried alone, once,
 * and only when the whole list was refused; `--import` hooks and the like stay.
 * @param {string[]} args
 */
function acceptedExecArgv(args) {
  /** @type {string[][]} */
  const groups = []; // a flag with its value when given apart: ['--import', 'hook.mjs']
  for (const a of args) {
    if (a.startsWith('-') || groups.length === 0) groups.push([a]);
    else /** @type {string[]} */ (groups.at(-1)).push(a); // not empty (above)
  }
  return groups
    .filter((group) => {
      try {
        new Worker('', { eval: true, execArgv: group }).terminate();
        return true;
      } catch (/** @type {any} */ err) {
        if (err?.code === 'ERR_WORKER_INVALID_EXEC_ARGV') return false;
        throw err;
      }
    })
    .flat();
}

/** What a worker started ahead is given: it waits for its data in its first message (see
 * prestart, worker.mjs). */
const AWAIT_START = { awaitStart: true };

/** A worker with the parent's node flags, less those Node allows only in a process.
 * @param {object} workerData */
function startWorker(workerData) {
  const options = { workerData, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } };
  if (execArgv === null) {
    const all = workerExecArgv();
    try {
      const worker = new Worker(WORKER_URL, { ...options, execArgv: all });
      execArgv = all;
      return worker;
    } catch (/** @type {any} */ err) {
      if (err?.code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw err;
      execArgv = acceptedExecArgv(all);
    }
  }
  return new Worker(WORKER_URL, { ...options, execArgv });
}

/**
 * Workers started ahead, before the files are listed: a worker's start (Node's own, then the
 * CLI's modules) takes ~60–70 ms, which the listing and the core's loading in this thread now
 * cover instead of preceding. runAll takes them (`take`) and hands each its data in a `start`
 * message (worker.mjs); those not taken are ended (`dismiss`). One that failed at its start is
 * never handed out (its exit came before runAll listened for it).
 * @typedef {{ take: (data: object) => Worker | null, dismiss: () => void }} Prestarted
 */

/**
 * Starts up to `count` workers ahead. Starting them is only a head start: where a thread cannot
 * be made (a permission model, a process limit), those that started are kept and the run goes
 * on; runAll, if it needs more, meets the same refusal where it did before.
 * @param {number} count @returns {Prestarted}
 */
export function prestart(count) {
  /** @type {{ worker: Worker, exited: boolean }[]} */
  const ready = [];
  for (let i = 0; i < count; i++) {
    let worker;
    try {
      worker = startWorker(AWAIT_START);
    } catch {
      break;
    }
    const entry = { worker, exited: false };
    // Until runAll listens: an error at its start would otherwise be thrown in this thread.
    worker.on('error', () => {});
    worker.once('exit', () => {
      entry.exited = true;
    });
    ready.push(entry);
  }
  return {
    take(data) {
      for (let entry = ready.shift(); entry; entry = ready.shift()) {
        if (entry.exited) continue;
        try {
          entry.worker.postMessage({ type: 'start', data });
        } catch (err) {
          // Data that cannot be sent (it could not have been given at a start either).
          entry.worker.terminate();
          throw err;
        }
        return entry.worker;
      }
      return null;
    },
    dismiss() {
      for (const { worker } of ready.splice(0)) worker.terminate();
    },
  };
}

/**
 * Calls `onResults(entries, pos, error)` until every item is in, in any order: `entries` as packed
 * by a Packer (each with its `index`), their records written one after the other at `pos` in
 * the spool (by the worker that checked them, or here), or `error` what writing them threw. Then, with
 * the workers still running, `afterFiles(runJobs)` when given: `runJobs(count, make, onResult)`
 * hands `count` plain-data jobs, each made by `make(index)` when a worker takes it, to the
 * workers (worker.mjs's `job` message; the cross-year pairs), calls
 * `onResult(index, result)` as each comes back (in any order; nothing is kept here), and
 * resolves with the indices of the jobs no worker could finish (for the caller to do);
 * `runJobs` is null when the files were checked in this thread.
 * @param {CheckInput[]} items
 * @param {{ jobs: number, core: import('./core.mjs').Core, options: CheckOptions,
 *   spool: SharedSpool, onResults: (entries: PackedEntry[], pos: number, error?: { code?: string, message: string }) => void,
 *   timeLimitMs?: number, prestarted?: Prestarted | null,
 *   afterFiles?: (runJobs: RunJobs | null) => Promise<void> }} ctx
 *   `timeLimitMs`: a file a worker checks for longer than this is reported (`time-limit`) and
 *   its worker replaced; files checked in this thread (small runs) are bounded by their size.
 *   `prestarted`: workers started ahead (see prestart), taken first; those left are ended.
 */
export async function runAll(items, ctx) {
  try {
    await checkAll(items, ctx);
  } finally {
    ctx.prestarted?.dismiss();
  }
}

/** runAll's work. @param {CheckInput[]} items @param {Parameters<typeof runAll>[1]} ctx */
async function checkAll(items, ctx) {
  /** Entries checked in this thread, written to the spool here.
   * @param {import('./process.mjs').Entry[]} list */
  const done = (list) => {
    const { entries, data } = packEntries(list);
    const { pos, error } = trySpoolAppend(ctx.spool, data);
    ctx.onResults(entries, pos, error);
  };
  /** @param {Iterable<number>} indices */
  const inline = async (indices) => {
    let n = 0;
    for (const i of indices) {
      const checked = checkFile(ctx.core, items[i], ctx.options);
      // A PDF or Word file is read asynchronously (documents.mjs).
      done([{ ...entryOf(checked instanceof Promise ? await checked : checked), index: i }]);
      // Let the progress bar draw and signals arrive during a long in-thread run.
      if (++n % 64 === 0) await new Promise((r) => setImmediate(r));
    }
  };
  const jobs = Math.min(ctx.jobs, Math.ceil(items.length / 8));
  if (jobs < 2 || items.length < MIN_FILES_FOR_WORKERS) {
    ctx.prestarted?.dismiss(); // not needed: ended before the files are checked here
    await inline(items.keys());
    if (ctx.afterFiles) await ctx.afterFiles(null);
    return;
  }

  const batchSize = Math.max(1, Math.min(32, Math.ceil(items.length / (jobs * 16))));
  let next = 0;
  /** @type {number[][]} */
  const retry = []; // batches a worker held when it went away: handed out again first
  let outstanding = items.length;
  let respawns = 0;
  let loadFailed = false;
  /** @type {Set<Worker>} */
  const workers = new Set();
  /** @type {Map<Worker, () => void>} */
  const senders = new Map(); // worker → hand it batches when it has none in flight (see leave)
  /** @type {Map<Worker, { done: (result: unknown) => void, gone: () => void }>} */
  const jobHooks = new Map(); // worker → its hooks while it runs jobs

  const takeBatch = () => {
    if (retry.length) return retry.shift();
    if (next >= items.length) return null;
    const end = Math.min(items.length, next + batchSize);
    const batch = [];
    for (let i = next; i < end; i++) batch.push(i);
    next = end;
    return batch;
  };

  // Each worker writes into its clock when it starts a file and when it is done (no message
  // per file); a watchdog here stops one that has been on a file past the time limit.
  /** @type {Map<Worker, { clock: Float64Array, stop: (index: number) => void }>} */
  const watch = new Map(); // worker → { clock: Float64Array [start ms or 0, index], stop }
  /** @type {ReturnType<typeof setInterval> | undefined} */
  let watchdog;
  const { timeLimitMs } = ctx;
  if (timeLimitMs) {
    watchdog = setInterval(
      () => {
        const now = Date.now();
        for (const { clock, stop } of watch.values()) {
          if (clock[0] && now - clock[0] > timeLimitMs) stop(clock[1]);
        }
      },
      Math.max(20, Math.min(1000, timeLimitMs / 4)),
    );
  }

  /** What starting a worker threw that was no want of threads: thrown once the workers are ended.
   * @type {unknown} */
  let fault = null;
  try {
    await new Promise((/** @type {(value?: unknown) => void} */ resolve) => {
      const settle = () => {
        if (fault || outstanding === 0 || workers.size === 0) resolve();
      };
      const spawn = () => {
        // The core this thread compiled: workers share its code instead of compiling and warming
        // up their own (see compiled.mjs).
        const clock = new Float64Array(new SharedArrayBuffer(16));
        const workerData = { ...ctx.options, wasmModules: sharedModules(), clock: clock.buffer, spool: ctx.spool };
        let worker;
        try {
          worker = ctx.prestarted?.take(workerData) ?? startWorker(workerData);
        } catch (err) {
          // No thread to be had (a permission model, a process limit): the workers already running
          // take the batches (an idle one is handed some), and with none the files left are checked
          // in this thread (below, once settled; there, without the time limit). Anything else is
          // this code's fault: the run ends with it.
          if (!THREADS_REFUSED.has(/** @type {any} */ (err)?.code)) {
            fault = err;
            settle();
            return;
          }
          for (const other of senders.values()) other();
          return;
        }
        workers.add(worker);
        /** @type {number[][]} */
        const inFlight = []; // FIFO of batches: a worker answers its batches in order
        let gone = false;
        let stopped = false; // by the watchdog: replaced without counting as a failure
        const send = () => {
          const batch = takeBatch();
          if (!batch) return;
          inFlight.push(batch);
          worker.postMessage({ type: 'batch', items: batch.map((i) => ({ index: i, ...items[i] })) });
        };
        // What another worker's leaving calls: this one, if idle, takes batches again.
        senders.set(worker, () => {
          if (inFlight.length > 0) return;
          send();
          send();
        });
        const leave = () => {
          if (gone) return;
          gone = true;
          workers.delete(worker);
          senders.delete(worker);
          watch.delete(worker);
          jobHooks.get(worker)?.gone();
          retry.push(...inFlight.splice(0));
          // A worker that ended after a core failure (see worker.mjs) is replaced, so that one
          // bad file does not leave the rest of the run with a damaged WebAssembly instance.
          if (!loadFailed && (retry.length || next < items.length) && (stopped || respawns < MAX_RESPAWNS)) {
            if (!stopped) respawns++;
            spawn();
          } else {
            // Not replaced: the others take its batches. One with nothing in flight asks for
            // none until a batch of its comes back, so it is handed one now (or the run would
            // wait for ever on batches nobody holds).
            for (const other of senders.values()) other();
          }
          settle();
        };
        /** Over the time limit on file `index`: reported, its batch's other files checked again elsewhere.
         * Called by the watchdog, which runs only with a time limit.
         * @param {number} index */
        const stop = (index) => {
          if (gone || stopped) return;
          // Only a file still in flight: its batch's result may have come in meanwhile.
          const batch = inFlight.find((b) => b.includes(index));
          if (!batch) return;
          stopped = true;
          batch.splice(batch.indexOf(index), 1);
          if (batch.length === 0) inFlight.splice(inFlight.indexOf(batch), 1);
          outstanding--;
          done([
            { ...entryOf(timedOut(items[index].path, /** @type {number} */ (timeLimitMs), ctx.options.locale)), index },
          ]);
          worker.terminate();
        };
        watch.set(worker, { clock, stop });
        worker.on('message', (/** @type {WorkerMessage} */ msg) => {
          if (msg.type === 'fatal') {
            loadFailed = true;
            worker.terminate(); // it ends by itself too (worker.mjs); nothing of it is kept waiting
            return leave();
          }
          if (msg.type === 'job-result') return jobHooks.get(worker)?.done(msg.result);
          if (msg.type !== 'results') return;
          // A worker the watchdog stopped is being replaced: what it still sends is not counted
          // (a batch it finished as it was stopped holds the file that already has its
          // time-limit result, which would be counted twice and end the run before every file
          // was in). Its batches are handed out again when it is gone.
          if (stopped || gone) return;
          inFlight.shift();
          outstanding -= msg.items.length;
          ctx.onResults(msg.items, msg.pos, msg.error);
          if (msg.retiring) return;
          send();
          settle();
        });
        worker.on('error', leave);
        worker.on('exit', leave);
        send();
        send();
      };
      for (let w = 0; w < jobs; w++) spawn();
      settle(); // none could start
    });
  } catch (err) {
    fault = err; // thrown while starting them: the workers started are ended all the same
  } finally {
    clearInterval(watchdog);
  }
  if (fault) {
    await Promise.all([...workers].map((w) => w.terminate()));
    throw fault;
  }
  // Whatever no worker could take is checked here.
  const rest = retry.flat();
  for (; next < items.length; next++) rest.push(next);
  await inline(rest);

  /** The jobs on the workers left, two in flight each; see above. @type {RunJobs} */
  const runJobs = (count, make, onResult) =>
    new Promise((resolve) => {
      /** @type {number[]} */
      const lost = [];
      let nextJob = 0;
      let busy = 0; // workers with jobs in flight
      const live = [...workers];
      const finish = () => {
        if (busy > 0) return;
        for (const w of live) jobHooks.delete(w);
        for (; nextJob < count; nextJob++) lost.push(nextJob);
        resolve(lost);
      };
      for (const w of live) {
        /** @type {number[]} */
        const held = []; // indices of its jobs in flight, in order
        const feed = () => {
          if (nextJob >= count) return;
          held.push(nextJob);
          w.postMessage({ type: 'job', job: make(nextJob++) });
        };
        jobHooks.set(w, {
          done(result) {
            const j = /** @type {number} */ (held.shift()); // a result answers a job in flight
            if (result) onResult(j, result);
            else lost.push(j);
            feed();
            if (held.length === 0) {
              busy--;
              finish();
            }
          },
          gone() {
            // Its jobs are the caller's; the others take on the rest.
            if (held.length === 0) return;
            lost.push(...held.splice(0));
            busy--;
            finish();
          },
        });
        feed();
        feed();
        if (held.length) busy++;
      }
      finish();
    });
  try {
    if (ctx.afterFiles) await ctx.afterFiles(workers.size ? runJobs : null);
  } finally {
    await Promise.all([...workers].map((w) => w.terminate()));
  }
}

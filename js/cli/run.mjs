// `xxgknb check`: discover → check every file (workers) → pair consecutive years → report.

import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { parseCliArgs, guessLocale, helpText, UsageError } from './args.mjs';
import { discover, kindFromExtension } from './discover.mjs';
import { messages } from './messages.mjs';
import { loadCore } from './core.mjs';
import { runAll, prestart, MIN_FILES_FOR_WORKERS } from './pool.mjs';
import { recount, limitFor, DEFAULT_MAX_BYTES } from './process.mjs';
import { documentKind, documentKindByName } from './documents.mjs';
import { Spool } from './spool.mjs';
import { Ledger } from './ledger.mjs';
import { crossYear } from './crossyear.mjs';
import { Signatures, copiedReports, findCopiesBetween, aggregateSum, batchMessages } from './batch.mjs';
import { makeLabeler } from './labels.mjs';
import { StreamWriter, useColor, Progress, safe } from './output.mjs';
import { humanReporter, jsonReporter, csvReporter, skippedLines } from './reporters.mjs';
import { writeHtmlReport } from './html.mjs';
/** @import { CheckInput } from './process.mjs' */

/**
 * What reading a stream or a pipe gave: exactly one of the bytes, the size seen when it went
 * over the limit, the time limit reached, or the error.
 * @typedef {{ bytes?: Uint8Array, over?: number, timedOut?: true, error?: any }} StreamRead
 */
/**
 * The command's standard streams and environment (tests pass their own).
 * @typedef {{ stdin: NodeJS.ReadableStream & { isTTY?: boolean, fd?: number },
 *   stdout: NodeJS.WritableStream & { isTTY?: boolean, destroyed?: boolean }, stderr: NodeJS.WritableStream & { isTTY?: boolean },
 *   env: Record<string, string | undefined> }} Io
 */

/** Whether V8 takes run-time flags here: it prints an unknown flag's name to standard output
 * (which would break `--format json`) instead of throwing, so they are set only on the Node
 * versions they were measured on; elsewhere memory grows as before. */
const MEASURED_NODE = (() => {
  const major = Number(process.versions.node.split('.')[0]);
  return major >= 20 && major <= 24;
})();

/** Whether the user gave V8 heap flags of their own (the command line, NODE_OPTIONS): then
 * the run leaves --optimize-for-size and the young generation as they are. */
const HEAP_FLAGS_GIVEN = /--(?:no-)?(?:optimize-for-size|max-semi-space-size)\b/.test(
  `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`,
);

/**
 * V8 flags for every run, set at its start, before the listing (flags are the process's: they
 * hold in this thread and in the workers started later). Node warns that flags changed after
 * start-up may do nothing or behave unpredictably; these are heuristics V8 reads each time it
 * decides (to grow a space, to optimise a function), and were measured so (docs/performance.md).
 * - `--semi-space-growth-factor=1` keeps the main thread's young generation at the size it has
 *   (listing 20,000 files had already grown it to its 32 MB maximum). V8 doubles a young
 *   generation each time as many bytes survived collection since it last grew as it holds, and
 *   over a run every file's issuer key and ledger entry survive once.
 * - `--interrupt-budget` at 16 times V8's 66 KB: a JavaScript function is optimised once it has
 *   run 16 times as much bytecode. What runs for every file is still optimised within its first
 *   dozens of files, and PDF.js's hot loops within a document's first pages; what runs hot for
 *   a moment only (the listing, the pairing, the copied-report search, start-up) no longer is.
 *   V8's compiler threads took ~0.3 s of CPU a run of 3,000 pages, competing with the workers
 *   for the cores: 3,000 portal pages ~6% less CPU, 30 PDFs ~10% less.
 */
export const RUN_FLAGS = ['--semi-space-growth-factor=1', `--interrupt-budget=${16 * 66 * 1024}`];

/**
 * Whether a run of these files takes `--optimize-for-size`: V8 then grows an old generation by
 * less before collecting it again, and keeps a 1 MB semi-space. It sizes a thread's heaps by it
 * as the thread starts: set before any worker starts (see main), it holds in the workers; this
 * thread, started before, keeps most of its own sizing. Peak memory at 20,000 portal pages
 * 146–157 → 122–126 MB when it came in (stop 27), for ~1.8% more CPU.
 * PDF.js under it took 80% more CPU (30 corpus PDFs: 6.0 → 10.7 s), so a run with a PDF or Word
 * file goes without: known by name, and for standard input and pipes, already read, by their
 * bytes too.
 * @param {CheckInput[]} items
 */
export function sizeOverSpeed(items) {
  return !items.some((it) =>
    it.bytes ? documentKind(it.path, it.bytes) !== null : documentKindByName(it.path) !== null,
  );
}

export const EXIT = { OK: 0, ERRORS: 1, TROUBLE: 2 };

/** The default of --time-limit: a minute per file, as documents.mjs gives a PDF. */
export const DEFAULT_TIME_LIMIT_MS = 60_000;

/**
 * A stream (standard input, a named pipe) read to its end, but never past `limit` bytes nor,
 * when `timeMs` is given, for longer than that: `{ bytes }`, `{ over }` (the bytes seen so
 * far, more than the limit), `{ timedOut: true }` or `{ error }`.
 * @param {NodeJS.ReadableStream & { destroy?: () => void }} stream @param {number} limit @param {number} [timeMs]
 * @returns {Promise<StreamRead>}
 */
export function readLimited(stream, limit, timeMs) {
  return new Promise((resolve) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    /** @param {StreamRead} result */
    const finish = (result) => {
      clearTimeout(timer);
      stream.removeListener('data', onData);
      stream.removeListener('end', onEnd);
      stream.removeListener('error', onError);
      if (!('bytes' in result)) stream.destroy?.();
      resolve(result);
    };
    /** @param {Buffer | string} chunk */
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) finish({ over: size });
      else chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    };
    const onEnd = () => finish({ bytes: new Uint8Array(Buffer.concat(chunks)) });
    /** @param {Error} error */
    const onError = (error) => finish({ error });
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
    if (timeMs) timer = setTimeout(() => finish({ timedOut: true }), timeMs);
  });
}

/**
 * A named pipe read as `readLimited` reads a stream, within the size and time limits. Opening a
 * pipe waits for a writer, in a libuv thread that nothing can interrupt and that would keep the
 * process from ever exiting: past the time limit, this process opens the pipe's other end for
 * a moment (which lets that opening finish) and hangs up. Once open, the pipe is read as a
 * socket, without tying up a thread.
 * @param {string | Buffer} file @param {number} limit @param {number} timeMs
 * @returns {Promise<StreamRead>}
 */
export function readPipe(file, limit, timeMs) {
  return new Promise((resolve) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        fs.closeSync(fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK));
      } catch {
        /* the opening has finished meanwhile */
      }
      resolve({ timedOut: true });
    }, timeMs);
    fs.open(file, 'r', (err, fd) => {
      if (timedOut) {
        if (!err) fs.close(fd, () => {});
        return;
      }
      if (err) {
        clearTimeout(timer);
        resolve({ error: err });
        return;
      }
      const started = Date.now();
      let socket;
      try {
        socket = new net.Socket({ fd, readable: true, writable: false });
      } catch (error) {
        // Not a pipe after all (it changed under us): read no further.
        clearTimeout(timer);
        fs.close(fd, () => {});
        resolve({ error });
        return;
      }
      clearTimeout(timer);
      readLimited(socket, limit, Math.max(1, timeMs - (Date.now() - started))).then(resolve);
    });
  });
}

/**
 * @param {string[]} argv  arguments after the script
 * @param {Io} [io]
 * @returns {Promise<number>} the exit code
 */
export async function main(
  argv,
  io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env },
) {
  let opts;
  try {
    opts = parseCliArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    const m = messages(guessLocale(argv));
    io.stderr.write(`${m.errors.usagePrefix}${err.message}\n${m.errors.hint}\n`);
    return EXIT.TROUBLE;
  }
  if (opts.help) {
    io.stdout.write(helpText(opts.locale));
    return EXIT.OK;
  }
  if (MEASURED_NODE && !opts.version) for (const flag of RUN_FLAGS) v8.setFlagsFromString(flag);
  const jobs = opts.jobs ?? os.availableParallelism?.() ?? os.cpus().length;
  // Workers start now, while the core loads and the files are listed, where the run will need
  // them (see pool.mjs, prestart). V8 sizes a thread's heaps by --optimize-for-size as the
  // thread starts: where no PDF or Word file was seen among the files counted, it is set before
  // them (and taken back, those workers ended, if the listing finds one: see checkRun).
  const ahead = opts.version || jobs < 2 ? null : workersAhead(opts.paths, jobs, opts.includeHidden);
  const sizedAhead = MEASURED_NODE && ahead !== null && ahead.workers > 0 && !ahead.documents && !HEAP_FLAGS_GIVEN;
  if (sizedAhead) v8.setFlagsFromString('--optimize-for-size');
  const prestarted = ahead?.workers ? prestart(ahead.workers) : null;
  try {
    return await checkRun(opts, io, jobs, prestarted, sizedAhead);
  } finally {
    prestarted?.dismiss();
  }
}

/**
 * How many workers to start before the files are listed: as many as runAll (pool.mjs) will use
 * where the paths hold enough files for workers (24, and one worker for every 8), none
 * otherwise (each costs ~60 ms of CPU). Counted as discover.mjs lists: files it takes by their
 * extension, hidden entries and node_modules left out unless `includeHidden`, each path once;
 * folders read entry by entry only until there are enough, 32 folders at most; a pattern or
 * standard input counts for nothing. `documents`: a PDF or Word file was among those counted.
 * @param {string[]} paths @param {number} jobs @param {boolean} [includeHidden]
 * @returns {{ workers: number, documents: boolean }}
 */
export function workersAhead(paths, jobs, includeHidden = false) {
  const enough = Math.max(MIN_FILES_FOR_WORKERS, Math.min(jobs, MAX_AHEAD) * 8);
  let files = 0;
  let documents = false;
  /** @type {string[]} */
  const folders = [];
  const named = paths.filter((p) => p !== '-' && !/[*?[{]/.test(p));
  for (const p of new Set(named.map((p) => path.resolve(p)))) {
    try {
      if (fs.statSync(p).isDirectory()) folders.push(p);
      else {
        files++; // a file named is checked whatever its name
        documents ||= documentKindByName(p) !== null;
      }
    } catch {
      /* not there: discover says so */
    }
  }
  for (let looked = 0; folders.length && files < enough && looked < 32; looked++) {
    const dir = /** @type {string} */ (folders.shift());
    try {
      const d = fs.opendirSync(dir);
      try {
        for (let e = d.readSync(); e && files < enough; e = d.readSync()) {
          if (!includeHidden && (e.name.startsWith('.') || e.name === 'node_modules')) continue;
          if (e.isDirectory()) folders.push(path.join(dir, e.name));
          else if (kindFromExtension(e.name) !== null) {
            files++;
            documents ||= documentKindByName(e.name) !== null;
          }
        }
      } finally {
        d.closeSync();
      }
    } catch {
      /* unreadable: discover says so */
    }
  }
  const workers = files < MIN_FILES_FOR_WORKERS ? 0 : Math.min(jobs, MAX_AHEAD, Math.ceil(files / 8));
  return { workers, documents };
}

/** The most workers started ahead of the listing. */
const MAX_AHEAD = 8;

/**
 * The `check` command once its arguments are read (see main).
 * @param {import('./args.mjs').CliOptions} opts @param {Io} io @param {number} jobs the workers it may use
 * @param {import('./pool.mjs').Prestarted | null} prestarted workers started ahead (see main)
 * @param {boolean} sizedAhead whether --optimize-for-size was set before them
 * @returns {Promise<number>} the exit code
 */
async function checkRun(opts, io, jobs, prestarted, sizedAhead) {
  const m = messages(opts.locale);
  let core;
  try {
    core = await loadCore();
  } catch (/** @type {any} */ err) {
    io.stderr.write(`${m.errors.coreMissing(String(err?.message ?? err))}\n`);
    return EXIT.TROUBLE;
  }
  if (opts.version) {
    io.stdout.write(`xxgknb ${core.version}\n`);
    return EXIT.OK;
  }

  // 1. What to check. Every entry found is checked or listed as skipped (see discover.mjs).
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeLimitMs = opts.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const found = discover(opts.paths, { includeHidden: opts.includeHidden });
  const inputErrors = found.problems.map((p) => ({
    input: p.input,
    message: p.code === 'no-match' ? m.errors.noMatch(p.input) : m.errors.notFound(p.input),
  }));
  for (const e of inputErrors) io.stderr.write(`${m.errors.ioPrefix}${safe(e.message)}\n`);
  /** @type {CheckInput[]} */
  const items = found.files;
  found.files = /** @type {any} */ (null); // from here on, `items` (and later the spool) holds the paths
  // Named pipes are read here, as standard input is, within the limits: a pipe nobody writes
  // to would otherwise hold a worker for ever (its opening still waits in a libuv thread: the
  // command ends the process when done, see bin/). What was read is checked like any file.
  for (const item of items) {
    if (item.special !== 'fifo') continue;
    const limit = limitFor(item.path, maxBytes);
    // In this thread fsPath is still the Buffer discover made (a worker gets a Uint8Array).
    const got = await readPipe(/** @type {string | Buffer} */ (item.fsPath ?? item.path), limit, timeLimitMs);
    if (got.bytes) item.bytes = got.bytes;
    else if (got.over) Object.assign(item, { over: got.over, limit });
    else if (got.timedOut) item.timedOut = timeLimitMs;
    else item.error = got.error?.code ?? String(got.error?.message ?? got.error);
  }
  // --aggregate's report is checked with the others, whether or not the paths name it.
  const govPath = opts.aggregate ? path.resolve(opts.aggregate) : null;
  if (govPath && !items.some((it) => path.resolve(it.path) === govPath)) {
    const gov = discover([/** @type {string} */ (opts.aggregate)]); // given: there is a govPath
    if (gov.files.length) items.push(...gov.files);
    for (const p of gov.problems) {
      const e = { input: p.input, message: m.errors.notFound(p.input) };
      inputErrors.push(e);
      io.stderr.write(`${m.errors.ioPrefix}${e.message}\n`);
    }
  }
  if (found.stdin) {
    if (io.stdin.isTTY) {
      io.stderr.write(`${m.errors.usagePrefix}${m.errors.stdinTty}\n${m.errors.hint}\n`);
      return EXIT.TROUBLE;
    }
    // A folder given as standard input (`< reports/`) is no report: said, not read as empty.
    let stdinIsFolder = false;
    try {
      stdinIsFolder = typeof io.stdin.fd === 'number' && fs.fstatSync(io.stdin.fd).isDirectory();
    } catch {
      /* not a file descriptor we can ask: read it */
    }
    /** @type {StreamRead & { folder?: true }} */
    const got = stdinIsFolder ? { folder: true } : await readLimited(io.stdin, maxBytes);
    if (got.folder || got.error) {
      const code = got.error?.code ?? String(got.error?.message ?? got.error);
      io.stderr.write(
        `${m.errors.ioPrefix}${got.folder || code === 'EISDIR' ? m.errors.stdinFolder : m.errors.stdinUnreadable(code)}\n`,
      );
      return EXIT.TROUBLE;
    }
    items.unshift(got.over ? { path: '-', over: got.over, limit: maxBytes } : { path: '-', bytes: got.bytes });
  }
  if (items.length === 0) {
    io.stderr.write(`${m.summary.noInput}\n`);
    for (const line of skippedLines(m, found.skipped)) io.stderr.write(`${line.text}\n`);
    return EXIT.TROUBLE;
  }

  // --optimize-for-size where there is no PDF or Word file: set now, or already set ahead of the
  // workers started early (see main). Where the listing finds such a file after all, it is
  // taken back with what it implies (a 1 MB young generation: PDF.js took ~40% more CPU where it
  // stayed), and those workers, whose heaps were sized under it, are ended unused.
  const smaller = sizeOverSpeed(items);
  if (MEASURED_NODE && smaller && !sizedAhead && !HEAP_FLAGS_GIVEN) v8.setFlagsFromString('--optimize-for-size');
  if (sizedAhead && !smaller) {
    v8.setFlagsFromString('--no-optimize-for-size');
    v8.setFlagsFromString('--max-semi-space-size=0'); // V8's default: sized by the heap
    prestarted?.dismiss();
  }
  let spool;
  try {
    spool = new Spool();
  } catch (/** @type {any} */ err) {
    io.stderr.write(`${m.errors.ioPrefix}${m.errors.spool(os.tmpdir(), err.code ?? err.message)}\n`);
    return EXIT.TROUBLE;
  }
  try {
    // 2. Check every file; results go to the spool, only counts stay in memory.
    const ledger = new Ledger(items.length);
    const sigs = new Signatures(items.length); // copied-report's MinHash signatures (batch.mjs)
    const govIndex = govPath ? items.findIndex((it) => it.path !== '-' && path.resolve(it.path) === govPath) : -1;
    /** @type {Map<string, import('./reporters.mjs').RuleCount>} */
    const byRule = new Map();
    /** @param {{ rule: string, severity: string }} d */
    const countRule = (d) => {
      let n = byRule.get(d.rule);
      if (!n) byRule.set(d.rule, (n = { error: 0, warning: 0, info: 0 }));
      if (d.severity in n) n[/** @type {keyof typeof n} */ (d.severity)]++;
    };
    const progress = new Progress(io.stderr, items.length, m);
    // What the spool threw, set in onResults: typed loosely, as TypeScript takes a variable set
    // only in a callback for the null it started as.
    /** @type {any} */
    let spoolError = null;
    /** The spool failed (a full temporary disk): said once the step ends, and nothing printed.
     * @returns {number} */
    const spoolFailed = () => {
      io.stderr.write(`${m.errors.ioPrefix}${m.errors.spool(os.tmpdir(), spoolError.code ?? spoolError.message)}\n`);
      return EXIT.TROUBLE;
    };
    /** A failure of the operating system's (ENOSPC, EIO…), not of this code (ERR_…, TypeError).
     * @param {any} err */
    const systemError = (err) => typeof err?.code === 'string' && /^E[A-Z0-9]+$/.test(err.code);
    /** What addExtra caught that was no system error: thrown once its step is over.
     * @type {unknown} */
    let bug = null;
    /** The steps after the files read and write the spool in this thread: a system error there
     * is the spool's failure, reported as such, not a crash; anything else is thrown.
     * @param {() => unknown} step */
    const spoolStep = async (step) => {
      try {
        await step();
      } catch (/** @type {any} */ err) {
        if (!systemError(err)) throw err;
        spoolError ??= err;
      }
      if (bug) throw bug;
    };
    /** @type {import('./batch.mjs').AddExtra} */
    const addExtra = (i, diagnostics) => {
      if (spoolError || bug) return;
      try {
        ledger.addExtra(i, diagnostics, spool);
      } catch (err) {
        // Called as a worker's pairs come back, in an event handler: kept, and reported (or,
        // not being the spool's, thrown) when the step ends.
        if (systemError(err)) spoolError = err;
        else bug = err;
        return;
      }
      for (const d of diagnostics) countRule(d);
    };
    let pairs = 0;
    /** @type {ReturnType<typeof import('./batch.mjs').findCopies> | undefined} */
    let copies;
    await runAll(items, {
      jobs,
      prestarted,
      core,
      options: { locale: opts.locale, maxBytes },
      timeLimitMs,
      spool: spool.shared,
      onResults(entries, at, error) {
        if (spoolError) return;
        if (error) {
          spoolError = error; // e.g. a full temporary disk: reported below, not as a crash in a callback
          return;
        }
        let pos = at;
        for (const entry of entries) {
          ledger.set(entry.index, [pos, entry.bytes], entry);
          sigs.set(entry.index, entry.sig);
          pos += entry.bytes;
          for (let k = 0; k < entry.rules.length; k += 2)
            countRule({ rule: entry.rules[k], severity: entry.rules[k + 1] });
          progress.tick();
        }
      },
      // 3. Consecutive years of one issuer: the cross-year rules on each pair, on the workers
      // while they are there (crossyear.mjs).
      // The copied-report search runs here meanwhile (see findCopiesBetween); its findings are
      // added after the pairs', as they always were.
      async afterFiles(runJobs) {
        if (spoolError) return;
        await spoolStep(async () => {
          const pairing = crossYear({ ledger, spool, core, locale: opts.locale, m, addExtra, runJobs });
          [pairs, copies] = await Promise.all([pairing, findCopiesBetween(ledger, sigs)]);
        });
      },
    });
    progress.clear();
    if (spoolError) return spoolFailed();
    items.length = 0; // the paths are in the spool now

    // The batch checks: reports of one year by different issuers with the same prose, and
    // the --aggregate report against the sum of the others (batch.mjs).
    await spoolStep(() => copiedReports({ ledger, spool, sigs, locale: opts.locale, addExtra, found: copies }));
    if (spoolError) return spoolFailed();
    if (govPath) {
      if (govIndex >= 0 && !ledger.trouble[govIndex]) {
        await spoolStep(() =>
          aggregateSum({
            gov: govIndex,
            ledger,
            spool,
            locale: opts.locale,
            labeler: makeLabeler(core, opts.locale),
            addExtra,
          }),
        );
      } else {
        const given = /** @type {string} */ (opts.aggregate); // there is a govPath
        const e = { input: given, message: batchMessages(opts.locale).aggregateMissing(given) };
        inputErrors.push(e);
        io.stderr.write(`${m.errors.ioPrefix}${e.message}\n`);
      }
    }

    if (spoolError) return spoolFailed();

    // 4. Totals and the exit code, known before any output so the JSON can lead with them.
    const summary = {
      files: ledger.length,
      validFiles: 0,
      filesWithErrors: 0,
      filesWithWarnings: 0,
      uncheckedFiles: 0,
      errorCount: 0,
      warningCount: 0,
      infoCount: 0,
      crossYearPairs: pairs,
      skippedFiles: found.skipped.length,
      byRule: Object.fromEntries([...byRule.entries()].sort(([a], [b]) => (a < b ? -1 : 1))),
    };
    // A folder that could not be listed hid its files: the run could not check everything.
    let trouble = inputErrors.length > 0 || found.skipped.some((x) => x.reason === 'unreadable-folder');
    for (let i = 0; i < ledger.length; i++) {
      if (ledger.errors[i]) summary.filesWithErrors++;
      else summary.validFiles++;
      if (ledger.warnings[i]) summary.filesWithWarnings++;
      if (ledger.trouble[i]) {
        summary.uncheckedFiles++;
        trouble = true;
      }
      summary.errorCount += ledger.errors[i];
      summary.warningCount += ledger.warnings[i];
      summary.infoCount += ledger.infos[i];
    }
    const warningsExceeded = opts.maxWarnings !== undefined && summary.warningCount > opts.maxWarnings;
    let exitCode = trouble ? EXIT.TROUBLE : summary.errorCount || warningsExceeded ? EXIT.ERRORS : EXIT.OK;

    /** A file's full result: its own check plus what the cross-year check added.
     * @param {number} i @returns {import('./process.mjs').FileResult} */
    const load = (i) => {
      const result = JSON.parse(ledger.ownResultText(i, spool));
      const extra = ledger.extraOf(i, spool);
      if (extra) {
        result.diagnostics.push(...extra);
        recount(result);
      }
      const previous = ledger.previous.get(i);
      if (previous) result.previous = previous;
      return result;
    };
    /** @type {import('./reporters.mjs').ReportContext} */
    const ctx = {
      m,
      locale: opts.locale,
      labeler: makeLabeler(core, opts.locale),
      version: core.version,
      color: opts.format === 'human' && useColor(io.stdout, io.env),
      summary,
      exitCode,
      skipped: found.skipped,
      inputErrors,
      warningsExceeded,
      maxWarnings: opts.maxWarnings,
    };

    // 5. The summary page first: a failure to write it is trouble the JSON must report.
    if (opts.report) {
      const descriptions = new Map();
      try {
        for (const r of core.rules()) descriptions.set(r.id, r.description?.[opts.locale] ?? r.id);
      } catch {
        /* labels only */
      }
      try {
        writeHtmlReport(opts.report, {
          ...ctx,
          byRule,
          ledger,
          load,
          generatedAt: new Date(),
          ruleNames: (id) => descriptions.get(id) ?? /** @type {Record<string, string>} */ (m.ruleNames)[id] ?? id,
        });
        if (opts.format === 'human' && !opts.quiet) io.stderr.write(`${m.summary.reportWritten(opts.report)}\n`);
      } catch (/** @type {any} */ err) {
        io.stderr.write(`${m.errors.ioPrefix}${m.errors.reportWrite(opts.report, err.code ?? err.message)}\n`);
        exitCode = ctx.exitCode = EXIT.TROUBLE;
      }
    }

    // 6. Standard output, streamed in input order.
    const w = new StreamWriter(io.stdout);
    const reporter = (opts.format === 'json' ? jsonReporter : opts.format === 'csv' ? csvReporter : humanReporter)(
      w,
      ctx,
    );
    reporter.begin();
    for (let i = 0; i < ledger.length; i++) {
      if (opts.quiet && ledger.errors[i] === 0) continue;
      const text = reporter.fileJson && ledger.resultText(i, spool);
      if (text) reporter.fileJson?.(text);
      else reporter.file(load(i));
      await w.flushIfFull();
    }
    reporter.end();
    await w.flush();
    io.stdout.removeListener?.('error', w.onError);
    if (opts.format !== 'human' && warningsExceeded)
      io.stderr.write(`${m.summary.maxWarnings(summary.warningCount, /** @type {number} */ (opts.maxWarnings))}\n`);
    // Output closed early (`| head`) is no failure of the check: the code says what was found.
    // Any other failure to write it is trouble, said on standard error.
    if (w.failed && w.failed.code !== 'EPIPE') {
      io.stderr.write(`${m.errors.ioPrefix}${m.errors.stdoutFailed(w.failed.code ?? w.failed.message)}\n`);
      exitCode = EXIT.TROUBLE;
    }
    return exitCode;
  } finally {
    spool.close();
  }
}

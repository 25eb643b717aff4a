// Small output plumbing: a buffered writer that respects back-pressure (10,000 files of
// output must not pile up in memory), colour decisions, and the progress bar.

import fs from 'node:fs';
import { once } from 'node:events';

export class StreamWriter {
  /** @param {NodeJS.WritableStream & { destroyed?: boolean }} stream */
  constructor(stream) {
    this.stream = stream;
    /** @type {string[]} */
    this.parts = [];
    this.size = 0;
    /** The stream's error, after which nothing more is written (`| head` closed it: EPIPE).
     * @type {(Error & { code?: string }) | null} */
    this.failed = null;
    /** @param {Error} err */
    this.onError = (err) => {
      this.failed ??= err;
    };
    stream.on?.('error', this.onError);
  }
  /** Buffers; call `await w.flushIfFull()` in loops. @param {string} s */
  write(s) {
    if (this.failed) return;
    this.parts.push(s);
    this.size += s.length;
  }
  async flushIfFull() {
    if (this.size >= 65536) await this.flush();
  }
  async flush() {
    if (this.parts.length === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (this.failed || this.stream.destroyed) return;
    let written;
    try {
      written = this.stream.write(chunk);
    } catch (/** @type {any} */ err) {
      this.failed ??= err;
      return;
    }
    if (written) return;
    // Wait for the reader; the listener that did not fire is removed, or they would pile up.
    const ac = new AbortController();
    const { signal } = ac;
    await Promise.race([
      once(this.stream, 'drain', { signal }),
      once(this.stream, 'close', { signal }),
      once(this.stream, 'error', { signal }),
    ]).catch(() => {});
    ac.abort();
  }
}

// Control characters from content (a page title with ESC [2J, a file name, an issuer) would
// act on a terminal: clear it, set its title, hide what follows. Shown escaped instead, with
// the bidirectional overrides that can make text read backwards.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `s` with every control character written as `\xNN` or `\u{NNNN}`, for a terminal.
 * @param {unknown} s */
export function safe(s) {
  return String(s).replace(UNSAFE, (c) => {
    const n = c.charCodeAt(0);
    return n < 0x100 ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u{${n.toString(16)}}`;
  });
}

/** Writes straight to a file descriptor, synchronously: the summary page. */
export class FileWriter {
  /** @param {string} file */
  constructor(file) {
    this.fd = fs.openSync(file, 'w');
    /** @type {string[]} */
    this.parts = [];
    this.size = 0;
  }
  /** @param {string} s */
  write(s) {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= 65536) this.flush();
  }
  flush() {
    if (this.parts.length === 0) return;
    fs.writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
  close() {
    this.flush();
    fs.closeSync(this.fd);
  }
}

/** NO_COLOR (https://no-color.org) wins; FORCE_COLOR forces; otherwise only on a terminal.
 * @param {{ isTTY?: boolean }} stream @param {Record<string, string | undefined>} env */
export function useColor(stream, env) {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false')
    return true;
  return Boolean(stream.isTTY);
}

const CODES = { red: [31, 39], yellow: [33, 39], green: [32, 39], cyan: [36, 39], dim: [2, 22], bold: [1, 22] };

/** A function per colour of CODES: its text coloured, or as it is when colour is off.
 * @param {boolean} enabled @returns {Record<keyof typeof CODES, (s: string) => string>} */
export function palette(enabled) {
  const p = /** @type {Record<keyof typeof CODES, (s: string) => string>} */ ({});
  for (const [name, [a, b]] of Object.entries(CODES))
    p[/** @type {keyof typeof CODES} */ (name)] = enabled ? (s) => `\x1b[${a}m${s}\x1b[${b}m` : (s) => s;
  return p;
}

export const PROGRESS_MIN_FILES = 20;

/** A one-line bar on a terminal's stderr, redrawn at most ten times a second. */
export class Progress {
  /**
   * @param {{ isTTY?: boolean, write(s: string): unknown }} stream @param {number} total
   * @param {import('./messages.mjs').Messages} m
   */
  constructor(stream, total, m) {
    this.stream = stream;
    this.total = total;
    this.m = m;
    this.enabled = Boolean(stream.isTTY) && total >= PROGRESS_MIN_FILES;
    this.done = 0;
    this.start = Date.now();
    this.last = 0;
  }
  tick() {
    this.done++;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100 && this.done < this.total) return;
    this.last = now;
    const width = 28;
    const filled = Math.round((this.done / this.total) * width);
    const secs = Math.max(0.001, (now - this.start) / 1000);
    const rate = Math.round(this.done / secs);
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    this.stream.write(`\r${bar} ${this.m.progress(this.done, this.total, rate)}\x1b[K`);
  }
  clear() {
    if (this.enabled) this.stream.write('\r\x1b[K');
  }
}

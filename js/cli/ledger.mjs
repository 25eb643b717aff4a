// Per-file bookkeeping for a run, in typed arrays: a few dozen bytes a file whatever the
// reports hold, so that memory stays flat from ten files to tens of thousands. Everything
// else about a file waits in the spool.

export class Ledger {
  constructor(n) {
    this.length = n;
    this.pos = new Float64Array(n); // where the file's record is in the spool
    this.len = new Uint32Array(n);
    this.errors = new Uint32Array(n);
    this.warnings = new Uint32Array(n);
    this.infos = new Uint32Array(n);
    this.year = new Int32Array(n); // 0: unknown
    this.trouble = new Uint8Array(n); // 1: the file could not be checked (exit code 2)
    this.keys = new Map(); // index → issuer key, for files that can be paired across years
    this.extra = new Map(); // index → where in the spool the diagnostics found later are
    this.previous = new Map(); // index → path of last year's report it was paired with
  }

  set(i, at, result, trouble) {
    this.pos[i] = at[0];
    this.len[i] = at[1];
    this.errors[i] = result.errorCount;
    this.warnings[i] = result.warningCount;
    let infos = 0;
    for (const d of result.diagnostics) if (d.severity === 'info') infos++;
    this.infos[i] = infos;
    this.year[i] = Number.isInteger(result.year) ? result.year : 0;
    this.trouble[i] = trouble ? 1 : 0;
  }

  at(i) {
    return [this.pos[i], this.len[i]];
  }

  /** Diagnostics found after the file's own check; they wait in the spool too. */
  addExtra(i, diagnostics, spool) {
    if (diagnostics.length === 0) return;
    const list = this.extra.has(i) ? [...spool.read(this.extra.get(i)), ...diagnostics] : diagnostics;
    this.extra.set(i, spool.write(list));
    for (const d of diagnostics) {
      if (d.severity === 'error') this.errors[i]++;
      else if (d.severity === 'warning') this.warnings[i]++;
      else if (d.severity === 'info') this.infos[i]++;
    }
  }

  extraOf(i, spool) {
    const at = this.extra.get(i);
    return at ? spool.read(at) : null;
  }
}

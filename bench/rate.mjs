// The benchmarks' one way of measuring calls per second.

// The machine is shared: other work steals time in bursts. Five windows of 300 ms each; the
// median says what to expect, the best what the code can do when it has the core to itself.
/**
 * Calls per second of `fn`: prints and returns the median of `windows` windows of `ms`.
 * `batch` calls run between clock reads (fewer for slow calls); `warmup` calls come first.
 */
export function rate(label, fn, { windows = 5, ms = 300, batch = 200, warmup = 2000 } = {}) {
  for (let i = 0; i < warmup; i++) fn(); // warm up (V8 tiers the WebAssembly up)
  const rates = [];
  for (let w = 0; w < windows; w++) {
    let n = 0;
    const start = performance.now();
    let now = start;
    while (now - start < ms) {
      for (let i = 0; i < batch; i++) fn();
      n += batch;
      now = performance.now();
    }
    rates.push((n * 1000) / (now - start));
  }
  rates.sort((a, b) => a - b);
  const [median, best] = [rates[windows >> 1], rates[windows - 1]];
  const us = (r) => (1e6 / r).toFixed(1);
  console.log(
    `${label.padEnd(44)} ${String(Math.round(median)).padStart(8)} /s median (${us(median)} µs), best ${Math.round(best)} /s (${us(best)} µs)`,
  );
  return median;
}

/**
 * Rates of several functions measured in alternating windows, so that load on a shared machine
 * falls on all of them alike; prints each median and returns them, in order.
 * @param {[string, () => unknown][]} cases
 */
export function rates(cases, { windows = 7, ms = 300, batch = 10, warmup = 200 } = {}) {
  for (const [, fn] of cases) for (let i = 0; i < warmup; i++) fn();
  const seen = cases.map(() => []);
  for (let w = 0; w < windows; w++) {
    cases.forEach(([, fn], c) => {
      let n = 0;
      const start = performance.now();
      let now = start;
      while (now - start < ms) {
        for (let i = 0; i < batch; i++) fn();
        n += batch;
        now = performance.now();
      }
      seen[c].push((n * 1000) / (now - start));
    });
  }
  return cases.map(([label], c) => {
    const r = seen[c].sort((a, b) => a - b);
    const [median, best] = [r[windows >> 1], r[windows - 1]];
    console.log(
      `${label.padEnd(44)} ${String(Math.round(median)).padStart(8)} /s median (${(1e6 / median).toFixed(1)} µs), best ${Math.round(best)} /s`,
    );
    return median;
  });
}

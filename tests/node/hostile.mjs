// Hostile calls for the survival fuzz (tests/node/survive.test.mjs, a few thousand rounds) and
// its long run in the bench (bench/survive.mjs): misuse that must throw a named Error, input that
// must come back as diagnostics, and calls that make the stack run out inside WebAssembly.
import { isDeepStrictEqual } from 'node:util';

/** A Uint8Array of `text` whose `length` and `byteLength` lie. */
export function lyingBytes(text) {
  const bytes = new TextEncoder().encode(text);
  Object.defineProperty(bytes, 'length', { get: () => 1 << 30 });
  Object.defineProperty(bytes, 'byteLength', { get: () => 1 << 30 });
  return bytes;
}

export function revoked() {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/** Calls `fn` at each of the last `levels` stack depths before the stack runs out. */
export function nearStackLimit(fn, levels = 2000) {
  const outcomes = [];
  const down = () => {
    try {
      down();
    } catch {
      /* the stack is spent below here */
    }
    if (outcomes.length < levels) {
      try {
        outcomes.push(fn());
      } catch (err) {
        outcomes.push(err);
      }
    }
  };
  down();
  return outcomes;
}

/** A small deterministic generator (an LCG): the same rounds on every run, so a failure reproduces. */
export function generator(seed) {
  return (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
}

/**
 * Alternate `rounds` hostile calls, on builds picked at random, with a known-good report, and
 * return the first round whose good answer changed or whose throw was not an Error (null when
 * every round held), and how many rounds ran.
 * @param {[string, object][]} builds  name → API
 * @param {string} text  the known-good report's JSON
 * @param {Map<string, object>} baseline  name → its answer
 */
export function fuzz(builds, text, baseline, { rounds, seed = 19 }) {
  const rand = generator(seed);
  const good = () => JSON.parse(text);
  const garbage = (n) => {
    const b = new Uint8Array(n);
    for (let i = 0; i < n; i++) b[i] = rand(256);
    return b;
  };
  const hostile = [
    (api) => api.validate(revoked()),
    (api) => api.validate(good(), revoked()),
    (api) => api.validateJson(lyingBytes(text)),
    (api) => api.validateJson(garbage(rand(4096))),
    (api) => api.validateJson(new TextDecoder().decode(garbage(rand(4096)))),
    (api) =>
      api.validate({
        get year() {
          throw new Error('getter');
        },
      }),
    (api) => api.validate({ year: 2024, applications: { received: { natural: NaN } } }),
    (api) => api.validateJson(text.slice(0, rand(text.length))),
    (api) => api.validateJson(text, { maxInputBytes: 1 + rand(100) }),
    (api) => api.validateJson(`${'['.repeat(100 + rand(200))}`),
    (api) => api.validateJson(text.replace('"year"', '"year": 1, "year"')),
    (api) => nearStackLimit(() => api.validateJson(text), 50 + rand(100)),
    (api) => api.cells(rand(3000)),
    (api) => api.validate(good(), { rules: { nope: 'off' } }),
    (api) => (api.check ? api.check(garbage(rand(2048))) : api.rules()),
  ];
  for (let round = 0; round < rounds; round++) {
    const [name, api] = builds[rand(builds.length)];
    try {
      hostile[rand(hostile.length)](api);
    } catch (err) {
      if (!(err instanceof Error)) return { failed: { round, why: `threw ${typeof err}` }, rounds: round + 1 };
    }
    const answers = [api.validate(good())];
    if (round % 10 === 0) answers.push(api.validateJson(text));
    if (!answers.every((a) => isDeepStrictEqual(a, baseline.get(name)))) {
      return { failed: { round, why: `the good report's answer changed (${name})` }, rounds: round + 1 };
    }
  }
  return { failed: null, rounds };
}

// What a page downloads for each build's validator, gzipped: its .wasm and its JS glue; and the
// size goal of the lite build, the one form pages load. bench/core.mjs prints these numbers, and
// tests/node/size.test.mjs fails the test run when the lite build is over its goal. The files'
// sizes come from scripts/build.mjs, which prints them after each build.
import { sizes } from '../scripts/build.mjs';

/** The lite validator's goal: 60 KB gzipped (.wasm + glue). */
export const LITE_GOAL_BYTES = 60 * 1024;

const BUILDS = {
  full: ['pkg/xxgknb_bg.wasm', 'pkg/xxgknb.js'],
  lite: ['pkg/lite/xxgknb_lite_bg.wasm', 'pkg/lite/xxgknb_lite.js'],
};

/**
 * Each build's validator: its files with their raw and gzipped sizes, and the gzipped total.
 * @returns {Record<'full' | 'lite', { files: { file: string, raw: number, gzipped: number }[], gzipped: number }>}
 */
export function validatorSizes() {
  const all = sizes();
  const out = {};
  for (const [build, names] of Object.entries(BUILDS)) {
    const files = names.map((name) => {
      const f = all.find((s) => s.file === name);
      if (!f) throw new Error(`bench/sizes: scripts/build.mjs does not measure ${name}`);
      return f;
    });
    out[build] = { files, gzipped: files.reduce((sum, f) => sum + f.gzipped, 0) };
  }
  return /** @type {any} */ (out);
}

/** Whether the lite validator is within its goal, and by how much. */
export function liteGoal(lite = validatorSizes().lite) {
  return {
    gzipped: lite.gzipped,
    goal: LITE_GOAL_BYTES,
    met: lite.gzipped <= LITE_GOAL_BYTES,
    spare: LITE_GOAL_BYTES - lite.gzipped,
  };
}

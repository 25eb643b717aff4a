// Shared by the CLI tests: run the real bin as a user would, and validate JSON output.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = path.join(ROOT, 'bin/xxgknb.mjs');
export const FIXTURES = path.join(ROOT, 'tests/cli/fixtures');
export const SCHEMA = JSON.parse(fs.readFileSync(path.join(ROOT, 'js/cli/result.schema.json'), 'utf8'));

/**
 * Runs `xxgknb <args>` in `cwd` (the fixtures by default) with a clean colour environment;
 * `nodeArgs` go to node itself, before the script.
 */
export function run(args, { input, env = {}, cwd = FIXTURES, nodeArgs = [] } = {}) {
  const base = { ...process.env };
  delete base.NO_COLOR;
  delete base.FORCE_COLOR;
  const r = spawnSync(process.execPath, [...nodeArgs, BIN, ...args], {
    cwd,
    input,
    env: { ...base, ...env },
    encoding: 'buffer',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), raw: r.stdout };
}

export function runJson(args, opts) {
  const r = run([...args, '--format', 'json'], opts);
  let doc;
  try {
    doc = JSON.parse(r.stdout);
  } catch (err) {
    throw new Error(`not JSON (exit ${r.code}): ${err.message}\n${r.stdout.slice(0, 500)}\n${r.stderr}`);
  }
  return { ...r, doc };
}

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validateSchema = ajv.compile(SCHEMA);

/** Throws with ajv's findings when the document does not match the shipped schema. */
export function assertSchema(doc) {
  if (!validateSchema(doc)) throw new Error('schema: ' + ajv.errorsText(validateSchema.errors, { separator: '\n' }));
}

const made = [];
process.on('exit', () => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder, removed when the test file ends. */
export function tmpDir(prefix = 'xxgknb-cli-') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export const byPath = (doc) => Object.fromEntries(doc.files.map((f) => [f.path, f]));
export const rulesOf = (file) => file.diagnostics.map((d) => d.rule);

let readers = null;
/**
 * Whether the installed core can read HTML and text reports yet (they are written in
 * parallel with this CLI). Tests of what a reader extracts are skipped until then; tests of
 * the CLI's own handling of those files run either way.
 */
export async function readersReady() {
  if (readers !== null) return readers;
  try {
    const core = await import(new URL('../../js/index.node.mjs', import.meta.url));
    const text = fs.readFileSync(path.join(FIXTURES, 'reports/good-2023.txt'), 'utf8');
    const r = core.check(text, { kind: 'text' });
    readers = !r.diagnostics.some((d) => d.rule === 'invalid-json') && r.report?.year === 2023;
  } catch {
    readers = false;
  }
  return readers;
}

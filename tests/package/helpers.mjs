// Shared by the package tests: the package as `npm pack` makes it, installed into a fresh project
// the way a CMS team would, with no Rust on PATH.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';

export const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** PATH without any directory that holds cargo or rustc: the user has Node only. */
export function pathWithoutRust() {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir && !existsSync(join(dir, 'cargo')) && !existsSync(join(dir, 'rustc')))
    .join(delimiter);
}

/** The npm on this PATH (npm_execpath when run by npm itself). */
function npmPath() {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'npm'))) return join(dir, 'npm');
  }
  throw new Error('npm not found on PATH');
}

/** Run npm with a PATH that has no Rust. */
export function npm(args, cwd, extraEnv = {}) {
  return execFileSync(npmPath(), args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PATH: pathWithoutRust(),
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
      ...extraEnv,
    },
  });
}

/** `npm pack` of the repository into a temp folder: { dir, tarball, files }. */
export function pack() {
  const dir = mkdtempSync(join(tmpdir(), 'xxgknb-pack-'));
  const [info] = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], REPO));
  return { dir, tarball: join(dir, info.filename), files: info.files.map((f) => f.path) };
}

/** A fresh project (package.json only) in a temp folder. */
export function project(type = 'module') {
  const dir = mkdtempSync(join(tmpdir(), 'xxgknb-consumer-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type }, null, 2),
  );
  return dir;
}

// The packed tarball, installed in a clean temporary project with no network (npm's offline
// mode: its cache only), reads PDF and Word files: PDF.js finds
// its CMaps and fonts inside the installed package, and `npx xxgknb check` reads them too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, readdirSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DOCS = join(ROOT, 'tests/fixtures/documents');

test(
  'installed from the packed tarball with no network, it reads PDF, DOCX and DOC files',
  { timeout: 300_000 },
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgknb-offline-'));
    try {
      const npm = (args, cwd) =>
        execFileSync('npm', args, {
          cwd,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
          // npm's offline mode: no request leaves the machine, the cache (filled by `npm ci`) has to do.
          env: {
            ...process.env,
            npm_config_offline: 'true',
            npm_config_audit: 'false',
            npm_config_fund: 'false',
            npm_config_update_notifier: 'false',
          },
        });
      npm(['pack', '--pack-destination', dir], ROOT);
      const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
      const project = join(dir, 'project');
      mkdirSync(project);
      writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'clean', private: true, type: 'module' }));
      npm(['install', join(dir, tarball)], project);
      for (const f of ['template-2024.pdf', 'template-2024.docx', 'template-2024.doc', 'scanned.pdf'])
        copyFileSync(join(DOCS, f), join(project, f));
      writeFileSync(
        join(project, 'read.mjs'),
        `
      import { readFileSync } from 'node:fs';
      import { checkFile } from 'xxgknb';
      const out = {};
      for (const f of ['template-2024.pdf', 'template-2024.docx', 'template-2024.doc', 'scanned.pdf']) {
        const r = await checkFile(readFileSync(f), { report: ['/issuer'] });
        out[f] = { kind: r.kind, valid: r.valid, year: r.year, issuer: r.report.issuer, rules: r.diagnostics.map((d) => d.rule) };
      }
      console.log(JSON.stringify(out));
    `,
      );
      const got = JSON.parse(execFileSync(process.execPath, ['read.mjs'], { cwd: project, encoding: 'utf8' }));
      // The template's parts hold only its placeholders (（文字描述）): part 五 names no problem,
      // part 一 none of its aspects nor a government's 考核、评议、责任追究 (the prose rules' warnings).
      const placeholders = ['part5-perfunctory', 'required-elements', 'required-elements'];
      for (const [f, kind] of [
        ['template-2024.pdf', 'pdf'],
        ['template-2024.docx', 'docx'],
        ['template-2024.doc', 'doc'],
      ]) {
        assert.deepEqual(got[f], { kind, valid: true, year: 2024, issuer: '示例市人民政府', rules: placeholders }, f);
      }
      assert.deepEqual(got['scanned.pdf'].rules, ['no-text-layer']);
      // The command, as a clerk runs it: the files of the folder, read and checked.
      mkdirSync(join(project, 'reports'));
      for (const f of ['template-2024.pdf', 'template-2024.docx', 'template-2024.doc', 'scanned.pdf'])
        copyFileSync(join(DOCS, f), join(project, 'reports', f));
      const cli = spawnSync(
        process.execPath,
        [join(project, 'node_modules/xxgknb/bin/xxgknb.mjs'), 'check', 'reports', '--format', 'json', '-j', '0'],
        { cwd: project, encoding: 'utf8' },
      );
      assert.equal(cli.status, 1, cli.stderr); // the scan is an error in its file
      assert.equal(cli.stderr, '');
      const files = JSON.parse(cli.stdout).files;
      assert.deepEqual(
        files.map((f) => [f.path, f.kind, f.valid]).sort(),
        [
          ['reports/scanned.pdf', 'pdf', false],
          ['reports/template-2024.doc', 'doc', true],
          ['reports/template-2024.docx', 'docx', true],
          ['reports/template-2024.pdf', 'pdf', true],
        ]
          .map(([p, ...rest]) => [join(p), ...rest])
          .sort(),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);

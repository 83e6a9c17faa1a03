// Screenshots of the portal's pages at phone (390 px) and desktop (1280 px) width into OUT_DIR
// (docs/screenshots). Runs every tests/browser/shots-*.mjs in turn: each exports
// `async function shots(browser, dir)` and writes its own pages' PNGs (shots-staff.mjs: the
// staff pages; the citizen pages have their own files).
// Not part of the test run: started by
//   build/tests/browser_tests --gtest_also_run_disabled_tests --gtest_filter='*Screenshots*'
// which sets up a database, accounts and a server as for the tests. SHOTS=staff,search runs
// only those files.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch } from './lib.mjs';

const out = process.env.OUT_DIR;
assert.ok(out, 'OUT_DIR is not set');
fs.mkdirSync(out, { recursive: true });
const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.env.SHOTS ? process.env.SHOTS.split(',') : null;
const files = fs.readdirSync(here).filter((f) => /^shots-.+\.mjs$/.test(f)).sort()
  .filter((f) => !only || only.includes(f.slice('shots-'.length, -'.mjs'.length)));
assert.ok(files.length > 0, 'no shots-*.mjs files');

const browser = await launch();
try {
  for (const file of files) {
    const { shots } = await import(pathToFileURL(path.join(here, file)).href);
    assert.equal(typeof shots, 'function', `${file} does not export shots(browser, dir)`);
    const started = Date.now();
    await shots(browser, out);
    console.log(`${file}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
} finally {
  await browser.close();
}
console.log(`screenshots written to ${out}`);

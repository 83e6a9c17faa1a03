// Screenshots of /forening (list and form) and /koordinator at phone (390 px) and desktop
// (1280 px) width into OUT_DIR (docs/screenshots). Not part of the test run: started by
//   build/tests/browser_tests --gtest_also_run_disabled_tests --gtest_filter='*Screenshots*'
// which sets up a database, accounts and a server as for the tests.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { USERS, launch, loginOnPage, newPage } from './lib.mjs';

const out = process.env.OUT_DIR;
assert.ok(out, 'OUT_DIR is not set');
fs.mkdirSync(out, { recursive: true });
const browser = await launch();
try {
  for (const [name, width] of [['telefon', 390], ['skaerm', 1280]]) {
    const viewport = { width, height: width < 500 ? 844 : 900 };
    const page = await newPage(browser, { viewport });
    await loginOnPage(page, '/forening', USERS.gaa.username);
    await page.getByRole('heading', { name: /Aktiviteter for/ }).waitFor();
    await page.screenshot({ path: path.join(out, `forening-liste-${name}.png`), fullPage: true });
    await page.getByRole('button', { name: /^Ret Tirsdagsturen/ }).click();
    await page.getByLabel('Postnummer').fill('12');
    await page.getByLabel('Postnummer').press('Tab');
    await page.locator('#f-postcode-fejl').waitFor();
    await page.screenshot({ path: path.join(out, `forening-form-${name}.png`), fullPage: true });

    const coordinator = await newPage(browser, { viewport });
    await loginOnPage(coordinator, '/koordinator', USERS.coordinator.username);
    await coordinator.locator('#arbejde').waitFor();
    await coordinator.waitForTimeout(500);
    await coordinator.screenshot({ path: path.join(out, `koordinator-${name}.png`), fullPage: true });
  }
} finally {
  await browser.close();
}
console.log(`screenshots written to ${out}`);

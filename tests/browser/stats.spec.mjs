// /koordinator's statistics: period picker, totals with the screening share and match rate,
// charts month by month and by team (SVG with a table), the CSV download, the referral queue
// and supply/demand. Sections whose endpoint is missing must say so; the test then prints
// "SKIPPED: endpoint missing".
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { USERS, api, endpointMissing, expectNoAxeViolations, launch, loginOnPage, newPage, noProblems, skipMissing, token } from './lib.mjs';

let browser;
let staffToken;
let coordinatorToken;
before(async () => {
  browser = await launch();
  staffToken = await token(USERS.staff.username);
  coordinatorToken = await token(USERS.coordinator.username);
});
after(async () => { await browser?.close(); });

const today = () => new Date().toISOString().slice(0, 10);

async function statsPage() {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await loginOnPage(page, '/koordinator', USERS.coordinator.username);
  await page.locator('#status', { hasText: 'Oversigten er hentet' }).waitFor();
  await page.locator('[data-stats="totals"]:not(:has-text("Henter"))').waitFor();
  return page;
}

test('statistics: the period is checked; totals, charts, tables and the CSV come from /api/v1/stats', async (t) => {
  const missing = await endpointMissing('GET', `/api/v1/stats?from=${today()}&to=${today()}`, coordinatorToken);
  if (!missing && !(await endpointMissing('POST', '/api/v1/screenings', staffToken))) {
    // 3 answered (1 lonely) and 1 excluded today.
    for (const body of [{ excluded: false, lonely: true }, { excluded: false, lonely: false }, { excluded: false, lonely: false },
      { excluded: true, exclusion_reason: 'dementia' }]) {
      const r = await api('POST', '/api/v1/screenings', { token: staffToken, body: { date: today(), ...body } });
      assert.equal(r.status, 201, r.text);
    }
  }
  const page = await statsPage();
  await page.getByLabel('Fra og med').fill('2026-12-31');
  await page.getByLabel('Til og med').fill('2026-01-01');
  await page.getByRole('button', { name: 'Vis statistik' }).click();
  await page.locator('#periode-fejl', { hasText: 'Fra-datoen skal ligge før til-datoen' }).waitFor();
  await expectNoAxeViolations(page, '/koordinator statistics with a period error');
  await page.getByLabel('Fra og med').fill(`${today().slice(0, 4)}-01-01`);
  await page.getByLabel('Til og med').fill(today());
  await page.getByRole('button', { name: 'Vis statistik' }).click();
  await page.locator('#status', { hasText: 'Statistikken er opdateret' }).waitFor();
  assert.ok(await page.locator('#periode-fejl').isHidden());

  if (missing) {
    await page.locator('[data-stats="totals"]', { hasText: 'Statistikken kan ikke hentes fra serveren endnu' }).waitFor();
    await page.getByRole('button', { name: 'Hent statistik (CSV)' }).click();
    await page.locator('#fejl', { hasText: 'kan ikke hentes som fil fra serveren endnu' }).waitFor();
    noProblems(page);
    skipMissing(t, 'GET /api/v1/stats');
    return;
  }
  const totals = await page.locator('[data-stats="totals"] table').textContent();
  assert.match(totals, /Opsporingsskemaer i alt\s*4/);
  assert.match(totals, /Andel ensomme af de besvarede\s*33,3\u00a0%/);
  assert.match(totals, /Matchrate/);
  // Month chart: an SVG bar per month and the same figures as a table.
  await page.getByLabel('Vis i diagrammerne').selectOption({ label: 'Opsporingsskemaer i alt' });
  const months = page.locator('[data-stats="months"]');
  assert.ok(await months.locator('svg.chart rect').count() >= 1);
  assert.match(await months.locator('table').textContent(), /4/);
  const teams = page.locator('[data-stats="teams"]');
  assert.ok((await teams.textContent()).length > 0);
  await expectNoAxeViolations(page, '/koordinator statistics');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Hent statistik (CSV)' }).click();
  const file = await download;
  const bytes = await (await import('node:fs/promises')).readFile(await file.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM for Excel');
  assert.match(file.suggestedFilename(), /^statistik-.*\.csv$/);
  noProblems(page);
});

test('the referral queue: a new referral is matched with an association', async (t) => {
  const missing = await endpointMissing('GET', '/api/v1/referrals?status=new', coordinatorToken);
  const page = await statsPage();
  if (missing) {
    await page.locator('[data-stats="referrals"]', { hasText: 'kan ikke hentes fra serveren endnu' }).waitFor();
    noProblems(page);
    skipMissing(t, 'GET /api/v1/referrals');
    return;
  }
  const made = await api('POST', '/api/v1/referrals', { token: staffToken, body: {
    date: today(), postcode: '7500', interests: ['walking'], transport: ['pickup'], companion: true, note: 'Vil gerne gå ture' } });
  assert.equal(made.status, 201, made.text);
  await page.getByLabel('Vis henvisninger, der er').selectOption('contacted');
  await page.getByLabel('Vis henvisninger, der er').selectOption('new');
  const item = page.locator('[data-stats="referrals"] li', { hasText: 'Vil gerne gå ture' });
  assert.match(await item.textContent(), /Ønsker en følgeven første gang/);
  await item.getByRole('button', { name: 'Matchet' }).click();
  await item.locator('.form-error-message', { hasText: 'Vælg en forening' }).waitFor();
  await expectNoAxeViolations(page, '/koordinator referral queue with an error');
  await item.getByLabel('Matchet med forening').selectOption({ label: USERS.gaa.name });
  await item.getByRole('button', { name: 'Matchet' }).click();
  await page.locator('#status', { hasText: 'Henvisningen er matchet' }).waitFor();
  const matched = await api('GET', '/api/v1/referrals?status=matched', { token: coordinatorToken });
  assert.equal(matched.json.referrals.find((r) => r.note === 'Vil gerne gå ture').matched_association.id, USERS.gaa.association);
  noProblems(page);
});

test('supply and demand loads or says it is not there yet', async (t) => {
  const missing = await endpointMissing('GET', `/api/v1/stats/supply-demand?from=${today()}&to=${today()}`, coordinatorToken);
  const page = await statsPage();
  const box = page.locator('[data-stats="supply"]');
  await page.locator('[data-stats="supply"]:not(:has-text("Henter"))').waitFor();
  if (missing) {
    assert.match(await box.textContent(), /kan ikke hentes fra serveren endnu/);
    skipMissing(t, 'GET /api/v1/stats/supply-demand');
  } else {
    assert.match(await box.textContent(), /Efterspurgt|Ingen interesser/);
    await expectNoAxeViolations(page, '/koordinator supply and demand');
  }
  noProblems(page);
});

// Runs today, before the statistics API is merged: page.route() answers GET /api/v1/stats with
// the spec's shape and the published figures, so the dashboard's text, charts and tables are
// checked now.
test('the dashboard shows the published figures, charts by month and team, and "<5" (GET /api/v1/stats stood in)', async () => {
  const { STATS_EXAMPLE } = await import('./stats-example.mjs');
  const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
  const asked = [];
  await page.route(/\/api\/v1\/stats\?/, (route) => {
    asked.push(new URL(route.request().url()).search);
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(STATS_EXAMPLE) });
  });
  await loginOnPage(page, '/koordinator', USERS.coordinator.username);
  await page.locator('[data-stats="totals"] table').waitFor();
  assert.match(asked[0], /^\?from=\d{4}-01-01&to=\d{4}-\d{2}-\d{2}$/);
  const totals = page.locator('[data-stats="totals"]');
  await totals.getByText('238 opsporingsskemaer: 205 besvaret, 33 udelukket, 42 vurderet ensomme (20,5\u00a0%).').waitFor();
  await totals.getByText('36 henvisninger, 27 matchet (75,0\u00a0%).').waitFor();
  assert.match(await totals.locator('table').textContent(), /Det, der stod i vejen: transport3/);

  const months = page.locator('[data-stats="months"]');
  assert.equal(await months.locator('svg.chart rect').count(), 3);
  assert.equal(await months.locator('svg.chart').getAttribute('aria-hidden'), 'true');
  assert.match(await months.locator('table').textContent(), /jan\. 2026\s*40.*feb\. 2026\s*40.*mar\. 2026\s*40/);
  await page.getByLabel('Vis i diagrammerne').selectOption({ label: 'Henvisninger' });
  const teams = page.locator('[data-stats="teams"]');
  assert.match(await teams.locator('svg.chart').textContent(), /Hjemmeplejen Vinderup\s*<5/);
  assert.match(await teams.locator('table').textContent(), /Hjemmeplejen Vinderup.*<5/);
  assert.match(await teams.locator('table caption').textContent(), /Alle tal pr\. team/);
  // 18 px chart text, and the page still fits a phone.
  const sizes = await page.evaluate(() => [...document.querySelectorAll('.chart text')].map((t) => t.getBoundingClientRect().height));
  assert.ok(sizes.every((h) => h >= 17), `chart text heights ${sizes}`);
  const wide = await page.evaluate(() => [...document.querySelectorAll('#statistik *, #henvisninger *, #udbud *')]
    .filter((e) => e.getBoundingClientRect().right > 390 && !e.closest('.scroll')).map((e) => `${e.tagName}.${e.className}#${e.id}`));
  assert.deepEqual(wide, [], 'nothing in the statistics sections is wider than the phone');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'the page fits 390 px');
  await expectNoAxeViolations(page, '/koordinator statistics at phone width');
  noProblems(page);
});

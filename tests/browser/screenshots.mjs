// Screenshots of /forening (list and form), /koordinator (and its statistics section), /besoeg
// and /k/CODE at phone (390 px) and desktop (1280 px) width into OUT_DIR (docs/screenshots).
// Where the staff API is not on the server yet, page.route() answers GET /api/v1/cards/{code}
// (from the real search) and GET /api/v1/stats (stats-example.mjs) in the spec's shape.
// Not part of the test run: started by
//   build/tests/browser_tests --gtest_also_run_disabled_tests --gtest_filter='*Screenshots*'
// which sets up a database, accounts and a server as for the tests.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { BASE_URL, USERS, api, endpointMissing, launch, loginOnPage, newPage, token } from './lib.mjs';
import { STATS_EXAMPLE } from './stats-example.mjs';

const out = process.env.OUT_DIR;
assert.ok(out, 'OUT_DIR is not set');
fs.mkdirSync(out, { recursive: true });
const made = await api('POST', '/api/v1/cards', { token: await token(USERS.staff.username), body: {
  activity_ids: ['holstebro-gaaklub-tirsdag'], search: { postcode: '7500', radius_km: '15', interest: 'walking' } } });
const cardCode = made.status === 201 ? made.json.code.replace('-', '') : 'K7MXP4RT';
const statsMissing = await endpointMissing('GET', '/api/v1/stats?from=2026-01-01&to=2026-03-31',
  await token(USERS.coordinator.username));

// Records through the API, so the statistics show the municipalities' published figures:
// 238 screenings (205 answered, 42 of them lonely; 33 excluded), 36 referrals (27 matched), and
// a few tags, spread over the months of this year up to today.
if (!statsMissing) {
  const staff = await token(USERS.staff.username);
  const coordinator = await token(USERS.coordinator.username);
  const now = new Date();
  const day = (i) => {
    const month = i % (now.getMonth() + 1);
    const d = new Date(Date.UTC(now.getFullYear(), month, 1 + (i % 20)));
    return (d > now ? now : d).toISOString().slice(0, 10);
  };
  const post = async (p, body, who = staff) => {
    const r = await api('POST', p, { token: who, body });
    assert.equal(r.status, 201, `${p}: ${r.text}`);
    return r.json;
  };
  const reasons = ['dementia', 'too_ill', 'declined', 'language', 'other'];
  for (let i = 0; i < 238; ++i) {
    await post('/api/v1/screenings', i < 205 ? { date: day(i), excluded: false, lonely: i < 42 }
                                             : { date: day(i), excluded: true, exclusion_reason: reasons[i % 5] });
  }
  for (let i = 0; i < 36; ++i) {
    const { id } = await post('/api/v1/referrals', { date: day(i), postcode: '7500', interests: ['walking'],
                                                     transport: [], companion: i % 3 === 0, note: '' });
    if (i < 27) {
      const r = await api('PUT', `/api/v1/referrals/${id}`, { token: coordinator,
        body: { status: 'matched', matched_association: USERS.gaa.association } });
      assert.equal(r.status, 200, r.text);
    }
  }
  for (let i = 0; i < 60; ++i) {
    await post('/api/v1/tags', { tag: 'faellesskab', date: day(i), conversation: i % 4 !== 0, follow_up: i % 5 === 0,
                                 referral: false, interests: ['walking'], postcode: '7500' });
  }
}
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
    if (statsMissing) {
      await coordinator.route(/\/api\/v1\/stats\?/, (route) => route.fulfill({ status: 200,
        contentType: 'application/json', body: JSON.stringify(STATS_EXAMPLE) }));
    }
    await loginOnPage(coordinator, '/koordinator', USERS.coordinator.username);
    await coordinator.locator('#arbejde').waitFor();
    await coordinator.locator('[data-stats="totals"]:not(:has-text("Henter"))').waitFor();
    await coordinator.waitForTimeout(500);
    await coordinator.screenshot({ path: path.join(out, `koordinator-${name}.png`), fullPage: true });
    await coordinator.locator('#statistik').screenshot({ path: path.join(out, `statistik-${name}.png`) });

    const visit = await newPage(browser, { viewport });
    await loginOnPage(visit, '/besoeg', USERS.staff.username);
    await visit.locator('#status', { hasText: 'Klar til et nyt besøg' }).waitFor();
    await visit.getByLabel('Borgerens postnummer').fill('7500');
    await visit.locator('[data-code="walking"]').click();
    await visit.screenshot({ path: path.join(out, `besoeg-trin1-${name}.png`), fullPage: true });
    await visit.getByRole('button', { name: 'Find aktiviteter' }).click();
    await visit.locator('#trin2').waitFor();
    await visit.locator('#forslag input[type="checkbox"]').first().check();
    await visit.screenshot({ path: path.join(out, `besoeg-trin2-${name}.png`), fullPage: true });

    const card = await newPage(browser, { viewport });
    if (made.status !== 201) {
      // No cards API yet: GET /api/v1/cards/{code} answered in the spec's shape from the real search.
      const search = (await api('GET', '/api/v1/search?postcode=7500&radius_km=15&interest=walking')).json;
      await card.route(/\/api\/v1\/cards\//, (route) => route.fulfill({ status: 200, contentType: 'application/json',
        body: JSON.stringify({ code: 'K7MX-P4RT', created: '2026-11-20',
          activities: search.results.filter((r) => r.id === 'holstebro-gaaklub-tirsdag'),
          search: { postcode: '7500', radius_km: '15', interest: 'walking' }, search_results: search }) }));
    }
    await card.goto(`${BASE_URL}/k/${cardCode}`);
    await card.locator('#kort-titel:not(:empty), #kode-fejl:not([hidden]), #skriv-kode:not([hidden])').first().waitFor();
    await card.waitForTimeout(300);
    await card.screenshot({ path: path.join(out, `kort-${name}.png`), fullPage: true });
  }
} finally {
  await browser.close();
}
console.log(`screenshots written to ${out}`);

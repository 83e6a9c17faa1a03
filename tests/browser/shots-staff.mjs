// Screenshots of the staff pages: /forening (list and form with an error), /koordinator (and its
// statistics section), /besoeg (steps 1 and 2) and /invitation, at phone (390 px) and desktop
// (1280 px) width. Called by screenshots.mjs with a browser and the output folder; records
// screenings, referrals and tags through the API first, so the statistics show the
// municipalities' published figures (stats-example.mjs stands in where the API is missing).
import assert from 'node:assert/strict';
import path from 'node:path';
import { BASE_URL, USERS, api, endpointMissing, loginOnPage, newPage, token } from './lib.mjs';
import { STATS_EXAMPLE } from './stats-example.mjs';

async function seed() {
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
  return statsMissing;
}

export async function shots(browser, out) {
  const statsMissing = await seed();
  const invite = await api('POST', '/api/v1/invitations',
    { token: await token(USERS.coordinator.username), body: { association: USERS.struer.association } });
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

    if (invite.status === 201) {
      const invitation = await newPage(browser, { viewport });
      await invitation.goto(BASE_URL + invite.json.url);
      await invitation.locator('#opret:not([hidden])').waitFor();
      await invitation.screenshot({ path: path.join(out, `invitation-${name}.png`), fullPage: true });
    }
  }
}

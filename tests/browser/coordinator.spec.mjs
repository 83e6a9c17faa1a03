// /koordinator: the coordinator's overview, review queue, accounts, invitations and imports.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { BASE_URL, PASSWORD, USERS, api, apiUntil, expectNoAxeViolations, launch, loginOnPage, newPage, noProblems, token } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function coordinatorPage() {
  const page = await newPage(browser);
  await loginOnPage(page, '/koordinator', USERS.coordinator.username);
  await page.locator('#status', { hasText: 'Oversigten er hentet' }).waitFor();
  return page;
}

test('a coordinator logs in with the keyboard; every section loads or says it is not ready', async () => {
  const page = await newPage(browser);
  await page.goto(`${BASE_URL}/koordinator`);
  await page.locator('#brugernavn:focus').waitFor();
  await expectNoAxeViolations(page, '/koordinator login form');
  await page.keyboard.type(USERS.coordinator.username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.locator('#status', { hasText: 'Oversigten er hentet' }).waitFor();
  assert.ok(await page.locator('#arbejde').isVisible());
  for (const name of ['stale', 'associations', 'review', 'accounts']) {
    const text = await page.locator(`[data-load="${name}"]`).textContent();
    assert.ok(text.length > 0 && !/Henter/.test(text), `${name}: ${text}`);
  }
  await page.getByRole('button', { name: 'Indlæs filen' }).click();
  await page.locator('#fejl', { hasText: 'Vælg en fil først' }).waitFor();
  await expectNoAxeViolations(page, '/koordinator with every section and an error');
  await page.getByRole('button', { name: 'Log ud' }).click();
  await page.locator('#status', { hasText: 'Du er logget ud' }).waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.getItem('portal.session')), null);
  noProblems(page);
});

test('an association editor is refused on the coordinator page', async (t) => {
  const page = await newPage(browser);
  await loginOnPage(page, '/koordinator', USERS.gaa.username);
  await page.locator('#login-fejl', { hasText: 'for kommunens koordinatorer' }).waitFor();
  assert.ok(await page.locator('#arbejde').isHidden());
  await expectNoAxeViolations(page, '/koordinator refusing an editor');
});

test('the coordinator sees every section filled and can filter associations', async (t) => {
  const page = await coordinatorPage();
  assert.equal(await page.getByText('ikke klar på serveren').count(), 0, 'every section has its endpoint');
  const associations = page.locator('[data-load="associations"] table');
  assert.match(await associations.textContent(), new RegExp(USERS.gaa.name));
  assert.match(await page.locator('[data-load="accounts"] table').textContent(), /koordinator/);
  await page.getByLabel('Kun foreninger, der ikke har været logget ind i (dage)').fill('90');
  await page.getByRole('button', { name: 'Vis foreninger' }).click();
  await page.locator('#status', { hasText: 'Listen over foreninger er opdateret' }).waitFor();
  await expectNoAxeViolations(page, '/koordinator filtered associations');
  // At phone width the tables scroll inside their labelled box; the page itself does not.
  await page.setViewportSize({ width: 390, height: 844 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'page fits 390 px');
  const box = page.locator('[data-load="associations"] .scroll');
  assert.equal(await box.getAttribute('role'), 'region');
  assert.equal(await box.getAttribute('aria-label'), 'Tabel: Foreninger');
  assert.equal(await box.getAttribute('tabindex'), '0');
  assert.ok(await box.evaluate((e) => e.getBoundingClientRect().right <= 390), 'the table scrolls inside its box');
  noProblems(page);
});

test('review: a change by an association under review waits, then the coordinator approves it', async (t) => {
  const page = await coordinatorPage();
  const toggle = page.getByRole('checkbox', { name: new RegExp(`Skal godkendes.*${USERS.struer.name}`) });
  await toggle.check();
  await page.locator('#status', { hasText: 'skal nu godkendes' }).waitFor();

  const struer = await token(USERS.struer.username);
  const listing = (await api('GET', '/api/v1/activities/hjerm-gaatur')).json;
  const body = { id: 'hjerm-gaatur', title: `${listing.title} (ny tid)`, location: { postcode: listing.location.postcode },
    schedule: [{ weekday: 'wed', start: '19:00' }] };
  const put = await api('PUT', '/api/v1/activities/hjerm-gaatur', { token: struer, body });
  assert.equal(put.status, 202, put.text);

  await page.reload();
  await page.locator('#status', { hasText: 'Oversigten er hentet' }).waitFor();
  await page.getByRole('button', { name: `Godkend ${body.title}` }).click();
  await page.locator('#status', { hasText: 'er godkendt' }).waitFor();
  let title = '';
  for (const until = Date.now() + 3000; title !== body.title && Date.now() < until;) {
    title = (await apiUntil('/api/v1/activities/hjerm-gaatur', 200)).json.title;
  }
  assert.equal(title, body.title, 'the approved change is public');
  noProblems(page);
});

test('accounts: disabling an editor stops its login; invitations give a full link', async (t) => {
  const page = await coordinatorPage();
  await page.getByRole('button', { name: `Spær ${USERS.struer.username}` }).click();
  await page.locator('#status', { hasText: 'er spærret' }).waitFor();
  const login = await api('POST', '/api/v1/auth/login', { body: { username: USERS.struer.username, password: PASSWORD } });
  assert.equal(login.status, 401);
  await page.getByRole('button', { name: `Genåbn ${USERS.struer.username}` }).click();
  await page.locator('#status', { hasText: 'kan logge ind igen' }).waitFor();

  await page.getByRole('button', { name: `Inviter redaktør for ${USERS.gaa.name}` }).click();
  await page.waitForFunction(() => document.getElementById('invitation-link').value.includes('#'));
  const link = await page.getByLabel('Send dette link til redaktøren').inputValue();
  assert.match(link, new RegExp(`^${BASE_URL.replace(/[.]/g, '\\.')}/invitation#.{8,}`));
  await expectNoAxeViolations(page, '/koordinator with an invitation link');
  noProblems(page);
});

test('an uploaded CSV file is imported and its Danish report shown', async (t) => {
  const page = await coordinatorPage();
  const csv = 'forening_id;aktivitet_id;titel;postnummer;tidspunkt\n' +
    'struer-motion;struer-kortspil;Kortspil i klubhuset;7600;mon 14:00-16:00\n';
  await page.getByLabel('Fil (JSON, CSV, iCalendar eller HSDS, højst 1 MB)').setInputFiles({
    name: 'foreninger.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByRole('button', { name: 'Indlæs filen' }).click();
  const report = page.locator('#rapport');
  await report.waitFor();
  assert.ok((await report.textContent()).length > 10, 'a report is shown');
  await expectNoAxeViolations(page, '/koordinator import report');
  const found = await apiUntil('/api/v1/activities/struer-kortspil', 200);
  assert.equal(found.status, 200, found.text);
  assert.equal(found.json.schedule[0].start, '14:00');

  // An association's calendar feed: the association is named in its own field.
  const feed = readFileSync(new URL('../indexer/data/holstebro-gaaklub.ics', import.meta.url));
  await page.getByLabel('Fil (JSON, CSV, iCalendar eller HSDS, højst 1 MB)').setInputFiles({
    name: 'gaaklub.ics', mimeType: 'text/calendar', buffer: feed });
  await page.getByLabel('Forening (kun for iCalendar-filer)').fill(USERS.gaa.association);
  await page.getByRole('button', { name: 'Indlæs filen' }).click();
  await page.locator('#rapport', { hasText: 'gaaklub.ics' }).waitFor();
  assert.match(await page.locator('#rapport').textContent(), /[1-9]\d* oprettet/);
  noProblems(page);
});

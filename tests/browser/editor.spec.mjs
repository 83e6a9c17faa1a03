// /forening, the association editor (issue 4's "Done when"): keyboard-only login, a changed
// start time that a citizen's search shows within a second, the same change by another
// association's editor refused with 403, and a Danish error next to a bad postcode.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_URL, PASSWORD, USERS, api, apiUntil, expectNoAxeViolations, launch, loginOnPage, newPage, noProblems } from './lib.mjs';

const TIRSDAG = 'holstebro-gaaklub-tirsdag';
const TITLE = 'Tirsdagsturen ved Storåen';
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function openEditorFor(page, title) {
  await page.getByRole('button', { name: `Ret ${title}` }).click();
  await page.getByRole('heading', { name: `Ret "${title}"` }).waitFor();
}

test('an editor logs in with the keyboard only; a wrong password gets a Danish message', async () => {
  const page = await newPage(browser);
  await page.goto(`${BASE_URL}/forening`);
  await page.locator('#brugernavn:focus').waitFor();  // the page puts focus in the first field
  await expectNoAxeViolations(page, '/forening login form');

  await page.keyboard.type(USERS.gaa.username);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'adgangskode');
  await page.keyboard.type('forkert-adgangskode');
  await page.keyboard.press('Enter');
  const error = page.locator('#login-fejl');
  await error.waitFor();
  assert.match(await error.textContent(), /Forkert brugernavn eller adgangskode/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'adgangskode');
  await expectNoAxeViolations(page, '/forening login error');

  await page.keyboard.press('Control+A');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { name: `Aktiviteter for ${USERS.gaa.name}` });
  await heading.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'oversigt-titel', 'focus moves to the list');
  assert.ok(await page.getByRole('button', { name: `Ret ${TITLE}` }).isVisible());
  assert.equal(await page.evaluate(() => !!JSON.parse(sessionStorage.getItem('portal.session')).token), true);
  await expectNoAxeViolations(page, '/forening list of activities');
  noProblems(page);
});

test('after five wrong passwords the login page says so in Danish (429)', async () => {
  const username = 'ukendt-bruger';
  for (let i = 0; i < 5; ++i) {
    const r = await api('POST', '/api/v1/auth/login', { body: { username, password: 'forkert-forkert' } });
    assert.equal(r.status, 401, r.text);
  }
  const page = await newPage(browser);
  await page.goto(`${BASE_URL}/forening`);
  await page.getByLabel('Brugernavn').fill(username);
  await page.getByLabel('Adgangskode').fill('forkert-forkert');
  await page.getByLabel('Adgangskode').press('Enter');
  await page.locator('#login-fejl', { hasText: 'for mange forsøg på at logge ind' }).waitFor();
  assert.ok(await page.locator('#oversigt').isHidden());
  noProblems(page);
});

test('a changed start time is found by a citizen within a second; another association gets 403', async () => {
  // The citizen's page, open before the change, shows the old time.
  const citizen = await newPage(browser);
  await citizen.goto(`${BASE_URL}/?q=Tirsdagsturen`);
  const card = citizen.locator('#resultater .card', { hasText: TITLE });
  await card.waitFor();
  assert.match(await card.textContent(), /kl\. 10\.00–11\.30/);

  const editor = await newPage(browser);
  await loginOnPage(editor, '/forening', USERS.gaa.username);
  const before = (await api('GET', `/api/v1/activities/${TIRSDAG}`)).json;
  await openEditorFor(editor, TITLE);
  // Every field of the listing is in the form, so saving keeps what was not changed.
  assert.equal(await editor.getByLabel('Beskrivelse').inputValue(), before.description);
  assert.equal(await editor.getByLabel('Navn', { exact: true }).inputValue(), before.contact.name);
  const start = editor.getByLabel('Fra kl.').first();
  assert.equal(await start.inputValue(), '10:00');
  await start.fill('10.30');  // the Danish way of writing it is accepted
  // The live preview is the citizen's card.
  await editor.locator('#visning .card', { hasText: 'kl. 10.30–11.30' }).waitFor();

  const saved = editor.waitForResponse((r) => r.url().endsWith(`/api/v1/activities/${TIRSDAG}`) && r.request().method() === 'PUT');
  await editor.getByRole('button', { name: 'Gem ændringerne' }).click();
  const answer = await saved;
  const savedAt = Date.now();
  assert.equal(answer.status(), 200, await answer.text());
  await editor.locator('#status', { hasText: 'Ændringerne er gemt' }).waitFor();

  // The citizen searches again until the new time shows.
  let seen = -1;
  while (Date.now() - savedAt < 3000) {
    await citizen.getByRole('button', { name: 'Søg', exact: true }).click();
    await citizen.locator('#resultater[aria-busy]').waitFor({ state: 'detached' });
    if (/kl\. 10\.30–11\.30/.test(await card.textContent())) { seen = Date.now() - savedAt; break; }
  }
  console.log(`citizen's search showed the new time ${seen} ms after the save was answered`);
  assert.ok(seen >= 0 && seen <= 1000, `new time seen after ${seen} ms`);
  noProblems(citizen);
  noProblems(editor);

  // Another association's editor, logged in on the same page, tries the same change with its
  // own token: 403 whether or not it names the activity's association.
  const other = await newPage(browser);
  await loginOnPage(other, '/forening', USERS.struer.username);
  await other.getByRole('heading', { name: `Aktiviteter for ${USERS.struer.name}` }).waitFor();
  assert.equal(await other.getByRole('button', { name: `Ret ${TITLE}` }).count(), 0, 'not in its list');
  const listing = (await api('GET', `/api/v1/activities/${TIRSDAG}`)).json;
  const body = { id: TIRSDAG, title: listing.title, location: { postcode: '7500' },
    schedule: [{ weekday: 'tue', start: '12:00', end: '13:00' }] };
  const statuses = await other.evaluate(async ([id, b]) => {
    const { token } = JSON.parse(sessionStorage.getItem('portal.session'));
    const put = (x) => fetch(`/api/v1/activities/${id}`, { method: 'PUT', body: JSON.stringify(x),
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } }).then((r) => r.status);
    return [await put({ ...b, association: 'holstebro-gaaklub' }), await put(b)];
  }, [TIRSDAG, body]);
  assert.deepEqual(statuses, [403, 403]);
  const after = (await api('GET', `/api/v1/activities/${TIRSDAG}`)).json;
  assert.equal(after.schedule[0].start, '10:30', 'the refused change wrote nothing');
  for (const key of ['title', 'description', 'interests', 'target_groups', 'transport', 'schedule_note', 'price_dkk', 'contact', 'welcome']) {
    assert.deepEqual(after[key], before[key], `${key} kept by the editor's save`);
  }
  assert.deepEqual({ ...after.location, lat: 0, lon: 0 }, { ...before.location, lat: 0, lon: 0 });
  assert.deepEqual(after.schedule, [{ ...before.schedule[0], start: '10:30' }]);
});

test('a two-digit postcode gets a Danish error next to the field, and a summary on save', async () => {
  const page = await newPage(browser);
  await loginOnPage(page, '/forening', USERS.gaa.username);
  await openEditorFor(page, TITLE);
  const postcode = page.getByLabel('Postnummer');
  await postcode.fill('12');
  await postcode.press('Tab');
  const message = page.locator('#f-postcode-fejl');
  await message.waitFor();
  assert.match(await message.textContent(), /Postnummeret skal være fire cifre/);
  assert.equal(await postcode.getAttribute('aria-invalid'), 'true');
  assert.match(await postcode.getAttribute('aria-describedby'), /\bf-postcode-fejl\b/);
  // The message sits next to the field: in the same DKFDS form group, marked as in error.
  const group = page.locator('.form-group', { has: page.locator('#f-postcode') });
  assert.equal(await group.locator('#f-postcode-fejl.form-error-message').count(), 1);
  assert.match(await group.getAttribute('class'), /\bform-error\b/);

  // A required field emptied and left.
  const title = page.getByLabel('Titel');
  await title.fill('');
  await title.press('Tab');
  await page.locator('#f-title-fejl', { hasText: 'Skriv en titel' }).waitFor();
  await title.fill(TITLE);
  await page.locator('#f-title-fejl').waitFor({ state: 'detached' });

  await page.getByRole('button', { name: 'Gem ændringerne' }).click();
  const summary = page.locator('#fejlliste');
  await summary.waitFor();
  assert.match(await summary.textContent(), /Der er 1 fejl.*Postnummer: Postnummeret skal være fire cifre/s);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'fejlliste');
  await expectNoAxeViolations(page, '/forening edit form with errors shown');
  await summary.getByRole('link').click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-postcode');

  // Fixed: the error goes away as the user types.
  await postcode.fill('7500');
  await message.waitFor({ state: 'detached' });
  assert.equal(await postcode.getAttribute('aria-invalid'), null);
  // Usable at 320 px: nothing sticks out sideways, on the form and on the list.
  await page.setViewportSize({ width: 320, height: 700 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), 'form fits 320 px');
  await page.getByRole('button', { name: 'Tilbage til listen' }).click();
  await page.getByRole('heading', { name: `Aktiviteter for ${USERS.gaa.name}` }).waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), 'list fits 320 px');
  noProblems(page);
});

test('an editor creates an activity with the form and deletes it after confirming', async () => {
  const page = await newPage(browser);
  await loginOnPage(page, '/forening', USERS.gaa.username);
  await page.getByRole('button', { name: 'Opret ny aktivitet' }).click();
  await page.getByRole('heading', { name: 'Opret ny aktivitet' }).waitFor();
  await page.getByLabel('Titel').fill('Kortspil i Kulturhuset');
  await page.getByLabel('Postnummer').fill('7500');
  await page.getByLabel('Ugedag').selectOption('wed');
  await page.getByLabel('Fra kl.').fill('14:00');
  await page.getByLabel('Sang og musik').check();
  await page.getByLabel('Det koster').check();
  await page.getByLabel('Beløb i kroner').fill('15');
  await page.locator('#visning .card', { hasText: 'Hver onsdag kl. 14.00' }).waitFor();
  await expectNoAxeViolations(page, '/forening new activity form with preview');
  assert.match(await page.locator('#visning .card').textContent(), /15 kr\./);
  await page.getByRole('button', { name: 'Opret aktiviteten' }).click();
  await page.locator('#status', { hasText: 'Aktiviteten er oprettet' }).waitFor();

  const id = 'holstebro-gaaklub-kortspil-i-kulturhuset';
  const created = await apiUntil(`/api/v1/activities/${id}`, 200);
  assert.equal(created.status, 200, created.text);
  assert.equal(created.json.association.id, USERS.gaa.association);
  assert.deepEqual(created.json.schedule, [{ weekday: 'wed', start: '14:00' }]);
  assert.equal(created.json.price_dkk, 15);

  // The list shows it (reload while the search-based list catches up, at most 3 s).
  const remove = page.getByRole('button', { name: 'Slet Kortspil i Kulturhuset' });
  for (const until = Date.now() + 3000; !(await remove.count()) && Date.now() < until;) {
    await page.reload();
    await page.getByRole('heading', { name: /Aktiviteter for/ }).waitFor();
  }
  await remove.click();
  const yes = page.getByRole('button', { name: 'Ja, slet aktiviteten' });
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Ja, slet aktiviteten');
  await expectNoAxeViolations(page, '/forening asking before deleting');
  await yes.click();
  await page.locator('#status', { hasText: 'er slettet' }).waitFor();
  assert.equal((await apiUntil(`/api/v1/activities/${id}`, 404)).status, 404);
  noProblems(page);
});

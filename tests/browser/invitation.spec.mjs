// /invitation#TOKEN: an invited editor chooses a username and password and lands on /forening
// logged in; a used link is refused; a bad link gets a Danish message.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_URL, USERS, api, expectNoAxeViolations, launch, newPage, noProblems, token } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('an unknown or cut-off invitation link gets a plain Danish message', async () => {
  const page = await newPage(browser);
  await page.goto(`${BASE_URL}/invitation#ukendt-invitation-0123456789`);
  await page.locator('#fejl', { hasText: 'Invitationen findes ikke, er brugt eller er udløbet' }).waitFor();
  assert.ok(await page.locator('#opret').isHidden());
  await expectNoAxeViolations(page, '/invitation with an unknown link');
  await page.goto(`${BASE_URL}/invitation`);
  await page.reload();
  await page.locator('#fejl', { hasText: 'Linket er ikke helt' }).waitFor();
  noProblems(page);
});

test('an invitation creates an editor who lands on /forening; the link works once', async (t) => {
  const invite = await api('POST', '/api/v1/invitations',
    { token: await token(USERS.coordinator.username), body: { association: USERS.struer.association } });
  assert.equal(invite.status, 201, invite.text);

  const page = await newPage(browser);
  await page.goto(BASE_URL + invite.json.url);
  await page.getByText(`Du er inviteret til at redigere aktiviteterne for ${USERS.struer.name}`).waitFor();
  await expectNoAxeViolations(page, '/invitation form');
  await page.getByLabel('Vælg et brugernavn').fill('ny-redaktoer');
  await page.getByLabel('Vælg en adgangskode').fill('lang-nok-kode-42');
  await page.getByLabel('Skriv adgangskoden igen').fill('en-anden-kode-42');
  await page.getByRole('button', { name: 'Opret konto og log ind' }).click();
  await page.locator('#fejl', { hasText: 'ikke ens' }).waitFor();
  await expectNoAxeViolations(page, '/invitation with an error');

  await page.getByLabel('Skriv adgangskoden igen').fill('lang-nok-kode-42');
  await page.getByRole('button', { name: 'Opret konto og log ind' }).click();
  await page.waitForURL(`${BASE_URL}/forening`);
  await page.getByRole('heading', { name: `Aktiviteter for ${USERS.struer.name}` }).waitFor();
  noProblems(page);

  const again = await newPage(browser);
  await again.goto(BASE_URL + invite.json.url);
  await again.locator('#fejl', { hasText: 'Invitationen findes ikke' }).waitFor();
});

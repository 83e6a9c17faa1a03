// /k and /k/CODE: the citizen's card page, rendered on the server. The code form (typed by
// hand in any case, with or without dash, keyboard only), an unknown or malformed code's Danish
// 404 message, a card made through the API (its activities and saved search), "Stor skrift til
// udskrift" and printing; axe and 320 px in every state.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_URL, USERS, api, expectNoAxeViolations, launch, newPage, noProblems, token } from './lib.mjs';

let browser;
let staffToken;
before(async () => {
  browser = await launch();
  staffToken = await token(USERS.staff.username);
});
after(async () => { await browser?.close(); });

const noSideways = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

async function makeCard() {
  const made = await api('POST', '/api/v1/cards', { token: staffToken, body: {
    activity_ids: ['holstebro-gaaklub-tirsdag'],
    search: { postcode: '7500', radius_km: '15', interest: 'walking' },
  } });
  assert.equal(made.status, 201, made.text);
  return made.json.code;
}

test('other paths under /k are not card pages', async () => {
  for (const path of ['/k/a/b', '/kx', '/kort.js']) {
    assert.equal((await fetch(BASE_URL + path)).status, 404, path);
  }
});

test('a code is typed by hand with the keyboard; a malformed or unknown code gets a plain Danish message', async () => {
  const code = await makeCard();
  const page = await newPage(browser, { viewport: { width: 320, height: 640 } });
  await page.goto(`${BASE_URL}/k`);
  await page.getByRole('heading', { level: 1, name: 'Find dit kort' }).waitFor();
  assert.ok(await noSideways(page));
  await expectNoAxeViolations(page, '/k (code form)');
  await page.getByLabel('Kode fra kortet').focus();
  await page.keyboard.type('abc');
  await page.keyboard.press('Enter');
  await page.getByRole('alert').filter({ hasText: 'ikke en gyldig kode' }).waitFor();
  assert.equal(await page.getByLabel('Kode fra kortet').getAttribute('aria-invalid'), 'true');
  assert.ok(await noSideways(page));
  await expectNoAxeViolations(page, '/k, malformed code');
  await page.getByLabel('Kode fra kortet').fill(' k7mx - p4rt ');
  await page.keyboard.press('Enter');
  await page.getByRole('alert').filter({ hasText: 'Vi kan ikke finde et kort med koden K7MX-P4RT' }).waitFor();
  assert.equal(await page.getByLabel('Kode fra kortet').inputValue(), 'K7MX-P4RT', 'to correct, not to type again');
  await expectNoAxeViolations(page, '/k, unknown code');
  // The real code, typed in lower case with a dash: the card's own address.
  await page.getByLabel('Kode fra kortet').fill(code.toLowerCase());
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: `Dit kort ${code}` }).waitFor();
  assert.equal(new URL(page.url()).pathname, `/k/${code.replace('-', '')}`);
  noProblems(page);
  await page.context().close();
});

test('/k/CODE shows the chosen activities and the search, in large print, and prints', async () => {
  const code = await makeCard();
  const plain = code.replace('-', '');
  const phone = await newPage(browser, { viewport: { width: 320, height: 640 } });
  await phone.goto(`${BASE_URL}/k/${plain.toLowerCase()}`);
  await phone.getByRole('heading', { level: 1, name: `Dit kort ${code}` }).waitFor();
  const chosen = await phone.locator('h2:has-text("Valgt til dig") + .kort-liste').textContent();
  assert.match(chosen, /Tirsdagsturen ved Storåen/);
  assert.match(chosen, /Hver tirsdag kl\. 10\.00–11\.30/);
  assert.match(chosen, /Kontakt: Inge Madsen, telefon 20 11 22 34/);
  assert.equal(await phone.getByRole('link', { name: 'telefon 20 11 22 34' }).getAttribute('href'), 'tel:+4520112234');
  const more = await phone.locator('h2:has-text("Andre forslag") ~ .kort-liste').textContent();
  assert.match(more, /Stavgang for begyndere/);
  assert.doesNotMatch(more, /Tirsdagsturen/, 'a chosen activity is not repeated under more');
  assert.ok(await noSideways(phone), 'no sideways scrolling at 320 px');
  await expectNoAxeViolations(phone, '/k/CODE at 320 px');
  noProblems(phone);
  await phone.context().close();

  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => { window.print = () => { window.__printed = true; }; });
  await page.goto(`${BASE_URL}/k/${plain}`);
  await page.getByRole('link', { name: 'Stor skrift til udskrift' }).click();
  await page.getByRole('link', { name: 'Almindelig skrift' }).waitFor();
  assert.match(await page.evaluate(() => document.body.className), /kort-stor-skrift/);
  await expectNoAxeViolations(page, '/k/CODE large print');
  await page.getByRole('button', { name: 'Udskriv' }).click();
  assert.equal(await page.evaluate(() => window.__printed), true);
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.getByRole('button', { name: 'Udskriv' }).isHidden(), 'buttons are not printed');
  assert.ok(await page.locator('header.header').isHidden());
  const printed = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.kort-aktivitet')).fontSize));
  assert.ok(printed >= 21, `large print is ${printed} px (17 pt ≈ 22.7 px)`);
  assert.ok(await page.locator('.print-only').isVisible(), 'the card address is printed');
  noProblems(page);
  await page.context().close();
});

// /besoeg: visit mode on a phone — postcode → pick → card → print views → tag, timed; the CPR
// check; keyboard use at 320 px; follow-ups and the screening form. Flows whose endpoint the
// server does not have yet print "SKIPPED: endpoint missing" (the staff API is built alongside).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_URL, PASSWORD, USERS, api, endpointMissing, expectNoAxeViolations, launch, loginOnPage, newPage, noProblems, skipMissing, token } from './lib.mjs';

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true };

let browser;
let staffToken;
let vocabulary;
before(async () => {
  browser = await launch();
  staffToken = await token(USERS.staff.username);
  vocabulary = (await api('GET', '/api/v1/vocabulary')).json;
});
after(async () => { await browser?.close(); });

// A phone-sized page where window.print() records which print view the body asked for.
async function visitPage(options = PHONE) {
  const page = await newPage(browser, options);
  await page.addInitScript(() => {
    window.__prints = [];
    window.print = () => { window.__prints.push(document.body.className); };
  });
  await loginOnPage(page, '/besoeg', USERS.staff.username);
  await page.locator('#status', { hasText: 'Klar til et nyt besøg' }).waitFor();
  return page;
}

async function findWalks(page) {
  await page.getByLabel('Borgerens postnummer').fill('7500');
  const walking = page.getByRole('button', { name: vocabulary.interests.walking.da, exact: true });
  await walking.click();
  assert.equal(await walking.getAttribute('aria-pressed'), 'true');
  await page.getByLabel('Kan tage bussen').check();
  await page.getByRole('button', { name: 'Find aktiviteter' }).click();
  await page.locator('#trin2').waitFor();
}

// "Udskriv kort" and "Udskriv stor A4" each call print() with their class on <body>; under
// print media only that view shows: the card 85 × 55 mm with code, QR, short URL and title; the
// A4 sheet with when, where, how to get there and the contact.
async function checkPrintViews(page, code) {
  // The business card: only it is printed, 85 × 55 mm, with the code, QR, short URL and title.
  await page.getByRole('button', { name: 'Udskriv kort' }).click();
  assert.equal((await page.evaluate(() => window.__prints)).at(-1), 'staff visit print-kort');
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.locator('#print-kort').isVisible());
  assert.ok(await page.locator('#indhold').isHidden());
  const cardText = await page.locator('#print-kort').textContent();
  assert.ok(cardText.includes(code) && cardText.includes('Tirsdagsturen ved Storåen') && cardText.includes(`/k/${code.replace('-', '')}`), cardText);
  const box = await page.locator('#print-kort .pk').boundingBox();
  assert.ok(Math.abs(box.width - (85 / 25.4) * 96) < 2 && Math.abs(box.height - (55 / 25.4) * 96) < 2, JSON.stringify(box));
  await page.emulateMedia({ media: 'screen' });

  // The large-print A4 sheet: when, where, how to get there, contact.
  await page.getByRole('button', { name: 'Udskriv stor A4' }).click();
  assert.equal((await page.evaluate(() => window.__prints)).at(-1), 'staff visit print-a4');
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.locator('#print-a4').isVisible());
  assert.ok(await page.locator('#print-kort').isHidden());
  await page.locator('#print-a4', { hasText: 'Kontakt:' }).waitFor();  // fetched after the card is made
  const sheet = await page.locator('#print-a4').textContent();
  for (const part of ['Tirsdagsturen ved Storåen', 'Hvornår', 'Hver tirsdag', 'Kulturhuset', 'Sådan kommer man dertil', 'Kontakt: Inge Madsen']) {
    assert.ok(sheet.includes(part), `A4 sheet lacks "${part}": ${sheet}`);
  }
  await page.emulateMedia({ media: 'screen' });
}

test('visit mode end to end on a phone: postcode → card → print views → tag in under a minute', async (t) => {
  const page = await visitPage();
  // axe runs between the steps; its time is not the staff member's and is left out below.
  let axeMs = 0;
  const axe = async (label) => { const t0 = Date.now(); await expectNoAxeViolations(page, label); axeMs += Date.now() - t0; };
  await axe('/besoeg step 1');
  const started = Date.now();
  await findWalks(page);
  const pick = page.locator('#forslag li', { hasText: 'Tirsdagsturen ved Storåen' });
  assert.match(await pick.textContent(), /Sådan kommer man dertil:.*Bus eller tog/);
  assert.match(await pick.textContent(), /Der er en fast person, der tager imod nye/);
  await pick.getByRole('checkbox').check();
  await page.locator('#valgt', { hasText: 'Valgt: 1 af højst 12' }).waitFor();
  await axe('/besoeg step 2');

  await page.getByRole('button', { name: 'Lav kort' }).click();
  if (await endpointMissing('POST', '/api/v1/cards', staffToken)) {
    await page.locator('#fejl', { hasText: 'Kort kan ikke laves på serveren endnu' }).waitFor();
    noProblems(page);
    skipMissing(t, 'POST /api/v1/cards');
    return;
  }
  await page.locator('#trin3').waitFor();
  const code = (await page.locator('#kode').textContent()).trim();
  assert.match(code, /^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{4}-[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{4}$/);
  await page.waitForFunction(() => document.getElementById('qr').complete && document.getElementById('qr').naturalWidth > 0);
  assert.match(await page.locator('#kort-adresse').textContent(), new RegExp(`/k/${code.replace('-', '')}$`));

  await checkPrintViews(page, code);
  await axe('/besoeg step 3');
  const printed = Date.now() - axeMs;

  // The tag, with a follow-up and a referral with a følgeven.
  await page.getByRole('button', { name: 'Videre til registrering' }).click();
  await page.getByLabel('Vi talte om ensomhed').check();
  await page.getByLabel('Opfølgning aftalt').check();
  await page.getByLabel('Din egen reference til borgeren').fill('tirs-blå-7');
  await page.getByLabel('Henvist til frivilligcenteret').check();
  await page.getByLabel('Ønsker en følgeven første gang').check();
  await axe('/besoeg step 4');
  await page.getByRole('button', { name: 'Gem registrering' }).click();
  await page.locator('#faerdig:not([hidden]), #fejl:not([hidden])').first().waitFor();
  if (await page.locator('#fejl').isVisible()) {
    const text = await page.locator('#fejl').textContent();
    assert.match(text, /kan ikke gemmes på serveren endnu/, text);
    noProblems(page);
    skipMissing(t, `tag, follow-up or referral: ${text}`);
    return;
  }
  const elapsed = Date.now() - axeMs - started;
  console.log(`visit mode: postcode → printed card ${((printed - started) / 1000).toFixed(1)} s, → tag saved ${(elapsed / 1000).toFixed(1)} s`);
  assert.ok(elapsed < 60000, `took ${elapsed} ms`);
  assert.match(await page.locator('#faerdig-tekst').textContent(), /opfølgningen står på din liste.*henvisningen er sendt/);
  await page.locator('#opfoelgning-liste', { hasText: 'tirs-blå-7' }).waitFor();
  await expectNoAxeViolations(page, '/besoeg visit saved, follow-up listed');

  const referrals = await api('GET', '/api/v1/referrals?status=new', { token: staffToken });
  assert.equal(referrals.status, 200, referrals.text);
  const mine = referrals.json.referrals.at(-1);
  assert.equal(mine.postcode, '7500');
  assert.deepEqual(mine.interests, ['walking']);
  assert.deepEqual(mine.transport, ['public_transport']);
  assert.equal(mine.companion, true);
  noProblems(page);
});

test('a CPR number in the follow-up reference is refused before anything is sent', async () => {
  const page = await visitPage();
  const writes = [];
  page.on('request', (r) => { if (r.method() !== 'GET') writes.push(r.url()); });
  await findWalks(page);
  await page.getByRole('button', { name: 'Registrér uden kort' }).click();
  assert.ok(await page.getByLabel('Kortet er givet til borgeren').isDisabled());
  await page.getByLabel('Opfølgning aftalt').check();
  await page.getByLabel('Din egen reference til borgeren').fill('010150-1234');
  await page.getByRole('button', { name: 'Gem registrering' }).click();
  await page.locator('#reference-fejl', { hasText: 'CPR' }).waitFor();
  assert.equal(await page.getByLabel('Din egen reference til borgeren').getAttribute('aria-invalid'), 'true');
  await page.getByLabel('Henvist til frivilligcenteret').check();
  await page.getByLabel('Din egen reference til borgeren').fill('ok-ref');
  await page.getByLabel('Besked til frivilligcenteret (valgfri)').fill('ring på 0101501234 først');
  await page.getByRole('button', { name: 'Gem registrering' }).click();
  await page.locator('#note-fejl', { hasText: 'CPR' }).waitFor();
  await expectNoAxeViolations(page, '/besoeg step 4 with errors shown');
  assert.deepEqual(writes, [], 'nothing was sent');
  noProblems(page);
});

test('the visit page works with the keyboard alone at 320 px, with 18 px text and 44 px targets', async () => {
  const page = await newPage(browser, { viewport: { width: 320, height: 640 } });
  await page.goto(`${BASE_URL}/besoeg`);
  await page.locator('#brugernavn:focus').waitFor();
  await expectNoAxeViolations(page, '/besoeg login form');
  await page.keyboard.type(USERS.staff.username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.locator('#postnummer:focus').waitFor();
  await page.keyboard.type('7500');
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.activeElement.classList.contains('toggle')), 'the interests follow the postcode');
  for (let i = 0; i < 30 && await page.evaluate(() => document.activeElement.getAttribute('data-code')) !== 'walking'; i++) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Space');
  assert.equal(await page.locator('[data-code="walking"]').getAttribute('aria-pressed'), 'true');
  await page.locator('#trin1-form button[type="submit"]').focus();
  await page.keyboard.press('Enter');
  await page.locator('#trin2-titel:focus').waitFor();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.locator('#valgt', { hasText: 'Valgt: 1' }).waitFor();

  const layout = await page.evaluate(() => {
    const small = [];
    for (const b of document.querySelectorAll('button, input[type="text"], label.check, select')) {
      const r = b.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && r.height < 44) small.push(`${b.id || b.textContent.trim()}: ${r.height}`);
    }
    return { width: document.documentElement.scrollWidth, font: parseFloat(getComputedStyle(document.body).fontSize), small };
  });
  assert.ok(layout.width <= 320, `page is ${layout.width} px wide at 320 px`);
  assert.ok(layout.font >= 18, `body text is ${layout.font} px`);
  assert.deepEqual(layout.small, [], 'targets under 44 px');
  noProblems(page);
});

test('follow-ups: the list loads and an outcome is recorded; the screening form saves', async (t) => {
  const page = await visitPage();
  const followUpsMissing = await endpointMissing('GET', '/api/v1/follow-ups?status=open', staffToken);
  const screeningsMissing = await endpointMissing('POST', '/api/v1/screenings', staffToken);

  // Screening: lonely must be answered; excluded asks for a reason instead.
  await page.getByRole('link', { name: 'Opsporingsskema' }).click();
  await page.getByRole('button', { name: 'Gem skemaet' }).click();
  await page.locator('#fejl', { hasText: 'ensom (ja eller nej)' }).waitFor();
  await expectNoAxeViolations(page, '/besoeg screening form with an error');
  await page.getByLabel('Nej, borgeren blev udelukket').check();
  assert.ok(await page.locator('#ensom-felt').isHidden());
  await page.getByLabel('Hvorfor blev borgeren udelukket?').selectOption('dementia');
  await page.getByRole('button', { name: 'Gem skemaet' }).click();
  if (screeningsMissing) {
    await page.locator('#fejl', { hasText: 'Skemaet kan ikke gemmes på serveren endnu' }).waitFor();
  } else {
    await page.locator('#status', { hasText: 'Opsporingsskemaet er gemt' }).waitFor();
  }

  if (followUpsMissing) {
    await page.locator('#opfoelgning-liste', { hasText: 'kan ikke hentes fra serveren endnu' }).waitFor();
    noProblems(page);
    skipMissing(t, `${screeningsMissing ? 'POST /api/v1/screenings, ' : ''}GET /api/v1/follow-ups`);
    return;
  }
  const due = new Date(Date.now() + 7 * 86400000).toISOString().slice(0, 10);
  const made = await api('POST', '/api/v1/follow-ups', { token: staffToken, body: { reference: 'ons-grøn-3', due } });
  assert.equal(made.status, 201, made.text);
  await page.getByRole('button', { name: 'Færdige' }).click();
  await page.getByRole('button', { name: 'Åbne' }).click();
  const item = page.locator('#opfoelgning-liste li', { hasText: 'ons-grøn-3' });
  await item.getByLabel('Noget stod i vejen').check();
  await item.getByLabel('Hvad stod i vejen?').selectOption('transport');
  await expectNoAxeViolations(page, '/besoeg follow-ups with an outcome form');
  await item.getByRole('button', { name: 'Gem udfald' }).click();
  await page.locator('#status', { hasText: 'Udfaldet for ons-grøn-3 er gemt' }).waitFor();
  const done = await api('GET', '/api/v1/follow-ups?status=done', { token: staffToken });
  const saved = done.json.follow_ups.find((f) => f.reference === 'ons-grøn-3');
  assert.equal(saved.outcome, 'barrier');
  assert.equal(saved.barrier, 'transport');
  if (screeningsMissing) skipMissing(t, 'POST /api/v1/screenings');
  noProblems(page);
});

test('an association editor is refused on the visit page', async () => {
  const page = await newPage(browser);
  await loginOnPage(page, '/besoeg', USERS.gaa.username);
  await page.locator('#login-fejl', { hasText: 'for kommunens medarbejdere' }).waitFor();
  assert.ok(await page.locator('#arbejde').isHidden());
  await expectNoAxeViolations(page, '/besoeg refusing an editor');
});

// Runs today, before the staff API is merged: page.route() stands in for the staff endpoints
// (only them; login, vocabulary and search are the real server) and records what the page
// sends, checked against docs/api-staff.md. Also the retry after a refused follow-up.
test('visit mode sends the bodies docs/api-staff.md asks for (staff endpoints stood in by page.route)', async () => {
  const page = await newPage(browser, PHONE);
  await page.addInitScript(() => {
    window.__prints = [];
    window.print = () => { window.__prints.push(document.body.className); };
  });
  const sent = [];
  let followUpTries = 0;
  const json = (route, status, body) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
  await page.route(/\/api\/v1\/(cards|tags|follow-ups|referrals)(\/|\?|$)/, async (route) => {
    const req = route.request();
    const path = new URL(req.url()).pathname;
    if (req.method() === 'GET' && path.endsWith('/qr.svg')) {
      return route.fulfill({ status: 200, contentType: 'image/svg+xml',
        body: '<svg xmlns="http://www.w3.org/2000/svg" width="21" height="21"><rect width="7" height="7"/></svg>' });
    }
    if (req.method() === 'GET') return json(route, 200, { follow_ups: [] });
    sent.push({ path, body: req.postDataJSON(), auth: req.headers().authorization });
    if (path === '/api/v1/cards') return json(route, 201, { code: 'K7MX-P4RT', url: '/k/K7MXP4RT', qr_svg: '/api/v1/cards/K7MXP4RT/qr.svg' });
    if (path === '/api/v1/tags') return json(route, 201, { id: 12 });
    if (path === '/api/v1/follow-ups' && ++followUpTries === 1) {
      return json(route, 400, { error: { code: 'invalid_parameter', field: 'reference', message: 'Referencen må ikke ligne et CPR-nummer.' } });
    }
    return json(route, 201, { id: 7 });
  });
  await loginOnPage(page, '/besoeg', USERS.staff.username);
  await page.locator('#status', { hasText: 'Klar til et nyt besøg' }).waitFor();
  await findWalks(page);
  await page.locator('#forslag li', { hasText: 'Tirsdagsturen ved Storåen' }).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Lav kort' }).click();
  await page.locator('#kode', { hasText: 'K7MX-P4RT' }).waitFor();
  await page.waitForFunction(() => document.getElementById('qr').naturalWidth > 0);
  await checkPrintViews(page, 'K7MX-P4RT');
  await page.getByRole('button', { name: 'Videre til registrering' }).click();
  await page.getByLabel('Opfølgning aftalt').check();
  await page.getByLabel('Din egen reference til borgeren').fill('tirs-blå-7');
  await page.getByLabel('Henvist til frivilligcenteret').check();
  await page.getByLabel('Ønsker en følgeven første gang').check();
  await page.getByRole('button', { name: 'Gem registrering' }).click();
  await page.locator('#reference-fejl', { hasText: 'Referencen må ikke ligne et CPR-nummer' }).waitFor();
  await page.getByRole('button', { name: 'Gem registrering' }).click();
  await page.locator('#faerdig-titel:focus').waitFor();

  const day = await page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; });
  assert.deepEqual(sent.map((s) => s.path), ['/api/v1/cards', '/api/v1/tags', '/api/v1/follow-ups', '/api/v1/follow-ups', '/api/v1/referrals'],
    'the tag is sent once although saving was pressed twice');
  assert.ok(sent.every((s) => /^Bearer .+/.test(s.auth)));
  assert.deepEqual(sent[0].body, { activity_ids: ['holstebro-gaaklub-tirsdag'],
    search: { postcode: '7500', radius_km: '15', transport: 'public_transport', interest: 'walking' } });
  assert.deepEqual(sent[1].body, { tag: 'faellesskab', date: day, card_code: 'K7MX-P4RT', card_given: true, conversation: false,
    follow_up: true, referral: true, interests: ['walking'], postcode: '7500' });
  assert.equal(sent[3].body.reference, 'tirs-blå-7');
  assert.equal(sent[3].body.tag_id, 12);
  assert.match(sent[3].body.due, /^\d{4}-\d{2}-\d{2}$/);
  const days = (Date.parse(sent[3].body.due) - Date.parse(day)) / 86400000;
  assert.ok(days >= 0 && days <= 42, `due in ${days} days`);
  assert.deepEqual(sent[4].body, { date: day, postcode: '7500', interests: ['walking'], transport: ['public_transport'], companion: true });
  // The stand-in's deliberate 400 is logged by the browser; nothing else may be.
  assert.equal(page.problems.filter((p) => /status of 400/.test(p)).length, 1);
  page.problems = page.problems.filter((p) => !/status of 400/.test(p));
  noProblems(page);
});

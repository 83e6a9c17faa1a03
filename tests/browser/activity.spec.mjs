// The activity page /aktivitet/{id} (rendered on the server): everything about one activity,
// tap to call, the calendar file (.ics) as a real download, printing, the larger-text switch,
// keyboard-only use, /om, the 404 page; axe with zero violations and no sideways scrolling at
// 320 px on every page and state.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { BASE_URL, api, expectNoAxeViolations, launch, newPage, noProblems } from './lib.mjs';

const ID = 'holstebro-gaaklub-tirsdag';
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const noSideways = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
// Nothing in the page's content reaches past the right edge (the header is the layout's).
const contentFits = (page) => page.evaluate(() =>
  [...document.querySelectorAll('main *')].every((e) => e.getBoundingClientRect().right <= window.innerWidth + 0.5));

test('a search result leads to its activity page, with next dates, contact and a way back', async () => {
  const search = await api('GET', '/api/v1/search?q=tirsdagsturen');
  assert.equal(search.status, 200);
  const hit = search.json.results.find((r) => r.id === ID);
  assert.ok(hit, 'the search finds the activity');
  const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
  // Arriving from the search page: the back link returns to that same search.
  await page.goto(`${BASE_URL}/aktivitet/${hit.id}`, { referer: `${BASE_URL}/?q=tirsdagsturen` });
  await page.getByRole('heading', { level: 1, name: 'Tirsdagsturen ved Storåen' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Tilbage til søgningen' }).getAttribute('href'), '/?q=tirsdagsturen');
  const dates = await page.locator('.aktivitet-datoer li').allTextContents();
  assert.equal(dates.length, 5);
  for (const d of dates) assert.match(d, /^tirsdag \d{1,2}\. [a-zæøå]+ kl\. 10\.00–11\.30$/);
  const call = page.getByRole('link', { name: 'Ring til 20 11 22 34' });
  assert.equal(await call.getAttribute('href'), 'tel:+4520112234');
  const box = await call.boundingBox();
  assert.ok(box.height >= 44 && box.width >= 44, `tap target ${box.width}×${box.height}`);
  const way = page.getByRole('link', { name: 'Vis vej på OpenStreetMap' });
  assert.match(await way.getAttribute('href'), /^https:\/\/www\.openstreetmap\.org\/directions\?route=%3B56\.36120%2C8\.61700$/);
  assert.match(await page.locator('main').textContent(), /Sidst bekræftet af foreningen \d{1,2}\. [a-zæøå]+ \d{4}/);
  await expectNoAxeViolations(page, 'activity page (phone)');
  noProblems(page);
  await page.context().close();
});

test('"Føj til kalender" downloads the recurring event as an .ics file', async () => {
  const page = await newPage(browser, { acceptDownloads: true });
  await page.goto(`${BASE_URL}/aktivitet/${ID}`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Føj til kalender' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `aktivitet-${ID}.ics`);
  const text = await readFile(await download.path(), 'utf8');
  assert.match(text, /^BEGIN:VCALENDAR\r\n/);
  assert.match(text, /BEGIN:VTIMEZONE\r\nTZID:Europe\/Copenhagen/);
  assert.match(text, /DTSTART;TZID=Europe\/Copenhagen:\d{8}T100000\r\n/);
  assert.match(text, /DTEND;TZID=Europe\/Copenhagen:\d{8}T113000\r\n/);
  assert.match(text, /RRULE:FREQ=WEEKLY;BYDAY=TU\r\n/);
  assert.match(text, /SUMMARY:Tirsdagsturen ved Storåen\r\n/);
  noProblems(page);
  await page.context().close();
});

test('an activity by arrangement has no calendar link; the calendar address says why', async () => {
  const page = await newPage(browser);
  await page.goto(`${BASE_URL}/aktivitet/roede-kors-vejle-besoegsven`);
  await page.getByText('Efter aftale.').waitFor();
  assert.equal(await page.getByRole('link', { name: 'Føj til kalender' }).count(), 0);
  const res = await fetch(`${BASE_URL}/aktivitet/roede-kors-vejle-besoegsven/kalender.ics`);
  assert.equal(res.status, 404);
  assert.match(await res.text(), /Ingen faste datoer/);
  await expectNoAxeViolations(page, 'activity by arrangement');
  noProblems(page);
  await page.context().close();
});

test('"Udskriv" calls print(); the print layout shows only the content, the address and the contact', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => { window.print = () => { window.__printed = true; }; });
  await page.goto(`${BASE_URL}/aktivitet/${ID}`);
  await page.getByRole('button', { name: 'Udskriv' }).click();
  assert.equal(await page.evaluate(() => window.__printed), true);
  assert.ok(await page.locator('.print-only').isHidden(), 'the address line is for paper only');
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['header.header', 'footer.footer', '.back-link', '#udskriv', '.aktivitet-handlinger']) {
    assert.ok(await page.locator(hidden).first().isHidden(), `${hidden} is not printed`);
  }
  assert.ok(await page.locator('h1').isVisible());
  assert.ok(await page.getByText('Ring til 20 11 22 34').isVisible(), 'the phone number is printed');
  assert.match(await page.locator('.print-only').textContent(), /Siden findes på http:\/\/.+\/aktivitet\/holstebro-gaaklub-tirsdag/);
  assert.ok(await page.locator('.print-only').isVisible());
  noProblems(page);
  await page.context().close();
});

test('the larger-text switch sets the cookie and the page returns larger, and back', async () => {
  const page = await newPage(browser, { viewport: { width: 320, height: 640 } });
  await page.goto(`${BASE_URL}/aktivitet/${ID}`);
  const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const normal = await size();
  await page.getByRole('button', { name: 'Større tekst' }).click();
  await page.getByRole('button', { name: 'Normal tekst' }).waitFor();
  assert.equal(new URL(page.url()).pathname, `/aktivitet/${ID}`);
  assert.equal(await page.evaluate(() => document.documentElement.className), 'tekst-stor');
  assert.ok(await size() > normal, `${await size()} > ${normal}`);
  const cookies = await page.context().cookies();
  assert.ok(cookies.some((c) => c.name === 'tekst' && c.value === 'stor' && c.sameSite === 'Lax'));
  // The content fits at 320 px in larger text. (The header's name is the layout's, W1: not
  // checked here; noSideways() covers it at the normal size below.)
  assert.ok(await contentFits(page), 'the content fits at 320 px in larger text');
  await expectNoAxeViolations(page, 'activity page, larger text, 320 px');
  await page.getByRole('button', { name: 'Normal tekst' }).click();
  await page.getByRole('button', { name: 'Større tekst' }).waitFor();
  assert.equal(await size(), normal);
  noProblems(page);
  await page.context().close();
});

test('keyboard only: skip link, then every link and button in order with a visible focus', async () => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
  await page.goto(`${BASE_URL}/aktivitet/${ID}`);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Gå til sidens indhold');
  await page.keyboard.press('Enter');
  const reached = [];
  for (let i = 0; i < 20 && !reached.includes('Ring til 20 11 22 34'); ++i) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const e = document.activeElement;
      const s = getComputedStyle(e);
      return { text: e.textContent.trim(), outline: s.outlineStyle !== 'none' || s.boxShadow !== 'none', inMain: !!e.closest('main') };
    });
    assert.ok(focus.outline, `focus is visible on "${focus.text}"`);
    reached.push(focus.text);
  }
  assert.equal(reached[0], 'Tilbage til søgningen', 'after the skip link, focus starts in the content');
  assert.ok(reached.includes('Ring til 20 11 22 34'), reached.join(' | '));
  // Enter on "Udskriv" prints.
  await page.evaluate(() => { window.print = () => { window.__printed = true; }; });
  await page.getByRole('button', { name: 'Udskriv' }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => window.__printed), true);
  noProblems(page);
  await page.context().close();
});

test('unknown activity: a Danish 404 page with a way to the search; /om names its sources', async () => {
  const page = await newPage(browser, { viewport: { width: 320, height: 640 } });
  const res = await page.goto(`${BASE_URL}/aktivitet/findes-ikke`);
  assert.equal(res.status(), 404);
  await page.getByRole('heading', { level: 1, name: 'Aktiviteten findes ikke' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Gå til søgningen' }).getAttribute('href'), '/');
  assert.ok(await noSideways(page));
  await expectNoAxeViolations(page, '404 page');
  await page.goto(`${BASE_URL}/om`);
  await page.getByRole('heading', { level: 1, name: 'Om Fællesskabsportalen' }).waitFor();
  assert.match(await page.locator('main').textContent(), /GeoNames[\s\S]*CC BY 4\.0[\s\S]*OpenStreetMap/);
  assert.ok(await noSideways(page));
  await expectNoAxeViolations(page, '/om');
  noProblems(page);
  await page.context().close();
});

test('320 px: the activity page never scrolls sideways', async () => {
  const page = await newPage(browser, { viewport: { width: 320, height: 640 } });
  for (const id of [ID, 'holstebro-gaaklub-stavgang', 'roede-kors-vejle-besoegsven']) {
    await page.goto(`${BASE_URL}/aktivitet/${id}`);
    assert.ok(await noSideways(page), id);
  }
  await expectNoAxeViolations(page, 'activity page at 320 px');
  noProblems(page);
  await page.context().close();
});

test('page weight of a first load (HTML, CSS, JS, fonts; no images) is printed', async () => {
  for (const path of [`/aktivitet/${ID}`, '/om']) {
    const page = await newPage(browser, { viewport: { width: 390, height: 844 } });
    await page.goto(BASE_URL + path, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    const bytes = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const parts = { html: nav.transferSize, css: 0, js: 0, fonts: 0 };
      for (const r of performance.getEntriesByType('resource')) {
        if (/\.css/.test(r.name)) parts.css += r.transferSize;
        else if (/\.js/.test(r.name)) parts.js += r.transferSize;
        else if (/\.woff2/.test(r.name)) parts.fonts += r.transferSize;
      }
      return parts;
    });
    const total = bytes.html + bytes.css + bytes.js + bytes.fonts;
    console.log(`page weight ${path}: ${total} bytes (html ${bytes.html}, css ${bytes.css}, js ${bytes.js}, fonts ${bytes.fonts})`);
    assert.ok(total > 0);
    await page.context().close();
  }
});

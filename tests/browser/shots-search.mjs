// Screenshots of the citizen search page (GET /): empty, with results (and the map open), and
// nothing found, at phone (390×844) and desktop (1280×900) width. Called by screenshots.mjs
// with a launched browser and the output folder; the tiles of the test server cannot load,
// so the map shows its markers on the plain background and the note about it.
import path from 'node:path';
import { BASE_URL, newPage } from './lib.mjs';

const SIZES = { telefon: { width: 390, height: 844 }, skaerm: { width: 1280, height: 900 } };

export async function shots(browser, dir) {
  for (const [name, viewport] of Object.entries(SIZES)) {
    const page = await newPage(browser, { viewport });
    const shot = (file) => page.screenshot({ path: path.join(dir, `soeg-${file}-${name}.png`), fullPage: true });
    await page.goto(BASE_URL + '/');
    await shot('tom');
    await page.goto(BASE_URL + '/?q=' + encodeURIComponent('gåtur') + '&postcode=7500&radius_km=25');
    await shot('resultater');
    await page.getByRole('button', { name: 'Vis på kort' }).click();
    await page.locator('.leaflet-marker-icon').first().waitFor();
    await page.waitForTimeout(500);
    await shot('kort');
    await page.goto(BASE_URL + '/?q=' + encodeURIComponent('træsløjd') + '&postcode=7830&radius_km=5&free=true');
    await shot('ingen');
    await page.context().close();
  }
}

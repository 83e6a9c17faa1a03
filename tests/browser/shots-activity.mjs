// Screenshots of the activity page and the card page (in large print too) at phone (390×844)
// and desktop (1280×900) width, called by screenshots.mjs (the DISABLED screenshot test).
import { BASE_URL, USERS, api, newPage, token } from './lib.mjs';

const SIZES = [['telefon', { width: 390, height: 844 }], ['skaerm', { width: 1280, height: 900 }]];

export async function shots(browser, dir) {
  const made = await api('POST', '/api/v1/cards', { token: await token(USERS.staff.username), body: {
    activity_ids: ['holstebro-gaaklub-tirsdag'], search: { postcode: '7500', radius_km: '15', interest: 'walking' } } });
  const code = made.status === 201 ? made.json.code.replace('-', '') : 'K7MXP4RT';
  const pages = [
    ['aktivitet', '/aktivitet/holstebro-gaaklub-tirsdag'],
    ['kort', `/k/${code}`],
    ['kort-stor-skrift', `/k/${code}?udskrift=stor`],
  ];
  for (const [label, viewport] of SIZES) {
    const page = await newPage(browser, { viewport });
    for (const [name, path] of pages) {
      await page.goto(BASE_URL + path);
      await page.locator('h1').waitFor();
      await page.screenshot({ path: `${dir}/${name}-${label}.png`, fullPage: true });
    }
    await page.context().close();
  }
}

// Shared by the browser specs: starting Debian's Chromium through playwright-core (never a
// downloaded browser), the server's address and test accounts from the environment that
// browser_test.cpp sets, and small helpers for logging in.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export const BASE_URL = process.env.BASE_URL;
export const PASSWORD = process.env.PORTAL_TEST_PASSWORD;
assert.ok(BASE_URL, 'BASE_URL is not set (run through ctest -L browser)');
assert.ok(PASSWORD, 'PORTAL_TEST_PASSWORD is not set');

// Accounts created by browser_test.cpp with `portal-indexer user add`.
export const USERS = {
  gaa: { username: 'gaa', association: 'holstebro-gaaklub', name: 'Holstebro Gåklub' },
  struer: { username: 'struer', association: 'struer-motion', name: 'Struer Motionsforening' },
  coordinator: { username: 'koordinator' },
  staff: { username: 'besoeg' },
};

// True when the server does not have an endpoint: it answers 404 or 405 without naming a field
// (an implemented endpoint answers a bad body with 400 or a field). The staff API is merged, so
// a missing endpoint is a failure (skipMissing), never a skip.
export async function endpointMissing(method, path, tokenValue) {
  const r = await api(method, path, { token: tokenValue, body: method === 'GET' ? undefined : {} });
  return (r.status === 404 || r.status === 405) && !r.json?.error?.field;
}

export function skipMissing(t, what) {
  throw new Error(`endpoint missing: ${what}`);
}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// A headless Chromium. Playwright starts it with a fresh temporary user-data-dir and removes
// it on close, so no profile survives between runs.
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    timeout: 60000,
  });
}

// A new page in a new context (its own cookies and sessionStorage), failing the test on any
// page error or Content-Security-Policy violation reported on the console.
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ locale: 'da-DK', ...options });
  const page = await context.newPage();
  page.problems = [];
  // The editor's live check answers 400 with the fields while the form is being filled in
  // (docs/api-editing.md): an answer the page shows, not a problem. Counted to excuse as many
  // "status of 400" console lines in noProblems().
  page.validate400 = 0;
  page.on('response', (r) => {
    if (r.status() === 400 && new URL(r.url()).pathname === '/api/v1/activities/validate') page.validate400 += 1;
  });
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // 401/403/404/429 are answers the pages handle; 405 is how this server answers POST
    // /api/v1/activities/validate until the editing API is merged (the page then checks alone).
    if (m.type() === 'error' && !/status of (40[1345]|429)/.test(m.text())) page.problems.push(`console: ${m.text()}`);
  });
  return page;
}

export function noProblems(page) {
  let excused = page.validate400 || 0;
  const problems = page.problems.filter((p) => !(/status of 400/.test(p) && excused-- > 0));
  assert.deepEqual(problems, [], 'the page reported errors');
}

export async function api(method, path, { token, body } = {}) {
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(BASE_URL + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, json, text };
}

// GET `path` until its status is `status` (the index follows a write within a second);
// gives up after 3 s and returns the last answer.
export async function apiUntil(path, status) {
  const until = Date.now() + 3000;
  let r = await api('GET', path);
  while (r.status !== status && Date.now() < until) {
    await new Promise((done) => setTimeout(done, 50));
    r = await api('GET', path);
  }
  return r;
}

export async function token(username) {
  const r = await api('POST', '/api/v1/auth/login', { body: { username, password: PASSWORD } });
  assert.equal(r.status, 200, r.text);
  return r.json.token;
}

// Logs in through a page's login form (/forening or /koordinator) with the mouse-free path.
export async function loginOnPage(page, path, username) {
  await page.goto(BASE_URL + path);
  await page.getByLabel('Brugernavn').fill(username);
  await page.getByLabel('Adgangskode').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
}


// Runs axe-core (WCAG 2.0/2.1 A and AA rules and best practices) on the page as it is now and
// fails with a readable list when anything is reported. Every page of the portal must pass.
export async function expectNoAxeViolations(page, label = page.url()) {
  const { AxeBuilder } = await import('@axe-core/playwright');
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const lines = result.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n    ')}`);
  assert.equal(result.violations.length, 0, `axe on ${label}:\n  ${lines.join('\n  ')}`);
}

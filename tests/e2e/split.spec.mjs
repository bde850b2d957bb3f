// The WASM split (issue #23): the desk, the session link and the photos are
// downloaded when first opened, as chunks (src/ui/split.rs,
// scripts/wasm-build.mjs), and so are the Privacy page's backup and photo
// actions, when first used (src/ui/pages/privacy/tools.rs). A client's
// first load carries none of them, and a chunk that cannot be fetched gives
// a clear message with "Try again" (or the action again), never a dead app.
import { readdir } from 'node:fs/promises';
import { test as base } from '@playwright/test';
import { test, expect, openApp, recordProblems, expectNoProblems } from './fixtures.mjs';
import { expectNoViolations } from './axe.mjs';

/** The WASM chunks of this build: every .wasm file index.html does not preload. */
const CHUNK = /\/(?:split|chunk)_\w+-[0-9a-f]{16}\.wasm$/;
const chunkFiles = (await readdir('dist')).filter((f) => CHUNK.test(`/${f}`));

test('the build has chunks for the desk, the session link, the photos and the Privacy page\'s actions', () => {
  for (const name of ['split_desk', 'split_session_link', 'split_photos', 'split_privacy']) {
    expect(chunkFiles.some((f) => f.startsWith(`${name}-`)), name).toBe(true);
  }
});

for (const hash of ['#/', '#/faq', '#/check', '#/aftercare', '#/privacy']) {
  test(`the first load of ${hash} fetches no chunk`, async ({ page }) => {
    const chunks = [];
    page.on('request', (request) => CHUNK.test(new URL(request.url()).pathname) && chunks.push(request.url()));
    await openApp(page, hash);
    await expect(page.locator('#mc-main h1')).toBeVisible();
    // Until the page's own content has arrived, and the app is idle.
    await page.waitForLoadState('networkidle');
    expect(chunks).toEqual([]);
  });
}

test('opening the desk fetches its chunk, and the page works', async ({ page }) => {
  const chunks = [];
  page.on('request', (request) => CHUNK.test(new URL(request.url()).pathname) && chunks.push(request.url()));
  await openApp(page, '#/faq');
  await page.evaluate(() => (location.hash = '#/desk'));
  await expect(page.getByLabel('Treated area')).toBeVisible();
  expect(chunks.some((url) => /\/split_desk-/.test(url))).toBe(true);
  expect(chunks.some((url) => /\/split_photos-/.test(url))).toBe(false);
});

/**
 * A page whose chunk requests answer 503 while `failing` is set. The service
 * worker is blocked: its offline copy would answer them. The fixture's
 * checks stay on, less what a failed chunk is expected to log.
 */
const failing = base.extend({
  serviceWorkers: 'block',
  page: async ({ page, baseURL }, use) => {
    const problems = await recordProblems(page, baseURL);
    const state = { failing: true, refused: 0 };
    await page.route(
      (url) => CHUNK.test(url.pathname),
      (route) => {
        if (!state.failing) return route.continue();
        state.refused += 1;
        return route.fulfill({ status: 503, body: 'Service Unavailable' });
      },
    );
    page.state = state;
    await use(page);
    // The refused chunks: their status, the browser's lines about them (the
    // 503's body fails the chunk's integrity check first), and the split
    // loader's error.
    const chunkURL = /https?:\/\/\S+?\/(?:split|chunk)_\w+-[0-9a-f]{16}\.wasm/;
    const expected = (p) =>
      (/^(HTTP 503|console error): /.test(p) && chunkURL.test(p)) || /^console error: TypeError: Failed to fetch/.test(p);
    // The browser's line for a 503 names no URL: as many as were refused.
    let lines = state.refused;
    const refusedLine = (p) => p.startsWith('console error: Failed to load resource: the server responded with a status of 503') && lines-- > 0;
    await expectNoProblems(page, problems.filter((p) => !expected(p) && !refusedLine(p)));
  },
});

for (const { hash, heading, ready } of [
  { hash: '#/desk', heading: 'Clinic desk: session link', ready: (page) => page.getByLabel('Treated area') },
  { hash: '#/aftercare/photos', heading: 'Progress photos', ready: (page) => page.getByRole('heading', { name: 'Add a photo' }) },
]) {
  failing(`${hash}: a chunk that fails to load says so, and "Try again" loads it`, async ({ page }) => {
    await openApp(page, hash);
    const alert = page.getByRole('alert').filter({ hasText: 'This page could not be loaded.' });
    await expect(alert).toHaveText(/Check your connection and try again\./);
    expect(page.state.refused).toBeGreaterThan(0);
    // The app is alive: its tabs still work.
    await page.locator('.mc-tabs').getByRole('link', { name: 'Questions' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Questions and answers');
    await page.goBack();
    await expect(alert).toBeVisible();
    await expectNoViolations(page, `${hash} could not be loaded`);

    // Still failing: the message comes back, nothing else breaks.
    const refused = page.state.refused;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(alert).toBeVisible();
    await expect.poll(() => page.state.refused).toBeGreaterThan(refused);

    page.state.failing = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(ready(page)).toBeVisible();
    await expect(alert).toHaveCount(0);
    // The button went with the message: focus is on the page's heading.
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  });
}

failing('Privacy: actions whose chunk fails to load say so and change nothing; the same action again works', async ({ page }) => {
  await openApp(page, '#/privacy');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your privacy');
  // The page itself needs no chunk: nothing was asked for yet.
  expect(page.state.refused).toBe(0);
  const status = page.locator('#mc-privacy-outcome');
  const unavailable = 'This could not be loaded, so nothing was changed. Check your connection and try again.';

  await page.getByRole('button', { name: 'Download a backup' }).click();
  await expect(status).toHaveText(unavailable);
  await expect(status).toBeFocused();
  expect(page.state.refused).toBeGreaterThan(0);
  await expect(page.getByRole('button', { name: 'Download a backup' })).toBeEnabled();

  // "Delete all my data" deletes nothing while the photo tools cannot be
  // fetched (where a photo database exists).
  await page.evaluate(() => localStorage.setItem('microcare.settings', JSON.stringify({ schema: 1, lang: 'en' })));
  await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('microcare-photos');
        open.onsuccess = () => {
          open.result.close();
          resolve();
        };
        open.onerror = () => reject(open.error);
      }),
  );
  await page.getByRole('button', { name: 'Delete all my data' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(status).toHaveText(unavailable);
  expect(await page.evaluate(() => localStorage.getItem('microcare.settings'))).not.toBeNull();

  page.state.failing = false;
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download a backup' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^microcare-backup-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(status).toHaveText('Your backup was downloaded.');
  await expectNoViolations(page, 'Privacy after a failed chunk');
});

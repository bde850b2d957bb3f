// MicroCare inside a clinic's website, the two ways that used to break:
// - an iframe with `sandbox="allow-scripts"` (some website builders embed
//   that way): its document has an opaque origin, so every file is a
//   cross-origin request, refused by its integrity check unless fetched
//   with CORS (`crossorigin`) from a host that allows it;
// - mounted with mount.js: the app must not register a service worker
//   relative to the clinic's page (a 404 in its console, or the clinic's
//   page taken over by the app's worker).
import { test as base, expect } from '@playwright/test';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { expectNoProblems, recordProblems } from './fixtures.mjs';
import { startServer } from './server.mjs';

const test = base;

/** Serves one HTML page at `/` on a free port of another origin (localhost). */
async function hostPage(html) {
  const server = createServer((req, res) => {
    if (req.url !== '/') return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://localhost:${server.address().port}/`,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

test.describe('in an iframe with sandbox="allow-scripts"', () => {
  let app;
  let host;

  test.beforeAll(async () => {
    // The app's host sends the header docs/HOSTING.md asks for.
    app = await startServer('dist', '/care/', ['--cors', '1']);
    host = await hostPage(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Clinic</title>
      <link rel="icon" href="data:,"></head><body><h1>Bela Pele</h1>
      <iframe sandbox="allow-scripts" src="${app.url}" title="MicroCare" style="width: 100%; height: 900px"></iframe>
      </body></html>`);
  });
  test.afterAll(async () => {
    app?.stop();
    await host?.stop();
  });

  test('the app starts and is styled by its stylesheet', async ({ page }) => {
    const problems = await recordProblems(page, app.url, [], [new URL(host.url).origin]);
    await page.goto(host.url);
    const frame = page.frameLocator('iframe');
    // The app started (the skip link is drawn by the WASM, not the shell)...
    await expect(frame.locator('#microcare[data-mc-started]')).toHaveCount(1);
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Microneedling, explained calmly');
    // ... in an opaque origin, as the sandbox makes it ...
    const inner = page.frames().find((f) => f.url().startsWith(app.url));
    expect(await inner.evaluate(() => self.origin)).toBe('null');
    // ... and the whole stylesheet applies, inline in the page (its hash
    // in the CSP, which holds in the sandbox too).
    await expect(frame.locator('.mc-skip-link')).toHaveCSS('position', 'absolute');
    await expect(frame.locator('.mc-skip-link')).toHaveCSS('top', '-160px');
    const sheets = await inner.evaluate(() =>
      [...document.styleSheets].map((s) => ({ file: s.href, rules: s.cssRules.length > 50 })),
    );
    expect(sheets).toEqual([{ file: null, rules: true }]);
    // Storage is blocked in an opaque origin: the usual notice, no error.
    await expect(frame.locator('.mc-notice').first()).toBeVisible();
    await expectNoProblems(page, problems);
  });

  test('every integrity-checked element of the built page asks for CORS', async () => {
    const html = await readFile('dist/index.html', 'utf8');
    const tags = [...html.matchAll(/<(?:link|script)\b[^>]*\bintegrity=[^>]*>/g)].map((m) => m[0]);
    expect(tags.length).toBeGreaterThanOrEqual(3);
    for (const tag of tags) expect(tag).toMatch(/\scrossorigin[\s>=]/);
    // mount.js asks for CORS on everything it loads too.
    const mount = await readFile('dist/mount.js', 'utf8');
    expect(mount).toContain("el.crossOrigin = 'anonymous'");
    expect(mount).toContain("mode: 'cors'");
  });
});

/** A clinic's page that mounts the app from /care/mount.js. */
const mountPage = (src) => `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Clinic</title>
  <link rel="icon" href="data:,"></head>
  <body><h1>Bela Pele</h1><div id="microcare"><p>Loading…</p></div>
  <script src="${src}" data-target="#microcare"></script></body></html>`;

const CLINIC = JSON.stringify({ name: 'Bela Pele' });

test.describe('mounted with mount.js in a clinic page', () => {
  // Two places for the clinic's page on the app's own origin: elsewhere on
  // the site, where `sw.js` would be a 404, and inside the app's folder,
  // where the app's worker would take the clinic's page over.
  for (const [where, path] of [
    ['elsewhere on the site', '/clinic/index.html'],
    ["inside the app's folder", '/care/clinic-page.html'],
  ]) {
    test(`${where}: nothing in the console and no service worker`, async ({ page, baseURL }) => {
      const pageURL = new URL(path, baseURL).href;
      const problems = await recordProblems(page, baseURL);
      const messages = [];
      page.on('console', (msg) => messages.push(`${msg.type()}: ${msg.text()}`));
      await page.context().route(pageURL, (route) =>
        route.fulfill({ contentType: 'text/html; charset=utf-8', body: mountPage('/care/mount.js') }),
      );
      // The clinic has its configuration, so no request of the app fails.
      await page.context().route('**/care/clinic.json', (route) =>
        route.fulfill({ contentType: 'application/json', body: CLINIC }),
      );
      await page.goto(pageURL);
      const app = page.locator('#microcare');
      await expect(page.locator('#microcare[data-mc-started]')).toHaveCount(1);
      await expect(app.locator('.mc-brand-name')).toHaveText('Bela Pele');
      // Styled by the build's stylesheet, which mount.js adds to the
      // clinic's page (index.html has the same rules inline instead).
      await expect(app.locator('.mc-skip-link')).toHaveCSS('position', 'absolute');
      expect(
        await page.evaluate(() => [...document.styleSheets].filter((s) => s.href?.includes('/care/main-')).length),
      ).toBe(1);
      // Give a registration, had one started, time to fail or succeed.
      await page.waitForTimeout(1000);
      const registrations = await page.evaluate(async () =>
        (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope),
      );
      expect(registrations).toEqual([]);
      expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
      expect(messages).toEqual([]);
      // The clinic's page itself is the one request outside the app's files.
      const outside = `request outside the app: ${pageURL}`;
      const others = problems.filter((p) => p !== outside && p !== `request for something that is not an app file: ${pageURL}`);
      await expectNoProblems(page, others);
    });
  }
});

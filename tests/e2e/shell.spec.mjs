import { test as plainTest } from '@playwright/test';
import { test, expect, openApp } from './fixtures.mjs';
import { startServer } from './server.mjs';

const SECTIONS = [
  { hash: '#/faq', tab: 'Questions', heading: 'Questions and answers' },
  { hash: '#/check', tab: 'Self-check', heading: 'Self-check' },
  { hash: '#/aftercare', tab: 'Aftercare', heading: 'Aftercare' },
  { hash: '#/privacy', tab: 'Privacy', heading: 'Your privacy' },
  { hash: '#/', tab: 'Home', heading: 'Microneedling, explained calmly' },
];

test('the home page loads from the sub-path and replaces the static shell', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Microneedling, explained calmly');
  await expect(page.getByText('Loading…')).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByText('does not replace medical advice')).toBeVisible();
});

test('the page is served with the strict Content-Security-Policy of this build', async ({ page }) => {
  const response = await page.goto('#/');
  const csp = response.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'none'");
  // One hash per inline script (the first-paint chooser and the loader), nothing else inline.
  expect(csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+'){2} 'wasm-unsafe-eval'/);
  // The app still starts under it (the fixture also fails on any violation).
  await expect(page.locator('#microcare[data-mc-started]')).toHaveCount(1);
});

test('every section is reachable by tapping the navigation', async ({ page }) => {
  await openApp(page);
  const nav = page.getByRole('navigation', { name: 'Sections' });
  for (const { tab, heading, hash } of SECTIONS) {
    await nav.getByRole('link', { name: tab }).tap();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(nav.getByRole('link', { name: tab })).toHaveAttribute('aria-current', 'page');
    expect(new URL(page.url()).hash).toBe(hash);
  }
});

test('every section opens from its deep link and survives a reload', async ({ page }) => {
  for (const { hash, heading } of SECTIONS) {
    await openApp(page, hash);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  }
});

test('Back returns to the previous section and Forward comes back', async ({ page }) => {
  await openApp(page, '#/faq');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Aftercare' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aftercare');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Questions and answers');
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aftercare');
});

test('an unknown link shows a friendly page with a way home', async ({ page }) => {
  await openApp(page, '#/no-such-page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.getByRole('link', { name: 'Go to the home page' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Microneedling, explained calmly');
});

test('a hostile hash shows the not-found page, not an error', async ({ page }) => {
  await openApp(page, `#/faq/${'%3Cimg%3E'.repeat(2000)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});

test('after tapping a section, focus moves to its heading', async ({ page }) => {
  await openApp(page);
  await page.getByRole('link', { name: /Self-check/ }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test('the skip link moves focus to the content without changing the route', async ({ page }) => {
  await openApp(page, '#/faq');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#mc-main')).toBeFocused();
  expect(new URL(page.url()).hash).toBe('#/faq');
});

// 320 px is the narrowest phone; 640 x 400 is a 1280 x 800 screen at 200 % zoom.
for (const { width, height } of [
  { width: 320, height: 800 },
  { width: 375, height: 812 },
  { width: 640, height: 400 },
]) {
  test(`nothing overflows horizontally at ${width} x ${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    for (const { hash } of [...SECTIONS, { hash: '#/nope' }, { hash: '#/faq/how-many-sessions' }]) {
      await openApp(page, hash);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal overflow on ${hash}`).toBeLessThanOrEqual(0);
    }
  });
}

plainTest('the same dist/ also works served from the root of a host', async ({ page }) => {
  // A second server, on its own origin, serving dist/ at / instead of /care/:
  // this only works if every asset URL in the build is relative.
  const errors = [];
  // Without a clinic.json the app runs on its defaults; the browser still logs the 404.
  const missingClinicFile = (msg) => msg.location().url.endsWith('/clinic.json');
  page.on('console', (msg) => msg.type() === 'error' && !missingClinicFile(msg) && errors.push(msg.text()));
  page.on('requestfailed', (request) => errors.push(`failed: ${request.url()}`));
  const server = await startServer('dist', '/');
  try {
    await page.goto(`${server.url}#/faq`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Questions and answers');
  } finally {
    server.stop();
  }
  expect(errors).toEqual([]);
});

test('the first screen is styled at once, with no stylesheet to wait for, and does not move when the app starts', async ({
  page,
}) => {
  // The whole stylesheet is inline in index.html (scripts/inline-css.mjs):
  // a slow phone never shows an unstyled or half-styled first screen, and
  // nothing is restyled later (a late stylesheet once moved the shell by 0.10).
  const stylesheets = [];
  page.on('request', (request) => request.resourceType() === 'stylesheet' && stylesheets.push(request.url()));
  await page.route('**/*.wasm', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1600));
    await route.continue();
  });
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('#/faq');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Questions and answers');
  // Styled before the app started: the page's margin, the hidden skip link,
  // the current section's tab in bold.
  await expect(page.locator('#microcare[data-mc-started]')).toHaveCount(0);
  await expect(page.locator('body')).toHaveCSS('margin', '0px');
  await expect(page.locator('.mc-skip-link')).toHaveCSS('position', 'absolute');
  await expect(page.locator('.mc-tabs a[aria-current="page"]')).toHaveCSS('font-weight', '700');
  await expect(page.locator('#microcare[data-mc-started]')).toHaveCount(1);
  expect(await page.evaluate(() => window.__shift)).toBeLessThan(0.01);
  expect(stylesheets).toEqual([]);
});

test.describe('starting on a slow connection', () => {
  test.use({ serviceWorkers: 'block' });
  for (const { hash, file, heading } of [
    { hash: '#/faq', file: 'en.faq.json', heading: 'Questions and answers' },
    { hash: '#/check', file: 'en.check.json', heading: 'Self-check' },
    { hash: '#/aftercare', file: 'en.aftercare.json', heading: 'Aftercare' },
  ]) {
    // Each file the app waits for after its WebAssembly is one more round
    // trip before it takes over: the section's file was asked for only once
    // the language's and the clinic's files had arrived.
    test(`${hash}: the section's file is asked for alongside the language's, not after it`, async ({ page }) => {
      let release;
      const released = new Promise((resolve) => (release = resolve));
      await page.route('**/locales/en.json', async (route) => {
        await released;
        await route.continue().catch(() => {});
      });
      const asked = [];
      page.on('request', (request) => asked.push(new URL(request.url()).pathname));
      const sectionAsked = page.waitForRequest((request) => request.url().endsWith(`/locales/${file}`), {
        timeout: 10_000,
      });
      await page.goto(hash);
      // The language's file is still held back here.
      await sectionAsked;
      release();
      await expect(page.locator('#microcare[data-mc-started]')).toHaveCount(1);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      // Read once: the page does not ask for it again.
      expect(asked.filter((path) => path.endsWith(`/locales/${file}`))).toHaveLength(1);
    });
  }
});

// Installing MicroCare: a valid manifest with its icons, Chromium's own
// installability check, and the install offer (Chromium's prompt, and the
// Add to Home Screen guidance on iOS), shown at sensible moments only.
import { test as base, chromium } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, openApp, recordProblems, expectNoProblems, IPHONE } from './fixtures.mjs';
import { expectNoViolations } from './axe.mjs';
import { start, answerAll, ORDINARY } from './check-steps.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';

/** Width and height of a PNG, from its header. */
function pngSize(bytes) {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test('the manifest describes the app where it is hosted, and every icon exists at its size', async ({ request, baseURL }) => {
  const html = await (await request.get(baseURL)).text();
  const href = /<link[^>]*rel=manifest[^>]*href=([^\s>]+)|<link[^>]*href=([^\s>]+)[^>]*rel=manifest/.exec(html);
  expect(href, 'index.html links the manifest').not.toBeNull();
  const manifestURL = new URL(href[1] ?? href[2], baseURL);
  const response = await request.get(manifestURL.href);
  expect(response.headers()['content-type']).toBe('application/manifest+json');
  const manifest = await response.json();
  expect(manifest.name).toContain('MicroCare');
  expect(manifest.short_name).toBe('MicroCare');
  expect(manifest.description.length).toBeGreaterThan(20);
  expect(manifest.display).toBe('standalone');
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
  // Relative to the manifest: the app starts in the folder it is served from.
  expect(new URL(manifest.start_url, manifestURL).href).toBe(baseURL);
  expect(new URL(manifest.scope, manifestURL).href).toBe(baseURL);

  const sizes = [];
  for (const icon of manifest.icons) {
    const file = await request.get(new URL(icon.src, manifestURL).href);
    expect(file.status(), icon.src).toBe(200);
    expect(file.headers()['content-type']).toBe('image/png');
    const [width, height] = pngSize(await file.body());
    expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
    sizes.push(`${icon.sizes} ${icon.purpose}`);
  }
  expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));

  const apple = /<link[^>]*href=([^\s>]+)[^>]*rel=apple-touch-icon|<link[^>]*rel=apple-touch-icon[^>]*href=([^\s>]+)/.exec(html);
  expect(apple, 'index.html links an apple-touch-icon').not.toBeNull();
  const appleIcon = await request.get(new URL(apple[1] ?? apple[2], baseURL).href);
  expect(pngSize(await appleIcon.body())).toEqual([180, 180]);
});

/**
 * A page in a browser profile of its own: Chromium checks installability and
 * offers its install prompt only outside incognito contexts. The flag skips
 * the engagement a person would show before Chromium offers the prompt.
 */
const profile = base.extend({
  page: async ({ baseURL, viewport }, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'microcare-profile-'));
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS, '--bypass-app-banner-engagement-checks'],
      baseURL,
      viewport,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const problems = await recordProblems(page, baseURL);
    // Whether the browser offered its install prompt to the page.
    await page.addInitScript(() => addEventListener('beforeinstallprompt', () => (window.__installable = true)));
    await use(page);
    await expectNoProblems(page, problems);
    await context.close();
    await rm(dir, { recursive: true, force: true });
  },
});

const visit = async (page) => {
  await openApp(page);
  await page.waitForFunction(() => window.__installable && navigator.serviceWorker.controller);
};

profile('Chromium finds the app installable', async ({ page }) => {
  await visit(page);
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors).toEqual([]);
  const { errors } = await cdp.send('Page.getAppManifest');
  expect(errors).toEqual([]);
});

profile('the install offer waits for a later visit, and "Not now" is remembered', async ({ page }) => {
  const offer = page.getByText('Install MicroCare: it opens from your Home Screen');
  await visit(page);
  await expect(page.getByRole('button', { name: 'Install' })).toHaveCount(0);
  await page.reload();
  await visit(page);
  await expect(offer).toBeVisible();
  await expect(page.getByRole('button', { name: 'Install' })).toBeVisible();
  await expectNoViolations(page, 'install offer');
  await page.getByRole('button', { name: 'Not now' }).click();
  await expect(offer).toHaveCount(0);
  await page.reload();
  await visit(page);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(offer).toHaveCount(0);
  const settings = await page.evaluate(() => JSON.parse(localStorage.getItem('microcare.settings')));
  expect(settings.data.install_dismissed).toBe(true);
});

profile('Install opens the browser\'s prompt, and the offer is not shown again', async ({ page }) => {
  // Notes that the page asked the browser to show its install prompt.
  await page.addInitScript(() => {
    const prompt = BeforeInstallPromptEvent.prototype.prompt;
    BeforeInstallPromptEvent.prototype.prompt = function () {
      window.__prompted = true;
      return prompt.call(this);
    };
  });
  await visit(page);
  await page.reload();
  await visit(page);
  expect(await page.evaluate(() => window.__prompted)).toBeUndefined();
  await page.getByRole('button', { name: 'Install' }).click();
  await expect(page.getByRole('button', { name: 'Install' })).toHaveCount(0);
  expect(await page.evaluate(() => window.__prompted)).toBe(true);
  await page.reload();
  await visit(page);
  await expect(page.getByText('Install MicroCare')).toHaveCount(0);
});

test.describe('on an iPhone', () => {
  test.use({ userAgent: IPHONE });

  test('a self-check result brings the Add to Home Screen guidance, dismissible for good', async ({ page }) => {
    const guide = page.getByText('Tap Share, then “Add to Home Screen”.');
    await openApp(page);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(guide).toHaveCount(0);
    await start(page);
    await answerAll(page, ORDINARY);
    await page.getByRole('button', { name: 'See my result' }).click();
    await expect(page.getByText('Nothing in your answers stands in the way.')).toBeVisible();
    await expect(guide).toBeVisible();
    await expect(page.getByRole('button', { name: 'Install' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Not now' }).click();
    await expect(guide).toHaveCount(0);
    // A later visit would offer it: not once dismissed.
    await page.waitForFunction(() => navigator.serviceWorker.controller);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('#microcare[data-mc-started]')).toHaveCount(1);
    await expect(guide).toHaveCount(0);
  });

  test('a later visit brings the guidance, but not when opened from the Home Screen', async ({ page }) => {
    const guide = page.getByText('Tap Share, then “Add to Home Screen”.');
    await openApp(page);
    await expect(guide).toHaveCount(0);
    await page.waitForFunction(() => navigator.serviceWorker.controller);
    await page.reload();
    await expect(guide).toBeVisible();
    await page.addInitScript(() => Object.defineProperty(navigator, 'standalone', { value: true }));
    await page.reload();
    await expect(page.locator('#microcare[data-mc-started]')).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(guide).toHaveCount(0);
  });
});
